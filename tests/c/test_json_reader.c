/*
 * test_json_reader.c: the strict JSON reader (json/reader.h). Valid
 * documents read back as json.dumps(json.loads(text), separators=(",",
 * ":"), ensure_ascii=False) writes them (the expectations were taken from
 * Python); invalid ones fail with their message and byte offset; nesting
 * stops at max_depth; UTF-8 is validated; numbers keep int64, the double
 * and their text; out of memory is an error, never a leak.
 */
#include <stdlib.h>

#include "harness.h"
#include "json/reader.h"
#include "json/writer.h"

static char *roundtrip(const char *text, size_t len) {
    gql_error err = {0};
    gql_json_doc *doc = gql_json_parse(text, len, 0, &err);
    if (!doc) {
        gql_test_fail(__FILE__, __LINE__, "%s: %s", text, err.message);
        gql_error_clear(&err);
        return NULL;
    }
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    CHECK(gql_json_write(&w, gql_json_doc_root(doc)));
    gql_json_doc_free(doc);
    return gql_json_writer_finish(&w, NULL);
}

#define ROUNDTRIP(text, expected)                                   \
    do {                                                            \
        char *out_ = roundtrip((text), sizeof(text) - 1);           \
        if (out_) CHECK_EQ_STR(out_, (expected));                   \
        gql_free(out_);                                             \
    } while (0)

static void test_valid(void) {
    ROUNDTRIP("null", "null");
    ROUNDTRIP("true", "true");
    ROUNDTRIP("false", "false");
    ROUNDTRIP("0", "0");
    ROUNDTRIP("-0", "0");
    ROUNDTRIP("-0.0", "-0.0");
    ROUNDTRIP("1.5", "1.5");
    ROUNDTRIP("1e400", "Infinity");
    ROUNDTRIP("-1e400", "-Infinity");
    ROUNDTRIP("1E2", "100.0");
    ROUNDTRIP("12345678901234567890", "12345678901234567890");
    ROUNDTRIP("-9223372036854775808", "-9223372036854775808");
    ROUNDTRIP("9223372036854775807", "9223372036854775807");
    ROUNDTRIP("9223372036854775808", "9223372036854775808");
    ROUNDTRIP("0.1", "0.1");
    ROUNDTRIP("1e-7", "1e-07");
    ROUNDTRIP("\"a\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
              "\"a\xc3\xa9\xf0\x9f\x98\x80\\n\\t\\\"\\\\/\\b\\f\\r\"");
    ROUNDTRIP("\"\\u0000\"", "\"\\u0000\"");
    ROUNDTRIP(" [ 1 , [ ] , { } , \"x\" ] ", "[1,[],{},\"x\"]");
    ROUNDTRIP("{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}");
    ROUNDTRIP("{\"k\":{\"k\":[null]}}", "{\"k\":{\"k\":[null]}}");
    ROUNDTRIP("\"\xc3\xa9\xe4\xb8\xad\"", "\"\xc3\xa9\xe4\xb8\xad\"");
    ROUNDTRIP("[1e5, 2.50, -3]", "[100000.0,2.5,-3]");
    ROUNDTRIP("{\"\":0}", "{\"\":0}");
    ROUNDTRIP("\t\r\n 7 \n", "7");
    ROUNDTRIP("\"\xf4\x8f\xbf\xbf\x7f\"", "\"\xf4\x8f\xbf\xbf\x7f\"");
}

/* Many members with repeats: the hashed path of dict(pairs). */
static void test_duplicate_keys(void) {
    char text[4096], expected[4096];
    size_t n = 0, e = 0;
    n += (size_t)snprintf(text + n, sizeof text - n, "{");
    e += (size_t)snprintf(expected + e, sizeof expected - e, "{");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s\"k%d\":%d", i ? "," : "", i % 20, i);
    for (int i = 0; i < 20; i++)
        e += (size_t)snprintf(expected + e, sizeof expected - e, "%s\"k%d\":%d", i ? "," : "", i,
                              i + 20);
    snprintf(text + n, sizeof text - n, "}");
    snprintf(expected + e, sizeof expected - e, "}");
    char *out = roundtrip(text, strlen(text));
    if (out) CHECK_EQ_STR(out, expected);
    gql_free(out);
}

static void test_numbers(void) {
    gql_error err = {0};
    const char text[] = "[9223372036854775807, -9223372036854775809, 2.5, 1e2, -0]";
    gql_json_doc *doc = gql_json_parse(text, sizeof text - 1, 0, &err);
    CHECK(doc);
    if (!doc) return;
    const gql_json *root = gql_json_doc_root(doc);
    CHECK_EQ_INT(root->kind, GQL_JSON_ARRAY);
    CHECK_EQ_INT(root->count, 5);
    const gql_json *const *v = (const gql_json *const *)root->u.items;
    CHECK(v[0]->kind == GQL_JSON_INT && v[0]->fits && v[0]->i64 == INT64_MAX);
    CHECK(v[1]->kind == GQL_JSON_INT && !v[1]->fits && v[1]->f64 == -9223372036854775809.0);
    CHECK_EQ_STR(v[1]->text.ptr, "-9223372036854775809");
    CHECK(v[2]->kind == GQL_JSON_FLOAT && v[2]->f64 == 2.5);
    CHECK(v[3]->kind == GQL_JSON_FLOAT && v[3]->f64 == 100.0);
    CHECK(v[4]->kind == GQL_JSON_INT && v[4]->fits && v[4]->i64 == 0);
    CHECK(gql_json_get(root, "x", 1) == NULL);
    gql_json_doc_free(doc);

    char big[4400];
    memset(big, '9', 4300);
    big[4300] = '\0';
    doc = gql_json_parse(big, 4300, 0, &err);
    CHECK(doc && gql_json_doc_root(doc)->kind == GQL_JSON_INT);
    gql_json_doc_free(doc);
    big[4300] = '9';
    doc = gql_json_parse(big, 4301, 0, &err);
    CHECK(!doc && err.code == GQL_ERR_LIMIT);
    gql_error_clear(&err);
}

static void expect_error(int line, const char *text, size_t len, gql_status code,
                         const char *message, size_t offset) {
    gql_error err = {0};
    gql_json_doc *doc = gql_json_parse(text, len, 0, &err);
    if (doc) {
        gql_test_fail(__FILE__, line, "%s: parsed, expected %s", text, message);
        gql_json_doc_free(doc);
        return;
    }
    if (err.code != code || err.offset != offset || strcmp(err.message, message) != 0)
        gql_test_fail(__FILE__, line, "%s:\n  got:      %d %s (%zu)\n  expected: %d %s (%zu)",
                      text, err.code, err.message, err.offset, code, message, offset);
    gql_error_clear(&err);
}

#define ERR(text, message, offset) \
    expect_error(__LINE__, (text), sizeof(text) - 1, GQL_ERR_SYNTAX, (message), (offset))

static void test_invalid(void) {
    ERR("", "Expecting value at byte 0", 0);
    ERR("   ", "Expecting value at byte 3", 3);
    ERR("nul", "Expecting value at byte 0", 0);
    ERR("True", "Expecting value at byte 0", 0);
    ERR("NaN", "Expecting value at byte 0", 0);
    ERR("Infinity", "Expecting value at byte 0", 0);
    ERR("-Infinity", "Expecting value at byte 0", 0);
    ERR("01", "Extra data at byte 1", 1);
    ERR("1.", "Expecting a digit after the decimal point at byte 2", 2);
    ERR(".5", "Expecting value at byte 0", 0);
    ERR("1e", "Expecting a digit in the exponent at byte 2", 2);
    ERR("+1", "Expecting value at byte 0", 0);
    ERR("-", "Expecting value at byte 0", 0);
    ERR("[1,]", "Expecting value at byte 3", 3);
    ERR("[1 2]", "Expecting ',' delimiter at byte 3", 3);
    ERR("[1", "Expecting ',' delimiter at byte 2", 2);
    ERR("{\"a\" 1}", "Expecting ':' delimiter at byte 5", 5);
    ERR("{\"a\":1,}", "Expecting property name enclosed in double quotes at byte 7", 7);
    ERR("{a:1}", "Expecting property name enclosed in double quotes at byte 1", 1);
    ERR("{\"a\":1", "Expecting ',' delimiter at byte 6", 6);
    ERR("\"abc", "Unterminated string starting at byte 0", 0);
    ERR("\"a\\\"", "Unterminated string starting at byte 0", 0);
    ERR("\"a\nb\"", "Invalid control character at byte 2", 2);
    ERR("\"\\x\"", "Invalid \\escape at byte 1", 1);
    ERR("\"\\u12g4\"", "Invalid \\uXXXX escape at byte 1", 1);
    ERR("\"\\u12\"", "Invalid \\uXXXX escape at byte 1", 1);
    ERR("\"\\ud800\"", "Invalid \\uXXXX escape (a lone high surrogate) at byte 1", 1);
    ERR("\"\\ud800\\u0041\"", "Invalid \\uXXXX escape (a lone high surrogate) at byte 1", 1);
    ERR("\"\\udc00\"", "Invalid \\uXXXX escape (a lone low surrogate) at byte 1", 1);
    ERR("1 2", "Extra data at byte 2", 2);
    ERR("{} x", "Extra data at byte 3", 3);
    ERR("// c\n1", "Expecting value at byte 0", 0);
    ERR("\xef\xbb\xbf" "1", "Expecting value at byte 0", 0);
    ERR("[\x0c" "1]", "Expecting value at byte 1", 1);
}

static void test_utf8(void) {
    ERR("\"\x80\"", "Invalid UTF-8 at byte 1", 1);
    ERR("\"\xc0\xaf\"", "Invalid UTF-8 at byte 1", 1);          /* overlong */
    ERR("\"\xc2\"", "Invalid UTF-8 at byte 1", 1);              /* truncated */
    ERR("\"\xe0\x80\xaf\"", "Invalid UTF-8 at byte 1", 1);      /* overlong */
    ERR("\"\xed\xa0\x80\"", "Invalid UTF-8 at byte 1", 1);      /* a surrogate */
    ERR("\"\xf4\x90\x80\x80\"", "Invalid UTF-8 at byte 1", 1);  /* past U+10FFFF */
    ERR("\"\xf5\x80\x80\x80\"", "Invalid UTF-8 at byte 1", 1);
    ERR("\"ab\xe4\xb8\"", "Invalid UTF-8 at byte 3", 3);
    ERR("\"\xff\"", "Invalid UTF-8 at byte 1", 1);
    ERR("\xc3\xa9", "Expecting value at byte 0", 0);
}

static void test_depth(void) {
    char text[2 * 600 + 1];
    for (int depth = 511; depth <= 513; depth++) {
        memset(text, '[', (size_t)depth);
        memset(text + depth, ']', (size_t)depth);
        gql_error err = {0};
        gql_json_doc *doc = gql_json_parse(text, (size_t)depth * 2, 0, &err);
        if (depth <= 512) {
            CHECK(doc != NULL);
        } else {
            CHECK(!doc && err.code == GQL_ERR_LIMIT);
            CHECK_EQ_STR(err.message, "Nesting deeper than 512 arrays and objects at byte 512");
        }
        gql_json_doc_free(doc);
        gql_error_clear(&err);
    }
    gql_error err = {0};
    gql_json_doc *doc = gql_json_parse("{\"a\":[{}]}", 10, 2, &err);
    CHECK(!doc && err.code == GQL_ERR_LIMIT);
    CHECK_EQ_STR(err.message, "Nesting deeper than 2 arrays and objects at byte 6");
    gql_error_clear(&err);
    doc = gql_json_parse("[]", 2, GQL_JSON_MAX_DEPTH_CEILING + 1, &err);
    CHECK(!doc && err.code == GQL_ERR_ARG);
    gql_error_clear(&err);
    /* A hostile depth ends in the limit, not a stack overflow. */
    size_t n = 1000000;
    char *deep = malloc(n);
    if (!deep) return;
    memset(deep, '[', n);
    doc = gql_json_parse(deep, n, GQL_JSON_MAX_DEPTH_CEILING, &err);
    CHECK(!doc && err.code == GQL_ERR_LIMIT);
    gql_error_clear(&err);
    free(deep);
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

static void test_out_of_memory(void) {
    /* Big enough for the scratch stacks and several arena chunks to grow. */
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    gql_json_begin_array(&w);
    for (int i = 0; i < 300; i++) {
        gql_json_begin_object(&w);
        for (int k = 0; k < 12; k++) {
            char key[16];
            snprintf(key, sizeof key, "key%d", k % 10);
            gql_json_key(&w, key, strlen(key));
            gql_json_string(&w, "a value \xc3\xa9", 10);
        }
        gql_json_end_object(&w);
    }
    gql_json_end_array(&w);
    size_t len;
    char *text = gql_json_writer_finish(&w, &len);
    if (!text) return;
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    bool done = false;
    for (long n = 0; n < 100000 && !done; n++) {
        gql_error err = {0};
        allocations_left = n;
        gql_set_allocator(&failing);
        gql_json_doc *doc = gql_json_parse(text, len, 0, &err);
        gql_set_allocator(NULL);
        if (doc) {
            done = true;
            CHECK_EQ_INT(gql_json_doc_root(doc)->count, 300);
            CHECK_EQ_INT(gql_json_doc_root(doc)->u.items[0]->count, 10);
        } else {
            CHECK_EQ_INT(err.code, GQL_ERR_NOMEM);
        }
        gql_json_doc_free(doc);
        gql_error_clear(&err);
    }
    CHECK(done);
    gql_free(text);
}

int main(void) {
    RUN(test_valid);
    RUN(test_duplicate_keys);
    RUN(test_numbers);
    RUN(test_invalid);
    RUN(test_utf8);
    RUN(test_depth);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
