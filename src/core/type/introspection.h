/*
 * introspection.h: the fields of the introspection types, resolved over the
 * C schema (private). introspection.c evaluates whole introspection
 * queries with them (gql_introspection_execute); the executor resolves
 * introspection fields with the same functions.
 *
 * A value of an introspection type is a gql_intro_object: what it stands
 * for (the schema, a type reference, a field, ...) and a pointer to it.
 * gql_intro_resolve gives the value of one field of such an object, as
 * graphql-core's type/introspection.py computes it: a leaf (null, a
 * boolean, a string, an enum name), another object, or a list, walked with
 * gql_intro_list_next so that nothing is allocated for it. Only
 * __InputValue.defaultValue computes text, into a buffer the caller gives.
 */
#ifndef GQL_INTROSPECTION_H
#define GQL_INTROSPECTION_H

#include <stdbool.h>
#include <stdint.h>

#include "strbuf.h"
#include "type/schema.h"

/* The introspection object types. */
typedef enum gql_intro_kind {
    GQL_INTRO_SCHEMA,       /* __Schema: the gql_schema */
    GQL_INTRO_TYPE,         /* __Type: a gql_type_ref (a named type's own ref, or a wrapper) */
    GQL_INTRO_FIELD,        /* __Field: a gql_schema_field */
    GQL_INTRO_INPUT_VALUE,  /* __InputValue: a gql_schema_input_value */
    GQL_INTRO_ENUM_VALUE,   /* __EnumValue: a gql_schema_enum_value */
    GQL_INTRO_DIRECTIVE,    /* __Directive: a gql_schema_directive */
    GQL_INTRO_KIND_COUNT
} gql_intro_kind;

/* "__Schema", "__Type", ... */
const char *gql_intro_kind_name(gql_intro_kind kind);

/* The fields of the introspection types, in the order the types define
 * them (builtins.c). __typename is not among them: every type has it. */
typedef enum gql_intro_field {
    GQL_IF_SCHEMA_DESCRIPTION,
    GQL_IF_SCHEMA_TYPES,
    GQL_IF_SCHEMA_QUERY_TYPE,
    GQL_IF_SCHEMA_MUTATION_TYPE,
    GQL_IF_SCHEMA_SUBSCRIPTION_TYPE,
    GQL_IF_SCHEMA_DIRECTIVES,
    GQL_IF_TYPE_KIND,
    GQL_IF_TYPE_NAME,
    GQL_IF_TYPE_DESCRIPTION,
    GQL_IF_TYPE_SPECIFIED_BY_URL,
    GQL_IF_TYPE_FIELDS,
    GQL_IF_TYPE_INTERFACES,
    GQL_IF_TYPE_POSSIBLE_TYPES,
    GQL_IF_TYPE_ENUM_VALUES,
    GQL_IF_TYPE_INPUT_FIELDS,
    GQL_IF_TYPE_OF_TYPE,
    GQL_IF_TYPE_IS_ONE_OF,
    GQL_IF_FIELD_NAME,
    GQL_IF_FIELD_DESCRIPTION,
    GQL_IF_FIELD_ARGS,
    GQL_IF_FIELD_TYPE,
    GQL_IF_FIELD_IS_DEPRECATED,
    GQL_IF_FIELD_DEPRECATION_REASON,
    GQL_IF_INPUT_VALUE_NAME,
    GQL_IF_INPUT_VALUE_DESCRIPTION,
    GQL_IF_INPUT_VALUE_TYPE,
    GQL_IF_INPUT_VALUE_DEFAULT_VALUE,
    GQL_IF_INPUT_VALUE_IS_DEPRECATED,
    GQL_IF_INPUT_VALUE_DEPRECATION_REASON,
    GQL_IF_ENUM_VALUE_NAME,
    GQL_IF_ENUM_VALUE_DESCRIPTION,
    GQL_IF_ENUM_VALUE_IS_DEPRECATED,
    GQL_IF_ENUM_VALUE_DEPRECATION_REASON,
    GQL_IF_DIRECTIVE_NAME,
    GQL_IF_DIRECTIVE_DESCRIPTION,
    GQL_IF_DIRECTIVE_IS_REPEATABLE,
    GQL_IF_DIRECTIVE_LOCATIONS,
    GQL_IF_DIRECTIVE_ARGS,
    GQL_IF_DIRECTIVE_IS_DEPRECATED,
    GQL_IF_DIRECTIVE_DEPRECATION_REASON,
    GQL_IF_COUNT
} gql_intro_field;

/* What the executor needs to know of a field without resolving it. */
typedef struct gql_intro_field_info {
    const char *name;              /* its name ("possibleTypes") */
    gql_intro_kind parent;         /* the type it belongs to */
    const char *type;              /* its type as graphql-core prints it ("[__Type!]") */
    int8_t object;                 /* the gql_intro_kind of its (list) items, or -1 for a leaf */
    bool include_deprecated;       /* takes the includeDeprecated argument */
    bool include_deprecated_required; /* ... as Boolean! (only __Schema.directives) */
} gql_intro_field_info;

const gql_intro_field_info *gql_intro_field_get(gql_intro_field field);

/* The field named name[0, len) of an introspection type, or GQL_IF_COUNT. */
gql_intro_field gql_intro_field_find(gql_intro_kind parent, const char *name, size_t len);

typedef struct gql_intro_object {
    gql_intro_kind kind;  /* which introspection type */
    const void *ptr;      /* what it stands for (see gql_intro_kind) */
} gql_intro_object;

/* How a list's items are read from its array. */
typedef enum gql_intro_list_form {
    GQL_INTRO_LIST_TYPES,         /* gql_schema_type *[] as __Type */
    GQL_INTRO_LIST_FIELDS,        /* gql_schema_field[] */
    GQL_INTRO_LIST_INPUT_VALUES,  /* gql_schema_input_value[] */
    GQL_INTRO_LIST_ENUM_VALUES,   /* gql_schema_enum_value[] */
    GQL_INTRO_LIST_DIRECTIVES,    /* gql_schema_directive *[] */
    GQL_INTRO_LIST_LOCATIONS      /* uint8_t[] of gql_directive_location, as enum names */
} gql_intro_list_form;

typedef struct gql_intro_list {
    uint8_t form;          /* gql_intro_list_form */
    bool skip_deprecated;  /* leave out the deprecated items (includeDeprecated false) */
    uint32_t count;        /* items in the array, before skipping */
    const void *items;     /* the array */
} gql_intro_list;

typedef enum gql_intro_value_kind {
    GQL_INTRO_NULL,
    GQL_INTRO_BOOLEAN,
    GQL_INTRO_STRING,  /* any text: JSON-escape it */
    GQL_INTRO_ENUM,    /* an enum value's name (__TypeKind, __DirectiveLocation) */
    GQL_INTRO_OBJECT,
    GQL_INTRO_LIST
} gql_intro_value_kind;

typedef struct gql_intro_value {
    gql_intro_value_kind kind;
    union {
        bool boolean;             /* BOOLEAN */
        gql_text string;          /* STRING, ENUM */
        gql_intro_object object;  /* OBJECT */
        gql_intro_list list;      /* LIST */
    } u;
} gql_intro_value;

/*
 * The value of field (which must be a field of parent's type) for parent.
 * include_deprecated is the argument's value where the field takes it.
 * __InputValue.defaultValue is printed into scratch, which the string then
 * points into (valid until scratch changes); where graphql-core raises
 * there (see utilities/ast_from_value.h) the value is null, its message is
 * appended to error and GQL_ERR_INVALID returned: a field error. Returns
 * GQL_ERR_NOMEM when scratch or error ran out of memory, else GQL_OK.
 */
gql_status gql_intro_resolve(const gql_schema *schema, gql_intro_object parent,
                             gql_intro_field field, bool include_deprecated,
                             gql_strbuf *scratch, gql_strbuf *error, gql_intro_value *out);

/* The next item of a list from *cursor (start at 0): false at the end. */
bool gql_intro_list_next(const gql_intro_list *list, uint32_t *cursor, gql_intro_value *out);

/* The root fields: __schema and __type(name:). */
gql_intro_object gql_intro_schema_object(const gql_schema *schema);
/* __type(name: ...): the type of the type map with that name, or a NULL
 * value. */
gql_intro_value gql_intro_type_by_name(const gql_schema *schema, const char *name, size_t len);

/* The schema's definition of an introspection type (__Type, ...), for
 * __typename and for matching fragment type conditions. */
const gql_schema_type *gql_intro_schema_type(const gql_schema *schema, gql_intro_kind kind);

/*
 * The executor's entry: the value of a root __schema field (type_name NULL)
 * or __type(name:) field (type_name the coerced name) for its merged field
 * nodes, written as JSON into *json (release with gql_free). Field errors
 * are appended to errors; GQL_ERR_INVALID when the walk cannot evaluate
 * the selection (a variable in it), with the reason in errors.
 */
gql_status gql_introspection_root_field(const gql_schema *schema, const gql_document *query,
                                        const char *type_name, size_t type_name_len,
                                        const gql_field *const *nodes, uint32_t count,
                                        char **json, size_t *json_len, gql_error_list *errors);

#endif /* GQL_INTROSPECTION_H */
