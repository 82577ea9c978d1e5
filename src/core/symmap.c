/* symmap.c: the name-keyed hash map of symmap.h. */
#include "symmap.h"

#include <string.h>

#include "mem.h"

static inline bool key_matches(const gql_sym *k, const char *s, uint32_t len, uint32_t hash) {
    return k->hash == hash && k->len == len && memcmp(k->str, s, len) == 0;
}

void *gql_symmap_getn(const gql_symmap *map, const char *s, uint32_t len, uint32_t hash) {
    if (!map->slots) return NULL;
    for (uint32_t i = hash & map->mask;; i = (i + 1) & map->mask) {
        const gql_symmap_slot *e = &map->slots[i];
        if (!e->key) return NULL;
        if (key_matches(e->key, s, len, hash)) return e->value;
    }
}

void *gql_symmap_get(const gql_symmap *map, const gql_sym *key) {
    if (!map->slots) return NULL;
    for (uint32_t i = key->hash & map->mask;; i = (i + 1) & map->mask) {
        const gql_symmap_slot *e = &map->slots[i];
        if (!e->key) return NULL;
        if (gql_sym_equal(e->key, key)) return e->value;
    }
}

static bool grow(gql_symmap *map) {
    uint32_t cap = map->slots ? (map->mask + 1) * 2 : 16;
    if (cap == 0 || cap > UINT32_MAX / 2) return false;
    gql_symmap_slot *slots = gql_calloc(cap, sizeof *slots);
    if (!slots) return false;
    if (map->slots) {
        for (uint32_t j = 0; j <= map->mask; j++) {
            const gql_symmap_slot *e = &map->slots[j];
            if (!e->key) continue;
            uint32_t i = e->key->hash & (cap - 1);
            while (slots[i].key) i = (i + 1) & (cap - 1);
            slots[i] = *e;
        }
        gql_free(map->slots);
    }
    map->slots = slots;
    map->mask = cap - 1;
    return true;
}

static gql_symmap_slot *find_slot(gql_symmap *map, const gql_sym *key) {
    if ((!map->slots || (map->count + 1) * 4 > (map->mask + 1) * 3) && !grow(map)) return NULL;
    uint32_t i = key->hash & map->mask;
    while (map->slots[i].key && !gql_sym_equal(map->slots[i].key, key)) i = (i + 1) & map->mask;
    return &map->slots[i];
}

bool gql_symmap_put(gql_symmap *map, const gql_sym *key, void *value) {
    gql_symmap_slot *e = find_slot(map, key);
    if (!e) return false;
    if (!e->key) {
        e->key = key;
        map->count++;
    }
    e->value = value;
    return true;
}

bool gql_symmap_put_new(gql_symmap *map, const gql_sym *key, void *value, void **existing) {
    gql_symmap_slot *e = find_slot(map, key);
    if (!e) return false;
    if (!e->key) {
        e->key = key;
        e->value = value;
        map->count++;
    }
    if (existing) *existing = e->value;
    return true;
}

void gql_symmap_clear(gql_symmap *map) {
    if (map->slots) memset(map->slots, 0, ((size_t)map->mask + 1) * sizeof *map->slots);
    map->count = 0;
}

void gql_symmap_free(gql_symmap *map) {
    gql_free(map->slots);
    map->slots = NULL;
    map->mask = map->count = 0;
}
