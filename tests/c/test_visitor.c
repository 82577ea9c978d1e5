/*
 * test_visitor.c: gql_visit against graphql-core 3.2.14's visit(), and the
 * kind tables of ast.c (gql_kind_name, gql_child_slots).
 *
 * The expected event lists (tests/c/data/visit_order_*.txt and the short
 * lists below) were recorded by running graphql-core's visit() on the same
 * documents with a visitor that logs "enter <node> < <parent kind>" and
 * "leave <node>"; for members of a list graphql-core passes the list as the
 * parent, so the log names the node that owns the list, as gql_visit does.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/*=== MARK: Recording visitor ===============================================*/

#define MAX_EVENTS 512

typedef struct recorder {
    char *events[MAX_EVENTS];  /* one malloc'd line per callback */
    size_t count;
    bool with_parent;          /* log "< parent kind" on enter */
    bool field_names;          /* label fields "field:<name>" */
    const char *stop_at;       /* a field name: enter returns action there */
    gql_visit_action action;   /* what enter returns at stop_at */
    const char *break_on_leave;  /* a field name: leave returns BREAK there */
} recorder;

static const char *field_name(const gql_node *node) {
    if (node->kind != GQL_FIELD) return NULL;
    return ((const gql_field *)(const void *)node)->name->value->str;
}

/* graphql-core labels as the recording script wrote them. */
static void label(const recorder *rec, const gql_node *node, char *out, size_t size) {
    const char *kind = gql_kind_name((gql_kind)node->kind);
    switch (node->kind) {
    case GQL_NAME:
        snprintf(out, size, "name:%s", ((const gql_name *)(const void *)node)->value->str);
        return;
    case GQL_INT_VALUE:
    case GQL_ENUM_VALUE: {
        const gql_text *t = &((const gql_scalar_value *)(const void *)node)->value;
        snprintf(out, size, "%s:%.*s", kind, (int)t->len, t->ptr);
        return;
    }
    case GQL_STRING_VALUE: {
        const gql_text *t = &((const gql_string_value *)(const void *)node)->value;
        snprintf(out, size, "%s:%.*s", kind, (int)t->len, t->ptr);
        return;
    }
    case GQL_FIELD:
        if (rec->field_names) {
            snprintf(out, size, "field:%s", field_name(node));
            return;
        }
        break;
    default:
        break;
    }
    snprintf(out, size, "%s", kind);
}

static void record(recorder *rec, const char *line) {
    if (rec->count < MAX_EVENTS) {
        char *copy = malloc(strlen(line) + 1);
        if (copy) strcpy(copy, line);
        rec->events[rec->count++] = copy;
    }
}

static gql_visit_action on_enter(const gql_node *node, const gql_node *parent, void *user) {
    recorder *rec = user;
    char name[256], line[300];
    label(rec, node, name, sizeof name);
    if (rec->with_parent)
        snprintf(line, sizeof line, "enter %s < %s", name,
                 parent ? gql_kind_name((gql_kind)parent->kind) : "-");
    else
        snprintf(line, sizeof line, "enter %s", name);
    record(rec, line);
    const char *fname = field_name(node);
    if (rec->stop_at && fname && strcmp(fname, rec->stop_at) == 0) return rec->action;
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action on_leave(const gql_node *node, const gql_node *parent, void *user) {
    recorder *rec = user;
    char name[256], line[300];
    (void)parent;
    label(rec, node, name, sizeof name);
    snprintf(line, sizeof line, "leave %s", name);
    record(rec, line);
    const char *fname = field_name(node);
    if (rec->break_on_leave && fname && strcmp(fname, rec->break_on_leave) == 0)
        return GQL_VISIT_BREAK;
    return GQL_VISIT_CONTINUE;
}

static gql_visitor recording_visitor(void) {
    gql_visitor v;
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        v.enter[k] = on_enter;
        v.leave[k] = on_leave;
    }
    return v;
}

static void recorder_free(recorder *rec) {
    for (size_t i = 0; i < rec->count; i++) free(rec->events[i]);
    rec->count = 0;
}

/* Compare the recorded events with a list of expected lines. */
static void check_events(const char *file, int line, const recorder *rec,
                         const char *const *expected, size_t count) {
    size_t n = rec->count < count ? rec->count : count;
    for (size_t i = 0; i < n; i++) {
        if (!rec->events[i] || strcmp(rec->events[i], expected[i]) != 0) {
            gql_test_fail(file, line, "event %zu:\n  got:      %s\n  expected: %s", i,
                          rec->events[i] ? rec->events[i] : "(null)", expected[i]);
            return;
        }
    }
    if (rec->count != count)
        gql_test_fail(file, line, "%zu events, expected %zu", rec->count, count);
}
#define CHECK_EVENTS(rec, list) \
    check_events(__FILE__, __LINE__, (rec), (list), sizeof(list) / sizeof((list)[0]))

static const gql_node *root_of(const gql_document *doc) {
    return (const gql_node *)gql_document_root(doc);
}

/* Visit source and compare with the events in a data file, one per line. */
static void check_order(const char *source, const char *data_file) {
    size_t len;
    char *expected = gql_test_read_data(data_file, &len);
    gql_document *doc = PARSE_OK(source);
    if (expected && doc) {
        const char *lines[MAX_EVENTS];
        size_t count = 0;
        for (char *p = expected; *p && count < MAX_EVENTS;) {
            char *nl = strchr(p, '\n');
            if (nl) *nl = '\0';
            lines[count++] = p;
            if (!nl) break;
            p = nl + 1;
        }
        recorder rec = {.with_parent = true};
        gql_visitor v = recording_visitor();
        CHECK_EQ_INT(gql_visit(root_of(doc), &v, &rec), GQL_VISIT_CONTINUE);
        check_events(__FILE__, __LINE__, &rec, lines, count);
        recorder_free(&rec);
    }
    gql_document_free(doc);
    free(expected);
}

/*=== MARK: Order and parents ===============================================*/

static void test_executable_order(void) {
    check_order("query Q(\"d\" $v: [Int!] = [1] @vd) @od(a: 1) {"
                " alias: f(x: $v, o: {k: null}) @skip(if: true) { ...F @sd }"
                " ... on T @id { g } } \"fd\" fragment F on T @fd { h }",
                "visit_order_exec.txt");
}

static void test_schema_order(void) {
    check_order("schema @s { query: Q } \"t\" type T implements I @d {"
                " \"f\" f(\"a\" a: Int = 1 @ad): [T!] @fd }"
                " interface I implements J @d { f: Int } union U @d = A | B"
                " enum E @d { \"v\" V @vd } input In @d { i: Int = 2 @id } scalar S @d"
                " directive @x(\"a\" a: Int) repeatable on FIELD | QUERY"
                " extend schema @s { mutation: M } extend scalar S @d"
                " extend type T implements K @d { g: Int }"
                " extend interface I implements K @d { g: Int } extend union U @d = C"
                " extend enum E @d { W } extend input In @d { j: Int }",
                "visit_order_sdl.txt");
}

/* Parent pointers are the owning nodes themselves, not copies. */
static const gql_node *expected_parent;
static int parent_checks;

static gql_visit_action check_parent_of_name(const gql_node *node, const gql_node *parent,
                                             void *user) {
    (void)user;
    if (parent == expected_parent) parent_checks++;
    (void)node;
    return GQL_VISIT_CONTINUE;
}

static void test_parent_pointers(void) {
    gql_document *doc = PARSE_OK("{ a(x: 1) }");
    if (!doc) return;
    const gql_document_node *root = gql_document_root(doc);
    const gql_operation_definition *op =
        (const gql_operation_definition *)(const void *)root->definitions.items[0];
    const gql_node *field = op->selection_set->selections.items[0];
    gql_visitor v = {0};
    v.enter[GQL_ARGUMENT] = check_parent_of_name;
    expected_parent = field;
    parent_checks = 0;
    gql_visit(root_of(doc), &v, NULL);
    CHECK_EQ_INT(parent_checks, 1);

    /* The root has no parent. */
    v.enter[GQL_ARGUMENT] = NULL;
    v.enter[GQL_DOCUMENT] = check_parent_of_name;
    expected_parent = NULL;
    parent_checks = 0;
    gql_visit(root_of(doc), &v, NULL);
    CHECK_EQ_INT(parent_checks, 1);

    /* A walk may start anywhere; that node then has no parent. */
    v.enter[GQL_DOCUMENT] = NULL;
    v.enter[GQL_FIELD] = check_parent_of_name;
    parent_checks = 0;
    gql_visit(field, &v, NULL);
    CHECK_EQ_INT(parent_checks, 1);
    gql_document_free(doc);
}

/*=== MARK: SKIP and BREAK ==================================================*/

static const char *const skip_events[] = {
    "enter document", "enter operation_definition", "enter selection_set", "enter field:a",
    "enter name:a", "leave name:a", "enter selection_set", "enter field:b", "enter name:b",
    "leave name:b", "leave field:b", "leave selection_set", "leave field:a", "enter field:x",
    "enter field:e", "enter name:e", "leave name:e", "leave field:e", "leave selection_set",
    "leave operation_definition", "leave document",
};

static const char *const break_events[] = {
    "enter document", "enter operation_definition", "enter selection_set", "enter field:a",
    "enter name:a", "leave name:a", "enter selection_set", "enter field:b", "enter name:b",
    "leave name:b", "leave field:b", "leave selection_set", "leave field:a", "enter field:x",
};

static const char *const leave_break_events[] = {
    "enter document", "enter operation_definition", "enter selection_set", "enter field:a",
    "enter name:a", "leave name:a", "enter selection_set", "enter field:b", "enter name:b",
    "leave name:b", "leave field:b", "leave selection_set", "leave field:a", "enter field:x",
    "enter name:x", "leave name:x", "enter directive", "enter name:d", "leave name:d",
    "leave directive", "enter selection_set", "enter field:c", "enter name:c", "leave name:c",
    "enter selection_set", "enter field:d", "enter name:d", "leave name:d", "leave field:d",
    "leave selection_set", "leave field:c", "leave selection_set", "leave field:x",
};

#define SKIP_BREAK_DOC "{ a { b } x @d { c { d } } e }"

/* SKIP from enter: no children and no leave for that node; the walk goes on. */
static void test_skip(void) {
    gql_document *doc = PARSE_OK(SKIP_BREAK_DOC);
    if (!doc) return;
    recorder rec = {.field_names = true, .stop_at = "x", .action = GQL_VISIT_SKIP};
    gql_visitor v = recording_visitor();
    CHECK_EQ_INT(gql_visit(root_of(doc), &v, &rec), GQL_VISIT_CONTINUE);
    CHECK_EVENTS(&rec, skip_events);
    recorder_free(&rec);
    gql_document_free(doc);
}

/* BREAK from enter or leave ends the walk at once and is returned. */
static void test_break(void) {
    gql_document *doc = PARSE_OK(SKIP_BREAK_DOC);
    if (!doc) return;
    recorder rec = {.field_names = true, .stop_at = "x", .action = GQL_VISIT_BREAK};
    gql_visitor v = recording_visitor();
    CHECK_EQ_INT(gql_visit(root_of(doc), &v, &rec), GQL_VISIT_BREAK);
    CHECK_EVENTS(&rec, break_events);
    recorder_free(&rec);

    recorder rec2 = {.field_names = true, .break_on_leave = "x"};
    CHECK_EQ_INT(gql_visit(root_of(doc), &v, &rec2), GQL_VISIT_BREAK);
    CHECK_EVENTS(&rec2, leave_break_events);
    recorder_free(&rec2);
    gql_document_free(doc);
}

/* Missing callbacks are skipped, their node's children are still visited;
 * SKIP returned from leave means nothing. */
static int names_seen;

static gql_visit_action count_name(const gql_node *node, const gql_node *parent, void *user) {
    (void)node, (void)parent, (void)user;
    names_seen++;
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action skip_from_leave(const gql_node *node, const gql_node *parent,
                                        void *user) {
    (void)node, (void)parent, (void)user;
    return GQL_VISIT_SKIP;
}

static void test_sparse_visitor(void) {
    gql_document *doc = PARSE_OK(SKIP_BREAK_DOC);
    if (!doc) return;
    gql_visitor v = {0};
    v.enter[GQL_NAME] = count_name;
    v.leave[GQL_FIELD] = skip_from_leave;
    names_seen = 0;
    CHECK_EQ_INT(gql_visit(root_of(doc), &v, NULL), GQL_VISIT_CONTINUE);
    CHECK_EQ_INT(names_seen, 7);  /* a b x d c d e */
    gql_document_free(doc);
}

/*=== MARK: Kind tables =====================================================*/

typedef struct kind_keys {
    const char *kind;  /* graphql-core's kind name */
    const char *keys;  /* Node.keys without loc and scalar attributes */
} kind_keys;

/* From graphql-core 3.2.14's node classes, in gql_kind order, less the two
 * attributes the C AST does not have (see ast.c). */
static const kind_keys node_keys[GQL_KIND_COUNT] = {
    {"name", ""},
    {"document", "definitions"},
    {"operation_definition", "description,name,directives,variable_definitions,selection_set"},
    {"variable_definition", "description,variable,type,default_value,directives"},
    {"selection_set", "selections"},
    {"field", "directives,alias,name,arguments,selection_set"},
    {"argument", "name,value"},
    {"fragment_spread", "directives,name"},
    {"inline_fragment", "directives,type_condition,selection_set"},
    {"fragment_definition", "description,name,directives,selection_set,type_condition"},
    {"variable", "name"},
    {"int_value", ""},
    {"float_value", ""},
    {"string_value", ""},
    {"boolean_value", ""},
    {"null_value", ""},
    {"enum_value", ""},
    {"list_value", "values"},
    {"object_value", "fields"},
    {"object_field", "name,value"},
    {"directive", "name,arguments"},
    {"named_type", "name"},
    {"list_type", "type"},
    {"non_null_type", "type"},
    {"schema_definition", "description,directives,operation_types"},
    {"operation_type_definition", "type"},
    {"scalar_type_definition", "description,name,directives"},
    {"object_type_definition", "description,name,directives,interfaces,fields"},
    {"field_definition", "description,name,directives,arguments,type"},
    {"input_value_definition", "description,name,directives,type,default_value"},
    {"interface_type_definition", "description,name,directives,fields,interfaces"},
    {"union_type_definition", "description,name,directives,types"},
    {"enum_type_definition", "description,name,directives,values"},
    {"enum_value_definition", "description,name,directives"},
    {"input_object_type_definition", "description,name,directives,fields"},
    {"directive_definition", "description,name,arguments,locations"},
    {"schema_extension", "directives,operation_types"},
    {"scalar_type_extension", "name,directives"},
    {"object_type_extension", "name,directives,interfaces,fields"},
    {"interface_type_extension", "name,directives,interfaces,fields"},
    {"union_type_extension", "name,directives,types"},
    {"enum_type_extension", "name,directives,values"},
    {"input_object_type_extension", "name,directives,fields"},
};

static void test_kind_tables(void) {
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        CHECK_EQ_STR(gql_kind_name((gql_kind)k), node_keys[k].kind);
        size_t count = 99;
        const gql_child_slot *slots = gql_child_slots((gql_kind)k, &count);
        char joined[256] = "";
        for (size_t i = 0; i < count; i++) {
            if (i) strcat(joined, ",");
            strcat(joined, slots[i].key);
        }
        if (strcmp(joined, node_keys[k].keys) != 0)
            gql_test_fail(__FILE__, __LINE__, "slots of %s: %s, expected %s", node_keys[k].kind,
                          joined, node_keys[k].keys);
    }
    CHECK_EQ_STR(gql_operation_name(GQL_QUERY), "query");
    CHECK_EQ_STR(gql_operation_name(GQL_MUTATION), "mutation");
    CHECK_EQ_STR(gql_operation_name(GQL_SUBSCRIPTION), "subscription");
    size_t count = 99;
    CHECK(gql_child_slots(GQL_KIND_COUNT, &count) == NULL);
    CHECK_EQ_INT(count, 0);
}

/* A generic walk over gql_child_slots reaches every node the visitor does:
 * the offsets and list flags are right. */
static size_t walk_slots(const gql_node *node) {
    size_t n = 1, count;
    const gql_child_slot *slots = gql_child_slots((gql_kind)node->kind, &count);
    for (size_t i = 0; i < count; i++) {
        const char *at = (const char *)node + slots[i].offset;
        if (slots[i].is_list) {
            const gql_list *list = (const gql_list *)(const void *)at;
            for (uint32_t j = 0; j < list->count; j++) n += walk_slots(list->items[j]);
        } else {
            const gql_node *child;
            memcpy(&child, at, sizeof child);
            if (child) n += walk_slots(child);
        }
    }
    return n;
}

static int nodes_entered;

static gql_visit_action count_node(const gql_node *node, const gql_node *parent, void *user) {
    (void)node, (void)parent, (void)user;
    nodes_entered++;
    return GQL_VISIT_CONTINUE;
}

static void test_child_slots_reach_every_node(void) {
    const char *files[] = {"kitchen_sink.graphql", "schema_kitchen_sink.graphql"};
    for (size_t f = 0; f < 2; f++) {
        char *src = gql_test_read_data(files[f], NULL);
        gql_document *doc = src ? PARSE_OK(src) : NULL;
        if (doc) {
            gql_visitor v;
            for (int k = 0; k < GQL_KIND_COUNT; k++) {
                v.enter[k] = count_node;
                v.leave[k] = NULL;
            }
            nodes_entered = 0;
            gql_visit(root_of(doc), &v, NULL);
            CHECK(nodes_entered > 200);
            CHECK_EQ_INT(walk_slots(root_of(doc)), nodes_entered);
        }
        gql_document_free(doc);
        free(src);
    }
}

int main(void) {
    RUN(test_executable_order);
    RUN(test_schema_order);
    RUN(test_parent_pointers);
    RUN(test_skip);
    RUN(test_break);
    RUN(test_sparse_visitor);
    RUN(test_kind_tables);
    RUN(test_child_slots_reach_every_node);
    return gql_test_summary();
}
