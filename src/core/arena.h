/*
 * arena.h: chunked bump allocator. Every AST (and later every plan and
 * result tree) lives in one arena and is freed with one call. Allocation
 * failure returns NULL; callers turn that into GQL_ERR_NOMEM.
 */
#ifndef GQL_ARENA_H
#define GQL_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct gql_arena_chunk gql_arena_chunk;

typedef struct gql_arena {
    gql_arena_chunk *chunk;  /* current chunk (head of the chunk list) */
    char *cursor;            /* next free byte in the current chunk */
    char *limit;             /* end of the current chunk */
    size_t next_size;        /* size of the next chunk to allocate */
    size_t total;            /* bytes obtained from malloc, for accounting */
} gql_arena;

/* Initialise an arena whose first chunk will hold at least first_size bytes. */
void gql_arena_init(gql_arena *arena, size_t first_size);

/* Release every chunk; the arena may be reused after gql_arena_init. */
void gql_arena_release(gql_arena *arena);

/* Slow path of gql_arena_alloc: start a new chunk. */
void *gql_arena_alloc_slow(gql_arena *arena, size_t size);

/* size bytes aligned to 8, uninitialised; NULL when out of memory. */
static inline void *gql_arena_alloc(gql_arena *arena, size_t size) {
    size = (size + 7u) & ~(size_t)7u;
    if ((size_t)(arena->limit - arena->cursor) >= size && arena->cursor) {
        void *p = arena->cursor;
        arena->cursor += size;
        return p;
    }
    return gql_arena_alloc_slow(arena, size);
}

/* size bytes aligned to 8, zeroed. */
static inline void *gql_arena_zalloc(gql_arena *arena, size_t size) {
    void *p = gql_arena_alloc(arena, size);
    if (p) memset(p, 0, size);
    return p;
}

/* A NUL-terminated copy of len bytes. */
char *gql_arena_strndup(gql_arena *arena, const char *s, size_t len);

#endif /* GQL_ARENA_H */
