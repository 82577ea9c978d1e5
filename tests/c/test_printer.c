/*
 * test_printer.c: gql_print against graphql-core 3.2.14's print_ast. Every
 * expected string here and every tests/c/data/...printed.graphql file was
 * produced by graphql-core itself (print_ast(parse(source)), or
 * print_block_string / print_string / is_printable_as_block_string on the
 * same values), never written by hand.
 *
 * Covered: the executable and type system kitchen sinks (and that printing
 * is a fixed point), block string forms, string escapes, argument wrapping at
 * the 80-column limit, hand-built nodes the parser cannot produce, and every
 * allocation failure of the printer. Results are released with gql_free.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "language/printer.h"

/*=== MARK: Helpers =========================================================*/

/* Compare bytes (the output may hold NULs); on a mismatch report where. */
static void check_bytes(const char *file, int line, const char *got, size_t got_len,
                        const char *expected, size_t expected_len) {
    if (!got) {
        gql_test_fail(file, line, "printing failed");
        return;
    }
    if (got_len == expected_len && memcmp(got, expected, got_len) == 0) return;
    size_t at = 0;
    while (at < got_len && at < expected_len && got[at] == expected[at]) at++;
    gql_test_fail(file, line,
                  "output differs at byte %zu (lengths %zu, %zu):\n  got:      %.*s\n"
                  "  expected: %.*s",
                  at, got_len, expected_len, (int)(got_len - at), got + at,
                  (int)(expected_len - at), expected + at);
}
#define CHECK_BYTES(got, got_len, exp, exp_len) \
    check_bytes(__FILE__, __LINE__, (got), (got_len), (exp), (exp_len))

static const gql_node *root_of(const gql_document *doc) {
    return (const gql_node *)gql_document_root(doc);
}

/* Print parse(source), compare with expected, and check that printing the
 * printed text again gives it back unchanged. */
static void check_print(const char *file, int line, const char *source,
                        const char *expected) {
    gql_document *doc = gql_test_parse(file, line, source);
    if (!doc) return;
    size_t len = 0;
    char *out = gql_print(root_of(doc), &len);
    check_bytes(file, line, out, len, expected, strlen(expected));
    if (out) {
        gql_document *again = gql_test_parse(file, line, out);
        if (again) {
            size_t len2 = 0;
            char *out2 = gql_print(root_of(again), &len2);
            check_bytes(file, line, out2, len2, out, len);
            gql_free(out2);
            gql_document_free(again);
        }
    }
    gql_free(out);
    gql_document_free(doc);
}
#define CHECK_PRINT(src, expected) check_print(__FILE__, __LINE__, (src), (expected))

/* "c" repeated n times (c may be a multi-byte character), in a static
 * buffer big enough for the cases here; the next call overwrites it. */
static const char *repeat(const char *c, size_t n) {
    static char buf[512];
    size_t clen = strlen(c);
    if (clen * n >= sizeof buf) return "";
    for (size_t i = 0; i < n; i++) memcpy(buf + i * clen, c, clen);
    buf[clen * n] = '\0';
    return buf;
}

/*=== MARK: Kitchen sinks ===================================================*/

static void check_data_file(const char *input, const char *printed) {
    size_t src_len, expected_len, out_len = 0;
    char *src = gql_test_read_data(input, &src_len);
    char *expected = gql_test_read_data(printed, &expected_len);
    gql_document *doc = src ? PARSE_OK(src) : NULL;
    if (doc && expected) {
        char *out = gql_print(root_of(doc), &out_len);
        CHECK_BYTES(out, out_len, expected, expected_len);
        gql_document *again = out ? PARSE_OK(out) : NULL;
        if (again) {
            size_t again_len = 0;
            char *out2 = gql_print(root_of(again), &again_len);
            CHECK_BYTES(out2, again_len, out, out_len);
            gql_free(out2);
            gql_document_free(again);
        }
        gql_free(out);
    }
    gql_document_free(doc);
    free(src);
    free(expected);
}

static void test_kitchen_sink(void) {
    check_data_file("kitchen_sink.graphql", "kitchen_sink.printed.graphql");
}

static void test_schema_kitchen_sink(void) {
    check_data_file("schema_kitchen_sink.graphql", "schema_kitchen_sink.printed.graphql");
}

/*=== MARK: Documents =======================================================*/

static void test_operations(void) {
    CHECK_PRINT("query { id }", "{\n  id\n}");
    CHECK_PRINT("query ($foo: TestType) @testDirective { id, name }",
                "query ($foo: TestType) @testDirective {\n  id\n  name\n}");
    CHECK_PRINT("mutation { id, name }", "mutation {\n  id\n  name\n}");
    CHECK_PRINT("subscription { s }", "subscription {\n  s\n}");
    CHECK_PRINT("query ($foo: TestType = {a: 123} @testDirective(if: true) @test) { id }",
                "query ($foo: TestType = {a: 123} @testDirective(if: true) @test) {\n  id\n}");
    /* A description puts every variable on its own line, unindented. */
    CHECK_PRINT("query Q(\"described\" $a: Int, $b: Int) { id }",
                "query Q(\n\"described\"\n$a: Int\n$b: Int\n) {\n  id\n}");
    CHECK_PRINT("\"described\" query { id }", "\"described\"\nquery {\n  id\n}");
    CHECK_PRINT("fragment F on T @d { a }", "fragment F on T @d {\n  a\n}");
    CHECK_PRINT("{ a } { b }", "{\n  a\n}\n\n{\n  b\n}");
}

static void test_type_system(void) {
    CHECK_PRINT("directive @d(\"arg\" a: Int) on FIELD",
                "directive @d(\n  \"arg\"\n  a: Int\n) on FIELD");
    CHECK_PRINT("type T { f(\"x\" a: Int, b: Int): Int }",
                "type T {\n  f(\n    \"x\"\n    a: Int\n    b: Int\n  ): Int\n}");
    CHECK_PRINT("extend schema { query: Q }", "extend schema {\n  query: Q\n}");
    CHECK_PRINT("union U = | A", "union U = A");
    CHECK_PRINT("directive @r repeatable on FIELD", "directive @r repeatable on FIELD");
}

/*=== MARK: Argument wrapping ===============================================*/

/* The limit is on the field prefix plus "(" arguments joined by ", " ")",
 * counted in code points, indentation excluded; more than 80 wraps. */
static void test_argument_wrapping(void) {
    char src[1024], expected[1024];
    const char *x72 = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /* f(a: "x*72") is exactly 80. */
    snprintf(src, sizeof src, "{ f(a: \"%s\") }", x72);
    snprintf(expected, sizeof expected, "{\n  f(a: \"%s\")\n}", x72);
    CHECK_PRINT(src, expected);
    snprintf(src, sizeof src, "{ f(a: \"%sx\") }", x72);
    snprintf(expected, sizeof expected, "{\n  f(\n    a: \"%sx\"\n  )\n}", x72);
    CHECK_PRINT(src, expected);

    /* The alias counts. */
    snprintf(src, sizeof src, "{ al: f(a: \"%s\") }", x72 + 4);
    snprintf(expected, sizeof expected, "{\n  al: f(a: \"%s\")\n}", x72 + 4);
    CHECK_PRINT(src, expected);
    snprintf(src, sizeof src, "{ al: f(a: \"%s\") }", x72 + 3);
    snprintf(expected, sizeof expected, "{\n  al: f(\n    a: \"%s\"\n  )\n}", x72 + 3);
    CHECK_PRINT(src, expected);

    /* So do the ", " separators. */
    snprintf(src, sizeof src, "{ f(a: 1, b: \"%s\") }", x72 + 6);
    snprintf(expected, sizeof expected, "{\n  f(a: 1, b: \"%s\")\n}", x72 + 6);
    CHECK_PRINT(src, expected);
    snprintf(src, sizeof src, "{ f(a: 1, b: \"%s\") }", x72 + 5);
    snprintf(expected, sizeof expected, "{\n  f(\n    a: 1\n    b: \"%s\"\n  )\n}", x72 + 5);
    CHECK_PRINT(src, expected);

    /* Code points, not bytes: 72 two-byte characters still fit. */
    snprintf(src, sizeof src, "{ f(a: \"%s\") }", repeat("\xC3\xA9", 72));
    snprintf(expected, sizeof expected, "{\n  f(a: \"%s\")\n}", repeat("\xC3\xA9", 72));
    CHECK_PRINT(src, expected);
    snprintf(src, sizeof src, "{ f(a: \"%s\") }", repeat("\xC3\xA9", 73));
    snprintf(expected, sizeof expected, "{\n  f(\n    a: \"%s\"\n  )\n}", repeat("\xC3\xA9", 73));
    CHECK_PRINT(src, expected);

    /* The indentation of the field does not count. */
    snprintf(src, sizeof src, "{ a { b { c { f(a: \"%s\") } } } }", x72);
    snprintf(expected, sizeof expected,
             "{\n  a {\n    b {\n      c {\n        f(a: \"%s\")\n      }\n    }\n  }\n}", x72);
    CHECK_PRINT(src, expected);

    /* A block string argument: its lines are indented with the field. */
    CHECK_PRINT("{ f(a: \"\"\"line one\n  line two\"\"\", b: 2) }",
                "{\n  f(a: \"\"\"\n  line one\n  line two\n  \"\"\", b: 2)\n}");
}

/*=== MARK: Strings =========================================================*/

typedef struct block_case {
    const char *value;
    size_t len;
    const char *printed;    /* print_block_string(value) */
    const char *minimized;  /* print_block_string(value, minimize=True) */
} block_case;

static const block_case block_cases[] = {
    {"", 0, "\"\"\"\"\"\"", "\"\"\"\"\"\""},
    {"a", 1, "\"\"\"a\"\"\"", "\"\"\"a\"\"\""},
    {" a", 2, "\"\"\" a\"\"\"", "\"\"\" a\"\"\""},
    {"\ta", 2, "\"\"\"\ta\"\"\"", "\"\"\"\ta\"\"\""},
    {"a ", 2, "\"\"\"a \"\"\"", "\"\"\"a \"\"\""},
    {"a\nb", 3, "\"\"\"\na\nb\n\"\"\"", "\"\"\"a\nb\"\"\""},
    {"a\n b", 4, "\"\"\"\na\n b\n\"\"\"", "\"\"\"\na\n b\"\"\""},
    {"\n a\n b", 6, "\"\"\"\n\n a\n b\n\"\"\"", "\"\"\"\n\n a\n b\"\"\""},
    {" a\n  b", 6, "\"\"\"\n a\n  b\n\"\"\"", "\"\"\"\n a\n  b\"\"\""},
    {"a\n\n b", 5, "\"\"\"\na\n\n b\n\"\"\"", "\"\"\"\na\n\n b\"\"\""},
    {"a\r\nb", 4, "\"\"\"\na\r\nb\n\"\"\"", "\"\"\"a\r\nb\"\"\""},
    {"a\rb", 3, "\"\"\"\na\rb\n\"\"\"", "\"\"\"a\rb\"\"\""},
    {"a\r b", 4, "\"\"\"\na\r b\n\"\"\"", "\"\"\"\na\r b\"\"\""},
    {"a\r\n b", 5, "\"\"\"\na\r\n b\n\"\"\"", "\"\"\"\na\r\n b\"\"\""},
    {"\"", 1, "\"\"\"\n\"\n\"\"\"", "\"\"\"\"\n\"\"\""},
    {"a\"", 2, "\"\"\"\na\"\n\"\"\"", "\"\"\"a\"\n\"\"\""},
    {"a\"\"", 3, "\"\"\"\na\"\"\n\"\"\"", "\"\"\"a\"\"\n\"\"\""},
    {"a\"\"\"", 4, "\"\"\"\na\\\"\"\"\n\"\"\"", "\"\"\"a\\\"\"\"\"\"\""},
    {"a\"\"\"\"", 5, "\"\"\"\na\\\"\"\"\"\n\"\"\"", "\"\"\"a\\\"\"\"\"\n\"\"\""},
    {"a\"\"\"\"\"", 6, "\"\"\"\na\\\"\"\"\"\"\n\"\"\"", "\"\"\"a\\\"\"\"\"\"\n\"\"\""},
    {"\"\"\"", 3, "\"\"\"\n\\\"\"\"\n\"\"\"", "\"\"\"\\\"\"\"\"\"\""},
    {"\"\"\"\"", 4, "\"\"\"\n\\\"\"\"\"\n\"\"\"", "\"\"\"\\\"\"\"\"\n\"\"\""},
    {"\"\"\"a", 4, "\"\"\"\\\"\"\"a\"\"\"", "\"\"\"\\\"\"\"a\"\"\""},
    {"a\"\"\"b\"\"\"c", 9, "\"\"\"a\\\"\"\"b\\\"\"\"c\"\"\"", "\"\"\"a\\\"\"\"b\\\"\"\"c\"\"\""},
    {"a\\", 2, "\"\"\"\na\\\n\"\"\"", "\"\"\"a\\\n\"\"\""},
    {"a\\\"\"\"", 5, "\"\"\"\na\\\\\"\"\"\n\"\"\"", "\"\"\"a\\\\\"\"\"\"\"\""},
    {"  ", 2, "\"\"\"  \"\"\"", "\"\"\"  \"\"\""},
    {"\n", 1, "\"\"\"\n\n\n\"\"\"", "\"\"\"\n\n\"\"\""},
    {"a\n", 2, "\"\"\"\na\n\n\"\"\"", "\"\"\"\na\n\"\"\""},
    {" \n x", 4, "\"\"\"\n \n x\n\"\"\"", "\"\"\"\n \n x\"\"\""},
    {"a\n\tb", 4, "\"\"\"\na\n\tb\n\"\"\"", "\"\"\"\na\n\tb\"\"\""},
    {"\"\"\"\n   x", 8, "\"\"\"\n\\\"\"\"\n   x\n\"\"\"", "\"\"\"\n\\\"\"\"\n   x\"\"\""},
};

static void check_block(const char *file, int line, const char *value, size_t len,
                        const char *printed, size_t printed_len,
                        const char *minimized, size_t minimized_len) {
    size_t out_len = 0;
    char *out = gql_print_block_string(value, len, false, &out_len);
    check_bytes(file, line, out, out_len, printed, printed_len);
    gql_free(out);
    out = gql_print_block_string(value, len, true, &out_len);
    check_bytes(file, line, out, out_len, minimized, minimized_len);
    gql_free(out);

    /* gql_print of a block string value node prints the same. */
    gql_string_value node = {{0, 0, GQL_STRING_VALUE, GQL_FLAG_BLOCK}, {value, len}};
    out = gql_print(&node.base, &out_len);
    check_bytes(file, line, out, out_len, printed, printed_len);
    gql_free(out);
}

static void test_block_strings(void) {
    for (size_t i = 0; i < sizeof block_cases / sizeof block_cases[0]; i++) {
        const block_case *c = &block_cases[i];
        check_block(__FILE__, __LINE__, c->value, c->len, c->printed, strlen(c->printed),
                    c->minimized, strlen(c->minimized));
    }
    /* Values with NUL bytes, spelled out with their lengths. */
    check_block(__FILE__, __LINE__, "a\000b", 3, "\"\"\"a\000b\"\"\"", 9,
                "\"\"\"a\000b\"\"\"", 9);
    check_block(__FILE__, __LINE__, "nul\000\n two", 9,
                "\"\"\"\nnul\000\n two\n\"\"\"", 17, "\"\"\"\nnul\000\n two\"\"\"", 16);

    /* More than 70 code points goes to separate lines, 70 does not. */
    static const struct {
        const char *c;
        size_t n;
        bool multiple_lines;
    } long_cases[] = {
        {"x", 70, false},
        {"x", 71, true},
        {"\xC3\xA9", 70, false},
        {"\xF0\x9F\x98\x80", 71, true},
    };
    for (size_t i = 0; i < sizeof long_cases / sizeof long_cases[0]; i++) {
        const char *value = repeat(long_cases[i].c, long_cases[i].n);
        char expected[600], minimized[600];
        snprintf(minimized, sizeof minimized, "\"\"\"%s\"\"\"", value);
        if (long_cases[i].multiple_lines)
            snprintf(expected, sizeof expected, "\"\"\"\n%s\n\"\"\"", value);
        else
            snprintf(expected, sizeof expected, "\"\"\"%s\"\"\"", value);
        check_block(__FILE__, __LINE__, value, strlen(value), expected, strlen(expected),
                    minimized, strlen(minimized));
    }
}

typedef struct printable_case {
    const char *value;
    size_t len;
    bool printable;
} printable_case;

static void test_printable_as_block_string(void) {
    static const printable_case cases[] = {
        {"", 0, true},          {"a", 1, true},           {"a\nb", 3, true},
        {"\na", 2, false},      {"a\n", 2, false},        {"a\n\n", 3, false},
        {" a\n b", 5, false},   {"a\n b", 4, true},       {"\ta", 2, true},
        {"a\rb", 3, false},     {"a\017b", 3, false},     {"a\020b", 3, true},
        {"a\000b", 3, false},   {"  \n a", 5, false},     {"a\n  \nb", 6, true},
        {"caf\303\251\n x", 8, true}, {" ", 1, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (gql_is_printable_as_block_string(cases[i].value, cases[i].len) !=
            cases[i].printable)
            gql_test_fail(__FILE__, __LINE__, "is_printable_as_block_string, case %zu", i);
    }
}

static void test_string_escapes(void) {
    char all_ascii[128];
    for (int i = 0; i < 128; i++) all_ascii[i] = (char)i;
    static const char ascii_printed[] =
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r"
        "\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
        "\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F !\\\"#$%&'()*+,-./0123456789"
        ":;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\\u007F\"";
    size_t len = 0;
    char *out = gql_print_string(all_ascii, sizeof all_ascii, &len);
    CHECK_BYTES(out, len, ascii_printed, sizeof ascii_printed - 1);
    gql_free(out);

    /* The C1 controls U+0080..U+009F are escaped, U+00A0 on is not. */
    char c1[68];
    for (int i = 0; i < 34; i++) {
        c1[2 * i] = (char)0xC2;
        c1[2 * i + 1] = (char)(0x80 + i);
    }
    static const char c1_printed[] =
        "\"\\u0080\\u0081\\u0082\\u0083\\u0084\\u0085\\u0086\\u0087\\u0088\\u0089\\u008A"
        "\\u008B\\u008C\\u008D\\u008E\\u008F\\u0090\\u0091\\u0092\\u0093\\u0094\\u0095"
        "\\u0096\\u0097\\u0098\\u0099\\u009A\\u009B\\u009C\\u009D\\u009E\\u009F\xC2\xA0\xC2\xA1\"";
    out = gql_print_string(c1, sizeof c1, &len);
    CHECK_BYTES(out, len, c1_printed, sizeof c1_printed - 1);
    gql_free(out);

    /* Other non-ASCII is copied as is. */
    static const char other[] = "\xE2\x80\xA8\xEF\xBB\xBF\xF0\x9F\x98\x80";
    out = gql_print_string(other, sizeof other - 1, &len);
    CHECK_BYTES(out, len, "\"\xE2\x80\xA8\xEF\xBB\xBF\xF0\x9F\x98\x80\"", 12);
    gql_free(out);

    out = gql_print_string("", 0, &len);
    CHECK_BYTES(out, len, "\"\"", 2);
    gql_free(out);

    /* Through the parser: escapes are decoded, then printed back. */
    CHECK_PRINT("{ f(a: \"a\\u0000b\\u00e9\\u0085\\/\\\"\") }",
                "{\n  f(a: \"a\\u0000b\xC3\xA9\\u0085/\\\"\")\n}");
}

/*=== MARK: Hand-built nodes ================================================*/

/* A name that is not interned: enough for printing. */
static gql_name *make_name(const char *s) {
    size_t len = strlen(s);
    gql_sym *sym = malloc(sizeof *sym + len + 1);
    gql_name *name = malloc(sizeof *name);
    if (!sym || !name) abort();
    sym->hash = 0;
    sym->len = (uint32_t)len;
    memcpy(sym->str, s, len + 1);
    name->base = (gql_node){0, 0, GQL_NAME, 0};
    name->value = sym;
    return name;
}

static void free_name(gql_name *name) {
    free((void *)name->value);
    free(name);
}

static void test_hand_built_nodes(void) {
    /* print_ast(FieldNode(name=NameNode(value="foo"))) */
    gql_field field = {{0, 0, GQL_FIELD, 0}, NULL, make_name("foo"), {0}, {0}, NULL};
    char *out = gql_print(&field.base, NULL);
    CHECK_EQ_STR(out, "foo");
    gql_free(out);

    /* A block description holding "\r" (the parser never makes one): only
     * "\n" starts an indented line. A plain description with a NUL. */
    gql_named_type int_type = {{0, 0, GQL_NAMED_TYPE, 0}, make_name("Int")};
    gql_string_value desc_f = {{0, 0, GQL_STRING_VALUE, GQL_FLAG_BLOCK}, {"a\rb\n\n c", 7}};
    gql_string_value desc_g = {{0, 0, GQL_STRING_VALUE, 0}, {"nul\000 and \xC2\x85", 11}};
    gql_field_definition f = {{0, 0, GQL_FIELD_DEFINITION, 0}, &desc_f, make_name("f"),
                              {0}, &int_type.base, {0}};
    gql_field_definition g = {{0, 0, GQL_FIELD_DEFINITION, 0}, &desc_g, make_name("g"),
                              {0}, &int_type.base, {0}};
    gql_node *fields[] = {&f.base, &g.base};
    gql_type_definition type = {{0, 0, GQL_OBJECT_TYPE_DEFINITION, 0}, NULL,
                                make_name("T"), {0}, {0}, {fields, 2}};
    size_t len = 0;
    out = gql_print(&type.base, &len);
    static const char expected[] =
        "type T {\n  \"\"\"\n  a\rb\n  \n   c\n  \"\"\"\n  f: Int\n"
        "  \"nul\\u0000 and \\u0085\"\n  g: Int\n}";
    CHECK_BYTES(out, len, expected, sizeof expected - 1);
    gql_free(out);

    /* Scalar values. */
    gql_scalar_value t = {{0, 0, GQL_BOOLEAN_VALUE, GQL_FLAG_TRUE}, {"", 0}};
    gql_scalar_value fa = {{0, 0, GQL_BOOLEAN_VALUE, 0}, {"", 0}};
    gql_scalar_value nu = {{0, 0, GQL_NULL_VALUE, 0}, {"", 0}};
    gql_scalar_value en = {{0, 0, GQL_ENUM_VALUE, 0}, {"RED", 3}};
    gql_node *values[] = {&t.base, &fa.base, &nu.base, &en.base};
    gql_list_value list = {{0, 0, GQL_LIST_VALUE, 0}, {values, 4}};
    out = gql_print(&list.base, NULL);
    CHECK_EQ_STR(out, "[true, false, null, RED]");
    gql_free(out);

    /* No node prints as nothing. */
    out = gql_print(NULL, &len);
    CHECK_EQ_STR(out, "");
    CHECK_EQ_INT(len, 0);
    gql_free(out);

    free_name(field.name);
    free_name(int_type.name);
    free_name(f.name);
    free_name(g.name);
    free_name(type.name);
}

/* Sub-nodes print on their own, as print_ast does for any node. */
static void test_sub_nodes(void) {
    gql_document *doc = PARSE_OK("query Q($v: [Int!]! = [1]) { a(x: {y: $v}) { b } }");
    if (!doc) return;
    const gql_document_node *root = gql_document_root(doc);
    const gql_operation_definition *op =
        (const gql_operation_definition *)(const void *)root->definitions.items[0];
    const gql_variable_definition *var =
        (const gql_variable_definition *)(const void *)op->variable_definitions.items[0];
    const gql_field *field = (const gql_field *)(const void *)op->selection_set->selections.items[0];

    char *out = gql_print(&var->base, NULL);
    CHECK_EQ_STR(out, "$v: [Int!]! = [1]");
    gql_free(out);
    out = gql_print(var->type, NULL);
    CHECK_EQ_STR(out, "[Int!]!");
    gql_free(out);
    out = gql_print(field->arguments.items[0], NULL);
    CHECK_EQ_STR(out, "x: {y: $v}");
    gql_free(out);
    out = gql_print(&field->base, NULL);
    CHECK_EQ_STR(out, "a(x: {y: $v}) {\n  b\n}");
    gql_free(out);
    out = gql_print(&field->selection_set->base, NULL);
    CHECK_EQ_STR(out, "{\n  b\n}");
    gql_free(out);
    gql_document_free(doc);
}

/*=== MARK: Allocation failures ============================================*/

/* An allocator that fails once its budget of allocations is spent. */
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

/* Print the kitchen sink with a budget of 0, 1, 2... allocations until it
 * succeeds: every failure returns NULL (the sanitizer build checks that it
 * leaks nothing), and the success prints the expected text. */
static void test_out_of_memory(void) {
    size_t src_len, expected_len;
    char *src = gql_test_read_data("schema_kitchen_sink.graphql", &src_len);
    char *expected = gql_test_read_data("schema_kitchen_sink.printed.graphql", &expected_len);
    gql_document *doc = src ? PARSE_OK(src) : NULL;
    if (doc && expected) {
        gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
        long failures = 0;
        bool printed = false;
        gql_set_allocator(&failing);
        for (long budget = 0; budget < 64 && !printed; budget++) {
            size_t len = 0;
            allocations_left = budget;
            char *out = gql_print(root_of(doc), &len);
            if (out) {
                CHECK_BYTES(out, len, expected, expected_len);
                printed = true;
            } else {
                failures++;
            }
            gql_free(out);
        }
        gql_set_allocator(NULL);
        CHECK(printed);
        CHECK(failures > 1);  /* the buffer had to grow at least once */
        const char *value = "a\n b";
        allocations_left = 0;
        gql_set_allocator(&failing);
        CHECK(gql_print_block_string(value, 4, false, NULL) == NULL);
        CHECK(gql_print_string(value, 4, NULL) == NULL);
        gql_set_allocator(NULL);
    }
    gql_document_free(doc);
    free(src);
    free(expected);
}

int main(void) {
    RUN(test_kitchen_sink);
    RUN(test_schema_kitchen_sink);
    RUN(test_operations);
    RUN(test_type_system);
    RUN(test_argument_wrapping);
    RUN(test_block_strings);
    RUN(test_printable_as_block_string);
    RUN(test_string_escapes);
    RUN(test_hand_built_nodes);
    RUN(test_sub_nodes);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
