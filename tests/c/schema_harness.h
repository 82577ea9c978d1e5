/*
 * schema_harness.h: what the schema tests share. schema_cases.h (generated
 * from graphql-core by gen/gen_schema_cases.py) describes each case with
 * the types below; the functions build a case, compare the errors with
 * graphql-core's (message, source, line, column) and print a schema in the
 * canonical form gen/reference.py prints graphql-core's schema in.
 */
#ifndef GQL_SCHEMA_HARNESS_H
#define GQL_SCHEMA_HARNESS_H

#include <stdbool.h>

#include "harness.h"

typedef enum case_outcome {
    OUTCOME_SDL,     /* the SDL rules fail: no schema */
    OUTCOME_BUILD,   /* graphql-core raises while building: no schema */
    OUTCOME_SCHEMA   /* a schema, with validate_schema's errors (maybe none) */
} case_outcome;

typedef struct expected_location {
    unsigned source, line, column;  /* document index, 1-based line and column */
} expected_location;

typedef struct expected_error {
    const char *message;           /* graphql-core's message */
    unsigned nlocs;                /* number of locations */
    expected_location locs[16];    /* its locations */
} expected_error;

typedef struct schema_case {
    const char *name;              /* what it covers */
    const char *const *sources;    /* the SDL documents */
    unsigned nsources;             /* their number */
    bool assume_valid_sdl;         /* build with assume_valid_sdl */
    case_outcome outcome;          /* what graphql-core does */
    const expected_error *errors;  /* the errors it reports */
    unsigned nerrors;              /* their number */
    const char *dump;              /* OUTCOME_SCHEMA: the canonical dump */
} schema_case;

/* Parse the case's documents into docs (nsources entries) and build. */
gql_schema *gql_test_build_case(const schema_case *c, gql_document **docs,
                                gql_error_list *errors);

/* Check errors against the expectations; failures name the case. */
void gql_test_check_errors(const schema_case *c, gql_document *const *docs,
                           const gql_error_list *errors);

/* The canonical dump of a schema (release with gql_free; NULL when out of
 * memory). */
char *gql_test_schema_dump(const gql_schema *schema);

void gql_test_free_docs(gql_document **docs, unsigned n);

/* Append json.dumps(s[0, len], ensure_ascii=False) to b, or null when not
 * present, as the canonical dump writes texts. */
struct gql_strbuf;
void gql_test_put_json(struct gql_strbuf *b, const char *s, size_t len, bool present);

#endif
