/*
 * symmap.h: a hash map from interned names to pointers (private). Keys are
 * compared by pointer first and then by content, so that one map can hold
 * names interned by different documents (each document interns its own
 * names; a schema re-interns them in its own table). Insertion order is not
 * kept: callers that need an order keep their own array and map names to it.
 */
#ifndef GQL_SYMMAP_H
#define GQL_SYMMAP_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "graftql.h"

typedef struct gql_symmap_slot {
    const gql_sym *key;  /* NULL for an empty slot */
    void *value;         /* what the name maps to */
} gql_symmap_slot;

typedef struct gql_symmap {
    gql_symmap_slot *slots;  /* open addressing, linear probing; malloc'd */
    uint32_t mask;           /* capacity - 1 (capacity is a power of two) */
    uint32_t count;          /* keys held */
} gql_symmap;

#define GQL_SYMMAP_INIT {NULL, 0, 0}

/* The value for key, or NULL. */
void *gql_symmap_get(const gql_symmap *map, const gql_sym *key);

/* The value for the name s[0, len) with FNV-1a hash, or NULL. */
void *gql_symmap_getn(const gql_symmap *map, const char *s, uint32_t len, uint32_t hash);

/* Set key to value, replacing any value it had. False when out of memory. */
bool gql_symmap_put(gql_symmap *map, const gql_sym *key, void *value);

/* Set key to value unless it already has one; *existing receives the value
 * kept (the old one, or value). False when out of memory. */
bool gql_symmap_put_new(gql_symmap *map, const gql_sym *key, void *value, void **existing);

/* Remove every key, keeping the memory for reuse. */
void gql_symmap_clear(gql_symmap *map);

void gql_symmap_free(gql_symmap *map);

static inline bool gql_sym_equal(const gql_sym *a, const gql_sym *b) {
    return a == b || (a->hash == b->hash && a->len == b->len &&
                      memcmp(a->str, b->str, a->len) == 0);
}

#endif /* GQL_SYMMAP_H */
