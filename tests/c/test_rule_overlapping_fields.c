/*
 * test_rule_overlapping_fields.c: OverlappingFieldsCanBeMergedRule against
 * graphql-core 3.2.14. The cases (tests/c/gen/overlapping_cases.py) cover
 * what graphql-core's own tests for the rule cover, and its 3.2.14 bounds;
 * overlapping_cases.h holds graphql-core's errors for each and the units of
 * its complexity budget it spent, which the rule must spend too (so that it
 * aborts where graphql-core aborts). The hostile documents (1,000 sibling
 * fields of one name, 1,000 spreads, 200-deep conflicts, fragment cycles)
 * must also cost bounded work, counted through the rule's test hook.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "overlapping_cases.h"
#include "validation/rules/overlapping_fields.h"
#include "validation/rules/rules.h"
#include "validation/validation.h"

#define NSCHEMAS (sizeof ov_schemas / sizeof ov_schemas[0])

static gql_schema *schemas[NSCHEMAS];

static const gql_schema *schema_at(unsigned index) {
    if (schemas[index]) return schemas[index];
    gql_document *doc = PARSE_OK(ov_schemas[index]);
    if (!doc) return NULL;
    gql_error_list errors;
    gql_error_list_init(&errors);
    const gql_document *docs[1] = {doc};
    schemas[index] = gql_schema_build(docs, 1, NULL, &errors);
    CHECK(schemas[index] != NULL);
    CHECK_EQ_INT(errors.count, 0);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    return schemas[index];
}

/* The document of a case: each segment repeated, "{i}" replaced by the
 * repetition's index and "{n}" by the next one modulo the count. */
static char *expand(const ov_case *c) {
    size_t len = 0, cap = 256;
    char *out = malloc(cap);
    if (!out) return NULL;
    for (unsigned s = 0; s < c->nsegments; s++) {
        const ov_segment *seg = &c->query[s];
        for (unsigned i = 0; i < seg->count; i++) {
            for (const char *p = seg->text; *p;) {
                char number[16];
                const char *piece = p;
                size_t n = 1;
                if (strncmp(p, "{i}", 3) == 0 || strncmp(p, "{n}", 3) == 0) {
                    snprintf(number, sizeof number, "%u", p[1] == 'i' ? i : (i + 1) % seg->count);
                    piece = number;
                    n = strlen(number);
                    p += 3;
                } else {
                    p++;
                }
                if (len + n + 1 > cap) {
                    cap = 2 * (len + n + 1);
                    char *grown = realloc(out, cap);
                    if (!grown) {
                        free(out);
                        return NULL;
                    }
                    out = grown;
                }
                memcpy(out + len, piece, n);
                len += n;
            }
        }
    }
    out[len] = '\0';
    return out;
}

static const gql_rule *const rule = &gql_rule_overlapping_fields_can_be_merged;

static gql_status validate(const ov_case *c, const gql_document *doc, gql_error_list *errors) {
    gql_validate_options options;
    gql_validate_options_init(&options);
    options.max_errors = c->max_errors;
    const gql_schema *schema = schema_at(c->schema);
    return c->all_rules ? gql_validate(schema, doc, &options, errors)
                        : gql_validation_run_executable(schema, doc, &options, &rule, 1, errors);
}

static void check_errors(const ov_case *c, const gql_document *doc,
                         const gql_error_list *errors) {
    if (errors->count != c->nerrors)
        gql_test_fail(__FILE__, __LINE__, "%s: %zu errors, expected %u", c->name, errors->count,
                      c->nerrors);
    size_t len;
    const char *src = gql_document_source(doc, &len);
    for (size_t i = 0; i < errors->count && i < c->nerrors; i++) {
        const gql_diagnostic *got = &errors->items[i];
        const ov_error *want = &c->errors[i];
        if (strcmp(got->message, want->message) != 0) {
            gql_test_fail(__FILE__, __LINE__, "%s: error %zu:\n  got:      %s\n  expected: %s",
                          c->name, i, got->message, want->message);
            continue;
        }
        if (got->location_count != want->nlocs) {
            gql_test_fail(__FILE__, __LINE__, "%s: error %zu: %u locations, expected %u",
                          c->name, i, got->location_count, want->nlocs);
            continue;
        }
        for (unsigned j = 0; j < want->nlocs; j++) {
            gql_location at = gql_locate(src, len, got->locations[j].offset);
            if (at.line != want->locs[j][0] || at.column != want->locs[j][1])
                gql_test_fail(__FILE__, __LINE__,
                              "%s: error %zu: location %u is %u:%u, expected %u:%u", c->name, i,
                              j, at.line, at.column, want->locs[j][0], want->locs[j][1]);
        }
    }
}

/* Validate a case; check graphql-core's errors and budget. Returns the
 * rule's counts. */
static gql_overlap_stats run_case(const ov_case *c) {
    gql_overlap_stats stats = {0};
    char *text = expand(c);
    CHECK(text != NULL);
    if (!text || !schema_at(c->schema)) {
        free(text);
        return stats;
    }
    gql_document *doc = PARSE_OK(text);
    free(text);
    if (!doc) return stats;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status status = validate(c, doc, &errors);
    stats = gql_overlapping_fields_last_stats();
    CHECK_EQ_INT(status, c->nerrors ? GQL_ERR_INVALID : GQL_OK);
    check_errors(c, doc, &errors);
    if (c->units >= 0 && (long long)stats.budget_spent != c->units)
        gql_test_fail(__FILE__, __LINE__, "%s: spent %llu units of the budget, graphql-core %lld",
                      c->name, (unsigned long long)stats.budget_spent, c->units);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    return stats;
}

static void test_cases(void) {
    for (size_t i = 0; i < sizeof ov_cases / sizeof ov_cases[0]; i++) run_case(&ov_cases[i]);
}

static const ov_case *adversarial(const char *name) {
    for (size_t i = 0; i < sizeof ov_adversarial / sizeof ov_adversarial[0]; i++)
        if (strcmp(ov_adversarial[i].name, name) == 0) return &ov_adversarial[i];
    gql_test_fail(__FILE__, __LINE__, "no adversarial case %s", name);
    return NULL;
}

/* graphql-core's budget is 500,000 units; one spend may overshoot it by 2.
 * Each field pair compared costs 2 units, and the work between two
 * compared pairs is bounded; so is the work of collecting each selection
 * set (at most once per parent type it is seen with). */
#define MAX_UNITS 500002u
#define MAX_COMPARISONS (MAX_UNITS / 2)

static void check_bounded(const gql_overlap_stats *s) {
    CHECK(s->budget_spent <= MAX_UNITS);
    CHECK(s->field_comparisons <= MAX_COMPARISONS);
    CHECK(s->max_depth <= 1010);
}

static void test_adversarial_cases(void) {
    for (size_t i = 0; i < sizeof ov_adversarial / sizeof ov_adversarial[0]; i++) {
        gql_overlap_stats s = run_case(&ov_adversarial[i]);
        check_bounded(&s);
    }
}

/* The budget decides: 707 identical names fit, 708 abort, as in
 * graphql-core (each of the n (n - 1) / 2 pairs costs 2 units). */
static void test_same_name_siblings(void) {
    const ov_case *c = adversarial("707 identical sibling fields");
    gql_overlap_stats s = run_case(c);
    CHECK_EQ_INT(s.field_comparisons, 707u * 706u / 2u);
    CHECK_EQ_INT(s.conflicts, 0);
    c = adversarial("1,000 identical sibling fields");
    s = run_case(c);
    CHECK_EQ_INT(s.field_comparisons, MAX_COMPARISONS);
    CHECK_EQ_INT(s.collections, 1);
    c = adversarial("1,000 differing sibling fields of one name");
    s = run_case(c);
    CHECK_EQ_INT(s.field_comparisons, MAX_COMPARISONS);
}

/* Spreading one fragment 1,000 times is one spread: the fragment's fields
 * are compared with the others once. */
static void test_repeated_spreads(void) {
    gql_overlap_stats s = run_case(adversarial("1,000 spreads of one fragment"));
    CHECK(s.field_comparisons <= 2);
    CHECK(s.collections <= 3);
}

/* 200-deep conflicting fields: one comparison per level, one conflict per
 * level, nested into one error. */
static void test_deep_nesting(void) {
    gql_overlap_stats s = run_case(adversarial("200-deep conflicting fields"));
    CHECK_EQ_INT(s.field_comparisons, 199);
    CHECK_EQ_INT(s.conflicts, 199);
    s = run_case(adversarial("200-deep identical fields"));
    CHECK_EQ_INT(s.field_comparisons, 199);
    CHECK_EQ_INT(s.conflicts, 0);
}

/* Two cycles of k fragments compared nest about k * k calls: graphql-core
 * exhausts its recursion (and aborts the validation) from k = 32 on, and
 * so does the rule, which never nests deeper than its model of that stack. */
static void test_fragment_cycles(void) {
    gql_overlap_stats s = run_case(adversarial("a cycle of fragment spreads"));
    check_bounded(&s);
    s = run_case(adversarial("two cycles of 31 fragments"));
    CHECK(s.max_depth > 31 * 31);
    CHECK(s.max_depth <= 998);
    s = run_case(adversarial("two cycles of 32 fragments"));
    CHECK(s.max_depth > 998);
    CHECK(s.max_depth <= 1000);
    s = run_case(adversarial("two cycles of 60 fragments"));
    CHECK(s.max_depth <= 1000);
    CHECK(s.budget_spent < 10000);
}

/* The rule runs in graphql-core's place among the specified rules. */
static void test_specified_position(void) {
    size_t at = SIZE_MAX, before = SIZE_MAX, after = SIZE_MAX;
    for (size_t i = 0; i < gql_specified_rule_count; i++) {
        const gql_rule *r = gql_specified_rules[i];
        if (!r) continue;
        if (r == rule) at = i;
        if (strcmp(r->name, "VariablesInAllowedPositionRule") == 0) before = i;
        if (strcmp(r->name, "UniqueInputFieldNamesRule") == 0) after = i;
    }
    CHECK(at != SIZE_MAX);
    CHECK(before < at);
    CHECK(at < after);
}

static long allocations_left;

static void *failing_malloc(void *ctx, size_t size) {
    (void)ctx;
    if (allocations_left-- <= 0) return NULL;
    return malloc(size);
}

static void *failing_realloc(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    if (allocations_left-- <= 0) return NULL;
    return realloc(ptr, size);
}

static void plain_free(void *ctx, void *ptr) {
    (void)ctx;
    free(ptr);
}

/* Out of memory at every allocation in turn: an error, never a crash, a
 * leak (under the sanitizers) or different errors. */
static void test_out_of_memory(void) {
    static const char *const queries[] = {
        "{ dog { ...A ...B friends { x: name } friends { x: nickname } "
        "canSit(where: {x: 1, tags: [\"a\", \"b\"], near: {y: 2}}) "
        "canSit(where: {tags: [\"a\", \"b\"], x: 1, near: {y: 3}}) } }\n"
        "fragment A on Dog { x: name keeper { name } ...B }\n"
        "fragment B on Dog { x: nickname keeper { name: pets { name } } }",
        "{ keeper { " /* more than a few response names: a hashed index */
        "a: name b: name c: name d: name e: name f: name g: name h: name i: name j: name } "
        "keeper { a: dogs { name } b: name c: name d: name e: name f: name g: name h: name "
        "i: name j: pets { name } } }",
    };
    const gql_schema *schema = schema_at(0);
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        gql_document *doc = PARSE_OK(queries[q]);
        if (!doc || !schema) {
            gql_document_free(doc);
            return;
        }
        gql_error_list expected;
        gql_error_list_init(&expected);
        CHECK_EQ_INT(gql_validation_run_executable(schema, doc, NULL, &rule, 1, &expected),
                     GQL_ERR_INVALID);
        gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
        bool done = false;
        for (long n = 0; n < 100000 && !done; n++) {
            gql_error_list errors;
            gql_error_list_init(&errors);
            allocations_left = n;
            gql_set_allocator(&failing);
            gql_status status = gql_validation_run_executable(schema, doc, NULL, &rule, 1, &errors);
            gql_set_allocator(NULL);
            if (status == GQL_ERR_NOMEM) {
                CHECK_EQ_INT(errors.status, GQL_ERR_NOMEM);
            } else {
                CHECK_EQ_INT(status, GQL_ERR_INVALID);
                CHECK_EQ_INT(errors.count, expected.count);
                for (size_t i = 0; i < errors.count && i < expected.count; i++)
                    CHECK_EQ_STR(errors.items[i].message, expected.items[i].message);
                done = true;
            }
            gql_error_list_clear(&errors);
        }
        CHECK(done);
        gql_error_list_clear(&expected);
        gql_document_free(doc);
    }
}

int main(void) {
    RUN(test_cases);
    RUN(test_adversarial_cases);
    RUN(test_same_name_siblings);
    RUN(test_repeated_spreads);
    RUN(test_deep_nesting);
    RUN(test_fragment_cycles);
    RUN(test_specified_position);
    RUN(test_out_of_memory);
    for (size_t i = 0; i < NSCHEMAS; i++) gql_schema_free(schemas[i]);
    return gql_test_summary();
}
