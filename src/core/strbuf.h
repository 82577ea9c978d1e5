/*
 * strbuf.h: a growable byte string for building messages and printed types
 * (private). Memory comes from gql_realloc; after a failed allocation the
 * buffer stays in its "nomem" state and ignores further appends, so callers
 * append freely and check once at the end.
 */
#ifndef GQL_STRBUF_H
#define GQL_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct gql_strbuf {
    char *ptr;   /* NUL-terminated once anything was appended; may be NULL */
    size_t len;  /* bytes, excluding the NUL */
    size_t cap;  /* bytes allocated */
    bool nomem;  /* an allocation failed; the content is incomplete */
} gql_strbuf;

#define GQL_STRBUF_INIT {NULL, 0, 0, false}

void gql_strbuf_append(gql_strbuf *b, const char *s, size_t n);
void gql_strbuf_free(gql_strbuf *b);

static inline void gql_strbuf_puts(gql_strbuf *b, const char *s) {
    gql_strbuf_append(b, s, strlen(s));
}

/* The content as a C string ("" when empty); valid until the next append. */
static inline const char *gql_strbuf_cstr(const gql_strbuf *b) {
    return b->ptr ? b->ptr : "";
}

/* Empty the buffer, keeping its memory. */
static inline void gql_strbuf_reset(gql_strbuf *b) {
    b->len = 0;
    if (b->ptr) b->ptr[0] = '\0';
}

#endif /* GQL_STRBUF_H */
