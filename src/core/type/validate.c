/*
 * validate.c: graphql-core 3.2.14's validate_schema (type/validate.py), the
 * driver and the checks of root types, directives and names; see
 * validate.h for where the rest is. Every message and every location is
 * graphql-core's; errors come in its order: root types, directives, then
 * each type of the type map in order. Built-in types and directives are
 * valid by construction and are not checked.
 */
#include "type/validate.h"

#include <stdarg.h>
#include <string.h>

#include "mem.h"

/*=== MARK: Helpers =========================================================*/

void gql_sv_report(gql_schema_validation *v, const gql_ast_ref *refs, size_t nrefs,
                   const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    gql_error_list_vadd_at(v->errors, v->docs, v->ndocs, refs, nrefs, fmt, ap);
    va_end(ap);
    v->count++;
}

void gql_sv_check_name(gql_schema_validation *v, const gql_sym *name, gql_ast_ref at) {
    if (name->len >= 2 && name->str[0] == '_' && name->str[1] == '_')
        gql_sv_report(v, &at, 1,
                      "Name '%s' must not begin with '__', which is reserved by GraphQL "
                      "introspection.",
                      name->str);
}

const char *gql_sv_type_str(gql_strbuf *buf, const gql_type_ref *type) {
    gql_strbuf_reset(buf);
    gql_type_ref_print(buf, type);
    return buf->nomem ? "" : gql_strbuf_cstr(buf);
}

gql_ast_ref gql_sv_type_node(gql_ast_ref def) {
    gql_ast_ref r = {NULL, def.source};
    if (!def.node) return r;
    if (def.node->kind == GQL_FIELD_DEFINITION)
        r.node = ((const gql_field_definition *)def.node)->type;
    else if (def.node->kind == GQL_INPUT_VALUE_DEFINITION)
        r.node = ((const gql_input_value_definition *)def.node)->type;
    return r;
}

gql_ast_ref gql_sv_deprecated_node(gql_ast_ref def) {
    gql_ast_ref r = {NULL, def.source};
    if (!def.node || def.node->kind != GQL_INPUT_VALUE_DEFINITION) return r;
    const gql_list *ds = &((const gql_input_value_definition *)def.node)->directives;
    for (uint32_t i = 0; i < ds->count; i++) {
        const gql_directive *d = (const gql_directive *)ds->items[i];
        if (d->name->value->len == 10 && memcmp(d->name->value->str, "deprecated", 10) == 0) {
            r.node = &d->base;
            break;
        }
    }
    return r;
}

size_t gql_sv_type_nodes(const gql_schema_type *t, gql_ast_ref *out) {
    size_t n = 0;
    out[n++] = t->ast;
    for (uint32_t i = 0; i < t->extension_count; i++) out[n++] = t->extensions[i];
    return n;
}

bool gql_sv_is_required(gql_schema_validation *v, gql_schema_input_value *value) {
    return value->type->wrap == GQL_REF_NON_NULL && !gql_default_applies(v->schema, value);
}

/*=== MARK: Root types ======================================================*/

/* get_operation_type_node: the type node naming the root type of op in the
 * schema definition or, failing that, the first extension naming one. */
static gql_ast_ref operation_type_node(const gql_schema *s, gql_operation op) {
    for (uint32_t i = 0; i <= s->extension_count; i++) {
        gql_ast_ref ref = i == 0 ? s->ast : s->extensions[i - 1];
        if (!ref.node) continue;
        const gql_schema_definition *def = (const gql_schema_definition *)ref.node;
        for (uint32_t j = 0; j < def->operation_types.count; j++) {
            const gql_operation_type_definition *o =
                (const gql_operation_type_definition *)def->operation_types.items[j];
            if (o->base.flags == op) return (gql_ast_ref){&o->type->base, ref.source};
        }
    }
    return (gql_ast_ref){NULL, 0};
}

static void validate_root_types(gql_schema_validation *v) {
    const gql_schema *s = v->schema;
    static const char *const messages[3] = {
        "Query root type must be Object type, it cannot be %s.",
        "Mutation root type must be Object type if provided, it cannot be %s.",
        "Subscription root type must be Object type if provided, it cannot be %s.",
    };
    if (!s->roots[GQL_QUERY]) gql_sv_report(v, &s->ast, 1, "Query root type must be provided.");
    for (int op = 0; op < 3; op++) {
        const gql_schema_type *t = s->roots[op];
        if (!t || t->kind == GQL_TYPE_OBJECT) continue;
        gql_ast_ref at = operation_type_node(s, (gql_operation)op);
        if (!at.node) at = t->ast;
        gql_sv_report(v, &at, 1, messages[op], t->name->str);
    }
}

/*=== MARK: Directives ======================================================*/

static void validate_directives(gql_schema_validation *v) {
    const gql_schema *s = v->schema;
    for (uint32_t i = 0; i < s->directive_count; i++) {
        const gql_schema_directive *d = s->directives[i];
        if (d->builtin) continue;
        gql_sv_check_name(v, d->name, d->ast);
        if (!d->location_count)
            gql_sv_report(v, &d->ast, 1, "Directive @%s must include 1 or more locations.",
                          d->name->str);
        for (uint32_t j = 0; j < d->arg_count; j++) {
            gql_schema_input_value *arg = &d->args[j];
            gql_sv_check_name(v, arg->name, arg->ast);
            if (!gql_type_ref_is_input(arg->type))
                gql_sv_report(v, &arg->ast, 1,
                              "The type of @%s(%s:) must be Input Type but got: %s.",
                              d->name->str, arg->name->str, gql_sv_type_str(&v->a, arg->type));
            if (gql_sv_is_required(v, arg) && arg->deprecation_reason.ptr) {
                gql_ast_ref at[2] = {gql_sv_deprecated_node(arg->ast),
                                     gql_sv_type_node(arg->ast)};
                gql_sv_report(v, at, 2, "Required argument @%s(%s:) cannot be deprecated.",
                              d->name->str, arg->name->str);
            }
        }
    }
}

/*=== MARK: Types ===========================================================*/

static void validate_types(gql_schema_validation *v) {
    gql_schema *s = v->schema;
    gql_input_cycles *cycles = gql_input_cycles_new(v);
    if (!cycles) {
        gql_error_list_nomem(v->errors);
        return;
    }
    for (uint32_t i = 0; i < s->type_count; i++) {
        gql_schema_type *t = s->types[i];
        if (t->builtin) continue;
        gql_sv_check_name(v, t->name, t->ast);
        switch (t->kind) {
        case GQL_TYPE_OBJECT:
        case GQL_TYPE_INTERFACE:
            gql_sv_validate_fields(v, t);
            gql_sv_validate_interfaces(v, t);
            break;
        case GQL_TYPE_UNION:
            gql_sv_validate_union(v, t);
            break;
        case GQL_TYPE_ENUM:
            gql_sv_validate_enum(v, t);
            break;
        case GQL_TYPE_INPUT_OBJECT:
            gql_sv_validate_input_fields(v, t);
            gql_input_cycles_check(cycles, t);
            break;
        default:
            break;
        }
    }
    gql_input_cycles_free(cycles);
}

size_t gql_schema_validate(gql_schema *schema, const gql_document *const *docs, size_t ndocs,
                           gql_error_list *errors) {
    gql_schema_validation v = {schema, docs, ndocs, errors, 0, GQL_STRBUF_INIT,
                               GQL_STRBUF_INIT};
    validate_root_types(&v);
    validate_directives(&v);
    validate_types(&v);
    if (v.a.nomem || v.b.nomem) gql_error_list_nomem(errors);
    gql_strbuf_free(&v.a);
    gql_strbuf_free(&v.b);
    return v.count;
}
