/*
 * test_parser.c: the AST the parser builds: node kinds and their order,
 * names, flags, optional parts, node offsets (graphql-core's loc), every
 * definition and extension kind, descriptions where the September 2025 spec
 * allows them, and no_location.
 */
#include "harness.h"

#define DEF(doc, i) (gql_document_root(doc)->definitions.items[i])
#define NAME(n) ((n) ? (n)->value->str : "(null)")

static void test_operation(void) {
    const char *src =
        "\"op\" query Q($a: [Int!]! = [1] @v, $b: In = {x: 1}) @d(x: 1) {\n"
        "  alias: field(arg: $a, e: ENUM, n: null, t: true, f: false) @skip(if: $b) {\n"
        "    ...Frag @x\n"
        "    ... on T { y }\n"
        "    ... @include(if: true) { z }\n"
        "  }\n"
        "}";
    gql_document *doc = PARSE_OK(src);
    if (!doc) return;
    const gql_operation_definition *op = (const gql_operation_definition *)DEF(doc, 0);
    CHECK_EQ_INT(op->base.kind, GQL_OPERATION_DEFINITION);
    CHECK_EQ_INT(op->base.flags, GQL_QUERY);
    CHECK_EQ_STR(op->description->value.ptr, "op");
    CHECK_EQ_STR(NAME(op->name), "Q");
    CHECK_EQ_INT(op->base.start, 0);
    CHECK_EQ_INT(op->base.end, strlen(src));
    CHECK_EQ_INT(op->variable_definitions.count, 2);
    const gql_variable_definition *va = (const gql_variable_definition *)op->variable_definitions.items[0];
    CHECK_EQ_STR(NAME(va->variable->name), "a");
    CHECK_EQ_INT(va->type->kind, GQL_NON_NULL_TYPE);
    const gql_wrapping_type *list = (const gql_wrapping_type *)((const gql_wrapping_type *)va->type)->type;
    CHECK_EQ_INT(list->base.kind, GQL_LIST_TYPE);
    CHECK_EQ_INT(list->type->kind, GQL_NON_NULL_TYPE);
    CHECK_EQ_INT(va->default_value->kind, GQL_LIST_VALUE);
    CHECK_EQ_INT(va->directives.count, 1);
    const gql_variable_definition *vb = (const gql_variable_definition *)op->variable_definitions.items[1];
    CHECK_EQ_INT(vb->default_value->kind, GQL_OBJECT_VALUE);
    CHECK_EQ_INT(op->directives.count, 1);

    const gql_field *f = (const gql_field *)op->selection_set->selections.items[0];
    CHECK_EQ_STR(NAME(f->alias), "alias");
    CHECK_EQ_STR(NAME(f->name), "field");
    CHECK_EQ_INT(f->arguments.count, 5);
    static const gql_kind arg_kinds[] = {GQL_VARIABLE, GQL_ENUM_VALUE, GQL_NULL_VALUE,
                                         GQL_BOOLEAN_VALUE, GQL_BOOLEAN_VALUE};
    for (int i = 0; i < 5; i++)
        CHECK_EQ_INT(((const gql_argument *)f->arguments.items[i])->value->kind, arg_kinds[i]);
    CHECK_EQ_INT(((const gql_argument *)f->arguments.items[3])->value->flags, GQL_FLAG_TRUE);
    CHECK_EQ_INT(((const gql_argument *)f->arguments.items[4])->value->flags, 0);
    /* The field's loc spans from the alias to the closing brace. */
    CHECK_EQ_INT(f->base.start, (uint32_t)(strstr(src, "alias") - src));

    const gql_list *sel = &f->selection_set->selections;
    CHECK_EQ_INT(sel->count, 3);
    CHECK_EQ_INT(sel->items[0]->kind, GQL_FRAGMENT_SPREAD);
    CHECK_EQ_STR(NAME(((const gql_fragment_spread *)sel->items[0])->name), "Frag");
    const gql_inline_fragment *in1 = (const gql_inline_fragment *)sel->items[1];
    CHECK_EQ_INT(in1->base.kind, GQL_INLINE_FRAGMENT);
    CHECK_EQ_STR(NAME(in1->type_condition->name), "T");
    const gql_inline_fragment *in2 = (const gql_inline_fragment *)sel->items[2];
    CHECK(in2->type_condition == NULL);
    CHECK_EQ_INT(in2->directives.count, 1);
    gql_document_free(doc);
}

static void test_shorthand_and_operation_types(void) {
    gql_document *doc = PARSE_OK("{ a } mutation M { b } subscription { c } \"\"\"d\"\"\" fragment F on T { d }");
    if (!doc) return;
    CHECK_EQ_INT(gql_document_root(doc)->definitions.count, 4);
    const gql_operation_definition *q = (const gql_operation_definition *)DEF(doc, 0);
    CHECK_EQ_INT(q->base.flags, GQL_QUERY);
    CHECK(q->name == NULL && q->description == NULL);
    CHECK_EQ_INT(((const gql_node *)DEF(doc, 1))->flags, GQL_MUTATION);
    CHECK_EQ_INT(((const gql_node *)DEF(doc, 2))->flags, GQL_SUBSCRIPTION);
    const gql_fragment_definition *fr = (const gql_fragment_definition *)DEF(doc, 3);
    CHECK_EQ_INT(fr->base.kind, GQL_FRAGMENT_DEFINITION);
    CHECK_EQ_STR(fr->description->value.ptr, "d");
    CHECK(fr->description->base.flags & GQL_FLAG_BLOCK);
    CHECK_EQ_STR(NAME(fr->type_condition->name), "T");
    gql_document_free(doc);
}

static void test_type_system(void) {
    const char *src =
        "\"schema\" schema @s { query: Q mutation: M }\n"
        "scalar Date @specifiedBy(url: \"u\")\n"
        "\"\"\"Obj\"\"\" type O implements & A & B @d { \"f\" f(\"a\" a: Int = 1 @x): [O!]! @deprecated }\n"
        "interface I implements A { f: Int }\n"
        "union U @d = | A | B\n"
        "enum E { \"v\" A @deprecated(reason: \"r\") B }\n"
        "input In @oneOf { a: Int = 1, b: [String] = [\"x\"] }\n"
        "directive @d(a: Int) repeatable on FIELD | OBJECT\n"
        "extend schema @e { subscription: S }\n"
        "extend scalar Date @e\n"
        "extend type O implements C\n"
        "extend interface I @e\n"
        "extend union U = C\n"
        "extend enum E { C }\n"
        "extend input In { c: ID }\n";
    gql_document *doc = PARSE_OK(src);
    if (!doc) return;
    static const gql_kind kinds[] = {
        GQL_SCHEMA_DEFINITION, GQL_SCALAR_TYPE_DEFINITION, GQL_OBJECT_TYPE_DEFINITION,
        GQL_INTERFACE_TYPE_DEFINITION, GQL_UNION_TYPE_DEFINITION, GQL_ENUM_TYPE_DEFINITION,
        GQL_INPUT_OBJECT_TYPE_DEFINITION, GQL_DIRECTIVE_DEFINITION, GQL_SCHEMA_EXTENSION,
        GQL_SCALAR_TYPE_EXTENSION, GQL_OBJECT_TYPE_EXTENSION, GQL_INTERFACE_TYPE_EXTENSION,
        GQL_UNION_TYPE_EXTENSION, GQL_ENUM_TYPE_EXTENSION, GQL_INPUT_OBJECT_TYPE_EXTENSION,
    };
    const gql_document_node *root = gql_document_root(doc);
    CHECK_EQ_INT(root->definitions.count, sizeof kinds / sizeof kinds[0]);
    for (size_t i = 0; i < root->definitions.count && i < sizeof kinds / sizeof kinds[0]; i++)
        CHECK_EQ_INT(root->definitions.items[i]->kind, kinds[i]);

    const gql_schema_definition *sd = (const gql_schema_definition *)DEF(doc, 0);
    CHECK_EQ_STR(sd->description->value.ptr, "schema");
    CHECK_EQ_INT(sd->operation_types.count, 2);
    CHECK_EQ_INT(sd->operation_types.items[1]->flags, GQL_MUTATION);

    const gql_type_definition *o = (const gql_type_definition *)DEF(doc, 2);
    CHECK_EQ_STR(o->description->value.ptr, "Obj");
    CHECK_EQ_INT(o->interfaces.count, 2);
    CHECK_EQ_INT(o->members.count, 1);
    const gql_field_definition *fd = (const gql_field_definition *)o->members.items[0];
    CHECK_EQ_STR(fd->description->value.ptr, "f");
    CHECK_EQ_INT(fd->arguments.count, 1);
    const gql_input_value_definition *arg = (const gql_input_value_definition *)fd->arguments.items[0];
    CHECK_EQ_STR(arg->description->value.ptr, "a");
    CHECK_EQ_INT(arg->default_value->kind, GQL_INT_VALUE);
    CHECK_EQ_INT(arg->directives.count, 1);
    CHECK_EQ_INT(fd->type->kind, GQL_NON_NULL_TYPE);

    const gql_type_definition *u = (const gql_type_definition *)DEF(doc, 4);
    CHECK_EQ_INT(u->members.count, 2);
    CHECK_EQ_INT(u->members.items[0]->kind, GQL_NAMED_TYPE);
    const gql_type_definition *e = (const gql_type_definition *)DEF(doc, 5);
    CHECK_EQ_INT(e->members.count, 2);
    CHECK_EQ_INT(e->members.items[0]->kind, GQL_ENUM_VALUE_DEFINITION);
    const gql_directive_definition *dd = (const gql_directive_definition *)DEF(doc, 7);
    CHECK(dd->base.flags & GQL_FLAG_REPEATABLE);
    CHECK_EQ_INT(dd->locations.count, 2);
    CHECK_EQ_STR(NAME((const gql_name *)dd->locations.items[1]), "OBJECT");
    const gql_type_definition *ext = (const gql_type_definition *)DEF(doc, 10);
    CHECK(ext->description == NULL);
    CHECK_EQ_INT(ext->interfaces.count, 1);
    CHECK_EQ_INT(ext->members.count, 0);
    gql_document_free(doc);
}

static void test_no_location(void) {
    gql_parse_options o;
    gql_parse_options_init(&o);
    o.no_location = true;
    gql_error err = {0};
    gql_document *doc = gql_parse("query Q { a }", 13, &o, &err);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK(gql_document_no_location(doc));
    const gql_operation_definition *op = (const gql_operation_definition *)DEF(doc, 0);
    CHECK_EQ_INT(op->base.start, 0);
    CHECK_EQ_INT(op->base.end, 0);
    CHECK_EQ_INT(op->name->base.end, 0);
    gql_document_free(doc);
}

static void test_document_keeps_its_own_source(void) {
    char buf[] = "{ a(x: \"str\") }";
    gql_document *doc = PARSE_OK(buf);
    if (!doc) return;
    memset(buf, 'X', sizeof buf - 1);
    size_t len;
    CHECK_EQ_STR(gql_document_source(doc, &len), "{ a(x: \"str\") }");
    CHECK_EQ_INT(len, 15);
    const gql_operation_definition *op = (const gql_operation_definition *)DEF(doc, 0);
    const gql_field *f = (const gql_field *)op->selection_set->selections.items[0];
    CHECK_EQ_STR(((const gql_string_value *)((const gql_argument *)f->arguments.items[0])->value)->value.ptr, "str");
    gql_document_free(doc);
}

static void test_kind_names(void) {
    CHECK_EQ_STR(gql_kind_name(GQL_OPERATION_DEFINITION), "operation_definition");
    CHECK_EQ_STR(gql_kind_name(GQL_INPUT_OBJECT_TYPE_EXTENSION), "input_object_type_extension");
    CHECK_EQ_STR(gql_operation_name(GQL_SUBSCRIPTION), "subscription");
}

int main(void) {
    RUN(test_operation);
    RUN(test_shorthand_and_operation_types);
    RUN(test_type_system);
    RUN(test_no_location);
    RUN(test_document_keeps_its_own_source);
    RUN(test_kind_names);
    return gql_test_summary();
}
