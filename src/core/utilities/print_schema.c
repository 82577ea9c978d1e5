/*
 * print_schema.c: a schema as SDL text, byte for byte as graphql-core
 * 3.2.14's print_schema and print_introspection_schema
 * (utilities/print_schema.py) print it.
 *
 * The schema definition comes first, printed only when it says something
 * (a description, or a root type not named Query, Mutation or
 * Subscription); then the directives and the types, each filtered (print_schema:
 * the directives that are not specified and the types that are neither
 * specified scalars nor introspection types; print_introspection_schema: the
 * reverse), in the schema's order, all joined by a blank line.
 *
 * Default values print as graphql-core prints them: not the literal the
 * SDL gave, but the value build_schema coerced it to, turned back into a
 * literal (gql_print_coerced_value, ast_from_value.c, which introspection's
 * defaultValue shares). A default that does not coerce (value.c decides)
 * is not printed at all, as graphql-core keeps Undefined. Where graphql-core
 * raises instead of printing (a custom scalar's default that is a list or
 * an object, a float that overflows to infinity), or where filling in the
 * defaults of absent fields would not end or would grow without bound (a
 * cycle through defaults; graphql-core's result there depends on its
 * recursion limit), this prints the default literal as the SDL wrote it, as
 * graphql-js 17 prints defaults.
 *
 * The text goes into one gql_strbuf (gql_realloc); out of memory anywhere
 * leaves it in its nomem state and the entry points return NULL.
 */
#include <stdio.h>
#include <string.h>

#include "language/printer.h"
#include "mem.h"
#include "strbuf.h"
#include "type/schema.h"
#include "utilities/ast_from_value.h"

/* graphql-core's DEFAULT_DEPRECATION_REASON: printed as a bare @deprecated. */
static const char default_deprecation_reason[] = "No longer supported";

typedef struct printer {
    gql_strbuf out;  /* the SDL so far */
} printer;

static void puts_n(printer *p, const char *s, size_t n) { gql_strbuf_append(&p->out, s, n); }

#define PUTS(p, lit) puts_n((p), (lit), sizeof(lit) - 1)

static void put_sym(printer *p, const gql_sym *name) { puts_n(p, name->str, name->len); }

/* Append text with indentation after every "\n" (Python's
 * str.replace("\n", "\n" + indentation)). */
static void put_indented(printer *p, const char *s, size_t n, const char *indentation) {
    size_t indent_len = strlen(indentation);
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t seg = nl ? (size_t)(nl - s) + 1 : n;
        puts_n(p, s, seg);
        if (nl) puts_n(p, indentation, indent_len);
        s += seg;
        n -= seg;
    }
}

/* print_ast(StringValueNode(value=text)): a quoted string literal. */
static void put_string(printer *p, const char *s, size_t n) {
    size_t len;
    char *printed = gql_print_string(s, n, &len);
    if (!printed) {
        p->out.nomem = true;
        return;
    }
    puts_n(p, printed, len);
    gql_free(printed);
}

/*=== MARK: Descriptions and directives =====================================*/

/* print_description: the description as a block string when it survives
 * one, else as a quoted string; every line indented, then a newline. An
 * indented description after the first item of a block gets a blank line
 * before it. */
static void put_description(printer *p, const gql_text *description, const char *indentation,
                            bool first_in_block) {
    if (!description->ptr) return;
    size_t len;
    char *printed =
        gql_is_printable_as_block_string(description->ptr, description->len)
            ? gql_print_block_string(description->ptr, description->len, false, &len)
            : gql_print_string(description->ptr, description->len, &len);
    if (!printed) {
        p->out.nomem = true;
        return;
    }
    if (indentation[0] && !first_in_block) PUTS(p, "\n");
    gql_strbuf_puts(&p->out, indentation);
    put_indented(p, printed, len, indentation);
    PUTS(p, "\n");
    gql_free(printed);
}

static void put_deprecated(printer *p, const gql_text *reason) {
    if (!reason->ptr) return;
    size_t n = sizeof default_deprecation_reason - 1;
    if (reason->len == n && memcmp(reason->ptr, default_deprecation_reason, n) == 0) {
        PUTS(p, " @deprecated");
        return;
    }
    PUTS(p, " @deprecated(reason: ");
    put_string(p, reason->ptr, reason->len);
    PUTS(p, ")");
}

/*=== MARK: Default values ==================================================*/

/* " = value" when the default applies, else nothing: the coerced value as
 * graphql-core prints it, or the literal as written where graphql-core
 * raises or the expansion hits a limit (ast_from_value.h). */
static void put_default(printer *p, const gql_schema_input_value *v) {
    if (v->default_state != GQL_DEFAULT_VALID) return;
    PUTS(p, " = ");
    if (gql_print_coerced_value(&p->out, v->default_value, v->type, NULL) ==
            GQL_COERCED_PRINTED ||
        p->out.nomem)
        return;
    size_t len;
    char *literal = gql_print(v->default_value, &len);
    if (!literal) {
        p->out.nomem = true;
        return;
    }
    puts_n(p, literal, len);
    gql_free(literal);
}

/*=== MARK: Types and directives ============================================*/

/* print_input_value: "name: Type = default @deprecated(...)". */
static void put_input_value(printer *p, const gql_schema_input_value *v) {
    put_sym(p, v->name);
    PUTS(p, ": ");
    gql_type_ref_print(&p->out, v->type);
    put_default(p, v);
    put_deprecated(p, &v->deprecation_reason);
}

/* print_args: on one line unless an argument has a (non-empty) description,
 * else one per line, indented one step deeper than indentation. */
static void put_args(printer *p, const gql_schema_input_value *args, uint32_t count,
                     const char *indentation) {
    if (!count) return;
    bool described = false;
    for (uint32_t i = 0; i < count; i++) described |= args[i].description.len > 0;
    if (!described) {
        PUTS(p, "(");
        for (uint32_t i = 0; i < count; i++) {
            if (i) PUTS(p, ", ");
            put_input_value(p, &args[i]);
        }
        PUTS(p, ")");
        return;
    }
    char inner[16];
    snprintf(inner, sizeof inner, "  %s", indentation);
    PUTS(p, "(\n");
    for (uint32_t i = 0; i < count; i++) {
        if (i) PUTS(p, "\n");
        put_description(p, &args[i].description, inner, i == 0);
        gql_strbuf_puts(&p->out, inner);
        put_input_value(p, &args[i]);
    }
    PUTS(p, "\n");
    gql_strbuf_puts(&p->out, indentation);
    PUTS(p, ")");
}

static void put_fields(printer *p, const gql_schema_type *t) {
    if (!t->field_count) return;
    PUTS(p, " {\n");
    for (uint32_t i = 0; i < t->field_count; i++) {
        const gql_schema_field *f = &t->fields[i];
        if (i) PUTS(p, "\n");
        put_description(p, &f->description, "  ", i == 0);
        PUTS(p, "  ");
        put_sym(p, f->name);
        put_args(p, f->args, f->arg_count, "  ");
        PUTS(p, ": ");
        gql_type_ref_print(&p->out, f->type);
        put_deprecated(p, &f->deprecation_reason);
    }
    PUTS(p, "\n}");
}

static void put_interfaces(printer *p, const gql_schema_type *t) {
    for (uint32_t i = 0; i < t->interface_count; i++) {
        if (i)
            PUTS(p, " & ");
        else
            PUTS(p, " implements ");
        put_sym(p, t->interfaces[i]->name);
    }
}

static void put_type(printer *p, const gql_schema_type *t) {
    put_description(p, &t->description, "", true);
    switch (t->kind) {
    case GQL_TYPE_SCALAR:
        PUTS(p, "scalar ");
        put_sym(p, t->name);
        if (t->specified_by_url.ptr) {
            PUTS(p, " @specifiedBy(url: ");
            put_string(p, t->specified_by_url.ptr, t->specified_by_url.len);
            PUTS(p, ")");
        }
        break;
    case GQL_TYPE_OBJECT:
    case GQL_TYPE_INTERFACE:
        if (t->kind == GQL_TYPE_OBJECT)
            PUTS(p, "type ");
        else
            PUTS(p, "interface ");
        put_sym(p, t->name);
        put_interfaces(p, t);
        put_fields(p, t);
        break;
    case GQL_TYPE_UNION:
        PUTS(p, "union ");
        put_sym(p, t->name);
        for (uint32_t i = 0; i < t->member_count; i++) {
            if (i)
                PUTS(p, " | ");
            else
                PUTS(p, " = ");
            put_sym(p, t->members[i]->name);
        }
        break;
    case GQL_TYPE_ENUM:
        PUTS(p, "enum ");
        put_sym(p, t->name);
        if (!t->value_count) break;
        PUTS(p, " {\n");
        for (uint32_t i = 0; i < t->value_count; i++) {
            const gql_schema_enum_value *v = &t->values[i];
            if (i) PUTS(p, "\n");
            put_description(p, &v->description, "  ", i == 0);
            PUTS(p, "  ");
            put_sym(p, v->name);
            put_deprecated(p, &v->deprecation_reason);
        }
        PUTS(p, "\n}");
        break;
    case GQL_TYPE_INPUT_OBJECT:
        PUTS(p, "input ");
        put_sym(p, t->name);
        if (t->one_of) PUTS(p, " @oneOf");
        if (!t->input_field_count) break;
        PUTS(p, " {\n");
        for (uint32_t i = 0; i < t->input_field_count; i++) {
            if (i) PUTS(p, "\n");
            put_description(p, &t->input_fields[i].description, "  ", i == 0);
            PUTS(p, "  ");
            put_input_value(p, &t->input_fields[i]);
        }
        PUTS(p, "\n}");
        break;
    case GQL_TYPE_LIST:
    case GQL_TYPE_NON_NULL:
        break;
    }
}

static void put_directive(printer *p, const gql_schema_directive *d) {
    put_description(p, &d->description, "", true);
    PUTS(p, "directive @");
    put_sym(p, d->name);
    put_args(p, d->args, d->arg_count, "");
    /* Directive definitions take no directives in the SDL graphql-core
     * parses, so there is no deprecation to print. */
    if (d->repeatable) PUTS(p, " repeatable");
    PUTS(p, " on ");
    for (uint32_t i = 0; i < d->location_count; i++) {
        if (i) PUTS(p, " | ");
        gql_strbuf_puts(&p->out, gql_directive_location_name(d->locations[i]));
    }
}

/*=== MARK: Schema ==========================================================*/

static bool sym_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

static bool root_has_name(const gql_schema *schema, gql_operation op, const char *name) {
    return !schema->roots[op] || sym_is(schema->roots[op]->name, name);
}

/* print_schema_definition: only when it is not implied. */
static bool put_schema_definition(printer *p, const gql_schema *schema) {
    if (!schema->description.ptr && root_has_name(schema, GQL_QUERY, "Query") &&
        root_has_name(schema, GQL_MUTATION, "Mutation") &&
        root_has_name(schema, GQL_SUBSCRIPTION, "Subscription"))
        return false;
    put_description(p, &schema->description, "", true);
    PUTS(p, "schema {\n");
    bool first = true;
    for (int op = GQL_QUERY; op <= GQL_SUBSCRIPTION; op++) {
        if (!schema->roots[op]) continue;
        if (!first) PUTS(p, "\n");
        first = false;
        PUTS(p, "  ");
        gql_strbuf_puts(&p->out, gql_operation_name((gql_operation)op));
        PUTS(p, ": ");
        put_sym(p, schema->roots[op]->name);
    }
    PUTS(p, "\n}");
    return true;
}

static bool is_introspection_type(const gql_schema_type *t) {
    return t->builtin && t->name->len > 2 && t->name->str[0] == '_' && t->name->str[1] == '_';
}

/* print_filtered_schema: introspection selects print_introspection_schema's
 * filters, else print_schema's. */
static char *print_filtered(const gql_schema *schema, bool introspection, size_t *length) {
    if (!schema) return NULL;
    printer p = {GQL_STRBUF_INIT};
    bool any = put_schema_definition(&p, schema);
    for (uint32_t i = 0; i < schema->directive_count; i++) {
        const gql_schema_directive *d = schema->directives[i];
        if (gql_directive_is_specified(d) != introspection) continue;
        if (any) PUTS(&p, "\n\n");
        any = true;
        put_directive(&p, d);
    }
    for (uint32_t i = 0; i < schema->type_count; i++) {
        const gql_schema_type *t = schema->types[i];
        if (introspection ? !is_introspection_type(t) : t->builtin) continue;
        if (any) PUTS(&p, "\n\n");
        any = true;
        put_type(&p, t);
    }
    gql_strbuf_append(&p.out, "", 0); /* an empty schema still gets "" */
    if (p.out.nomem) {
        gql_strbuf_free(&p.out);
        return NULL;
    }
    if (length) *length = p.out.len;
    return p.out.ptr;
}

char *gql_print_schema(const gql_schema *schema, size_t *length) {
    return print_filtered(schema, false, length);
}

char *gql_print_introspection_schema(const gql_schema *schema, size_t *length) {
    return print_filtered(schema, true, length);
}
