/*
 * overlapping_fields.h: a test hook of the OverlappingFieldsCanBeMerged
 * rule (private). The tests check that hostile documents cost bounded work
 * by counting it, never by timing it: after each validation that ran the
 * rule, the calling thread can read what the rule spent.
 */
#ifndef GQL_OVERLAPPING_FIELDS_H
#define GQL_OVERLAPPING_FIELDS_H

#include <stdint.h>

typedef struct gql_overlap_stats {
    uint64_t budget_spent;      /* units of graphql-core's complexity budget
                                   spent (the rule aborts past 500,000) */
    uint64_t field_comparisons; /* field pairs compared (find_conflict) */
    uint64_t collections;       /* selection sets collected (cache misses) */
    uint64_t conflicts;         /* conflicts built, nested ones included */
    uint32_t max_depth;         /* deepest modelled graphql-core frame, the
                                   calls frames make included (the rule
                                   aborts past 998, as Python would) */
} gql_overlap_stats;

/* What the last validation run by this thread spent in the rule (zeros
 * before the first). */
gql_overlap_stats gql_overlapping_fields_last_stats(void);

#endif /* GQL_OVERLAPPING_FIELDS_H */
