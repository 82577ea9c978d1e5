/*
 * schema.h: the schema's structures (private; graftql.h exposes them as
 * opaque types with accessors).
 *
 * A schema owns one arena and one intern table: every name in it is
 * interned there once, so names compare by pointer; the type map and the
 * directive list are arrays in graphql-core's order with hash indexes beside
 * them; a type's fields, input fields and enum values are arrays in
 * definition order (extensions appended) with a hash index once there are
 * more than a few. Descriptions, default values (as AST const values) and
 * applied directives are copied from the documents into the arena, so the
 * schema does not depend on the documents once built.
 *
 * Each element remembers the AST node it was built from (gql_ast_ref) for
 * the error locations of schema validation, which runs during the build;
 * those references are cleared before gql_schema_build returns.
 */
#ifndef GQL_SCHEMA_H
#define GQL_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "graftql.h"
#include "language/lexer.h"
#include "symmap.h"

#define GQL_NOT_IN_MAP UINT32_MAX  /* gql_schema_type.index of an unused built-in */

/* Up to this many members a type is searched linearly; above, hashed. */
#define GQL_LINEAR_LOOKUP_MAX 8

typedef enum gql_type_ref_kind {
    GQL_REF_NAMED,     /* a named type */
    GQL_REF_LIST,      /* [of_type] */
    GQL_REF_NON_NULL   /* of_type! */
} gql_type_ref_kind;

/* A type as a field, argument or input field uses it: a named type inside
 * list and non-null wrappers. */
typedef struct gql_type_ref {
    gql_type_ref_kind wrap;             /* what this level is */
    const struct gql_type_ref *of_type; /* LIST, NON_NULL: the wrapped type */
    struct gql_schema_type *named;      /* the named type at the core */
} gql_type_ref;

/* A hash index over an array of elements whose first member is their
 * interned name: slots hold element index + 1, 0 for empty. */
typedef struct gql_name_index {
    uint32_t *slots;  /* in the schema arena; NULL for a linear search */
    uint32_t mask;    /* capacity - 1 */
} gql_name_index;

/* An argument or an input field. */
typedef struct gql_schema_input_value {
    const gql_sym *name;             /* first member: see gql_name_index */
    gql_text description;            /* ptr NULL when none */
    const gql_type_ref *type;        /* its type */
    const gql_node *default_value;   /* copied const value, NULL when none */
    uint8_t default_state;           /* gql_default_state */
    gql_text deprecation_reason;     /* ptr NULL unless deprecated */
    gql_list directives;             /* applied directives, copied */
    gql_ast_ref ast;                 /* gql_input_value_definition (build only) */
} gql_schema_input_value;

/* Whether a default value coerces to its type (graphql-core's value_from_ast
 * not returning Undefined), computed once the types are complete. */
typedef enum gql_default_state {
    GQL_DEFAULT_NONE,       /* no default value */
    GQL_DEFAULT_UNCHECKED,  /* not yet known */
    GQL_DEFAULT_CHECKING,   /* being checked (a cycle through defaults) */
    GQL_DEFAULT_VALID,      /* coerces: the default applies */
    GQL_DEFAULT_INVALID     /* does not: graphql-core keeps Undefined */
} gql_default_state;

typedef struct gql_schema_field {
    const gql_sym *name;             /* first member: see gql_name_index */
    gql_text description;            /* ptr NULL when none */
    const gql_type_ref *type;        /* its type */
    gql_schema_input_value *args;    /* arguments, in definition order */
    uint32_t arg_count;              /* number of arguments */
    gql_text deprecation_reason;     /* ptr NULL unless deprecated */
    gql_list directives;             /* applied directives, copied */
    gql_ast_ref ast;                 /* gql_field_definition (build only) */
} gql_schema_field;

typedef struct gql_schema_enum_value {
    const gql_sym *name;             /* first member: see gql_name_index */
    gql_text description;            /* ptr NULL when none */
    gql_text deprecation_reason;     /* ptr NULL unless deprecated */
    gql_list directives;             /* applied directives, copied */
    gql_ast_ref ast;                 /* gql_enum_value_definition (build only) */
} gql_schema_enum_value;

struct gql_schema_type {
    const gql_sym *name;                 /* interned in the schema */
    gql_type_kind kind;                  /* scalar ... input object */
    uint32_t index;                      /* position in the type map, or GQL_NOT_IN_MAP */
    bool builtin;                        /* a specified scalar or an introspection type */
    bool one_of;                         /* input object with @oneOf on its definition */
    gql_type_ref ref;                    /* this type as a type reference */
    gql_text description;                /* ptr NULL when none */
    gql_text specified_by_url;           /* scalar: ptr NULL when none */
    struct gql_schema_type **interfaces; /* object, interface: in order, repeats kept */
    uint32_t interface_count;            /* number of interfaces */
    gql_schema_field *fields;            /* object, interface */
    uint32_t field_count;                /* number of fields */
    gql_name_index field_index;          /* index over fields */
    struct gql_schema_type **members;    /* union: member types, repeats kept */
    uint32_t member_count;               /* number of members */
    gql_schema_enum_value *values;       /* enum values */
    uint32_t value_count;                /* number of values */
    gql_name_index value_index;          /* index over values */
    gql_schema_input_value *input_fields; /* input object fields */
    uint32_t input_field_count;          /* number of input fields */
    gql_name_index input_field_index;    /* index over input fields */
    struct gql_schema_type **implementations; /* interface: object types that
                                            implement it, in type map order */
    uint32_t implementation_count;       /* number of implementations */
    struct gql_schema_type **sub_interfaces; /* interface: interfaces that
                                            implement it, in type map order */
    uint32_t sub_interface_count;        /* number of sub_interfaces */
    gql_list directives;                 /* applied directives of the definition
                                            and its extensions, copied */
    gql_ast_ref ast;                     /* the definition (build only) */
    gql_ast_ref *extensions;             /* its extensions (build only) */
    uint32_t extension_count;            /* number of extensions */
};

struct gql_schema_directive {
    const gql_sym *name;                 /* interned in the schema */
    gql_text description;                /* ptr NULL when none */
    gql_schema_input_value *args;        /* arguments, in definition order */
    uint32_t arg_count;                  /* number of arguments */
    uint8_t *locations;                  /* gql_directive_location, as written */
    uint32_t location_count;             /* number of locations */
    uint32_t location_mask;              /* bit (1 << location) per location */
    bool repeatable;                     /* declared repeatable */
    bool builtin;                        /* one of the specified directives */
    gql_ast_ref ast;                     /* the definition (build only) */
};

struct gql_schema {
    gql_arena arena;                     /* owns everything below */
    gql_intern_table names;              /* every name, interned once */
    gql_schema_type **types;             /* the type map, in graphql-core's order */
    uint32_t type_count;                 /* number of types in the map */
    gql_symmap type_map;                 /* name -> type, for the types in the map */
    gql_symmap builtin_types;            /* name -> built-in type, used or not */
    gql_schema_type *roots[3];           /* indexed by gql_operation; NULL if none */
    gql_schema_directive **directives;   /* in graphql-core's order */
    uint32_t directive_count;            /* number of directives */
    gql_symmap directive_map;            /* name -> directive */
    gql_text description;                /* ptr NULL when none */
    gql_list applied_directives;         /* of the schema definition and extensions */
    bool valid;                          /* validate_schema found no error */
    gql_ast_ref ast;                     /* the schema definition (build only) */
    gql_ast_ref *extensions;             /* schema extensions (build only) */
    uint32_t extension_count;            /* number of schema extensions */
};

/*=== MARK: Lookups =========================================================*/

/* The nodes a type was built from (during a build): 0 is its definition,
 * 1 to extension_count its extensions. */
static inline gql_ast_ref gql_type_node(const gql_schema_type *t, uint32_t i) {
    return i == 0 ? t->ast : t->extensions[i - 1];
}

/* The element named name (interned in the schema) among count elements of
 * size stride at base, or NULL. */
void *gql_name_index_find(const gql_name_index *index, const void *base, size_t stride,
                          uint32_t count, const gql_sym *name);

/* Build the index of count elements (nothing below GQL_LINEAR_LOOKUP_MAX).
 * False when out of memory. */
bool gql_name_index_build(gql_name_index *index, gql_arena *arena, const void *base,
                          size_t stride, uint32_t count);

static inline gql_schema_field *gql_type_field(const gql_schema_type *t, const gql_sym *name) {
    return gql_name_index_find(&t->field_index, t->fields, sizeof *t->fields, t->field_count,
                               name);
}

static inline gql_schema_input_value *gql_type_input_field(const gql_schema_type *t,
                                                           const gql_sym *name) {
    return gql_name_index_find(&t->input_field_index, t->input_fields,
                               sizeof *t->input_fields, t->input_field_count, name);
}

static inline gql_schema_enum_value *gql_type_enum_value(const gql_schema_type *t,
                                                         const gql_sym *name) {
    return gql_name_index_find(&t->value_index, t->values, sizeof *t->values, t->value_count,
                               name);
}

/* An argument by name (arguments are few: a linear search). */
gql_schema_input_value *gql_find_arg(gql_schema_input_value *args, uint32_t count,
                                     const gql_sym *name);

/* The schema's interned copy of a name, or NULL if no name of the schema
 * has that spelling. */
static inline const gql_sym *gql_schema_sym(const gql_schema *schema, const gql_sym *name) {
    return gql_intern_find(&schema->names, name->str, name->len);
}

/* Whether a directive has the name of a specified directive (graphql-core's
 * is_specified_directive compares names: a redefinition counts). */
bool gql_directive_is_specified(const gql_schema_directive *directive);

/*=== MARK: Type references =================================================*/

bool gql_type_ref_is_input(const gql_type_ref *ref);
bool gql_type_ref_is_output(const gql_type_ref *ref);

/* graphql-core's is_equal_type. */
bool gql_type_ref_equal(const gql_type_ref *a, const gql_type_ref *b);

/* graphql-core's is_type_sub_type_of(schema, maybe_sub, super). */
bool gql_type_ref_is_subtype(const gql_type_ref *maybe_sub, const gql_type_ref *super);

/* Whether maybe_sub is a possible type of the abstract type (schema.is_sub_type). */
bool gql_is_sub_type(const gql_schema_type *abstract, const gql_schema_type *maybe_sub);

/* Append str(type) ("[Int!]!") to b. */
struct gql_strbuf;
void gql_type_ref_print(struct gql_strbuf *b, const gql_type_ref *ref);

/*=== MARK: Directive locations =============================================*/

/* The location a directive definition's location name stands for. */
bool gql_directive_location_from_name(const gql_sym *name, gql_directive_location *out);

/* graphql-core's DirectiveLocation value, used in messages ("field definition"). */
const char *gql_directive_location_text(gql_directive_location location);

/*=== MARK: Building ========================================================*/

/* The SDL of the built-in scalars, specified directives and introspection
 * types, as graphql-core 3.2.14 defines them (descriptions included). */
extern const char gql_builtin_sdl[];

/* Copies from a document into the schema (copy.c). Names are interned in
 * the schema; node offsets are kept. NULL when out of memory, or for a value
 * nested deeper than the parser allows (which a parsed document never is). */
gql_node *gql_copy_value(gql_schema *schema, const gql_node *value);
/* Append copies of the directives of from to to. */
bool gql_copy_directives(gql_schema *schema, const gql_list *from, gql_list *to);
bool gql_copy_text(gql_schema *schema, const gql_string_value *from, gql_text *to);
const gql_sym *gql_schema_intern(gql_schema *schema, const gql_sym *name);

/* Parse gql_builtin_sdl (NULL when out of memory). */
gql_document *gql_parse_builtins(void);

/* Run graphql-core's validate_schema checks, appending errors; the AST
 * references of the schema's elements must still be valid. Returns the
 * number of errors found. */
size_t gql_schema_validate(gql_schema *schema, const gql_document *const *docs, size_t ndocs,
                           gql_error_list *errors);

/* Compute default_state for every argument and input field. False when out
 * of memory. */
bool gql_schema_check_defaults(gql_schema *schema);

/* Whether a const value coerces to the type (graphql-core's value_from_ast
 * returning something other than Undefined). */
bool gql_value_coerces(const gql_schema *schema, const gql_node *value,
                       const gql_type_ref *type);

/* What gql_value_coerces_visit tells of each input object type whose fields
 * graphql-core's value_from_ast reads (type_.fields), in the order it reads
 * them: once per object value met, so a type may come more than once. The
 * defaults of the fields it leaves out are not coerced again (graphql-core
 * coerced them when it resolved the type's fields). */
typedef struct gql_input_visitor {
    void (*visit)(void *ctx, struct gql_schema_type *type); /* called per object value */
    void *ctx;                                               /* passed to visit */
} gql_input_visitor;

/* gql_value_coerces, telling visitor of the input object types it reads;
 * default_state must be computed (gql_schema_check_defaults). */
bool gql_value_coerces_visit(const gql_schema *schema, const gql_node *value,
                             const gql_type_ref *type, const gql_input_visitor *visitor);

/* Whether an argument or input field has a default value that applies
 * (graphql-core's default_value is not Undefined). */
bool gql_default_applies(const gql_schema *schema, gql_schema_input_value *value);

#endif /* GQL_SCHEMA_H */
