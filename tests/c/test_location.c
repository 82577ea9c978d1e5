/*
 * test_location.c: byte offsets to line and column exactly as graphql-core
 * computes them ("\r\n", "\n" and "\r" end lines; columns count code points).
 */
#include "harness.h"

static void check(const char *src, size_t offset, unsigned line, unsigned column) {
    gql_location loc = gql_locate(src, strlen(src), offset);
    if (loc.line != line || loc.column != column)
        gql_test_fail(__FILE__, __LINE__, "offset %zu in %s: %u:%u, expected %u:%u", offset, src,
                      loc.line, loc.column, line, column);
}

static void test_line_endings(void) {
    check("abc", 0, 1, 1);
    check("abc", 2, 1, 3);
    check("a\nbc", 2, 2, 1);
    check("a\r\nbc", 3, 2, 1);
    check("a\r\nbc", 4, 2, 2);
    check("a\rbc", 2, 2, 1);
    check("a\n\nb", 3, 3, 1);
    check("a\r\rb", 3, 3, 1);
    check("a\n\r\nb", 4, 3, 1);
    /* Between "\r" and "\n": graphql-core counts the line break and reports
       column 0. */
    check("a\r\nbc", 2, 2, 0);
    check("\r\n\r\n{ a }", 1, 2, 0);
}

static void test_columns_count_code_points(void) {
    /* "é" is two bytes, "😀" four: both are one column. */
    check("\xc3\xa9x", 2, 1, 2);
    check("\xf0\x9f\x98\x80x", 4, 1, 2);
    check("a\n\xc3\xa9\xc3\xa9x", 6, 2, 3);
    CHECK_EQ_INT(gql_codepoint_offset("\xc3\xa9\xf0\x9f\x98\x80z", 7, 6), 2);
    CHECK_EQ_INT(gql_codepoint_offset("abc", 3, 3), 3);
}

static void test_offset_past_end_is_clamped(void) {
    check("ab", 10, 1, 3);
    check("", 0, 1, 1);
}

static void test_error_locations_in_multiline_sources(void) {
    PARSE_ERR("{\r\n  a\r\n  b(x: 1x) }", "Syntax Error: Invalid number, expected digit but got: 'x'.",
              3, 9);
    PARSE_ERR("{ a\r  ?\r}", "Syntax Error: Unexpected character: '?'.", 2, 3);
    PARSE_ERR("{ \xc3\xa9\xc3\xa9 ?", "Syntax Error: Unexpected character: U+00E9.", 1, 3);
    PARSE_ERR("# \xf0\x9f\x98\x80\n{ a(x: \"\xf0\x9f\x98\x80\" ?) }",
              "Syntax Error: Unexpected character: '?'.", 2, 12);
}

int main(void) {
    RUN(test_line_endings);
    RUN(test_columns_count_code_points);
    RUN(test_offset_past_end_is_clamped);
    RUN(test_error_locations_in_multiline_sources);
    return gql_test_summary();
}
