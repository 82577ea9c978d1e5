/*
 * suggestion.h: the "Did you mean ...?" part of error messages (private), as
 * graphql-core computes it: suggestion_list keeps the options within a
 * lexical distance of 40% of the input's length plus one and sorts them by
 * distance, then in natural order; did_you_mean quotes at most five of them.
 */
#ifndef GQL_SUGGESTION_H
#define GQL_SUGGESTION_H

#include <stddef.h>

#include "graftql.h"
#include "strbuf.h"

/*
 * graphql-core's suggestion_list(input, options): the options close enough
 * to input, best first, duplicates (by content) dropped. Returns an array
 * from gql_malloc to release with gql_free, its length in *count; NULL with
 * *count 0 when nothing is close, NULL with *count SIZE_MAX when out of
 * memory.
 */
const gql_sym **gql_suggestion_list(const char *input, size_t input_len,
                                    const gql_sym *const *options, size_t noptions,
                                    size_t *count);

/* Append graphql-core's did_you_mean(suggestions, sub_message) to b:
 * nothing when there are no suggestions, else " Did you mean 'A', 'B', or
 * 'C'?" (sub_message, if not NULL, goes after "mean "). */
void gql_did_you_mean(gql_strbuf *b, const gql_sym *const *suggestions, size_t count,
                      const char *sub_message);

/* graphql-core's natural_comparison_key order: runs of digits compare as
 * numbers, the rest by code point. Negative, zero or positive. */
int gql_natural_compare(const char *a, size_t alen, const char *b, size_t blen);

#endif /* GQL_SUGGESTION_H */
