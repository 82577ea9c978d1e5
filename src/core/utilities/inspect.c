/*
 * inspect.c: graphql-core's inspect() of untyped GraphQL literals, and
 * Python's repr() of a str (see inspect.h).
 *
 * The walk follows graphql-core's inspect_recursive: scalars are written in
 * full (strings and ints cut to 240 code points by trunc_str), lists and
 * dicts are opened down to two levels and cut to ten items by trunc_list.
 * Nothing below the second level is read, so the walk is shallow whatever
 * the value.
 */
#include "utilities/inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/writer.h"
#include "mem.h"
#include "symmap.h"

#define MAX_STR_SIZE 240       /* graphql-core's max_str_size */

/*=== MARK: repr of a str ===================================================*/

/* The code point starting at s[*i] (advancing *i); a malformed byte stands
 * for itself. */
static uint32_t next_codepoint(const char *s, size_t n, size_t *i) {
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*i];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || *i + len > n) {
        (*i)++;
        return c;
    }
    uint32_t cp = c & (0x3Fu >> (len - 1));
    for (size_t k = 1; k < len; k++) {
        if ((u[*i + k] & 0xC0) != 0x80) {
            (*i)++;
            return c;
        }
        cp = (cp << 6) | (u[*i + k] & 0x3Fu);
    }
    *i += len;
    return cp;
}

void gql_py_repr_string(gql_strbuf *b, const char *s, size_t n) {
    /* Single quotes, unless the text has one and no double quote. */
    bool has_single = memchr(s, '\'', n) != NULL, has_double = memchr(s, '"', n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    gql_strbuf_append(b, &quote, 1);
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        uint32_t c = next_codepoint(s, n, &i);
        char esc[16];
        if (c == (uint32_t)quote || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            gql_strbuf_append(b, esc, 2);
        } else if (c == '\t') {
            gql_strbuf_puts(b, "\\t");
        } else if (c == '\n') {
            gql_strbuf_puts(b, "\\n");
        } else if (c == '\r') {
            gql_strbuf_puts(b, "\\r");
        } else if (gql_py_isprintable(c)) {
            gql_strbuf_append(b, s + start, i - start);
        } else if (c <= 0xFF) {
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned)c);
            gql_strbuf_puts(b, esc);
        } else if (c <= 0xFFFF) {
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
            gql_strbuf_puts(b, esc);
        } else {
            snprintf(esc, sizeof esc, "\\U%08x", (unsigned)c);
            gql_strbuf_puts(b, esc);
        }
    }
    gql_strbuf_append(b, &quote, 1);
}

/*=== MARK: inspect =========================================================*/

/* Byte offset of code point k of s[0, n) (continuation bytes skipped). */
static size_t codepoint_offset(const char *s, size_t n, size_t k) {
    size_t i = 0;
    for (; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
        if (k-- == 0) break;
    }
    return i;
}

/* Append text cut as graphql-core's trunc_str cuts it. */
static void put_truncated(gql_strbuf *b, const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (count <= MAX_STR_SIZE) {
        gql_strbuf_append(b, s, n);
        return;
    }
    size_t head = (MAX_STR_SIZE - 3) / 2, tail = MAX_STR_SIZE - 3 - head;
    gql_strbuf_append(b, s, codepoint_offset(s, n, head));
    gql_strbuf_puts(b, "...");
    size_t from = codepoint_offset(s, n, count - tail);
    gql_strbuf_append(b, s + from, n - from);
}

/* trunc_str(repr(text)). */
void gql_inspect_str(gql_strbuf *b, const char *s, size_t n) {
    gql_strbuf repr = GQL_STRBUF_INIT;
    gql_py_repr_string(&repr, s, n);
    if (repr.nomem) {
        gql_strbuf_free(&repr);
        b->nomem = true;
        return;
    }
    put_truncated(b, gql_strbuf_cstr(&repr), repr.len);
    gql_strbuf_free(&repr);
}

double gql_py_float(const gql_text *t, bool *nomem) {
    char stack[128];
    size_t cap = t->len + 32;
    char *buf = cap <= sizeof stack ? stack : gql_malloc(cap);
    if (!buf) {
        *nomem = true;
        return 0;
    }
    size_t n = 0, i = 0;
    long shift = 0, exp = 0; /* digits after the point; the written exponent */
    bool after_point = false;
    for (; i < t->len && t->ptr[i] != 'e' && t->ptr[i] != 'E'; i++) {
        if (t->ptr[i] == '.') {
            after_point = true;
            continue;
        }
        buf[n++] = t->ptr[i];
        shift += after_point;
    }
    if (i < t->len) {
        bool negative = ++i < t->len && t->ptr[i] == '-';
        if (i < t->len && (t->ptr[i] == '-' || t->ptr[i] == '+')) i++;
        for (; i < t->len; i++) exp = exp < 100000000 ? exp * 10 + (t->ptr[i] - '0') : exp;
        if (negative) exp = -exp;
    }
    snprintf(buf + n, cap - n, "e%ld", exp - shift);
    double d = strtod(buf, NULL);
    if (buf != stack) gql_free(buf);
    return d;
}

void gql_inspect_float(gql_strbuf *b, double d) {
    char out[GQL_DOUBLE_REPR_MAX];
    if (isnan(d))
        gql_strbuf_puts(b, "nan");
    else if (isinf(d))
        gql_strbuf_puts(b, d < 0 ? "-inf" : "inf");
    else
        gql_strbuf_append(b, out, gql_format_double(d, out));
}

/* repr(int(text)), cut; Python refuses more than 4300 digits and
 * value_from_ast_untyped then gives NaN. */
void gql_inspect_int_text(gql_strbuf *b, const char *s, size_t n) {
    bool negative = n && s[0] == '-';
    if (n - negative > GQL_PY_INT_MAX_STR_DIGITS) {
        gql_strbuf_puts(b, "nan");
        return;
    }
    if (n == 2 && negative && s[1] == '0')
        gql_strbuf_puts(b, "0");
    else
        put_truncated(b, s, n);
}

/* A dict's items: each key once, where it first appears, with the value it
 * last has. */
typedef struct dict_item {
    const gql_sym *key;
    const gql_node *value;
} dict_item;

static dict_item *dict_items(const gql_object_value *obj, size_t *count, bool *nomem) {
    *count = 0;
    dict_item *items = gql_malloc(obj->fields.count * sizeof *items);
    gql_symmap index = GQL_SYMMAP_INIT;
    if (!items) {
        *nomem = true;
        return NULL;
    }
    for (uint32_t i = 0; i < obj->fields.count; i++) {
        const gql_object_field *f = (const gql_object_field *)obj->fields.items[i];
        void *existing;
        if (!gql_symmap_put_new(&index, f->name->value, (void *)(uintptr_t)(*count + 1),
                                &existing)) {
            gql_symmap_free(&index);
            gql_free(items);
            *nomem = true;
            return NULL;
        }
        size_t at = (size_t)(uintptr_t)existing - 1;
        if (at == *count) items[(*count)++].key = f->name->value;
        items[at].value = f->value;
    }
    gql_symmap_free(&index);
    return items;
}

static void inspect(gql_strbuf *b, const gql_node *v, unsigned depth);

/* A list's or a dict's items, cut by trunc_list. */
static void inspect_items(gql_strbuf *b, const gql_node *const *values, const dict_item *items,
                          size_t count, unsigned depth) {
    for (size_t i = 0; i < count; i++) {
        if (i) gql_strbuf_puts(b, ", ");
        if (gql_inspect_cut(count, &i)) {
            gql_strbuf_puts(b, "...");
            continue;
        }
        if (items) {
            gql_inspect_str(b, items[i].key->str, items[i].key->len);
            gql_strbuf_puts(b, ": ");
            inspect(b, items[i].value, depth + 1);
        } else {
            inspect(b, values[i], depth + 1);
        }
    }
}

static void inspect(gql_strbuf *b, const gql_node *v, unsigned depth) {
    const gql_text *text = &((const gql_scalar_value *)v)->value;
    switch ((gql_kind)v->kind) {
    case GQL_NULL_VALUE:
        gql_strbuf_puts(b, "None");
        return;
    case GQL_BOOLEAN_VALUE:
        gql_strbuf_puts(b, (v->flags & GQL_FLAG_TRUE) ? "True" : "False");
        return;
    case GQL_INT_VALUE:
        gql_inspect_int_text(b, text->ptr, text->len);
        return;
    case GQL_FLOAT_VALUE: {
        double d = gql_py_float(text, &b->nomem);
        if (!b->nomem) gql_inspect_float(b, d);
        return;
    }
    case GQL_STRING_VALUE: {
        const gql_text *s = &((const gql_string_value *)v)->value;
        gql_inspect_str(b, s->ptr, s->len);
        return;
    }
    case GQL_ENUM_VALUE:
        gql_inspect_str(b, text->ptr, text->len);
        return;
    case GQL_LIST_VALUE: {
        const gql_list *values = &((const gql_list_value *)v)->values;
        if (values->count == 0) {
            gql_strbuf_puts(b, "[]");
        } else if (depth >= GQL_INSPECT_MAX_DEPTH) {
            gql_strbuf_puts(b, "[...]");
        } else {
            gql_strbuf_puts(b, "[");
            inspect_items(b, (const gql_node *const *)values->items, NULL, values->count,
                          depth);
            gql_strbuf_puts(b, "]");
        }
        return;
    }
    case GQL_OBJECT_VALUE: {
        const gql_object_value *obj = (const gql_object_value *)v;
        if (obj->fields.count == 0) {
            gql_strbuf_puts(b, "{}");
            return;
        }
        if (depth >= GQL_INSPECT_MAX_DEPTH) {
            gql_strbuf_puts(b, "{...}");
            return;
        }
        size_t count;
        dict_item *items = dict_items(obj, &count, &b->nomem);
        if (!items) return;
        gql_strbuf_puts(b, "{");
        inspect_items(b, NULL, items, count, depth);
        gql_strbuf_puts(b, "}");
        gql_free(items);
        return;
    }
    default: /* a variable: value_from_ast_untyped gives Undefined */
        gql_strbuf_puts(b, "Undefined");
        return;
    }
}

void gql_inspect_untyped(gql_strbuf *b, const gql_node *value) { inspect(b, value, 0); }
