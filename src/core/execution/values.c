/*
 * values.c: coercing variables and arguments (values.h), graphql-core
 * 3.2.14's execution/values.py, utilities/coerce_input_value.py and
 * utilities/value_from_ast.py over the host protocol, message for message.
 *
 * Three walks, each following graphql-core's function of the same name:
 *
 *   coerce         coerce_input_value: a host input value (a variable)
 *                  against an input type, reporting every error through
 *                  on_error: collected with their "Variable '$x' got
 *                  invalid value ..." prefix and the error limit, or, for
 *                  an argument's input-object default that get_argument_values
 *                  coerces again, raised at the first one (default_on_error);
 *   value_from_ast a literal against an input type: Undefined (false) at
 *                  the first thing that does not coerce, no message;
 *   nested_too_deeply  input_is_nested_too_deeply, run on each variable
 *                  before coercing it, so that coerce's recursion is bounded
 *                  (graphql-core's MAX_NESTING_DEPTH, 200, along the type).
 *
 * The built-in scalars parse in C (coerce_int, parse_int_literal, ...);
 * enums look their value names up in the schema and ask the host for the
 * value bound to one (build_schema binds the name itself); custom scalars
 * go to the host's parse_value and parse_literal.
 *
 * Recursion: coerce follows the value's nesting along the type, which
 * nested_too_deeply bounds; value_from_ast follows a literal's nesting,
 * which the parser bounds, and the chain of input-object defaults it
 * fills in, bounded by MAX_DEFAULT_CHAIN (a cycle through defaults would
 * not end: graphql-core cannot even build such a schema). Response paths
 * of errors are linked lists on the C stack.
 */
#include "execution/values.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "language/lexer.h"
#include "mem.h"
#include "symmap.h"
#include "utilities/inspect.h"
#include "utilities/suggestion.h"

#define MAX_NESTING_DEPTH 200  /* graphql-core's MAX_NESTING_DEPTH */
#define MAX_DEFAULT_CHAIN 64   /* input-object defaults filled in within defaults */

/*=== MARK: Helpers =========================================================*/

/* Whether a finite double is integral (int(d) == d), without libm: every
 * double beyond 2^53 in magnitude is. */
static bool is_integral(double d) {
    if (d >= 9007199254740992.0 || d <= -9007199254740992.0) return true;
    return (double)(int64_t)d == d;
}

static bool name_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

static bool is_builtin_scalar(const gql_schema_type *t) {
    return t->kind == GQL_TYPE_SCALAR && t->builtin;
}

/* The schema's type of a name given as bytes, or NULL. */
static const gql_sym *schema_name(const gql_values_env *env, const char *s, size_t len) {
    if (len > UINT32_MAX) return NULL;
    return gql_intern_find(&env->schema->names, s, (uint32_t)len);
}

static bool default_applies(const gql_values_env *env, const gql_schema_input_value *v) {
    /* The states are final once the schema is built: nothing is written. */
    return gql_default_applies(env->schema, (gql_schema_input_value *)v);
}

/* Whether there are variables at all (graphql-core's "if variables"). */
static bool has_variables(const gql_values_env *env, const gql_coerced_variables *vars) {
    const char *key;
    size_t len;
    return vars && vars->object && env->host->input_key(env->ctx, vars->object, 0, &key, &len);
}

static gql_value variables_object(const gql_values_env *env, const gql_coerced_variables *vars) {
    return has_variables(env, vars) ? vars->object : NULL;
}

gql_value gql_variable_value(const gql_coerced_variables *vars, const gql_sym *name) {
    if (!vars || !vars->operation || !vars->values) return NULL;
    const gql_list *defs = &vars->operation->variable_definitions;
    for (uint32_t i = 0; i < vars->count && i < defs->count; i++) {
        const gql_variable_definition *def = (const gql_variable_definition *)defs->items[i];
        if (vars->present[i] && gql_sym_equal(def->variable->name->value, name))
            return vars->values[i];
    }
    return NULL;
}

/* Whether a literal is a variable without a value (is_missing_variable). */
static bool is_missing_variable(const gql_values_env *env, const gql_node *v,
                                const gql_coerced_variables *vars) {
    if (v->kind != GQL_VARIABLE) return false;
    if (!has_variables(env, vars)) return true;
    return gql_variable_value(vars, ((const gql_variable *)v)->name->value) == NULL;
}

/* An IntValue's text within -2^31 .. 2^31 - 1, its value in *out. */
static bool int32_literal(gql_text t, int64_t *out) {
    size_t i = t.len && t.ptr[0] == '-';
    bool negative = i == 1;
    if (t.len - i > 10) return false;
    int64_t v = 0;
    for (; i < t.len; i++) v = v * 10 + (t.ptr[i] - '0');
    if (negative) v = -v;
    *out = v;
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* The last field of an object literal named name (a dict of the field
 * nodes keeps the last), or NULL. */
static const gql_object_field *object_field(const gql_object_value *obj, const gql_sym *name) {
    const gql_object_field *found = NULL;
    for (uint32_t i = 0; i < obj->fields.count; i++) {
        const gql_object_field *f = (const gql_object_field *)obj->fields.items[i];
        if (gql_sym_equal(f->name->value, name)) found = f;
    }
    return found;
}

/* The names of an input object's fields or an enum's values, for
 * suggestion_list (gql_free it); NULL when out of memory or there are none. */
static const gql_sym **member_names(const gql_schema_type *t) {
    uint32_t n = t->kind == GQL_TYPE_ENUM ? t->value_count : t->input_field_count;
    if (n == 0) return NULL;
    const gql_sym **names = gql_malloc(n * sizeof *names);
    if (!names) return NULL;
    for (uint32_t i = 0; i < n; i++)
        names[i] = t->kind == GQL_TYPE_ENUM ? t->values[i].name : t->input_fields[i].name;
    return names;
}

/* Append did_you_mean(suggestion_list(input, names of t), sub_message). */
static void did_you_mean(gql_strbuf *b, const gql_schema_type *t, const char *input, size_t len,
                         const char *sub_message) {
    uint32_t n = t->kind == GQL_TYPE_ENUM ? t->value_count : t->input_field_count;
    if (n == 0) return;
    const gql_sym **names = member_names(t);
    if (!names) {
        b->nomem = true;
        return;
    }
    size_t count;
    const gql_sym **list = gql_suggestion_list(input, len, names, n, &count);
    gql_free((void *)names);
    if (count == SIZE_MAX) {
        b->nomem = true;
        return;
    }
    gql_did_you_mean(b, list, count, sub_message);
    gql_free((void *)list);
}

/* Append an error located at node (no location for NULL or a document
 * parsed without locations). False when out of memory. */
static bool add_error(const gql_values_env *env, gql_error_list *errors, const gql_node *at,
                      const gql_strbuf *message) {
    if (message->nomem) {
        gql_error_list_nomem(errors);
        return false;
    }
    gql_source_location loc = {0, at ? at->start : 0};
    bool located = at && !gql_document_no_location(env->document);
    return gql_error_list_add(errors, &loc, located ? 1 : 0, "%s", gql_strbuf_cstr(message));
}

/*=== MARK: type_from_ast ===================================================*/

/* A type node resolved in the schema (type_from_ast): the wrappers are
 * built in *refs (gql_free it); NULL when the named type is unknown or out
 * of memory (*nomem). */
static const gql_type_ref *type_from_ast(const gql_schema *schema, const gql_node *node,
                                         gql_type_ref **refs, bool *nomem) {
    *refs = NULL;
    size_t depth = 0;
    const gql_node *n = node;
    while (n->kind == GQL_LIST_TYPE || n->kind == GQL_NON_NULL_TYPE) {
        depth++;
        n = ((const gql_wrapping_type *)n)->type;
    }
    const gql_sym *name = ((const gql_named_type *)n)->name->value;
    const gql_schema_type *named = gql_schema_get_type(schema, name->str, name->len);
    if (!named) return NULL;
    if (depth == 0) return &named->ref;
    gql_type_ref *r = gql_malloc(depth * sizeof *r);
    if (!r) {
        *nomem = true;
        return NULL;
    }
    /* r[0] is the outermost wrapper. */
    n = node;
    for (size_t i = 0; i < depth; i++) {
        r[i].wrap = n->kind == GQL_LIST_TYPE ? GQL_REF_LIST : GQL_REF_NON_NULL;
        r[i].named = (gql_schema_type *)named;
        r[i].of_type = i + 1 < depth ? &r[i + 1] : &named->ref;
        n = ((const gql_wrapping_type *)n)->type;
    }
    *refs = r;
    return r;
}

/*=== MARK: value_from_ast ==================================================*/

/* 1: *out holds the value; 0: Undefined; -1: out of memory. */
static int from_ast(const gql_values_env *env, const gql_node *v, const gql_type_ref *type,
                    const gql_coerced_variables *vars, unsigned chain, gql_value *out);

static int made(gql_value value, gql_value *out) {
    *out = value;
    return value ? 1 : -1;
}

static int scalar_literal(const gql_values_env *env, const gql_schema_type *t, const gql_node *v,
                          const gql_coerced_variables *vars, gql_value *out) {
    const gql_host *h = env->host;
    void *ctx = env->ctx;
    gql_kind k = (gql_kind)v->kind;
    const gql_text *text = &((const gql_scalar_value *)v)->value;
    if (!is_builtin_scalar(t)) {
        gql_resolved r = h->parse_literal(ctx, t, v, variables_object(env, vars));
        if (!r.value) return -1;
        if (r.error) { /* value_from_ast catches what parse_literal raises */
            h->release(ctx, r.value);
            return 0;
        }
        *out = r.value;
        return 1;
    }
    if (name_is(t->name, "Int")) {
        int64_t n;
        if (k != GQL_INT_VALUE || !int32_literal(*text, &n)) return 0;
        return made(h->make_int(ctx, n), out);
    }
    if (name_is(t->name, "Float")) {
        if (k != GQL_INT_VALUE && k != GQL_FLOAT_VALUE) return 0;
        bool nomem = false;
        double d = gql_py_float(text, &nomem);
        return nomem ? -1 : made(h->make_float(ctx, d), out);
    }
    if (name_is(t->name, "Boolean")) {
        if (k != GQL_BOOLEAN_VALUE) return 0;
        return made(h->make_bool(ctx, (v->flags & GQL_FLAG_TRUE) != 0), out);
    }
    bool id = name_is(t->name, "ID");
    if (k == GQL_STRING_VALUE && (id || name_is(t->name, "String"))) {
        const gql_text *s = &((const gql_string_value *)v)->value;
        return made(h->make_string(ctx, s->ptr, s->len), out);
    }
    if (k == GQL_INT_VALUE && id) return made(h->make_string(ctx, text->ptr, text->len), out);
    return 0;
}

static int enum_literal(const gql_values_env *env, const gql_schema_type *t, const gql_node *v,
                        gql_value *out) {
    if (v->kind != GQL_ENUM_VALUE) return 0;
    const gql_text *text = &((const gql_scalar_value *)v)->value;
    const gql_sym *name = schema_name(env, text->ptr, text->len);
    const gql_schema_enum_value *ev = name ? gql_type_enum_value(t, name) : NULL;
    if (!ev) return 0;
    return made(env->host->enum_value(env->ctx, t, (uint32_t)(ev - t->values)), out);
}

static int list_literal(const gql_values_env *env, const gql_node *v, const gql_type_ref *type,
                        const gql_coerced_variables *vars, unsigned chain, gql_value *out) {
    const gql_host *h = env->host;
    void *ctx = env->ctx;
    const gql_type_ref *item_type = type->of_type;
    gql_value item;
    if (v->kind != GQL_LIST_VALUE) {
        int r = from_ast(env, v, item_type, vars, chain, &item);
        if (r <= 0) return r;
        gql_value list = h->make_list(ctx, 1);
        if (!list) {
            h->release(ctx, item);
            return -1;
        }
        if (!h->list_set(ctx, list, 0, item)) {
            h->release(ctx, list);
            return -1;
        }
        *out = list;
        return 1;
    }
    const gql_list *values = &((const gql_list_value *)v)->values;
    gql_value list = h->make_list(ctx, values->count);
    if (!list) return -1;
    for (uint32_t i = 0; i < values->count; i++) {
        const gql_node *node = values->items[i];
        int r;
        if (is_missing_variable(env, node, vars)) {
            /* A missing variable is null in a list, Undefined for non-null items. */
            r = item_type->wrap == GQL_REF_NON_NULL ? 0 : made(h->make_null(ctx), &item);
        } else {
            r = from_ast(env, node, item_type, vars, chain, &item);
        }
        if (r <= 0 || !h->list_set(ctx, list, i, item)) {
            h->release(ctx, list);
            return r <= 0 ? r : -1;
        }
    }
    *out = list;
    return 1;
}

static int object_literal(const gql_values_env *env, const gql_schema_type *t, const gql_node *v,
                          const gql_coerced_variables *vars, unsigned chain, gql_value *out) {
    if (v->kind != GQL_OBJECT_VALUE) return 0;
    const gql_host *h = env->host;
    void *ctx = env->ctx;
    const gql_object_value *obj = (const gql_object_value *)v;
    gql_value result = h->make_object(ctx);
    if (!result) return -1;
    uint32_t keys = 0;
    bool last_is_null = false;
    int r = 1;
    for (uint32_t i = 0; i < t->input_field_count && r > 0; i++) {
        const gql_schema_input_value *f = &t->input_fields[i];
        const gql_object_field *node = object_field(obj, f->name);
        gql_value value = NULL;
        if (!node || is_missing_variable(env, node->value, vars)) {
            r = 0;
            if (default_applies(env, f))
                r = chain < MAX_DEFAULT_CHAIN
                        ? from_ast(env, f->default_value, f->type, NULL, chain + 1, &value)
                        : 0;
            if (r < 0) break;
            if (r == 0) {
                /* A default that does not coerce is graphql-core's Undefined. */
                r = f->type->wrap == GQL_REF_NON_NULL ? 0 : 1;
                continue;
            }
        } else {
            r = from_ast(env, node->value, f->type, vars, chain, &value);
            if (r <= 0) break;
        }
        keys++;
        last_is_null = h->input_kind(ctx, value) == GQL_VALUE_NULL;
        if (!h->object_set(ctx, result, f->name->str, f->name->len, value)) r = -1;
    }
    if (r > 0 && t->one_of && (keys != 1 || last_is_null)) r = 0;
    if (r <= 0) {
        h->release(ctx, result);
        return r;
    }
    *out = result;
    return 1;
}

static int from_ast(const gql_values_env *env, const gql_node *v, const gql_type_ref *type,
                    const gql_coerced_variables *vars, unsigned chain, gql_value *out) {
    const gql_host *h = env->host;
    if (v->kind == GQL_VARIABLE) {
        if (!has_variables(env, vars)) return 0;
        gql_value value = gql_variable_value(vars, ((const gql_variable *)v)->name->value);
        if (!value) return 0;
        if (type->wrap == GQL_REF_NON_NULL && h->input_kind(env->ctx, value) == GQL_VALUE_NULL)
            return 0;
        h->retain(env->ctx, value);
        *out = value;
        return 1;
    }
    if (type->wrap == GQL_REF_NON_NULL) {
        if (v->kind == GQL_NULL_VALUE) return 0;
        type = type->of_type;
    }
    if (v->kind == GQL_NULL_VALUE) return made(h->make_null(env->ctx), out);
    if (type->wrap == GQL_REF_LIST) return list_literal(env, v, type, vars, chain, out);
    const gql_schema_type *t = type->named;
    switch (t->kind) {
    case GQL_TYPE_INPUT_OBJECT:
        return object_literal(env, t, v, vars, chain, out);
    case GQL_TYPE_SCALAR:
        return scalar_literal(env, t, v, vars, out);
    case GQL_TYPE_ENUM:
        return enum_literal(env, t, v, out);
    default:
        return 0; /* not an input type */
    }
}

bool gql_value_from_ast(const gql_values_env *env, const gql_node *value,
                        const gql_type_ref *type, const gql_coerced_variables *vars,
                        gql_value *out, bool *nomem) {
    *out = NULL;
    if (!value) return false;
    int r = from_ast(env, value, type, vars, 0, out);
    if (r < 0) *nomem = true;
    return r > 0;
}

/* The value of a field's or argument's default (graphql-core's
 * default_value): 1, 0 when there is none (or it does not coerce), -1 when
 * out of memory. */
static int default_value(const gql_values_env *env, const gql_schema_input_value *f,
                         gql_value *out) {
    if (!default_applies(env, f)) return 0;
    return from_ast(env, f->default_value, f->type, NULL, 1, out);
}

/*=== MARK: coerce_input_value ==============================================*/

/* A path into a variable's value, on the C stack: a field name or an index. */
typedef struct path_elem {
    const struct path_elem *prev;  /* the enclosing element, NULL at the top */
    const gql_sym *key;            /* a field name, or NULL for index */
    size_t index;                  /* a list index */
} path_elem;

typedef struct coercion {
    const gql_values_env *env;
    gql_error_list *errors;             /* collected errors (gql_coerce_variables) */
    uint32_t max_errors;                /* graphql-core's max_errors */
    uint32_t *reported;                 /* errors collected so far */
    const gql_variable_definition *def; /* the variable coerced */
    gql_strbuf *raised;                 /* raise mode: default_on_error's message */
    bool stop;                          /* an error ended the coercion */
    bool nomem;                         /* out of memory */
} coercion;

/* print_path_list; the path is as deep as the value, which is bounded. */
static void print_path(gql_strbuf *b, const path_elem *p) {
    if (!p) return;
    print_path(b, p->prev);
    if (p->key) {
        gql_strbuf_puts(b, ".");
        gql_strbuf_append(b, p->key->str, p->key->len);
    } else {
        char index[24];
        snprintf(index, sizeof index, "[%zu]", p->index);
        gql_strbuf_puts(b, index);
    }
}

/* get_variable_values' on_error: collect, until the limit. The error holds
 * original (owned; NULL: none), or releases it when it is not kept. */
static void report(const gql_values_env *env, gql_error_list *errors, uint32_t max_errors,
                   uint32_t *reported, bool *stop, const gql_node *at, const gql_strbuf *message,
                   gql_value original) {
    if (*reported >= max_errors) {
        if (original) env->host->release(env->ctx, original);
        gql_strbuf too_many = GQL_STRBUF_INIT;
        gql_strbuf_puts(&too_many, "Too many errors processing variables, error limit "
                                   "reached. Execution aborted.");
        add_error(env, errors, NULL, &too_many);
        gql_strbuf_free(&too_many);
        *stop = true;
        return;
    }
    if (add_error(env, errors, at, message)) {
        errors->items[errors->count - 1].original = original;
        (*reported)++;
    } else {
        if (original) env->host->release(env->ctx, original);
        *stop = true;
    }
}

void gql_values_errors_clear(const gql_values_env *env, gql_error_list *errors) {
    for (size_t i = 0; i < errors->count; i++)
        if (errors->items[i].original) env->host->release(env->ctx, errors->items[i].original);
    gql_error_list_clear(errors);
}

/* The original_error a variable's error holds (graphql-core's error given
 * to on_error): the host's error (owned), else one made from message
 * (GraphQLError(message)); none in raise mode. NULL and c->nomem when out
 * of memory. */
static gql_value error_original(coercion *c, const gql_strbuf *message, gql_value original) {
    const gql_values_env *env = c->env;
    if (message->nomem || c->raised) {
        /* default_on_error raises the message, which is all it keeps. */
        if (original) env->host->release(env->ctx, original);
        return NULL;
    }
    if (original || !env->host->make_error) return original;
    original = env->host->make_error(env->ctx, gql_strbuf_cstr(message), message->len);
    if (!original) c->nomem = true;
    return original;
}

/* coerce_input_value's on_error(path, invalid_value, error): the error's
 * message, and the host error it is (owned) or NULL. */
static void input_error_with(coercion *c, const path_elem *path, gql_value invalid,
                             const gql_strbuf *message, gql_value original) {
    const gql_values_env *env = c->env;
    original = error_original(c, message, original);
    if (message->nomem || c->nomem) {
        if (original) env->host->release(env->ctx, original);
        c->nomem = c->stop = true;
        return;
    }
    gql_strbuf b = GQL_STRBUF_INIT;
    if (c->raised) {
        gql_strbuf_puts(&b, "Invalid value ");
        env->host->inspect(env->ctx, invalid, &b);
        if (path) {
            gql_strbuf_puts(&b, " at 'value");
            print_path(&b, path);
            gql_strbuf_puts(&b, "'");
        }
        gql_strbuf_puts(&b, ": ");
        gql_strbuf_append(&b, message->ptr, message->len);
        c->stop = true;
        if (b.nomem) c->nomem = true;
        else gql_strbuf_append(c->raised, b.ptr, b.len);
        if (c->raised->nomem) c->nomem = true;
        gql_strbuf_free(&b);
        return;
    }
    const gql_sym *name = c->def->variable->name->value;
    gql_strbuf_puts(&b, "Variable '$");
    gql_strbuf_append(&b, name->str, name->len);
    gql_strbuf_puts(&b, "' got invalid value ");
    env->host->inspect(env->ctx, invalid, &b);
    if (path) {
        gql_strbuf_puts(&b, " at '");
        gql_strbuf_append(&b, name->str, name->len);
        print_path(&b, path);
        gql_strbuf_puts(&b, "'");
    }
    gql_strbuf_puts(&b, "; ");
    gql_strbuf_append(&b, message->ptr, message->len);
    report(env, c->errors, c->max_errors, c->reported, &c->stop, &c->def->base, &b, original);
    if (c->errors->status == GQL_ERR_NOMEM) c->nomem = c->stop = true;
    gql_strbuf_free(&b);
}

/* input_error_with a message of the core's. */
static void input_error(coercion *c, const path_elem *path, gql_value invalid,
                        const gql_strbuf *message) {
    input_error_with(c, path, invalid, message, NULL);
}

/* input_error with "<prefix><inspect(value)><suffix>" as the message. */
static void input_error_inspect(coercion *c, const path_elem *path, gql_value value,
                                const char *prefix, const char *suffix) {
    gql_strbuf m = GQL_STRBUF_INIT;
    gql_strbuf_puts(&m, prefix);
    c->env->host->inspect(c->env->ctx, value, &m);
    gql_strbuf_puts(&m, suffix);
    input_error(c, path, value, &m);
    gql_strbuf_free(&m);
}

static gql_value coerce(coercion *c, gql_value value, const gql_type_ref *type,
                        const path_elem *path);

static gql_value check_made(coercion *c, gql_value value) {
    if (!value) c->nomem = c->stop = true;
    return value;
}

/* The built-in scalars' parse_value (coerce_int, coerce_float, ...). */
static gql_value coerce_builtin(coercion *c, const gql_schema_type *t, gql_value value,
                                gql_value_kind kind, const path_elem *path) {
    const gql_host *h = c->env->host;
    void *ctx = c->env->ctx;
    int64_t n;
    if (name_is(t->name, "Int")) {
        static const char non_integer[] = "Int cannot represent non-integer value: ";
        static const char non_32[] = "Int cannot represent non 32-bit signed integer value: ";
        if (kind == GQL_VALUE_INT) {
            if (h->input_int(ctx, value, &n) && n >= INT32_MIN && n <= INT32_MAX)
                return check_made(c, h->make_int(ctx, n));
            input_error_inspect(c, path, value, non_32, "");
            return NULL;
        }
        if (kind == GQL_VALUE_FLOAT) {
            double d = h->input_float(ctx, value);
            if (isfinite(d) && is_integral(d)) {
                if (d >= INT32_MIN && d <= INT32_MAX)
                    return check_made(c, h->make_int(ctx, (int64_t)d));
                input_error_inspect(c, path, value, non_32, "");
                return NULL;
            }
        }
        input_error_inspect(c, path, value, non_integer, "");
        return NULL;
    }
    if (name_is(t->name, "Float")) {
        if (kind == GQL_VALUE_INT) {
            double d = h->input_int(ctx, value, &n) ? (double)n : h->input_float(ctx, value);
            if (isfinite(d)) return check_made(c, h->make_float(ctx, d));
            /* float(int) raised OverflowError, which parse_value does not
             * turn into a GraphQLError. */
            gql_strbuf m = GQL_STRBUF_INIT;
            gql_strbuf_puts(&m, "Expected type 'Float'. int too large to convert to float");
            input_error(c, path, value, &m);
            gql_strbuf_free(&m);
            return NULL;
        }
        if (kind == GQL_VALUE_FLOAT && isfinite(h->input_float(ctx, value))) {
            h->retain(ctx, value);
            return value;
        }
        input_error_inspect(c, path, value, "Float cannot represent non numeric value: ", "");
        return NULL;
    }
    if (name_is(t->name, "String") || name_is(t->name, "Boolean")) {
        bool is_string = t->name->str[0] == 'S';
        if (kind == (is_string ? GQL_VALUE_STRING : GQL_VALUE_BOOL)) {
            h->retain(ctx, value);
            return value;
        }
        input_error_inspect(c, path, value,
                            is_string ? "String cannot represent a non string value: "
                                      : "Boolean cannot represent a non boolean value: ",
                            "");
        return NULL;
    }
    /* ID */
    if (kind == GQL_VALUE_STRING) {
        h->retain(ctx, value);
        return value;
    }
    char digits[400]; /* str(int(value)): every digit of an integral double */
    int len = -1;
    if (kind == GQL_VALUE_INT) {
        if (h->input_int(ctx, value, &n)) {
            len = snprintf(digits, sizeof digits, "%lld", (long long)n);
        } else {
            /* Beyond int64, str(int) is its repr, which inspect writes. */
            gql_strbuf b = GQL_STRBUF_INIT;
            h->inspect(ctx, value, &b);
            gql_value s = b.nomem ? NULL : h->make_string(ctx, gql_strbuf_cstr(&b), b.len);
            gql_strbuf_free(&b);
            return check_made(c, s);
        }
    } else if (kind == GQL_VALUE_FLOAT) {
        double d = h->input_float(ctx, value);
        if (isfinite(d) && is_integral(d)) {
            len = snprintf(digits, sizeof digits, "%.0f", d);
            if (len == 2 && digits[0] == '-' && digits[1] == '0') len = snprintf(digits, sizeof digits, "0");
        }
    }
    if (len > 0 && (size_t)len < sizeof digits)
        return check_made(c, h->make_string(ctx, digits, (size_t)len));
    input_error_inspect(c, path, value, "ID cannot represent value: ", "");
    return NULL;
}

/* GraphQLEnumType.parse_value. */
static gql_value coerce_enum(coercion *c, const gql_schema_type *t, gql_value value,
                             gql_value_kind kind, const path_elem *path) {
    const gql_host *h = c->env->host;
    void *ctx = c->env->ctx;
    gql_strbuf m = GQL_STRBUF_INIT;
    if (kind == GQL_VALUE_STRING) {
        size_t len;
        const char *s = h->input_string(ctx, value, &len);
        const gql_sym *name = s ? schema_name(c->env, s, len) : NULL;
        const gql_schema_enum_value *ev = name ? gql_type_enum_value(t, name) : NULL;
        if (ev) return check_made(c, h->enum_value(ctx, t, (uint32_t)(ev - t->values)));
        gql_strbuf_puts(&m, "Value '");
        gql_strbuf_append(&m, s, len);
        gql_strbuf_puts(&m, "' does not exist in '");
        gql_strbuf_append(&m, t->name->str, t->name->len);
        gql_strbuf_puts(&m, "' enum.");
        did_you_mean(&m, t, s, len, "the enum value");
    } else {
        gql_strbuf shown = GQL_STRBUF_INIT;
        h->inspect(ctx, value, &shown);
        gql_strbuf_puts(&m, "Enum '");
        gql_strbuf_append(&m, t->name->str, t->name->len);
        gql_strbuf_puts(&m, "' cannot represent non-string value: ");
        gql_strbuf_append(&m, gql_strbuf_cstr(&shown), shown.len);
        gql_strbuf_puts(&m, ".");
        did_you_mean(&m, t, gql_strbuf_cstr(&shown), shown.len, "the enum value");
        if (shown.nomem) m.nomem = true;
        gql_strbuf_free(&shown);
    }
    input_error(c, path, value, &m);
    gql_strbuf_free(&m);
    return NULL;
}

/* A custom scalar's parse_value, through the host. The host's error message
 * is graphql-core's: a GraphQLError's own, or "Expected type 'X'. <str(e)>"
 * for another exception, which the host wraps (it knows which it caught);
 * the error is the variable error's original. */
static gql_value coerce_custom(coercion *c, const gql_schema_type *t, gql_value value,
                               const path_elem *path) {
    const gql_host *h = c->env->host;
    void *ctx = c->env->ctx;
    gql_resolved r = h->parse_value(ctx, t, value);
    if (!r.value) return check_made(c, NULL);
    if (!r.error) return r.value;
    gql_strbuf m = GQL_STRBUF_INIT;
    h->error_message(ctx, r.value, &m);
    input_error_with(c, path, value, &m, r.value);
    gql_strbuf_free(&m);
    return NULL;
}

static gql_value coerce_object(coercion *c, const gql_schema_type *t, gql_value value,
                               gql_value_kind kind, const path_elem *path) {
    const gql_values_env *env = c->env;
    const gql_host *h = env->host;
    void *ctx = env->ctx;
    gql_strbuf m = GQL_STRBUF_INIT;
    if (kind != GQL_VALUE_OBJECT) {
        gql_strbuf_puts(&m, "Expected type '");
        gql_strbuf_append(&m, t->name->str, t->name->len);
        gql_strbuf_puts(&m, "' to be a mapping.");
        input_error(c, path, value, &m);
        gql_strbuf_free(&m);
        return NULL;
    }
    gql_value result = check_made(c, h->make_object(ctx));
    if (!result) return NULL;
    bool ok = true;
    uint32_t keys = 0;
    const gql_sym *last_key = NULL;
    gql_value last_value = NULL; /* borrowed from result; NULL: Undefined */
    for (uint32_t i = 0; i < t->input_field_count && !c->stop; i++) {
        const gql_schema_input_value *f = &t->input_fields[i];
        gql_value given = h->input_field(ctx, value, f->name->str, f->name->len);
        gql_value coerced = NULL;
        if (!given) {
            int r = default_value(env, f, &coerced);
            if (r < 0) {
                c->nomem = c->stop = true;
                break;
            }
            if (r == 0) {
                if (f->type->wrap == GQL_REF_NON_NULL) {
                    ok = false;
                    gql_strbuf_reset(&m);
                    gql_strbuf_puts(&m, "Field '");
                    gql_strbuf_append(&m, f->name->str, f->name->len);
                    gql_strbuf_puts(&m, "' of required type '");
                    gql_type_ref_print(&m, f->type);
                    gql_strbuf_puts(&m, "' was not provided.");
                    input_error(c, path, value, &m);
                }
                continue;
            }
        } else {
            path_elem p = {path, f->name, 0};
            coerced = coerce(c, given, f->type, &p);
        }
        keys++;
        last_key = f->name;
        last_value = coerced;
        if (!coerced) {
            ok = false;
            continue;
        }
        if (!h->object_set(ctx, result, f->name->str, f->name->len, coerced)) {
            c->nomem = c->stop = true;
            last_value = NULL;
        }
    }
    /* Ensure every provided field is defined. */
    const char *key;
    size_t key_len;
    for (size_t i = 0; !c->stop && h->input_key(ctx, value, i, &key, &key_len); i++) {
        const gql_sym *name = schema_name(env, key, key_len);
        if (name && gql_type_input_field(t, name)) continue;
        ok = false;
        gql_strbuf_reset(&m);
        gql_strbuf_puts(&m, "Field '");
        gql_strbuf_append(&m, key, key_len);
        gql_strbuf_puts(&m, "' is not defined by type '");
        gql_strbuf_append(&m, t->name->str, t->name->len);
        gql_strbuf_puts(&m, "'.");
        did_you_mean(&m, t, key, key_len, NULL);
        input_error(c, path, value, &m);
    }
    if (t->one_of && !c->stop) {
        gql_strbuf_reset(&m);
        if (keys != 1) {
            ok = false;
            gql_strbuf_puts(&m, "Exactly one key must be specified for OneOf type '");
            gql_strbuf_append(&m, t->name->str, t->name->len);
            gql_strbuf_puts(&m, "'.");
            input_error(c, path, value, &m);
        } else if (last_value && h->input_kind(ctx, last_value) == GQL_VALUE_NULL) {
            ok = false;
            path_elem p = {path, last_key, 0};
            gql_strbuf_puts(&m, "Field '");
            gql_strbuf_append(&m, last_key->str, last_key->len);
            gql_strbuf_puts(&m, "' must be non-null.");
            input_error(c, &p, last_value, &m);
        }
    }
    gql_strbuf_free(&m);
    if (!ok || c->stop) {
        h->release(ctx, result);
        return NULL;
    }
    return result;
}

static gql_value coerce_list(coercion *c, gql_value value, gql_value_kind kind,
                             const gql_type_ref *type, const path_elem *path) {
    const gql_host *h = c->env->host;
    void *ctx = c->env->ctx;
    const gql_type_ref *item_type = type->of_type;
    if (kind != GQL_VALUE_LIST) {
        /* A list accepts a single value as a list of one. */
        gql_value item = coerce(c, value, item_type, path);
        if (!item) return NULL;
        gql_value list = check_made(c, h->make_list(ctx, 1));
        if (!list) {
            h->release(ctx, item);
            return NULL;
        }
        if (!h->list_set(ctx, list, 0, item)) {
            h->release(ctx, list);
            return check_made(c, NULL);
        }
        return list;
    }
    gql_value const *items;
    size_t count = h->input_list(ctx, value, &items);
    gql_value list = check_made(c, h->make_list(ctx, count));
    if (!list) return NULL;
    bool ok = true;
    for (size_t i = 0; i < count && !c->stop; i++) {
        path_elem p = {path, NULL, i};
        gql_value item = coerce(c, items[i], item_type, &p);
        if (!item) ok = false;
        else if (!h->list_set(ctx, list, i, item)) check_made(c, NULL);
    }
    if (!ok || c->stop) {
        h->release(ctx, list);
        return NULL;
    }
    return list;
}

/* coerce_input_value: a new value, or NULL for Undefined (an error was
 * reported, or c->stop is set). */
static gql_value coerce(coercion *c, gql_value value, const gql_type_ref *type,
                        const path_elem *path) {
    const gql_host *h = c->env->host;
    void *ctx = c->env->ctx;
    gql_value_kind kind = h->input_kind(ctx, value);
    if (type->wrap == GQL_REF_NON_NULL) {
        if (kind != GQL_VALUE_NULL) return coerce(c, value, type->of_type, path);
        gql_strbuf m = GQL_STRBUF_INIT;
        gql_strbuf_puts(&m, "Expected non-nullable type '");
        gql_type_ref_print(&m, type);
        gql_strbuf_puts(&m, "' not to be None.");
        input_error(c, path, value, &m);
        gql_strbuf_free(&m);
        return NULL;
    }
    if (kind == GQL_VALUE_NULL) return check_made(c, h->make_null(ctx));
    if (type->wrap == GQL_REF_LIST) return coerce_list(c, value, kind, type, path);
    const gql_schema_type *t = type->named;
    switch (t->kind) {
    case GQL_TYPE_INPUT_OBJECT:
        return coerce_object(c, t, value, kind, path);
    case GQL_TYPE_ENUM:
        return coerce_enum(c, t, value, kind, path);
    case GQL_TYPE_SCALAR:
        if (is_builtin_scalar(t)) return coerce_builtin(c, t, value, kind, path);
        return coerce_custom(c, t, value, path);
    default: {
        /* Not an input type: graphql-core raises a TypeError. */
        gql_strbuf m = GQL_STRBUF_INIT;
        gql_strbuf_puts(&m, "Unexpected input type: ");
        gql_type_ref_print(&m, type);
        gql_strbuf_puts(&m, ".");
        input_error(c, path, value, &m);
        gql_strbuf_free(&m);
        return NULL;
    }
    }
}

/* input_is_nested_too_deeply: more than MAX_NESTING_DEPTH levels along the
 * type (the recursion ends there). */
static bool nested_too_deeply(const gql_values_env *env, gql_value value,
                              const gql_type_ref *type, unsigned depth) {
    if (depth > MAX_NESTING_DEPTH) return true;
    const gql_host *h = env->host;
    if (type->wrap == GQL_REF_NON_NULL) type = type->of_type;
    gql_value_kind kind = h->input_kind(env->ctx, value);
    if (type->wrap == GQL_REF_LIST) {
        if (kind != GQL_VALUE_LIST) return nested_too_deeply(env, value, type->of_type, depth + 1);
        gql_value const *items;
        size_t count = h->input_list(env->ctx, value, &items);
        for (size_t i = 0; i < count; i++)
            if (nested_too_deeply(env, items[i], type->of_type, depth + 1)) return true;
        return false;
    }
    const gql_schema_type *t = type->named;
    if (t->kind != GQL_TYPE_INPUT_OBJECT || kind != GQL_VALUE_OBJECT) return false;
    for (uint32_t i = 0; i < t->input_field_count; i++) {
        const gql_schema_input_value *f = &t->input_fields[i];
        gql_value given = h->input_field(env->ctx, value, f->name->str, f->name->len);
        if (given && nested_too_deeply(env, given, f->type, depth + 1)) return true;
    }
    return false;
}

/*=== MARK: Variables =======================================================*/

void gql_coerced_variables_release(const gql_values_env *env, gql_coerced_variables *vars) {
    const gql_host *h = env->host;
    for (uint32_t i = 0; i < vars->count && vars->values; i++)
        if (vars->values[i]) h->release(env->ctx, vars->values[i]);
    if (vars->object) h->release(env->ctx, vars->object);
    gql_free(vars->values);
    gql_free(vars->present);
    memset(vars, 0, sizeof *vars);
}

/* The object of the present variables, in definition order. */
static bool build_object(const gql_values_env *env, gql_coerced_variables *out) {
    const gql_host *h = env->host;
    out->object = h->make_object(env->ctx);
    if (!out->object) return false;
    const gql_list *defs = &out->operation->variable_definitions;
    for (uint32_t i = 0; i < out->count; i++) {
        if (!out->present[i]) continue;
        const gql_sym *name =
            ((const gql_variable_definition *)defs->items[i])->variable->name->value;
        h->retain(env->ctx, out->values[i]);
        if (!h->object_set(env->ctx, out->object, name->str, name->len, out->values[i]))
            return false;
    }
    return true;
}

bool gql_coerce_variables(const gql_values_env *env, const gql_operation_definition *operation,
                          gql_value inputs, uint32_t max_errors, gql_coerced_variables *out,
                          gql_error_list *errors) {
    const gql_host *h = env->host;
    void *ctx = env->ctx;
    memset(out, 0, sizeof *out);
    out->operation = operation;
    const gql_list *defs = &operation->variable_definitions;
    out->count = defs->count;
    if (defs->count) {
        out->values = gql_calloc(defs->count, sizeof *out->values);
        out->present = gql_calloc(defs->count, sizeof *out->present);
        if (!out->values || !out->present) goto nomem;
    }
    uint32_t reported = 0;
    bool stop = false, nomem = false;
    gql_strbuf m = GQL_STRBUF_INIT;
    if (inputs && h->input_kind(ctx, inputs) != GQL_VALUE_OBJECT) {
        /* execute's assert_valid_execution_arguments (a TypeError there). */
        gql_strbuf_puts(&m, "Variable values must be provided as a dictionary with variable "
                            "names as keys. Perhaps look to see if an unparsed JSON string "
                            "was provided.");
        add_error(env, errors, NULL, &m);
        reported++;
        stop = true;
    }
    for (uint32_t i = 0; i < defs->count && !stop; i++) {
        const gql_variable_definition *def = (const gql_variable_definition *)defs->items[i];
        const gql_sym *name = def->variable->name->value;
        gql_type_ref *refs;
        const gql_type_ref *type = type_from_ast(env->schema, def->type, &refs, &nomem);
        if (nomem) break;
        gql_strbuf_reset(&m);
        gql_strbuf_puts(&m, "Variable '$");
        gql_strbuf_append(&m, name->str, name->len);
        if (!type || !gql_type_ref_is_input(type)) {
            size_t len;
            char *printed = gql_print(def->type, &len);
            gql_strbuf_puts(&m, "' expected value of type '");
            if (printed) gql_strbuf_append(&m, printed, len);
            else m.nomem = true;
            gql_free(printed);
            gql_strbuf_puts(&m, "' which cannot be used as an input type.");
            report(env, errors, max_errors, &reported, &stop, def->type, &m, NULL);
            gql_free(refs);
            continue;
        }
        gql_value given = inputs ? h->input_field(ctx, inputs, name->str, name->len) : NULL;
        if (!given) {
            if (def->default_value) {
                int r = from_ast(env, def->default_value, type, NULL, 0, &out->values[i]);
                if (r < 0) nomem = true;
                out->present[i] = r > 0;
            } else if (type->wrap == GQL_REF_NON_NULL) {
                gql_strbuf_puts(&m, "' of required type '");
                gql_type_ref_print(&m, type);
                gql_strbuf_puts(&m, "' was not provided.");
                report(env, errors, max_errors, &reported, &stop, &def->base, &m, NULL);
            }
        } else if (type->wrap == GQL_REF_NON_NULL &&
                   h->input_kind(ctx, given) == GQL_VALUE_NULL) {
            gql_strbuf_puts(&m, "' of non-null type '");
            gql_type_ref_print(&m, type);
            gql_strbuf_puts(&m, "' must not be null.");
            report(env, errors, max_errors, &reported, &stop, &def->base, &m, NULL);
        } else if (nested_too_deeply(env, given, type, 0)) {
            /* graphql-core raises RecursionError: this error ends the list. */
            gql_strbuf_reset(&m);
            gql_strbuf_puts(&m, "Variable values are nested too deeply.");
            add_error(env, errors, NULL, &m);
            reported++;
            stop = true;
        } else {
            coercion c = {env, errors, max_errors, &reported, def, NULL, false, false};
            out->values[i] = coerce(&c, given, type, NULL);
            out->present[i] = out->values[i] != NULL;
            if (c.nomem) nomem = true;
            if (c.stop) stop = true;
        }
        gql_free(refs);
        if (errors->status == GQL_ERR_NOMEM) nomem = true;
        if (nomem) break;
    }
    gql_strbuf_free(&m);
    if (nomem || errors->status == GQL_ERR_NOMEM) goto nomem;
    if (reported || stop) {
        gql_coerced_variables_release(env, out);
        return false;
    }
    if (!build_object(env, out)) goto nomem;
    return true;
nomem:
    gql_error_list_nomem(errors);
    gql_coerced_variables_release(env, out);
    return false;
}

/*=== MARK: Arguments =======================================================*/

/* The last argument node named name, or NULL (a dict of the nodes). */
static const gql_argument *argument_node(const gql_list *nodes, const gql_sym *name) {
    const gql_argument *found = NULL;
    for (uint32_t i = 0; nodes && i < nodes->count; i++) {
        const gql_argument *a = (const gql_argument *)nodes->items[i];
        if (gql_sym_equal(a->name->value, name)) found = a;
    }
    return found;
}

/* An argument left out or given a missing variable: its default, coerced
 * again when it is an input object (get_argument_values does, for out
 * names, raising default_on_error's error). 1 with *out, 0 no default,
 * -1 out of memory, -2 an error in *message. */
static int argument_default(const gql_values_env *env, const gql_schema_input_value *def,
                            gql_value *out, gql_strbuf *message) {
    int r = default_value(env, def, out);
    if (r <= 0) return r;
    const gql_type_ref *type = def->type;
    if (type->wrap != GQL_REF_NAMED || type->named->kind != GQL_TYPE_INPUT_OBJECT) return 1;
    coercion c = {env, NULL, 0, NULL, NULL, message, false, false};
    gql_value again = coerce(&c, *out, type, NULL);
    env->host->release(env->ctx, *out);
    *out = again;
    if (c.nomem) {
        if (again) env->host->release(env->ctx, again);
        return -1;
    }
    return again ? 1 : -2;
}

gql_value gql_coerce_arguments(const gql_values_env *env, const gql_schema_input_value *defs,
                               uint32_t def_count, const gql_list *nodes, const gql_node *owner,
                               const gql_coerced_variables *vars, gql_strbuf *message,
                               const gql_node **at) {
    const gql_host *h = env->host;
    void *ctx = env->ctx;
    *at = NULL;
    gql_value result = h->make_object(ctx);
    if (!result) return NULL;
    gql_strbuf m = GQL_STRBUF_INIT;
    const gql_node *error_at = NULL;
    bool nomem = false;
    for (uint32_t i = 0; i < def_count && !error_at && !nomem; i++) {
        const gql_schema_input_value *def = &defs[i];
        const gql_argument *node = argument_node(nodes, def->name);
        gql_value value = NULL;
        int r;
        gql_strbuf_reset(&m);
        gql_strbuf_puts(&m, "Argument '");
        gql_strbuf_append(&m, def->name->str, def->name->len);
        size_t prefix = m.len;
        const gql_variable *variable =
            node && node->value->kind == GQL_VARIABLE ? (const gql_variable *)node->value : NULL;
        gql_value variable_value =
            variable ? gql_variable_value(vars, variable->name->value) : NULL;
        if (!node || (variable && !variable_value)) {
            gql_strbuf raised = GQL_STRBUF_INIT;
            r = argument_default(env, def, &value, &raised);
            if (r == -2) {
                gql_strbuf_reset(&m);
                gql_strbuf_append(&m, gql_strbuf_cstr(&raised), raised.len);
                error_at = owner;
            } else if (r == 0 && def->type->wrap == GQL_REF_NON_NULL) {
                gql_strbuf_puts(&m, "' of required type '");
                gql_type_ref_print(&m, def->type);
                if (!node) {
                    gql_strbuf_puts(&m, "' was not provided.");
                    error_at = owner;
                } else {
                    gql_strbuf_puts(&m, "' was provided the variable '$");
                    gql_strbuf_append(&m, variable->name->value->str, variable->name->value->len);
                    gql_strbuf_puts(&m, "' which was not provided a runtime value.");
                    error_at = node->value;
                }
            }
            if (raised.nomem) nomem = true;
            gql_strbuf_free(&raised);
            if (r == -1) nomem = true;
            if (r != 1) continue;
        } else {
            bool is_null =
                variable ? h->input_kind(ctx, variable_value) == GQL_VALUE_NULL
                         : node->value->kind == GQL_NULL_VALUE;
            if (is_null && def->type->wrap == GQL_REF_NON_NULL) {
                gql_strbuf_puts(&m, "' of non-null type '");
                gql_type_ref_print(&m, def->type);
                gql_strbuf_puts(&m, "' must not be null.");
                error_at = node->value;
                continue;
            }
            r = from_ast(env, node->value, def->type, vars, 0, &value);
            if (r < 0) {
                nomem = true;
                continue;
            }
            if (r == 0) {
                m.len = prefix;
                gql_strbuf_puts(&m, "' has invalid value ");
                size_t len;
                char *printed = gql_print(node->value, &len);
                if (printed) gql_strbuf_append(&m, printed, len);
                else m.nomem = true;
                gql_free(printed);
                gql_strbuf_puts(&m, ".");
                error_at = node->value;
                continue;
            }
        }
        if (!h->object_set(ctx, result, def->name->str, def->name->len, value)) nomem = true;
    }
    if (m.nomem) nomem = true;
    if (nomem || error_at) {
        h->release(ctx, result);
        if (!nomem) {
            gql_strbuf_append(message, gql_strbuf_cstr(&m), m.len);
            if (!message->nomem) *at = error_at;
        }
        gql_strbuf_free(&m);
        return NULL;
    }
    gql_strbuf_free(&m);
    return result;
}

/*=== MARK: @skip and @include ==============================================*/

/* get_directive_values for the first directive named name: -1 error or out
 * of memory, 0 absent, 1 present with its "if" in *value. */
static int directive_if(const gql_values_env *env, const gql_list *directives, const char *name,
                        const gql_coerced_variables *vars, gql_strbuf *message,
                        const gql_node **at, bool *value) {
    const gql_directive *node = NULL;
    for (uint32_t i = 0; i < directives->count && !node; i++) {
        const gql_directive *d = (const gql_directive *)directives->items[i];
        if (name_is(d->name->value, name)) node = d;
    }
    if (!node) return 0;
    const gql_schema_directive *def = gql_schema_get_directive(env->schema, name, strlen(name));
    if (!def) return 0;
    gql_value args = gql_coerce_arguments(env, def->args, def->arg_count, &node->arguments,
                                          &node->base, vars, message, at);
    if (!args) return -1;
    gql_value v = env->host->input_field(env->ctx, args, "if", 2);
    *value = v && env->host->input_kind(env->ctx, v) == GQL_VALUE_BOOL &&
             env->host->input_bool(env->ctx, v);
    env->host->release(env->ctx, args);
    return 1;
}

int gql_should_include(const gql_values_env *env, const gql_list *directives,
                       const gql_coerced_variables *vars, gql_strbuf *message,
                       const gql_node **at) {
    *at = NULL;
    bool value = false;
    int r = directive_if(env, directives, "skip", vars, message, at, &value);
    if (r < 0) return -1;
    if (r > 0 && value) return 0;
    r = directive_if(env, directives, "include", vars, message, at, &value);
    if (r < 0) return -1;
    if (r > 0 && !value) return 0;
    return 1;
}
