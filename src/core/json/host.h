/*
 * host.h: the JSON host (private): the host protocol (gql_host in
 * graftql.h) over gql_json nodes (json/reader.h), for the graftql-c tool,
 * the C tests and the fuzz targets. Values are gql_json nodes: the ones read
 * from a document (variables, the root value: the caller keeps the document
 * alive for the execution) and the ones the host builds (coerced arguments
 * and variables, serialized leaves, errors), which live in the context's
 * arena until gql_json_host_release, so release and retain are no-ops.
 *
 * It behaves as graphql-core does over the Python values json.loads makes:
 *
 *   resolve        the default field resolver: an object's member named as
 *                  the field, null when it has none or the parent is not an
 *                  object (a Python str or list has no such attribute worth
 *                  calling);
 *   serialize      the built-in scalars' serialize (Int, Float, String,
 *                  Boolean, ID: messages included, "12" serializes as Int
 *                  12 as int("12") does); an enum's value must be one of its
 *                  names (build_schema binds each value to its name);
 *                  custom scalars are passed through;
 *   resolve_type   the "__typename" member of an object;
 *   parse_value    custom scalars: the value itself; parse_literal the
 *                  literal as value_from_ast_untyped reads it (a variable
 *                  without a value gives null where Python has Undefined);
 *   enum_value     the value's name, as build_schema binds it;
 *   inspect        graphql-core's inspect() of the Python value;
 *   write_leaf     json.dumps of the Python value.
 *
 * Errors are string nodes holding the message (error_message gives it).
 * Out of memory: the make_* functions return NULL, serialize a NULL value.
 */
#ifndef GQL_JSON_HOST_H
#define GQL_JSON_HOST_H

#include <stdbool.h>

#include "arena.h"
#include "graftql.h"
#include "json/reader.h"

typedef struct gql_json_host_ctx {
    gql_arena arena;  /* every node the host builds */
} gql_json_host_ctx;

void gql_json_host_init(gql_json_host_ctx *ctx);

/* Release every value the host built with this context. */
void gql_json_host_release(gql_json_host_ctx *ctx);

extern const gql_host gql_json_host;

/* A node as a host value, and back. */
static inline gql_value gql_json_value(const gql_json *node) {
    return (gql_value)(uintptr_t)node;
}

static inline const gql_json *gql_json_of(gql_value value) {
    return (const gql_json *)value;
}

#endif /* GQL_JSON_HOST_H */
