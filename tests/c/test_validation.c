/*
 * test_validation.c: gql_validate with every specified rule: the cases of
 * gen/validation_cases/all.py (errors of several rules in graphql-core's
 * order, max_errors, hidden suggestions, graphql-core's aborts), then the
 * API itself: defaults, arguments, appending to a list, an invalid schema,
 * and out of memory at every allocation.
 */
#include <stdlib.h>

#include "validation/rules/rules.h"
#include "validation_harness.h"

#include "validation_cases/all.h"

static void test_all_rules(void) {
    vh_run_cases(RULE_NAME, rule_cases, sizeof rule_cases / sizeof rule_cases[0]);
}

static void test_options_init(void) {
    static int literal_ctx;
    gql_validate_options options = {7, false, true, NULL, &literal_ctx};
    gql_validate_options_init(&options);
    CHECK_EQ_INT(options.max_errors, 100);
    CHECK(options.suggestions);
    CHECK(!options.no_introspection);
    CHECK(!options.parse_literal && !options.literal_ctx);
    gql_validate_options_init(NULL); /* harmless */
}

static gql_status validate_text(const char *query, const gql_validate_options *options,
                                gql_error_list *errors) {
    gql_document *doc = PARSE_OK(query);
    if (!doc) return GQL_ERR_ARG;
    gql_status status = gql_validate(vh_schema(0), doc, options, errors);
    gql_document_free(doc);
    return status;
}

/* NULL options are the defaults: 100 errors, then the abort. */
static void test_default_limit(void) {
    char query[2048] = "{";
    for (int i = 0; i < 120; i++) strcat(query, " x");
    strcat(query, " }");
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(validate_text(query, NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(errors.count, 101);
    if (errors.count == 101) {
        CHECK_EQ_STR(errors.items[100].message,
                     "Too many validation errors, error limit reached. Validation aborted.");
        CHECK_EQ_INT(errors.items[100].location_count, 0);
    }
    gql_error_list_clear(&errors);
}

/* Errors go after those the list already holds; a valid document adds none. */
static void test_appends(void) {
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(validate_text("{ nope }", NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(validate_text("{ me { id } }", NULL, &errors), GQL_OK);
    CHECK_EQ_INT(validate_text("{ nada }", NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(errors.count, 2);
    if (errors.count == 2)
        CHECK_EQ_STR(errors.items[1].message,
                     "Cannot query field 'nada' on type 'Query'. Did you mean 'node'?");
    gql_error_list_clear(&errors);
}

/* A raising subscription drops only this validation's errors. */
/* September 2025: @skip / @include at the top level of a subscription is
 * an error (graphql-core 3.2.14 raised out of validate instead), reported
 * after the errors found before it, in the same list. */
static void test_subscription_root_conditionals_keep_earlier_errors(void) {
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(validate_text("{ nope }", NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(validate_text("{ nada } subscription S { userOnline @skip { id } }", NULL,
                               &errors),
                 GQL_ERR_INVALID);
    CHECK(errors.count >= 3);
    for (size_t i = 0; i < errors.count; i++)
        if (strstr(errors.items[i].message, "must not use `@skip` or `@include`")) {
            CHECK_EQ_STR(errors.items[i].message,
                         "Subscription 'S' must not use `@skip` or `@include` directives in the "
                         "top level selection.");
            goto found;
        }
    gql_test_fail(__FILE__, __LINE__, "no error about @skip at the subscription's top level");
found:
    CHECK(strstr(errors.items[0].message, "nope") != NULL);
    gql_error_list_clear(&errors);
}

static void test_arguments(void) {
    gql_document *doc = PARSE_OK("{ me { id } }");
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(gql_validate(NULL, doc, NULL, &errors), GQL_ERR_ARG);
    CHECK_EQ_INT(gql_validate(vh_schema(0), NULL, NULL, &errors), GQL_ERR_ARG);
    CHECK_EQ_INT(gql_validate(vh_schema(0), doc, NULL, NULL), GQL_ERR_ARG);
    CHECK_EQ_INT(errors.count, 0);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
}

/* graphql-core's assert_valid_schema: no validation against an invalid
 * schema. */
static void test_invalid_schema(void) {
    gql_document *sdl = PARSE_OK("type Query { a: Int } type Query2 implements Query { a: Int }");
    gql_document *doc = PARSE_OK("{ a }");
    gql_error_list errors;
    gql_error_list_init(&errors);
    const gql_document *docs[1] = {sdl};
    gql_schema *schema = gql_schema_build(docs, 1, NULL, &errors);
    CHECK(schema != NULL);
    CHECK(!gql_schema_is_valid(schema));
    gql_error_list_clear(&errors);
    CHECK_EQ_INT(gql_validate(schema, doc, NULL, &errors), GQL_ERR_ARG);
    CHECK_EQ_INT(errors.count, 0);
    gql_schema_free(schema);
    gql_document_free(doc);
    gql_document_free(sdl);
}

/* Documents parsed without locations give errors without locations. */
static void test_no_location(void) {
    gql_parse_options opts;
    gql_parse_options_init(&opts);
    opts.no_location = true;
    gql_error err = {0};
    gql_document *doc = gql_parse("{ nope }", 8, &opts, &err);
    CHECK(doc != NULL);
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(gql_validate(vh_schema(0), doc, NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count) CHECK_EQ_INT(errors.items[0].location_count, 0);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
}

/* A cycle and a chain of 5,000 fragments. Through spreads they nest
 * 5,000 deep, so validate aborts as graphql-core does before the rules
 * recurse; run alone, NoFragmentCyclesRule reports the cycle once, at all
 * 5,000 spreads, without recursion. */
static void test_long_fragment_chains(void) {
    size_t cap = 5000 * 64, len = 0;
    char *src = malloc(cap);
    if (!src) return;
    len += (size_t)snprintf(src, cap, "{ me { ...F0 } }\n");
    for (int i = 0; i < 5000; i++)
        len += (size_t)snprintf(src + len, cap - len, "fragment F%d on User { ...F%d }\n", i,
                                (i + 1) % 5000);
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(validate_text(src, NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count) CHECK_EQ_STR(errors.items[0].message, "Validation aborted.");
    gql_error_list_clear(&errors);

    gql_document *doc = PARSE_OK(src);
    gql_validation_context ctx;
    if (doc && gql_validation_init_executable(&ctx, vh_schema(0), doc, 100, false, &errors)) {
        const gql_rule *rule = &gql_rule_no_fragment_cycles;
        CHECK(gql_validation_run(&ctx, &rule, 1));
        CHECK_EQ_INT(errors.count, 1);
        if (errors.count) CHECK_EQ_INT(errors.items[0].location_count, 5000);
    }
    gql_validation_release(&ctx);
    gql_document_free(doc);
    gql_error_list_clear(&errors);

    len = (size_t)snprintf(src, cap, "{ me { ...F0 } }\n");
    for (int i = 0; i < 5000; i++)
        len += (size_t)snprintf(src + len, cap - len,
                                "fragment F%d on User { bestFriend { ...F%d } }\n", i, i + 1);
    snprintf(src + len, cap - len, "fragment F5000 on User { id }\n");
    CHECK_EQ_INT(validate_text(src, NULL, &errors), GQL_ERR_INVALID);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count) CHECK_EQ_STR(errors.items[0].message, "Validation aborted.");
    gql_error_list_clear(&errors);
    free(src);
}

/*=== Out of memory: fail the n-th allocation, for every n ===*/

static void test_out_of_memory(void) {
    /* Errors of every rule, fragments, variables and the caches; every
       allocation failed in turn (vh_check_out_of_memory). */
    vh_check_out_of_memory(NULL, 0,
        "query Q($a: User, $a: Int, $u: ID) { me { nmae bestFriend ...F ...Missing }"
        " node(id: $u) { name } nodes(ids: [$x]) { id } }\n"
        "subscription S { reviewAdded { id } userOnline { id } ...G }\n"
        "fragment F on User { ...H id }\nfragment H on User { ...F orders(limit: $u) { id } }\n"
        "fragment G on Subscription { __typename }\nfragment Unused on Strin { x }\n"
        "type Extra { a: Int }");
}

int main(void) {
    RUN(test_all_rules);
    RUN(test_options_init);
    RUN(test_default_limit);
    RUN(test_appends);
    RUN(test_subscription_root_conditionals_keep_earlier_errors);
    RUN(test_arguments);
    RUN(test_invalid_schema);
    RUN(test_no_location);
    RUN(test_long_fragment_chains);
    RUN(test_out_of_memory);
    vh_release_schemas();
    return gql_test_summary();
}
