/*
 * validation_harness.h: what the validation tests share, as graphql-js's
 * validation/__tests__/harness.ts: the test schemas (written for these
 * tests: interfaces implementing interfaces, unions, enums, input objects
 * with defaults and @oneOf, mutation and subscription roots, custom
 * directives) and expect_errors, which validates a query with one rule or
 * all of them and compares the errors with graphql-core's.
 *
 * The cases live in tests/c/gen/validation_cases/<rule>.py (one file per
 * rule); gen/gen_validation_cases.py runs graphql-core 3.2.14's validate
 * on each and writes the expectations to validation_cases/<rule>.h.
 */
#ifndef GQL_VALIDATION_HARNESS_H
#define GQL_VALIDATION_HARNESS_H

#include <stdbool.h>
#include <stdint.h>

#include "harness.h"

typedef struct vh_location {
    unsigned line, column;  /* 1-based, as graphql-core reports them */
} vh_location;

typedef struct vh_error {
    const char *message;       /* graphql-core's message */
    unsigned nlocs;            /* number of locations */
    vh_location locs[16];      /* its locations */
} vh_error;

typedef struct vh_case {
    const char *name;          /* what it covers */
    unsigned schema;           /* index into the test schemas */
    const char *query;         /* the document validated */
    uint32_t max_errors;       /* validate's max_errors (100 by default) */
    bool hide_suggestions;     /* validate's hide_suggestions */
    bool raises;               /* graphql-core's validate raised errors[0] */
    const vh_error *errors;    /* the errors graphql-core reports */
    unsigned nerrors;          /* their number */
} vh_case;

/* The test schema of that index, built once (NULL, with a failure
 * recorded, if it does not build). */
const gql_schema *vh_schema(unsigned index);

/* Release the schemas (at the end of a test program, for leak checks). */
void vh_release_schemas(void);

/*
 * Validate c->query against its schema with the rule named rule_name
 * (graphql-core's class name) or, for NULL, every specified rule, and
 * check the errors against the case's. Returns false when the rule is not
 * written yet (the case is skipped, not failed).
 */
bool vh_expect_errors(const char *rule_name, const vh_case *c);

/* The same with a rule of the caller's (NULL: every specified rule), for
 * checks that are not rules of their own. */
struct gql_rule;
void vh_expect_errors_with(const struct gql_rule *rule, const vh_case *c);

/* Validate query against the test schema of that index with rule (NULL:
 * every specified rule) once unhindered, then with the n-th allocation
 * failing for every n until a run completes: each run reports out of
 * memory or gives the unhindered run's errors. */
void vh_check_out_of_memory(const struct gql_rule *rule, unsigned schema, const char *query);

/* Run every case of a table; prints how many were skipped. */
void vh_run_cases(const char *rule_name, const vh_case *cases, size_t ncases);

#endif
