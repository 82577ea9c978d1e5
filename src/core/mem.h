/*
 * mem.h: every heap allocation of the core goes through these wrappers, so
 * that an embedder can supply its own allocator (gql_set_allocator) and the
 * tests can make the n-th allocation fail to prove that out of memory is an
 * error, never a crash or a leak.
 */
#ifndef GQL_MEM_H
#define GQL_MEM_H

#include "graftql.h"

void *gql_malloc(size_t size);
void *gql_calloc(size_t count, size_t size);
void *gql_realloc(void *ptr, size_t size);
/* Changes whenever gql_set_allocator is called: memory kept for reuse is
 * only reused under the allocator that gave it. */
unsigned gql_allocator_generation(void);
/* gql_free is public (graftql.h): it releases what gql_print returns. */

#endif
