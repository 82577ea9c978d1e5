/*
 * test_print_schema.c: printing a schema as SDL. Every case of
 * print_schema_cases.h (the schemas of schema_cases.py that build, and the
 * rich ones of print_schema_cases.py: descriptions as block strings,
 * deprecations, default values of every input type, root names,
 * extensions, repeatable directives, @oneOf, @specifiedBy) is printed with
 * gql_print_schema and gql_print_introspection_schema and compared with
 * graphql-core 3.2.14's print_schema and print_introspection_schema; the
 * printed SDL builds a schema that prints the same text again. Then Float
 * defaults against Python's repr, the limits on expanding defaults, and out
 * of memory at every allocation.
 */
#include <stdlib.h>

#include "harness.h"
#include "print_schema_cases.h"
#include "strbuf.h"

#define NCASES (sizeof print_cases / sizeof print_cases[0])

/* Report the first line where two texts differ. */
static void compare_text(const char *file, int line, const char *name, const char *what,
                         const char *got, const char *want) {
    if (!got) {
        gql_test_fail(file, line, "%s: %s: NULL", name, what);
        return;
    }
    if (strcmp(got, want) == 0) return;
    size_t lineno = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        if (*g == '\n') lineno++;
        g++, w++;
    }
    const char *gl = g, *wl = w;
    while (gl > got && gl[-1] != '\n') gl--;
    while (wl > want && wl[-1] != '\n') wl--;
    gql_test_fail(file, line, "%s: %s differs at line %zu:\n  got:      %.*s\n  expected: %.*s",
                  name, what, lineno, (int)strcspn(gl, "\n"), gl, (int)strcspn(wl, "\n"), wl);
}

#define COMPARE(name, what, got, want) compare_text(__FILE__, __LINE__, name, what, got, want)

/* Build a schema from n SDL texts; the documents are freed before
 * returning, so the printer can only use what the schema copied. */
static gql_schema *build(const char *const *sources, unsigned n, bool assume_valid_sdl,
                         const char *name) {
    gql_document *docs[8] = {0};
    gql_schema *schema = NULL;
    gql_parse_options parse_options;
    gql_parse_options_init(&parse_options);
    parse_options.max_tokens = 0;
    for (unsigned i = 0; i < n; i++) {
        gql_error err = {0};
        docs[i] = gql_parse(sources[i], strlen(sources[i]), &parse_options, &err);
        if (!docs[i]) {
            gql_test_fail(__FILE__, __LINE__, "%s: parse failed: %s", name, err.message);
            gql_error_clear(&err);
            goto done;
        }
    }
    gql_schema_options options;
    gql_schema_options_init(&options);
    options.assume_valid_sdl = assume_valid_sdl;
    gql_error_list errors;
    gql_error_list_init(&errors);
    schema = gql_schema_build((const gql_document *const *)docs, n, &options, &errors);
    if (!schema)
        gql_test_fail(__FILE__, __LINE__, "%s: no schema: %s", name,
                      errors.count ? errors.items[0].message : "(no error)");
    gql_error_list_clear(&errors);
done:
    for (unsigned i = 0; i < n; i++) gql_document_free(docs[i]);
    return schema;
}

static void test_cases(void) {
    size_t deviations = 0;
    for (size_t i = 0; i < NCASES; i++) {
        const print_case *c = &print_cases[i];
        deviations += c->deviation != NULL;
        gql_schema *schema = build(c->sources, c->nsources, c->assume_valid_sdl, c->name);
        if (!schema) continue;
        size_t length = 0;
        char *sdl = gql_print_schema(schema, &length);
        COMPARE(c->name, "print_schema", sdl, c->sdl);
        if (sdl) CHECK_EQ_INT(length, strlen(sdl));

        gql_strbuf want = GQL_STRBUF_INIT;
        if (c->introspection) {
            gql_strbuf_puts(&want, c->introspection);
        } else {
            gql_strbuf_puts(&want, c->introspection_head);
            gql_strbuf_puts(&want, default_introspection);
        }
        char *intro = gql_print_introspection_schema(schema, NULL);
        COMPARE(c->name, "print_introspection_schema", intro, gql_strbuf_cstr(&want));
        gql_strbuf_free(&want);
        gql_free(intro);
        gql_schema_free(schema);

        /* Round trip: the printed SDL builds a schema printed the same
         * (where graphql-core's does). */
        if (sdl && c->round_trip) {
            const char *again_sources[1] = {sdl};
            gql_schema *again = build(again_sources, 1, c->assume_valid_sdl, c->name);
            char *again_sdl = again ? gql_print_schema(again, NULL) : NULL;
            if (again) COMPARE(c->name, "round trip", again_sdl, sdl);
            gql_free(again_sdl);
            gql_schema_free(again);
        }
        gql_free(sdl);
    }
    CHECK(NCASES > 60);
    CHECK(deviations >= 3 && deviations <= 8); /* few, each with its reason */
}

/*=== MARK: Public API ======================================================*/

static void test_api(void) {
    CHECK(gql_print_schema(NULL, NULL) == NULL);
    CHECK(gql_print_introspection_schema(NULL, NULL) == NULL);
    /* No documents: no types of its own, nothing to print but "". */
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_schema *empty = gql_schema_build(NULL, 0, NULL, &errors);
    gql_error_list_clear(&errors);
    CHECK(empty != NULL);
    size_t length = 99;
    char *text = gql_print_schema(empty, &length);
    CHECK_EQ_STR(text, "");
    CHECK_EQ_INT(length, 0);
    gql_free(text);
    text = gql_print_introspection_schema(empty, NULL);
    CHECK_EQ_STR(text, default_introspection);
    gql_free(text);
    gql_schema_free(empty);
}

/* Print the one argument of "type Query { f(a: TYPE = DEFAULT): Int }" and
 * return what follows "= " up to the ")", in buf. */
static const char *printed_default(const char *prelude, const char *type, const char *value,
                                   char *buf, size_t size) {
    gql_strbuf sdl = GQL_STRBUF_INIT;
    gql_strbuf_puts(&sdl, prelude);
    gql_strbuf_puts(&sdl, "\ntype Query { f(a: ");
    gql_strbuf_puts(&sdl, type);
    gql_strbuf_puts(&sdl, " = ");
    gql_strbuf_puts(&sdl, value);
    gql_strbuf_puts(&sdl, "): Int }");
    const char *sources[1] = {gql_strbuf_cstr(&sdl)};
    gql_schema *schema = build(sources, 1, false, value);
    gql_strbuf_free(&sdl);
    buf[0] = '\0';
    char *text = schema ? gql_print_schema(schema, NULL) : NULL;
    gql_schema_free(schema);
    if (!text) return buf;
    const char *start = strstr(text, "f(a: ");
    start = start ? strstr(start, " = ") : NULL;
    const char *end = start ? strstr(start, "): Int") : NULL;
    if (start && end) {
        start += 3;
        size_t n = (size_t)(end - start) < size - 1 ? (size_t)(end - start) : size - 1;
        memcpy(buf, start, n);
        buf[n] = '\0';
    }
    gql_free(text);
    return buf;
}

/* Float defaults print as Python's repr() without ".0": shortest digits,
 * positional from 1e-4 to below 1e16, else with an exponent. */
static void test_floats(void) {
    size_t n = sizeof float_cases / sizeof float_cases[0];
    CHECK(n > 500);
    char buf[128];
    for (size_t i = 0; i < n; i++) {
        const char *got = printed_default("", "Float", float_cases[i][0], buf, sizeof buf);
        if (strcmp(got, float_cases[i][1]) != 0)
            gql_test_fail(__FILE__, __LINE__, "Float = %s printed %s, expected %s",
                          float_cases[i][0], got, float_cases[i][1]);
    }
}

/*=== MARK: Limits ==========================================================*/

/* Defaults of absent fields that refer to each other: a chain longer than
 * the limit, and a doubling that would print 2^40 values, print the default
 * as written; a chain within the limit is expanded in full. */
static void test_default_expansion_limits(void) {
    char buf[4096];
    gql_strbuf sdl = GQL_STRBUF_INIT;
    char line[160];
    /* I0 { n: I1 = {} } ... I69 { v: Int = 1 } */
    for (int i = 0; i < 70; i++) {
        snprintf(line, sizeof line, "input I%d { n: I%d = {} }\n", i, i + 1);
        gql_strbuf_puts(&sdl, line);
    }
    gql_strbuf_puts(&sdl, "input I70 { v: Int = 1 }");
    CHECK_EQ_STR(printed_default(gql_strbuf_cstr(&sdl), "I0", "{}", buf, sizeof buf), "{}");
    /* 60 nested defaults: within the limit, printed in full. */
    const char *got = printed_default(gql_strbuf_cstr(&sdl), "I10", "{}", buf, sizeof buf);
    gql_strbuf want = GQL_STRBUF_INIT;
    for (int i = 10; i < 70; i++) gql_strbuf_puts(&want, "{n: ");
    gql_strbuf_puts(&want, "{v: 1}");
    for (int i = 10; i < 70; i++) gql_strbuf_puts(&want, "}");
    CHECK_EQ_STR(got, gql_strbuf_cstr(&want));
    gql_strbuf_free(&want);
    gql_strbuf_reset(&sdl);

    /* Each level holds two of the next: 2^40 leaves if expanded. */
    for (int i = 0; i < 40; i++) {
        snprintf(line, sizeof line, "input D%d { a: D%d = {} b: D%d = {} }\n", i, i + 1, i + 1);
        gql_strbuf_puts(&sdl, line);
    }
    gql_strbuf_puts(&sdl, "input D40 { v: Int = 1 }");
    CHECK_EQ_STR(printed_default(gql_strbuf_cstr(&sdl), "D0", "{a: {}}", buf, sizeof buf),
                 "{a: {}}");
    /* 2^6 leaves: printed in full. */
    got = printed_default(gql_strbuf_cstr(&sdl), "D34", "{}", buf, sizeof buf);
    CHECK(strncmp(got, "{a: {a: {a: {a: {a: {a: {v: 1}, b: {v: 1}}, b: {a: {v: 1}", 56) == 0);
    size_t leaves = 0;
    for (const char *at = got; (at = strstr(at, "{v: 1}")); at++) leaves++;
    CHECK_EQ_INT(leaves, 64);
    gql_strbuf_free(&sdl);

    /* A literal as deep as the parser's default limit prints as it is. */
    gql_strbuf type = GQL_STRBUF_INIT, value = GQL_STRBUF_INIT;
    for (int i = 0; i < 150; i++) gql_strbuf_puts(&type, "[");
    gql_strbuf_puts(&type, "Int");
    for (int i = 0; i < 150; i++) gql_strbuf_puts(&type, "]");
    for (int i = 0; i < 150; i++) gql_strbuf_puts(&value, "[");
    gql_strbuf_puts(&value, "1");
    for (int i = 0; i < 150; i++) gql_strbuf_puts(&value, "]");
    CHECK_EQ_STR(printed_default("", gql_strbuf_cstr(&type), gql_strbuf_cstr(&value), buf,
                                 sizeof buf),
                 gql_strbuf_cstr(&value));
    /* A single value for 150 nested lists gets wrapped 150 times. */
    CHECK_EQ_STR(printed_default("", gql_strbuf_cstr(&type), "1", buf, sizeof buf),
                 gql_strbuf_cstr(&value));
    gql_strbuf_free(&type);
    gql_strbuf_free(&value);
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

static const print_case *find_case(const char *name) {
    for (size_t i = 0; i < NCASES; i++)
        if (strcmp(print_cases[i].name, name) == 0) return &print_cases[i];
    gql_test_fail(__FILE__, __LINE__, "no case %s", name);
    return NULL;
}

/* Fail each allocation of the printers in turn: NULL, or the right text;
 * never a crash or a leak. */
static void test_out_of_memory(void) {
    static const char *const names[] = {
        "rich/descriptions", "rich/deprecations", "rich/defaults",
        "roots/description_block_and_renamed", "ok/default_chain",
    };
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        const print_case *c = find_case(names[k]);
        if (!c) continue;
        gql_schema *schema = build(c->sources, c->nsources, c->assume_valid_sdl, c->name);
        if (!schema) continue;
        for (int introspection = 0; introspection < 2; introspection++) {
            bool succeeded = false;
            long failures = 0;
            for (long n = 0; n < 100000 && !succeeded; n++) {
                allocations_left = n;
                gql_set_allocator(&failing);
                char *text = introspection ? gql_print_introspection_schema(schema, NULL)
                                           : gql_print_schema(schema, NULL);
                gql_set_allocator(NULL);
                if (!text) {
                    failures++;
                    continue;
                }
                succeeded = true;
                if (!introspection) COMPARE(c->name, "print_schema under failing malloc", text,
                                            c->sdl);
                gql_free(text);
            }
            CHECK(succeeded);
            CHECK(failures > 0);
        }
        gql_schema_free(schema);
    }
}

int main(void) {
    RUN(test_cases);
    RUN(test_api);
    RUN(test_floats);
    RUN(test_default_expansion_limits);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
