/*
 * executable_definitions.c: graphql-core's ExecutableDefinitionsRule. A
 * document sent for execution holds only operations and fragments; a type
 * system definition or extension in it is reported, by its name.
 */
#include "validation/rules/rules.h"

static gql_visit_action enter_document(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    (void)st;
    const gql_document_node *doc = (const gql_document_node *)n;
    for (uint32_t i = 0; i < doc->definitions.count; i++) {
        const gql_node *def = doc->definitions.items[i];
        gql_kind kind = (gql_kind)def->kind;
        if (kind == GQL_OPERATION_DEFINITION || kind == GQL_FRAGMENT_DEFINITION) continue;
        gql_ast_ref at = gql_here(ctx, def);
        if (kind == GQL_SCHEMA_DEFINITION || kind == GQL_SCHEMA_EXTENSION) {
            gql_validation_report(ctx, &at, 1, "The schema definition is not executable.");
        } else {
            /* Directive definitions and type definitions and extensions
             * all have their name where gql_type_definition has it. */
            const gql_name *name = kind == GQL_DIRECTIVE_DEFINITION
                                       ? ((const gql_directive_definition *)def)->name
                                       : ((const gql_type_definition *)def)->name;
            gql_validation_report(ctx, &at, 1, "The '%s' definition is not executable.",
                                  name->value->str);
        }
    }
    return GQL_VISIT_SKIP;
}

const gql_rule gql_rule_executable_definitions = {
    .name = "ExecutableDefinitionsRule",
    .enter = {[GQL_DOCUMENT] = enter_document},
};
