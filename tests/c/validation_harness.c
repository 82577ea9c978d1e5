/* validation_harness.c: see validation_harness.h. */
#include "validation_harness.h"

#include <stdlib.h>
#include <string.h>

#include "validation/validation.h"
#include "validation_cases/schemas.h"

#define NSCHEMAS (sizeof vh_schema_sources / sizeof vh_schema_sources[0])

static gql_schema *schemas[NSCHEMAS];

const gql_schema *vh_schema(unsigned index) {
    if (index >= NSCHEMAS) {
        gql_test_fail(__FILE__, __LINE__, "no test schema %u", index);
        return NULL;
    }
    if (schemas[index]) return schemas[index];
    const char *sdl = vh_schema_sources[index];
    gql_error err = {0};
    gql_document *doc = gql_parse(sdl, strlen(sdl), NULL, &err);
    if (!doc) {
        gql_test_fail(__FILE__, __LINE__, "schema %u: %s", index, err.message);
        gql_error_clear(&err);
        return NULL;
    }
    gql_error_list errors;
    gql_error_list_init(&errors);
    const gql_document *docs[1] = {doc};
    schemas[index] = gql_schema_build(docs, 1, NULL, &errors);
    if (!schemas[index] || errors.count)
        gql_test_fail(__FILE__, __LINE__, "schema %u: %s", index,
                      errors.count ? errors.items[0].message : "not built");
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    return schemas[index];
}

void vh_release_schemas(void) {
    for (size_t i = 0; i < NSCHEMAS; i++) {
        gql_schema_free(schemas[i]);
        schemas[i] = NULL;
    }
}

static const gql_rule *find_rule(const char *name) {
    for (size_t i = 0; i < gql_specified_rule_count; i++) {
        const gql_rule *r = gql_specified_rules[i];
        if (r && strcmp(r->name, name) == 0) return r;
    }
    return NULL;
}

static void check(const vh_case *c, const gql_document *doc, gql_status status,
                  const gql_error_list *errors) {
    gql_status want = c->nerrors ? GQL_ERR_INVALID : GQL_OK;
    if (status != want)
        gql_test_fail(__FILE__, __LINE__, "%s: status %d, expected %d", c->name, status, want);
    if (errors->count != c->nerrors)
        gql_test_fail(__FILE__, __LINE__, "%s: %zu errors, expected %u", c->name,
                      errors->count, c->nerrors);
    size_t len;
    const char *src = gql_document_source(doc, &len);
    for (size_t i = 0; i < errors->count; i++) {
        const gql_diagnostic *got = &errors->items[i];
        if (i >= c->nerrors) {
            gql_test_fail(__FILE__, __LINE__, "%s: unexpected error: %s", c->name, got->message);
            continue;
        }
        const vh_error *w = &c->errors[i];
        if (strcmp(got->message, w->message) != 0) {
            gql_test_fail(__FILE__, __LINE__, "%s: error %zu:\n  got:      %s\n  expected: %s",
                          c->name, i, got->message, w->message);
            continue;
        }
        if (got->location_count != w->nlocs) {
            gql_test_fail(__FILE__, __LINE__, "%s: %s: %u locations, expected %u", c->name,
                          w->message, got->location_count, w->nlocs);
            continue;
        }
        for (unsigned j = 0; j < w->nlocs; j++) {
            gql_location at = gql_locate(src, len, got->locations[j].offset);
            if (got->locations[j].source != 0 || at.line != w->locs[j].line ||
                at.column != w->locs[j].column)
                gql_test_fail(__FILE__, __LINE__, "%s: %s: location %u is %u:%u, expected %u:%u",
                              c->name, w->message, j, at.line, at.column, w->locs[j].line,
                              w->locs[j].column);
        }
    }
    for (size_t i = errors->count; i < c->nerrors; i++)
        gql_test_fail(__FILE__, __LINE__, "%s: missing error: %s", c->name, c->errors[i].message);
}

bool vh_expect_errors(const char *rule_name, const vh_case *c) {
    const gql_rule *rule = NULL;
    if (rule_name) {
        rule = find_rule(rule_name);
        if (!rule) return false;
    }
    vh_expect_errors_with(rule, c);
    return true;
}

void vh_expect_errors_with(const struct gql_rule *rule, const vh_case *c) {
    const gql_schema *schema = vh_schema(c->schema);
    if (!schema) return;
    gql_error err = {0};
    gql_document *doc = gql_parse(c->query, strlen(c->query), NULL, &err);
    if (!doc) {
        gql_test_fail(__FILE__, __LINE__, "%s: parse failed: %s", c->name, err.message);
        gql_error_clear(&err);
        return;
    }
    gql_validate_options options;
    gql_validate_options_init(&options);
    options.max_errors = c->max_errors;
    options.suggestions = !c->hide_suggestions;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status status =
        rule ? gql_validation_run_executable(schema, doc, &options, &rule, 1, &errors)
             : gql_validate(schema, doc, &options, &errors);
    check(c, doc, status, &errors);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
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

static gql_status run(const gql_rule *rule, const gql_schema *schema, const gql_document *doc,
                      gql_error_list *errors) {
    return rule ? gql_validation_run_executable(schema, doc, NULL, &rule, 1, errors)
                : gql_validate(schema, doc, NULL, errors);
}

void vh_check_out_of_memory(const gql_rule *rule, unsigned schema_index, const char *query) {
    const gql_schema *schema = vh_schema(schema_index);
    gql_document *doc = PARSE_OK(query);
    if (!doc || !schema) {
        gql_document_free(doc);
        return;
    }
    gql_error_list expected;
    gql_error_list_init(&expected);
    CHECK_EQ_INT(run(rule, schema, doc, &expected), GQL_ERR_INVALID);
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    bool done = false;
    for (long n = 0; n < 100000 && !done; n++) {
        gql_error_list errors;
        gql_error_list_init(&errors);
        allocations_left = n;
        gql_set_allocator(&failing);
        gql_status status = run(rule, schema, doc, &errors);
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

void vh_run_cases(const char *rule_name, const vh_case *cases, size_t ncases) {
    size_t skipped = 0;
    for (size_t i = 0; i < ncases; i++)
        if (!vh_expect_errors(rule_name, &cases[i])) skipped++;
    if (skipped)
        printf("%s: not written yet, %zu cases skipped\n", rule_name ? rule_name : "all",
               skipped);
}
