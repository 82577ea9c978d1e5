/*
 * variables_are_input_types.c: graphql-core's VariablesAreInputTypesRule.
 * A variable's declared type, when the schema knows its named type, is an
 * input type (scalar, enum or input object, in any wrappers).
 */
#include "graftql.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

static gql_visit_action enter_variable_definition(gql_validation_context *ctx, void *st,
                                                  const gql_node *n) {
    (void)st;
    const gql_variable_definition *def = (const gql_variable_definition *)n;
    const gql_node *t = def->type;
    while (t->kind != GQL_NAMED_TYPE) t = ((const gql_wrapping_type *)t)->type;
    const gql_schema_type *named =
        gql_schema_lookup_type(ctx->schema, ((const gql_named_type *)t)->name->value);
    if (!named || gql_type_is_input(named)) return GQL_VISIT_CONTINUE;
    size_t len;
    char *printed = gql_print(def->type, &len);
    if (!printed) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    gql_ast_ref at = gql_here(ctx, def->type);
    gql_validation_report(ctx, &at, 1, "Variable '$%s' cannot be non-input type '%s'.",
                          def->variable->name->value->str, printed);
    gql_free(printed);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_variables_are_input_types = {
    .name = "VariablesAreInputTypesRule",
    .enter = {[GQL_VARIABLE_DEFINITION] = enter_variable_definition},
};
