/*
 * arena.c: chunked bump allocator (see arena.h). Chunks double in size up to
 * 1 MiB so that small documents cost one malloc and large ones few.
 */
#include "arena.h"

#include <stdlib.h>

#include "mem.h"

struct gql_arena_chunk {
    gql_arena_chunk *prev;  /* previously filled chunk */
    size_t size;            /* usable bytes after the header */
    max_align_t data[];     /* the bytes handed out */
};

#define GQL_ARENA_MAX_CHUNK ((size_t)1 << 20)

void gql_arena_init(gql_arena *arena, size_t first_size) {
    arena->chunk = NULL;
    arena->cursor = NULL;
    arena->limit = NULL;
    arena->next_size = first_size < 256 ? 256 : first_size;
    arena->total = 0;
}

void gql_arena_release(gql_arena *arena) {
    gql_arena_chunk *c = arena->chunk;
    while (c) {
        gql_arena_chunk *prev = c->prev;
        gql_free(c);
        c = prev;
    }
    arena->chunk = NULL;
    arena->cursor = arena->limit = NULL;
    arena->total = 0;
}

void *gql_arena_alloc_slow(gql_arena *arena, size_t size) {
    size_t want = arena->next_size;
    if (want < size) want = size;
    if (want > SIZE_MAX - sizeof(gql_arena_chunk)) return NULL;
    gql_arena_chunk *c = gql_malloc(sizeof(gql_arena_chunk) + want);
    if (!c) return NULL;
    c->prev = arena->chunk;
    c->size = want;
    arena->chunk = c;
    arena->total += want;
    arena->cursor = (char *)c->data + size;
    arena->limit = (char *)c->data + want;
    if (arena->next_size < GQL_ARENA_MAX_CHUNK) arena->next_size *= 2;
    return c->data;
}

char *gql_arena_strndup(gql_arena *arena, const char *s, size_t len) {
    if (len == SIZE_MAX) return NULL;
    char *p = gql_arena_alloc(arena, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
