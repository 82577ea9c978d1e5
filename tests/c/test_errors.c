/*
 * test_errors.c: every syntax error graphql-core 3.2 raises, with its exact
 * message, line and column. The expectations were produced by running
 * graphql-core 3.2.14 on each source; the sources cover each message of the
 * lexer and the parser at least once.
 */
#include <stdlib.h>

#include "harness.h"

typedef struct {
    const char *source;
    size_t length; /* 0: strlen(source) */
    const char *message;
    size_t message_len;
    unsigned line, column;
} error_case;

static const error_case cases[] = {
    {"query { a(x: 01) }", 18, "Syntax Error: Invalid number, unexpected digit after 0: '1'.", 60, 1, 15},
    {"query { a(x: 1.) }", 18, "Syntax Error: Invalid number, expected digit but got: ')'.", 58, 1, 16},
    {"query { a(x: 1.2e) }", 20, "Syntax Error: Invalid number, expected digit but got: ')'.", 58, 1, 18},
    {"query { a(x: 1x) }", 18, "Syntax Error: Invalid number, expected digit but got: 'x'.", 58, 1, 15},
    {"query { a(x: -) }", 17, "Syntax Error: Invalid number, expected digit but got: ')'.", 58, 1, 15},
    {"{ a(x: \"abc) }", 14, "Syntax Error: Unterminated string.", 34, 1, 15},
    {"{ a(x: \"a\\qb\") }", 16, "Syntax Error: Invalid character escape sequence: '\\q'.", 54, 1, 10},
    {"{ a(x: \"\\u{110000}\") }", 22, "Syntax Error: Invalid Unicode escape sequence: '\\u{110000}'.", 60, 1, 9},
    {"{ a(x: \"\\u{}\") }", 16, "Syntax Error: Invalid Unicode escape sequence: '\\u{}'.", 54, 1, 9},
    {"{ a(x: \"\\u{12G}\") }", 19, "Syntax Error: Invalid Unicode escape sequence: '\\u{12G'.", 56, 1, 9},
    {"{ a(x: \"\\u{123\") }", 18, "Syntax Error: Invalid Unicode escape sequence: '\\u{123\"'.", 57, 1, 9},
    {"{ a(x: \"\\uD83D\") }", 18, "Syntax Error: Invalid Unicode escape sequence: '\\uD83D'.", 56, 1, 9},
    {"{ a(x: \"\\uD83D\\u0041\") }", 24, "Syntax Error: Invalid Unicode escape sequence: '\\uD83D'.", 56, 1, 9},
    {"{ a(x: \"\\uDE00\") }", 18, "Syntax Error: Invalid Unicode escape sequence: '\\uDE00'.", 56, 1, 9},
    {"{ a(x: \"\\u12\") }", 16, "Syntax Error: Invalid Unicode escape sequence: '\\u12\")'.", 56, 1, 9},
    {"{ a(x: \"\\", 9, "Syntax Error: Invalid character escape sequence: '\\'.", 53, 1, 9},
    {"{ a(x: 'a') }", 13, "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 92, 1, 8},
    {"{ a ? }", 7, "Syntax Error: Unexpected character: '?'.", 40, 1, 5},
    {"{ a . }", 7, "Syntax Error: Unexpected character: '.'.", 40, 1, 5},
    {"{ a .. }", 8, "Syntax Error: Unexpected character: '.'.", 40, 1, 5},
    {"{ \303\251 }", 6, "Syntax Error: Unexpected character: U+00E9.", 43, 1, 3},
    {"\"\"\"desc\"\"\" { a }", 16, "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 90, 1, 1},
    {"\"desc\" foo", 10, "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 84, 1, 1},
    {"\"desc\" extend type X @a", 23, "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 84, 1, 1},
    {"extend type X", 13, "Syntax Error: Unexpected <EOF>.", 31, 1, 14},
    {"extend foo", 10, "Syntax Error: Unexpected Name 'foo'.", 36, 1, 8},
    {"extend schema", 13, "Syntax Error: Unexpected <EOF>.", 31, 1, 14},
    {"extend scalar X", 15, "Syntax Error: Unexpected <EOF>.", 31, 1, 16},
    {"enum E { true }", 15, "Syntax Error: Name 'true' is reserved and cannot be used for an enum value.", 75, 1, 10},
    {"enum E { \"d\" \"null\" }", 21, "Syntax Error: String 'null' is reserved and cannot be used for an enum value.", 77, 1, 14},
    {"fragment on on T { a }", 22, "Syntax Error: Unexpected Name 'on'.", 35, 1, 10},
    {"fragment \"on\" on T { a }", 24, "Syntax Error: Unexpected String 'on'.", 37, 1, 10},
    {"query ($a: Int = $b) { a }", 26, "Syntax Error: Unexpected variable '$b' in constant value.", 57, 1, 18},
    {"query ($a: Int = [$b]) { a }", 28, "Syntax Error: Unexpected variable '$b' in constant value.", 57, 1, 19},
    {"type T @d(a: $x) { f: Int }", 27, "Syntax Error: Unexpected variable '$x' in constant value.", 57, 1, 14},
    {"directive @d on FOO", 19, "Syntax Error: Unexpected Name 'FOO'.", 36, 1, 17},
    {"union U =", 9, "Syntax Error: Expected Name, found <EOF>.", 41, 1, 10},
    {"schema { foo: Q }", 17, "Syntax Error: Unexpected Name 'foo'.", 36, 1, 10},
    {"foo { a }", 9, "Syntax Error: Unexpected Name 'foo'.", 36, 1, 1},
    {"", 0, "Syntax Error: Unexpected <EOF>.", 31, 1, 1},
    {"# only a comment", 16, "Syntax Error: Unexpected <EOF>.", 31, 1, 17},
    {"{ a(x: \"\"\"unterminated", 22, "Syntax Error: Unterminated string.", 34, 1, 23},
    {"{ a }}", 6, "Syntax Error: Unexpected '}'.", 29, 1, 6},
    {"query Q($a: [[Int]!) { a }", 26, "Syntax Error: Expected ']', found ')'.", 38, 1, 20},
    {"{ a(x: 0x1) }", 13, "Syntax Error: Invalid number, expected digit but got: 'x'.", 58, 1, 9},
    {"{ a(x: 00) }", 12, "Syntax Error: Invalid number, unexpected digit after 0: '0'.", 60, 1, 9},
    {"{ a(x: -01) }", 13, "Syntax Error: Invalid number, unexpected digit after 0: '1'.", 60, 1, 10},
    {"{ a(x: 1e5.5) }", 15, "Syntax Error: Invalid number, expected digit but got: '.'.", 58, 1, 11},
    {"{ a(x: 1_000) }", 15, "Syntax Error: Invalid number, expected digit but got: '_'.", 58, 1, 9},
    {"{ a @ }", 7, "Syntax Error: Expected Name, found '}'.", 39, 1, 7},
    {"{ ...on }", 9, "Syntax Error: Expected Name, found '}'.", 39, 1, 9},
    {"{ ... on T }", 12, "Syntax Error: Expected '{', found '}'.", 38, 1, 12},
    {"{ a: }", 6, "Syntax Error: Expected Name, found '}'.", 39, 1, 6},
    {"{ a(:1) }", 9, "Syntax Error: Expected Name, found ':'.", 39, 1, 5},
    {"{ a() }", 7, "Syntax Error: Expected Name, found ')'.", 39, 1, 5},
    {"type T {}", 9, "Syntax Error: Expected Name, found '}'.", 39, 1, 9},
    {"type T { f(): Int }", 19, "Syntax Error: Expected Name, found ')'.", 39, 1, 12},
    {"{ a(x: \"\\u{1\0002}\") }", 19, "Syntax Error: Invalid Unicode escape sequence: '\\u{1\000'.", 55, 1, 9},
    {"{ a(x: \"\355\240\200\") }", 15, "Syntax Error: Invalid character within String: U+D800.", 54, 1, 9},
    {"\355\240\275\355\270\200", 6, "Syntax Error: Unexpected character: U+1F600.", 44, 1, 1},
    {"{ a(x: \"\\u{D800}\") }", 20, "Syntax Error: Invalid Unicode escape sequence: '\\u{D800}'.", 58, 1, 9},
    {"{ a\r\n  b(x: 1x) }", 17, "Syntax Error: Invalid number, expected digit but got: 'x'.", 58, 2, 9},
    {"{ a\r  ?\r}", 9, "Syntax Error: Unexpected character: '?'.", 40, 2, 3},
    {"query Q { a(x: \"\"\" \\\"\"\" \"\"\") } ?", 32, "Syntax Error: Unexpected character: '?'.", 40, 1, 32},
};

static void test_syntax_errors(void) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const error_case *c = &cases[i];
        gql_error err = {0};
        gql_document *doc = gql_parse(c->source, c->length, NULL, &err);
        if (doc) {
            gql_test_fail(__FILE__, __LINE__, "case %zu parsed, expected: %s", i, c->message);
            gql_document_free(doc);
            continue;
        }
        CHECK_EQ_INT(err.code, GQL_ERR_SYNTAX);
        if (err.message_len != c->message_len || memcmp(err.message, c->message, c->message_len))
            gql_test_fail(__FILE__, __LINE__, "case %zu message:\n  got:      %s\n  expected: %s", i,
                          err.message, c->message);
        gql_location loc = gql_locate(c->source, c->length, err.offset);
        if (loc.line != c->line || loc.column != c->column)
            gql_test_fail(__FILE__, __LINE__, "case %zu (%s) at %u:%u, expected %u:%u", i,
                          c->message, loc.line, loc.column, c->line, c->column);
        gql_error_clear(&err);
    }
}

static void test_error_clear_is_idempotent(void) {
    gql_error err = {0};
    gql_error_clear(&err);
    CHECK(gql_parse("{", 1, NULL, &err) == NULL);
    CHECK(err.message != NULL);
    gql_error_clear(&err);
    CHECK(err.message == NULL);
    CHECK_EQ_INT(err.code, GQL_OK);
    gql_error_clear(&err);
}

static void test_invalid_arguments(void) {
    gql_error err = {0};
    CHECK(gql_parse(NULL, 3, NULL, &err) == NULL);
    CHECK_EQ_INT(err.code, GQL_ERR_ARG);
    gql_error_clear(&err);
    gql_parse_options o;
    gql_parse_options_init(&o);
    o.max_depth = 0;
    CHECK(gql_parse("{a}", 3, &o, &err) == NULL);
    CHECK_EQ_INT(err.code, GQL_ERR_ARG);
    CHECK_EQ_STR(err.message, "max_depth must be between 1 and 4096, got 0.");
    gql_error_clear(&err);
    o.max_depth = GQL_MAX_DEPTH_CEILING + 1;
    CHECK(gql_parse("{a}", 3, &o, &err) == NULL);
    CHECK_EQ_INT(err.code, GQL_ERR_ARG);
    gql_error_clear(&err);
}

int main(void) {
    RUN(test_syntax_errors);
    RUN(test_error_clear_is_idempotent);
    RUN(test_invalid_arguments);
    return gql_test_summary();
}
