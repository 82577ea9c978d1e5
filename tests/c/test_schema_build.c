/*
 * test_schema_build.c: building a schema from SDL. Every case of
 * schema_cases.h that yields a schema is printed in a canonical form and
 * compared with graphql-core 3.2.14's schema printed the same way (type map
 * order, fields, arguments, default values and whether they apply,
 * deprecations, descriptions, root types, directives); the "build/" cases
 * check the errors graphql-core raises while building. Then the public API,
 * ownership (documents freed right after the build), large and deep
 * schemas, and out of memory at every allocation.
 */
#include <stdlib.h>

#include "schema_cases.h"
#include "strbuf.h"
#include "type/schema.h"

#define NCASES (sizeof schema_cases / sizeof schema_cases[0])

/* Print the first line where two dumps differ. */
static void compare_dumps(const char *name, const char *got, const char *want) {
    if (strcmp(got, want) == 0) return;
    size_t line = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        if (*g == '\n') line++;
        g++, w++;
    }
    const char *gl = g, *wl = w;
    while (gl > got && gl[-1] != '\n') gl--;
    while (wl > want && wl[-1] != '\n') wl--;
    gql_test_fail(__FILE__, __LINE__, "%s: dump differs at line %zu:\n  got:      %.*s\n  expected: %.*s",
                  name, line, (int)strcspn(gl, "\n"), gl, (int)strcspn(wl, "\n"), wl);
}

static void test_cases(void) {
    size_t schemas = 0, build_errors = 0;
    for (size_t i = 0; i < NCASES; i++) {
        const schema_case *c = &schema_cases[i];
        if (c->outcome == OUTCOME_SDL) continue;
        gql_document *docs[8] = {0};
        gql_error_list errors;
        gql_error_list_init(&errors);
        gql_schema *schema = gql_test_build_case(c, docs, &errors);
        if (c->outcome == OUTCOME_BUILD) {
            build_errors++;
            if (schema) gql_test_fail(__FILE__, __LINE__, "%s: a schema was built", c->name);
            gql_test_check_errors(c, docs, &errors);
        } else if (!schema) {
            gql_test_fail(__FILE__, __LINE__, "%s: no schema: %s", c->name,
                          errors.count ? errors.items[0].message : "");
        } else {
            schemas++;
            /* The documents are no longer needed: free them first, so that
             * the sanitizers catch any reference the schema kept. */
            gql_test_free_docs(docs, c->nsources);
            memset(docs, 0, sizeof docs);
            char *dump = gql_test_schema_dump(schema);
            CHECK(dump != NULL);
            if (dump) compare_dumps(c->name, dump, c->dump);
            gql_free(dump);
        }
        gql_schema_free(schema);
        gql_error_list_clear(&errors);
        gql_test_free_docs(docs, c->nsources);
    }
    CHECK(schemas > 20);
    CHECK(build_errors > 5);
}

/*=== MARK: Public API ======================================================*/

static gql_schema *build_one(const char *sdl, gql_document **doc) {
    *doc = PARSE_OK(sdl);
    if (!*doc) return NULL;
    const gql_document *docs[1] = {*doc};
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_schema *s = gql_schema_build(docs, 1, NULL, &errors);
    if (errors.count)
        gql_test_fail(__FILE__, __LINE__, "unexpected error: %s", errors.items[0].message);
    gql_error_list_clear(&errors);
    return s;
}

static void test_lookups(void) {
    gql_document *doc;
    gql_schema *s = build_one(
        "\"the schema\" schema { query: Q mutation: M }\n"
        "type Q { a: Int } type M { b: E } enum E { X }\n"
        "directive @d repeatable on FIELD",
        &doc);
    CHECK(s != NULL);
    if (!s) return;
    gql_document_free(doc);
    CHECK_EQ_INT(gql_schema_type_count(s), 14);
    CHECK_EQ_STR(gql_schema_type_name(gql_schema_type_at(s, 0)), "Q");
    CHECK(gql_schema_type_at(s, 14) == NULL);
    const gql_schema_type *q = gql_schema_get_type(s, "Q", 1);
    CHECK(q == gql_schema_root_type(s, GQL_QUERY));
    CHECK_EQ_INT(gql_schema_type_kind(q), GQL_TYPE_OBJECT);
    CHECK_EQ_STR(gql_schema_type_name(gql_schema_root_type(s, GQL_MUTATION)), "M");
    CHECK(gql_schema_root_type(s, GQL_SUBSCRIPTION) == NULL);
    CHECK_EQ_INT(gql_schema_type_kind(gql_schema_get_type(s, "E", 1)), GQL_TYPE_ENUM);
    CHECK(gql_schema_get_type(s, "Int", 3) != NULL);
    CHECK(gql_schema_get_type(s, "Float", 5) == NULL); /* never referenced */
    CHECK(gql_schema_get_type(s, "__Schema", 8) != NULL);
    CHECK(gql_schema_get_type(s, "Qx", 1) == q);        /* length counts */
    CHECK(gql_schema_get_type(s, "Nope", 4) == NULL);
    CHECK_EQ_INT(gql_schema_directive_count(s), 6);
    CHECK_EQ_STR(gql_schema_directive_name(gql_schema_directive_at(s, 0)), "d");
    CHECK(gql_schema_directive_at(s, 6) == NULL);
    CHECK(gql_schema_get_directive(s, "skip", 4) == gql_schema_directive_at(s, 2));
    CHECK(gql_schema_get_directive(s, "nope", 4) == NULL);
    const gql_text *desc = gql_schema_description(s);
    CHECK(desc && desc->len == 10 && memcmp(desc->ptr, "the schema", 10) == 0);
    CHECK(gql_schema_is_valid(s));
    CHECK_EQ_STR(gql_type_kind_name(GQL_TYPE_INPUT_OBJECT), "INPUT_OBJECT");
    CHECK_EQ_STR(gql_type_kind_name(GQL_TYPE_NON_NULL), "NON_NULL");
    CHECK_EQ_STR(gql_directive_location_name(GQL_LOCATION_VARIABLE_DEFINITION),
                 "VARIABLE_DEFINITION");
    CHECK_EQ_STR(gql_directive_location_name(GQL_LOCATION_COUNT), "");
    gql_schema_free(s);
    gql_schema_free(NULL);
}

/* Names are interned once per schema, and fields, values and input fields
 * are found by name whether the type has a few or many. */
static void test_member_lookups(void) {
    gql_strbuf sdl = GQL_STRBUF_INIT;
    gql_strbuf_puts(&sdl, "type Query { small: Int ");
    char buf[64];
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "f%d(a%d: Int): Small ", i, i);
        gql_strbuf_puts(&sdl, buf);
    }
    gql_strbuf_puts(&sdl, "} type Small { x: Int y: Int } enum Many {");
    for (int i = 0; i < 100; i++) {
        snprintf(buf, sizeof buf, " V%d", i);
        gql_strbuf_puts(&sdl, buf);
    }
    gql_strbuf_puts(&sdl, "} input In { a: Many b: Int c: Int d: Int e: Int f: Int g: Int h: Int i: Int j: Int }");
    gql_document *doc;
    gql_schema *s = build_one(gql_strbuf_cstr(&sdl), &doc);
    gql_strbuf_free(&sdl);
    CHECK(s != NULL);
    if (!s) return;
    const gql_schema_type *q = gql_schema_get_type(s, "Query", 5);
    CHECK_EQ_INT(q->field_count, 301);
    CHECK(q->field_index.slots != NULL);
    for (uint32_t i = 0; i < q->field_count; i++)
        CHECK(gql_type_field(q, q->fields[i].name) == &q->fields[i]);
    const gql_schema_type *small = gql_schema_get_type(s, "Small", 5);
    CHECK(small->field_index.slots == NULL);
    CHECK(gql_type_field(small, small->fields[1].name) == &small->fields[1]);
    /* Every use of a name is the same interned pointer. */
    CHECK(q->fields[1].type->named == small);
    CHECK(q->fields[1].type->named->name == small->name);
    const gql_schema_type *many = gql_schema_get_type(s, "Many", 4);
    CHECK(gql_type_enum_value(many, many->values[77].name) == &many->values[77]);
    const gql_schema_type *in = gql_schema_get_type(s, "In", 2);
    CHECK(gql_type_input_field(in, in->input_fields[9].name) == &in->input_fields[9]);
    CHECK(gql_type_input_field(in, many->name) == NULL);
    CHECK(in->input_fields[0].type->named == many);
    gql_schema_free(s);
    gql_document_free(doc);
}

static void test_bad_arguments(void) {
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK(gql_schema_build(NULL, 1, NULL, &errors) == NULL);
    CHECK_EQ_INT(errors.status, GQL_ERR_ARG);
    gql_error_list_init(&errors);
    const gql_document *docs[2] = {NULL, NULL};
    CHECK(gql_schema_build(docs, 2, NULL, &errors) == NULL);
    CHECK_EQ_INT(errors.status, GQL_ERR_ARG);
    /* No documents: a schema with no types of its own, and no query type. */
    gql_error_list_init(&errors);
    gql_schema *s = gql_schema_build(NULL, 0, NULL, &errors);
    CHECK(s != NULL);
    CHECK(!gql_schema_is_valid(s));
    CHECK_EQ_INT(errors.count, 1);
    CHECK_EQ_STR(errors.items[0].message, "Query root type must be provided.");
    CHECK_EQ_STR(gql_schema_type_name(gql_schema_type_at(s, 0)), "Boolean");
    gql_schema_free(s);
    gql_error_list_clear(&errors);
    /* A NULL error list is allowed. */
    gql_document *doc = PARSE_OK("type Query { a: Int a: Int }");
    docs[0] = doc;
    CHECK(gql_schema_build(docs, 1, NULL, NULL) == NULL);
    gql_document_free(doc);
}

/*=== MARK: Large and deep ==================================================*/

/* Long chains of types (interfaces, input objects through non-null fields)
 * and deeply wrapped types must not recurse once per type. */
static void test_deep(void) {
    enum { N = 20000 };
    gql_strbuf sdl = GQL_STRBUF_INIT;
    char buf[128];
    gql_strbuf_puts(&sdl, "type Query { f(a: I0): T0 deep: ");
    for (int i = 0; i < 150; i++) gql_strbuf_puts(&sdl, "[");
    gql_strbuf_puts(&sdl, "Int!");
    for (int i = 0; i < 150; i++) gql_strbuf_puts(&sdl, "]!");
    gql_strbuf_puts(&sdl, " }\n");
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "input I%d { next: I%d! }\ntype T%d { next: T%d }\n", i,
                 (i + 1) % N, i, (i + 1) % N);
        gql_strbuf_puts(&sdl, buf);
    }
    gql_parse_options opts;
    gql_parse_options_init(&opts);
    opts.max_tokens = 0;
    gql_error err = {0};
    gql_document *doc = gql_parse(gql_strbuf_cstr(&sdl), sdl.len, &opts, &err);
    gql_strbuf_free(&sdl);
    CHECK(doc != NULL);
    gql_error_clear(&err);
    if (!doc) return;
    const gql_document *docs[1] = {doc};
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_schema *s = gql_schema_build(docs, 1, NULL, &errors);
    CHECK(s != NULL);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count == 1) {
        const char *m = errors.items[0].message;
        CHECK(strncmp(m, "Cannot reference Input Object 'I0' within itself through a series of "
                         "non-null fields: 'next.next.next.",
                      102) == 0);
        CHECK_EQ_INT(errors.items[0].location_count, N);
    }
    gql_strbuf b = GQL_STRBUF_INIT;
    const gql_schema_type *q = gql_schema_get_type(s, "Query", 5);
    gql_type_ref_print(&b, q->fields[1].type);
    CHECK_EQ_INT(b.len, 150 * 3 + 4);
    gql_strbuf_free(&b);
    gql_schema_free(s);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
}

/* A long chain of input types through object defaults, closing in a cycle
 * (graphql-core: RecursionError): each field map is resolved once, on an
 * explicit stack, and the error at the end of the chain carries one prefix
 * per field map being resolved. */
static void test_default_chain(void) {
    enum { N = 20000 };
    gql_strbuf sdl = GQL_STRBUF_INIT;
    char buf[128];
    gql_strbuf_puts(&sdl, "type Query { f(a: I0 = {}): Int }\n");
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "input I%d { next: I%d = {}%s }\n", i, (i + 1) % N,
                 i == N - 1 ? " x: Int @deprecated(reason: 1)" : "");
        gql_strbuf_puts(&sdl, buf);
    }
    gql_parse_options opts;
    gql_parse_options_init(&opts);
    opts.max_tokens = 0;
    gql_error err = {0};
    gql_document *doc = gql_parse(gql_strbuf_cstr(&sdl), sdl.len, &opts, &err);
    gql_strbuf_free(&sdl);
    CHECK(doc != NULL);
    gql_error_clear(&err);
    if (!doc) return;
    const gql_document *docs[1] = {doc};
    gql_error_list errors;
    gql_error_list_init(&errors);
    CHECK(gql_schema_build(docs, 1, NULL, &errors) == NULL);
    CHECK_EQ_INT(errors.count, 1);
    if (errors.count == 1) {
        const char *m = errors.items[0].message;
        static const char head[] = "Query fields cannot be resolved. I0 fields cannot be "
                                   "resolved. I1 fields cannot be resolved. ";
        static const char tail[] = "I19999 fields cannot be resolved. "
                                   "Argument 'reason' has invalid value 1.";
        size_t len = strlen(m);
        CHECK(strncmp(m, head, sizeof head - 1) == 0);
        CHECK(len > sizeof tail && strcmp(m + len - (sizeof tail - 1), tail) == 0);
    }
    gql_error_list_clear(&errors);
    gql_document_free(doc);
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

/* Fail each allocation in turn: the build returns NULL with
 * GQL_ERR_NOMEM, or succeeds, and never crashes or leaks. */
static void test_out_of_memory(void) {
    static const char *const sdls[] = {
        /* A valid schema using most of the builder. */
        ("\"d\" schema { query: Query }\n"
        "type Query implements I { a(x: In = { a: 1 } @deprecated): [E!] @deprecated(reason: \"r\") "
        "b: U c: S f1: Int f2: Int f3: Int f4: Int f5: Int f6: Int f7: Int f8: Int f9: Int }\n"
        "interface I { a(x: In): [E!] }\nunion U = Query\nenum E { A B @deprecated }\n"
        "input In @oneOf { a: Int b: String c: Int d: Int e: Int f: Int g: Int h: Int i: Int }\n"
        "scalar S @specifiedBy(url: \"u\")\ndirective @d(a: Int = 1) repeatable on FIELD | OBJECT\n"
        "extend type Query @d { z: Int }"),
        /* SDL errors, with suggestions. */
        ("type Query { a: Strin b: Int b: Int } extend type Qury { c: Int }\n"
        "directive @d(a: Int!) on FIELD_DEFINITION\n"
        "type T { a: Int @d @d(b: 1, b: 2) @unknown x: In } input In { a: Int = { x: 1, x: 2 } }"),
        /* validate_schema errors. */
        ("type Query implements I & I { a: String } interface I { a: Int b: Int }\n"
         "input A { b: B! } input B { a: A! } union U = A"),
        /* Build errors, met while resolving field maps for default values. */
        ("type Query { f(a: [A] = [{}, {}, { b: {} }]): Int @deprecated(reason: 1) }\n"
         "input A { b: B = {} x: Int @deprecated(reason: 2) } input B { a: A = {} }\n"
         "enum E { V @deprecated(reason: 3) } scalar S @specifiedBy(url: 4)"),
    };
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    for (size_t k = 0; k < sizeof sdls / sizeof sdls[0]; k++) {
        gql_document *doc = PARSE_OK(sdls[k]);
        if (!doc) continue;
        const gql_document *docs[1] = {doc};
        bool succeeded = false;
        for (long n = 0; n < 100000 && !succeeded; n++) {
            gql_error_list errors;
            gql_error_list_init(&errors);
            allocations_left = n;
            gql_set_allocator(&failing);
            gql_schema *s = gql_schema_build(docs, 1, NULL, &errors);
            gql_set_allocator(NULL);
            if (errors.status == GQL_ERR_NOMEM) {
                CHECK(s == NULL);
            } else {
                CHECK_EQ_INT(errors.status, GQL_OK);
                succeeded = true;
                /* The first schema is valid, the others are not; SDL and
                 * build errors leave no schema. */
                CHECK_EQ_INT(errors.count == 0, k == 0);
                CHECK_EQ_INT(s != NULL, k == 0 || k == 2);
                if (k == 3) CHECK_EQ_INT(errors.count, 4);
            }
            gql_schema_free(s);
            gql_error_list_clear(&errors);
        }
        CHECK(succeeded);
        gql_document_free(doc);
    }
}

int main(void) {
    RUN(test_cases);
    RUN(test_lookups);
    RUN(test_member_lookups);
    RUN(test_bad_arguments);
    RUN(test_deep);
    RUN(test_default_chain);
    RUN(test_out_of_memory);
    return gql_test_summary();
}
