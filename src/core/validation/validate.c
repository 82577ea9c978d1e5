/*
 * validate.c: gql_validate, the public entry of executable validation
 * (graphql-core's validate): it prepares the context from the schema, puts
 * graphql-core's FragmentNestingVisitor in front of the specified rules
 * when the document has fragments, and runs them all in one walk.
 */
#include <string.h>

#include "mem.h"
#include "validation/rules/rules.h"
#include "validation/validation.h"

void gql_validate_options_init(gql_validate_options *options) {
    if (!options) return;
    options->max_errors = 100;
    options->suggestions = true;
}

static bool has_fragments(const gql_document *doc) {
    const gql_document_node *root = gql_document_root(doc);
    for (uint32_t i = 0; i < root->definitions.count; i++)
        if (root->definitions.items[i]->kind == GQL_FRAGMENT_DEFINITION) return true;
    return false;
}

gql_status gql_validation_run_executable(const gql_schema *schema, const gql_document *doc,
                                         const gql_validate_options *options,
                                         const gql_rule *const *rules, size_t nrules,
                                         gql_error_list *errors) {
    if (!schema || !doc || !errors) return GQL_ERR_ARG;
    if (!gql_schema_is_valid(schema)) return GQL_ERR_ARG;
    gql_validate_options defaults;
    if (!options) {
        gql_validate_options_init(&defaults);
        options = &defaults;
    }
    size_t before = errors->count;
    gql_validation_context ctx;
    bool ok = gql_validation_init_executable(&ctx, schema, doc, options->max_errors,
                                             !options->suggestions, errors);
    const gql_rule **list = NULL;
    if (ok) {
        list = gql_malloc((nrules + 1) * sizeof *list);
        if (!list) {
            gql_error_list_nomem(errors);
            ok = false;
        }
    }
    if (ok) {
        size_t n = 0;
        if (has_fragments(doc)) list[n++] = &gql_rule_fragment_nesting;
        for (size_t i = 0; i < nrules; i++)
            if (rules[i]) list[n++] = rules[i];
        ok = gql_validation_run(&ctx, list, n);
    }
    gql_free(list);
    bool nomem = !ok || ctx.nomem;
    gql_validation_release(&ctx);
    if (nomem) return GQL_ERR_NOMEM;
    return errors->count > before ? GQL_ERR_INVALID : GQL_OK;
}

gql_status gql_validate(const gql_schema *schema, const gql_document *doc,
                        const gql_validate_options *options, gql_error_list *errors) {
    return gql_validation_run_executable(schema, doc, options, gql_specified_rules,
                                         gql_specified_rule_count, errors);
}
