/*
 * test_validation_literals.c: gql_validate_options.parse_literal, the hook
 * through which ValuesOfCorrectTypeRule asks a host about the literals of
 * custom scalars (graphql-core's type.parse_literal(node)): each outcome's
 * error (Undefined, an exception wrapped with its text and held as
 * original, a host error reported as it is), every position a literal is
 * checked in (arguments, list items, input object fields, a single value
 * for a list, a list or object where the scalar stands, variable
 * defaults), max_errors, the hook ending validation, and out of memory.
 * The probe hook decides by the literal's text; the messages, locations
 * and call counts are graphql-core 3.2.14's with a scalar whose
 * parse_literal does the same.
 */
#include <stdlib.h>

#include "harness.h"
#include "strbuf.h"

static const char sdl[] =
    "scalar Probe\n"
    "enum Color { RED }\n"
    "input Box { probe: Probe probes: [Probe!] inner: Box }\n"
    "type Query {\n"
    "  field(p: Probe, ps: [Probe], box: Box, color: Color, n: Int): String\n"
    "  other(pnn: Probe!): String\n"
    "}\n";

typedef struct probe {
    unsigned calls;     /* literals the hook was asked about */
    char tokens[16];    /* the host errors it hands out: &tokens[call] */
} probe;

/* "ok" parses, "undefined" is Undefined, "raise" raises (text "refused"),
 * "error" raises an error of the host's ("as is"), "stop" ends validation;
 * any other string parses; a list or an object is Undefined. */
static gql_literal_check probe_literal(void *ctx, const gql_schema_type *type,
                                       const gql_node *literal, gql_strbuf *message,
                                       void **error) {
    probe *p = ctx;
    CHECK_EQ_STR(gql_schema_type_name(type), "Probe");
    *error = &p->tokens[p->calls++ % sizeof p->tokens];
    if (literal->kind == GQL_LIST_VALUE || literal->kind == GQL_OBJECT_VALUE)
        return GQL_LITERAL_INVALID;
    if (literal->kind != GQL_STRING_VALUE) return GQL_LITERAL_VALID;
    const gql_text *text = &((const gql_string_value *)literal)->value;
    if (text->len == 9 && memcmp(text->ptr, "undefined", 9) == 0) return GQL_LITERAL_INVALID;
    if (text->len == 5 && memcmp(text->ptr, "raise", 5) == 0) {
        gql_strbuf_puts(message, "refused");
        return GQL_LITERAL_RAISED;
    }
    if (text->len == 5 && memcmp(text->ptr, "error", 5) == 0) {
        gql_strbuf_puts(message, "as is");
        return GQL_LITERAL_ERROR;
    }
    if (text->len == 4 && memcmp(text->ptr, "stop", 4) == 0) return GQL_LITERAL_STOP;
    return GQL_LITERAL_VALID;
}

static gql_schema *schema;

static gql_status validate(const char *query, probe *p, uint32_t max_errors,
                           gql_error_list *errors) {
    gql_document *doc = PARSE_OK(query);
    if (!doc) return GQL_ERR_ARG;
    gql_validate_options options;
    gql_validate_options_init(&options);
    options.max_errors = max_errors;
    if (p) {
        options.parse_literal = probe_literal;
        options.literal_ctx = p;
    }
    gql_status status = gql_validate(schema, doc, &options, errors);
    gql_document_free(doc);
    return status;
}

/* What an error should be: its message, where (0: no location), and
 * which token it holds (-1: none) and whether as it is. */
typedef struct want {
    const char *message;
    unsigned column;
    int token;
    bool as_is;
} want;

static void expect(const char *query, uint32_t max_errors, const want *w, size_t n,
                   unsigned calls) {
    probe p = {0};
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status status = validate(query, &p, max_errors, &errors);
    CHECK_EQ_INT(status, n ? GQL_ERR_INVALID : GQL_OK);
    CHECK_EQ_INT(errors.count, n);
    CHECK_EQ_INT(p.calls, calls);
    for (size_t i = 0; i < errors.count && i < n; i++) {
        const gql_diagnostic *d = &errors.items[i];
        CHECK_EQ_STR(d->message, w[i].message);
        CHECK_EQ_INT(d->location_count, w[i].column ? 1 : 0);
        if (w[i].column && d->location_count) CHECK_EQ_INT(d->locations[0].offset + 1, w[i].column);
        CHECK(d->original == (w[i].token < 0 ? NULL : &p.tokens[w[i].token]));
        CHECK_EQ_INT(d->as_is, w[i].as_is);
    }
    gql_error_list_clear(&errors);
}

static void test_outcomes(void) {
    static const want w[] = {
        {"Expected value of type 'Probe', found \"undefined\".", 33, -1, false},
        {"Expected value of type 'Probe', found \"raise\"; refused", 58, 2, false},
        {"as is", 0, 3, true},
    };
    expect("{ a: field(p: \"ok\") b: field(p: \"undefined\") c: field(p: \"raise\")"
           " d: field(p: \"error\") }",
           100, w, 3, 4);
}

/* Lists take each item, or a single value with the list's type in the
 * message; input object fields, nested; a list or an object where the
 * scalar stands is one literal; enums and built-in scalars are not asked. */
static void test_positions(void) {
    static const want w[] = {
        {"Expected value of type 'Probe', found \"undefined\".", 20, -1, false},
        {"Expected value of type 'Probe', found \"undefined\".", 47, -1, false},
        {"Expected value of type '[Probe!]', found \"raise\"; refused", 68, 3, false},
        {"as is", 0, 4, true},
        {"Expected value of type 'Probe', found {a: 1}.", 124, -1, false},
        {"Expected value of type 'Probe', found [\"ok\"].", 144, -1, false},
        {"Expected value of type 'Probe!', found \"undefined\".", 166, -1, false},
    };
    expect("{ field(ps: [\"ok\", \"undefined\"], box: {probe: \"undefined\", probes: \"raise\","
           " inner: {probe: \"error\"}}, color: RED, n: 1, p: {a: 1}) x: field(p: [\"ok\"])"
           " y: other(pnn: \"undefined\") }",
           100, w, 7, 8);
}

static void test_variable_default(void) {
    static const want w[] = {
        {"Expected value of type 'Probe', found \"raise\"; refused", 20, 0, false},
    };
    expect("query ($v: Probe = \"raise\") { field(p: $v) }", 100, w, 1, 1);
}

/* An error past max_errors is the abort error, holding nothing. */
static void test_max_errors(void) {
    static const want w[] = {
        {"Expected value of type 'Probe', found \"raise\"; refused", 15, 0, false},
        {"Too many validation errors, error limit reached. Validation aborted.", 0, -1, false},
    };
    expect("{ a: field(p: \"raise\") b: field(p: \"error\") c: field(p: \"raise\") }", 1, w, 2,
           2);
}

/* STOP ends the walk without an error of its own: what came before stays. */
static void test_stop(void) {
    static const want w[] = {
        {"Expected value of type 'Probe', found \"undefined\".", 15, -1, false},
    };
    expect("{ a: field(p: \"undefined\") b: field(p: \"stop\") c: field(p: \"undefined\") }",
           100, w, 1, 2);
}

/* Without a hook, any literal of a custom scalar is valid. */
static void test_no_hook(void) {
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK_EQ_INT(validate("{ field(p: \"undefined\", ps: [{a: 1}]) }", NULL, 100, &errors),
                 GQL_OK);
    CHECK_EQ_INT(errors.count, 0);
    gql_error_list_clear(&errors);
}

static long allocations_left;

static void *failing_malloc(void *ctx, size_t size) {
    (void)ctx;
    return allocations_left-- <= 0 ? NULL : malloc(size);
}

static void *failing_realloc(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    return allocations_left-- <= 0 ? NULL : realloc(ptr, size);
}

static void plain_free(void *ctx, void *ptr) {
    (void)ctx;
    free(ptr);
}

/* With the n-th allocation failing, for every n: out of memory, or the
 * errors of an unhindered run with the same originals. */
static void test_out_of_memory(void) {
    static const char query[] =
        "{ a: field(p: \"undefined\") b: field(p: \"raise\") c: field(p: \"error\")"
        " d: field(ps: [{a: 1}]) }";
    probe p0 = {0};
    gql_error_list expected;
    gql_error_list_init(&expected);
    CHECK_EQ_INT(validate(query, &p0, 100, &expected), GQL_ERR_INVALID);
    CHECK_EQ_INT(expected.count, 4);
    gql_document *doc = PARSE_OK(query);
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    bool done = false;
    for (long n = 0; n < 100000 && !done && doc; n++) {
        probe p = {0};
        gql_validate_options options;
        gql_validate_options_init(&options);
        options.parse_literal = probe_literal;
        options.literal_ctx = &p;
        gql_error_list errors;
        gql_error_list_init(&errors);
        allocations_left = n;
        gql_set_allocator(&failing);
        gql_status status = gql_validate(schema, doc, &options, &errors);
        gql_set_allocator(NULL);
        if (status == GQL_ERR_NOMEM) {
            CHECK_EQ_INT(errors.status, GQL_ERR_NOMEM);
        } else {
            CHECK_EQ_INT(status, GQL_ERR_INVALID);
            CHECK_EQ_INT(errors.count, expected.count);
            for (size_t i = 0; i < errors.count && i < expected.count; i++) {
                CHECK_EQ_STR(errors.items[i].message, expected.items[i].message);
                const char *token = expected.items[i].original;
                CHECK(errors.items[i].original ==
                      (token ? p.tokens + (token - p0.tokens) : NULL));
                CHECK_EQ_INT(errors.items[i].as_is, expected.items[i].as_is);
            }
            done = true;
        }
        gql_error_list_clear(&errors);
    }
    CHECK(done);
    gql_error_list_clear(&expected);
    gql_document_free(doc);
}

int main(void) {
    gql_document *doc = PARSE_OK(sdl);
    gql_error_list errors;
    gql_error_list_init(&errors);
    const gql_document *docs[] = {doc};
    schema = doc ? gql_schema_build(docs, 1, NULL, &errors) : NULL;
    CHECK(schema && errors.count == 0);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    if (!schema) return gql_test_summary();
    RUN(test_outcomes);
    RUN(test_positions);
    RUN(test_variable_default);
    RUN(test_max_errors);
    RUN(test_stop);
    RUN(test_no_hook);
    RUN(test_out_of_memory);
    gql_schema_free(schema);
    return gql_test_summary();
}
