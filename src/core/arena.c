/*
 * arena.c: chunked bump allocator (see arena.h). Chunks double in size up to
 * 1 MiB so that small documents cost one malloc and large ones few.
 *
 * Chunks of the largest size are kept for reuse when released, up to
 * GQL_ARENA_SPARE of them per process: malloc serves 1 MiB blocks with mmap
 * and hands them back to the kernel on free, so a process executing large
 * responses one after another would otherwise fault every page of every
 * chunk in again, each time (a tenth of a large execution's time). The
 * spare list is guarded by a spin lock: it is held for a few instructions.
 */
#include "arena.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "mem.h"

struct gql_arena_chunk {
    gql_arena_chunk *prev;  /* previously filled chunk */
    size_t size;            /* usable bytes after the header */
    max_align_t data[];     /* the bytes handed out */
};

#define GQL_ARENA_MAX_CHUNK ((size_t)1 << 20)
#define GQL_ARENA_SPARE 16

static struct {
    atomic_flag lock;
    size_t count;
    gql_arena_chunk *chunks[GQL_ARENA_SPARE];
    unsigned allocator;   /* the allocator they came from (its generation) */
} spare = {ATOMIC_FLAG_INIT, 0, {0}, 0};

static void spare_lock(void) {
    while (atomic_flag_test_and_set_explicit(&spare.lock, memory_order_acquire)) {
    }
}

static void spare_unlock(void) {
    atomic_flag_clear_explicit(&spare.lock, memory_order_release);
}

/* A kept chunk, or NULL. Only chunks from the current allocator are reused. */
static gql_arena_chunk *spare_take(void) {
    gql_arena_chunk *c = NULL;
    spare_lock();
    if (spare.count && spare.allocator == gql_allocator_generation()) c = spare.chunks[--spare.count];
    spare_unlock();
    return c;
}

/* Keep c for reuse; false when the list is full (or holds another allocator's chunks). */
static bool spare_keep(gql_arena_chunk *c) {
    bool kept = false;
    spare_lock();
    if (spare.count == 0) spare.allocator = gql_allocator_generation();
    if (spare.count < GQL_ARENA_SPARE && spare.allocator == gql_allocator_generation()) {
        spare.chunks[spare.count++] = c;
        kept = true;
    }
    spare_unlock();
    return kept;
}

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
        if (c->size != GQL_ARENA_MAX_CHUNK || !spare_keep(c)) gql_free(c);
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
    gql_arena_chunk *c = want == GQL_ARENA_MAX_CHUNK ? spare_take() : NULL;
    if (!c) c = gql_malloc(sizeof(gql_arena_chunk) + want);
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

void gql_release_cached_memory(void) {
    for (;;) {
        gql_arena_chunk *c = NULL;
        spare_lock();
        if (spare.count) c = spare.chunks[--spare.count];
        spare_unlock();
        if (!c) return;
        gql_free(c);
    }
}

char *gql_arena_strndup(gql_arena *arena, const char *s, size_t len) {
    if (len == SIZE_MAX) return NULL;
    char *p = gql_arena_alloc(arena, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
