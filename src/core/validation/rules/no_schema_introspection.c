/*
 * no_schema_introspection.c: graphql-core 3.2.14's
 * NoSchemaIntrospectionCustomRule (validation/rules/custom), which
 * gql_validate runs after the specified rules when options.no_introspection
 * is set: a schema served with introspection switched off. Every field whose
 * type, inside its list and non-null wrappers, is an introspection type
 * (__Schema, __Type, __Field, ...) is an error: __schema and __type, and,
 * as in graphql-core, each field below them that returns an introspection
 * type (a fragment on __Type spread elsewhere too). __typename returns a
 * String and stays allowed.
 */
#include "validation/rules/rules.h"
#include "validation/type_info.h"

/* graphql-core's is_introspection_type: the built-in types named "__...". */
static bool is_introspection_type(const gql_schema_type *t) {
    return t && t->builtin && t->name->len > 2 && t->name->str[0] == '_' &&
           t->name->str[1] == '_';
}

static gql_visit_action enter_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    if (!is_introspection_type(gql_type_ref_named(gql_type_info_type(ctx))))
        return GQL_VISIT_CONTINUE;
    gql_ast_ref at = gql_here(ctx, n);
    gql_validation_report(ctx, &at, 1,
                          "GraphQL introspection has been disabled, but the requested query"
                          " contained the field '%s'.",
                          ((const gql_field *)n)->name->value->str);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_no_schema_introspection = {
    .name = "NoSchemaIntrospectionCustomRule",
    .enter = {[GQL_FIELD] = enter_field},
};
