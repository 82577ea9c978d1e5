/*
 * suggestion.c: graphql-core's suggestion_list, LexicalDistance,
 * natural_comparison_key and did_you_mean (pyutils/), for the messages that
 * suggest a name. GraphQL names are ASCII, so Python's str.lower() and its
 * code-point comparisons are the byte-wise ASCII ones here; other bytes are
 * compared as they are.
 */
#include "suggestion.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define MAX_SUGGESTIONS 5 /* graphql-core's did_you_mean MAX_LENGTH */

static inline unsigned char lower(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

static inline size_t min3(size_t a, size_t b, size_t c) {
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/*
 * LexicalDistance.measure: the optimal string alignment distance between the
 * lower-cased strings (insertions, deletions, substitutions and adjacent
 * transpositions), 0 for identical strings, 1 when only the case differs,
 * SIZE_MAX when above threshold. rows holds 3 * (shorter length + 1) cells.
 */
static size_t measure(const char *input, size_t ilen, const char *option, size_t olen,
                      size_t threshold, size_t *rows) {
    if (ilen == olen && memcmp(input, option, ilen) == 0) return 0;
    bool same_lower = ilen == olen;
    for (size_t i = 0; same_lower && i < ilen; i++)
        same_lower = lower((unsigned char)input[i]) == lower((unsigned char)option[i]);
    if (same_lower) return 1;

    const char *a = option, *b = input;
    size_t alen = olen, blen = ilen;
    if (alen < blen) {
        a = input, b = option;
        alen = ilen, blen = olen;
    }
    if (alen - blen > threshold) return SIZE_MAX;

    size_t width = blen + 1;
    for (size_t j = 0; j <= blen; j++) rows[j] = j;
    for (size_t i = 1; i <= alen; i++) {
        size_t *up = rows + ((i - 1) % 3) * width;
        size_t *cur = rows + (i % 3) * width;
        size_t smallest = cur[0] = i;
        unsigned char ai = lower((unsigned char)a[i - 1]);
        for (size_t j = 1; j <= blen; j++) {
            unsigned char bj = lower((unsigned char)b[j - 1]);
            size_t cost = ai == bj ? 0 : 1;
            size_t cell = min3(up[j] + 1, cur[j - 1] + 1, up[j - 1] + cost);
            if (i > 1 && j > 1 && ai == lower((unsigned char)b[j - 2]) &&
                lower((unsigned char)a[i - 2]) == bj) {
                size_t *up2 = rows + ((i - 2) % 3) * width;
                if (up2[j - 2] + 1 < cell) cell = up2[j - 2] + 1;
            }
            if (cell < smallest) smallest = cell;
            cur[j] = cell;
        }
        if (smallest > threshold) return SIZE_MAX;
    }
    size_t d = rows[(alen % 3) * width + blen];
    return d <= threshold ? d : SIZE_MAX;
}

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Compare two runs of digits as numbers, then as strings (the (int, str)
 * tuples natural_comparison_key makes of them). */
static int compare_numbers(const char *a, size_t alen, const char *b, size_t blen) {
    size_t za = 0, zb = 0;
    while (za < alen && a[za] == '0') za++;
    while (zb < blen && b[zb] == '0') zb++;
    if (alen - za != blen - zb) return alen - za < blen - zb ? -1 : 1;
    int c = memcmp(a + za, b + zb, alen - za);
    if (c) return c;
    /* Equal numbers: the strings decide ("01" < "1"). */
    size_t n = alen < blen ? alen : blen;
    c = memcmp(a, b, n);
    if (c) return c;
    return alen < blen ? -1 : alen > blen;
}

int gql_natural_compare(const char *a, size_t alen, const char *b, size_t blen) {
    /* The keys alternate text and number parts, starting with a text part
     * (possibly empty); a key that runs out first is the smaller. */
    size_t i = 0, j = 0;
    bool digits = false;
    for (;;) {
        size_t si = i, sj = j;
        while (i < alen && is_digit(a[i]) == digits) i++;
        while (j < blen && is_digit(b[j]) == digits) j++;
        int c;
        if (digits) {
            c = compare_numbers(a + si, i - si, b + sj, j - sj);
        } else {
            size_t n = i - si < j - sj ? i - si : j - sj;
            c = memcmp(a + si, b + sj, n);
            if (!c && i - si != j - sj) c = i - si < j - sj ? -1 : 1;
        }
        if (c) return c;
        /* Python's re.split gives a trailing empty text part after a final
         * number, so both keys end together exactly when both strings do. */
        if (i == alen && j == blen) return 0;
        if (i == alen) return -1;
        if (j == blen) return 1;
        digits = !digits;
    }
}

typedef struct scored {
    const gql_sym *sym;  /* the option */
    size_t distance;     /* its lexical distance to the input */
} scored;

static int compare_scored(const void *pa, const void *pb) {
    const scored *a = pa, *b = pb;
    if (a->distance != b->distance) return a->distance < b->distance ? -1 : 1;
    return gql_natural_compare(a->sym->str, a->sym->len, b->sym->str, b->sym->len);
}

const gql_sym **gql_suggestion_list(const char *input, size_t input_len,
                                    const gql_sym *const *options, size_t noptions,
                                    size_t *count) {
    *count = 0;
    if (!noptions) return NULL;
    size_t threshold = (size_t)((double)input_len * 0.4) + 1;
    size_t longest = input_len;
    for (size_t k = 0; k < noptions; k++)
        if (options[k]->len > longest) longest = options[k]->len;
    size_t *rows = gql_malloc(3 * (longest + 1) * sizeof *rows);
    scored *found = gql_malloc(noptions * sizeof *found);
    if (!rows || !found) {
        gql_free(rows);
        gql_free(found);
        *count = SIZE_MAX;
        return NULL;
    }
    size_t n = 0;
    for (size_t k = 0; k < noptions; k++) {
        const gql_sym *opt = options[k];
        bool seen = false;
        for (size_t m = 0; m < n && !seen; m++) seen = found[m].sym->len == opt->len &&
                                                     memcmp(found[m].sym->str, opt->str, opt->len) == 0;
        if (seen) continue;
        size_t d = measure(input, input_len, opt->str, opt->len, threshold, rows);
        if (d != SIZE_MAX) found[n++] = (scored){opt, d};
    }
    gql_free(rows);
    if (!n) {
        gql_free(found);
        return NULL;
    }
    qsort(found, n, sizeof *found, compare_scored);
    /* Reuse the scored array's memory for the result: a pointer is no larger
     * than a scored entry, and entry k is read before slot k is written. */
    const gql_sym **out = (const gql_sym **)(void *)found;
    for (size_t k = 0; k < n; k++) {
        const gql_sym *s = found[k].sym;
        out[k] = s;
    }
    *count = n;
    return out;
}

void gql_did_you_mean(gql_strbuf *b, const gql_sym *const *suggestions, size_t count,
                      const char *sub_message) {
    if (!count) return;
    gql_strbuf_puts(b, " Did you mean ");
    if (sub_message) {
        gql_strbuf_puts(b, sub_message);
        gql_strbuf_puts(b, " ");
    }
    if (count > MAX_SUGGESTIONS) count = MAX_SUGGESTIONS;
    for (size_t k = 0; k < count; k++) {
        if (k) gql_strbuf_puts(b, count == 2 ? " or " : (k == count - 1 ? ", or " : ", "));
        gql_strbuf_puts(b, "'");
        gql_strbuf_append(b, suggestions[k]->str, suggestions[k]->len);
        gql_strbuf_puts(b, "'");
    }
    gql_strbuf_puts(b, "?");
}
