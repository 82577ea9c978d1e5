/* strbuf.c: the growable byte string of strbuf.h. */
#include "strbuf.h"

#include <stdint.h>

#include "mem.h"

void gql_strbuf_append(gql_strbuf *b, const char *s, size_t n) {
    if (b->nomem) return;
    if (n >= SIZE_MAX - b->len) {
        b->nomem = true;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) cap = cap > SIZE_MAX / 2 ? b->len + n + 1 : cap * 2;
        char *p = gql_realloc(b->ptr, cap);
        if (!p) {
            b->nomem = true;
            return;
        }
        b->ptr = p;
        b->cap = cap;
    }
    if (n) memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void gql_strbuf_free(gql_strbuf *b) {
    gql_free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->nomem = false;
}
