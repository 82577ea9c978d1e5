/*
 * harness.h: the tiny test harness shared by the C tests. A test file defines
 * test functions, lists them in main with RUN(name), and ends with
 * return gql_test_summary(). Each check that fails prints its file, line and
 * expression; the summary prints "N passed, N failed" as its last line.
 */
#ifndef GQL_TEST_HARNESS_H
#define GQL_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

#include "graftql.h"

extern int gql_test_failed_checks;  /* checks failed in the current test */

void gql_test_run(const char *name, void (*fn)(void));
int gql_test_summary(void);
void gql_test_fail(const char *file, int line, const char *fmt, ...);

#define RUN(fn) gql_test_run(#fn, fn)

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) gql_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                   \
    do {                                                                     \
        long long a_ = (long long)(a), b_ = (long long)(b);                  \
        if (a_ != b_)                                                        \
            gql_test_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, \
                          a_, b_);                                           \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                     \
    do {                                                                       \
        const char *a_ = (a), *b_ = (b);                                       \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                 \
            gql_test_fail(__FILE__, __LINE__, "%s == %s:\n  got:      %s\n  expected: %s", \
                          #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");     \
    } while (0)

/* Parse source with default options; on failure record a test failure. */
gql_document *gql_test_parse(const char *file, int line, const char *source);
#define PARSE_OK(src) gql_test_parse(__FILE__, __LINE__, (src))

/*
 * Parse source expecting an error: checks the message and the 1-based line
 * and column of the error. Returns nothing; frees everything.
 */
void gql_test_parse_error(const char *file, int line, const char *source,
                          const gql_parse_options *options, const char *message,
                          unsigned err_line, unsigned err_column);
#define PARSE_ERR(src, msg, l, c) gql_test_parse_error(__FILE__, __LINE__, (src), NULL, (msg), (l), (c))
#define PARSE_ERR_OPT(src, opt, msg, l, c) \
    gql_test_parse_error(__FILE__, __LINE__, (src), (opt), (msg), (l), (c))

/* Read a whole file under tests/c/data; returns a malloc'd NUL-terminated
 * buffer or NULL (and records a failure). */
char *gql_test_read_data(const char *name, size_t *length);

#endif
