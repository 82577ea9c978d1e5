/*
 * test_lexer.c: token values as the parser records them in the AST: string
 * escapes (including \u{...} and surrogate pairs), block-string dedenting,
 * numbers kept as source text, names interned, ignored characters.
 */
#include "harness.h"

/* The value of the first argument of the first field of "{ f(a: VALUE) }". */
static const gql_node *arg_value(gql_document *doc) {
    const gql_document_node *root = gql_document_root(doc);
    const gql_operation_definition *op = (const gql_operation_definition *)root->definitions.items[0];
    const gql_field *f = (const gql_field *)op->selection_set->selections.items[0];
    return ((const gql_argument *)f->arguments.items[0])->value;
}

static void check_string(const char *value_src, const char *expected, size_t expected_len,
                         bool block) {
    char src[512];
    snprintf(src, sizeof src, "{ f(a: %s) }", value_src);
    gql_document *doc = PARSE_OK(src);
    if (!doc) return;
    const gql_string_value *v = (const gql_string_value *)arg_value(doc);
    CHECK_EQ_INT(v->base.kind, GQL_STRING_VALUE);
    CHECK_EQ_INT((v->base.flags & GQL_FLAG_BLOCK) != 0, block);
    if (v->value.len != expected_len || memcmp(v->value.ptr, expected, expected_len) != 0)
        gql_test_fail(__FILE__, __LINE__, "value of %s: got [%.*s], expected [%s]", value_src,
                      (int)v->value.len, v->value.ptr, expected);
    CHECK(v->value.ptr[v->value.len] == '\0');
    gql_document_free(doc);
}
#define STR(src, expected, block) check_string((src), (expected), sizeof(expected) - 1, (block))

static void test_strings(void) {
    STR("\"\"", "", false);
    STR("\"simple\"", "simple", false);
    STR("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"", "a\"b\\c/d\be\ff\ng\rh\ti", false);
    STR("\"\\u00e9\\u00E9\"", "\xc3\xa9\xc3\xa9", false);
    STR("\"\\u{1F600}\"", "\xf0\x9f\x98\x80", false);
    STR("\"\\u{0}\"", "\0", false);
    STR("\"\\uD83D\\uDE00\"", "\xf0\x9f\x98\x80", false);
    STR("\"unicode \xe2\x98\x83 kept\"", "unicode \xe2\x98\x83 kept", false);
}

static void test_block_strings(void) {
    STR("\"\"\"\"\"\"", "", true);
    STR("\"\"\"  simple  \"\"\"", "  simple  ", true);
    STR("\"\"\"\n    hello\n      world\n    \"\"\"", "hello\n  world", true);
    STR("\"\"\"first\n    second\n      third\"\"\"", "first\nsecond\n  third", true);
    STR("\"\"\"\n\n  a\n\n  b\n\n\"\"\"", "a\n\nb", true);
    STR("\"\"\"\r\n  a\r\n  b\r  c\"\"\"", "a\nb\nc", true);
    STR("\"\"\"contains \\\"\"\" quotes\"\"\"", "contains \"\"\" quotes", true);
    STR("\"\"\"no \\n escape\"\"\"", "no \\n escape", true);
    STR("\"\"\"\n\t\ta\n\t\t  b\"\"\"", "a\n  b", true);
    STR("\"\"\"   \n   \"\"\"", "", true);
}

static void test_numbers_keep_source_text(void) {
    static const struct { const char *src; gql_kind kind; } cases[] = {
        {"0", GQL_INT_VALUE},        {"-0", GQL_INT_VALUE},     {"123", GQL_INT_VALUE},
        {"-45", GQL_INT_VALUE},      {"1.5", GQL_FLOAT_VALUE},  {"-0.25", GQL_FLOAT_VALUE},
        {"1e10", GQL_FLOAT_VALUE},   {"1E-3", GQL_FLOAT_VALUE}, {"6.02e+23", GQL_FLOAT_VALUE},
        {"123456789012345678901234567890", GQL_INT_VALUE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char src[128];
        snprintf(src, sizeof src, "{ f(a: %s) }", cases[i].src);
        gql_document *doc = PARSE_OK(src);
        if (!doc) continue;
        const gql_scalar_value *v = (const gql_scalar_value *)arg_value(doc);
        CHECK_EQ_INT(v->base.kind, cases[i].kind);
        CHECK_EQ_STR(v->value.ptr, cases[i].src);
        gql_document_free(doc);
    }
}

static void test_names_are_interned(void) {
    gql_document *doc = PARSE_OK("{ user { user } user: name }");
    if (!doc) return;
    const gql_operation_definition *op =
        (const gql_operation_definition *)gql_document_root(doc)->definitions.items[0];
    const gql_field *a = (const gql_field *)op->selection_set->selections.items[0];
    const gql_field *b = (const gql_field *)a->selection_set->selections.items[0];
    const gql_field *c = (const gql_field *)op->selection_set->selections.items[1];
    CHECK(a->name->value == b->name->value);
    CHECK(a->name->value == c->alias->value);
    CHECK(a->name->value != c->name->value);
    CHECK_EQ_STR(c->name->value->str, "name");
    CHECK_EQ_INT(c->name->value->len, 4);
    gql_document_free(doc);
}

static void test_ignored_characters(void) {
    /* BOM, commas, tabs, every line terminator and comments are ignored. */
    gql_document *doc = PARSE_OK("\xef\xbb\xbf# comment\r\n{,\ta\r\n,b\r#x\n\xef\xbb\xbf c}");
    if (!doc) return;
    const gql_operation_definition *op =
        (const gql_operation_definition *)gql_document_root(doc)->definitions.items[0];
    CHECK_EQ_INT(op->selection_set->selections.count, 3);
    CHECK_EQ_INT(gql_document_token_count(doc), 7); /* 2 comments + { a b c } */
    gql_document_free(doc);
}

int main(void) {
    RUN(test_strings);
    RUN(test_block_strings);
    RUN(test_numbers_keep_source_text);
    RUN(test_names_are_interned);
    RUN(test_ignored_characters);
    return gql_test_summary();
}
