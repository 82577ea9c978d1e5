/*
 * test_limits.c: the parser's limits (tokens, nesting depth, source length)
 * give graphql-core's messages at graphql-core's positions; hostile nesting
 * 100,000 levels deep is an error, never a stack overflow; and running out of
 * memory at any allocation is an error, never a crash or a leak.
 */
#include <stdlib.h>

#include "harness.h"

static gql_parse_options opts(uint32_t max_tokens, uint32_t max_depth, uint32_t max_length) {
    gql_parse_options o;
    gql_parse_options_init(&o);
    if (max_tokens) o.max_tokens = max_tokens;
    if (max_depth) o.max_depth = max_depth;
    if (max_length) o.max_source_length = max_length;
    return o;
}

static void test_defaults(void) {
    gql_parse_options o;
    gql_parse_options_init(&o);
    CHECK_EQ_INT(o.max_tokens, GQL_DEFAULT_MAX_TOKENS);
    CHECK_EQ_INT(o.max_depth, 200);
    CHECK_EQ_INT(o.max_source_length, GQL_DEFAULT_MAX_SOURCE_LENGTH);
    CHECK(!o.no_location);
}

static void test_max_tokens(void) {
    gql_parse_options o = opts(3, 0, 0);
    PARSE_ERR_OPT("{ a b c }", &o,
                  "Syntax Error: Document contains more than 3 tokens. Parsing aborted.", 1, 7);
    /* Comments count, so a comment-padded document is stopped early. */
    o = opts(2, 0, 0);
    PARSE_ERR_OPT("# 1\n# 2\n{ a }", &o,
                  "Syntax Error: Document contains more than 2 tokens. Parsing aborted.", 3, 1);
    PARSE_ERR_OPT("\"d\" # c\n type T { f: Int }", &o,
                  "Syntax Error: Document contains more than 2 tokens. Parsing aborted.", 2, 2);
    o = opts(3, 0, 0);
    PARSE_ERR_OPT("{ a } # 1\n# 2", &o,
                  "Syntax Error: Document contains more than 3 tokens. Parsing aborted.", 1, 7);
    /* Exactly at the limit is fine; the error code says it was a limit. */
    gql_error err = {0};
    gql_document *doc = gql_parse("{ a }", 5, &o, &err);
    CHECK(doc != NULL);
    if (doc) CHECK_EQ_INT(gql_document_token_count(doc), 3);
    gql_document_free(doc);
    o = opts(2, 0, 0);
    CHECK(gql_parse("{ a }", 5, &o, &err) == NULL);
    CHECK_EQ_INT(err.code, GQL_ERR_LIMIT);
    gql_error_clear(&err);
    /* 0 lifts the limit. */
    o = opts(0, 0, 0);
    o.max_tokens = 0;
    doc = gql_parse("{ a b c d e f g }", 17, &o, &err);
    CHECK(doc != NULL);
    gql_document_free(doc);
}

/* prefix + unit*n + middle + close*n + suffix, malloc'd. */
static char *nest(const char *prefix, const char *unit, size_t n, const char *middle,
                  const char *close, const char *suffix) {
    size_t lu = strlen(unit), lc = strlen(close);
    size_t len = strlen(prefix) + n * (lu + lc) + strlen(middle) + strlen(suffix);
    char *s = malloc(len + 1), *w = s;
    if (!s) return NULL;
    w += sprintf(w, "%s", prefix);
    for (size_t i = 0; i < n; i++, w += lu) memcpy(w, unit, lu);
    w += sprintf(w, "%s", middle);
    for (size_t i = 0; i < n; i++, w += lc) memcpy(w, close, lc);
    sprintf(w, "%s", suffix);
    return s;
}

static const char deep_message[] = "Syntax Error: Document is nested too deeply. Parsing aborted.";

static void check_nesting(const char *prefix, const char *unit, const char *middle,
                          const char *close, const char *suffix, unsigned column_at_300) {
    /* 200 levels parse (graphql-core's MAX_NESTING_DEPTH); 300 fail where
       graphql-core fails; 100,000 fail the same way without exhausting the
       stack. */
    char *ok = nest(prefix, unit, 199, middle, close, suffix);
    gql_document *doc = PARSE_OK(ok);
    gql_document_free(doc);
    free(ok);
    char *bad = nest(prefix, unit, 300, middle, close, suffix);
    PARSE_ERR(bad, deep_message, 1, column_at_300);
    free(bad);
    char *hostile = nest(prefix, unit, 100000, middle, close, suffix);
    PARSE_ERR(hostile, deep_message, 1, column_at_300);
    free(hostile);
}

static void test_max_depth(void) {
    check_nesting("{", "a{", "b", "}", "}", 401);           /* selection sets */
    check_nesting("{a(x:", "[", "", "]", ")}", 205);       /* list values */
    check_nesting("query($a:", "[", "Int", "]", "){a}", 211);  /* list types */
    check_nesting("{a(x:", "{a:", "1", "}", ")}", 603);    /* object values */

    gql_parse_options o = opts(0, 2, 0);
    PARSE_ERR_OPT("{ a { b { c } } }", &o, deep_message, 1, 9);
    gql_document *doc = gql_parse("{ a { b } }", 11, &o, &(gql_error){0});
    CHECK(doc != NULL);
    gql_document_free(doc);

    /* The ceiling holds even when a caller asks for more. */
    o = opts(0, GQL_MAX_DEPTH_CEILING, 0);
    char *hostile = nest("{", "a{", 100000, "b", "}", "}");
    gql_error err = {0};
    CHECK(gql_parse(hostile, strlen(hostile), &o, &err) == NULL);
    CHECK_EQ_INT(err.code, GQL_ERR_LIMIT);
    CHECK_EQ_STR(err.message, deep_message);
    gql_error_clear(&err);
    free(hostile);
}

static void test_max_source_length(void) {
    gql_parse_options o = opts(0, 0, 5);
    PARSE_ERR_OPT("{ a\xc3\xa9 b }", &o,
                  "Syntax Error: Source contains more than 5 code points. Parsing aborted.", 1, 6);
    PARSE_ERR_OPT("{ ab }", &o,
                  "Syntax Error: Source contains more than 5 code points. Parsing aborted.", 1, 6);
    gql_document *doc = gql_parse("{ a }", 5, &o, &(gql_error){0});
    CHECK(doc != NULL);
    gql_document_free(doc);
}

/*=== Out of memory: fail the n-th allocation, for every n ===*/

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

static void test_out_of_memory(void) {
    /* Enough names to grow the intern table, enough items to grow the list
       stack, block strings with many lines, escapes: every allocation site. */
    size_t cap = 64 * 1024, len = 0;
    char *src = malloc(cap);
    if (!src) return;
    len += (size_t)snprintf(src + len, cap - len,
                            "\"\"\"\n  op\n    desc\n\"\"\" query Q($v: [Int!] = [1, 2]) {\n");
    for (int i = 0; i < 300; i++)
        len += (size_t)snprintf(src + len, cap - len,
                                "  f%d(a: \"s\\u00e9%d\", b: {x: [%d, 2.5, ENUM_%d]}) @d%d\n", i, i,
                                i, i % 7, i % 5);
    len += (size_t)snprintf(src + len, cap - len,
                            "}\ntype T implements I & J { \"\"\"\n a\n b\n c\n\"\"\" f: Int }\n");
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    gql_set_allocator(&failing);
    int nomem = 0, ok = 0;
    for (long n = 0; n < 400 && !ok; n++) {
        allocations_left = n;
        gql_error err = {0};
        gql_document *doc = gql_parse(src, len, NULL, &err);
        if (doc) {
            ok = 1;
            gql_document_free(doc);
        } else {
            /* Until enough memory is there, every failure is a clean NOMEM. */
            if (err.code != GQL_ERR_NOMEM) {
                gql_test_fail(__FILE__, __LINE__, "allocation %ld: code %d (%s)", n, err.code,
                              err.message);
            }
            CHECK(err.message != NULL);
            nomem++;
            gql_error_clear(&err);
        }
    }
    gql_set_allocator(NULL);
    CHECK(ok);
    CHECK(nomem > 0);
    free(src);
}

int main(void) {
    RUN(test_defaults);
    RUN(test_max_tokens);
    RUN(test_max_depth);
    RUN(test_max_source_length);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
