/*
 * error.h: building gql_error values and gql_error_list entries inside the
 * core (private). Formats accept %s, %.*s (embedded NULs kept), %u, %d, %zu
 * and %%.
 */
#ifndef GQL_ERROR_H
#define GQL_ERROR_H

#include <stdarg.h>

#include "graftql.h"

#if defined(__GNUC__)
#define GQL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GQL_PRINTF(f, a)
#endif

/* Replace *err with a formatted message (%s, %.*s, %u, %d, %zu, %%); falls
 * back to out-of-memory. */
void gql_error_set(gql_error *err, gql_status code, size_t offset, const char *fmt, ...)
    GQL_PRINTF(4, 5);

void gql_error_vset(gql_error *err, gql_status code, size_t offset, const char *fmt,
                    va_list ap);

/* Replace *err with the static out-of-memory error. */
void gql_error_nomem(gql_error *err);

/* A formatted message allocated with gql_malloc (its length in *length if
 * not NULL); NULL when out of memory. */
char *gql_vformat(size_t *length, const char *fmt, va_list ap);
char *gql_format(size_t *length, const char *fmt, ...) GQL_PRINTF(2, 3);

/* Append an error with a formatted message and nlocs locations (copied).
 * When out of memory the error is dropped, list->status becomes
 * GQL_ERR_NOMEM and false is returned. */
bool gql_error_list_add(gql_error_list *list, const gql_source_location *locs, uint32_t nlocs,
                        const char *fmt, ...) GQL_PRINTF(4, 5);
bool gql_error_list_vadd(gql_error_list *list, const gql_source_location *locs,
                         uint32_t nlocs, const char *fmt, va_list ap);

/* A node of one of the documents a call was given, with the index of that
 * document (UINT32_MAX for the built-in definitions, which have no
 * location a caller could use). */
typedef struct gql_ast_ref {
    const gql_node *node;  /* NULL: no node (left out of the locations) */
    uint32_t source;       /* index of the document the node is in */
} gql_ast_ref;

/* Append an error located at the start of each node of refs (NULL nodes,
 * built-in nodes and nodes of documents parsed with no_location give no
 * location), as graphql-core's GraphQLError(message, nodes) does. */
bool gql_error_list_add_at(gql_error_list *list, const gql_document *const *docs,
                           size_t ndocs, const gql_ast_ref *refs, size_t nrefs,
                           const char *fmt, ...) GQL_PRINTF(6, 7);
bool gql_error_list_vadd_at(gql_error_list *list, const gql_document *const *docs,
                            size_t ndocs, const gql_ast_ref *refs, size_t nrefs,
                            const char *fmt, va_list ap);

/* Record that an error could not be reported for lack of memory. */
void gql_error_list_nomem(gql_error_list *list);

#endif
