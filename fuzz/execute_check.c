/* execute_check.c: see execute_check.h. */
#include "execute_check.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graftql.h"
#include "json/host.h"
#include "json/reader.h"

/*=== MARK: An allocator that fails once ====================================*/

/* Every allocation of the core is counted; allocation number fail_at (from
 * 0) fails, the ones after it succeed again, so that a failure the core
 * swallows cannot hide behind later ones. SIZE_MAX: none fails. */
static size_t allocations, fail_at = SIZE_MAX;

static bool take(void) {
    return allocations++ != fail_at;
}
static void *failing_malloc(void *ctx, size_t size) {
    (void)ctx;
    return take() ? malloc(size) : NULL;
}
static void *failing_realloc(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    return take() ? realloc(ptr, size) : NULL;
}
static void plain_free(void *ctx, void *ptr) {
    (void)ctx;
    free(ptr);
}

/*=== MARK: The schema and the default data =================================*/

/* Every kind of type, every nullability of lists of scalars and objects,
 * arguments with defaults, an input object with a list, a recursive field
 * and a custom scalar, and all three roots. Toy is an object type that is
 * in no union, Role one that is no object: __typename may name either. */
static const char schema_sdl[] =
    "schema { query: Query mutation: Mutation subscription: Subscription }\n"
    "interface Node { id: ID! }\n"
    "interface Named implements Node { id: ID! name(upper: Boolean = false): String }\n"
    "type User implements Node & Named { id: ID! name(upper: Boolean = false): String\n"
    "  age: Int score: Float active: Boolean! role: Role roles: [Role!]!\n"
    "  friends(first: Int = 10, after: String): [User] bestFriend: User! pets: [Pet!]!\n"
    "  tags: [String!] matrix: [[Int!]]! meta: Json }\n"
    "type Dog implements Node & Named { id: ID! name(upper: Boolean = false): String\n"
    "  barks: Boolean! owner: User }\n"
    "type Cat implements Node & Named { id: ID! name(upper: Boolean = false): String\n"
    "  lives: Int! enemies: [Dog!] }\n"
    "type Toy { label: String! }\n"
    "union Pet = Dog | Cat\n"
    "union SearchResult = User | Dog | Cat\n"
    "enum Role { ADMIN EDITOR VIEWER LEGACY @deprecated(reason: \"gone\") }\n"
    "scalar Json\n"
    "input Filter { name: String roles: [Role!] = [VIEWER] minAge: Int = 0 near: [Float!]\n"
    "  nested: Filter extra: Json }\n"
    "type Query { me: User user(id: ID!): User node(id: ID): Node\n"
    "  nodes(ids: [ID!]! = []): [Node]!\n"
    "  search(text: String = \"\", filter: Filter, first: Int = 10): [SearchResult!]\n"
    "  pets: [Pet] pet: Pet! toy: Toy\n"
    "  int: Int intNN: Int! float: Float string: String bool: Boolean id: ID\n"
    "  json(arg: Json): Json role(fallback: Role = ADMIN): Role roleNN: Role!\n"
    "  list: [Int] listNN: [Int]! nnList: [Int!] nnListNN: [Int!]!\n"
    "  matrix: [[String]] deep: [[[Boolean!]]!] users: [User] usersNN: [User!]!\n"
    "  echo(s: String, i: Int = 1, f: Float, b: Boolean, r: [Role], filter: Filter,\n"
    "       j: Json): String }\n"
    "type Mutation { setName(id: ID!, name: String!): User bump(by: Int = 1): Int!\n"
    "  fail: User! }\n"
    "type Subscription { tick: Int userChanged(id: ID): User }\n";

/* Mostly right for the schema, with a fault of every sort somewhere: nulls
 * where they may not be, wrong scalars and enum values, a list for an
 * object and the reverse, __typename missing, unknown, not an object, not
 * a possible type. "event" is a subscription's event. */
static const char default_data[] =
    "{\"me\":{\"id\":1,\"name\":\"Ada\",\"age\":36,\"score\":1.5,\"active\":true,"
    "\"role\":\"ADMIN\",\"roles\":[\"ADMIN\",\"EDITOR\"],"
    "\"friends\":[{\"id\":\"2\",\"name\":\"Bob\",\"active\":false,\"roles\":[],"
    "\"bestFriend\":null,\"pets\":[],\"matrix\":[]},null,\"x\",[1],"
    "{\"id\":3,\"active\":1,\"roles\":[\"NOPE\"],\"matrix\":[[1,null]],\"pets\":null}],"
    "\"bestFriend\":{\"id\":\"4\",\"name\":\"Cy\",\"active\":true,\"roles\":[\"VIEWER\"],"
    "\"bestFriend\":{\"id\":\"5\",\"active\":true,\"roles\":[],\"matrix\":[],\"pets\":[]},"
    "\"pets\":[],\"matrix\":[[7]]},"
    "\"pets\":[{\"__typename\":\"Dog\",\"id\":\"d1\",\"name\":\"Rex\",\"barks\":true,"
    "\"owner\":{\"id\":1,\"active\":true}},{\"__typename\":\"Cat\",\"id\":\"c1\",\"lives\":9,"
    "\"enemies\":[{\"id\":\"d2\",\"barks\":false},null]},{\"__typename\":\"Toy\"},"
    "{\"__typename\":\"Nope\"},{\"__typename\":\"Role\"},{\"__typename\":7},{}],"
    "\"tags\":[\"a\",null,\"b\"],\"matrix\":[[1,2],[3,\"x\"],null,[2147483648]],"
    "\"meta\":{\"k\":[1,2.5,{\"z\":null}],\"s\":\"\\u00e9\"}},"
    "\"user\":{\"id\":\"u1\",\"name\":null,\"active\":\"yes\",\"roles\":\"ADMIN\"},"
    "\"node\":{\"__typename\":\"Cat\",\"id\":\"c2\",\"name\":\"Tom\",\"lives\":\"nine\"},"
    "\"nodes\":[{\"__typename\":\"User\",\"id\":\"u2\",\"active\":true},null,"
    "{\"__typename\":\"Toy\",\"label\":\"ball\"},{\"__typename\":\"Dog\",\"id\":null}],"
    "\"search\":[{\"__typename\":\"User\",\"id\":\"u3\",\"name\":\"Di\",\"active\":true,"
    "\"roles\":[],\"matrix\":[],\"pets\":[]},{\"__typename\":\"Dog\",\"id\":\"d3\",\"barks\":1},"
    "null,{\"id\":\"c9\"}],"
    "\"pets\":[{\"__typename\":\"Cat\",\"id\":\"c3\",\"lives\":1.0},null,"
    "{\"__typename\":\"Dog\",\"id\":\"d4\",\"barks\":null}],"
    "\"pet\":{\"__typename\":\"Dog\",\"id\":\"d5\",\"barks\":false},\"toy\":{\"label\":null},"
    "\"int\":2147483648,\"intNN\":null,\"float\":\"1.5\",\"string\":12,\"bool\":0,\"id\":1.0,"
    "\"json\":{\"a\":[true,null,1e300]},\"role\":\"LEGACY\",\"roleNN\":\"nope\","
    "\"list\":[1,null,\"2\",2.5],\"listNN\":null,\"nnList\":[1,null],\"nnListNN\":[1,2],"
    "\"matrix\":[[\"a\"],null,[null,1]],\"deep\":[[[true,null]],[null],null],"
    "\"users\":[{\"id\":\"u4\",\"active\":true},{\"id\":null,\"active\":true}],"
    "\"usersNN\":[{\"id\":\"u5\",\"active\":true},null],\"echo\":\"hi\","
    "\"setName\":{\"id\":\"u6\",\"name\":\"New\",\"active\":true},\"bump\":\"2\","
    "\"fail\":null,\"tick\":3,"
    "\"event\":{\"id\":\"u7\",\"name\":\"Eve\",\"active\":true,\"roles\":[\"EDITOR\"]}}";

static gql_schema *schema;
static gql_json_doc *default_doc;

static const char *setup(void) {
    if (schema) return NULL;
    gql_error err = {0};
    gql_document *sdl = gql_parse(schema_sdl, sizeof schema_sdl - 1, NULL, &err);
    if (!sdl) {
        gql_error_clear(&err);
        return "the schema does not parse";
    }
    gql_error_list errors;
    gql_error_list_init(&errors);
    const gql_document *docs[1] = {sdl};
    schema = gql_schema_build(docs, 1, NULL, &errors);
    bool valid = schema && gql_schema_is_valid(schema) && errors.count == 0;
    gql_error_list_clear(&errors);
    gql_document_free(sdl);
    if (!valid) return "the schema is not valid";
    default_doc = gql_json_parse(default_data, sizeof default_data - 1, 0, &err);
    if (!default_doc) {
        gql_error_clear(&err);
        return "the default data is not JSON";
    }
    return NULL;
}

/*=== MARK: Checking a response ============================================*/

/* Whether a value holds a float the JSON writer writes as NaN or Infinity
 * (as json.dumps does): a custom scalar passes it through, and the
 * response is then not strict JSON. */
static bool has_non_finite(const gql_json *v) {
    if (v->kind == GQL_JSON_FLOAT) return !isfinite(v->f64);
    for (size_t i = 0; v->kind == GQL_JSON_ARRAY && i < v->count; i++)
        if (has_non_finite(v->u.items[i])) return true;
    for (size_t i = 0; v->kind == GQL_JSON_OBJECT && i < v->count; i++)
        if (has_non_finite(v->u.members[i].value)) return true;
    return false;
}

static bool count_path_element(void *ctx, const char *name, size_t len, int64_t index) {
    (void)len;
    if (!name && index < 0) return false;
    (*(size_t *)ctx)++;
    return true;
}

/* Read the data tree as a binding does (to_dict); false when it is not a
 * tree a binding can read. */
static bool walk_result(const gql_result_value *v, unsigned depth) {
    if (depth > 10000) return false;
    switch (gql_result_value_kind(v)) {
    case GQL_RESULT_NULL:
        return true;
    case GQL_RESULT_LEAF:
        return gql_result_leaf(v) != NULL;
    case GQL_RESULT_TEXT:
    case GQL_RESULT_JSON: {
        size_t len;
        return gql_result_text(v, &len) != NULL;
    }
    case GQL_RESULT_OBJECT:
        for (size_t i = 0; i < gql_result_size(v); i++)
            if (!gql_result_key(v, i) || !walk_result(gql_result_item(v, i), depth + 1))
                return false;
        return true;
    case GQL_RESULT_LIST:
        for (size_t i = 0; i < gql_result_size(v); i++)
            if (!walk_result(gql_result_item(v, i), depth + 1)) return false;
        return true;
    }
    return false;
}

static const char *check_errors(gql_execution *exec, const gql_document *doc) {
    size_t source_len;
    gql_document_source(doc, &source_len);
    bool has_data = gql_execution_has_data(exec);
    size_t count = gql_execution_error_count(exec);
    for (size_t i = 0; i < count; i++) {
        const gql_exec_error *e = gql_execution_error_at(exec, i);
        if (!e) return "an error the count promises is missing";
        if (!e->message || !e->message_len || strlen(e->message) != e->message_len)
            return "an error has a bad message";
        for (uint32_t k = 0; k < e->offset_count; k++)
            if (e->offsets[k] > source_len) return "an error is located outside the source";
        if (has_data && !e->path) return "a field error has no path";
        if (!has_data && e->path) return "a request error has a path";
        if (e->path) {
            size_t depth = 0;
            if (!gql_execution_path(exec, e->path, count_path_element, &depth))
                return "an error's path has a bad element";
            if (!e->path_field && e->path_index < 0) return "an error's path has no last element";
        }
    }
    if (gql_execution_error_at(exec, count)) return "an error past the count";
    return NULL;
}

/* The response text against what the execution says it holds. */
static const char *check_json(gql_execution *exec, const char *json, size_t len) {
    gql_error err = {0};
    gql_json_doc *doc = gql_json_parse(json, len, GQL_JSON_MAX_DEPTH_CEILING, &err);
    if (!doc) {
        gql_error_clear(&err);
        return "the response is not JSON";
    }
    const char *problem = NULL;
    const gql_json *root = gql_json_doc_root(doc);
    const gql_json *data = gql_json_get(root, "data", 4);
    const gql_json *errors = gql_json_get(root, "errors", 6);
    size_t count = gql_execution_error_count(exec);
    if (root->kind != GQL_JSON_OBJECT)
        problem = "the response is not an object";
    else if (!data != !gql_execution_has_data(exec))
        problem = "the response has \"data\" exactly when it should not";
    else if (data && data->kind != GQL_JSON_OBJECT && data->kind != GQL_JSON_NULL)
        problem = "the response's data is neither an object nor null";
    else if (data && (data->kind == GQL_JSON_NULL) != !gql_execution_data(exec))
        problem = "the response's data is null exactly when the execution's is not";
    else if (!errors != !count)
        problem = "the response has \"errors\" exactly when there are none";
    else if (errors && (errors->kind != GQL_JSON_ARRAY || errors->count != count))
        problem = "the response does not list every error";
    for (size_t i = 0; !problem && errors && i < errors->count; i++) {
        const gql_json *e = errors->u.items[i];
        const gql_json *message = gql_json_get(e, "message", 7);
        if (!message || message->kind != GQL_JSON_STRING)
            problem = "an error of the response has no message";
        else if (!gql_json_get(e, "path", 4) != !gql_execution_error_at(exec, i)->path)
            problem = "an error of the response has a path exactly when it has none";
    }
    gql_json_doc_free(doc);
    return problem;
}

/*=== MARK: Running ========================================================*/

typedef struct run {
    const gql_document *doc;
    const gql_json *root;       /* the root value */
    const gql_json *variables;  /* or NULL */
    gql_execute_options options;
    bool check;                 /* check the properties (no allocation fails) */
    bool nomem;                 /* out: the run ended out of memory */
    char *json;                 /* out: the response (gql_free) */
    size_t json_len;
} run;

static const char *execute(run *r) {
    gql_json_host_ctx ctx;
    gql_json_host_init(&ctx);
    const char *problem = NULL;
    r->options.root_value = gql_json_value(r->root);
    r->options.variables = r->variables ? gql_json_value(r->variables) : NULL;
    gql_execution *exec = gql_execution_new(schema, r->doc, &gql_json_host, &ctx, &r->options);
    if (!exec) {
        r->nomem = true;
        if (r->check) problem = "gql_execution_new failed without an allocation failing";
        goto done;
    }
    gql_exec_status st = gql_execution_run(exec);
    if (st == GQL_EXEC_NOMEM) {
        r->nomem = true;
        if (r->check) problem = "the run ran out of memory without an allocation failing";
        else if (gql_execution_json(exec, NULL, NULL)) problem = "a response after out of memory";
        goto done;
    }
    if (st != GQL_EXEC_DONE) {
        problem = "the run did not end done over the JSON host";
        goto done;
    }
    if (gql_execution_run(exec) != GQL_EXEC_DONE) {
        problem = "running a done execution again is not done";
        goto done;
    }
    gql_value leaf_error = NULL;
    r->json = gql_execution_json(exec, &r->json_len, &leaf_error);
    if (!r->json) {
        r->nomem = true;
        if (r->check || leaf_error) problem = "the response cannot be written";
        goto done;
    }
    if (!r->check) goto done;
    if (strlen(r->json) != r->json_len) {
        problem = "the response's length is wrong";
        goto done;
    }
    if ((problem = check_errors(exec, r->doc))) goto done;
    const gql_result_value *data = gql_execution_data(exec);
    if (data && !walk_result(data, 0)) {
        problem = "the data tree cannot be read";
        goto done;
    }
    if (!has_non_finite(r->root)) problem = check_json(exec, r->json, r->json_len);
done:
    gql_execution_free(exec);
    gql_json_host_release(&ctx);
    return problem;
}

static size_t fnv1a(const uint8_t *data, size_t size) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++) h = (h ^ data[i]) * 16777619u;
    return h;
}

/* The name of the document's last named operation, or NULL. */
static const char *last_operation_name(const gql_document *doc) {
    const gql_document_node *root = gql_document_root(doc);
    const char *name = NULL;
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_OPERATION_DEFINITION) continue;
        const gql_operation_definition *op = (const gql_operation_definition *)def;
        if (op->name) name = op->name->value->str;
    }
    return name;
}

/* A part of the input read as JSON, or NULL. */
static gql_json_doc *read_json(const uint8_t *from, const uint8_t *end) {
    if (!from || from >= end) return NULL;
    gql_error err = {0};
    gql_json_doc *doc = gql_json_parse((const char *)from, (size_t)(end - from), 0, &err);
    gql_error_clear(&err);
    return doc;
}

const char *gql_fuzz_check_execute(const uint8_t *data, size_t size) {
    /* Process-wide: whatever allocator was set before (the parser check's)
     * allocates with malloc too, so what it allocated frees here. */
    static const gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    gql_set_allocator(&failing);
    fail_at = SIZE_MAX;
    const char *problem = setup();
    if (problem) return problem;

    const uint8_t *end = data + size;
    const uint8_t *nul = memchr(data, 0, size);
    size_t query_len = nul ? (size_t)(nul - data) : size;
    const uint8_t *data_at = nul ? nul + 1 : NULL;
    const uint8_t *nul2 = data_at ? memchr(data_at, 0, (size_t)(end - data_at)) : NULL;
    const uint8_t *vars_at = nul2 ? nul2 + 1 : NULL;
    size_t h = fnv1a(data, size);

    gql_parse_options parse_options;
    gql_parse_options_init(&parse_options);
    parse_options.no_location = h % 4 == 0;
    gql_error err = {0};
    gql_document *doc = gql_parse((const char *)data, query_len, &parse_options, &err);
    if (!doc) {
        gql_error_clear(&err);
        return NULL;
    }
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status valid = gql_validate(schema, doc, NULL, &errors);
    gql_error_list_clear(&errors);
    if (valid != GQL_OK) {
        gql_document_free(doc);
        return valid == GQL_ERR_INVALID ? NULL : "validation failed without an allocation failing";
    }
    gql_json_doc *root_doc = read_json(data_at, nul2 ? nul2 : end);
    gql_json_doc *vars_doc = read_json(vars_at, end);

    run r = {.doc = doc, .check = true};
    r.root = gql_json_doc_root(root_doc ? root_doc : default_doc);
    r.variables = vars_doc ? gql_json_doc_root(vars_doc) : NULL;
    gql_execute_options_init(&r.options);
    switch ((h >> 2) % 8) {
    case 5:
    case 6:
        r.options.operation_name = last_operation_name(doc);
        break;
    case 7:
        r.options.operation_name = "Missing";
        break;
    default:
        break;
    }
    switch ((h >> 5) % 3) {
    case 1:
        r.options.subscription_source = true;
        break;
    case 2: {
        const gql_json *event = gql_json_get(r.root, "event", 5);
        r.options.subscription_event = gql_json_value(event ? event : r.root);
        break;
    }
    default:
        break;
    }

    allocations = 0;
    problem = execute(&r);
    size_t budget = allocations;
    /* The same execution with one of its allocations failing. */
    if (!problem && budget > 0) {
        run again = r;
        again.check = false;
        again.json = NULL;
        again.nomem = false;
        allocations = 0;
        fail_at = (h >> 7) % budget;
        problem = execute(&again);
        fail_at = SIZE_MAX;
        if (!problem && !again.nomem &&
            (again.json_len != r.json_len || memcmp(again.json, r.json, r.json_len) != 0))
            problem = "a failed allocation changed the response";
        gql_free(again.json);
    }
    gql_free(r.json);
    gql_json_doc_free(root_doc);
    gql_json_doc_free(vars_doc);
    gql_document_free(doc);
    return problem;
}
