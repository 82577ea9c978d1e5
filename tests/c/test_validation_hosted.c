/*
 * test_validation_hosted.c: gql_validation_run_hosted, how a binding runs
 * rules of its own (the CPython binding's Python rules) after the
 * specified rules in the same walk: the rule finds the caller's data in
 * ctx->host, its errors interleave with the specified rules' on each node,
 * it counts towards max_errors, NoSchemaIntrospectionCustomRule runs
 * between the two when asked, and setting ctx->aborted ends the walk
 * without an error of its own.
 */
#include <string.h>

#include "validation/rules/rules.h"
#include "validation_harness.h"

typedef struct host {
    unsigned fields;      /* fields entered */
    unsigned stop_after;  /* abort the walk at this field (0: never) */
} host;

static gql_visit_action enter_field(gql_validation_context *ctx, void *state,
                                    const gql_node *node) {
    (void)state;
    host *h = ctx->host;
    h->fields++;
    gql_ast_ref at = gql_here(ctx, node);
    gql_validation_report(ctx, &at, 1, "host field %u '%s'", h->fields,
                          ((const gql_field *)node)->name->value->str);
    if (h->stop_after && h->fields == h->stop_after) ctx->aborted = true;
    return GQL_VISIT_CONTINUE;
}

static const gql_rule host_rule = {
    .name = "HostRule",
    .enter = {[GQL_FIELD] = enter_field},
};

static gql_status run(const char *query, uint32_t max_errors, bool no_introspection, host *h,
                      gql_error_list *errors) {
    gql_document *doc = PARSE_OK(query);
    if (!doc) return GQL_ERR_ARG;
    gql_validate_options options;
    gql_validate_options_init(&options);
    options.max_errors = max_errors;
    options.no_introspection = no_introspection;
    const gql_rule *const rules[] = {&host_rule};
    gql_status status = gql_validation_run_hosted(vh_schema(0), doc, &options, rules, 1, h,
                                                  errors);
    gql_document_free(doc);
    return status;
}

static void expect_messages(const gql_error_list *errors, const char *const *want, size_t n) {
    CHECK_EQ_INT(errors->count, n);
    for (size_t i = 0; i < errors->count && i < n; i++)
        CHECK_EQ_STR(errors->items[i].message, want[i]);
}

/* The host rule runs after the specified rules on each node. */
static void test_interleaved(void) {
    host h = {0, 0};
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(run("{ nope me { id } }", 100, false, &h, &errors), GQL_ERR_INVALID);
    static const char *const want[] = {
        "Cannot query field 'nope' on type 'Query'. Did you mean 'node', 'nodes', or 'now'?",
        "host field 1 'nope'",
        "host field 2 'me'",
        "host field 3 'id'",
    };
    expect_messages(&errors, want, 4);
    CHECK_EQ_INT(h.fields, 3);
    gql_error_list_clear(&errors);
}

/* NoSchemaIntrospectionCustomRule between the specified rules and the
 * host's; the host's errors count towards max_errors. */
static void test_no_introspection_and_limit(void) {
    host h = {0, 0};
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(run("{ __schema { types { name } } }", 3, true, &h, &errors),
                 GQL_ERR_INVALID);
    static const char *const want[] = {
        "GraphQL introspection has been disabled, but the requested query contained the "
        "field '__schema'.",
        "host field 1 '__schema'",
        "GraphQL introspection has been disabled, but the requested query contained the "
        "field 'types'.",
        "Too many validation errors, error limit reached. Validation aborted.",
    };
    expect_messages(&errors, want, 4);
    gql_error_list_clear(&errors);
}

/* A rule that sets ctx->aborted ends the walk, with no error added. */
static void test_abort_by_rule(void) {
    host h = {0, 2};
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(run("{ me { id name } now }", 100, false, &h, &errors), GQL_ERR_INVALID);
    static const char *const want[] = {"host field 1 'me'", "host field 2 'id'"};
    expect_messages(&errors, want, 2);
    CHECK_EQ_INT(h.fields, 2);
    gql_error_list_clear(&errors);
}

/* Without rules of its own it is gql_validate. */
static void test_no_host_rules(void) {
    gql_document *doc = PARSE_OK("{ nope }");
    gql_error_list a, b;
    gql_error_list_init(&a);
    gql_error_list_init(&b);
    CHECK_EQ_INT(gql_validation_run_hosted(vh_schema(0), doc, NULL, NULL, 0, NULL, &a),
                 GQL_ERR_INVALID);
    CHECK_EQ_INT(gql_validate(vh_schema(0), doc, NULL, &b), GQL_ERR_INVALID);
    CHECK_EQ_INT(a.count, 1);
    CHECK_EQ_INT(b.count, 1);
    if (a.count == 1 && b.count == 1) CHECK_EQ_STR(a.items[0].message, b.items[0].message);
    gql_error_list_clear(&a);
    gql_error_list_clear(&b);
    gql_document_free(doc);
}

int main(void) {
    RUN(test_interleaved);
    RUN(test_no_introspection_and_limit);
    RUN(test_abort_by_rule);
    RUN(test_no_host_rules);
    vh_release_schemas();
    return gql_test_summary();
}
