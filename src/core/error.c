/*
 * error.c: errors as data (see gql_error and gql_error_list in graftql.h).
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

char *gql_vformat(size_t *length, const char *fmt, va_list ap) {
    va_list measure;
    va_copy(measure, ap);
    size_t len = format(NULL, fmt, measure);
    va_end(measure);
    char *msg = gql_malloc(len + 1);
    if (!msg) return NULL;
    format(msg, fmt, ap);
    msg[len] = '\0';
    if (length) *length = len;
    return msg;
}

char *gql_format(size_t *length, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = gql_vformat(length, fmt, ap);
    va_end(ap);
    return msg;
}

/*=== MARK: Error lists =====================================================*/

void gql_error_list_init(gql_error_list *list) {
    if (list) memset(list, 0, sizeof *list);
}

void gql_error_list_clear(gql_error_list *list) {
    if (!list) return;
    for (size_t i = 0; i < list->count; i++) {
        gql_free(list->items[i].message);
        gql_free(list->items[i].locations);
    }
    gql_free(list->items);
    memset(list, 0, sizeof *list);
}

void gql_error_list_nomem(gql_error_list *list) {
    if (list) list->status = GQL_ERR_NOMEM;
}

bool gql_error_list_vadd(gql_error_list *list, const gql_source_location *locs,
                         uint32_t nlocs, const char *fmt, va_list ap) {
    if (!list) return false;
    if (list->count == list->capacity) {
        size_t cap = list->capacity ? list->capacity * 2 : 8;
        gql_diagnostic *items = cap > SIZE_MAX / sizeof *items
                                    ? NULL
                                    : gql_realloc(list->items, cap * sizeof *items);
        if (!items) goto nomem;
        list->items = items;
        list->capacity = cap;
    }
    gql_diagnostic *d = &list->items[list->count];
    memset(d, 0, sizeof *d);
    d->message = gql_vformat(&d->message_len, fmt, ap);
    if (!d->message) goto nomem;
    if (nlocs) {
        d->locations = gql_malloc(nlocs * sizeof *d->locations);
        if (!d->locations) {
            gql_free(d->message);
            goto nomem;
        }
        memcpy(d->locations, locs, nlocs * sizeof *d->locations);
        d->location_count = nlocs;
    }
    list->count++;
    return true;
nomem:
    list->status = GQL_ERR_NOMEM;
    return false;
}

bool gql_error_list_add(gql_error_list *list, const gql_source_location *locs, uint32_t nlocs,
                        const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bool ok = gql_error_list_vadd(list, locs, nlocs, fmt, ap);
    va_end(ap);
    return ok;
}

bool gql_error_list_vadd_at(gql_error_list *list, const gql_document *const *docs,
                            size_t ndocs, const gql_ast_ref *refs, size_t nrefs,
                            const char *fmt, va_list ap) {
    gql_source_location small[16];
    gql_source_location *locs = small;
    if (nrefs > sizeof small / sizeof small[0]) {
        locs = nrefs > SIZE_MAX / sizeof *locs ? NULL : gql_malloc(nrefs * sizeof *locs);
        if (!locs) {
            gql_error_list_nomem(list);
            return false;
        }
    }
    uint32_t n = 0;
    for (size_t i = 0; i < nrefs; i++) {
        const gql_ast_ref *r = &refs[i];
        if (!r->node || r->source >= ndocs || gql_document_no_location(docs[r->source]))
            continue;
        locs[n++] = (gql_source_location){r->source, r->node->start};
    }
    bool ok = gql_error_list_vadd(list, n ? locs : NULL, n, fmt, ap);
    if (locs != small) gql_free(locs);
    return ok;
}

bool gql_error_list_add_at(gql_error_list *list, const gql_document *const *docs,
                           size_t ndocs, const gql_ast_ref *refs, size_t nrefs,
                           const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bool ok = gql_error_list_vadd_at(list, docs, ndocs, refs, nrefs, fmt, ap);
    va_end(ap);
    return ok;
}
