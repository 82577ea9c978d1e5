/*
 * reader.c: the strict JSON reader of reader.h.
 *
 * Recursive descent, one function per kind of value, the nesting counted
 * against max_depth before each array or object. The items of an array and
 * the members of an object are pushed on scratch stacks shared by every
 * level and copied into the arena once their number is known, so each node
 * costs one arena allocation and no realloc. Strings are decoded in a second
 * pass over their bytes, once the closing quote is found: the decoded text
 * is never longer than the source, so its size is known before decoding.
 */
#include "json/reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "error.h"
#include "mem.h"
#include "utilities/inspect.h"

struct gql_json_doc {
    gql_arena arena;  /* every node, key and text */
    gql_json *root;   /* the value read */
};

typedef struct reader {
    const unsigned char *s;     /* the text */
    size_t n;                   /* its length */
    size_t pos;                 /* next byte */
    uint32_t depth, max_depth;  /* arrays and objects open; the limit */
    gql_arena *arena;           /* the document's */
    gql_json **items;           /* scratch: items of the open arrays */
    size_t items_len, items_cap;
    gql_json_member *members;   /* scratch: members of the open objects */
    size_t members_len, members_cap;
    gql_error *err;             /* set on the first failure */
    bool failed;
} reader;

/*=== MARK: Errors ==========================================================*/

static void fail(reader *r, gql_status code, size_t offset, const char *what) {
    if (r->failed) return;
    r->failed = true;
    gql_error_set(r->err, code, offset, "%s at byte %zu", what, offset);
}

static void fail_nomem(reader *r) {
    if (r->failed) return;
    r->failed = true;
    gql_error_nomem(r->err);
}

static gql_json *new_node(reader *r, gql_json_kind kind) {
    gql_json *v = gql_arena_zalloc(r->arena, sizeof *v);
    if (!v) {
        fail_nomem(r);
        return NULL;
    }
    v->kind = (uint8_t)kind;
    return v;
}

static void skip_ws(reader *r) {
    while (r->pos < r->n) {
        unsigned char c = r->s[r->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        r->pos++;
    }
}

/*=== MARK: Scalars =========================================================*/

static bool literal(reader *r, const char *word) {
    size_t len = strlen(word);
    if (r->n - r->pos < len || memcmp(r->s + r->pos, word, len) != 0) return false;
    r->pos += len;
    return true;
}

static bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static gql_json *number(reader *r) {
    size_t start = r->pos;
    bool is_int = true;
    if (r->s[r->pos] == '-') r->pos++;
    if (r->pos < r->n && r->s[r->pos] == '0') {
        r->pos++;
    } else if (r->pos < r->n && is_digit(r->s[r->pos])) {
        while (r->pos < r->n && is_digit(r->s[r->pos])) r->pos++;
    } else {
        fail(r, GQL_ERR_SYNTAX, start, "Expecting value");
        return NULL;
    }
    if (r->pos < r->n && r->s[r->pos] == '.') {
        is_int = false;
        r->pos++;
        if (r->pos >= r->n || !is_digit(r->s[r->pos])) {
            fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting a digit after the decimal point");
            return NULL;
        }
        while (r->pos < r->n && is_digit(r->s[r->pos])) r->pos++;
    }
    if (r->pos < r->n && (r->s[r->pos] == 'e' || r->s[r->pos] == 'E')) {
        is_int = false;
        r->pos++;
        if (r->pos < r->n && (r->s[r->pos] == '+' || r->s[r->pos] == '-')) r->pos++;
        if (r->pos >= r->n || !is_digit(r->s[r->pos])) {
            fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting a digit in the exponent");
            return NULL;
        }
        while (r->pos < r->n && is_digit(r->s[r->pos])) r->pos++;
    }
    size_t len = r->pos - start;
    bool negative = r->s[start] == '-';
    if (is_int && len - negative > GQL_PY_INT_MAX_STR_DIGITS) {
        fail(r, GQL_ERR_LIMIT, start,
             "Integer of more than 4300 digits (Python's json.loads refuses it)");
        return NULL;
    }
    gql_json *v = new_node(r, is_int ? GQL_JSON_INT : GQL_JSON_FLOAT);
    char *text = v ? gql_arena_strndup(r->arena, (const char *)r->s + start, len) : NULL;
    if (!text) {
        fail_nomem(r);
        return NULL;
    }
    v->text = (gql_text){text, len};
    bool nomem = false;
    v->f64 = gql_py_float(&v->text, &nomem);
    if (nomem) {
        fail_nomem(r);
        return NULL;
    }
    if (is_int) {
        /* Accumulate negatively: -2^63 fits, 2^63 does not. */
        int64_t acc = 0;
        bool fits = true;
        for (size_t i = negative; i < len && fits; i++) {
            int d = text[i] - '0';
            if (acc < (INT64_MIN + d) / 10) fits = false;
            else acc = acc * 10 - d;
        }
        if (fits && !negative) fits = acc != INT64_MIN;
        v->fits = fits;
        if (fits) v->i64 = negative ? acc : -acc;
    }
    return v;
}

static int hex_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The four hex digits at s[at]; -1 when they are not. */
static long hex4(const reader *r, size_t at) {
    if (r->n - at < 4) return -1;
    long v = 0;
    for (size_t i = 0; i < 4; i++) {
        int d = hex_digit(r->s[at + i]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(char *out, uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The length of the well-formed UTF-8 sequence at s[at] (lead byte >= 0x80),
 * or 0 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
static size_t utf8_length(const reader *r, size_t at) {
    const unsigned char *s = r->s + at;
    size_t left = r->n - at;
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (left < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return len;
}

/* A string starting at the opening quote at r->pos: its decoded text. */
static bool string(reader *r, gql_text *out) {
    size_t start = r->pos++;
    size_t end = r->pos;
    while (end < r->n && r->s[end] != '"') end += r->s[end] == '\\' ? 2 : 1;
    if (end >= r->n) {
        fail(r, GQL_ERR_SYNTAX, start, "Unterminated string starting");
        return false;
    }
    char *buf = gql_arena_alloc(r->arena, end - r->pos + 1);
    if (!buf) {
        fail_nomem(r);
        return false;
    }
    size_t len = 0;
    while (r->pos < end) {
        unsigned char c = r->s[r->pos];
        if (c < 0x20) {
            fail(r, GQL_ERR_SYNTAX, r->pos, "Invalid control character");
            return false;
        }
        if (c >= 0x80) {
            size_t k = utf8_length(r, r->pos);
            if (k == 0 || r->pos + k > end) {
                fail(r, GQL_ERR_SYNTAX, r->pos, "Invalid UTF-8");
                return false;
            }
            memcpy(buf + len, r->s + r->pos, k);
            len += k;
            r->pos += k;
            continue;
        }
        if (c != '\\') {
            buf[len++] = (char)c;
            r->pos++;
            continue;
        }
        size_t at = r->pos;
        unsigned char e = r->s[at + 1];
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *hit = e ? strchr(from, e) : NULL;
        if (hit) {
            buf[len++] = to[hit - from];
            r->pos += 2;
            continue;
        }
        if (e != 'u') {
            fail(r, GQL_ERR_SYNTAX, at, "Invalid \\escape");
            return false;
        }
        long cp = hex4(r, at + 2);
        if (cp < 0) {
            fail(r, GQL_ERR_SYNTAX, at, "Invalid \\uXXXX escape");
            return false;
        }
        r->pos = at + 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail(r, GQL_ERR_SYNTAX, at, "Invalid \\uXXXX escape (a lone low surrogate)");
            return false;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            long low = r->pos + 1 < end && r->s[r->pos] == '\\' && r->s[r->pos + 1] == 'u'
                           ? hex4(r, r->pos + 2)
                           : -1;
            if (low < 0xDC00 || low > 0xDFFF) {
                fail(r, GQL_ERR_SYNTAX, at, "Invalid \\uXXXX escape (a lone high surrogate)");
                return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            r->pos += 6;
        }
        len += put_utf8(buf + len, (uint32_t)cp);
    }
    buf[len] = '\0';
    r->pos = end + 1;
    *out = (gql_text){buf, len};
    return true;
}

/*=== MARK: Arrays and objects ==============================================*/

static gql_json *value(reader *r);

static bool push_item(reader *r, gql_json *v) {
    if (r->items_len == r->items_cap) {
        size_t cap = r->items_cap ? r->items_cap * 2 : 64;
        gql_json **p = gql_realloc(r->items, cap * sizeof *p);
        if (!p) {
            fail_nomem(r);
            return false;
        }
        r->items = p;
        r->items_cap = cap;
    }
    r->items[r->items_len++] = v;
    return true;
}

static bool push_member(reader *r, gql_text key, gql_json *v) {
    if (r->members_len == r->members_cap) {
        size_t cap = r->members_cap ? r->members_cap * 2 : 32;
        gql_json_member *p = gql_realloc(r->members, cap * sizeof *p);
        if (!p) {
            fail_nomem(r);
            return false;
        }
        r->members = p;
        r->members_cap = cap;
    }
    r->members[r->members_len++] = (gql_json_member){key, v};
    return true;
}

static bool enter(reader *r) {
    if (++r->depth > r->max_depth) {
        char what[96];
        snprintf(what, sizeof what, "Nesting deeper than %u arrays and objects", r->max_depth);
        fail(r, GQL_ERR_LIMIT, r->pos, what);
        return false;
    }
    r->pos++;
    return true;
}

static gql_json *array(reader *r) {
    if (!enter(r)) return NULL;
    size_t base = r->items_len;
    skip_ws(r);
    if (r->pos < r->n && r->s[r->pos] == ']') {
        r->pos++;
    } else {
        for (;;) {
            gql_json *item = value(r);
            if (!item || !push_item(r, item)) return NULL;
            skip_ws(r);
            if (r->pos < r->n && r->s[r->pos] == ',') {
                r->pos++;
                continue;
            }
            if (r->pos < r->n && r->s[r->pos] == ']') {
                r->pos++;
                break;
            }
            fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting ',' delimiter");
            return NULL;
        }
    }
    gql_json *v = new_node(r, GQL_JSON_ARRAY);
    size_t count = r->items_len - base;
    if (!v) return NULL;
    if (count) {
        v->u.items = gql_arena_alloc(r->arena, count * sizeof *v->u.items);
        if (!v->u.items) {
            fail_nomem(r);
            return NULL;
        }
        memcpy(v->u.items, r->items + base, count * sizeof *v->u.items);
    }
    v->count = count;
    r->items_len = base;
    r->depth--;
    return v;
}

static uint32_t key_hash(gql_text key) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < key.len; i++) h = (h ^ (unsigned char)key.ptr[i]) * 16777619u;
    return h;
}

static bool same_key(gql_text a, gql_text b) {
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

/* dict(pairs) over m[0, count): each key once, where it first appears, with
 * its last value. Returns the number of members kept (compacted in place). */
static size_t dedupe(reader *r, gql_json_member *m, size_t count) {
    size_t kept = 0;
    if (count <= 8) {
        for (size_t j = 0; j < count; j++) {
            size_t i = 0;
            while (i < kept && !same_key(m[i].key, m[j].key)) i++;
            if (i < kept) m[i].value = m[j].value;
            else m[kept++] = m[j];
        }
        return kept;
    }
    size_t cap = 16;
    while (cap < count * 2) cap *= 2;
    size_t *slots = gql_calloc(cap, sizeof *slots); /* kept index + 1, 0 empty */
    if (!slots) {
        fail_nomem(r);
        return 0;
    }
    for (size_t j = 0; j < count; j++) {
        size_t at = key_hash(m[j].key) & (cap - 1);
        while (slots[at] && !same_key(m[slots[at] - 1].key, m[j].key)) at = (at + 1) & (cap - 1);
        if (slots[at]) {
            m[slots[at] - 1].value = m[j].value;
        } else {
            m[kept] = m[j];
            slots[at] = ++kept;
        }
    }
    gql_free(slots);
    return kept;
}

static gql_json *object(reader *r) {
    if (!enter(r)) return NULL;
    size_t base = r->members_len;
    skip_ws(r);
    if (r->pos < r->n && r->s[r->pos] == '}') {
        r->pos++;
    } else {
        for (;;) {
            skip_ws(r);
            if (r->pos >= r->n || r->s[r->pos] != '"') {
                fail(r, GQL_ERR_SYNTAX, r->pos,
                     "Expecting property name enclosed in double quotes");
                return NULL;
            }
            gql_text key;
            if (!string(r, &key)) return NULL;
            skip_ws(r);
            if (r->pos >= r->n || r->s[r->pos] != ':') {
                fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting ':' delimiter");
                return NULL;
            }
            r->pos++;
            gql_json *item = value(r);
            if (!item || !push_member(r, key, item)) return NULL;
            skip_ws(r);
            if (r->pos < r->n && r->s[r->pos] == ',') {
                r->pos++;
                continue;
            }
            if (r->pos < r->n && r->s[r->pos] == '}') {
                r->pos++;
                break;
            }
            fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting ',' delimiter");
            return NULL;
        }
    }
    /* r->members is NULL until a first member is pushed: no arithmetic on it. */
    size_t count = r->members_len > base ? dedupe(r, r->members + base, r->members_len - base)
                                         : 0;
    if (r->failed) return NULL;
    gql_json *v = new_node(r, GQL_JSON_OBJECT);
    if (!v) return NULL;
    if (count) {
        v->u.members = gql_arena_alloc(r->arena, count * sizeof *v->u.members);
        if (!v->u.members) {
            fail_nomem(r);
            return NULL;
        }
        memcpy(v->u.members, r->members + base, count * sizeof *v->u.members);
    }
    v->count = count;
    r->members_len = base;
    r->depth--;
    return v;
}

static gql_json *value(reader *r) {
    skip_ws(r);
    if (r->pos >= r->n) {
        fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting value");
        return NULL;
    }
    unsigned char c = r->s[r->pos];
    gql_json *v;
    switch (c) {
    case '{':
        return object(r);
    case '[':
        return array(r);
    case '"': {
        gql_text text;
        if (!string(r, &text)) return NULL;
        v = new_node(r, GQL_JSON_STRING);
        if (v) v->text = text;
        return v;
    }
    case 't':
    case 'f':
        if (literal(r, c == 't' ? "true" : "false")) {
            v = new_node(r, GQL_JSON_BOOL);
            if (v) v->boolean = c == 't';
            return v;
        }
        break;
    case 'n':
        if (literal(r, "null")) return new_node(r, GQL_JSON_NULL);
        break;
    default:
        if (c == '-' || is_digit(c)) return number(r);
        break;
    }
    fail(r, GQL_ERR_SYNTAX, r->pos, "Expecting value");
    return NULL;
}

/*=== MARK: Documents =======================================================*/

gql_json_doc *gql_json_parse(const char *text, size_t length, uint32_t max_depth,
                             gql_error *err) {
    if (max_depth == 0) max_depth = GQL_JSON_DEFAULT_MAX_DEPTH;
    if (max_depth > GQL_JSON_MAX_DEPTH_CEILING || (!text && length)) {
        gql_error_set(err, GQL_ERR_ARG, 0, "Invalid argument.");
        return NULL;
    }
    gql_json_doc *doc = gql_malloc(sizeof *doc);
    if (!doc) {
        gql_error_nomem(err);
        return NULL;
    }
    gql_arena_init(&doc->arena, length < 4096 ? 1024 : length * 2);
    reader r = {0};
    r.s = (const unsigned char *)(text ? text : "");
    r.n = length;
    r.max_depth = max_depth;
    r.arena = &doc->arena;
    r.err = err;
    doc->root = value(&r);
    if (doc->root) {
        skip_ws(&r);
        if (r.pos < r.n) fail(&r, GQL_ERR_SYNTAX, r.pos, "Extra data");
    }
    gql_free(r.items);
    gql_free(r.members);
    if (r.failed) {
        gql_json_doc_free(doc);
        return NULL;
    }
    return doc;
}

const gql_json *gql_json_doc_root(const gql_json_doc *doc) {
    return doc->root;
}

void gql_json_doc_free(gql_json_doc *doc) {
    if (!doc) return;
    gql_arena_release(&doc->arena);
    gql_free(doc);
}

const gql_json *gql_json_get(const gql_json *object, const char *key, size_t len) {
    if (!object || object->kind != GQL_JSON_OBJECT) return NULL;
    for (size_t i = 0; i < object->count; i++) {
        const gql_json_member *m = &object->u.members[i];
        if (m->key.len == len && memcmp(m->key.ptr, key, len) == 0) return m->value;
    }
    return NULL;
}

/*=== MARK: Writing =========================================================*/

static bool write_value(gql_json_writer *w, const gql_json *v, unsigned depth) {
    if (depth > GQL_JSON_MAX_DEPTH_CEILING) return false;
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_NULL:
        gql_json_null(w);
        break;
    case GQL_JSON_BOOL:
        gql_json_bool(w, v->boolean);
        break;
    case GQL_JSON_INT:
        if (v->fits) gql_json_int(w, v->i64);
        else gql_json_raw(w, v->text.ptr, v->text.len);
        break;
    case GQL_JSON_FLOAT:
        if (!gql_json_double(w, v->f64)) {
            const char *s = isnan(v->f64) ? "NaN" : v->f64 < 0 ? "-Infinity" : "Infinity";
            gql_json_raw(w, s, strlen(s));
        }
        break;
    case GQL_JSON_STRING:
        gql_json_string(w, v->text.ptr, v->text.len);
        break;
    case GQL_JSON_ARRAY:
        gql_json_begin_array(w);
        for (size_t i = 0; i < v->count; i++)
            if (!write_value(w, v->u.items[i], depth + 1)) return false;
        gql_json_end_array(w);
        break;
    case GQL_JSON_OBJECT:
        gql_json_begin_object(w);
        for (size_t i = 0; i < v->count; i++) {
            gql_json_key(w, v->u.members[i].key.ptr, v->u.members[i].key.len);
            if (!write_value(w, v->u.members[i].value, depth + 1)) return false;
        }
        gql_json_end_object(w);
        break;
    }
    return !w->nomem;
}

bool gql_json_write(gql_json_writer *w, const gql_json *value) {
    return write_value(w, value, 0);
}
