/*
 * test_introspection.c: introspection against graphql-core 3.2.14, with
 * expectations generated into introspection_cases.h and data/introspection/
 * by gen/gen_introspection_cases.py:
 *
 *   - graphql-core's standard introspection query (every option but
 *     directive deprecation) on every valid schema of schema_cases.py and on
 *     extra schemas (descriptions, deprecations, default values of every
 *     input type, @oneOf, @specifiedBy, interfaces implementing interfaces,
 *     repeatable directives, defaults graphql-core cannot print): the JSON
 *     of the data byte for byte, and the field errors beside it;
 *   - other queries (selections, aliases, fragments, @skip and @include,
 *     includeDeprecated, wrappers, __typename) and queries graphql-core
 *     refuses, with its first error;
 *   - gql_introspection_query for every combination of options: the same
 *     text as get_introspection_query, and the same data.
 *
 * Then what graphql-core has no counterpart for (root fields that are not
 * introspection, variables, subscriptions, nesting limits, bad arguments)
 * and out of memory at every allocation.
 */
#include <stdlib.h>

#include "introspection_cases.h"
#include "strbuf.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t fnv1a64(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* Report where two JSON texts first differ. */
static void compare_json(const char *name, const char *got, size_t got_len, const char *want,
                         size_t want_len) {
    if (got_len == want_len && memcmp(got, want, got_len) == 0) return;
    size_t i = 0;
    while (i < got_len && i < want_len && got[i] == want[i]) i++;
    size_t from = i > 60 ? i - 60 : 0;
    gql_test_fail(__FILE__, __LINE__,
                  "%s: JSON differs at byte %zu:\n  got:      ...%.*s\n  expected: ...%.*s", name,
                  i, (int)(got_len - from < 160 ? got_len - from : 160), got + from,
                  (int)(want_len - from < 160 ? want_len - from : 160), want + from);
}

/* Compare errors with the expected ones (locations in the query). */
static void check_errors(const char *name, const gql_document *query, const gql_error_list *got,
                         const expected_error *want, size_t nwant) {
    if (got->count != nwant) {
        gql_test_fail(__FILE__, __LINE__, "%s: %zu errors, expected %zu%s%s", name, got->count,
                      nwant, got->count ? ": " : "", got->count ? got->items[0].message : "");
    }
    size_t n = got->count < nwant ? got->count : nwant;
    size_t len;
    const char *src = gql_document_source(query, &len);
    for (size_t i = 0; i < n; i++) {
        const gql_diagnostic *d = &got->items[i];
        if (strcmp(d->message, want[i].message) != 0) {
            gql_test_fail(__FILE__, __LINE__, "%s: error %zu:\n  got:      %s\n  expected: %s",
                          name, i, d->message, want[i].message);
            continue;
        }
        if (d->location_count != want[i].nlocs) {
            gql_test_fail(__FILE__, __LINE__, "%s: %s: %u locations, expected %u", name,
                          d->message, d->location_count, want[i].nlocs);
            continue;
        }
        for (unsigned j = 0; j < want[i].nlocs; j++) {
            gql_location at = gql_locate(src, len, d->locations[j].offset);
            if (at.line != want[i].locs[j].line || at.column != want[i].locs[j].column)
                gql_test_fail(__FILE__, __LINE__, "%s: %s: location %u:%u, expected %u:%u", name,
                              d->message, at.line, at.column, want[i].locs[j].line,
                              want[i].locs[j].column);
        }
    }
}

static gql_schema *build(const char *const *sources, unsigned n, bool assume_valid_sdl,
                         gql_document **docs) {
    for (unsigned i = 0; i < n; i++) {
        docs[i] = PARSE_OK(sources[i]);
        if (!docs[i]) return NULL;
    }
    gql_schema_options options;
    gql_schema_options_init(&options);
    options.assume_valid_sdl = assume_valid_sdl;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_schema *s = gql_schema_build((const gql_document *const *)docs, n, &options, &errors);
    CHECK(s != NULL);
    CHECK_EQ_INT(errors.count, 0);
    gql_error_list_clear(&errors);
    return s;
}

static void run_case(const intro_case *c) {
    gql_document *docs[8] = {0};
    gql_schema *schema = build(c->sources, c->nsources, c->assume_valid_sdl, docs);
    /* The schema must not need its documents. */
    gql_test_free_docs(docs, c->nsources);
    gql_document *query = PARSE_OK(c->query ? c->query : standard_query);
    if (!schema || !query) {
        gql_schema_free(schema);
        gql_document_free(query);
        return;
    }
    char *json = NULL;
    size_t len = 0;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status st =
        gql_introspection_execute(schema, query, c->operation_name, &json, &len, &errors);
    if (c->expected) {
        if (st != GQL_OK)
            gql_test_fail(__FILE__, __LINE__, "%s: status %d: %s", c->name, (int)st,
                          errors.count ? errors.items[0].message : "");
        size_t want_len = 0;
        char *want = gql_test_read_data(c->expected, &want_len);
        if (json && want) compare_json(c->name, json, len, want, want_len);
        free(want);
        check_errors(c->name, query, &errors, c->errors, c->nerrors);
    } else {
        if (st != GQL_ERR_INVALID)
            gql_test_fail(__FILE__, __LINE__, "%s: status %d, expected GQL_ERR_INVALID",
                          c->name, (int)st);
        CHECK(json == NULL);
        check_errors(c->name, query, &errors, c->errors, c->nerrors);
    }
    gql_free(json);
    gql_error_list_clear(&errors);
    gql_document_free(query);
    gql_schema_free(schema);
}

static void test_cases(void) {
    size_t schemas = 0, queries = 0, refused = 0;
    for (size_t i = 0; i < COUNT(intro_cases); i++) {
        const intro_case *c = &intro_cases[i];
        run_case(c);
        if (!c->query)
            schemas++;
        else if (c->expected)
            queries++;
        else
            refused++;
    }
    CHECK(schemas >= 20);
    CHECK(queries >= 15);
    CHECK(refused >= 20);
}

/*=== MARK: The standard query ==============================================*/

static const intro_case *find_case(const char *name) {
    for (size_t i = 0; i < COUNT(intro_cases); i++)
        if (strcmp(intro_cases[i].name, name) == 0) return &intro_cases[i];
    gql_test_fail(__FILE__, __LINE__, "no case %s", name);
    return NULL;
}

static gql_introspection_options options_of(const bool flags[7]) {
    gql_introspection_options o;
    o.descriptions = flags[0];
    o.specified_by_url = flags[1];
    o.directive_is_repeatable = flags[2];
    o.schema_description = flags[3];
    o.input_value_deprecation = flags[4];
    o.input_object_one_of = flags[5];
    o.directive_deprecation = flags[6];
    return o;
}

/* Every combination of options: graphql-core's text, and its data from
 * the rich schema. */
static void test_query_options(void) {
    const intro_case *rich = find_case("extra/rich");
    if (!rich) return;
    gql_document *docs[1] = {0};
    gql_schema *schema = build(rich->sources, 1, false, docs);
    gql_test_free_docs(docs, 1);
    if (!schema) return;
    for (size_t i = 0; i < COUNT(flags_cases); i++) {
        const flags_case *fc = &flags_cases[i];
        gql_introspection_options o = options_of(fc->flags);
        size_t len;
        char *text = gql_introspection_query(&o, &len);
        CHECK(text != NULL);
        if (!text) continue;
        CHECK_EQ_INT(len, strlen(text));
        if (len != fc->query_len || fnv1a64(text, len) != fc->query_hash)
            gql_test_fail(__FILE__, __LINE__, "options %zu: query text differs:\n%s", i, text);
        gql_document *query = PARSE_OK(text);
        gql_free(text);
        if (!query) continue;
        char *json = NULL;
        size_t json_len = 0;
        gql_error_list errors;
        gql_error_list_init(&errors);
        CHECK_EQ_INT(gql_introspection_execute(schema, query, NULL, &json, &json_len, &errors),
                     GQL_OK);
        if (json && (json_len != fc->json_len || fnv1a64(json, json_len) != fc->json_hash))
            gql_test_fail(__FILE__, __LINE__, "options %zu: data differs (%zu bytes, expected %u)",
                          i, json_len, fc->json_len);
        gql_free(json);
        gql_error_list_clear(&errors);
        gql_document_free(query);
    }
    gql_schema_free(schema);
    CHECK_EQ_INT(COUNT(flags_cases), 128);

    /* The whole text for all options and for none; NULL is the defaults,
     * which are all options (introspection_from_schema's). */
    bool all[7] = {true, true, true, true, true, true, true}, none[7] = {false};
    gql_introspection_options o = options_of(all);
    char *text = gql_introspection_query(&o, NULL);
    CHECK_EQ_STR(text, query_all);
    gql_free(text);
    o = options_of(none);
    text = gql_introspection_query(&o, NULL);
    CHECK_EQ_STR(text, query_none);
    gql_free(text);
    text = gql_introspection_query(NULL, NULL);
    CHECK_EQ_STR(text, query_all);
    gql_free(text);
    gql_introspection_options_init(&o);
    text = gql_introspection_query(&o, NULL);
    CHECK_EQ_STR(text, query_all);
    gql_free(text);
    /* The options the generated cases use: all but directive deprecation. */
    o.directive_deprecation = false;
    text = gql_introspection_query(&o, NULL);
    CHECK_EQ_STR(text, standard_query);
    gql_free(text);
}

/*=== MARK: Beyond graphql-core =============================================*/

static const char small_sdl[] =
    "type Query { a(x: Int = 1): Int b: [Q] }\n"
    "type Q { c: Int q: Q }\n"
    "type Mutation { m: Int }\n"
    "type Subscription { s: Int }\n";

/* Run query on the small schema; the status, and the first error's message
 * (or the JSON) in *out (to free). */
static gql_status run(const char *query_text, const char *operation, char **out,
                      gql_error_list *errors) {
    gql_document *docs[1] = {0};
    const char *sources[1] = {small_sdl};
    gql_schema *schema = build(sources, 1, false, docs);
    gql_test_free_docs(docs, 1);
    gql_document *query = PARSE_OK(query_text);
    *out = NULL;
    if (!schema || !query) {
        gql_schema_free(schema);
        gql_document_free(query);
        return GQL_ERR_ARG;
    }
    char *json = NULL;
    gql_status st = gql_introspection_execute(schema, query, operation, &json, NULL, errors);
    *out = json;
    gql_document_free(query);
    gql_schema_free(schema);
    return st;
}

static void expect_refused(const char *query_text, const char *message) {
    gql_error_list errors;
    gql_error_list_init(&errors);
    char *json;
    gql_status st = run(query_text, NULL, &json, &errors);
    if (st != GQL_ERR_INVALID)
        gql_test_fail(__FILE__, __LINE__, "%s: status %d: %s", query_text, (int)st,
                      json ? json : "");
    CHECK(json == NULL);
    gql_free(json);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count) CHECK_EQ_STR(errors.items[0].message, message);
    gql_error_list_clear(&errors);
}

static void expect_json(const char *query_text, const char *operation, const char *want) {
    gql_error_list errors;
    gql_error_list_init(&errors);
    char *json;
    CHECK_EQ_INT(run(query_text, operation, &json, &errors), GQL_OK);
    CHECK_EQ_STR(json, want);
    CHECK_EQ_INT(errors.count, 0);
    gql_free(json);
    gql_error_list_clear(&errors);
}

static void test_refused(void) {
    expect_refused("{ a }",
                   "Cannot resolve field 'a' on type 'Query': only the introspection fields "
                   "__schema, __type and __typename can be evaluated here.");
    expect_refused("{ __typename b { c } }",
                   "Cannot resolve field 'b' on type 'Query': only the introspection fields "
                   "__schema, __type and __typename can be evaluated here.");
    expect_refused("query ($n: String!) { __type(name: $n) { name } }",
                   "Variable '$n' cannot be used here: introspection is evaluated without "
                   "variables, give the value literally.");
    expect_refused("query ($d: Boolean!) { __typename @skip(if: $d) }",
                   "Variable '$d' cannot be used here: introspection is evaluated without "
                   "variables, give the value literally.");
    expect_refused("subscription { __typename }",
                   "Subscriptions cannot be evaluated by introspection.");
    expect_refused("fragment F on Query { __typename }", "Must provide an operation.");
    expect_refused("{ __type(name: null) { name } }",
                   "Expected value of type 'String!', found null.");
    /* A fragment cycle (which validation would refuse) ends at the depth
     * limit instead of the stack's. */
    expect_refused("{ __schema { queryType { ...T } } } "
                   "fragment T on __Type { fields { type { ...T ofType { ...T } } } }",
                   "The introspection result would nest more than 512 levels deep.");
}

static void test_accepted(void) {
    /* Fragments spread twice are collected once; a cycle of spreads on one
     * level ends there, as graphql-core's collect_fields ends it. */
    expect_json("{ ...A } fragment A on Query { __typename ...B } "
                "fragment B on Query { t: __typename ...A }",
                NULL, "{\"__typename\":\"Query\",\"t\":\"Query\"}");
    expect_json("mutation { __typename }", NULL, "{\"__typename\":\"Mutation\"}");
    expect_json("query A { a: __typename } mutation B { b: __typename }", "B",
                "{\"b\":\"Mutation\"}");
    expect_json("{ __type(name: \"Q\") { name fields { name } } }", NULL,
                "{\"__type\":{\"name\":\"Q\",\"fields\":[{\"name\":\"c\"},{\"name\":\"q\"}]}}");
    expect_json("{ __type(name: \"Query\") { fields { args { defaultValue } } } }", NULL,
                "{\"__type\":{\"fields\":[{\"args\":[{\"defaultValue\":\"1\"}]},"
                "{\"args\":[]}]}}");
    /* Other directives of the schema are ignored, as the executor ignores
     * them. */
    expect_json("{ __typename @deprecated }", NULL, "{\"__typename\":\"Query\"}");
}

static void test_arguments(void) {
    gql_document *doc = PARSE_OK("{ __typename }");
    gql_document *sdl = PARSE_OK(small_sdl);
    const gql_document *docs[1] = {sdl};
    gql_schema *schema = gql_schema_build(docs, 1, NULL, NULL);
    char *json = (char *)"untouched";
    size_t len = 7;
    CHECK_EQ_INT(gql_introspection_execute(NULL, doc, NULL, &json, &len, NULL), GQL_ERR_ARG);
    CHECK(json == NULL);
    CHECK_EQ_INT(len, 0);
    CHECK_EQ_INT(gql_introspection_execute(schema, NULL, NULL, &json, NULL, NULL), GQL_ERR_ARG);
    CHECK_EQ_INT(gql_introspection_execute(schema, doc, NULL, NULL, NULL, NULL), GQL_ERR_ARG);
    /* No error list: errors are only counted out. */
    CHECK_EQ_INT(gql_introspection_execute(schema, doc, NULL, &json, &len, NULL), GQL_OK);
    CHECK_EQ_STR(json, "{\"__typename\":\"Query\"}");
    CHECK_EQ_INT(len, strlen(json));
    gql_free(json);
    gql_document_free(doc);
    doc = PARSE_OK("{ nope }");
    CHECK_EQ_INT(gql_introspection_execute(schema, doc, NULL, &json, &len, NULL),
                 GQL_ERR_INVALID);
    gql_document_free(doc);
    /* A document without locations gives errors without locations. */
    gql_parse_options po;
    gql_parse_options_init(&po);
    po.no_location = true;
    gql_error err = {0};
    doc = gql_parse("{ nope }", 8, &po, &err);
    CHECK(doc != NULL);
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(gql_introspection_execute(schema, doc, NULL, &json, &len, &errors),
                 GQL_ERR_INVALID);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count) CHECK_EQ_INT(errors.items[0].location_count, 0);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    gql_schema_free(schema);
    gql_document_free(sdl);
}

/*=== MARK: Out of memory ===================================================*/

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

/* Fail each allocation of the evaluation in turn: GQL_ERR_NOMEM or the
 * normal outcome, never a crash or a leak. */
static void out_of_memory(const char *case_name, const char *query_text,
                          gql_status expected) {
    const intro_case *c = find_case(case_name);
    if (!c) return;
    gql_document *docs[8] = {0};
    gql_schema *schema = build(c->sources, c->nsources, c->assume_valid_sdl, docs);
    gql_test_free_docs(docs, c->nsources);
    gql_document *query = PARSE_OK(query_text ? query_text : standard_query);
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    bool succeeded = false;
    for (long n = 0; n < 100000 && !succeeded && schema && query; n++) {
        gql_error_list errors;
        gql_error_list_init(&errors);
        char *json = NULL;
        allocations_left = n;
        gql_set_allocator(&failing);
        gql_status st = gql_introspection_execute(schema, query, NULL, &json, NULL, &errors);
        gql_set_allocator(NULL);
        if (st == GQL_ERR_NOMEM) {
            CHECK(json == NULL);
        } else {
            CHECK_EQ_INT(st, expected);
            CHECK_EQ_INT(errors.status, GQL_OK);
            succeeded = true;
        }
        gql_free(json);
        gql_error_list_clear(&errors);
    }
    CHECK(succeeded);
    gql_document_free(query);
    gql_schema_free(schema);
}

static void test_out_of_memory(void) {
    out_of_memory("ok/everything", NULL, GQL_OK);
    /* Field errors: inspect() and the error list. */
    out_of_memory("extra/inspect", NULL, GQL_OK);
    out_of_memory("extra/rich",
                  "{ ...F } fragment F on Query { __type(name: \"Query\") { "
                  "fieldz { name } } }",
                  GQL_ERR_INVALID);
    out_of_memory("extra/rich", "{ ... on Nope { __typename } }", GQL_ERR_INVALID);
    /* The query text too. */
    bool done = false;
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    for (long n = 0; n < 100 && !done; n++) {
        allocations_left = n;
        gql_set_allocator(&failing);
        char *text = gql_introspection_query(NULL, NULL);
        gql_set_allocator(NULL);
        done = text != NULL;
        gql_free(text);
    }
    CHECK(done);
}

int main(void) {
    RUN(test_cases);
    RUN(test_query_options);
    RUN(test_refused);
    RUN(test_accepted);
    RUN(test_arguments);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
