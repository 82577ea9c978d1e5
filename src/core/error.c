/*
 * error.c: errors as data (see gql_error in graftql.h).
 *
 * Messages are formatted by a small formatter of our own rather than
 * vsnprintf, because a message may quote source text that holds a NUL
 * character (a string like "\u{1\0}"), and "%.*s" must copy such text
 * whole, as graphql-core does, where the C library would stop at the NUL.
 * When even the message allocation fails, the error carries a static
 * out-of-memory message instead.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "mem.h"
#include <string.h>

static char nomem_message[] = "Out of memory.";

void gql_error_clear(gql_error *err) {
    if (!err) return;
    if (err->owns_message) gql_free(err->message);
    err->message = NULL;
    err->message_len = 0;
    err->owns_message = false;
    err->code = GQL_OK;
    err->offset = 0;
}

void gql_error_nomem(gql_error *err) {
    if (!err) return;
    gql_error_clear(err);
    err->code = GQL_ERR_NOMEM;
    err->message = nomem_message;
    err->message_len = sizeof nomem_message - 1;
    err->owns_message = false;
}

/* Append n bytes if out is not NULL; always count them. */
static inline void put(char *out, size_t *n, const char *s, size_t len) {
    if (out) memcpy(out + *n, s, len);
    *n += len;
}

/*
 * Format into out (NULL: only measure). Supports %s, %.*s (embedded NULs
 * kept), %u, %d, %zu and %%: all that the core's messages need.
 */
static size_t format(char *out, const char *fmt, va_list ap) {
    size_t n = 0;
    char num[32];
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            put(out, &n, f, 1);
            continue;
        }
        f++;
        switch (*f) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            put(out, &n, s, strlen(s));
            break;
        }
        case '.': /* "%.*s" */
            if (f[1] == '*' && f[2] == 's') {
                int len = va_arg(ap, int);
                const char *s = va_arg(ap, const char *);
                put(out, &n, s, len > 0 ? (size_t)len : 0);
                f += 2;
            }
            break;
        case 'u':
            put(out, &n, num, (size_t)snprintf(num, sizeof num, "%u", va_arg(ap, unsigned)));
            break;
        case 'd':
            put(out, &n, num, (size_t)snprintf(num, sizeof num, "%d", va_arg(ap, int)));
            break;
        case 'z': /* "%zu" */
            if (f[1] == 'u') {
                put(out, &n, num, (size_t)snprintf(num, sizeof num, "%zu", va_arg(ap, size_t)));
                f++;
            }
            break;
        case '%':
            put(out, &n, "%", 1);
            break;
        default: /* unsupported directive: a bug in a caller's format */
            put(out, &n, "?", 1);
            if (!*f) f--;
            break;
        }
    }
    return n;
}

void gql_error_vset(gql_error *err, gql_status code, size_t offset, const char *fmt,
                    va_list ap) {
    if (!err) return;
    gql_error_clear(err);
    va_list measure;
    va_copy(measure, ap);
    size_t len = format(NULL, fmt, measure);
    va_end(measure);
    char *msg = gql_malloc(len + 1);
    if (!msg) {
        gql_error_nomem(err);
        return;
    }
    format(msg, fmt, ap);
    msg[len] = '\0';
    err->code = code;
    err->offset = offset;
    err->message = msg;
    err->message_len = len;
    err->owns_message = true;
}

void gql_error_set(gql_error *err, gql_status code, size_t offset, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    gql_error_vset(err, code, offset, fmt, ap);
    va_end(ap);
}
