/* mem.c: the allocator indirection (see mem.h). */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *ctx, size_t size) { (void)ctx; return malloc(size); }
static void *std_realloc(void *ctx, void *ptr, size_t size) { (void)ctx; return realloc(ptr, size); }
static void std_free(void *ctx, void *ptr) { (void)ctx; free(ptr); }

static gql_allocator current = {std_malloc, std_realloc, std_free, NULL};
static unsigned generation;

unsigned gql_allocator_generation(void) { return generation; }

void gql_set_allocator(const gql_allocator *allocator) {
    gql_release_cached_memory();
    generation++;
    if (allocator)
        current = *allocator;
    else
        current = (gql_allocator){std_malloc, std_realloc, std_free, NULL};
}

void *gql_malloc(size_t size) { return current.malloc(current.ctx, size ? size : 1); }

void *gql_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = gql_malloc(count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

void *gql_realloc(void *ptr, size_t size) {
    return current.realloc(current.ctx, ptr, size ? size : 1);
}

void gql_free(void *ptr) {
    if (ptr) current.free(current.ctx, ptr);
}
