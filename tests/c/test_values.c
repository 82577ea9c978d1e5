/*
 * test_values.c: variable and argument coercion (execution/values.h) through
 * the JSON host, against graphql-core 3.2.14: each case of values_cases.h
 * (tests/c/gen/gen_values_cases.py) coerces an operation's variables, then
 * the @skip/@include and arguments of its root fields, and writes the same
 * transcript as the generator does with get_variable_values,
 * should_include_node and get_argument_values; each variable error holds
 * graphql-core's original_error, the error after the message's prefix.
 * Some cases run again with every allocation failing in turn: each run
 * reports out of memory or gives the same transcript, and leaks nothing.
 */
#include <stdlib.h>

#include "execution/values.h"
#include "harness.h"
#include "json/host.h"
#include "json/reader.h"
#include "json/writer.h"
#include "strbuf.h"
#include "values_cases.h"

#define NSCHEMAS (sizeof values_schemas / sizeof values_schemas[0])
#define NCASES (sizeof values_cases / sizeof values_cases[0])

static gql_schema *schemas[NSCHEMAS];

static const gql_schema *schema_at(unsigned index) {
    if (!schemas[index]) {
        gql_document *doc = PARSE_OK(values_schemas[index]);
        if (!doc) return NULL;
        gql_error_list errors;
        gql_error_list_init(&errors);
        const gql_document *docs[] = {doc};
        schemas[index] = gql_schema_build(docs, 1, NULL, &errors);
        CHECK(schemas[index] && errors.count == 0);
        gql_error_list_clear(&errors);
        gql_document_free(doc);
    }
    return schemas[index];
}

/*=== MARK: Transcripts =====================================================*/

static void put_locations(gql_strbuf *out, const gql_document *doc, const uint32_t *offsets,
                          size_t count) {
    size_t len;
    const char *source = gql_document_source(doc, &len);
    for (size_t i = 0; i < count; i++) {
        gql_location loc = gql_locate(source, len, offsets[i]);
        char text[48];
        snprintf(text, sizeof text, " (%u:%u)", loc.line, loc.column);
        gql_strbuf_puts(out, text);
    }
}

/* Append json.dumps of a host value; false when out of memory. */
static bool put_json(gql_strbuf *out, gql_value value) {
    gql_json_writer w = GQL_JSON_WRITER_INIT;
    bool ok = gql_json_write(&w, gql_json_of(value));
    size_t len;
    char *text = gql_json_writer_finish(&w, &len);
    if (!ok || !text) {
        gql_free(text);
        return false;
    }
    gql_strbuf_append(out, text, len);
    gql_free(text);
    return true;
}

static const gql_schema_field *query_field(const gql_schema *schema, const gql_field *node) {
    const gql_schema_type *query = gql_schema_root_type(schema, GQL_QUERY);
    return gql_schema_type_get_field(schema, query, node->name->value->str,
                                     node->name->value->len);
}

/* A variable's error holds graphql-core's original_error: for "got invalid
 * value" errors, a host error whose text ends the message after "; " (the
 * JSON host's make_error: a string), for the others nothing. */
static void check_original(const values_case *c, const gql_diagnostic *d) {
    bool invalid_value = strstr(d->message, "' got invalid value ") != NULL;
    if (!invalid_value || !d->original) {
        if (invalid_value != (d->original != NULL))
            gql_test_fail(__FILE__, __LINE__, "%s: original of %s", c->name, d->message);
        return;
    }
    const gql_json *original = gql_json_of(d->original);
    size_t n = original->text.len;
    bool ends = original->kind == GQL_JSON_STRING && d->message_len >= n + 2 &&
                memcmp(d->message + d->message_len - n - 2, "; ", 2) == 0 &&
                memcmp(d->message + d->message_len - n, original->text.ptr, n) == 0;
    if (!ends) gql_test_fail(__FILE__, __LINE__, "%s: original of %s", c->name, d->message);
}

/* The transcript of a case into out; false when something ran out of
 * memory (the transcript is then incomplete). */
static bool run_case(const gql_schema *schema, const values_case *c, gql_strbuf *out) {
    gql_error err = {0};
    gql_document *doc = gql_parse(c->query, strlen(c->query), NULL, &err);
    if (!doc) {
        bool nomem = err.code == GQL_ERR_NOMEM;
        if (!nomem) gql_test_fail(__FILE__, __LINE__, "%s: parse: %s", c->name, err.message);
        gql_error_clear(&err);
        return !nomem;
    }
    gql_json_doc *vars_doc = NULL;
    if (c->variables) {
        vars_doc = gql_json_parse(c->variables, strlen(c->variables), 0, &err);
        if (!vars_doc) {
            bool nomem = err.code == GQL_ERR_NOMEM;
            if (!nomem) gql_test_fail(__FILE__, __LINE__, "%s: json: %s", c->name, err.message);
            gql_error_clear(&err);
            gql_document_free(doc);
            return !nomem;
        }
    }
    gql_json_host_ctx ctx;
    gql_json_host_init(&ctx);
    gql_values_env env = {schema, doc, &gql_json_host, &ctx};
    const gql_document_node *root = gql_document_root(doc);
    const gql_operation_definition *op = NULL;
    for (uint32_t i = 0; i < root->definitions.count && !op; i++)
        if (root->definitions.items[i]->kind == GQL_OPERATION_DEFINITION)
            op = (const gql_operation_definition *)root->definitions.items[i];
    bool ok = true;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_coerced_variables vars;
    gql_value inputs = vars_doc ? gql_json_value(gql_json_doc_root(vars_doc)) : NULL;
    if (!gql_coerce_variables(&env, op, inputs, c->max_errors, &vars, &errors)) {
        ok = errors.status != GQL_ERR_NOMEM;
        CHECK(vars.values == NULL && vars.object == NULL);
        for (size_t i = 0; i < errors.count; i++) {
            if (ok) check_original(c, &errors.items[i]);
            if (i) gql_strbuf_puts(out, "\n");
            gql_strbuf_puts(out, "error ");
            gql_strbuf_append(out, errors.items[i].message, errors.items[i].message_len);
            for (uint32_t k = 0; k < errors.items[i].location_count; k++)
                put_locations(out, doc, &errors.items[i].locations[k].offset, 1);
        }
        goto done;
    }
    gql_strbuf_puts(out, "vars ");
    ok = put_json(out, vars.object);
    for (uint32_t i = 0; ok && i < op->selection_set->selections.count; i++) {
        const gql_node *sel = op->selection_set->selections.items[i];
        if (sel->kind != GQL_FIELD) continue;
        const gql_field *node = (const gql_field *)sel;
        const gql_schema_field *def = query_field(schema, node);
        if (!def) continue;
        gql_strbuf_puts(out, "\n");
        gql_strbuf_append(out, node->name->value->str, node->name->value->len);
        gql_strbuf_puts(out, ": ");
        gql_strbuf message = GQL_STRBUF_INIT;
        const gql_node *at = NULL;
        int included = gql_should_include(&env, &node->directives, &vars, &message, &at);
        if (included < 0 && !at) {
            ok = false;
        } else if (included < 0) {
            gql_strbuf_puts(out, "include error ");
            gql_strbuf_append(out, gql_strbuf_cstr(&message), message.len);
            put_locations(out, doc, &at->start, 1);
        } else if (included == 0) {
            gql_strbuf_puts(out, "skipped");
        } else {
            gql_value args = gql_coerce_arguments(&env, def->args, def->arg_count,
                                                  &node->arguments, &node->base, &vars,
                                                  &message, &at);
            if (args) {
                ok = put_json(out, args);
                gql_json_host.release(&ctx, args);
            } else if (!at) {
                ok = false;
            } else {
                gql_strbuf_puts(out, "error ");
                gql_strbuf_append(out, gql_strbuf_cstr(&message), message.len);
                put_locations(out, doc, &at->start, 1);
            }
        }
        if (message.nomem) ok = false;
        gql_strbuf_free(&message);
    }
    gql_coerced_variables_release(&env, &vars);
done:
    if (out->nomem) ok = false;
    gql_values_errors_clear(&env, &errors);
    gql_json_host_release(&ctx);
    gql_json_doc_free(vars_doc);
    gql_document_free(doc);
    return ok;
}

static void test_cases(void) {
    for (size_t i = 0; i < NCASES; i++) {
        const values_case *c = &values_cases[i];
        const gql_schema *schema = schema_at(c->schema);
        if (!schema) continue;
        gql_strbuf out = GQL_STRBUF_INIT;
        CHECK(run_case(schema, c, &out));
        if (strcmp(gql_strbuf_cstr(&out), c->expected) != 0)
            gql_test_fail(__FILE__, __LINE__, "case %zu: %s\n  got:      %s\n  expected: %s", i,
                          c->name, gql_strbuf_cstr(&out), c->expected);
        gql_strbuf_free(&out);
    }
    printf("%zu values cases\n", NCASES);
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

static const char *const oom_names[] = {
    "several errors", "limit 1", "default object", "default custom", "rec deep after an error",
    "inspect long dict", "inspect unicode",
};

static bool oom_selected(const values_case *c) {
    if (strncmp(c->name, "argument", 8) == 0 || strncmp(c->name, "directive", 9) == 0)
        return true;
    for (size_t i = 0; i < sizeof oom_names / sizeof oom_names[0]; i++)
        if (strcmp(c->name, oom_names[i]) == 0) return true;
    return strstr(c->name, "nested variable") || strstr(c->name, "one variable") ||
           strstr(c->name, "point variable");
}

static void test_out_of_memory(void) {
    gql_allocator failing = {failing_malloc, failing_realloc, plain_free, NULL};
    size_t checked = 0;
    for (size_t i = 0; i < NCASES; i++) {
        const values_case *c = &values_cases[i];
        if (!oom_selected(c)) continue;
        const gql_schema *schema = schema_at(c->schema);
        if (!schema) continue;
        checked++;
        bool done = false;
        for (long n = 0; n < 100000 && !done; n++) {
            gql_strbuf out = GQL_STRBUF_INIT;
            allocations_left = n;
            gql_set_allocator(&failing);
            bool ok = run_case(schema, c, &out);
            gql_set_allocator(NULL);
            if (ok) {
                done = true;
                if (strcmp(gql_strbuf_cstr(&out), c->expected) != 0)
                    gql_test_fail(__FILE__, __LINE__, "%s after %ld allocations:\n  got: %s",
                                  c->name, n, gql_strbuf_cstr(&out));
            }
            gql_strbuf_free(&out);
        }
        CHECK(done);
    }
    printf("%zu cases checked out of memory\n", checked);
}

/*=== MARK: The JSON host's serialize =======================================*/

static void test_serialize(void) {
    const gql_schema *schema = schema_at(0);
    if (!schema) return;
    size_t n = sizeof serialize_cases / sizeof serialize_cases[0];
    for (size_t i = 0; i < n; i++) {
        const serialize_case *c = &serialize_cases[i];
        gql_error err = {0};
        gql_json_doc *doc = gql_json_parse(c->value, strlen(c->value), 0, &err);
        const gql_schema_type *type = gql_schema_get_type(schema, c->type, strlen(c->type));
        if (!doc || !type) {
            gql_test_fail(__FILE__, __LINE__, "%s %s: no value or type", c->type, c->value);
            gql_error_clear(&err);
            continue;
        }
        gql_json_host_ctx ctx;
        gql_json_host_init(&ctx);
        gql_leaf_out out =
            gql_json_host.serialize(&ctx, type, gql_json_value(gql_json_doc_root(doc)));
        gql_strbuf got = GQL_STRBUF_INIT;
        if (!out.value) {
            gql_strbuf_puts(&got, "(out of memory)");
        } else if (out.error) {
            gql_strbuf_puts(&got, "error ");
            gql_json_host.error_message(&ctx, out.value, &got);
        } else {
            gql_json_writer w = GQL_JSON_WRITER_INIT;
            gql_value error = NULL;
            CHECK(gql_json_host.write_leaf(&ctx, out.value, &w, &error));
            char *text = gql_json_writer_finish(&w, NULL);
            gql_strbuf_puts(&got, text ? text : "(out of memory)");
            gql_free(text);
        }
        if (strcmp(gql_strbuf_cstr(&got), c->expected) != 0)
            gql_test_fail(__FILE__, __LINE__, "serialize %s %s:\n  got:      %s\n  expected: %s",
                          c->type, c->value, gql_strbuf_cstr(&got), c->expected);
        gql_strbuf_free(&got);
        gql_json_host_release(&ctx);
        gql_json_doc_free(doc);
    }
    printf("%zu serialize cases\n", n);
}

/*=== MARK: value_from_ast ==================================================*/

/* gql_value_from_ast directly: Undefined, and a variable's value. */
static void test_value_from_ast(void) {
    const gql_schema *schema = schema_at(0);
    gql_document *doc = PARSE_OK("query ($v: Int, $n: Int) { int(v: $v) }");
    if (!schema || !doc) {
        gql_document_free(doc);
        return;
    }
    gql_json_host_ctx ctx;
    gql_json_host_init(&ctx);
    gql_values_env env = {schema, doc, &gql_json_host, &ctx};
    const gql_operation_definition *op =
        (const gql_operation_definition *)gql_document_root(doc)->definitions.items[0];
    gql_error err = {0};
    gql_json_doc *vars_doc = gql_json_parse("{\"v\": 7, \"n\": null}", 19, 0, &err);
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_coerced_variables vars;
    CHECK(vars_doc && gql_coerce_variables(&env, op, gql_json_value(gql_json_doc_root(vars_doc)),
                                           50, &vars, &errors));
    const gql_field *field = (const gql_field *)op->selection_set->selections.items[0];
    const gql_node *variable = ((const gql_argument *)field->arguments.items[0])->value;
    const gql_type_ref *int_type = gql_schema_type_ref(gql_schema_get_type(schema, "Int", 3));
    gql_value out = NULL;
    bool nomem = false;
    CHECK(gql_value_from_ast(&env, variable, int_type, &vars, &out, &nomem));
    CHECK(out && gql_json_of(out)->kind == GQL_JSON_INT && gql_json_of(out)->i64 == 7);
    CHECK(!gql_value_from_ast(&env, NULL, int_type, &vars, &out, &nomem));
    CHECK(!gql_value_from_ast(&env, variable, int_type, NULL, &out, &nomem));
    CHECK(out == NULL && !nomem);
    CHECK(gql_variable_value(&vars, variable->kind == GQL_VARIABLE
                                        ? ((const gql_variable *)variable)->name->value
                                        : NULL) != NULL);
    gql_coerced_variables_release(&env, &vars);
    gql_values_errors_clear(&env, &errors);
    gql_json_doc_free(vars_doc);
    gql_json_host_release(&ctx);
    gql_document_free(doc);
}

int main(void) {
    RUN(test_cases);
    RUN(test_value_from_ast);
    RUN(test_serialize);
    RUN(test_out_of_memory);
    for (size_t i = 0; i < NSCHEMAS; i++) gql_schema_free(schemas[i]);
    return gql_test_summary();
}
