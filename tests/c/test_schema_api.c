/*
 * test_schema_api.c: the public accessors of a schema's elements
 * (graftql.h, "Schema elements"; src/core/type/schema_api.c). Every case of
 * schema_cases.h that yields a schema is dumped through the public API
 * alone, in the canonical form gen/reference.py prints graphql-core's
 * schema in, and compared with graphql-core's dump; then lookups by name,
 * out-of-range indexes, type references and directives one by one.
 */
#include <stdint.h>
#include <stdlib.h>

#include "schema_cases.h"
#include "strbuf.h"

#define NCASES (sizeof schema_cases / sizeof schema_cases[0])

/*=== MARK: The canonical dump through the public API =======================*/

static void put_text(gql_strbuf *b, const char *s, size_t len) {
    gql_test_put_json(b, s, len, s != NULL);
}

static void put_type_ref(gql_strbuf *b, const gql_type_ref *ref) {
    size_t len = 0;
    char *text = gql_type_ref_str(ref, &len);
    if (!text) {
        b->nomem = true;
        return;
    }
    gql_strbuf_append(b, text, len);
    gql_free(text);
}

static void put_root(gql_strbuf *b, const gql_schema *s, gql_operation op) {
    const gql_schema_type *t = gql_schema_root_type(s, op);
    if (t)
        put_text(b, gql_schema_type_name(t), gql_schema_type_name_length(t));
    else
        gql_strbuf_puts(b, "null");
}

static void put_input_value(gql_strbuf *b, const char *indent, const char *kind,
                            const gql_schema_input_value *v) {
    size_t len = 0;
    gql_strbuf_puts(b, indent);
    gql_strbuf_puts(b, kind);
    gql_strbuf_puts(b, " ");
    gql_strbuf_puts(b, gql_schema_input_value_name(v, NULL));
    gql_strbuf_puts(b, ": ");
    put_type_ref(b, gql_schema_input_value_type(v));
    gql_strbuf_puts(b, " description=");
    const char *text = gql_schema_input_value_description(v, &len);
    put_text(b, text, len);
    gql_strbuf_puts(b, " default=");
    bool applies = true;
    const gql_node *value = gql_schema_input_value_default(v, &applies);
    char *printed = value ? gql_print(value, &len) : NULL;
    put_text(b, printed, len);
    gql_free(printed);
    gql_strbuf_puts(b, applies ? " applies=1" : " applies=0");
    gql_strbuf_puts(b, " deprecated=");
    text = gql_schema_input_value_deprecation_reason(v, &len);
    put_text(b, text, len);
    gql_strbuf_puts(b, "\n");
}

static void put_type(gql_strbuf *b, const gql_schema_type *t) {
    size_t len = 0;
    gql_type_kind kind = gql_schema_type_kind(t);
    gql_strbuf_puts(b, "type ");
    gql_strbuf_puts(b, gql_schema_type_name(t));
    gql_strbuf_puts(b, " ");
    gql_strbuf_puts(b, gql_type_kind_name(kind));
    if (gql_schema_type_is_builtin(t)) {
        gql_strbuf_puts(b, " builtin\n");
        return;
    }
    gql_strbuf_puts(b, " description=");
    const char *text = gql_schema_type_description(t, &len);
    put_text(b, text, len);
    if (kind == GQL_TYPE_SCALAR) {
        gql_strbuf_puts(b, " specifiedBy=");
        text = gql_schema_type_specified_by_url(t, &len);
        put_text(b, text, len);
    }
    if (gql_schema_type_is_one_of(t)) gql_strbuf_puts(b, " oneOf");
    gql_strbuf_puts(b, "\n");
    for (size_t j = 0; j < gql_schema_type_interface_count(t); j++) {
        gql_strbuf_puts(b, "  interface ");
        gql_strbuf_puts(b, gql_schema_type_name(gql_schema_type_interface_at(t, j)));
        gql_strbuf_puts(b, "\n");
    }
    if (kind == GQL_TYPE_UNION)
        for (size_t j = 0; j < gql_schema_type_possible_type_count(t); j++) {
            gql_strbuf_puts(b, "  member ");
            gql_strbuf_puts(b, gql_schema_type_name(gql_schema_type_possible_type_at(t, j)));
            gql_strbuf_puts(b, "\n");
        }
    for (size_t j = 0; j < gql_schema_type_enum_value_count(t); j++) {
        const gql_schema_enum_value *v = gql_schema_type_enum_value_at(t, j);
        gql_strbuf_puts(b, "  value ");
        gql_strbuf_puts(b, gql_schema_enum_value_name(v, NULL));
        gql_strbuf_puts(b, " description=");
        text = gql_schema_enum_value_description(v, &len);
        put_text(b, text, len);
        gql_strbuf_puts(b, " deprecated=");
        text = gql_schema_enum_value_deprecation_reason(v, &len);
        put_text(b, text, len);
        gql_strbuf_puts(b, "\n");
    }
    for (size_t j = 0; j < gql_schema_type_field_count(t); j++) {
        const gql_schema_field *f = gql_schema_type_field_at(t, j);
        gql_strbuf_puts(b, "  field ");
        gql_strbuf_puts(b, gql_schema_field_name(f, NULL));
        gql_strbuf_puts(b, ": ");
        put_type_ref(b, gql_schema_field_type(f));
        gql_strbuf_puts(b, " description=");
        text = gql_schema_field_description(f, &len);
        put_text(b, text, len);
        gql_strbuf_puts(b, " deprecated=");
        text = gql_schema_field_deprecation_reason(f, &len);
        put_text(b, text, len);
        gql_strbuf_puts(b, "\n");
        for (size_t k = 0; k < gql_schema_field_arg_count(f); k++)
            put_input_value(b, "    ", "arg", gql_schema_field_arg_at(f, k));
    }
    for (size_t j = 0; j < gql_schema_type_input_field_count(t); j++)
        put_input_value(b, "  ", "input", gql_schema_type_input_field_at(t, j));
}

static bool is_specified_directive(const char *name) {
    static const char *const names[] = {"include", "skip", "deprecated", "specifiedBy", "oneOf"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) return true;
    return false;
}

static void put_directive(gql_strbuf *b, const gql_schema_directive *d) {
    size_t len = 0;
    gql_strbuf_puts(b, "directive @");
    gql_strbuf_puts(b, gql_schema_directive_name(d));
    if (is_specified_directive(gql_schema_directive_name(d))) {
        gql_strbuf_puts(b, " builtin\n");
        return;
    }
    gql_strbuf_puts(b, " description=");
    const char *text = gql_schema_directive_description(d, &len);
    put_text(b, text, len);
    gql_strbuf_puts(b, gql_schema_directive_is_repeatable(d) ? " repeatable=1" : " repeatable=0");
    gql_strbuf_puts(b, " locations=");
    for (size_t j = 0; j < gql_schema_directive_location_count(d); j++) {
        if (j) gql_strbuf_puts(b, ",");
        gql_strbuf_puts(b, gql_directive_location_name(gql_schema_directive_location_at(d, j)));
    }
    gql_strbuf_puts(b, "\n");
    for (size_t j = 0; j < gql_schema_directive_arg_count(d); j++)
        put_input_value(b, "  ", "arg", gql_schema_directive_arg_at(d, j));
}

static char *public_dump(const gql_schema *s) {
    gql_strbuf b = GQL_STRBUF_INIT;
    const gql_text *description = gql_schema_description(s);
    gql_strbuf_puts(&b, "schema description=");
    put_text(&b, description ? description->ptr : NULL, description ? description->len : 0);
    gql_strbuf_puts(&b, " query=");
    put_root(&b, s, GQL_QUERY);
    gql_strbuf_puts(&b, " mutation=");
    put_root(&b, s, GQL_MUTATION);
    gql_strbuf_puts(&b, " subscription=");
    put_root(&b, s, GQL_SUBSCRIPTION);
    gql_strbuf_puts(&b, "\n");
    for (size_t i = 0; i < gql_schema_type_count(s); i++) {
        const gql_schema_type *t = gql_schema_type_at(s, i);
        CHECK_EQ_INT(gql_schema_type_index(t), i);
        CHECK(gql_schema_get_type(s, gql_schema_type_name(t), gql_schema_type_name_length(t)) == t);
        put_type(&b, t);
    }
    for (size_t i = 0; i < gql_schema_directive_count(s); i++)
        put_directive(&b, gql_schema_directive_at(s, i));
    if (b.nomem) {
        gql_strbuf_free(&b);
        return NULL;
    }
    return b.ptr;
}

static void test_cases_through_the_public_api(void) {
    size_t schemas = 0;
    for (size_t i = 0; i < NCASES; i++) {
        const schema_case *c = &schema_cases[i];
        if (c->outcome != OUTCOME_SCHEMA) continue;
        gql_document *docs[8] = {0};
        gql_error_list errors;
        gql_error_list_init(&errors);
        gql_schema *schema = gql_test_build_case(c, docs, &errors);
        gql_test_free_docs(docs, c->nsources);
        gql_error_list_clear(&errors);
        if (!schema) {
            gql_test_fail(__FILE__, __LINE__, "%s: no schema", c->name);
            continue;
        }
        schemas++;
        char *dump = public_dump(schema);
        CHECK(dump != NULL);
        if (dump && strcmp(dump, c->dump) != 0)
            gql_test_fail(__FILE__, __LINE__, "%s: dump differs:\n%s\nexpected:\n%s", c->name,
                          dump, c->dump);
        gql_free(dump);
        gql_schema_free(schema);
    }
    CHECK(schemas > 20);
}

/*=== MARK: One accessor at a time ==========================================*/

static const char sdl[] =
    "type Query { user(id: ID!, n: [[Int!]]! = 1): User search: [Result] }\n"
    "interface Node { id: ID! }\n"
    "interface Named implements Node { id: ID! name: String }\n"
    "type User implements Node & Named { id: ID! name: String }\n"
    "type Post implements Node { id: ID! }\n"
    "union Result = User | Post\n"
    "enum Color { RED GREEN @deprecated }\n"
    "input In { a: Int = \"x\", b: [Color!] = RED }\n"
    "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT\n";

static gql_schema *build(const char *text) {
    gql_document *doc = PARSE_OK(text);
    if (!doc) return NULL;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_schema *schema = gql_schema_build((const gql_document *const *)&doc, 1, NULL, &errors);
    CHECK_EQ_INT(errors.count, 0);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    return schema;
}

#define TYPE(s, name) gql_schema_get_type((s), (name), strlen(name))

static void test_lookups(void) {
    gql_schema *s = build(sdl);
    if (!s) return;
    const gql_schema_type *query = TYPE(s, "Query");
    const gql_schema_type *color = TYPE(s, "Color");
    const gql_schema_type *in = TYPE(s, "In");
    CHECK(query && color && in);
    const gql_schema_field *user = gql_schema_type_get_field(s, query, "user", 4);
    CHECK(user == gql_schema_type_field_at(query, 0));
    CHECK(gql_schema_type_get_field(s, query, "search", 6) == gql_schema_type_field_at(query, 1));
    CHECK(gql_schema_type_get_field(s, query, "nope", 4) == NULL);    /* no such name */
    CHECK(gql_schema_type_get_field(s, query, "RED", 3) == NULL);     /* a name of another kind */
    CHECK(gql_schema_type_get_field(s, query, "user", 3) == NULL);    /* a prefix */
    CHECK(gql_schema_type_field_at(query, 2) == NULL);
    CHECK(gql_schema_type_get_enum_value(s, color, "GREEN", 5) ==
          gql_schema_type_enum_value_at(color, 1));
    CHECK(gql_schema_type_get_enum_value(s, color, "BLUE", 4) == NULL);
    CHECK(gql_schema_type_enum_value_at(color, 2) == NULL);
    CHECK(gql_schema_type_get_input_field(s, in, "b", 1) == gql_schema_type_input_field_at(in, 1));
    CHECK(gql_schema_type_get_input_field(s, in, "c", 1) == NULL);
    CHECK(gql_schema_type_input_field_at(in, 2) == NULL);
    /* Members of other kinds are empty. */
    CHECK_EQ_INT(gql_schema_type_field_count(color), 0);
    CHECK_EQ_INT(gql_schema_type_enum_value_count(query), 0);
    CHECK_EQ_INT(gql_schema_type_input_field_count(query), 0);
    CHECK_EQ_INT(gql_schema_type_possible_type_count(query), 0);
    CHECK(gql_schema_type_possible_type_at(query, 0) == NULL);
    CHECK(gql_schema_type_interface_at(query, 0) == NULL);

    size_t len = 99;
    CHECK_EQ_STR(gql_schema_field_name(user, &len), "user");
    CHECK_EQ_INT(len, 4);
    CHECK(gql_schema_field_description(user, &len) == NULL);
    CHECK_EQ_INT(len, 0);
    CHECK_EQ_INT(gql_schema_field_arg_count(user), 2);
    CHECK(gql_schema_field_arg_at(user, 2) == NULL);
    const gql_schema_enum_value *green = gql_schema_type_enum_value_at(color, 1);
    CHECK_EQ_STR(gql_schema_enum_value_deprecation_reason(green, &len), "No longer supported");
    CHECK_EQ_INT(len, strlen("No longer supported"));
    gql_schema_free(s);
}

static void test_possible_types_and_interfaces(void) {
    gql_schema *s = build(sdl);
    if (!s) return;
    const gql_schema_type *node = TYPE(s, "Node"), *result = TYPE(s, "Result");
    const gql_schema_type *user = TYPE(s, "User"), *named = TYPE(s, "Named");
    CHECK_EQ_INT(gql_schema_type_possible_type_count(node), 2);
    CHECK(gql_schema_type_possible_type_at(node, 0) == user);
    CHECK(gql_schema_type_possible_type_at(node, 1) == TYPE(s, "Post"));
    CHECK(gql_schema_type_possible_type_at(node, 2) == NULL);
    /* An interface's possible types are objects only (not Named). */
    CHECK_EQ_INT(gql_schema_type_possible_type_count(named), 1);
    CHECK_EQ_INT(gql_schema_type_possible_type_count(result), 2);
    CHECK(gql_schema_type_possible_type_at(result, 0) == user);
    CHECK_EQ_INT(gql_schema_type_interface_count(user), 2);
    CHECK(gql_schema_type_interface_at(user, 1) == named);
    CHECK(gql_schema_type_interface_at(named, 0) == node);
    gql_schema_free(s);
}

static void test_type_refs_and_defaults(void) {
    gql_schema *s = build(sdl);
    if (!s) return;
    const gql_schema_field *user = gql_schema_type_field_at(TYPE(s, "Query"), 0);
    const gql_schema_input_value *n = gql_schema_field_arg_at(user, 1);
    const gql_type_ref *ref = gql_schema_input_value_type(n);
    size_t len = 0;
    char *text = gql_type_ref_str(ref, &len);
    CHECK_EQ_STR(text, "[[Int!]]!");
    CHECK_EQ_INT(len, 9);
    gql_free(text);
    CHECK_EQ_INT(gql_type_ref_type_kind(ref), GQL_TYPE_NON_NULL);
    const gql_type_ref *list = gql_type_ref_of_type(ref);
    CHECK_EQ_INT(gql_type_ref_type_kind(list), GQL_TYPE_LIST);
    const gql_type_ref *inner = gql_type_ref_of_type(gql_type_ref_of_type(list));
    CHECK_EQ_INT(gql_type_ref_type_kind(inner), GQL_TYPE_NON_NULL);
    const gql_type_ref *named = gql_type_ref_of_type(inner);
    CHECK_EQ_INT(gql_type_ref_type_kind(named), GQL_TYPE_SCALAR);
    CHECK(gql_type_ref_of_type(named) == NULL);
    CHECK(gql_type_ref_named_type(ref) == TYPE(s, "Int"));
    CHECK(gql_type_ref_named_type(gql_schema_type_ref(TYPE(s, "Int"))) == TYPE(s, "Int"));
    CHECK_EQ_INT(gql_type_ref_type_kind(gql_schema_type_ref(TYPE(s, "Result"))), GQL_TYPE_UNION);

    /* Defaults: as written, and whether they coerce. */
    bool applies = false;
    const gql_node *value = gql_schema_input_value_default(n, &applies);
    CHECK(value != NULL && applies);
    if (value) {
        text = gql_print(value, NULL);
        CHECK_EQ_STR(text, "1");
        gql_free(text);
    }
    CHECK(gql_schema_input_value_default(gql_schema_field_arg_at(user, 0), &applies) == NULL);
    CHECK(!applies);
    const gql_schema_type *in = TYPE(s, "In");
    value = gql_schema_input_value_default(gql_schema_type_input_field_at(in, 0), &applies);
    CHECK(value != NULL && !applies); /* "x" is no Int */
    value = gql_schema_input_value_default(gql_schema_type_input_field_at(in, 1), NULL);
    CHECK(value != NULL);
    gql_schema_free(s);
}

static void test_directives(void) {
    gql_schema *s = build(sdl);
    if (!s) return;
    const gql_schema_directive *tag = gql_schema_get_directive(s, "tag", 3);
    CHECK(tag != NULL);
    if (!tag) return;
    CHECK(gql_schema_directive_is_repeatable(tag));
    CHECK(gql_schema_directive_description(tag, NULL) == NULL);
    CHECK_EQ_INT(gql_schema_directive_location_count(tag), 2);
    CHECK_EQ_INT(gql_schema_directive_location_at(tag, 0), GQL_LOCATION_FIELD_DEFINITION);
    CHECK_EQ_INT(gql_schema_directive_location_at(tag, 1), GQL_LOCATION_OBJECT);
    CHECK_EQ_INT(gql_schema_directive_location_at(tag, 2), GQL_LOCATION_COUNT);
    CHECK_EQ_INT(gql_schema_directive_arg_count(tag), 1);
    CHECK_EQ_STR(gql_schema_input_value_name(gql_schema_directive_arg_at(tag, 0), NULL), "name");
    CHECK(gql_schema_directive_arg_at(tag, 1) == NULL);
    const gql_schema_directive *deprecated = gql_schema_get_directive(s, "deprecated", 10);
    CHECK(deprecated && !gql_schema_directive_is_repeatable(deprecated));
    gql_schema_free(s);
}

int main(void) {
    RUN(test_cases_through_the_public_api);
    RUN(test_lookups);
    RUN(test_possible_types_and_interfaces);
    RUN(test_type_refs_and_defaults);
    RUN(test_directives);
    return gql_test_summary();
}
