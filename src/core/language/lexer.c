/*
 * lexer.c: splits a GraphQL source into tokens (see lexer.h).
 *
 * The source is UTF-8. Offsets are bytes; graphql-core reports code points,
 * and gql_locate converts when an error is shown. Every message is the one
 * graphql-core 3.2 raises for the same input, at the same place.
 *
 * A source may also carry UTF-16 surrogates encoded on their own (as Python's
 * "surrogatepass" codec writes them): a high surrogate followed by a low one
 * reads as one supplementary character, a lone one is an invalid character,
 * exactly as graphql-core treats a Python str holding them.
 */
#include "lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "mem.h"

/*=== MARK: Character classes ================================================*/

/* What a byte can start. A table rather than a chain of comparisons because
 * the lexer consults it for every token (SQLite's aiClass does the same). */
enum {
    CC_OTHER,  /* anything else, bytes >= 0x80 too: an error unless a BOM */
    CC_SPACE,  /* ' ', '\t', ',': ignored */
    CC_LF,     /* '\n' */
    CC_CR,     /* '\r' */
    CC_PUNCT,  /* ! $ & ( ) : = @ [ ] { } | */
    CC_NAME,   /* A-Z a-z _ */
    CC_DIGIT,  /* 0-9 */
    CC_MINUS,  /* - */
    CC_DOT,    /* . */
    CC_QUOTE,  /* " */
    CC_HASH    /* # */
};

/* Tables are constant data (no initialisation at run time), so parses may
 * run concurrently without the GIL. */
static const uint8_t char_class[256] = {
    [' '] = CC_SPACE, ['\t'] = CC_SPACE, [','] = CC_SPACE, ['\n'] = CC_LF, ['\r'] = CC_CR, ['-'] = CC_MINUS,
    ['.'] = CC_DOT, ['"'] = CC_QUOTE, ['#'] = CC_HASH, ['!'] = CC_PUNCT, ['$'] = CC_PUNCT, ['&'] = CC_PUNCT,
    ['('] = CC_PUNCT, [')'] = CC_PUNCT, [':'] = CC_PUNCT, ['='] = CC_PUNCT, ['@'] = CC_PUNCT, ['['] = CC_PUNCT,
    [']'] = CC_PUNCT, ['{'] = CC_PUNCT, ['}'] = CC_PUNCT, ['|'] = CC_PUNCT, ['a'] = CC_NAME, ['b'] = CC_NAME,
    ['c'] = CC_NAME, ['d'] = CC_NAME, ['e'] = CC_NAME, ['f'] = CC_NAME, ['g'] = CC_NAME, ['h'] = CC_NAME,
    ['i'] = CC_NAME, ['j'] = CC_NAME, ['k'] = CC_NAME, ['l'] = CC_NAME, ['m'] = CC_NAME, ['n'] = CC_NAME,
    ['o'] = CC_NAME, ['p'] = CC_NAME, ['q'] = CC_NAME, ['r'] = CC_NAME, ['s'] = CC_NAME, ['t'] = CC_NAME,
    ['u'] = CC_NAME, ['v'] = CC_NAME, ['w'] = CC_NAME, ['x'] = CC_NAME, ['y'] = CC_NAME, ['z'] = CC_NAME,
    ['A'] = CC_NAME, ['B'] = CC_NAME, ['C'] = CC_NAME, ['D'] = CC_NAME, ['E'] = CC_NAME, ['F'] = CC_NAME,
    ['G'] = CC_NAME, ['H'] = CC_NAME, ['I'] = CC_NAME, ['J'] = CC_NAME, ['K'] = CC_NAME, ['L'] = CC_NAME,
    ['M'] = CC_NAME, ['N'] = CC_NAME, ['O'] = CC_NAME, ['P'] = CC_NAME, ['Q'] = CC_NAME, ['R'] = CC_NAME,
    ['S'] = CC_NAME, ['T'] = CC_NAME, ['U'] = CC_NAME, ['V'] = CC_NAME, ['W'] = CC_NAME, ['X'] = CC_NAME,
    ['Y'] = CC_NAME, ['Z'] = CC_NAME, ['_'] = CC_NAME, ['0'] = CC_DIGIT, ['1'] = CC_DIGIT, ['2'] = CC_DIGIT,
    ['3'] = CC_DIGIT, ['4'] = CC_DIGIT, ['5'] = CC_DIGIT, ['6'] = CC_DIGIT, ['7'] = CC_DIGIT, ['8'] = CC_DIGIT,
    ['9'] = CC_DIGIT,
};

static const uint8_t punct_kind[128] = {
    ['!'] = GQL_TOK_BANG, ['$'] = GQL_TOK_DOLLAR, ['&'] = GQL_TOK_AMP,
    ['('] = GQL_TOK_PAREN_L, [')'] = GQL_TOK_PAREN_R, [':'] = GQL_TOK_COLON,
    ['='] = GQL_TOK_EQUALS, ['@'] = GQL_TOK_AT, ['['] = GQL_TOK_BRACKET_L,
    [']'] = GQL_TOK_BRACKET_R, ['{'] = GQL_TOK_BRACE_L, ['}'] = GQL_TOK_BRACE_R,
    ['|'] = GQL_TOK_PIPE,
};

/* NameContinue: letters, digits and underscore. */
static const uint8_t name_continue[256] = {
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['_'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1,
    ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
};

static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_name_start(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static inline int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/*=== MARK: UTF-8 ============================================================*/

#define CP_INVALID (-1L)  /* a byte that does not start a well-formed character */

/* Decode one encoded code point at src[pos]; *size receives its length in
 * bytes. Surrogates encoded alone (ED A0..BF xx) decode to their value. */
static long decode_one(const char *src, size_t len, size_t pos, size_t *size) {
    const unsigned char *s = (const unsigned char *)src + pos;
    size_t left = len - pos;
    unsigned char b = s[0];
    *size = 1;
    if (b < 0x80) return b;
    if (b >= 0xC2 && b <= 0xDF) {
        if (left < 2 || (s[1] & 0xC0) != 0x80) return CP_INVALID;
        *size = 2;
        return ((long)(b & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (b >= 0xE0 && b <= 0xEF) {
        if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return CP_INVALID;
        long cp = ((long)(b & 0x0F) << 12) | ((long)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (cp < 0x800) return CP_INVALID;
        *size = 3;
        return cp;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (left < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return CP_INVALID;
        long cp = ((long)(b & 0x07) << 18) | ((long)(s[1] & 0x3F) << 12) |
                  ((long)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (cp < 0x10000 || cp > 0x10FFFF) return CP_INVALID;
        *size = 4;
        return cp;
    }
    return CP_INVALID;
}

static inline bool is_high_surrogate(long cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
static inline bool is_low_surrogate(long cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }
static inline bool is_scalar(long cp) {
    return (cp >= 0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0x10FFFF);
}

/*
 * The source character at pos, as graphql-core sees a Python str: a pair of
 * surrogates reads as one supplementary character. *size is its byte length;
 * *chars the number of Python str characters it spans (2 for such a pair).
 */
static long char_at(const gql_lexer *lx, size_t pos, size_t *size, int *chars) {
    long cp = decode_one(lx->src, lx->len, pos, size);
    *chars = 1;
    if (is_high_surrogate(cp) && pos + *size < lx->len) {
        size_t size2;
        long lo = decode_one(lx->src, lx->len, pos + *size, &size2);
        if (is_low_surrogate(lo)) {
            *size += size2;
            *chars = 2;
            return 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
    }
    return cp;
}

/* A valid source character: a scalar value or a surrogate pair. */
static inline bool is_source_char(const gql_lexer *lx, size_t pos, size_t *size) {
    int chars;
    long cp = char_at(lx, pos, size, &chars);
    return is_scalar(cp);
}

/* Byte offset just past n Python characters from pos (or the end). */
static size_t advance_chars(const gql_lexer *lx, size_t pos, size_t n) {
    while (n > 0 && pos < lx->len) {
        size_t size;
        decode_one(lx->src, lx->len, pos, &size);
        pos += size;
        n--;
    }
    return pos;
}

static size_t encode_utf8(char *out, unsigned long cp) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/*=== MARK: Errors ===========================================================*/

static const char *const token_kind_desc[] = {
    [GQL_TOK_SOF] = "<SOF>",          [GQL_TOK_EOF] = "<EOF>",
    [GQL_TOK_BANG] = "'!'",           [GQL_TOK_DOLLAR] = "'$'",
    [GQL_TOK_AMP] = "'&'",            [GQL_TOK_PAREN_L] = "'('",
    [GQL_TOK_PAREN_R] = "')'",        [GQL_TOK_DOT] = "'.'",
    [GQL_TOK_SPREAD] = "'...'",       [GQL_TOK_COLON] = "':'",
    [GQL_TOK_EQUALS] = "'='",         [GQL_TOK_AT] = "'@'",
    [GQL_TOK_BRACKET_L] = "'['",      [GQL_TOK_BRACKET_R] = "']'",
    [GQL_TOK_BRACE_L] = "'{'",        [GQL_TOK_PIPE] = "'|'",
    [GQL_TOK_BRACE_R] = "'}'",        [GQL_TOK_NAME] = "Name",
    [GQL_TOK_INT] = "Int",            [GQL_TOK_FLOAT] = "Float",
    [GQL_TOK_STRING] = "String",      [GQL_TOK_BLOCK_STRING] = "BlockString",
    [GQL_TOK_COMMENT] = "Comment",
};

const char *gql_token_kind_desc(gql_token_kind kind) { return token_kind_desc[kind]; }

_Noreturn void gql_lexer_fail(gql_lexer *lx, gql_status code, size_t offset, const char *fmt,
                              ...) {
    va_list ap;
    va_start(ap, fmt);
    gql_error_vset(lx->err, code, offset, fmt, ap);
    va_end(ap);
    longjmp(*lx->on_error, 1);
}

static _Noreturn void fail_nomem(gql_lexer *lx) {
    gql_error_nomem(lx->err);
    longjmp(*lx->on_error, 1);
}

const char *gql_lexer_describe_char(const gql_lexer *lx, size_t offset, char *buf) {
    if (offset >= lx->len) return "<EOF>";
    unsigned char c = (unsigned char)lx->src[offset];
    if (c >= 0x20 && c <= 0x7E) {
        snprintf(buf, 16, "'%c'", c);
        return buf;
    }
    size_t size;
    int chars;
    long cp = char_at(lx, offset, &size, &chars);
    if (cp == CP_INVALID)
        snprintf(buf, 16, "byte 0x%02X", c);  /* only reachable from C callers */
    else
        snprintf(buf, 16, "U+%04X", (unsigned)(cp & 0x1FFFFF));
    return buf;
}

/* "Syntax Error: " + a description, for the lexer's own messages. */
#define SYNTAX_FAIL(lx, off, ...) \
    gql_lexer_fail((lx), GQL_ERR_SYNTAX, (off), "Syntax Error: " __VA_ARGS__)

/*=== MARK: Interning ========================================================*/

static uint32_t fnv1a(const char *s, uint32_t len) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static bool intern_grow(gql_intern_table *t) {
    uint32_t cap = t->slots ? (t->mask + 1) * 2 : 64;
    const gql_sym **slots = gql_calloc(cap, sizeof *slots);
    if (!slots) return false;
    if (t->slots) {
        for (uint32_t i = 0; i <= t->mask; i++) {
            const gql_sym *s = t->slots[i];
            if (!s) continue;
            uint32_t j = s->hash & (cap - 1);
            while (slots[j]) j = (j + 1) & (cap - 1);
            slots[j] = s;
        }
        gql_free(t->slots);
    }
    t->slots = slots;
    t->mask = cap - 1;
    return true;
}

const gql_sym *gql_intern(gql_intern_table *t, gql_arena *arena, const char *s, uint32_t len) {
    if ((!t->slots || (t->count + 1) * 4 > (t->mask + 1) * 3) && !intern_grow(t)) return NULL;
    uint32_t h = fnv1a(s, len);
    uint32_t i = h & t->mask;
    for (;;) {
        const gql_sym *e = t->slots[i];
        if (!e) break;
        if (e->hash == h && e->len == len && memcmp(e->str, s, len) == 0) return e;
        i = (i + 1) & t->mask;
    }
    gql_sym *sym = gql_arena_alloc(arena, sizeof(gql_sym) + len + 1);
    if (!sym) return NULL;
    sym->hash = h;
    sym->len = len;
    memcpy(sym->str, s, len);
    sym->str[len] = '\0';
    t->slots[i] = sym;
    t->count++;
    return sym;
}

uint32_t gql_name_hash(const char *s, uint32_t len) { return fnv1a(s, len); }

const gql_sym *gql_intern_find(const gql_intern_table *t, const char *s, uint32_t len) {
    if (!t->slots) return NULL;
    uint32_t h = fnv1a(s, len);
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        const gql_sym *e = t->slots[i];
        if (!e) return NULL;
        if (e->hash == h && e->len == len && memcmp(e->str, s, len) == 0) return e;
    }
}

/*=== MARK: Lexer ============================================================*/

void gql_lexer_init(gql_lexer *lx, const char *src, size_t len, gql_arena *arena,
                    gql_error *err, jmp_buf *on_error) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->arena = arena;
    lx->err = err;
    lx->on_error = on_error;
}

void gql_lexer_release(gql_lexer *lx) {
    gql_free(lx->names.slots);
    lx->names.slots = NULL;
    gql_free(lx->line_spans);
    lx->line_spans = NULL;
    gql_free(lx->scratch);
    lx->scratch = NULL;
}

static inline void set_token(gql_token *tok, gql_token_kind kind, size_t start, size_t end) {
    tok->kind = kind;
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)end;
    tok->name = NULL;
    tok->text.ptr = NULL;
    tok->text.len = 0;
}

static void read_comment(gql_lexer *lx, size_t start, gql_token *tok) {
    size_t pos = start + 1;
    while (pos < lx->len) {
        char c = lx->src[pos];
        if (c == '\r' || c == '\n') break;
        size_t size;
        if (!is_source_char(lx, pos, &size)) break;
        pos += size;
    }
    set_token(tok, GQL_TOK_COMMENT, start, pos);
}

/* Digit+ at pos, or an error naming what stands there instead. */
static size_t read_digits(gql_lexer *lx, size_t pos) {
    char buf[16];
    if (pos >= lx->len || !is_digit(lx->src[pos]))
        SYNTAX_FAIL(lx, pos, "Invalid number, expected digit but got: %s.",
                    gql_lexer_describe_char(lx, pos, buf));
    pos++;
    while (pos < lx->len && is_digit(lx->src[pos])) pos++;
    return pos;
}

static void read_number(gql_lexer *lx, size_t start, gql_token *tok) {
    const char *s = lx->src;
    size_t len = lx->len, pos = start;
    bool is_float = false;
    char buf[16];
    if (s[pos] == '-') pos++;
    if (pos < len && s[pos] == '0') {
        pos++;
        if (pos < len && is_digit(s[pos]))
            SYNTAX_FAIL(lx, pos, "Invalid number, unexpected digit after 0: %s.",
                        gql_lexer_describe_char(lx, pos, buf));
    } else {
        pos = read_digits(lx, pos);
    }
    if (pos < len && s[pos] == '.') {
        is_float = true;
        pos = read_digits(lx, pos + 1);
    }
    if (pos < len && (s[pos] == 'e' || s[pos] == 'E')) {
        is_float = true;
        pos++;
        if (pos < len && (s[pos] == '+' || s[pos] == '-')) pos++;
        pos = read_digits(lx, pos);
    }
    if (pos < len && (s[pos] == '.' || is_name_start((unsigned char)s[pos])))
        SYNTAX_FAIL(lx, pos, "Invalid number, expected digit but got: %s.",
                    gql_lexer_describe_char(lx, pos, buf));
    set_token(tok, is_float ? GQL_TOK_FLOAT : GQL_TOK_INT, start, pos);
    tok->text.ptr = s + start;
    tok->text.len = pos - start;
}

/* The text of n Python characters from pos, for escape-sequence messages. */
static int chars_span(const gql_lexer *lx, size_t pos, size_t n) {
    return (int)(advance_chars(lx, pos, n) - pos);
}

/* \u{...}: returns the code point and sets *end past the escape. */
static unsigned long read_escape_variable(gql_lexer *lx, size_t pos, size_t *end) {
    const char *s = lx->src;
    /* graphql-core reads at most 12 characters (\u{00000000}). */
    size_t max_size = 0;
    for (size_t p = pos; max_size < 12 && p < lx->len; max_size++) {
        size_t sz;
        decode_one(s, lx->len, p, &sz);
        p += sz;
    }
    unsigned long long point = 0;
    size_t size = 3;
    size_t p = pos + 3;
    while (size < max_size) {
        size_t sz;
        decode_one(s, lx->len, p, &sz);
        unsigned char c = (unsigned char)s[p];
        p += sz;
        size++;
        if (c == '}') {
            if (size < 5 || !is_scalar((long)(point > 0x10FFFF ? 0x110000 : point))) break;
            *end = p;
            return (unsigned long)point;
        }
        int h = sz == 1 ? hex_value(c) : -1;
        if (h < 0) break;
        point = (point << 4) | (unsigned)h;
    }
    SYNTAX_FAIL(lx, pos, "Invalid Unicode escape sequence: '%.*s'.", chars_span(lx, pos, size),
                s + pos);
}

/* Four hex digits at pos, or -1. */
static long read_hex4(const gql_lexer *lx, size_t pos) {
    if (pos + 4 > lx->len) return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value((unsigned char)lx->src[pos + i]);
        if (h < 0) return -1;
        v = (v << 4) | h;
    }
    return v;
}

/* \uXXXX, possibly a surrogate pair \uD83D\uDE00. */
static unsigned long read_escape_fixed(gql_lexer *lx, size_t pos, size_t *end) {
    long code = read_hex4(lx, pos + 2);
    if (is_scalar(code)) {
        *end = pos + 6;
        return (unsigned long)code;
    }
    if (is_high_surrogate(code) && pos + 8 <= lx->len && lx->src[pos + 6] == '\\' &&
        lx->src[pos + 7] == 'u') {
        long trail = read_hex4(lx, pos + 8);
        if (is_low_surrogate(trail)) {
            *end = pos + 12;
            return 0x10000 + (unsigned long)((code - 0xD800) << 10) + (unsigned long)(trail - 0xDC00);
        }
    }
    SYNTAX_FAIL(lx, pos, "Invalid Unicode escape sequence: '%.*s'.", chars_span(lx, pos, 6),
                lx->src + pos);
}

/* Make room for need more bytes in the scratch buffer after its first n. */
static char *scratch_reserve(gql_lexer *lx, size_t n, size_t need) {
    if (n + need > lx->scratch_cap) {
        size_t cap = lx->scratch_cap ? lx->scratch_cap : 256;
        while (cap < n + need) cap *= 2;
        char *b = gql_realloc(lx->scratch, cap);
        if (!b) fail_nomem(lx);
        lx->scratch = b;
        lx->scratch_cap = cap;
    }
    return lx->scratch + n;
}

/* Append raw source bytes [from, to) to the value being decoded. */
static size_t append_raw(gql_lexer *lx, size_t n, size_t from, size_t to) {
    if (from == to) return n;
    memcpy(scratch_reserve(lx, n, to - from), lx->src + from, to - from);
    return n + (to - from);
}

static void read_string(gql_lexer *lx, size_t start, gql_token *tok) {
    const char *s = lx->src;
    size_t len = lx->len, pos = start + 1, chunk = pos;
    size_t n = 0; /* decoded bytes in lx->scratch */
    char buf[16];
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        if (c == '"') {
            n = append_raw(lx, n, chunk, pos);
            char *out = gql_arena_strndup(lx->arena, lx->scratch ? lx->scratch : "", n);
            if (!out) fail_nomem(lx);
            set_token(tok, GQL_TOK_STRING, start, pos + 1);
            tok->text.ptr = out;
            tok->text.len = n;
            return;
        }
        if (c == '\\') {
            n = append_raw(lx, n, chunk, pos);
            size_t end;
            if (pos + 1 < len && s[pos + 1] == 'u') {
                unsigned long cp = (pos + 2 < len && s[pos + 2] == '{')
                                       ? read_escape_variable(lx, pos, &end)
                                       : read_escape_fixed(lx, pos, &end);
                n += encode_utf8(scratch_reserve(lx, n, 4), cp);
            } else {
                char e = pos + 1 < len ? s[pos + 1] : 0;
                char v;
                switch (e) {
                case '"': v = '"'; break;
                case '/': v = '/'; break;
                case '\\': v = '\\'; break;
                case 'b': v = '\b'; break;
                case 'f': v = '\f'; break;
                case 'n': v = '\n'; break;
                case 'r': v = '\r'; break;
                case 't': v = '\t'; break;
                default:
                    SYNTAX_FAIL(lx, pos, "Invalid character escape sequence: '%.*s'.",
                                chars_span(lx, pos, 2), s + pos);
                }
                *scratch_reserve(lx, n, 1) = v;
                n++;
                end = pos + 2;
            }
            pos = chunk = end;
            continue;
        }
        if (c == '\r' || c == '\n') break;
        if (c >= 0x20 && c < 0x80) {
            pos++;
            continue;
        }
        size_t size;
        if (!is_source_char(lx, pos, &size))
            SYNTAX_FAIL(lx, pos, "Invalid character within String: %s.",
                        gql_lexer_describe_char(lx, pos, buf));
        pos += size;
    }
    SYNTAX_FAIL(lx, pos, "Unterminated string.");
}

static size_t leading_whitespace(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    return i;
}

/* Copy a raw block-string line, turning each \""" into """. */
static size_t copy_block_line(char *out, const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == '\\' && i + 3 < len && s[i + 1] == '"' && s[i + 2] == '"' &&
            s[i + 3] == '"') {
            memcpy(out + n, "\"\"\"", 3);
            n += 3;
            i += 4;
        } else {
            out[n++] = s[i++];
        }
    }
    return n;
}

static void push_line(gql_lexer *lx, size_t *count, size_t start, size_t end) {
    if (*count == lx->line_spans_cap) {
        size_t cap = lx->line_spans_cap ? lx->line_spans_cap * 2 : 64;
        size_t *spans = gql_realloc(lx->line_spans, cap * 2 * sizeof *spans);
        if (!spans) fail_nomem(lx);
        lx->line_spans = spans;
        lx->line_spans_cap = cap;
    }
    lx->line_spans[2 * *count] = start;
    lx->line_spans[2 * *count + 1] = end;
    (*count)++;
}

/*
 * A block string: the raw lines are collected first, then the spec's
 * BlockStringValue() removes the common indentation (of all lines but the
 * first) and the leading and trailing blank lines.
 */
static void read_block_string(gql_lexer *lx, size_t start, gql_token *tok) {
    const char *s = lx->src;
    size_t len = lx->len, pos = start + 3, line_start = pos, nlines = 0;
    char buf[16];
    for (;;) {
        if (pos >= len) SYNTAX_FAIL(lx, pos, "Unterminated string.");
        unsigned char c = (unsigned char)s[pos];
        if (c == '"' && pos + 2 < len && s[pos + 1] == '"' && s[pos + 2] == '"') {
            push_line(lx, &nlines, line_start, pos);
            break;
        }
        if (c == '\\' && pos + 3 < len && s[pos + 1] == '"' && s[pos + 2] == '"' &&
            s[pos + 3] == '"') {
            pos += 4;
            continue;
        }
        if (c == '\r' || c == '\n') {
            push_line(lx, &nlines, line_start, pos);
            pos += (c == '\r' && pos + 1 < len && s[pos + 1] == '\n') ? 2 : 1;
            line_start = pos;
            continue;
        }
        if (c >= 0x20 && c < 0x80) {
            pos++;
            continue;
        }
        size_t size;
        if (!is_source_char(lx, pos, &size))
            SYNTAX_FAIL(lx, pos, "Invalid character within String: %s.",
                        gql_lexer_describe_char(lx, pos, buf));
        pos += size;
    }
    size_t end = pos + 3;

    const size_t *spans = lx->line_spans;
    size_t common = SIZE_MAX, first = SIZE_MAX, last = 0;
    bool any = false;
    for (size_t i = 0; i < nlines; i++) {
        size_t a = spans[2 * i], b = spans[2 * i + 1];
        size_t indent = leading_whitespace(s + a, b - a);
        if (indent == b - a) continue; /* blank */
        if (first == SIZE_MAX) first = i;
        last = i;
        any = true;
        if (i && indent < common) common = indent;
    }
    char *out = gql_arena_alloc(lx->arena, end - start + 1);
    if (!out) fail_nomem(lx);
    size_t n = 0;
    if (any) {
        for (size_t i = first; i <= last; i++) {
            size_t a = spans[2 * i], b = spans[2 * i + 1];
            if (i) {
                size_t cut = common == SIZE_MAX ? 0 : common;
                a = (b - a) < cut ? b : a + cut;
            }
            if (i > first) out[n++] = '\n';
            n += copy_block_line(out + n, s + a, b - a);
        }
    }
    out[n] = '\0';
    set_token(tok, GQL_TOK_BLOCK_STRING, start, end);
    tok->text.ptr = out;
    tok->text.len = n;
}

static void read_name(gql_lexer *lx, size_t start, gql_token *tok) {
    size_t pos = start + 1;
    while (pos < lx->len && name_continue[(unsigned char)lx->src[pos]]) pos++;
    set_token(tok, GQL_TOK_NAME, start, pos);
    if (pos - start > UINT32_MAX) fail_nomem(lx);
    tok->name = gql_intern(&lx->names, lx->arena, lx->src + start, (uint32_t)(pos - start));
    if (!tok->name) fail_nomem(lx);
}

static _Noreturn void unexpected_char(gql_lexer *lx, size_t pos) {
    char buf[16];
    if (lx->src[pos] == '\'')
        SYNTAX_FAIL(lx, pos,
                    "Unexpected single quote character ('), did you mean to use a double "
                    "quote (\")?");
    size_t size;
    int chars;
    long cp = char_at(lx, pos, &size, &chars);
    if (is_scalar(cp))
        SYNTAX_FAIL(lx, pos, "Unexpected character: %s.", gql_lexer_describe_char(lx, pos, buf));
    SYNTAX_FAIL(lx, pos, "Invalid character: %s.", gql_lexer_describe_char(lx, pos, buf));
}

void gql_lexer_read(gql_lexer *lx, gql_token *tok) {
    const char *s = lx->src;
    size_t len = lx->len, pos = lx->pos;
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        switch (char_class[c]) {
        case CC_SPACE:
        case CC_LF:
        case CC_CR:
            pos++;
            continue;
        case CC_PUNCT:
            set_token(tok, (gql_token_kind)punct_kind[c], pos, pos + 1);
            break;
        case CC_NAME:
            read_name(lx, pos, tok);
            break;
        case CC_DIGIT:
        case CC_MINUS:
            read_number(lx, pos, tok);
            break;
        case CC_QUOTE:
            if (pos + 2 < len && s[pos + 1] == '"' && s[pos + 2] == '"')
                read_block_string(lx, pos, tok);
            else
                read_string(lx, pos, tok);
            break;
        case CC_HASH:
            read_comment(lx, pos, tok);
            break;
        case CC_DOT:
            if (pos + 2 < len && s[pos + 1] == '.' && s[pos + 2] == '.') {
                set_token(tok, GQL_TOK_SPREAD, pos, pos + 3);
                break;
            }
            unexpected_char(lx, pos);
        default:
            /* U+FEFF (byte order mark) is ignored like whitespace. */
            if (c == 0xEF && pos + 2 < len && (unsigned char)s[pos + 1] == 0xBB &&
                (unsigned char)s[pos + 2] == 0xBF) {
                pos += 3;
                continue;
            }
            unexpected_char(lx, pos);
        }
        lx->pos = tok->end;
        return;
    }
    set_token(tok, GQL_TOK_EOF, len, len);
    lx->pos = len;
}
