/*
 * ast_from_value.h: a default value as graphql-core shows it (private).
 *
 * graphql-core does not keep the literal an SDL default was written as:
 * build_schema coerces it (value_from_ast) and introspection's defaultValue
 * (like print_schema) turns the coerced value back into a literal
 * (ast_from_value) and prints that (print_ast). gql_print_coerced_value
 * composes the three steps in one walk over the literal: a single value
 * given for a list prints as a one-item list; an input object prints its
 * fields in definition order, with the defaults of absent fields filled in
 * and unknown fields dropped; Int -0 prints as 0; floats print as Python's
 * repr() without a trailing ".0"; strings (block strings too) print quoted
 * with escapes; an ID made of digits prints as an Int; a custom scalar
 * prints what value_from_ast_untyped read (an enum value as a string).
 */
#ifndef GQL_AST_FROM_VALUE_H
#define GQL_AST_FROM_VALUE_H

#include "strbuf.h"
#include "type/schema.h"

typedef enum gql_coerced_status {
    GQL_COERCED_PRINTED,  /* the printed value was appended */
    GQL_COERCED_RAISES,   /* graphql-core raises instead: its message is in *error */
    GQL_COERCED_LIMIT     /* expanding defaults went too deep or too long */
} gql_coerced_status;

/* Absent input fields filled from their own defaults, nested, before
 * giving up with GQL_COERCED_LIMIT (value.c follows as many). A cycle
 * through defaults reaches it: graphql-core unrolls such a cycle until
 * Python's recursion limit, which nothing else can reproduce. */
#define GQL_COERCED_MAX_CHAIN 64

/* Bytes one printed value may take before GQL_COERCED_LIMIT. */
#define GQL_COERCED_MAX_BYTES ((size_t)1 << 20)

/*
 * Append print_ast(ast_from_value(value_from_ast(value, type), type)) to
 * out, for a const value that coerces to type (gql_value_coerces; the
 * schema's default states must be computed, as a build does). Where
 * graphql-core raises (a custom scalar's value that is a list or an object,
 * a float that overflows to infinity) returns GQL_COERCED_RAISES with
 * graphql-core's message appended to error (if not NULL); out is then left
 * as it was, as it is for GQL_COERCED_LIMIT. Out of memory leaves out or
 * error in its nomem state.
 */
gql_coerced_status gql_print_coerced_value(gql_strbuf *out, const gql_node *value,
                                           const gql_type_ref *type, gql_strbuf *error);

#endif /* GQL_AST_FROM_VALUE_H */
