/*
 * ast_from_value.c: print_ast(ast_from_value(value_from_ast(v, type), type))
 * in one walk over the literal v (see ast_from_value.h). value.c has
 * already decided that v coerces; this only has to print the result, or
 * say where graphql-core's ast_from_value or serialize raises.
 *
 * Scalars follow graphql-core's parse_literal, serialize, then
 * ast_from_value: Int reads the text as a Python int (only "-0" changes);
 * Float reads it as a Python float and prints repr() without ".0" (an
 * overflow to infinity makes serialize raise); String and block strings
 * print quoted; ID keeps the text and prints it as an Int when it matches
 * graphql-core's integer pattern, else quoted; Boolean as is. A custom
 * scalar's value is what value_from_ast_untyped reads, which ast_from_value
 * turns back into a literal only when it is a bool, an int, a finite float,
 * a str or None: lists and objects make it raise.
 *
 * Recursion follows the nesting of the literal (bounded by the parser's
 * depth limit) and of the defaults filled in for absent fields (bounded by
 * GQL_COERCED_MAX_CHAIN), with a depth guard on top.
 */
#include "utilities/ast_from_value.h"

#include <math.h>
#include <string.h>

#include "json/writer.h"
#include "language/printer.h"
#include "mem.h"
#include "utilities/inspect.h"

/* Nesting of lists and objects printed: the parser's ceiling, plus room for
 * the wrapping single list items get. */
#define MAX_DEPTH (GQL_MAX_DEPTH_CEILING + 64)

typedef struct walk {
    gql_strbuf *out;    /* where the value goes */
    size_t start;       /* out->len before it */
    gql_strbuf *error;  /* graphql-core's message when it raises; may be NULL */
    bool raised;        /* an error was recorded */
} walk;

static bool sym_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

static void raise_message(walk *w, const char *prefix, const gql_node *value, double d,
                          const char *suffix) {
    w->raised = true;
    if (!w->error) return;
    gql_strbuf_puts(w->error, prefix);
    if (value) {
        gql_inspect_untyped(w->error, value);
    } else {
        gql_strbuf_puts(w->error, isnan(d) ? "nan" : d < 0 ? "-inf" : "inf");
    }
    gql_strbuf_puts(w->error, suffix);
}

static void put_quoted(walk *w, const char *s, size_t n) {
    size_t len;
    char *quoted = gql_print_string(s, n, &len);
    if (!quoted) {
        w->out->nomem = true;
        return;
    }
    gql_strbuf_append(w->out, quoted, len);
    gql_free(quoted);
}

/* A float literal as ast_from_value prints float(text); false (raised)
 * when it overflows. */
static bool put_float(walk *w, const gql_node *v, bool builtin) {
    bool nomem = false;
    double d = gql_py_float(&((const gql_scalar_value *)v)->value, &nomem);
    if (nomem) {
        w->out->nomem = true;
        return true;
    }
    if (!isfinite(d)) {
        if (builtin)
            raise_message(w, "Float cannot represent non numeric value: ", NULL, d, "");
        else
            raise_message(w, "Cannot convert value to AST: ", NULL, d, ".");
        return false;
    }
    char buf[GQL_DOUBLE_REPR_MAX];
    size_t n = gql_format_double(d, buf);
    if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0') n -= 2;
    gql_strbuf_append(w->out, buf, n);
    return true;
}

/* graphql-core's _re_integer_string "^-?(?:0|[1-9][0-9]*)$" with re.match:
 * "$" also matches before a final newline. */
static bool is_integer_string(const gql_text *t) {
    size_t n = t->len;
    if (n && t->ptr[n - 1] == '\n') n--;
    size_t i = n && t->ptr[0] == '-';
    if (i == n) return false;
    if (t->ptr[i] == '0') return i + 1 == n;
    for (; i < n; i++)
        if (t->ptr[i] < '0' || t->ptr[i] > '9') return false;
    return true;
}

static bool put_scalar(walk *w, const gql_schema_type *t, const gql_node *v) {
    const gql_text *text = &((const gql_scalar_value *)v)->value;
    const gql_text *string = &((const gql_string_value *)v)->value;
    bool builtin = t->builtin;
    switch ((gql_kind)v->kind) {
    case GQL_BOOLEAN_VALUE:
        gql_strbuf_puts(w->out, (v->flags & GQL_FLAG_TRUE) ? "true" : "false");
        return true;
    case GQL_INT_VALUE:
        if (builtin && sym_is(t->name, "Float")) return put_float(w, v, true);
        if (builtin && sym_is(t->name, "ID")) {
            gql_strbuf_append(w->out, text->ptr, text->len);
            return true;
        }
        if (!builtin && text->len - (text->ptr[0] == '-') > GQL_PY_INT_MAX_STR_DIGITS) {
            /* int() refuses it: value_from_ast_untyped gives NaN. */
            raise_message(w, "Cannot convert value to AST: ", NULL, NAN, ".");
            return false;
        }
        if (text->len == 2 && memcmp(text->ptr, "-0", 2) == 0)
            gql_strbuf_puts(w->out, "0");
        else
            gql_strbuf_append(w->out, text->ptr, text->len);
        return true;
    case GQL_FLOAT_VALUE:
        return put_float(w, v, builtin);
    case GQL_STRING_VALUE:
        if (builtin && sym_is(t->name, "ID") && is_integer_string(string))
            gql_strbuf_append(w->out, string->ptr, string->len);
        else
            put_quoted(w, string->ptr, string->len);
        return true;
    case GQL_ENUM_VALUE: /* a str to a custom scalar */
        put_quoted(w, text->ptr, text->len);
        return true;
    default: /* a list or an object, which only a custom scalar accepts */
        raise_message(w, "Cannot convert value to AST: ", v, 0, ".");
        return false;
    }
}

/* The last field of an object value with the given name (value_from_ast
 * keeps the last of repeated names), or NULL. */
static const gql_object_field *object_field(const gql_object_value *obj, const gql_sym *name) {
    const gql_object_field *found = NULL;
    for (uint32_t i = 0; i < obj->fields.count; i++) {
        const gql_object_field *f = (const gql_object_field *)obj->fields.items[i];
        if (gql_sym_equal(f->name->value, name)) found = f;
    }
    return found;
}

/* Print the coerced value of v; false when graphql-core raises or a limit
 * is reached (w->raised says which). */
static bool print_coerced(walk *w, const gql_node *v, const gql_type_ref *type, unsigned chain,
                          unsigned depth) {
    if (depth > MAX_DEPTH || w->out->len - w->start > GQL_COERCED_MAX_BYTES || w->out->nomem)
        return false;
    if (type->wrap == GQL_REF_NON_NULL) type = type->of_type;
    if (v->kind == GQL_NULL_VALUE) {
        gql_strbuf_puts(w->out, "null");
        return true;
    }
    if (type->wrap == GQL_REF_LIST) {
        gql_strbuf_puts(w->out, "[");
        if (v->kind != GQL_LIST_VALUE) { /* a single value: a list of one */
            if (!print_coerced(w, v, type->of_type, chain, depth + 1)) return false;
        } else {
            const gql_list *items = &((const gql_list_value *)v)->values;
            for (uint32_t i = 0; i < items->count; i++) {
                if (i) gql_strbuf_puts(w->out, ", ");
                if (!print_coerced(w, items->items[i], type->of_type, chain, depth + 1))
                    return false;
            }
        }
        gql_strbuf_puts(w->out, "]");
        return true;
    }
    const gql_schema_type *t = type->named;
    if (t->kind == GQL_TYPE_SCALAR) return put_scalar(w, t, v);
    if (t->kind == GQL_TYPE_ENUM && v->kind == GQL_ENUM_VALUE) {
        const gql_text *name = &((const gql_scalar_value *)v)->value;
        gql_strbuf_append(w->out, name->ptr, name->len);
        return true;
    }
    if (t->kind != GQL_TYPE_INPUT_OBJECT || v->kind != GQL_OBJECT_VALUE)
        return false; /* does not coerce: not reached for a checked default */
    const gql_object_value *obj = (const gql_object_value *)v;
    bool first = true;
    gql_strbuf_puts(w->out, "{");
    for (uint32_t i = 0; i < t->input_field_count; i++) {
        const gql_schema_input_value *f = &t->input_fields[i];
        const gql_object_field *given = object_field(obj, f->name);
        const gql_node *value = given ? given->value : NULL;
        unsigned field_chain = chain;
        if (!value && f->default_state == GQL_DEFAULT_VALID) {
            value = f->default_value;
            if (++field_chain > GQL_COERCED_MAX_CHAIN) return false;
        }
        if (!value) continue;
        if (!first) gql_strbuf_puts(w->out, ", ");
        first = false;
        gql_strbuf_append(w->out, f->name->str, f->name->len);
        gql_strbuf_puts(w->out, ": ");
        if (!print_coerced(w, value, f->type, field_chain, depth + 1)) return false;
    }
    gql_strbuf_puts(w->out, "}");
    return true;
}

gql_coerced_status gql_print_coerced_value(gql_strbuf *out, const gql_node *value,
                                           const gql_type_ref *type, gql_strbuf *error) {
    walk w = {out, out->len, error, false};
    if (print_coerced(&w, value, type, 0, 0) || out->nomem) return GQL_COERCED_PRINTED;
    out->len = w.start;
    if (out->ptr) out->ptr[out->len] = '\0';
    return w.raised ? GQL_COERCED_RAISES : GQL_COERCED_LIMIT;
}
