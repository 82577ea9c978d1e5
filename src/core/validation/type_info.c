/*
 * type_info.c: graphql-core's TypeInfo over the C schema (see type_info.h):
 * the stacks of types, field definitions, input types and default values
 * kept while an executable document is walked, the meta field definitions
 * and type_from_ast.
 */
#include "validation/type_info.h"

#include <string.h>

#include "mem.h"

/*=== MARK: Stacks ==========================================================*/

static bool push(gql_type_info *ti, gql_ptr_stack *s, const void *item) {
    if (s->count == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 16;
        const void **items = gql_realloc((void *)s->items, cap * sizeof *items);
        if (!items) {
            ti->nomem = true;
            return false;
        }
        s->items = items;
        s->cap = cap;
    }
    s->items[s->count++] = item;
    return true;
}

/* Python's del stack[-1:]: nothing on an empty stack. */
static void pop(gql_ptr_stack *s) {
    if (s->count) s->count--;
}

static void free_stack(gql_ptr_stack *s) {
    gql_free((void *)s->items);
    memset(s, 0, sizeof *s);
}

/*=== MARK: Set-up ==========================================================*/

/* A name spelled as the schema spells it when it has it (so that lookups by
 * pointer in the schema find it), else interned in the type info. */
static const gql_sym *meta_name(gql_type_info *ti, const char *s) {
    uint32_t len = (uint32_t)strlen(s);
    const gql_sym *sym = gql_intern_find(&ti->schema->names, s, len);
    return sym ? sym : gql_intern(&ti->names, &ti->arena, s, len);
}

static const gql_schema_type *builtin_type(const gql_schema *schema, const char *name) {
    uint32_t len = (uint32_t)strlen(name);
    uint32_t hash = gql_name_hash(name, len);
    const gql_schema_type *t = gql_symmap_getn(&schema->type_map, name, len, hash);
    return t ? t : gql_symmap_getn(&schema->builtin_types, name, len, hash);
}

/* graphql-core's SchemaMetaFieldDef, TypeMetaFieldDef and
 * TypeNameMetaFieldDef. A schema always has the introspection types and
 * String among its built-in types; without them (which cannot happen) the
 * meta field is left without a type and is never returned. */
static bool init_meta_fields(gql_type_info *ti) {
    static const char *const names[3] = {"__schema", "__type", "__typename"};
    const gql_schema_type *schema_type = builtin_type(ti->schema, "__Schema");
    const gql_schema_type *type_type = builtin_type(ti->schema, "__Type");
    const gql_schema_type *string_type = builtin_type(ti->schema, "String");
    for (int i = 0; i < 3; i++) {
        ti->meta[i].name = meta_name(ti, names[i]);
        if (!ti->meta[i].name) return false;
    }
    if (schema_type) {
        ti->meta_refs[0] = (gql_type_ref){GQL_REF_NON_NULL, &schema_type->ref,
                                          schema_type->ref.named};
        ti->meta[0].type = &ti->meta_refs[0];
    }
    if (type_type) ti->meta[1].type = &type_type->ref;
    if (string_type) {
        ti->meta_refs[1] = (gql_type_ref){GQL_REF_NON_NULL, &string_type->ref,
                                          string_type->ref.named};
        ti->meta_refs[2] = ti->meta_refs[1];
        ti->meta[2].type = &ti->meta_refs[1];
        ti->type_meta_arg.name = meta_name(ti, "name");
        if (!ti->type_meta_arg.name) return false;
        ti->type_meta_arg.type = &ti->meta_refs[2];
        ti->meta[1].args = &ti->type_meta_arg;
        ti->meta[1].arg_count = 1;
    }
    return true;
}

bool gql_type_info_init(gql_type_info *ti, const gql_schema *schema) {
    memset(ti, 0, sizeof *ti);
    ti->schema = schema;
    gql_arena_init(&ti->arena, 1024);
    if (!init_meta_fields(ti)) {
        ti->nomem = true;
        return false;
    }
    return true;
}

void gql_type_info_release(gql_type_info *ti) {
    free_stack(&ti->types);
    free_stack(&ti->parent_types);
    free_stack(&ti->input_types);
    free_stack(&ti->field_defs);
    free_stack(&ti->default_values);
    gql_free((void *)ti->names.slots);
    ti->names.slots = NULL;
    gql_arena_release(&ti->arena);
}

/*=== MARK: Lookups =========================================================*/

const gql_schema_field *gql_type_info_lookup_field(const gql_type_info *ti,
                                                   const gql_schema_type *parent_type,
                                                   const gql_sym *name) {
    if (!parent_type) return NULL;
    if (name->len > 2 && name->str[0] == '_' && name->str[1] == '_') {
        const gql_schema_type *query = ti->schema->roots[GQL_QUERY];
        for (int i = 0; i < 3; i++) {
            if (!ti->meta[i].type || !gql_sym_equal(ti->meta[i].name, name)) continue;
            if (i < 2 ? query == parent_type : gql_type_is_composite(parent_type))
                return &ti->meta[i];
        }
    }
    if (parent_type->kind != GQL_TYPE_OBJECT && parent_type->kind != GQL_TYPE_INTERFACE)
        return NULL;
    const gql_sym *sym = gql_schema_sym(ti->schema, name);
    return sym ? gql_type_field(parent_type, sym) : NULL;
}

gql_meta_field gql_type_info_meta_field(const gql_type_info *ti, const gql_schema_field *field) {
    for (int i = 0; i < 3; i++)
        if (field == &ti->meta[i]) return (gql_meta_field)(GQL_META_SCHEMA + i);
    return GQL_META_NONE;
}

const gql_type_ref *gql_type_from_ast(gql_type_info *ti, const gql_node *type) {
    /* Unwrap to the named type first (type nodes nest as deep as the parser
     * allows: no recursion), then build the wrappers from the inside out. */
    uint32_t depth = 0;
    const gql_node *n = type;
    while (n->kind != GQL_NAMED_TYPE) {
        n = ((const gql_wrapping_type *)n)->type;
        depth++;
    }
    const gql_schema_type *named =
        gql_schema_lookup_type(ti->schema, ((const gql_named_type *)n)->name->value);
    if (!named) return NULL;
    const gql_type_ref *ref = &named->ref;
    for (uint32_t level = depth; level-- > 0;) {
        n = type;
        for (uint32_t i = 0; i < level; i++) n = ((const gql_wrapping_type *)n)->type;
        gql_type_ref *wrap = gql_arena_alloc(&ti->arena, sizeof *wrap);
        if (!wrap) {
            ti->nomem = true;
            return NULL;
        }
        wrap->wrap = n->kind == GQL_LIST_TYPE ? GQL_REF_LIST : GQL_REF_NON_NULL;
        wrap->of_type = ref;
        wrap->named = named->ref.named;
        ref = wrap;
    }
    return ref;
}

/*=== MARK: Enter and leave =================================================*/

/* An output type, else NULL (graphql-core's "if is_output_type(...) else None"). */
static const gql_type_ref *if_output(const gql_type_ref *ref) {
    return ref && gql_type_ref_is_output(ref) ? ref : NULL;
}

static const gql_type_ref *if_input(const gql_type_ref *ref) {
    return ref && gql_type_ref_is_input(ref) ? ref : NULL;
}

/* The default value an argument or input field gives its position: NULL
 * (Undefined) unless it has one that coerces to its type. */
static const gql_node *default_of(const gql_schema_input_value *value) {
    return value && value->default_state == GQL_DEFAULT_VALID ? value->default_value : NULL;
}

static const gql_type_ref *top_type(const gql_ptr_stack *s) {
    return gql_ptr_stack_top(s, 0);
}

/* The schema's interned spelling of a document text (enum values are
 * scalar values with their text), or NULL. */
static const gql_sym *schema_sym_of_text(const gql_type_info *ti, gql_text text) {
    if (text.len > UINT32_MAX) return NULL;
    return gql_intern_find(&ti->schema->names, text.ptr, (uint32_t)text.len);
}

bool gql_type_info_enter(gql_type_info *ti, const gql_node *node) {
    switch ((gql_kind)node->kind) {
    case GQL_SELECTION_SET: {
        const gql_type_ref *type = top_type(&ti->types);
        const gql_schema_type *named = gql_type_ref_named(type);
        return push(ti, &ti->parent_types, gql_type_is_composite(named) ? named : NULL);
    }
    case GQL_FIELD: {
        const gql_schema_type *parent = gql_ptr_stack_top(&ti->parent_types, 0);
        const gql_schema_field *def =
            gql_type_info_lookup_field(ti, parent, ((const gql_field *)node)->name->value);
        return push(ti, &ti->field_defs, def) &&
               push(ti, &ti->types, if_output(def ? def->type : NULL));
    }
    case GQL_DIRECTIVE:
        ti->directive =
            gql_schema_lookup_directive(ti->schema, ((const gql_directive *)node)->name->value);
        return true;
    case GQL_OPERATION_DEFINITION: {
        const gql_schema_type *root = gql_schema_root_type(ti->schema, (gql_operation)node->flags);
        return push(ti, &ti->types, root && root->kind == GQL_TYPE_OBJECT ? &root->ref : NULL);
    }
    case GQL_INLINE_FRAGMENT:
    case GQL_FRAGMENT_DEFINITION: {
        const gql_named_type *cond = node->kind == GQL_INLINE_FRAGMENT
                                         ? ((const gql_inline_fragment *)node)->type_condition
                                         : ((const gql_fragment_definition *)node)->type_condition;
        const gql_type_ref *type;
        if (cond) {
            const gql_schema_type *t = gql_schema_lookup_type(ti->schema, cond->name->value);
            type = t ? &t->ref : NULL;
        } else {
            const gql_schema_type *t = gql_type_ref_named(top_type(&ti->types));
            type = t ? &t->ref : NULL;
        }
        return push(ti, &ti->types, if_output(type));
    }
    case GQL_VARIABLE_DEFINITION: {
        const gql_type_ref *type =
            gql_type_from_ast(ti, ((const gql_variable_definition *)node)->type);
        if (ti->nomem) return false;
        return push(ti, &ti->input_types, if_input(type));
    }
    case GQL_ARGUMENT: {
        const gql_sym *name = ((const gql_argument *)node)->name->value;
        const gql_schema_input_value *arg = NULL;
        const gql_schema_field *field = gql_ptr_stack_top(&ti->field_defs, 0);
        const gql_sym *sym = gql_schema_sym(ti->schema, name);
        if (ti->directive) {
            if (sym) arg = gql_find_arg(ti->directive->args, ti->directive->arg_count, sym);
        } else if (field) {
            if (sym) arg = gql_find_arg(field->args, field->arg_count, sym);
        }
        ti->argument = arg;
        return push(ti, &ti->default_values, default_of(arg)) &&
               push(ti, &ti->input_types, if_input(arg ? arg->type : NULL));
    }
    case GQL_LIST_VALUE: {
        const gql_type_ref *list = gql_type_ref_nullable(top_type(&ti->input_types));
        const gql_type_ref *item = list && list->wrap == GQL_REF_LIST ? list->of_type : list;
        return push(ti, &ti->default_values, NULL) && push(ti, &ti->input_types, if_input(item));
    }
    case GQL_OBJECT_FIELD: {
        const gql_schema_type *object = gql_type_ref_named(top_type(&ti->input_types));
        const gql_schema_input_value *field = NULL;
        if (object && object->kind == GQL_TYPE_INPUT_OBJECT) {
            const gql_sym *sym = gql_schema_sym(ti->schema, ((const gql_object_field *)node)->name->value);
            if (sym) field = gql_type_input_field(object, sym);
        }
        return push(ti, &ti->default_values, default_of(field)) &&
               push(ti, &ti->input_types, if_input(field ? field->type : NULL));
    }
    case GQL_ENUM_VALUE: {
        const gql_schema_type *type = gql_type_ref_named(top_type(&ti->input_types));
        ti->enum_value = NULL;
        if (type && type->kind == GQL_TYPE_ENUM) {
            const gql_sym *sym = schema_sym_of_text(ti, ((const gql_scalar_value *)node)->value);
            if (sym) ti->enum_value = gql_type_enum_value(type, sym);
        }
        return true;
    }
    default:
        return true;
    }
}

void gql_type_info_leave(gql_type_info *ti, const gql_node *node) {
    switch ((gql_kind)node->kind) {
    case GQL_SELECTION_SET:
        pop(&ti->parent_types);
        break;
    case GQL_FIELD:
        pop(&ti->field_defs);
        pop(&ti->types);
        break;
    case GQL_DIRECTIVE:
        ti->directive = NULL;
        break;
    case GQL_OPERATION_DEFINITION:
    case GQL_INLINE_FRAGMENT:
    case GQL_FRAGMENT_DEFINITION:
        pop(&ti->types);
        break;
    case GQL_VARIABLE_DEFINITION:
        pop(&ti->input_types);
        break;
    case GQL_ARGUMENT:
        ti->argument = NULL;
        pop(&ti->default_values);
        pop(&ti->input_types);
        break;
    case GQL_LIST_VALUE:
    case GQL_OBJECT_FIELD:
        pop(&ti->default_values);
        pop(&ti->input_types);
        break;
    case GQL_ENUM_VALUE:
        ti->enum_value = NULL;
        break;
    default:
        break;
    }
}
