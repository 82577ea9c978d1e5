/*
 * test_json_writer.c: the JSON writer against Python's json.dumps(value,
 * separators=(",", ":"), ensure_ascii=False), expectations generated into
 * json_cases.h by gen/gen_json_cases.py: floats in Python's repr (edges and
 * random doubles of every kind), string escapes, a whole document with
 * nesting and separators. Then NaN and infinities refused, large output,
 * and out of memory at every allocation.
 */
#include <math.h>
#include <stdlib.h>

#include "harness.h"
#include "json/writer.h"
#include "json_cases.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static double double_of(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static void test_floats(void) {
    char buf[GQL_DOUBLE_REPR_MAX];
    for (size_t i = 0; i < COUNT(float_cases); i++) {
        double v = double_of(float_cases[i].bits);
        size_t n = gql_format_double(v, buf);
        CHECK_EQ_INT(n, strlen(float_cases[i].expected));
        CHECK_EQ_STR(buf, float_cases[i].expected);
        gql_json_writer w = GQL_JSON_WRITER_INIT;
        CHECK(gql_json_double(&w, v));
        char *out = gql_json_writer_finish(&w, NULL);
        CHECK_EQ_STR(out, float_cases[i].expected);
        gql_free(out);
    }
    CHECK(COUNT(float_cases) > 1000);
}

static void test_not_finite(void) {
    char buf[GQL_DOUBLE_REPR_MAX];
    CHECK_EQ_INT(gql_format_double(NAN, buf), 0);
    CHECK_EQ_STR(buf, "");
    CHECK_EQ_INT(gql_format_double(INFINITY, buf), 0);
    CHECK_EQ_INT(gql_format_double(-INFINITY, buf), 0);
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    gql_json_begin_array(&w);
    CHECK(!gql_json_double(&w, NAN));
    CHECK(!gql_json_double(&w, INFINITY));
    gql_json_int(&w, 1);
    gql_json_end_array(&w);
    char *out = gql_json_writer_finish(&w, NULL);
    CHECK_EQ_STR(out, "[1]");
    gql_free(out);
}

static void test_strings(void) {
    for (size_t i = 0; i < COUNT(string_cases); i++) {
        const string_case *c = &string_cases[i];
        gql_json_writer w;
        gql_json_writer_init(&w);
        gql_json_string(&w, c->value, c->len);
        size_t len = 0;
        char *out = gql_json_writer_finish(&w, &len);
        CHECK_EQ_INT(len, strlen(c->expected));
        CHECK_EQ_STR(out, c->expected);
        gql_free(out);
        /* The same string as a key. */
        gql_json_begin_object(&w);
        gql_json_key(&w, c->value, c->len);
        gql_json_int(&w, 0);
        gql_json_end_object(&w);
        out = gql_json_writer_finish(&w, NULL);
        char want[1024];
        snprintf(want, sizeof want, "{%s:0}", c->expected);
        CHECK_EQ_STR(out, want);
        gql_free(out);
    }
}

/* The document of gen_json_cases.py, written call by call. */
static void write_document(gql_json_writer *w) {
    gql_json_begin_object(w);
    gql_json_key_name(w, "data", 4);
    gql_json_begin_object(w);
    gql_json_key_name(w, "a", 1);
    gql_json_begin_array(w);
    gql_json_int(w, 1);
    gql_json_int(w, -2);
    gql_json_double(w, 3.5);
    gql_json_null(w);
    gql_json_bool(w, true);
    gql_json_bool(w, false);
    gql_json_string(w, "x", 1);
    gql_json_end_array(w);
    gql_json_key_name(w, "b", 1);
    gql_json_begin_object(w);
    gql_json_end_object(w);
    gql_json_key_name(w, "c", 1);
    gql_json_begin_array(w);
    gql_json_end_array(w);
    gql_json_key_name(w, "d", 1);
    gql_json_begin_array(w);
    gql_json_begin_array(w);
    gql_json_end_array(w);
    gql_json_begin_object(w);
    gql_json_end_object(w);
    gql_json_begin_array(w);
    gql_json_begin_object(w);
    gql_json_end_object(w);
    gql_json_end_array(w);
    gql_json_end_array(w);
    gql_json_key(w, "k\"ey\n", 5);
    gql_json_begin_object(w);
    gql_json_key_name(w, "nested", 6);
    gql_json_begin_object(w);
    gql_json_key_name(w, "deep", 4);
    gql_json_begin_array(w);
    gql_json_double(w, 0.1);
    gql_json_double(w, -0.0);
    gql_json_double(w, 1e100);
    gql_json_end_array(w);
    gql_json_end_object(w);
    gql_json_end_object(w);
    gql_json_end_object(w);
    gql_json_key_name(w, "errors", 6);
    gql_json_begin_array(w);
    gql_json_begin_object(w);
    gql_json_key_name(w, "message", 7);
    gql_json_string(w, "m", 1);
    gql_json_key_name(w, "locations", 9);
    gql_json_begin_array(w);
    gql_json_begin_object(w);
    gql_json_key_name(w, "line", 4);
    gql_json_int(w, 1);
    gql_json_key_name(w, "column", 6);
    gql_json_int(w, 2);
    gql_json_end_object(w);
    gql_json_end_array(w);
    gql_json_key_name(w, "path", 4);
    gql_json_begin_array(w);
    gql_json_string(w, "a", 1);
    gql_json_raw(w, "0", 1);
    gql_json_end_array(w);
    gql_json_end_object(w);
    gql_json_end_array(w);
    gql_json_key_name(w, "min", 3);
    gql_json_int(w, INT64_MIN);
    gql_json_key_name(w, "max", 3);
    gql_json_int(w, INT64_MAX);
    gql_json_end_object(w);
}

static void test_document(void) {
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    write_document(&w);
    size_t len;
    char *out = gql_json_writer_finish(&w, &len);
    CHECK_EQ_STR(out, document_expected);
    CHECK_EQ_INT(len, strlen(document_expected));
    gql_free(out);
    /* An empty writer gives an empty string; free is safe twice. */
    out = gql_json_writer_finish(&w, &len);
    CHECK_EQ_STR(out, "");
    CHECK_EQ_INT(len, 0);
    gql_free(out);
    gql_json_writer_free(&w);
    gql_json_writer_free(&w);
}

/* Many values and long strings grow the buffer many times. */
static void test_large(void) {
    enum { N = 100000 };
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    gql_json_begin_array(&w);
    for (int i = 0; i < N; i++) gql_json_int(&w, i);
    char *big = malloc(1 << 20);
    CHECK(big != NULL);
    if (!big) return;
    for (size_t i = 0; i < 1 << 20; i++) big[i] = (i % 1000 == 999) ? '\n' : 'x';
    gql_json_string(&w, big, 1 << 20);
    gql_json_end_array(&w);
    size_t len;
    char *out = gql_json_writer_finish(&w, &len);
    CHECK(out != NULL);
    /* Digits of 0..99999, 99999 commas and 2 brackets, then the string:
     * one comma, quotes, 1048576 bytes and one escape byte per newline. */
    size_t digits = 10 + 90 * 2 + 900 * 3 + 9000 * 4 + 90000 * 5;
    CHECK_EQ_INT(len, digits + (N - 1) + 2 + 1 + 2 + (1 << 20) + (1 << 20) / 1000);
    if (out) CHECK(strncmp(out, "[0,1,2,", 7) == 0 && out[len - 1] == ']');
    gql_free(out);
    free(big);
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

static void test_out_of_memory(void) {
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    bool succeeded = false;
    for (long n = 0; n < 100 && !succeeded; n++) {
        allocations_left = n;
        gql_set_allocator(&failing);
        gql_json_writer w = GQL_JSON_WRITER_INIT;
        write_document(&w);
        /* Enough output to need several reallocations. */
        gql_json_begin_array(&w);
        for (int i = 0; i < 2000; i++) gql_json_string(&w, "\"escaped\"", 9);
        gql_json_end_array(&w);
        size_t len;
        char *out = gql_json_writer_finish(&w, &len);
        gql_set_allocator(NULL);
        if (out) {
            succeeded = true;
            CHECK(strncmp(out, document_expected, strlen(document_expected)) == 0);
        }
        gql_free(out);
    }
    CHECK(succeeded);
    /* finish on an empty writer can fail too. */
    allocations_left = 0;
    gql_set_allocator(&failing);
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    CHECK(gql_json_writer_finish(&w, NULL) == NULL);
    gql_set_allocator(NULL);
}

int main(void) {
    RUN(test_floats);
    RUN(test_not_finite);
    RUN(test_strings);
    RUN(test_document);
    RUN(test_large);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
