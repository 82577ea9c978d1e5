/*
 * error.c: errors as data (see gql_error in graftql.h). Messages are built
 * with printf-style formatting on the heap; when even that allocation fails
 * the error carries a static out-of-memory message instead.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static char nomem_message[] = "Out of memory.";

void gql_error_clear(gql_error *err) {
    if (!err) return;
    if (err->owns_message) free(err->message);
    err->message = NULL;
    err->owns_message = false;
    err->code = GQL_OK;
    err->offset = 0;
}

void gql_error_nomem(gql_error *err) {
    if (!err) return;
    gql_error_clear(err);
    err->code = GQL_ERR_NOMEM;
    err->message = nomem_message;
    err->owns_message = false;
}

void gql_error_set(gql_error *err, gql_status code, size_t offset, const char *fmt, ...) {
    if (!err) return;
    gql_error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!msg) {
        gql_error_nomem(err);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    err->code = code;
    err->offset = offset;
    err->message = msg;
    err->owns_message = true;
}
