/*
 * test_no_schema_introspection.c: graphql-core's
 * NoSchemaIntrospectionCustomRule. Alone, on the cases of
 * tests/c/gen/validation_cases/no_schema_introspection.py (graphql-core
 * 3.2.14's errors in validation_cases/no_schema_introspection.h); and
 * through gql_validate's no_introspection option, after the specified
 * rules, as graphql-core's validate(schema, document, [*specified_rules,
 * NoSchemaIntrospectionCustomRule]) interleaves their errors.
 */
#include <string.h>

#include "validation/rules/rules.h"
#include "validation_harness.h"

#include "validation_cases/no_schema_introspection.h"

static void test_cases(void) {
    for (size_t i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++)
        vh_expect_errors_with(&gql_rule_no_schema_introspection, &rule_cases[i]);
}

typedef struct expected {
    const char *message;
    unsigned line, column;  /* 0, 0: no location */
} expected;

#define DISABLED(field)                                                                  \
    "GraphQL introspection has been disabled, but the requested query contained the " \
    "field '" field "'."

static void expect_validate(const char *query, uint32_t max_errors, bool no_introspection,
                            const expected *want, size_t nwant) {
    gql_document *doc = PARSE_OK(query);
    if (!doc) return;
    gql_validate_options options;
    gql_validate_options_init(&options);
    options.max_errors = max_errors;
    options.no_introspection = no_introspection;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status status = gql_validate(vh_schema(0), doc, &options, &errors);
    CHECK_EQ_INT(status, nwant ? GQL_ERR_INVALID : GQL_OK);
    CHECK_EQ_INT(errors.count, nwant);
    size_t len = 0;
    const char *src = gql_document_source(doc, &len);
    for (size_t i = 0; i < errors.count && i < nwant; i++) {
        const gql_diagnostic *d = &errors.items[i];
        CHECK_EQ_STR(d->message, want[i].message);
        CHECK_EQ_INT(d->location_count, want[i].line ? 1 : 0);
        if (d->location_count && want[i].line) {
            gql_location at = gql_locate(src, len, d->locations[0].offset);
            CHECK_EQ_INT(at.line, want[i].line);
            CHECK_EQ_INT(at.column, want[i].column);
        }
    }
    gql_error_list_clear(&errors);
    gql_document_free(doc);
}

/* The errors of the rule interleave with the specified rules' errors on
 * the same nodes: it runs after them, in the same walk. */
static void test_with_specified_rules(void) {
    static const expected unknown_field[] = {
        {DISABLED("__schema"), 1, 3},
        {"Cannot query field 'nope' on type '__Schema'.", 1, 14},
        {DISABLED("types"), 1, 19},
    };
    expect_validate("{ __schema { nope types { name } } me { id } }", 100, true, unknown_field,
                    3);
    /* ProvidedRequiredArguments reports when it leaves the field. */
    static const expected missing_argument[] = {
        {DISABLED("__type"), 1, 3},
        {"Field '__type' argument 'name' of type 'String!' is required, but it was not "
         "provided.",
         1, 3},
    };
    expect_validate("{ __type { name } }", 100, true, missing_argument, 2);
    static const expected limit[] = {
        {DISABLED("__schema"), 1, 3},
        {"Too many validation errors, error limit reached. Validation aborted.", 0, 0},
    };
    expect_validate("{ __schema { types { name } } }", 1, true, limit, 2);
}

/* Off by default; __typename is never an introspection field. */
static void test_option(void) {
    expect_validate("{ __schema { types { name } } }", 100, false, NULL, 0);
    expect_validate("query Q { __typename me { __typename } }", 100, true, NULL, 0);
    static const expected off[] = {{DISABLED("__type"), 1, 3}};
    expect_validate("{ __type(name: \"User\") { name } }", 100, true, off, 1);
}

static void test_out_of_memory(void) {
    vh_check_out_of_memory(&gql_rule_no_schema_introspection, 0,
                           "{ __schema { types { ...T } } }\n"
                           "fragment T on __Type { name kind fields { name } }");
}

int main(void) {
    RUN(test_cases);
    RUN(test_with_specified_rules);
    RUN(test_option);
    RUN(test_out_of_memory);
    vh_release_schemas();
    return gql_test_summary();
}
