/*
 * build.c: a schema from SDL documents, as graphql-core 3.2.14's
 * build_ast_schema and extend_schema_args build one.
 *
 * The steps, in graphql-core's order:
 *  1. the SDL rules (unless assume_valid or assume_valid_sdl): any error and
 *     there is no schema, as assert_valid_sdl raises;
 *  2. the built-in definitions (builtins.c) are built like SDL, flagged
 *     built-in; a document definition of a built-in name (scalar String)
 *     stands for the built-in type, and extensions of it are ignored;
 *  3. every type definition becomes a type, in document order, with the
 *     extensions of its name merged in (fields, interfaces, members, values
 *     appended; directives kept); the schema definition (the last one, if
 *     several) and then the schema extensions name the root types, else the
 *     types named Query, Mutation and Subscription are the roots;
 *  4. the directives are those the documents define, then the specified
 *     ones not redefined;
 *  5. the type map is collected in GraphQLSchema's order (see collect);
 *  6. default values are checked (value_from_ast);
 *  7. the errors graphql-core's build raises on a document that passed the
 *     SDL rules (an invalid @deprecated reason or @specifiedBy url:
 *     get_directive_values fails) are reported, all of them, in graphql-core's
 *     order and with its messages (see report_build_errors), and there is no
 *     schema; else validate_schema runs (unless assume_valid) and the schema
 *     is returned, valid or not. graphql-core also raises, unlike graphql-js, when a field or
 * argument has a type of the wrong sort (an input type as a field type, an
 * object as an argument type, a scalar in a union): here those reach
 * validate_schema, which reports them with a location, as graphql-js does.
 */
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "type/schema.h"
#include "validation/validation.h"

#define BUILTIN_SOURCE UINT32_MAX /* gql_ast_ref.source of built-in nodes */

/* The extensions of one type name, in document order. */
typedef struct ext_list {
    gql_ast_ref *items;  /* the extension nodes */
    uint32_t count;      /* filled */
    uint32_t cap;        /* counted in the first pass */
} ext_list;

typedef struct builder {
    gql_schema *schema;                /* what is built */
    const gql_document *const *docs;   /* the documents */
    size_t ndocs;                      /* their number */
    const gql_document *builtins;      /* the built-in definitions */
    gql_error_list *errors;            /* where errors go */
    bool dedupe;                       /* names may repeat: the SDL rules were skipped */
    bool failed;                       /* graphql-core would raise: no schema */
    bool nomem;                        /* an allocation failed */
    gql_symmap extensions;             /* type name -> ext_list */
    gql_symmap defined;                /* type name -> type of the documents */
    gql_schema_type **initial;         /* the documents' types, in order, once per name */
    uint32_t initial_count;            /* entries in initial */
    gql_schema_type **created;         /* every type made (for clearing AST references) */
    uint32_t created_count;            /* entries in created */
    gql_ast_ref *directive_defs;       /* the documents' directive definitions */
    uint32_t directive_def_count;      /* their number */
    gql_schema_directive **builtin_directives; /* the specified directives, in order */
    uint32_t builtin_directive_count;  /* their number */
} builder;

static void *b_alloc(builder *b, size_t size) {
    void *p = gql_arena_zalloc(&b->schema->arena, size ? size : 1);
    if (!p) b->nomem = true;
    return p;
}

static const gql_sym *b_intern(builder *b, const gql_sym *name) {
    const gql_sym *s = gql_schema_intern(b->schema, name);
    if (!s) b->nomem = true;
    return s;
}

static void b_error(builder *b, gql_ast_ref at, const char *fmt, ...) GQL_PRINTF(3, 4);

static void b_error(builder *b, gql_ast_ref at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (!gql_error_list_vadd_at(b->errors, b->docs, b->ndocs, &at, 1, fmt, ap)) b->nomem = true;
    va_end(ap);
    b->failed = true;
}

static bool name_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

static gql_type_kind kind_of(gql_kind k) {
    switch (k) {
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_EXTENSION:
        return GQL_TYPE_OBJECT;
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_EXTENSION:
        return GQL_TYPE_INTERFACE;
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_UNION_TYPE_EXTENSION:
        return GQL_TYPE_UNION;
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_EXTENSION:
        return GQL_TYPE_ENUM;
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        return GQL_TYPE_INPUT_OBJECT;
    default:
        return GQL_TYPE_SCALAR;
    }
}

/*=== MARK: Collecting definitions ==========================================*/

/* A type with its name, kind and description; contents come later. */
static gql_schema_type *new_type(builder *b, gql_ast_ref def, bool builtin) {
    const gql_type_definition *d = (const gql_type_definition *)def.node;
    gql_schema_type *t = b_alloc(b, sizeof *t);
    if (!t) return NULL;
    t->name = b_intern(b, d->name->value);
    t->kind = kind_of((gql_kind)d->base.kind);
    t->index = GQL_NOT_IN_MAP;
    t->builtin = builtin;
    t->ref = (gql_type_ref){GQL_REF_NAMED, NULL, t};
    t->ast = def;
    if (!t->name || !gql_copy_text(b->schema, d->description, &t->description)) {
        b->nomem = true;
        return NULL;
    }
    b->created[b->created_count++] = t;
    return t;
}

static size_t count_definitions(const gql_document *doc) {
    return gql_document_root(doc)->definitions.count;
}

/* The built-in types and directives (from builtins.c). */
static void collect_builtins(builder *b) {
    const gql_document_node *root = gql_document_root(b->builtins);
    uint32_t ndirectives = 0;
    for (uint32_t i = 0; i < root->definitions.count; i++)
        ndirectives += root->definitions.items[i]->kind == GQL_DIRECTIVE_DEFINITION;
    b->builtin_directives = b_alloc(b, ndirectives * sizeof *b->builtin_directives);
    for (uint32_t i = 0; i < root->definitions.count && !b->nomem; i++) {
        const gql_node *def = root->definitions.items[i];
        gql_ast_ref ref = {def, BUILTIN_SOURCE};
        if (gql_is_type_definition_kind((gql_kind)def->kind)) {
            gql_schema_type *t = new_type(b, ref, true);
            if (t && !gql_symmap_put(&b->schema->builtin_types, t->name, t)) b->nomem = true;
        }
    }
}

/* The documents' definitions: types (made now), extensions, directives and
 * the schema definition and extensions (kept for later). */
static void collect_definitions(builder *b) {
    gql_schema *s = b->schema;
    uint32_t ntypes = 0, nschema_ext = 0, ndirectives = 0;
    /* First pass: count, so that every list is allocated once. */
    for (size_t d = 0; d < b->ndocs && !b->nomem; d++) {
        const gql_document_node *root = gql_document_root(b->docs[d]);
        for (uint32_t i = 0; i < root->definitions.count; i++) {
            const gql_node *def = root->definitions.items[i];
            gql_kind k = (gql_kind)def->kind;
            if (k == GQL_SCHEMA_EXTENSION) {
                nschema_ext++;
            } else if (k == GQL_DIRECTIVE_DEFINITION) {
                ndirectives++;
            } else if (gql_is_type_definition_kind(k)) {
                ntypes++;
            } else if (gql_is_type_extension_kind(k)) {
                const gql_sym *name = ((const gql_type_definition *)def)->name->value;
                ext_list *list = gql_symmap_get(&b->extensions, name);
                if (!list) {
                    list = b_alloc(b, sizeof *list);
                    if (!list || !gql_symmap_put(&b->extensions, name, list)) {
                        b->nomem = true;
                        return;
                    }
                }
                list->cap++;
            }
        }
    }
    for (uint32_t i = 0; i <= b->extensions.mask && b->extensions.slots; i++) {
        ext_list *list = b->extensions.slots[i].value;
        if (list) list->items = b_alloc(b, list->cap * sizeof *list->items);
    }
    b->initial = b_alloc(b, ntypes * sizeof *b->initial);
    b->directive_defs = b_alloc(b, ndirectives * sizeof *b->directive_defs);
    s->extensions = b_alloc(b, nschema_ext * sizeof *s->extensions);
    if (b->nomem) return;

    /* Second pass: fill. */
    for (size_t d = 0; d < b->ndocs && !b->nomem; d++) {
        const gql_document_node *root = gql_document_root(b->docs[d]);
        for (uint32_t i = 0; i < root->definitions.count && !b->nomem; i++) {
            const gql_node *def = root->definitions.items[i];
            gql_ast_ref ref = {def, (uint32_t)d};
            gql_kind k = (gql_kind)def->kind;
            if (k == GQL_SCHEMA_DEFINITION) {
                s->ast = ref; /* the last one wins, as in graphql-core */
            } else if (k == GQL_SCHEMA_EXTENSION) {
                s->extensions[s->extension_count++] = ref;
            } else if (k == GQL_DIRECTIVE_DEFINITION) {
                b->directive_defs[b->directive_def_count++] = ref;
            } else if (gql_is_type_extension_kind(k)) {
                const gql_sym *name = ((const gql_type_definition *)def)->name->value;
                ext_list *list = gql_symmap_get(&b->extensions, name);
                list->items[list->count++] = ref;
            }
        }
    }

    /* The types, in document order: a built-in name stands for the built-in
     * type; a repeated name (SDL rules skipped) keeps the first position and
     * takes the last definition, as a Python dict assignment does. */
    for (size_t d = 0; d < b->ndocs && !b->nomem; d++) {
        const gql_document_node *root = gql_document_root(b->docs[d]);
        for (uint32_t i = 0; i < root->definitions.count && !b->nomem; i++) {
            const gql_node *def = root->definitions.items[i];
            if (!gql_is_type_definition_kind((gql_kind)def->kind)) continue;
            const gql_sym *name = ((const gql_type_definition *)def)->name->value;
            gql_schema_type *t = gql_symmap_get(&s->builtin_types, name);
            if (!t) t = new_type(b, (gql_ast_ref){def, (uint32_t)d}, false);
            if (!t) return;
            gql_schema_type *old = gql_symmap_get(&b->defined, name);
            if (!gql_symmap_put(&b->defined, t->name, t)) {
                b->nomem = true;
                return;
            }
            if (!old) {
                b->initial[b->initial_count++] = t;
            } else {
                for (uint32_t j = 0; j < b->initial_count; j++)
                    if (b->initial[j] == old) b->initial[j] = t;
            }
        }
    }
}

/* Attach the extensions of t's name that have t's kind. */
static void attach_extensions(builder *b, gql_schema_type *t) {
    const ext_list *list = gql_symmap_get(&b->extensions, t->name);
    if (!list || !list->count) return;
    t->extensions = b_alloc(b, list->count * sizeof *t->extensions);
    if (!t->extensions) return;
    for (uint32_t i = 0; i < list->count; i++)
        if (kind_of((gql_kind)list->items[i].node->kind) == t->kind)
            t->extensions[t->extension_count++] = list->items[i];
}

/*=== MARK: Types and directives of elements ================================*/

/* graphql-core's get_named_type: the built-in types first, then the
 * documents'. */
static gql_schema_type *named_type(builder *b, const gql_named_type *node, uint32_t source) {
    const gql_sym *name = node->name->value;
    gql_schema_type *t = gql_symmap_get(&b->schema->builtin_types, name);
    if (!t) t = gql_symmap_get(&b->defined, name);
    if (!t) b_error(b, (gql_ast_ref){&node->base, source}, "Unknown type: '%s'.", name->str);
    return t;
}

/* A type reference from a type node: wrappers outside in, then the named
 * type; no recursion (list types nest as deep as the parser allows). */
static const gql_type_ref *type_ref(builder *b, const gql_node *node, uint32_t source) {
    const gql_type_ref *result = NULL;
    gql_type_ref *last = NULL; /* the innermost wrapper made so far */
    while (node->kind != GQL_NAMED_TYPE) {
        gql_type_ref *r = b_alloc(b, sizeof *r);
        if (!r) return NULL;
        r->wrap = node->kind == GQL_LIST_TYPE ? GQL_REF_LIST : GQL_REF_NON_NULL;
        if (last) last->of_type = r;
        else result = r;
        last = r;
        node = ((const gql_wrapping_type *)node)->type;
    }
    gql_schema_type *t = named_type(b, (const gql_named_type *)node, source);
    if (!t) return NULL;
    if (!last) return &t->ref;
    last->of_type = &t->ref;
    for (gql_type_ref *r = (gql_type_ref *)result; r != &t->ref; r = (gql_type_ref *)r->of_type)
        r->named = t;
    return result;
}

/* The first applied directive named name in a list, or NULL. */
static const gql_directive *find_directive(const gql_list *directives, const char *name) {
    for (uint32_t i = 0; i < directives->count; i++) {
        const gql_directive *d = (const gql_directive *)directives->items[i];
        if (name_is(d->name->value, name)) return d;
    }
    return NULL;
}

/* The argument named name of an applied directive (the last one, as
 * get_argument_values builds a dict), or NULL. */
static const gql_argument *find_argument(const gql_directive *d, const char *name) {
    const gql_argument *found = NULL;
    for (uint32_t i = 0; i < d->arguments.count; i++) {
        const gql_argument *a = (const gql_argument *)d->arguments.items[i];
        if (name_is(a->name->value, name)) found = a;
    }
    return found;
}

/* Report get_argument_values' "invalid value" error, after prefix (the
 * "<Type> fields cannot be resolved. " of the lazy field maps graphql-core
 * was resolving, or ""). */
static void invalid_argument(builder *b, const char *prefix, const char *arg,
                             const gql_node *value, uint32_t source) {
    size_t len;
    char *printed = gql_print(value, &len);
    if (!printed) {
        b->nomem = true;
        b->failed = true;
        return;
    }
    b_error(b, (gql_ast_ref){value, source}, "%sArgument '%s' has invalid value %.*s.", prefix,
            arg, (int)len, printed);
    gql_free(printed);
}

/* The reason of the first @deprecated if get_directive_values rejects it
 * (neither a string nor null), else NULL. */
static const gql_node *invalid_reason(const gql_list *directives) {
    const gql_directive *d = find_directive(directives, "deprecated");
    const gql_argument *reason = d ? find_argument(d, "reason") : NULL;
    if (!reason || reason->value->kind == GQL_NULL_VALUE ||
        reason->value->kind == GQL_STRING_VALUE)
        return NULL;
    return reason->value;
}

/* graphql-core's get_deprecation_reason: the reason of the first @deprecated
 * (the specified directive's arguments apply even if redefined), "No longer
 * supported" by default; an explicit null means not deprecated. An invalid
 * reason (not a string) is reported by report_build_errors. */
static void deprecation(builder *b, const gql_list *directives, gql_text *out) {
    static const char default_reason[] = "No longer supported";
    out->ptr = NULL;
    out->len = 0;
    const gql_directive *d = find_directive(directives, "deprecated");
    if (!d) return;
    const gql_argument *reason = find_argument(d, "reason");
    if (!reason) {
        out->ptr = default_reason;
        out->len = sizeof default_reason - 1;
        return;
    }
    if (reason->value->kind != GQL_STRING_VALUE) return;
    if (!gql_copy_text(b->schema, (const gql_string_value *)reason->value, out))
        b->nomem = true;
}

/* graphql-core's get_specified_by_url, from the scalar's definition only.
 * report: raise its error, if any, instead of keeping the url. */
static void specified_by(builder *b, gql_schema_type *t, bool report) {
    const gql_type_definition *def = (const gql_type_definition *)t->ast.node;
    const gql_directive *d = find_directive(&def->directives, "specifiedBy");
    if (!d) return;
    const gql_argument *url = find_argument(d, "url");
    gql_ast_ref at = {url ? url->value : &d->base, t->ast.source};
    if (url && url->value->kind == GQL_STRING_VALUE) {
        if (!report &&
            !gql_copy_text(b->schema, (const gql_string_value *)url->value, &t->specified_by_url))
            b->nomem = true;
    } else if (!report) {
        return;
    } else if (!url) {
        b_error(b, at, "Argument 'url' of required type 'String!' was not provided.");
    } else if (url->value->kind == GQL_NULL_VALUE) {
        b_error(b, at, "Argument 'url' of non-null type 'String!' must not be null.");
    } else {
        invalid_argument(b, "", "url", url->value, t->ast.source);
    }
}

static void copy_directives(builder *b, const gql_list *from, gql_list *to) {
    if (!gql_copy_directives(b->schema, from, to)) b->nomem = true;
}

/*=== MARK: Members =========================================================*/

/*
 * When the SDL rules were skipped, names may repeat: keep graphql-core's dict
 * semantics (the first position, the last definition). Elements are structs
 * of size stride whose first member is the interned name.
 */
static uint32_t dedupe(builder *b, void *base, size_t stride, uint32_t count) {
    if (!b->dedupe || count < 2 || b->nomem) return count;
    gql_symmap seen = GQL_SYMMAP_INIT;
    uint32_t kept = 0;
    char *p = base;
    for (uint32_t i = 0; i < count; i++) {
        const gql_sym *name;
        memcpy(&name, p + (size_t)i * stride, sizeof name);
        void *existing;
        if (!gql_symmap_put_new(&seen, name, p + (size_t)kept * stride, &existing)) {
            b->nomem = true;
            break;
        }
        if (existing != p + (size_t)kept * stride) {
            memcpy(existing, p + (size_t)i * stride, stride);
            continue;
        }
        if (kept != i) memcpy(p + (size_t)kept * stride, p + (size_t)i * stride, stride);
        kept++;
    }
    gql_symmap_free(&seen);
    return kept;
}

/* graphql-core's build_argument_map (also its build_input_field_map for one
 * node). */
static gql_schema_input_value *input_values(builder *b, const gql_list *defs, uint32_t source,
                                            gql_schema_input_value *out) {
    for (uint32_t i = 0; i < defs->count && !b->nomem; i++) {
        const gql_input_value_definition *d = (const gql_input_value_definition *)defs->items[i];
        gql_schema_input_value *v = out++;
        v->name = b_intern(b, d->name->value);
        v->type = type_ref(b, d->type, source);
        v->ast = (gql_ast_ref){&d->base, source};
        if (!gql_copy_text(b->schema, d->description, &v->description)) b->nomem = true;
        if (d->default_value) {
            v->default_value = gql_copy_value(b->schema, d->default_value);
            if (!v->default_value) b->nomem = true;
            v->default_state = GQL_DEFAULT_UNCHECKED;
        }
        deprecation(b, &d->directives, &v->deprecation_reason);
        copy_directives(b, &d->directives, &v->directives);
    }
    return out;
}

#define TYPE_DEF(ref) ((const gql_type_definition *)(ref).node)

static uint32_t count_members(const gql_schema_type *t) {
    uint32_t n = 0;
    for (uint32_t k = 0; k <= t->extension_count; k++)
        n += TYPE_DEF(gql_type_node(t, k))->members.count;
    return n;
}

static void build_fields(builder *b, gql_schema_type *t) {
    uint32_t n = count_members(t);
    t->fields = b_alloc(b, n * sizeof *t->fields);
    if (!t->fields) return;
    for (uint32_t k = 0; k <= t->extension_count; k++) {
        gql_ast_ref ref = gql_type_node(t, k);
        const gql_type_definition *node = TYPE_DEF(ref);
        uint32_t source = ref.source;
        for (uint32_t i = 0; i < node->members.count && !b->nomem; i++) {
            const gql_field_definition *d = (const gql_field_definition *)node->members.items[i];
            gql_schema_field *f = &t->fields[t->field_count++];
            f->name = b_intern(b, d->name->value);
            f->type = type_ref(b, d->type, source);
            f->ast = (gql_ast_ref){&d->base, source};
            if (!gql_copy_text(b->schema, d->description, &f->description)) b->nomem = true;
            f->args = b_alloc(b, d->arguments.count * sizeof *f->args);
            if (!f->args) return;
            input_values(b, &d->arguments, source, f->args);
            f->arg_count = dedupe(b, f->args, sizeof *f->args, d->arguments.count);
            deprecation(b, &d->directives, &f->deprecation_reason);
            copy_directives(b, &d->directives, &f->directives);
        }
    }
    t->field_count = dedupe(b, t->fields, sizeof *t->fields, t->field_count);
    if (!gql_name_index_build(&t->field_index, &b->schema->arena, t->fields, sizeof *t->fields,
                              t->field_count))
        b->nomem = true;
}

static void build_interfaces(builder *b, gql_schema_type *t) {
    uint32_t n = 0;
    for (uint32_t k = 0; k <= t->extension_count; k++)
        n += TYPE_DEF(gql_type_node(t, k))->interfaces.count;
    t->interfaces = b_alloc(b, n * sizeof *t->interfaces);
    if (!t->interfaces) return;
    for (uint32_t k = 0; k <= t->extension_count; k++) {
        gql_ast_ref ref = gql_type_node(t, k);
        const gql_type_definition *node = TYPE_DEF(ref);
        uint32_t source = ref.source;
        for (uint32_t i = 0; i < node->interfaces.count; i++) {
            gql_schema_type *iface =
                named_type(b, (const gql_named_type *)node->interfaces.items[i], source);
            if (iface) t->interfaces[t->interface_count++] = iface;
        }
    }
}

static void build_union(builder *b, gql_schema_type *t) {
    t->members = b_alloc(b, count_members(t) * sizeof *t->members);
    if (!t->members) return;
    for (uint32_t k = 0; k <= t->extension_count; k++) {
        gql_ast_ref ref = gql_type_node(t, k);
        const gql_type_definition *node = TYPE_DEF(ref);
        uint32_t source = ref.source;
        for (uint32_t i = 0; i < node->members.count; i++) {
            gql_schema_type *m =
                named_type(b, (const gql_named_type *)node->members.items[i], source);
            if (m) t->members[t->member_count++] = m;
        }
    }
}

static void build_enum(builder *b, gql_schema_type *t) {
    t->values = b_alloc(b, count_members(t) * sizeof *t->values);
    if (!t->values) return;
    for (uint32_t k = 0; k <= t->extension_count; k++) {
        gql_ast_ref ref = gql_type_node(t, k);
        const gql_type_definition *node = TYPE_DEF(ref);
        uint32_t source = ref.source;
        for (uint32_t i = 0; i < node->members.count && !b->nomem; i++) {
            const gql_enum_value_definition *d =
                (const gql_enum_value_definition *)node->members.items[i];
            gql_schema_enum_value *v = &t->values[t->value_count++];
            v->name = b_intern(b, d->name->value);
            v->ast = (gql_ast_ref){&d->base, source};
            if (!gql_copy_text(b->schema, d->description, &v->description)) b->nomem = true;
            deprecation(b, &d->directives, &v->deprecation_reason);
            copy_directives(b, &d->directives, &v->directives);
        }
    }
    t->value_count = dedupe(b, t->values, sizeof *t->values, t->value_count);
    if (!gql_name_index_build(&t->value_index, &b->schema->arena, t->values, sizeof *t->values,
                              t->value_count))
        b->nomem = true;
}

static void build_input_object(builder *b, gql_schema_type *t) {
    t->input_fields = b_alloc(b, count_members(t) * sizeof *t->input_fields);
    if (!t->input_fields) return;
    gql_schema_input_value *end = t->input_fields;
    for (uint32_t k = 0; k <= t->extension_count; k++) {
        gql_ast_ref ref = gql_type_node(t, k);
        end = input_values(b, &TYPE_DEF(ref)->members, ref.source, end);
    }
    t->input_field_count = (uint32_t)(end - t->input_fields);
    t->input_field_count =
        dedupe(b, t->input_fields, sizeof *t->input_fields, t->input_field_count);
    if (!gql_name_index_build(&t->input_field_index, &b->schema->arena, t->input_fields,
                              sizeof *t->input_fields, t->input_field_count))
        b->nomem = true;
    /* graphql-core's is_one_of looks at the definition only. */
    t->one_of = find_directive(&TYPE_DEF(t->ast)->directives, "oneOf") != NULL;
}

static void build_type(builder *b, gql_schema_type *t) {
    switch (t->kind) {
    case GQL_TYPE_OBJECT:
    case GQL_TYPE_INTERFACE:
        build_interfaces(b, t);
        build_fields(b, t);
        break;
    case GQL_TYPE_UNION:
        build_union(b, t);
        break;
    case GQL_TYPE_ENUM:
        build_enum(b, t);
        break;
    case GQL_TYPE_INPUT_OBJECT:
        build_input_object(b, t);
        break;
    default:
        specified_by(b, t, false);
        break;
    }
    for (uint32_t k = 0; k <= t->extension_count; k++)
        copy_directives(b, &TYPE_DEF(gql_type_node(t, k))->directives, &t->directives);
}

static gql_schema_directive *build_directive(builder *b, gql_ast_ref ref, bool builtin) {
    const gql_directive_definition *d = (const gql_directive_definition *)ref.node;
    gql_schema_directive *dir = b_alloc(b, sizeof *dir);
    if (!dir) return NULL;
    dir->name = b_intern(b, d->name->value);
    dir->repeatable = (d->base.flags & GQL_FLAG_REPEATABLE) != 0;
    dir->builtin = builtin;
    dir->ast = ref;
    if (!gql_copy_text(b->schema, d->description, &dir->description)) b->nomem = true;
    dir->args = b_alloc(b, d->arguments.count * sizeof *dir->args);
    dir->locations = b_alloc(b, d->locations.count);
    if (!dir->args || !dir->locations) return NULL;
    input_values(b, &d->arguments, ref.source, dir->args);
    dir->arg_count = dedupe(b, dir->args, sizeof *dir->args, d->arguments.count);
    for (uint32_t i = 0; i < d->locations.count; i++) {
        gql_directive_location loc;
        if (gql_directive_location_from_name(((const gql_name *)d->locations.items[i])->value,
                                             &loc)) {
            dir->locations[dir->location_count++] = (uint8_t)loc;
            dir->location_mask |= 1u << loc;
        }
    }
    return dir;
}

/* The documents' directives in order, then the specified ones they do not
 * redefine. */
static void build_directives(builder *b) {
    gql_schema *s = b->schema;
    const gql_document_node *root = gql_document_root(b->builtins);
    for (uint32_t i = 0; i < root->definitions.count && !b->nomem; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_DIRECTIVE_DEFINITION) continue;
        gql_schema_directive *d = build_directive(b, (gql_ast_ref){def, BUILTIN_SOURCE}, true);
        if (d) b->builtin_directives[b->builtin_directive_count++] = d;
    }
    s->directives = b_alloc(b, (b->directive_def_count + b->builtin_directive_count) *
                                   sizeof *s->directives);
    if (!s->directives) return;
    for (uint32_t i = 0; i < b->directive_def_count && !b->nomem; i++) {
        gql_schema_directive *d = build_directive(b, b->directive_defs[i], false);
        if (d) s->directives[s->directive_count++] = d;
    }
    for (uint32_t i = 0; i < b->builtin_directive_count && !b->nomem; i++) {
        gql_schema_directive *d = b->builtin_directives[i];
        bool redefined = false;
        for (uint32_t j = 0; j < b->directive_def_count && !redefined; j++)
            redefined = s->directives[j]->name == d->name;
        if (!redefined) s->directives[s->directive_count++] = d;
    }
    /* A repeated name (SDL rules skipped): the map finds the last one. */
    for (uint32_t i = 0; i < s->directive_count && !b->nomem; i++)
        if (!gql_symmap_put(&s->directive_map, s->directives[i]->name, s->directives[i]))
            b->nomem = true;
}

/*=== MARK: Root types ======================================================*/

static void root_types(builder *b) {
    gql_schema *s = b->schema;
    if (s->ast.node) {
        const gql_schema_definition *def = (const gql_schema_definition *)s->ast.node;
        if (!gql_copy_text(s, def->description, &s->description)) b->nomem = true;
    }
    for (uint32_t i = 0; i <= s->extension_count; i++) {
        gql_ast_ref ref = i == 0 ? s->ast : s->extensions[i - 1];
        if (!ref.node) continue;
        const gql_schema_definition *def = (const gql_schema_definition *)ref.node;
        for (uint32_t j = 0; j < def->operation_types.count; j++) {
            const gql_operation_type_definition *op =
                (const gql_operation_type_definition *)def->operation_types.items[j];
            gql_schema_type *t = named_type(b, op->type, ref.source);
            if (t && op->base.flags < 3) s->roots[op->base.flags] = t;
        }
        copy_directives(b, &def->directives, &s->applied_directives);
    }
    if (s->ast.node) return;
    /* No schema definition: the conventional names, even over what schema
     * extensions said (build_ast_schema checks ast_node only). */
    static const char *const names[3] = {"Query", "Mutation", "Subscription"};
    for (uint32_t i = 0; i < b->initial_count; i++)
        for (int op = 0; op < 3; op++)
            if (name_is(b->initial[i]->name, names[op])) s->roots[op] = b->initial[i];
}

/*=== MARK: Type map ========================================================*/

static void add_to_map(builder *b, gql_schema_type *t) {
    gql_schema *s = b->schema;
    t->index = s->type_count;
    s->types[s->type_count++] = t;
}

/*
 * GraphQLSchema's collect_referenced_types: add t if not yet collected, then
 * what it references (union members; interfaces, then each field's type and
 * its arguments' types; input fields' types), depth first. Every type of the
 * documents is collected before this runs (see collect_type_map), so only
 * built-in types are ever added here, and the recursion is as deep as the
 * built-in types nest (a handful of levels), whatever the input.
 */
static void collect(builder *b, gql_schema_type *t) {
    if (t->index != GQL_NOT_IN_MAP) return;
    add_to_map(b, t);
    for (uint32_t i = 0; i < t->member_count; i++) collect(b, t->members[i]);
    for (uint32_t i = 0; i < t->interface_count; i++) collect(b, t->interfaces[i]);
    for (uint32_t i = 0; i < t->field_count; i++) {
        collect(b, t->fields[i].type->named);
        for (uint32_t j = 0; j < t->fields[i].arg_count; j++)
            collect(b, t->fields[i].args[j].type->named);
    }
    for (uint32_t i = 0; i < t->input_field_count; i++)
        collect(b, t->input_fields[i].type->named);
}

/* The references of a type that is already in the map. */
static void collect_references(builder *b, gql_schema_type *t) {
    t->index = GQL_NOT_IN_MAP;
    collect(b, t);
}

#define PENDING (GQL_NOT_IN_MAP - 1) /* index of a document type not yet placed */

/*
 * GraphQLSchema.__init__'s order: the documents' types are all "collected"
 * from the start; each in turn is taken out and put back at the end followed
 * by the built-in types it references first. Then the root types, the
 * directives' argument types and __Schema (with the introspection types).
 */
static void collect_type_map(builder *b) {
    gql_schema *s = b->schema;
    uint32_t capacity = b->initial_count + s->builtin_types.count;
    s->types = b_alloc(b, capacity * sizeof *s->types);
    if (!s->types) return;
    for (uint32_t i = 0; i < b->initial_count; i++) b->initial[i]->index = PENDING;
    for (uint32_t i = 0; i < b->initial_count; i++) collect_references(b, b->initial[i]);
    for (int op = 0; op < 3; op++)
        if (s->roots[op]) collect(b, s->roots[op]);
    for (uint32_t i = 0; i < s->directive_count; i++)
        for (uint32_t j = 0; j < s->directives[i]->arg_count; j++)
            collect(b, s->directives[i]->args[j].type->named);
    const gql_sym *name = gql_intern_find(&s->names, "__Schema", 8);
    gql_schema_type *schema_type = name ? gql_symmap_get(&s->builtin_types, name) : NULL;
    if (schema_type) collect(b, schema_type);
    for (uint32_t i = 0; i < s->type_count && !b->nomem; i++)
        if (!gql_symmap_put(&s->type_map, s->types[i]->name, s->types[i])) b->nomem = true;
}

/* Each interface's implementations (objects) and sub-interfaces, in type map
 * order (GraphQLSchema's _implementations_map). */
static void collect_implementations(builder *b) {
    gql_schema *s = b->schema;
    for (int pass = 0; pass < 2 && !b->nomem; pass++) {
        for (uint32_t i = 0; i < s->type_count; i++) {
            gql_schema_type *t = s->types[i];
            if (t->kind != GQL_TYPE_OBJECT && t->kind != GQL_TYPE_INTERFACE) continue;
            for (uint32_t j = 0; j < t->interface_count; j++) {
                gql_schema_type *iface = t->interfaces[j];
                if (iface->kind != GQL_TYPE_INTERFACE) continue;
                bool object = t->kind == GQL_TYPE_OBJECT;
                uint32_t *count = object ? &iface->implementation_count
                                         : &iface->sub_interface_count;
                gql_schema_type **list = object ? iface->implementations : iface->sub_interfaces;
                if (pass == 0) (*count)++;
                else list[(*count)++] = t;
            }
        }
        if (pass == 1) break;
        for (uint32_t i = 0; i < s->type_count && !b->nomem; i++) {
            gql_schema_type *t = s->types[i];
            if (t->kind != GQL_TYPE_INTERFACE) continue;
            t->implementations = b_alloc(b, t->implementation_count * sizeof(gql_schema_type *));
            t->sub_interfaces = b_alloc(b, t->sub_interface_count * sizeof(gql_schema_type *));
            t->implementation_count = t->sub_interface_count = 0;
        }
    }
}

/*=== MARK: Build errors in graphql-core's order ============================*/

/*
 * graphql-core raises get_directive_values' errors (an invalid @deprecated
 * reason or @specifiedBy url) when it builds the element, and it builds some
 * elements eagerly and others lazily. graftql builds everything first, then
 * this pass reports every such error in the order graphql-core meets them
 * (each earlier one fixed), with its prefixes:
 *
 *  1. build_type, every type definition in document order (one a later
 *     definition of its name replaces too): a scalar's @specifiedBy url, an
 *     enum's values' reasons;
 *  2. build_directive, in document order: each argument's default coerced
 *     (value_from_ast), then its reason;
 *  3. GraphQLSchema's constructor (collect_referenced_types), over the type
 *     map in order: the lazy field map (fields thunk) of each object,
 *     interface and input object type: each field's arguments (default
 *     coerced, then reason) then its reason; each input field's default
 *     coerced, then its reason.
 *
 * Coercing a default reads the fields of the input object types it meets
 * (gql_value_coerces_visit names them in order), which resolves their field
 * maps then and there: a field map being resolved is a frame on an explicit
 * stack, and an error inside is prefixed with "<Type> fields cannot be
 * resolved. " for each frame, outermost first, as graphql-core wraps it. A
 * resolved field map is cached (a cached_property) and never resolved again.
 * graphql-core resolves a field map again when a default met while resolving
 * it leads back to it (a cycle through defaults), until RecursionError; here
 * the cycle is cut where it closes, so every field map is resolved once, its
 * errors reported once with the prefixes of that resolution, and the pass
 * ends.
 */

enum { MAP_UNRESOLVED, MAP_RESOLVING, MAP_RESOLVED }; /* a field map's state */

typedef struct map_frame {
    gql_schema_type *type;       /* whose field map is resolved; NULL: directive arguments */
    gql_ast_ref directive;       /* the directive definition, when type is NULL */
    uint32_t node;               /* 0: the definition, then its extensions */
    uint32_t member;             /* field, input field or argument of that node */
    uint32_t arg;                /* object, interface: argument of that field (its
                                    argument count: the field itself) */
    bool coerced;                /* the current input value's default was coerced */
    uint32_t met_start;          /* this frame's types in lazy_pass.met: start, */
    uint32_t met_next;           /* next to resolve */
    uint32_t met_end;            /* and end */
} map_frame;

typedef struct lazy_pass {
    builder *b;
    uint8_t *state;              /* per type map index: MAP_* */
    map_frame *frames;           /* the field maps being resolved, outermost first */
    uint32_t depth;              /* frames in use (at most one per type, and a directive) */
    gql_schema_type **met;       /* input types the last coercion of each frame met */
    uint32_t met_count;          /* entries in use */
    uint32_t met_cap;            /* entries allocated */
} lazy_pass;

static void met_input_type(void *ctx, gql_schema_type *t) {
    lazy_pass *p = ctx;
    if (t->index == GQL_NOT_IN_MAP || p->state[t->index] != MAP_UNRESOLVED) return;
    if (p->met_count == p->met_cap) {
        uint32_t cap = p->met_cap ? 2 * p->met_cap : 16;
        gql_schema_type **met = gql_realloc(p->met, cap * sizeof *met);
        if (!met) {
            p->b->nomem = true;
            return;
        }
        p->met = met;
        p->met_cap = cap;
    }
    p->met[p->met_count++] = t;
}

/* The input value or field definition a frame is at (its document in
 * *source), or NULL when the frame is done. */
static const gql_node *frame_element(map_frame *f, uint32_t *source) {
    for (;;) {
        const gql_list *members;
        if (!f->type) {
            if (f->node > 0) return NULL;
            members = &((const gql_directive_definition *)f->directive.node)->arguments;
            *source = f->directive.source;
        } else {
            if (f->node > f->type->extension_count) return NULL;
            gql_ast_ref ref = gql_type_node(f->type, f->node);
            members = &TYPE_DEF(ref)->members;
            *source = ref.source;
        }
        if (f->member < members->count) {
            const gql_node *m = members->items[f->member];
            if (m->kind != GQL_FIELD_DEFINITION) return m;
            const gql_list *args = &((const gql_field_definition *)m)->arguments;
            return f->arg < args->count ? args->items[f->arg] : m;
        }
        f->node++;
        f->member = 0;
    }
}

static void frame_advance(map_frame *f, const gql_node *element) {
    f->coerced = false;
    if (f->type && f->type->kind != GQL_TYPE_INPUT_OBJECT &&
        element->kind == GQL_INPUT_VALUE_DEFINITION) {
        f->arg++; /* a field's argument: the next one, or the field */
        return;
    }
    f->arg = 0;
    f->member++;
}

/* value_from_ast on an input value's default: the input types it meets
 * become the frame's types to resolve. */
static void coerce_default(lazy_pass *p, map_frame *f, const gql_node *element,
                           uint32_t source) {
    const gql_input_value_definition *d = (const gql_input_value_definition *)element;
    p->met_count = f->met_start;
    if (d->default_value) {
        const gql_type_ref *type = type_ref(p->b, d->type, source);
        gql_input_visitor visitor = {met_input_type, p};
        if (type) gql_value_coerces_visit(p->b->schema, d->default_value, type, &visitor);
    }
    f->met_next = f->met_start;
    f->met_end = p->met_count;
}

static void report_reason(lazy_pass *p, const gql_node *element, uint32_t source) {
    const gql_list *directives = element->kind == GQL_FIELD_DEFINITION
                                     ? &((const gql_field_definition *)element)->directives
                                     : &((const gql_input_value_definition *)element)->directives;
    const gql_node *reason = invalid_reason(directives);
    if (!reason) return;
    gql_strbuf prefix = GQL_STRBUF_INIT;
    for (uint32_t i = 0; i < p->depth; i++) {
        if (!p->frames[i].type) continue;
        gql_strbuf_puts(&prefix, p->frames[i].type->name->str);
        gql_strbuf_puts(&prefix, " fields cannot be resolved. ");
    }
    if (prefix.nomem)
        p->b->nomem = true;
    else
        invalid_argument(p->b, prefix.len ? gql_strbuf_cstr(&prefix) : "", "reason", reason,
                         source);
    gql_strbuf_free(&prefix);
}

/* Run one frame (a field map, or a directive's arguments) to its end, with
 * the field maps it resolves on the way. */
static void resolve(lazy_pass *p, map_frame root) {
    if (root.type) p->state[root.type->index] = MAP_RESOLVING;
    root.met_start = root.met_next = root.met_end = p->met_count = 0;
    p->frames[0] = root;
    p->depth = 1;
    while (p->depth && !p->b->nomem) {
        map_frame *f = &p->frames[p->depth - 1];
        if (f->met_next < f->met_end) {
            gql_schema_type *t = p->met[f->met_next++];
            if (p->state[t->index] != MAP_UNRESOLVED) continue;
            p->state[t->index] = MAP_RESOLVING;
            p->frames[p->depth++] = (map_frame){.type = t,
                                                .met_start = p->met_count,
                                                .met_next = p->met_count,
                                                .met_end = p->met_count};
            continue;
        }
        uint32_t source;
        const gql_node *element = frame_element(f, &source);
        if (!element) {
            if (f->type) p->state[f->type->index] = MAP_RESOLVED;
            p->met_count = f->met_start;
            p->depth--;
        } else if (element->kind == GQL_INPUT_VALUE_DEFINITION && !f->coerced) {
            f->coerced = true;
            coerce_default(p, f, element, source);
        } else {
            report_reason(p, element, source);
            frame_advance(f, element);
        }
    }
}

static void report_build_errors(builder *b) {
    gql_schema *s = b->schema;
    lazy_pass p = {.b = b};
    p.state = gql_calloc(s->type_count + 1, 1);
    p.frames = gql_malloc((s->type_count + 1) * sizeof *p.frames);
    if (!p.state || !p.frames) b->nomem = true;
    /* 1. build_type */
    for (uint32_t i = 0; i < b->created_count && !b->nomem; i++) {
        gql_schema_type *t = b->created[i];
        if (t->builtin) continue;
        if (t->kind == GQL_TYPE_SCALAR) specified_by(b, t, true);
        if (t->kind != GQL_TYPE_ENUM) continue;
        for (uint32_t k = 0; k <= t->extension_count; k++) {
            gql_ast_ref ref = gql_type_node(t, k);
            const gql_list *values = &TYPE_DEF(ref)->members;
            for (uint32_t j = 0; j < values->count; j++) {
                const gql_node *reason = invalid_reason(
                    &((const gql_enum_value_definition *)values->items[j])->directives);
                if (reason) invalid_argument(b, "", "reason", reason, ref.source);
            }
        }
    }
    /* 2. build_directive */
    for (uint32_t i = 0; i < b->directive_def_count && !b->nomem; i++)
        resolve(&p, (map_frame){.directive = b->directive_defs[i]});
    /* 3. GraphQLSchema's constructor */
    for (uint32_t i = 0; i < b->initial_count && !b->nomem; i++) {
        gql_schema_type *t = b->initial[i];
        if (t->builtin || p.state[t->index] != MAP_UNRESOLVED) continue;
        if (t->kind == GQL_TYPE_OBJECT || t->kind == GQL_TYPE_INTERFACE ||
            t->kind == GQL_TYPE_INPUT_OBJECT)
            resolve(&p, (map_frame){.type = t});
    }
    gql_free(p.state);
    gql_free(p.frames);
    gql_free(p.met);
}

/*=== MARK: Entry point =====================================================*/

/* Forget the AST references: the documents may be freed after the build. */
static void clear_ast(builder *b) {
    gql_schema *s = b->schema;
    for (uint32_t i = 0; i < b->created_count; i++) {
        gql_schema_type *t = b->created[i];
        t->ast = (gql_ast_ref){NULL, 0};
        t->extensions = NULL;
        t->extension_count = 0;
        for (uint32_t j = 0; j < t->field_count; j++) {
            t->fields[j].ast.node = NULL;
            for (uint32_t k = 0; k < t->fields[j].arg_count; k++)
                t->fields[j].args[k].ast.node = NULL;
        }
        for (uint32_t j = 0; j < t->value_count; j++) t->values[j].ast.node = NULL;
        for (uint32_t j = 0; j < t->input_field_count; j++) t->input_fields[j].ast.node = NULL;
    }
    for (uint32_t i = 0; i < b->builtin_directive_count; i++) {
        gql_schema_directive *d = b->builtin_directives[i];
        d->ast.node = NULL;
        for (uint32_t k = 0; k < d->arg_count; k++) d->args[k].ast.node = NULL;
    }
    for (uint32_t i = 0; i < s->directive_count; i++) {
        gql_schema_directive *d = s->directives[i];
        d->ast.node = NULL;
        for (uint32_t k = 0; k < d->arg_count; k++) d->args[k].ast.node = NULL;
    }
    s->ast = (gql_ast_ref){NULL, 0};
    s->extensions = NULL;
    s->extension_count = 0;
}

static gql_schema *new_schema(void) {
    gql_arena arena;
    gql_arena_init(&arena, 16384);
    gql_schema *s = gql_arena_zalloc(&arena, sizeof *s);
    if (!s) {
        gql_arena_release(&arena);
        return NULL;
    }
    s->arena = arena; /* from here on, allocate through s->arena only */
    return s;
}

static bool sdl_valid(const gql_document *const *docs, size_t ndocs,
                      const gql_document *builtins, gql_error_list *errors) {
    size_t before = errors->count;
    gql_validation_context ctx;
    bool ok = gql_validation_init_sdl(&ctx, docs, ndocs, builtins, errors) &&
              gql_validation_run(&ctx, gql_specified_sdl_rules, gql_specified_sdl_rule_count);
    gql_validation_release(&ctx);
    return ok && errors->count == before;
}

static void build(builder *b) {
    gql_schema *s = b->schema;
    size_t ndefs = count_definitions(b->builtins);
    for (size_t d = 0; d < b->ndocs; d++) ndefs += count_definitions(b->docs[d]);
    b->created = b_alloc(b, ndefs * sizeof *b->created);
    if (b->nomem) return;
    collect_builtins(b);
    collect_definitions(b);
    for (uint32_t i = 0; i < b->created_count && !b->nomem; i++) {
        gql_schema_type *t = b->created[i];
        if (!t->builtin) attach_extensions(b, t);
        /* A type replaced by a later definition of its name is not built. */
        if (t->builtin || gql_symmap_get(&b->defined, t->name) == t) build_type(b, t);
    }
    /* Errors so far are structural (an unknown type, with the SDL rules
     * skipped): the schema cannot be completed. */
    if (b->nomem || b->failed) return;
    build_directives(b);
    root_types(b);
    if (b->nomem || b->failed) return;
    collect_type_map(b);
    collect_implementations(b);
    if (b->nomem) return;
    if (!gql_schema_check_defaults(s)) b->nomem = true;
    if (!b->nomem) report_build_errors(b);
}

/* Build from documents that passed the SDL rules (or were assumed to). */
static gql_schema *build_schema(const gql_document *const *docs, size_t ndocs,
                                const gql_document *builtins, const gql_schema_options *opts,
                                gql_error_list *errors) {
    gql_schema *schema = new_schema();
    if (!schema) {
        gql_error_list_nomem(errors);
        return NULL;
    }
    builder b;
    memset(&b, 0, sizeof b);
    b.schema = schema;
    b.docs = docs;
    b.ndocs = ndocs;
    b.builtins = builtins;
    b.errors = errors;
    b.dedupe = opts->assume_valid || opts->assume_valid_sdl;
    build(&b);
    if (!b.nomem && !b.failed) {
        schema->valid = true;
        if (!opts->assume_valid && gql_schema_validate(schema, docs, ndocs, errors) > 0)
            schema->valid = false;
        if (errors->status == GQL_ERR_NOMEM) b.nomem = true;
    }
    clear_ast(&b);
    gql_symmap_free(&b.extensions);
    gql_symmap_free(&b.defined);
    if (b.nomem || b.failed) {
        if (b.nomem) gql_error_list_nomem(errors);
        gql_schema_free(schema);
        return NULL;
    }
    return schema;
}

gql_schema *gql_schema_build(const gql_document *const *docs, size_t ndocs,
                             const gql_schema_options *options, gql_error_list *errors) {
    gql_error_list local;
    gql_error_list_init(&local);
    if (!errors) errors = &local;
    gql_schema_options opts;
    gql_schema_options_init(&opts);
    if (options) opts = *options;
    bool args_ok = !ndocs || docs;
    for (size_t i = 0; args_ok && i < ndocs; i++) args_ok = docs[i] != NULL;
    gql_schema *schema = NULL;
    gql_document *builtins = args_ok ? gql_parse_builtins() : NULL;
    if (!args_ok)
        errors->status = GQL_ERR_ARG;
    else if (!builtins)
        gql_error_list_nomem(errors);
    else if (opts.assume_valid || opts.assume_valid_sdl || sdl_valid(docs, ndocs, builtins, errors))
        schema = build_schema(docs, ndocs, builtins, &opts, errors);
    gql_document_free(builtins);
    if (errors == &local) gql_error_list_clear(&local);
    return schema;
}
