/*
 * validate.c: gql_validate, the public entry of executable validation
 * (graphql-core's validate): it prepares the context from the schema, puts
 * graphql-core's FragmentNestingVisitor in front of the specified rules
 * when the document has fragments, and runs them all in one walk, followed
 * by NoSchemaIntrospectionCustomRule when introspection is off and by the
 * rules a binding adds (gql_validation_run_hosted).
 */
#include <string.h>

#include "mem.h"
#include "validation/rules/rules.h"
#include "validation/validation.h"

void gql_validate_options_init(gql_validate_options *options) {
    if (!options) return;
    options->max_errors = 100;
    options->suggestions = true;
    options->no_introspection = false;
    options->parse_literal = NULL;
    options->literal_ctx = NULL;
}

static bool has_fragments(const gql_document *doc) {
    const gql_document_node *root = gql_document_root(doc);
    for (uint32_t i = 0; i < root->definitions.count; i++)
        if (root->definitions.items[i]->kind == GQL_FRAGMENT_DEFINITION) return true;
    return false;
}

/* A list of rules to run, given as a few segments run one after another. */
typedef struct rule_segment {
    const gql_rule *const *rules;  /* NULL entries are skipped */
    size_t count;                  /* entries in rules */
} rule_segment;

static gql_status run(const gql_schema *schema, const gql_document *doc,
                      const gql_validate_options *options, const rule_segment *segments,
                      size_t nsegments, void *host, gql_error_list *errors) {
    if (!schema || !doc || !errors) return GQL_ERR_ARG;
    if (!gql_schema_is_valid(schema)) return GQL_ERR_ARG;
    gql_validate_options defaults;
    if (!options) {
        gql_validate_options_init(&defaults);
        options = &defaults;
    }
    size_t nrules = 1;  /* FragmentNestingVisitor */
    for (size_t s = 0; s < nsegments; s++) nrules += segments[s].count;
    size_t before = errors->count;
    gql_validation_context ctx;
    bool ok = gql_validation_init_executable(&ctx, schema, doc, options->max_errors,
                                             !options->suggestions, errors);
    ctx.host = host;
    ctx.parse_literal = options->parse_literal;
    ctx.literal_ctx = options->literal_ctx;
    const gql_rule **list = NULL;
    if (ok) {
        list = gql_malloc(nrules * sizeof *list);
        if (!list) {
            gql_error_list_nomem(errors);
            ok = false;
        }
    }
    if (ok) {
        size_t n = 0;
        if (has_fragments(doc)) list[n++] = &gql_rule_fragment_nesting;
        for (size_t s = 0; s < nsegments; s++)
            for (size_t i = 0; i < segments[s].count; i++)
                if (segments[s].rules[i]) list[n++] = segments[s].rules[i];
        ok = gql_validation_run(&ctx, list, n);
    }
    gql_free(list);
    bool nomem = !ok || ctx.nomem;
    gql_validation_release(&ctx);
    if (nomem) return GQL_ERR_NOMEM;
    return errors->count > before ? GQL_ERR_INVALID : GQL_OK;
}

gql_status gql_validation_run_executable(const gql_schema *schema, const gql_document *doc,
                                         const gql_validate_options *options,
                                         const gql_rule *const *rules, size_t nrules,
                                         gql_error_list *errors) {
    rule_segment only = {rules, nrules};
    return run(schema, doc, options, &only, 1, NULL, errors);
}

static const gql_rule *const no_introspection_rules[] = {&gql_rule_no_schema_introspection};

gql_status gql_validation_run_hosted(const gql_schema *schema, const gql_document *doc,
                                     const gql_validate_options *options,
                                     const gql_rule *const *rules, size_t nrules, void *host,
                                     gql_error_list *errors) {
    bool no_introspection = options && options->no_introspection;
    rule_segment segments[3] = {
        {gql_specified_rules, gql_specified_rule_count},
        {no_introspection_rules, no_introspection ? 1 : 0},
        {rules, rules ? nrules : 0},
    };
    return run(schema, doc, options, segments, 3, host, errors);
}

gql_status gql_validate(const gql_schema *schema, const gql_document *doc,
                        const gql_validate_options *options, gql_error_list *errors) {
    return gql_validation_run_hosted(schema, doc, options, NULL, 0, NULL, errors);
}
