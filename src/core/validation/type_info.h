/*
 * type_info.h: graphql-core's TypeInfo over the C schema (private). While
 * the validation runner walks an executable document it keeps, for the node
 * being visited, the schema elements the document refers to there: the
 * output type and the composite parent type of a selection, the field
 * definition, the directive and argument definitions, the input type
 * expected at a value position (and the one around it), the default value
 * of that position and the enum value named there.
 *
 * It is graphql-core's TypeInfo (graphql/utilities/type_info.py) line for
 * line: every stack and every "None when not of the right kind" rule is the
 * same, so that rules written against graphql-core's context behave the
 * same here. The runner (validation.c) drives it as graphql-core's
 * TypeInfoVisitor does: the type info enters a node before any rule's enter
 * and leaves it after every rule's leave, so a rule sees, in both its enter
 * and its leave of a node, the state inside that node:
 *
 *   node entered          what changes (pushed on enter, popped on leave)
 *   ------------------    ----------------------------------------------------
 *   operation definition  type: the root type of the operation, if an object
 *   selection set         parent type: the named type of type, if composite
 *   field                 field def: parent type's field (meta fields too);
 *                         type: that field's type
 *   inline fragment       type: the type condition's type, or the named type
 *                         of type without one (NULL unless an output type)
 *   fragment definition   type: the type condition's type (idem)
 *   variable definition   input type: the declared type, if an input type
 *   directive             directive: the schema's directive of that name
 *                         (reset to NULL on leave, not a stack)
 *   argument              argument: the directive's (inside a directive) or
 *                         else the field def's argument of that name (reset
 *                         to NULL on leave); default value: its default;
 *                         input type: its type
 *   list value            input type: the item type of the nullable input
 *                         type (the type itself when it is not a list);
 *                         default value: none
 *   object field          input type, default value: the input field of
 *                         that name of the named input type, if an input
 *                         object
 *   enum value            enum value: the named input type's value of that
 *                         name, if an enum (reset to NULL on leave)
 *
 * Every accessor returns NULL where graphql-core returns None (or Undefined
 * for the default value). Types are gql_type_ref (the named type inside its
 * list and non-null wrappers): for a named type it is the schema's own
 * gql_schema_type.ref; the wrappers of a variable's declared type are built
 * in the type info's arena by gql_type_from_ast. Compare types with
 * gql_type_ref_equal, never by pointer.
 *
 * Field lookups follow graphql-core's get_field_def: __schema and __type on
 * the query root type, __typename on any composite type, else the field of
 * an object or interface type. The three meta fields are owned by the type
 * info (gql_type_info_meta_field says which one a field is).
 *
 * Names: the document's names are interned in the document, the schema's
 * in the schema. Lookups translate the one into the other
 * (gql_schema_sym), so a name the schema never spells finds nothing.
 */
#ifndef GQL_TYPE_INFO_H
#define GQL_TYPE_INFO_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "graftql.h"
#include "language/lexer.h"
#include "type/schema.h"
#include "validation/validation.h"

/* A stack of pointers (NULL entries allowed: graphql-core's None). */
typedef struct gql_ptr_stack {
    const void **items;  /* malloc'd */
    uint32_t count;      /* entries */
    uint32_t cap;        /* capacity */
} gql_ptr_stack;

/* Which meta field a field definition is (graphql-core's SchemaMetaFieldDef,
 * TypeMetaFieldDef, TypeNameMetaFieldDef). */
typedef enum gql_meta_field {
    GQL_META_NONE,      /* a field of the schema */
    GQL_META_SCHEMA,    /* __schema: __Schema! */
    GQL_META_TYPE,      /* __type(name: String!): __Type */
    GQL_META_TYPENAME   /* __typename: String! */
} gql_meta_field;

typedef struct gql_type_info {
    const gql_schema *schema;             /* the schema looked up */
    gql_arena arena;                      /* type refs built by gql_type_from_ast */
    gql_intern_table names;               /* meta field names the schema lacks */
    gql_ptr_stack types;                  /* const gql_type_ref *: output types */
    gql_ptr_stack parent_types;           /* const gql_schema_type *: composite */
    gql_ptr_stack input_types;            /* const gql_type_ref *: input types */
    gql_ptr_stack field_defs;             /* const gql_schema_field * */
    gql_ptr_stack default_values;         /* const gql_node *: NULL is Undefined */
    const gql_schema_directive *directive;    /* inside a directive, else NULL */
    const gql_schema_input_value *argument;   /* inside an argument, else NULL */
    const gql_schema_enum_value *enum_value;  /* inside an enum value, else NULL */
    gql_schema_field meta[3];             /* __schema, __type, __typename */
    gql_schema_input_value type_meta_arg; /* __type's argument name: String! */
    gql_type_ref meta_refs[3];            /* __Schema!, String! (twice: the
                                             field's and the argument's) */
    bool nomem;                           /* an allocation failed */
} gql_type_info;

/* Prepare a type info over a schema (which must outlive it). False when
 * out of memory. */
bool gql_type_info_init(gql_type_info *ti, const gql_schema *schema);

void gql_type_info_release(gql_type_info *ti);

/* graphql-core's TypeInfo.enter and leave. enter returns false when out of
 * memory (ti->nomem is then set; the state is unusable). Nodes of other
 * kinds than those in the table above change nothing. */
bool gql_type_info_enter(gql_type_info *ti, const gql_node *node);
void gql_type_info_leave(gql_type_info *ti, const gql_node *node);

/* graphql-core's type_from_ast: the type a type node of the document
 * (named, list or non-null type) stands for, or NULL when its named type is
 * not in the schema or out of memory (ti->nomem says which). Wrappers are
 * allocated in the type info's arena and live as long as it. */
const gql_type_ref *gql_type_from_ast(gql_type_info *ti, const gql_node *type);

/* graphql-core's get_field_def(schema, parent_type, field_node) for the
 * field named name (interned anywhere): NULL when parent_type has no such
 * field (or parent_type is NULL). */
const gql_schema_field *gql_type_info_lookup_field(const gql_type_info *ti,
                                                   const gql_schema_type *parent_type,
                                                   const gql_sym *name);

/* Which meta field field is (GQL_META_NONE for the schema's own fields). */
gql_meta_field gql_type_info_meta_field(const gql_type_info *ti, const gql_schema_field *field);

/* The schema's type named name (interned anywhere), or NULL. */
static inline const gql_schema_type *gql_schema_lookup_type(const gql_schema *schema,
                                                            const gql_sym *name) {
    return gql_symmap_get(&schema->type_map, name);
}

/* The schema's directive named name (interned anywhere), or NULL. */
static inline const gql_schema_directive *gql_schema_lookup_directive(const gql_schema *schema,
                                                                      const gql_sym *name) {
    return gql_symmap_get(&schema->directive_map, name);
}

/* The input type (the named type for a wrapped one), or NULL for NULL. */
static inline const gql_schema_type *gql_type_ref_named(const gql_type_ref *ref) {
    return ref ? ref->named : NULL;
}

/* graphql-core's get_nullable_type: the type inside a non-null, else ref. */
static inline const gql_type_ref *gql_type_ref_nullable(const gql_type_ref *ref) {
    return ref && ref->wrap == GQL_REF_NON_NULL ? ref->of_type : ref;
}

/* Kind predicates on named types (false for NULL). */
static inline bool gql_type_is_composite(const gql_schema_type *t) {
    return t && (t->kind == GQL_TYPE_OBJECT || t->kind == GQL_TYPE_INTERFACE ||
                 t->kind == GQL_TYPE_UNION);
}
static inline bool gql_type_is_abstract(const gql_schema_type *t) {
    return t && (t->kind == GQL_TYPE_INTERFACE || t->kind == GQL_TYPE_UNION);
}
static inline bool gql_type_is_leaf(const gql_schema_type *t) {
    return t && (t->kind == GQL_TYPE_SCALAR || t->kind == GQL_TYPE_ENUM);
}
static inline bool gql_type_is_input(const gql_schema_type *t) {
    return t && (t->kind == GQL_TYPE_SCALAR || t->kind == GQL_TYPE_ENUM ||
                 t->kind == GQL_TYPE_INPUT_OBJECT);
}
static inline bool gql_type_is_output(const gql_schema_type *t) {
    return t && t->kind != GQL_TYPE_INPUT_OBJECT;
}

/*=== MARK: Accessors on the validation context ==============================*/

/* The state of the walk in an executable validation (NULL everywhere in an
 * SDL validation, which has no type info). */

static inline const gql_type_info *gql_ctx_type_info(const gql_validation_context *ctx) {
    return ctx->type_info;
}

static inline const void *gql_ptr_stack_top(const gql_ptr_stack *s, uint32_t below) {
    return s->count > below ? s->items[s->count - 1 - below] : NULL;
}

/* get_type: the output type of the selection, field or fragment. */
static inline const gql_type_ref *gql_type_info_type(const gql_validation_context *ctx) {
    return ctx->type_info ? gql_ptr_stack_top(&ctx->type_info->types, 0) : NULL;
}

/* get_parent_type: the composite type whose selection set is being walked. */
static inline const gql_schema_type *gql_type_info_parent_type(
    const gql_validation_context *ctx) {
    return ctx->type_info ? gql_ptr_stack_top(&ctx->type_info->parent_types, 0) : NULL;
}

/* get_input_type: the type expected at the value position. */
static inline const gql_type_ref *gql_type_info_input_type(const gql_validation_context *ctx) {
    return ctx->type_info ? gql_ptr_stack_top(&ctx->type_info->input_types, 0) : NULL;
}

/* get_parent_input_type: the input type around it (the list or the input
 * object holding the position). */
static inline const gql_type_ref *gql_type_info_parent_input_type(
    const gql_validation_context *ctx) {
    return ctx->type_info ? gql_ptr_stack_top(&ctx->type_info->input_types, 1) : NULL;
}

/* get_field_def: the definition of the field being walked. */
static inline const gql_schema_field *gql_type_info_field_def(
    const gql_validation_context *ctx) {
    return ctx->type_info ? gql_ptr_stack_top(&ctx->type_info->field_defs, 0) : NULL;
}

/* get_default_value: the default value (a const value node of the schema)
 * of the argument or input field position, NULL where graphql-core has
 * Undefined (no default, a default that does not coerce, a list item). A
 * default of null is a GQL_NULL_VALUE node, not NULL. */
static inline const gql_node *gql_type_info_default_value(const gql_validation_context *ctx) {
    return ctx->type_info ? gql_ptr_stack_top(&ctx->type_info->default_values, 0) : NULL;
}

/* get_directive: the definition of the directive being walked. */
static inline const gql_schema_directive *gql_type_info_directive(
    const gql_validation_context *ctx) {
    return ctx->type_info ? ctx->type_info->directive : NULL;
}

/* get_argument: the definition of the argument being walked. */
static inline const gql_schema_input_value *gql_type_info_argument(
    const gql_validation_context *ctx) {
    return ctx->type_info ? ctx->type_info->argument : NULL;
}

/* get_enum_value: the definition of the enum value being walked. */
static inline const gql_schema_enum_value *gql_type_info_enum_value(
    const gql_validation_context *ctx) {
    return ctx->type_info ? ctx->type_info->enum_value : NULL;
}

#endif /* GQL_TYPE_INFO_H */
