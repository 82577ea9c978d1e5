/*
 * test_arena.c: the arena (arena.h) and the 1 MiB blocks it keeps for reuse:
 * a large arena released and built again takes its blocks back instead of
 * allocating; gql_release_cached_memory and gql_set_allocator give them
 * back, each through the allocator that gave it; out of memory is NULL.
 */
#include <stdlib.h>

#include "arena.h"
#include "harness.h"

static size_t live, calls;
static bool fail_all;

static void *counting_malloc(void *ctx, size_t size) {
    (void)ctx;
    if (fail_all) return NULL;
    calls++;
    void **p = malloc(size + sizeof(max_align_t));
    if (!p) return NULL;
    live++;
    return (char *)p + sizeof(max_align_t);
}
static void *counting_realloc(void *ctx, void *ptr, size_t size) {
    (void)ctx, (void)ptr, (void)size;
    return NULL;  /* the arena never reallocates */
}
static void counting_free(void *ctx, void *ptr) {
    (void)ctx;
    if (!ptr) return;
    live--;
    free((char *)ptr - sizeof(max_align_t));
}
static const gql_allocator counting = {counting_malloc, counting_realloc, counting_free, NULL};

/* An arena filled with n bytes in 64 KiB pieces, each written to. */
static bool fill(gql_arena *a, size_t n) {
    gql_arena_init(a, 4096);
    for (size_t done = 0; done < n; done += 65536) {
        char *p = gql_arena_alloc(a, 65536);
        if (!p) return false;
        memset(p, 0x5a, 65536);
    }
    return true;
}

static void test_large_arenas_reuse_their_blocks(void) {
    gql_set_allocator(&counting);
    gql_arena a;
    CHECK(fill(&a, (size_t)8 << 20));
    size_t first = calls;
    gql_arena_release(&a);
    CHECK(live > 0);            /* the 1 MiB blocks are kept... */
    calls = 0;
    CHECK(fill(&a, (size_t)8 << 20));
    CHECK(calls < first);       /* ...and taken back */
    CHECK(calls <= 8);          /* only the small first chunks are new */
    gql_arena_release(&a);
    gql_release_cached_memory();
    CHECK_EQ_INT(live, 0);      /* every block given back, through its allocator */
    gql_set_allocator(NULL);
}

static void test_changing_the_allocator_gives_the_blocks_back(void) {
    gql_set_allocator(&counting);
    gql_arena a;
    CHECK(fill(&a, (size_t)4 << 20));
    gql_arena_release(&a);
    CHECK(live > 0);
    gql_set_allocator(NULL);    /* frees the kept blocks with counting_free */
    CHECK_EQ_INT(live, 0);
    CHECK(fill(&a, (size_t)4 << 20));  /* plain malloc now */
    gql_arena_release(&a);
    gql_release_cached_memory();
}

static void test_out_of_memory_is_null(void) {
    gql_set_allocator(&counting);
    gql_arena a;
    CHECK(fill(&a, (size_t)2 << 20));
    gql_arena_release(&a);      /* one or two blocks kept */
    fail_all = true;
    gql_arena_init(&a, 4096);
    CHECK(gql_arena_alloc(&a, 100) == NULL);  /* small chunks are never kept */
    CHECK(gql_arena_alloc(&a, (size_t)1 << 20) != NULL);  /* a kept block, no malloc */
    CHECK(gql_arena_alloc(&a, SIZE_MAX - 8) == NULL);
    fail_all = false;
    gql_arena_release(&a);
    gql_release_cached_memory();
    CHECK_EQ_INT(live, 0);
    gql_set_allocator(NULL);
}

int main(void) {
    RUN(test_large_arenas_reuse_their_blocks);
    RUN(test_changing_the_allocator_gives_the_blocks_back);
    RUN(test_out_of_memory_is_null);
    return gql_test_summary();
}
