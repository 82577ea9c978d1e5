/*
 * introspection_walk.c: gql_introspection_execute, an evaluator of
 * introspection-only operations over the C schema, until the executor
 * resolves introspection fields itself (with the resolvers of
 * introspection.c, which this only drives).
 *
 * It walks the operation as graphql-core's executor would: the fields of
 * each selection set are collected in response order (aliases, fragments,
 * inline fragments whose type condition matches, @skip and @include with
 * literal arguments; fields with the same response key merged and their
 * sub-selections collected together), each field is resolved and its value
 * written as JSON straight away, so no result tree is built. What graphql-
 * core's validation would refuse (an unknown field, argument, fragment,
 * type or directive, a leaf with a selection, an object without one) and
 * what this evaluator cannot do (a root field that is not __schema,
 * __type or __typename, a variable) ends the walk with an error. A field
 * error (a defaultValue graphql-core cannot print) writes null and is
 * reported, as graphql-core reports it, with the data.
 *
 * Recursion follows the nesting of the result (objects and the fragments
 * collected into them), which a query without a fragment cycle bounds by
 * its own depth; MAX_DEPTH guards the rest.
 */
#include <string.h>

#include "error.h"
#include "json/writer.h"
#include "language/printer.h"
#include "mem.h"
#include "symmap.h"
#include "type/introspection.h"
#include "utilities/suggestion.h"

/* Nesting of result objects plus fragments being collected. */
#define MAX_DEPTH 512

/* A fragment definition, and the collect pass that last spread it. */
typedef struct fragment {
    const gql_fragment_definition *def;  /* the definition (the last of that name) */
    uint32_t visited;                    /* collect pass that spread it, 0 for none */
} fragment;

/* The fields of one response key, in the order they were collected. */
typedef struct field_group {
    const gql_sym *key;         /* response key: alias or name */
    const gql_field **nodes;    /* the field nodes (heap) */
    uint32_t count;             /* number of nodes */
    uint32_t cap;               /* allocated nodes */
} field_group;

typedef struct collected {
    field_group *groups;  /* in response order (heap) */
    uint32_t count;       /* number of groups */
    uint32_t cap;         /* allocated groups */
    uint32_t pass;        /* this collect pass, for the fragments' visited marks */
} collected;

typedef struct walker {
    const gql_schema *schema;
    const gql_document *doc;
    bool located;                /* the document has node offsets */
    gql_symmap fragments;        /* name -> fragment (the array below) */
    fragment *fragment_list;     /* one per fragment name */
    uint32_t passes;             /* collect passes so far */
    unsigned depth;              /* objects and fragments open */
    gql_json_writer out;         /* the data */
    gql_strbuf scratch;          /* defaultValue text */
    gql_strbuf message;          /* field error messages */
    gql_error_list *errors;      /* where errors go; may be NULL */
    gql_status status;           /* GQL_OK until the walk must stop */
    const gql_schema_type *types[GQL_INTRO_KIND_COUNT]; /* the schema's __Schema, ... */
} walker;

/* Where the walk stands: the object being written, for the fields of its
 * selection sets. */
typedef struct parent {
    bool root;                    /* the operation's root object */
    gql_intro_object object;      /* otherwise: the introspection object */
    const gql_schema_type *type;  /* its type: the root type or __Type, ... */
} parent;

static void write_object(walker *w, const parent *p, const gql_field *const *nodes,
                         uint32_t count);

/*=== MARK: Errors ==========================================================*/

static void nomem(walker *w) {
    w->status = GQL_ERR_NOMEM;
    if (w->errors) gql_error_list_nomem(w->errors);
}

/* Report an error at the nodes given (their locations when the document
 * has them); request errors also stop the walk. */
static void report(walker *w, bool stop, const gql_node *const *nodes, uint32_t count,
                   const char *fmt, ...) GQL_PRINTF(5, 6);

static void report(walker *w, bool stop, const gql_node *const *nodes, uint32_t count,
                   const char *fmt, ...) {
    if (stop) w->status = GQL_ERR_INVALID;
    if (!w->errors) return;
    gql_source_location stack[8];
    gql_source_location *locs = stack;
    uint32_t nlocs = w->located ? count : 0;
    if (nlocs > 8) {
        locs = gql_malloc(nlocs * sizeof *locs);
        if (!locs) {
            nomem(w);
            return;
        }
    }
    for (uint32_t i = 0; i < nlocs; i++) locs[i] = (gql_source_location){0, nodes[i]->start};
    va_list ap;
    va_start(ap, fmt);
    if (!gql_error_list_vadd(w->errors, locs, nlocs, fmt, ap)) w->status = GQL_ERR_NOMEM;
    va_end(ap);
    if (locs != stack) gql_free(locs);
}

#define FAIL_AT(w, node, ...)                                  \
    do {                                                       \
        const gql_node *at_ = (const gql_node *)(node);        \
        report((w), true, &at_, 1, __VA_ARGS__);               \
    } while (0)

/* A variable where only literals can be read. */
static void no_variables(walker *w, const gql_node *value) {
    const gql_variable *var = (const gql_variable *)value;
    FAIL_AT(w, value,
            "Variable '$%s' cannot be used here: introspection is evaluated without "
            "variables, give the value literally.",
            var->name->value->str);
}

/*=== MARK: Arguments and directives ========================================*/

static bool sym_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

/* The boolean literal of an argument of type Boolean! (directive "if" or
 * __Schema.directives' includeDeprecated) or Boolean (nullable: null is
 * false). False (walk stopped) when the literal is not one. */
static bool boolean_argument(walker *w, const gql_argument *arg, bool nullable, bool *out) {
    const gql_node *v = arg->value;
    if (v->kind == GQL_BOOLEAN_VALUE) {
        *out = (v->flags & GQL_FLAG_TRUE) != 0;
        return true;
    }
    if (v->kind == GQL_NULL_VALUE && nullable) {
        *out = false;
        return true;
    }
    if (v->kind == GQL_VARIABLE) {
        no_variables(w, v);
        return false;
    }
    if (v->kind == GQL_NULL_VALUE) {
        FAIL_AT(w, v, "Expected value of type 'Boolean!', found null.");
        return false;
    }
    size_t len;
    char *printed = gql_print(v, &len);
    if (!printed) {
        nomem(w);
        return false;
    }
    FAIL_AT(w, v, "Boolean cannot represent a non boolean value: %.*s", (int)len, printed);
    gql_free(printed);
    return false;
}

/* graphql-core's should_include_node: @skip(if: true) and @include(if:
 * false) leave a selection out. Other directives the schema defines are
 * ignored, as the executor ignores them. */
static bool should_include(walker *w, const gql_list *directives) {
    bool include = true;
    for (uint32_t i = 0; i < directives->count && w->status == GQL_OK; i++) {
        const gql_directive *d = (const gql_directive *)directives->items[i];
        const gql_sym *name = d->name->value;
        bool skip = sym_is(name, "skip");
        if (!skip && !sym_is(name, "include")) {
            if (!gql_schema_get_directive(w->schema, name->str, name->len))
                FAIL_AT(w, d, "Unknown directive '@%s'.", name->str);
            continue;
        }
        const gql_argument *if_arg = NULL;
        for (uint32_t j = 0; j < d->arguments.count; j++) {
            const gql_argument *a = (const gql_argument *)d->arguments.items[j];
            if (sym_is(a->name->value, "if")) if_arg = a;
        }
        if (!if_arg) {
            FAIL_AT(w, d,
                    "Directive '@%s' argument 'if' of type 'Boolean!' is required, but it was "
                    "not provided.",
                    name->str);
            return false;
        }
        bool value;
        if (!boolean_argument(w, if_arg, false, &value)) return false;
        if (skip ? value : !value) include = false;
    }
    return include && w->status == GQL_OK;
}

/*=== MARK: Collecting fields ===============================================*/

/* graphql-core's did_you_mean(suggestion_list(name, options)) into hint,
 * the options being the names of a type's fields or of the schema's types;
 * false when out of memory. */
static bool suggest(walker *w, gql_strbuf *hint, const gql_sym *name,
                    const gql_schema_type *fields_of) {
    uint32_t count = fields_of ? fields_of->field_count : w->schema->type_count;
    const gql_sym **options = gql_malloc(((size_t)count + 1) * sizeof *options);
    if (!options) {
        nomem(w);
        return false;
    }
    for (uint32_t i = 0; i < count; i++)
        options[i] = fields_of ? fields_of->fields[i].name : w->schema->types[i]->name;
    size_t n;
    const gql_sym **suggestions = gql_suggestion_list(name->str, name->len, options, count, &n);
    gql_free(options);
    if (n == SIZE_MAX) {
        nomem(w);
        return false;
    }
    gql_did_you_mean(hint, suggestions, n, NULL);
    gql_free(suggestions);
    if (hint->nomem) {
        nomem(w);
        return false;
    }
    return true;
}

/* "Cannot query field ..." with graphql-core's suggestions from the
 * type's fields. */
static void unknown_field(walker *w, const gql_field *f, const gql_schema_type *type) {
    const gql_sym *name = f->name->value;
    gql_strbuf hint = GQL_STRBUF_INIT;
    if (suggest(w, &hint, name, type))
        FAIL_AT(w, f, "Cannot query field '%s' on type '%s'.%s", name->str, type->name->str,
                gql_strbuf_cstr(&hint));
    gql_strbuf_free(&hint);
}

static void collected_free(collected *c) {
    for (uint32_t i = 0; i < c->count; i++) gql_free(c->groups[i].nodes);
    gql_free(c->groups);
}

static void add_field(walker *w, collected *c, const gql_field *f) {
    const gql_sym *key = f->alias ? f->alias->value : f->name->value;
    field_group *g = NULL;
    for (uint32_t i = 0; i < c->count; i++) {
        if (c->groups[i].key == key) {
            g = &c->groups[i];
            break;
        }
    }
    if (!g) {
        if (c->count == c->cap) {
            uint32_t cap = c->cap ? c->cap * 2 : 8;
            field_group *groups = gql_realloc(c->groups, cap * sizeof *groups);
            if (!groups) {
                nomem(w);
                return;
            }
            c->groups = groups;
            c->cap = cap;
        }
        g = &c->groups[c->count++];
        *g = (field_group){key, NULL, 0, 0};
    }
    if (g->count == g->cap) {
        uint32_t cap = g->cap ? g->cap * 2 : 2;
        const gql_field **nodes = gql_realloc(g->nodes, cap * sizeof *nodes);
        if (!nodes) {
            nomem(w);
            return;
        }
        g->nodes = nodes;
        g->cap = cap;
    }
    g->nodes[g->count++] = f;
}

/* graphql-core's does_fragment_condition_match for an object type; *scope
 * becomes the condition's type. An unknown type stops the walk. */
static bool condition_matches(walker *w, const gql_named_type *condition,
                              const gql_schema_type *type, const gql_schema_type **scope) {
    if (!condition) return true;
    const gql_sym *name = condition->name->value;
    const gql_schema_type *t = gql_schema_get_type(w->schema, name->str, name->len);
    if (!t) {
        /* KnownTypeNamesRule, suggesting from the type map. */
        gql_strbuf hint = GQL_STRBUF_INIT;
        if (suggest(w, &hint, name, NULL))
            FAIL_AT(w, condition, "Unknown type '%s'.%s", name->str, gql_strbuf_cstr(&hint));
        gql_strbuf_free(&hint);
        return false;
    }
    *scope = t;
    if (t == type) return true;
    if (t->kind == GQL_TYPE_UNION || t->kind == GQL_TYPE_INTERFACE)
        return gql_is_sub_type(t, type);
    return false;
}

/* Whether a field selected in a fragment on the abstract type scope exists
 * there, as FieldsOnCorrectTypeRule checks it (__schema and __type are
 * fields of the query type alone); the walk stops when it does not. */
static bool exists_in_scope(walker *w, const gql_field *f, const gql_schema_type *scope) {
    const gql_sym *name = f->name->value;
    if (sym_is(name, "__typename")) return true;
    const gql_sym *schema_name = gql_schema_sym(w->schema, name);
    if (schema_name && gql_type_field(scope, schema_name)) return true;
    unknown_field(w, f, scope);
    return false;
}

/* graphql-core's collect_fields over one selection set of an object of
 * type; scope is the type the selections are written for (type, or the
 * abstract type of a fragment's condition). */
static void collect(walker *w, collected *c, const gql_schema_type *type,
                    const gql_schema_type *scope, const gql_selection_set *set) {
    if (++w->depth > MAX_DEPTH) {
        FAIL_AT(w, set, "The introspection result would nest more than %d levels deep.",
                MAX_DEPTH);
        return;
    }
    for (uint32_t i = 0; i < set->selections.count && w->status == GQL_OK; i++) {
        const gql_node *sel = set->selections.items[i];
        if (sel->kind == GQL_FIELD) {
            const gql_field *f = (const gql_field *)sel;
            if (should_include(w, &f->directives) &&
                (scope == type || exists_in_scope(w, f, scope)))
                add_field(w, c, f);
        } else if (sel->kind == GQL_INLINE_FRAGMENT) {
            const gql_inline_fragment *frag = (const gql_inline_fragment *)sel;
            const gql_schema_type *cond = scope;
            if (should_include(w, &frag->directives) &&
                condition_matches(w, frag->type_condition, type, &cond))
                collect(w, c, type, cond, frag->selection_set);
        } else {
            const gql_fragment_spread *spread = (const gql_fragment_spread *)sel;
            fragment *frag = gql_symmap_get(&w->fragments, spread->name->value);
            if (!frag) {
                FAIL_AT(w, spread->name, "Unknown fragment '%s'.", spread->name->value->str);
                break;
            }
            if (frag->visited == c->pass || !should_include(w, &spread->directives)) continue;
            frag->visited = c->pass;
            const gql_schema_type *cond = scope;
            if (condition_matches(w, frag->def->type_condition, type, &cond))
                collect(w, c, type, cond, frag->def->selection_set);
        }
    }
    w->depth--;
}

/* The fields of the selection sets of nodes, for an object of type. */
static bool collect_all(walker *w, collected *c, const gql_schema_type *type,
                        const gql_field *const *nodes, uint32_t count) {
    *c = (collected){NULL, 0, 0, ++w->passes};
    for (uint32_t i = 0; i < count && w->status == GQL_OK; i++)
        if (nodes[i]->selection_set) collect(w, c, type, type, nodes[i]->selection_set);
    return w->status == GQL_OK;
}

/*=== MARK: Fields ==========================================================*/

/* ScalarLeafsRule: objects need a selection, leaves must not have one. */
static bool check_selection(walker *w, const field_group *g, const char *type, bool object) {
    for (uint32_t i = 0; i < g->count; i++) {
        const gql_field *f = g->nodes[i];
        if (object && !f->selection_set) {
            FAIL_AT(w, f,
                    "Field '%s' of type '%s' must have a selection of subfields. Did you mean "
                    "'%s { ... }'?",
                    f->name->value->str, type, f->name->value->str);
            return false;
        }
        if (!object && f->selection_set) {
            FAIL_AT(w, f->selection_set,
                    "Field '%s' must not have a selection since type '%s' has no subfields.",
                    f->name->value->str, type);
            return false;
        }
    }
    return true;
}

/* Reject the arguments of f other than the one allowed (NULL: none);
 * *value gets that one's node, or NULL. */
static bool read_arguments(walker *w, const gql_field *f, const char *parent_type,
                           const char *allowed, const gql_argument **value) {
    *value = NULL;
    for (uint32_t i = 0; i < f->arguments.count; i++) {
        const gql_argument *a = (const gql_argument *)f->arguments.items[i];
        if (allowed && sym_is(a->name->value, allowed)) {
            *value = a;
            continue;
        }
        FAIL_AT(w, a, "Unknown argument '%s' on field '%s.%s'.", a->name->value->str,
                parent_type, f->name->value->str);
        return false;
    }
    return true;
}

/* Write one resolved value: a leaf, or an object or list of them written
 * with the merged sub-selections of the group. */
static void write_value(walker *w, const gql_intro_value *v, const field_group *g) {
    switch (v->kind) {
    case GQL_INTRO_NULL:
        gql_json_null(&w->out);
        return;
    case GQL_INTRO_BOOLEAN:
        gql_json_bool(&w->out, v->u.boolean);
        return;
    case GQL_INTRO_STRING:
    case GQL_INTRO_ENUM:
        gql_json_string(&w->out, v->u.string.ptr, v->u.string.len);
        return;
    case GQL_INTRO_OBJECT: {
        parent p = {false, v->u.object, w->types[v->u.object.kind]};
        write_object(w, &p, g->nodes, g->count);
        return;
    }
    case GQL_INTRO_LIST: {
        gql_json_begin_array(&w->out);
        uint32_t cursor = 0;
        gql_intro_value item;
        while (w->status == GQL_OK && gql_intro_list_next(&v->u.list, &cursor, &item))
            write_value(w, &item, g);
        gql_json_end_array(&w->out);
        return;
    }
    }
}

/* A root field: __schema, __type(name:) or something this cannot do. */
static void write_root_field(walker *w, const parent *p, const field_group *g) {
    const gql_field *f = g->nodes[0];
    const gql_sym *name = f->name->value;
    bool on_query = p->type == w->schema->roots[GQL_QUERY];
    const gql_argument *arg;
    if (on_query && sym_is(name, "__schema")) {
        if (!read_arguments(w, f, p->type->name->str, NULL, &arg) ||
            !check_selection(w, g, "__Schema!", true))
            return;
        gql_intro_value v = {.kind = GQL_INTRO_OBJECT,
                             .u.object = gql_intro_schema_object(w->schema)};
        write_value(w, &v, g);
        return;
    }
    if (on_query && sym_is(name, "__type")) {
        if (!read_arguments(w, f, p->type->name->str, "name", &arg) ||
            !check_selection(w, g, "__Type", true))
            return;
        if (!arg) {
            FAIL_AT(w, f,
                    "Field '__type' argument 'name' of type 'String!' is required, but it was "
                    "not provided.");
            return;
        }
        if (arg->value->kind == GQL_VARIABLE) {
            no_variables(w, arg->value);
            return;
        }
        if (arg->value->kind != GQL_STRING_VALUE) {
            size_t len;
            char *printed = gql_print(arg->value, &len);
            if (!printed) {
                nomem(w);
                return;
            }
            if (arg->value->kind == GQL_NULL_VALUE)
                FAIL_AT(w, arg->value, "Expected value of type 'String!', found null.");
            else
                FAIL_AT(w, arg->value, "String cannot represent a non string value: %.*s",
                        (int)len, printed);
            gql_free(printed);
            return;
        }
        const gql_text *type_name = &((const gql_string_value *)arg->value)->value;
        gql_intro_value v = gql_intro_type_by_name(w->schema, type_name->ptr, type_name->len);
        write_value(w, &v, g);
        return;
    }
    const gql_sym *schema_name = gql_schema_sym(w->schema, name);
    if (schema_name && gql_type_field(p->type, schema_name)) {
        FAIL_AT(w, f,
                "Cannot resolve field '%s' on type '%s': only the introspection fields "
                "__schema, __type and __typename can be evaluated here.",
                name->str, p->type->name->str);
        return;
    }
    unknown_field(w, f, p->type);
}

/* A field of an introspection object. */
static void write_intro_field(walker *w, const parent *p, const field_group *g) {
    const gql_field *f = g->nodes[0];
    const gql_sym *name = f->name->value;
    gql_intro_field id = gql_intro_field_find(p->object.kind, name->str, name->len);
    if (id == GQL_IF_COUNT) {
        unknown_field(w, f, p->type);
        return;
    }
    const gql_intro_field_info *info = gql_intro_field_get(id);
    const gql_argument *arg;
    if (!read_arguments(w, f, p->type->name->str,
                        info->include_deprecated ? "includeDeprecated" : NULL, &arg) ||
        !check_selection(w, g, info->type, info->object >= 0))
        return;
    bool include_deprecated = false;
    if (arg && !boolean_argument(w, arg, !info->include_deprecated_required, &include_deprecated))
        return;
    gql_intro_value v;
    size_t before = w->message.len;
    gql_status st = gql_intro_resolve(w->schema, p->object, id, include_deprecated, &w->scratch,
                                      &w->message, &v);
    if (st == GQL_ERR_NOMEM) {
        nomem(w);
        return;
    }
    if (st == GQL_ERR_INVALID) {
        /* A field error: null here, the error beside the data. */
        report(w, false, (const gql_node *const *)g->nodes, g->count, "%s",
               gql_strbuf_cstr(&w->message) + before);
        gql_strbuf_reset(&w->message);
    }
    write_value(w, &v, g);
}

/* An object: its collected fields in response order. */
static void write_object(walker *w, const parent *p, const gql_field *const *nodes,
                         uint32_t count) {
    if (++w->depth > MAX_DEPTH) {
        FAIL_AT(w, nodes[0], "The introspection result would nest more than %d levels deep.",
                MAX_DEPTH);
        return;
    }
    collected c;
    if (collect_all(w, &c, p->type, nodes, count)) {
        gql_json_begin_object(&w->out);
        for (uint32_t i = 0; i < c.count && w->status == GQL_OK; i++) {
            const field_group *g = &c.groups[i];
            gql_json_key_name(&w->out, g->key->str, g->key->len);
            if (sym_is(g->nodes[0]->name->value, "__typename")) {
                const gql_argument *arg;
                if (read_arguments(w, g->nodes[0], p->type->name->str, NULL, &arg) &&
                    check_selection(w, g, "String!", false))
                    gql_json_string(&w->out, p->type->name->str, p->type->name->len);
            } else if (p->root) {
                write_root_field(w, p, g);
            } else {
                write_intro_field(w, p, g);
            }
        }
        gql_json_end_object(&w->out);
    }
    collected_free(&c);
    w->depth--;
}

/*=== MARK: Operation =======================================================*/

/* The operation to run, as graphql-core's execute picks it; non-executable
 * definitions are refused as ExecutableDefinitionsRule refuses them. */
static const gql_operation_definition *pick_operation(walker *w, const char *operation_name) {
    const gql_document_node *root = gql_document_root(w->doc);
    const gql_operation_definition *op = NULL;
    bool several = false;
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind == GQL_OPERATION_DEFINITION) {
            const gql_operation_definition *o = (const gql_operation_definition *)def;
            if (!operation_name) {
                several = several || op != NULL;
                op = o;
            } else if (o->name && strcmp(o->name->value->str, operation_name) == 0) {
                op = o;
            }
        } else if (def->kind == GQL_SCHEMA_DEFINITION || def->kind == GQL_SCHEMA_EXTENSION) {
            FAIL_AT(w, def, "The schema definition is not executable.");
            return NULL;
        } else if (def->kind != GQL_FRAGMENT_DEFINITION) {
            /* Type and directive definitions and extensions all have their
             * name where gql_type_definition has it. */
            const gql_name *name = def->kind == GQL_DIRECTIVE_DEFINITION
                                       ? ((const gql_directive_definition *)def)->name
                                       : ((const gql_type_definition *)def)->name;
            FAIL_AT(w, def, "The '%s' definition is not executable.", name->value->str);
            return NULL;
        }
    }
    if (several) {
        report(w, true, NULL, 0,
               "Must provide operation name if query contains multiple operations.");
        return NULL;
    }
    if (!op) {
        if (operation_name)
            report(w, true, NULL, 0, "Unknown operation named '%s'.", operation_name);
        else
            report(w, true, NULL, 0, "Must provide an operation.");
    }
    return op;
}

/* Index the fragment definitions by name (the last of a name wins). */
static bool index_fragments(walker *w) {
    const gql_document_node *root = gql_document_root(w->doc);
    uint32_t n = 0;
    for (uint32_t i = 0; i < root->definitions.count; i++)
        n += root->definitions.items[i]->kind == GQL_FRAGMENT_DEFINITION;
    if (!n) return true;
    w->fragment_list = gql_calloc(n, sizeof *w->fragment_list);
    if (!w->fragment_list) {
        nomem(w);
        return false;
    }
    n = 0;
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
        const gql_fragment_definition *fd = (const gql_fragment_definition *)def;
        fragment *existing = gql_symmap_get(&w->fragments, fd->name->value);
        if (existing) {
            existing->def = fd;
            continue;
        }
        w->fragment_list[n] = (fragment){fd, 0};
        if (!gql_symmap_put(&w->fragments, fd->name->value, &w->fragment_list[n])) {
            nomem(w);
            return false;
        }
        n++;
    }
    return true;
}

gql_status gql_introspection_execute(const gql_schema *schema, const gql_document *query,
                                     const char *operation_name, char **json, size_t *json_len,
                                     gql_error_list *errors) {
    if (json) *json = NULL;
    if (json_len) *json_len = 0;
    if (!schema || !query || !json) return GQL_ERR_ARG;
    walker w = {.schema = schema,
                .doc = query,
                .located = !gql_document_no_location(query),
                .fragments = GQL_SYMMAP_INIT,
                .out = GQL_JSON_WRITER_INIT,
                .scratch = GQL_STRBUF_INIT,
                .message = GQL_STRBUF_INIT,
                .errors = errors,
                .status = GQL_OK};
    for (int k = 0; k < GQL_INTRO_KIND_COUNT; k++)
        w.types[k] = gql_intro_schema_type(schema, (gql_intro_kind)k);
    const gql_operation_definition *op = pick_operation(&w, operation_name);
    if (op && index_fragments(&w)) {
        gql_operation kind = (gql_operation)op->base.flags;
        const gql_schema_type *root = schema->roots[kind];
        if (!root) {
            FAIL_AT(&w, op, "Schema is not configured to execute %s operation.",
                    gql_operation_name(kind));
        } else if (kind == GQL_SUBSCRIPTION) {
            FAIL_AT(&w, op, "Subscriptions cannot be evaluated by introspection.");
        } else {
            /* The root selection set, as one field node would hold it. */
            gql_field root_field = {.selection_set = op->selection_set};
            const gql_field *nodes[1] = {&root_field};
            parent p = {true, {GQL_INTRO_SCHEMA, schema}, root};
            write_object(&w, &p, nodes, 1);
        }
    }
    if (w.status == GQL_OK && w.out.nomem) nomem(&w);
    if (w.status == GQL_OK) {
        *json = gql_json_writer_finish(&w.out, json_len);
        if (!*json) nomem(&w);
    }
    gql_json_writer_free(&w.out);
    gql_strbuf_free(&w.scratch);
    gql_strbuf_free(&w.message);
    gql_symmap_free(&w.fragments);
    gql_free(w.fragment_list);
    return w.status;
}

gql_status gql_introspection_root_field(const gql_schema *schema, const gql_document *query,
                                        const char *type_name, size_t type_name_len,
                                        const gql_field *const *nodes, uint32_t count,
                                        char **json, size_t *json_len, gql_error_list *errors) {
    *json = NULL;
    walker w = {.schema = schema,
                .doc = query,
                .located = !gql_document_no_location(query),
                .fragments = GQL_SYMMAP_INIT,
                .out = GQL_JSON_WRITER_INIT,
                .scratch = GQL_STRBUF_INIT,
                .message = GQL_STRBUF_INIT,
                .errors = errors,
                .status = GQL_OK};
    for (int k = 0; k < GQL_INTRO_KIND_COUNT; k++)
        w.types[k] = gql_intro_schema_type(schema, (gql_intro_kind)k);
    if (index_fragments(&w)) {
        field_group g = {nodes[0]->name->value, (const gql_field **)nodes, count, count};
        gql_intro_value v;
        if (type_name) {
            v = gql_intro_type_by_name(schema, type_name, type_name_len);
        } else {
            v.kind = GQL_INTRO_OBJECT;
            v.u.object = gql_intro_schema_object(schema);
        }
        write_value(&w, &v, &g);
    }
    if (w.status == GQL_OK && w.out.nomem) nomem(&w);
    if (w.status == GQL_OK) {
        *json = gql_json_writer_finish(&w.out, json_len);
        if (!*json) nomem(&w);
    }
    gql_json_writer_free(&w.out);
    gql_strbuf_free(&w.scratch);
    gql_strbuf_free(&w.message);
    gql_symmap_free(&w.fragments);
    gql_free(w.fragment_list);
    return w.status;
}
