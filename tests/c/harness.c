/* harness.c: see harness.h. */
#include "harness.h"

#include <stdarg.h>
#include <stdlib.h>

#ifndef GQL_TEST_DATA
#define GQL_TEST_DATA "tests/c/data"
#endif

int gql_test_failed_checks;
static int tests_passed, tests_failed;

void gql_test_fail(const char *file, int line, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    gql_test_failed_checks++;
}

void gql_test_run(const char *name, void (*fn)(void)) {
    gql_test_failed_checks = 0;
    fn();
    if (gql_test_failed_checks) {
        tests_failed++;
        fprintf(stderr, "FAIL %s\n", name);
    } else {
        tests_passed++;
    }
}

int gql_test_summary(void) {
    printf("%d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed ? 1 : 0;
}

gql_document *gql_test_parse(const char *file, int line, const char *source) {
    gql_error err = {0};
    gql_document *doc = gql_parse(source, strlen(source), NULL, &err);
    if (!doc) {
        gql_location loc = gql_locate(source, strlen(source), err.offset);
        gql_test_fail(file, line, "parse failed: %s (%u:%u)", err.message,
                      loc.line, loc.column);
        gql_error_clear(&err);
    }
    return doc;
}

void gql_test_parse_error(const char *file, int line, const char *source,
                          const gql_parse_options *options, const char *message,
                          unsigned err_line, unsigned err_column) {
    gql_error err = {0};
    size_t len = strlen(source);
    gql_document *doc = gql_parse(source, len, options, &err);
    if (doc) {
        gql_test_fail(file, line, "expected error %s, but the parse succeeded", message);
        gql_document_free(doc);
        return;
    }
    gql_location loc = gql_locate(source, len, err.offset);
    if (strcmp(err.message, message) != 0)
        gql_test_fail(file, line, "message:\n  got:      %s\n  expected: %s", err.message,
                      message);
    if (loc.line != err_line || loc.column != err_column)
        gql_test_fail(file, line, "location of %s: got %u:%u, expected %u:%u", message,
                      loc.line, loc.column, err_line, err_column);
    gql_error_clear(&err);
}

char *gql_test_read_data(const char *name, size_t *length) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GQL_TEST_DATA, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        gql_test_fail(__FILE__, __LINE__, "cannot open %s", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    if (length) *length = (size_t)n;
    return buf;
}
