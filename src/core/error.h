/* error.h: building gql_error values inside the core (private). */
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

#endif
