/*
 * graftql.h: the one public header of libgraftql, a GraphQL engine in C11.
 *
 * Naming: every public function is gql_*, every constant GQL_*, every type
 * gql_* (no _t suffix). Functions taking a pointer and a length end in n
 * where a NUL-terminated variant also exists.
 *
 * This header covers the language layer: parsing a GraphQL document (executable
 * or type system) into an AST held in an arena, printing it back exactly as
 * graphql-core's print_ast does, walking it with a visitor, and turning byte
 * offsets into the line and column graphql-core reports. It also covers the
 * type system: building a schema from SDL documents and validating it, with
 * every error reported in a gql_error_list.
 *
 * Ownership: a gql_document owns everything reachable from it (nodes, names,
 * string values, a copy of the source). gql_document_free releases it all in
 * one call. Nothing in the AST is allocated with malloc on its own.
 */
#ifndef GRAFTQL_H
#define GRAFTQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GQL_VERSION_STRING "0.1.0"

/*=== MARK: Status and errors ===============================================*/

typedef enum gql_status {
    GQL_OK = 0,
    GQL_ERR_SYNTAX,  /* the document does not follow the grammar */
    GQL_ERR_LIMIT,   /* a parse limit was exceeded (tokens, depth, size) */
    GQL_ERR_NOMEM,   /* an allocation failed */
    GQL_ERR_ARG,     /* the caller passed an invalid argument */
    GQL_ERR_INVALID  /* the input is not valid: the error list says why */
} gql_status;

/*
 * An error as data: a status code, a message, and the byte offset in the
 * source where it was found. Line and column are computed on demand with
 * gql_locate. The message is complete and graphql-core compatible, for
 * syntax errors including the "Syntax Error: " prefix.
 */
typedef struct gql_error {
    gql_status code;   /* GQL_OK when there is no error */
    size_t offset;     /* byte offset into the source */
    char *message;     /* NUL-terminated; heap unless owns_message is false */
    size_t message_len; /* bytes; the message may quote a NUL from the source */
    bool owns_message; /* false for the static out-of-memory message */
} gql_error;

/* Release the message of an error and reset it to GQL_OK. Safe on GQL_OK. */
void gql_error_clear(gql_error *err);

/*
 * A 1-based line and column for a byte offset, as graphql-core computes them:
 * lines end at "\r\n", "\n" or "\r"; the column counts Unicode code points
 * (not bytes) from the start of the line.
 */
typedef struct gql_location {
    uint32_t line;
    uint32_t column;
} gql_location;

gql_location gql_locate(const char *source, size_t length, size_t offset);

/* Number of code points in source[0, offset): graphql-core's positions are
 * code-point offsets in a Python str. */
size_t gql_codepoint_offset(const char *source, size_t length, size_t offset);

/*=== MARK: Memory =========================================================*/

/*
 * The allocator the core uses for everything it allocates. Set it once,
 * before any other call (it is process-wide and not synchronised); NULL
 * restores malloc, realloc and free. ctx is passed back to each function.
 */
typedef struct gql_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} gql_allocator;

void gql_set_allocator(const gql_allocator *allocator);

/*
 * The core keeps a few freed 1 MiB blocks (at most 16 MiB per process) to
 * reuse for the next large document, plan or response instead of having
 * the kernel map fresh pages each time. This gives them back now (for
 * example before a leak check, or when a process goes idle). Thread-safe;
 * gql_set_allocator does it too.
 */
void gql_release_cached_memory(void);

/* Release memory the library handed out (the result of gql_print). */
void gql_free(void *ptr);

/*=== MARK: Interned names and text =========================================*/

/* An interned name: one copy per distinct name per document (or schema). */
typedef struct gql_sym {
    uint32_t hash;  /* FNV-1a of the bytes */
    uint32_t len;   /* bytes, excluding the terminating NUL */
    char str[];     /* NUL-terminated */
} gql_sym;

/* A byte string owned by an arena. May contain NUL (a \u0000 escape) but is
 * always followed by a terminating NUL as well. */
typedef struct gql_text {
    const char *ptr;
    size_t len;
} gql_text;

/*=== MARK: AST =============================================================*/

/* Node kinds. The order is fixed: gql_kind_name() and the printer tables
 * index by it. */
typedef enum gql_kind {
    GQL_NAME,
    GQL_DOCUMENT,
    GQL_OPERATION_DEFINITION,
    GQL_VARIABLE_DEFINITION,
    GQL_SELECTION_SET,
    GQL_FIELD,
    GQL_ARGUMENT,
    GQL_FRAGMENT_SPREAD,
    GQL_INLINE_FRAGMENT,
    GQL_FRAGMENT_DEFINITION,
    GQL_VARIABLE,
    GQL_INT_VALUE,
    GQL_FLOAT_VALUE,
    GQL_STRING_VALUE,
    GQL_BOOLEAN_VALUE,
    GQL_NULL_VALUE,
    GQL_ENUM_VALUE,
    GQL_LIST_VALUE,
    GQL_OBJECT_VALUE,
    GQL_OBJECT_FIELD,
    GQL_DIRECTIVE,
    GQL_NAMED_TYPE,
    GQL_LIST_TYPE,
    GQL_NON_NULL_TYPE,
    GQL_SCHEMA_DEFINITION,
    GQL_OPERATION_TYPE_DEFINITION,
    GQL_SCALAR_TYPE_DEFINITION,
    GQL_OBJECT_TYPE_DEFINITION,
    GQL_FIELD_DEFINITION,
    GQL_INPUT_VALUE_DEFINITION,
    GQL_INTERFACE_TYPE_DEFINITION,
    GQL_UNION_TYPE_DEFINITION,
    GQL_ENUM_TYPE_DEFINITION,
    GQL_ENUM_VALUE_DEFINITION,
    GQL_INPUT_OBJECT_TYPE_DEFINITION,
    GQL_DIRECTIVE_DEFINITION,
    GQL_SCHEMA_EXTENSION,
    GQL_SCALAR_TYPE_EXTENSION,
    GQL_OBJECT_TYPE_EXTENSION,
    GQL_INTERFACE_TYPE_EXTENSION,
    GQL_UNION_TYPE_EXTENSION,
    GQL_ENUM_TYPE_EXTENSION,
    GQL_INPUT_OBJECT_TYPE_EXTENSION,
    GQL_KIND_COUNT
} gql_kind;

/* graphql-core's name of a kind ("operation_definition", ...). */
const char *gql_kind_name(gql_kind kind);

typedef enum gql_operation {
    GQL_QUERY = 0,
    GQL_MUTATION = 1,
    GQL_SUBSCRIPTION = 2
} gql_operation;

/* "query", "mutation" or "subscription". */
const char *gql_operation_name(gql_operation op);

/* Every node starts with this header. start and end are byte offsets of the
 * node's first token and the end of its last token (both 0 with no_location). */
typedef struct gql_node {
    uint32_t start;
    uint32_t end;
    uint16_t kind;   /* gql_kind */
    uint16_t flags;  /* per kind: operation, block string, boolean, repeatable */
} gql_node;

/* A list of child nodes, allocated in the document's arena. */
typedef struct gql_list {
    gql_node **items;
    uint32_t count;
} gql_list;

typedef struct gql_name {
    gql_node base;
    const gql_sym *value;
} gql_name;

typedef struct gql_string_value {
    gql_node base;   /* flags: GQL_FLAG_BLOCK for a block string */
    gql_text value;  /* decoded value (escapes resolved, block string dedented) */
} gql_string_value;

#define GQL_FLAG_BLOCK 1u       /* string value: written as """block""" */
#define GQL_FLAG_TRUE 1u        /* boolean value: true */
#define GQL_FLAG_REPEATABLE 1u  /* directive definition: repeatable */

typedef struct gql_document_node {
    gql_node base;
    gql_list definitions;
} gql_document_node;

typedef struct gql_selection_set {
    gql_node base;
    gql_list selections;  /* gql_field, gql_fragment_spread, gql_inline_fragment */
} gql_selection_set;

typedef struct gql_operation_definition {
    gql_node base;                  /* flags: gql_operation */
    gql_string_value *description;  /* September 2025; NULL if none */
    gql_name *name;                 /* NULL for an anonymous operation */
    gql_list variable_definitions;
    gql_list directives;
    gql_selection_set *selection_set;
} gql_operation_definition;

typedef struct gql_variable {
    gql_node base;
    gql_name *name;
} gql_variable;

typedef struct gql_variable_definition {
    gql_node base;
    gql_string_value *description;  /* September 2025; NULL if none */
    gql_variable *variable;
    gql_node *type;
    gql_node *default_value;  /* a const value, or NULL */
    gql_list directives;
} gql_variable_definition;

typedef struct gql_field {
    gql_node base;
    gql_name *alias;  /* NULL if none */
    gql_name *name;
    gql_list arguments;
    gql_list directives;
    gql_selection_set *selection_set;  /* NULL for a leaf */
} gql_field;

typedef struct gql_argument {  /* also an object field: same shape */
    gql_node base;
    gql_name *name;
    gql_node *value;
} gql_argument;

typedef gql_argument gql_object_field;

typedef struct gql_fragment_spread {
    gql_node base;
    gql_name *name;
    gql_list directives;
} gql_fragment_spread;

typedef struct gql_named_type {
    gql_node base;
    gql_name *name;
} gql_named_type;

typedef struct gql_inline_fragment {
    gql_node base;
    gql_named_type *type_condition;  /* NULL if none */
    gql_list directives;
    gql_selection_set *selection_set;
} gql_inline_fragment;

typedef struct gql_fragment_definition {
    gql_node base;
    gql_string_value *description;  /* September 2025; NULL if none */
    gql_name *name;
    gql_named_type *type_condition;
    gql_list directives;
    gql_selection_set *selection_set;
} gql_fragment_definition;

/* Int, Float and Enum values keep their source text. */
typedef struct gql_scalar_value {
    gql_node base;   /* flags: GQL_FLAG_TRUE for the boolean true */
    gql_text value;  /* source text of an int, float or enum; empty otherwise */
} gql_scalar_value;

typedef struct gql_list_value {
    gql_node base;
    gql_list values;
} gql_list_value;

typedef struct gql_object_value {
    gql_node base;
    gql_list fields;  /* gql_object_field */
} gql_object_value;

typedef struct gql_directive {
    gql_node base;
    gql_name *name;
    gql_list arguments;
} gql_directive;

typedef struct gql_wrapping_type {  /* list type and non-null type */
    gql_node base;
    gql_node *type;
} gql_wrapping_type;

typedef struct gql_schema_definition {  /* also the schema extension */
    gql_node base;
    gql_string_value *description;  /* always NULL for an extension */
    gql_list directives;
    gql_list operation_types;  /* gql_operation_type_definition */
} gql_schema_definition;

typedef struct gql_operation_type_definition {
    gql_node base;  /* flags: gql_operation */
    gql_named_type *type;
} gql_operation_type_definition;

/*
 * Every named type definition and type extension (scalar, object, interface,
 * union, enum, input object) has this shape; the kind says which lists apply:
 *   interfaces: object and interface types (gql_named_type)
 *   members:    object and interface: fields (gql_field_definition)
 *               input object: fields (gql_input_value_definition)
 *               enum: values (gql_enum_value_definition)
 *               union: types (gql_named_type)
 */
typedef struct gql_type_definition {
    gql_node base;
    gql_string_value *description;  /* always NULL for an extension */
    gql_name *name;
    gql_list interfaces;
    gql_list directives;
    gql_list members;
} gql_type_definition;

typedef struct gql_field_definition {
    gql_node base;
    gql_string_value *description;
    gql_name *name;
    gql_list arguments;  /* gql_input_value_definition */
    gql_node *type;
    gql_list directives;
} gql_field_definition;

typedef struct gql_input_value_definition {
    gql_node base;
    gql_string_value *description;
    gql_name *name;
    gql_node *type;
    gql_node *default_value;  /* NULL if none */
    gql_list directives;
} gql_input_value_definition;

typedef struct gql_enum_value_definition {
    gql_node base;
    gql_string_value *description;
    gql_name *name;
    gql_list directives;
} gql_enum_value_definition;

typedef struct gql_directive_definition {
    gql_node base;  /* flags: GQL_FLAG_REPEATABLE */
    gql_string_value *description;
    gql_name *name;
    gql_list arguments;  /* gql_input_value_definition */
    gql_list locations;  /* gql_name */
} gql_directive_definition;

/*=== MARK: Parsing =========================================================*/

/* Safe defaults, documented in docs/limits.md. */
#define GQL_DEFAULT_MAX_TOKENS 100000u
#define GQL_DEFAULT_MAX_DEPTH 200u          /* as graphql-core's MAX_NESTING_DEPTH */
#define GQL_DEFAULT_MAX_SOURCE_LENGTH 4000000u  /* code points */
#define GQL_MAX_DEPTH_CEILING 4096u         /* max_depth may not exceed this */

typedef struct gql_parse_options {
    uint32_t max_tokens;         /* tokens, comments included; 0: no limit */
    uint32_t max_depth;          /* nesting of selection sets, lists, objects
                                    and list types; 1..GQL_MAX_DEPTH_CEILING */
    uint32_t max_source_length;  /* code points; 0: no limit */
    bool no_location;            /* do not record node offsets */
} gql_parse_options;

/* Fill options with the safe defaults above. */
void gql_parse_options_init(gql_parse_options *options);

/* A parsed document: the AST, the arena that holds it, a copy of the source. */
typedef struct gql_document gql_document;

/*
 * Parse a GraphQL document (executable definitions, type system definitions
 * and extensions, in any mix). options may be NULL for the defaults.
 * Returns the document, or NULL with *err filled (syntax error, limit, out of
 * memory). err must be initialised to {0}.
 */
gql_document *gql_parse(const char *source, size_t length,
                        const gql_parse_options *options, gql_error *err);

void gql_document_free(gql_document *doc);

/* The root node (kind GQL_DOCUMENT). */
const gql_document_node *gql_document_root(const gql_document *doc);

/* The document's own copy of the source and its length in bytes. */
const char *gql_document_source(const gql_document *doc, size_t *length);

/* True when the document was parsed with no_location (offsets are all 0). */
bool gql_document_no_location(const gql_document *doc);

/* Tokens read while parsing, comments included (graphql-core's token_count). */
uint32_t gql_document_token_count(const gql_document *doc);

/*=== MARK: Printing ========================================================*/

/*
 * Print an AST node as graphql-core's print_ast does. Returns a
 * NUL-terminated string to release with gql_free and its length in *length if
 * length is not NULL; NULL when out of memory.
 */
char *gql_print(const gql_node *node, size_t *length);

/*=== MARK: Visiting ========================================================*/

typedef enum gql_visit_action {
    GQL_VISIT_CONTINUE = 0,  /* go on into the children */
    GQL_VISIT_SKIP = 1,      /* from enter: do not visit the children */
    GQL_VISIT_BREAK = 2      /* stop the whole visit */
} gql_visit_action;

typedef gql_visit_action (*gql_visit_fn)(const gql_node *node,
                                         const gql_node *parent, void *user);

/* Callbacks per kind; NULL entries are skipped (children still visited). */
typedef struct gql_visitor {
    gql_visit_fn enter[GQL_KIND_COUNT];
    gql_visit_fn leave[GQL_KIND_COUNT];
} gql_visitor;

/*
 * Depth-first walk in graphql-core's visit() order (QUERY_DOCUMENT_KEYS; a
 * field's arguments come before its directives): enter(node), children, then
 * leave(node). SKIP from enter skips the children and that node's leave.
 * Returns GQL_VISIT_BREAK if a callback stopped the walk.
 */
gql_visit_action gql_visit(const gql_node *root, const gql_visitor *visitor,
                           void *user);

/*
 * The children of a node in graphql-core's Node.keys order, for to_dict and
 * other generic copies (gql_visit walks in visit() order instead). Each slot
 * names the key and says whether it holds one node (possibly NULL) or a list.
 */
typedef struct gql_child_slot {
    const char *key;     /* graphql-core's attribute name */
    uint16_t offset;     /* offsetof the gql_node* or gql_list in the struct */
    bool is_list;
} gql_child_slot;

/* Slots of a kind; *count receives their number. */
const gql_child_slot *gql_child_slots(gql_kind kind, size_t *count);

/*=== MARK: Error lists =====================================================*/

/*
 * Validation reports every error it finds, not only the first, each with
 * graphql-core's message and zero or more locations. A location is a byte
 * offset in one of the documents the call was given (source is its index in
 * that array); turn it into graphql-core's line and column with gql_locate on
 * gql_document_source(docs[source]). Documents parsed with no_location give
 * errors without locations, as graphql-core does.
 */
typedef struct gql_source_location {
    uint32_t source;  /* index of the document in the array given to the call */
    uint32_t offset;  /* byte offset into that document's source */
} gql_source_location;

/*
 * An error may stand for an error of a host (a gql_value: a Python
 * exception under the CPython binding), in two ways: made by the core from
 * it (original is graphql-core's original_error: a variable's parse_value
 * that raised, a parse_literal that raised during validation), or the
 * host's error itself, reported as it is (as_is: a GraphQLError a
 * parse_literal raised; message is then its text, for readers that do not
 * know the host). The list does not own original: the call that reported
 * it says who does.
 */
typedef struct gql_diagnostic {
    char *message;                    /* NUL-terminated, owned by the list */
    size_t message_len;               /* bytes, excluding the NUL */
    gql_source_location *locations;   /* owned by the list; NULL if none */
    uint32_t location_count;          /* number of locations */
    void *original;                   /* the host error it came from (a gql_value), or NULL */
    bool as_is;                       /* the error is original itself */
} gql_diagnostic;

typedef struct gql_error_list {
    gql_diagnostic *items;  /* the errors, in the order they were found */
    size_t count;           /* number of items */
    size_t capacity;        /* allocated items */
    gql_status status;      /* GQL_ERR_NOMEM when an error could not be recorded */
} gql_error_list;

/* Start an empty list (the same as zero-initialising it). */
void gql_error_list_init(gql_error_list *list);

/* Release every error and make the list empty again. */
void gql_error_list_clear(gql_error_list *list);

/*=== MARK: Schema ==========================================================*/

/*
 * A schema built from SDL, as graphql-core's build_ast_schema builds it: every
 * type kind, an explicit schema definition or the default root type names
 * (Query, Mutation, Subscription), extensions merged into the types they
 * extend, custom directives, the built-in scalars, directives and
 * introspection types. The type map keeps graphql-core's order (types in
 * document order, each followed by the built-in types it first references,
 * then the introspection types), which introspection and print_schema follow.
 *
 * Ownership: the schema owns everything it holds (names interned once per
 * schema, descriptions, default values and applied directives copied into
 * its arena). The documents may be freed as soon as gql_schema_build returns.
 */
typedef struct gql_schema gql_schema;
typedef struct gql_schema_type gql_schema_type;            /* a named type */
typedef struct gql_schema_directive gql_schema_directive;  /* a directive definition */

/* The kinds of __TypeKind, in its order. */
typedef enum gql_type_kind {
    GQL_TYPE_SCALAR,
    GQL_TYPE_OBJECT,
    GQL_TYPE_INTERFACE,
    GQL_TYPE_UNION,
    GQL_TYPE_ENUM,
    GQL_TYPE_INPUT_OBJECT,
    GQL_TYPE_LIST,
    GQL_TYPE_NON_NULL
} gql_type_kind;

/* "SCALAR", "OBJECT", ... as __TypeKind names them. */
const char *gql_type_kind_name(gql_type_kind kind);

/* The values of __DirectiveLocation, in its order. */
typedef enum gql_directive_location {
    GQL_LOCATION_QUERY,
    GQL_LOCATION_MUTATION,
    GQL_LOCATION_SUBSCRIPTION,
    GQL_LOCATION_FIELD,
    GQL_LOCATION_FRAGMENT_DEFINITION,
    GQL_LOCATION_FRAGMENT_SPREAD,
    GQL_LOCATION_INLINE_FRAGMENT,
    GQL_LOCATION_VARIABLE_DEFINITION,
    GQL_LOCATION_SCHEMA,
    GQL_LOCATION_SCALAR,
    GQL_LOCATION_OBJECT,
    GQL_LOCATION_FIELD_DEFINITION,
    GQL_LOCATION_ARGUMENT_DEFINITION,
    GQL_LOCATION_INTERFACE,
    GQL_LOCATION_UNION,
    GQL_LOCATION_ENUM,
    GQL_LOCATION_ENUM_VALUE,
    GQL_LOCATION_INPUT_OBJECT,
    GQL_LOCATION_INPUT_FIELD_DEFINITION,
    GQL_LOCATION_DIRECTIVE_DEFINITION,
    GQL_LOCATION_COUNT
} gql_directive_location;

/* "QUERY", "FIELD_DEFINITION", ... as __DirectiveLocation names them. */
const char *gql_directive_location_name(gql_directive_location location);

typedef struct gql_schema_options {
    bool assume_valid_sdl;  /* skip the SDL validation rules */
    bool assume_valid;      /* skip the SDL rules and validate_schema */
} gql_schema_options;

/* Fill options with the defaults (validate everything). */
void gql_schema_options_init(gql_schema_options *options);

/*
 * Build a schema from ndocs SDL documents, read as one document made of
 * their definitions in order (graphql-core's concat_ast). options may be NULL
 * for the defaults. errors must be initialised; errors found are appended.
 *
 * Returns NULL when the documents break an SDL rule (graphql-core's
 * assert_valid_sdl: every error is listed), when graphql-core's
 * build_ast_schema would raise (an invalid @deprecated reason or
 * @specifiedBy url; with the SDL rules skipped, a reference to an undefined
 * type), when out of memory (errors->status is GQL_ERR_NOMEM) or when docs
 * or one of its documents is NULL (errors->status is GQL_ERR_ARG). errors
 * may be NULL when the caller does not want them.
 *
 * Otherwise returns the schema, then checked as graphql-core's validate_schema
 * checks it: its errors are appended and gql_schema_is_valid says whether
 * there were any. An invalid schema can still be looked at (types, printing,
 * introspection) but must not be executed against, as in graphql-core.
 */
gql_schema *gql_schema_build(const gql_document *const *docs, size_t ndocs,
                             const gql_schema_options *options, gql_error_list *errors);

void gql_schema_free(gql_schema *schema);

/* False when validate_schema found errors (they were reported by the build). */
bool gql_schema_is_valid(const gql_schema *schema);

/* The type map, in graphql-core's order. */
size_t gql_schema_type_count(const gql_schema *schema);
const gql_schema_type *gql_schema_type_at(const gql_schema *schema, size_t index);

/* The type named name[0, length) in the type map, or NULL. As in graphql-core,
 * a built-in scalar the schema never references is not in the map. */
const gql_schema_type *gql_schema_get_type(const gql_schema *schema, const char *name,
                                           size_t length);

/* The root type of an operation type, or NULL when the schema has none. It
 * is the type the SDL names, which validation requires to be an object. */
const gql_schema_type *gql_schema_root_type(const gql_schema *schema, gql_operation op);

/* The directives: those the SDL defines, in order, then the specified ones
 * it does not redefine (@include, @skip, @deprecated, @specifiedBy, @oneOf). */
size_t gql_schema_directive_count(const gql_schema *schema);
const gql_schema_directive *gql_schema_directive_at(const gql_schema *schema, size_t index);
const gql_schema_directive *gql_schema_get_directive(const gql_schema *schema,
                                                     const char *name, size_t length);

/* The schema description, or NULL. */
const gql_text *gql_schema_description(const gql_schema *schema);

const char *gql_schema_type_name(const gql_schema_type *type);
gql_type_kind gql_schema_type_kind(const gql_schema_type *type);
const char *gql_schema_directive_name(const gql_schema_directive *directive);

/*=== MARK: Schema elements =================================================*/

/*
 * Reading a schema's types, fields, arguments, input fields, enum values and
 * directives, for tools (schema_api.c). Everything returned is owned by the
 * schema and lives as long as it. Texts (descriptions, deprecation reasons,
 * the specified-by URL) are UTF-8 with their length in *length (length may
 * be NULL) and NULL when absent. Names are NUL-terminated. Indexes out of
 * range give NULL. Lookups by name take the name's bytes and length.
 */
typedef struct gql_schema_field gql_schema_field;              /* an object or interface field */
typedef struct gql_schema_input_value gql_schema_input_value;  /* an argument or input field */
typedef struct gql_schema_enum_value gql_schema_enum_value;    /* an enum value */
typedef struct gql_type_ref gql_type_ref;  /* a type as used: [Int!]! */

size_t gql_schema_type_name_length(const gql_schema_type *type);
const char *gql_schema_type_description(const gql_schema_type *type, size_t *length);
/* Scalar: the @specifiedBy url. */
const char *gql_schema_type_specified_by_url(const gql_schema_type *type, size_t *length);
/* Input object: defined with @oneOf. */
bool gql_schema_type_is_one_of(const gql_schema_type *type);
/* A specified scalar (Int, String, ...) or an introspection type (__Type, ...). */
bool gql_schema_type_is_builtin(const gql_schema_type *type);
/* The position in the type map (gql_schema_type_at), SIZE_MAX for a built-in
 * scalar the schema does not use. Stable for the schema's lifetime: bindings
 * index per-type tables by it. */
size_t gql_schema_type_index(const gql_schema_type *type);
/* The type as a type reference (its own name, unwrapped). */
const gql_type_ref *gql_schema_type_ref(const gql_schema_type *type);

/* Object and interface types: fields in definition order, extensions after. */
size_t gql_schema_type_field_count(const gql_schema_type *type);
const gql_schema_field *gql_schema_type_field_at(const gql_schema_type *type, size_t index);
const gql_schema_field *gql_schema_type_get_field(const gql_schema *schema,
                                                  const gql_schema_type *type,
                                                  const char *name, size_t length);
/* Object and interface types: the interfaces they implement, as written. */
size_t gql_schema_type_interface_count(const gql_schema_type *type);
const gql_schema_type *gql_schema_type_interface_at(const gql_schema_type *type, size_t index);
/* Union: its members; interface: the object types implementing it, in type
 * map order (graphql-core's get_possible_types). 0 for other kinds. */
size_t gql_schema_type_possible_type_count(const gql_schema_type *type);
const gql_schema_type *gql_schema_type_possible_type_at(const gql_schema_type *type,
                                                        size_t index);
/* Enum types. */
size_t gql_schema_type_enum_value_count(const gql_schema_type *type);
const gql_schema_enum_value *gql_schema_type_enum_value_at(const gql_schema_type *type,
                                                           size_t index);
const gql_schema_enum_value *gql_schema_type_get_enum_value(const gql_schema *schema,
                                                            const gql_schema_type *type,
                                                            const char *name, size_t length);
/* Input object types. */
size_t gql_schema_type_input_field_count(const gql_schema_type *type);
const gql_schema_input_value *gql_schema_type_input_field_at(const gql_schema_type *type,
                                                             size_t index);
const gql_schema_input_value *gql_schema_type_get_input_field(const gql_schema *schema,
                                                              const gql_schema_type *type,
                                                              const char *name,
                                                              size_t length);

const char *gql_schema_field_name(const gql_schema_field *field, size_t *length);
const char *gql_schema_field_description(const gql_schema_field *field, size_t *length);
const char *gql_schema_field_deprecation_reason(const gql_schema_field *field, size_t *length);
const gql_type_ref *gql_schema_field_type(const gql_schema_field *field);
size_t gql_schema_field_arg_count(const gql_schema_field *field);
const gql_schema_input_value *gql_schema_field_arg_at(const gql_schema_field *field,
                                                      size_t index);

const char *gql_schema_input_value_name(const gql_schema_input_value *value, size_t *length);
const char *gql_schema_input_value_description(const gql_schema_input_value *value,
                                               size_t *length);
const char *gql_schema_input_value_deprecation_reason(const gql_schema_input_value *value,
                                                      size_t *length);
const gql_type_ref *gql_schema_input_value_type(const gql_schema_input_value *value);
/* The default value as the SDL wrote it (a const value node: print it with
 * gql_print), or NULL when there is none. *applies (if not NULL) says
 * whether it coerces to the type: graphql-core keeps no default otherwise. */
const gql_node *gql_schema_input_value_default(const gql_schema_input_value *value,
                                               bool *applies);

const char *gql_schema_enum_value_name(const gql_schema_enum_value *value, size_t *length);
const char *gql_schema_enum_value_description(const gql_schema_enum_value *value,
                                              size_t *length);
const char *gql_schema_enum_value_deprecation_reason(const gql_schema_enum_value *value,
                                                     size_t *length);

/* GQL_TYPE_LIST, GQL_TYPE_NON_NULL, or the kind of the named type. */
gql_type_kind gql_type_ref_type_kind(const gql_type_ref *ref);
/* The wrapped type of a list or non-null, NULL for a named type. */
const gql_type_ref *gql_type_ref_of_type(const gql_type_ref *ref);
/* The named type inside all wrappers. */
const gql_schema_type *gql_type_ref_named_type(const gql_type_ref *ref);
/* str(type) as graphql-core writes it ("[Int!]!"): release with gql_free;
 * NULL when out of memory. */
char *gql_type_ref_str(const gql_type_ref *ref, size_t *length);

const char *gql_schema_directive_description(const gql_schema_directive *directive,
                                             size_t *length);
bool gql_schema_directive_is_repeatable(const gql_schema_directive *directive);
size_t gql_schema_directive_arg_count(const gql_schema_directive *directive);
const gql_schema_input_value *gql_schema_directive_arg_at(const gql_schema_directive *directive,
                                                          size_t index);
size_t gql_schema_directive_location_count(const gql_schema_directive *directive);
/* GQL_LOCATION_COUNT when index is out of range. */
gql_directive_location gql_schema_directive_location_at(const gql_schema_directive *directive,
                                                        size_t index);

/*=== MARK: Validation ======================================================*/

/*
 * Validating an executable document against a schema, as graphql-core
 * 3.2.14's validate(schema, document) does with its specified_rules: every
 * rule runs in one walk of the document, and the errors come out with
 * graphql-core's messages, locations and order.
 */
/*
 * A custom scalar's parse_literal during validation (graphql-core's
 * ValuesOfCorrectTypeRule calls type.parse_literal(node), without
 * variables, on every literal written where a custom scalar is expected:
 * a leaf, or a list or object where the scalar takes one). type is the
 * custom scalar, literal the value node. The outcome:
 *
 *   GQL_LITERAL_VALID    it parses;
 *   GQL_LITERAL_INVALID  it returned graphql-core's Undefined: "Expected
 *                        value of type 'T', found <literal>." (T the type
 *                        expected there, wrappers included);
 *   GQL_LITERAL_RAISED   it raised *error, whose text the host appended to
 *                        message: "Expected value of type 'T', found
 *                        <literal>; <text>", holding *error as original;
 *   GQL_LITERAL_ERROR    it raised *error, an error of the host's own kind
 *                        (a GraphQLError), reported as it is (as_is), its
 *                        text in message;
 *   GQL_LITERAL_STOP     the host failed as a whole (out of memory, an
 *                        exception that must propagate): validation ends at
 *                        once, without an error of its own.
 *
 * *error is borrowed: the host keeps it alive until it clears the error
 * list. The hook may be called from any thread validation runs on.
 */
typedef enum gql_literal_check {
    GQL_LITERAL_VALID,
    GQL_LITERAL_INVALID,
    GQL_LITERAL_RAISED,
    GQL_LITERAL_ERROR,
    GQL_LITERAL_STOP
} gql_literal_check;

struct gql_strbuf;

typedef gql_literal_check (*gql_literal_fn)(void *ctx, const gql_schema_type *type,
                                            const gql_node *literal, struct gql_strbuf *message,
                                            void **error);

typedef struct gql_validate_options {
    uint32_t max_errors;    /* errors kept before validation is aborted; default 100 */
    bool suggestions;       /* "Did you mean ...?" in messages; default true */
    bool no_introspection;  /* introspection is off: fields of introspection types
                               (__schema, __type, ...) are errors; default false */
    gql_literal_fn parse_literal;  /* custom scalars' parse_literal; default NULL:
                                      every literal is valid (graphql-core's default
                                      parse_literal accepts any) */
    void *literal_ctx;             /* passed to parse_literal */
} gql_validate_options;

/* Fill options with the defaults above. */
void gql_validate_options_init(gql_validate_options *options);

/*
 * Validate doc against schema; options may be NULL for the defaults. The
 * errors found are appended to errors (gql_error_list_init it first);
 * their locations have source 0 (the document).
 *
 * max_errors is graphql-core's: once max_errors errors have been reported,
 * the next one is replaced by "Too many validation errors, error limit
 * reached. Validation aborted." (no location) and validation stops, so the
 * list holds at most max_errors + 1 errors (0 aborts at the first error).
 * As in graphql-core 3.2.14, validation also stops with "Validation
 * aborted." when the document spends more than 50,000 units of work on
 * shared fragments (spreads and variable usages counted), nests selection
 * sets more than 200 deep through fragment spreads, or makes
 * OverlappingFieldsCanBeMerged spend more than its 500,000 units of
 * comparisons (708 sibling fields of one response name do) or recurse
 * deeper than graphql-core's Python stack allows (fragment spread cycles).
 *
 * suggestions false leaves out the "Did you mean ...?" part of messages
 * (field, type, argument and enum value names a client did not ask for),
 * as a production server wants: graphql-core's hide_suggestions=True.
 *
 * no_introspection runs graphql-core's NoSchemaIntrospectionCustomRule
 * after the specified rules, for a schema served with introspection
 * switched off: each field returning an introspection type is reported
 * with "GraphQL introspection has been disabled, but the requested query
 * contained the field '__schema'." (__typename stays allowed).
 *
 * The September 2025 additions run with the specified rules: an operation
 * whose root type the schema lacks is an error, and so is @skip or
 * @include at the top level of a subscription (where graphql-core 3.2.14
 * evaluated them, and raised when "if" was not a literal boolean).
 *
 * Returns GQL_OK when the document is valid, GQL_ERR_INVALID when errors
 * were appended, GQL_ERR_NOMEM when out of memory (errors->status is then
 * GQL_ERR_NOMEM too), GQL_ERR_ARG when an argument is NULL or the schema is
 * not valid (gql_schema_is_valid: graphql-core's assert_valid_schema).
 */
gql_status gql_validate(const gql_schema *schema, const gql_document *doc,
                        const gql_validate_options *options, gql_error_list *errors);

/*=== MARK: Printing schemas ================================================*/

/*
 * The schema as SDL, byte for byte as graphql-core 3.2.14's print_schema:
 * the schema definition when a root type is not named Query, Mutation or
 * Subscription or the schema has a description; then the directives other
 * than the specified ones; then the types of the type map, in its order,
 * other than the specified scalars and the introspection types; all joined
 * by a blank line, without a final newline. Applied directives are not
 * printed, except @deprecated, @specifiedBy and @oneOf.
 *
 * Default values print as graphql-core prints them, coerced to their type
 * and back (print_ast(ast_from_value(value_from_ast(...)))): a single value
 * given for a list as a one-item list, input objects with their fields in
 * definition order and the defaults of absent fields filled in, floats as
 * Python's repr() without ".0", strings quoted. A default that does not
 * coerce is not printed. Where graphql-core raises instead (a custom
 * scalar's default that is a list or an object, a float that overflows),
 * and where the filled-in defaults of absent fields nest more than 64 deep
 * (a cycle through defaults does) or exceed 1 MiB, the default is printed
 * as the SDL wrote it.
 *
 * An invalid schema (gql_schema_is_valid false) prints too, as in
 * graphql-core. Returns a NUL-terminated string to release with gql_free
 * and its length in *length if length is not NULL; NULL when out of memory
 * or schema is NULL.
 */
char *gql_print_schema(const gql_schema *schema, size_t *length);

/* The same for what print_schema leaves out, as graphql-core's
 * print_introspection_schema: the schema definition (on the same terms),
 * the specified directives and the introspection types. */
char *gql_print_introspection_schema(const gql_schema *schema, size_t *length);

/*=== MARK: Introspection ===================================================*/

/*
 * Introspection as graphql-core 3.2.14 answers it: __schema, __type(name:)
 * and __typename, every field of the introspection types computed as its
 * type/introspection.py computes them (type map, field, argument, enum
 * value and interface order; includeDeprecated; defaultValue printed as
 * print_ast(ast_from_value(...)) prints it; isOneOf, specifiedByURL,
 * isRepeatable).
 *
 * The options choose what the standard introspection query asks for, as
 * the arguments of graphql-core's get_introspection_query do; _init sets
 * them all, as introspection_from_schema's defaults do.
 */
typedef struct gql_introspection_options {
    bool descriptions;             /* description of everything */
    bool specified_by_url;         /* __Type.specifiedByURL */
    bool directive_is_repeatable;  /* __Directive.isRepeatable */
    bool schema_description;       /* __Schema.description (with descriptions) */
    bool input_value_deprecation;  /* deprecated arguments and input fields too,
                                      with isDeprecated and deprecationReason */
    bool input_object_one_of;      /* __Type.isOneOf */
    bool directive_deprecation;    /* graphql-core's experimental_directive_deprecation:
                                      __Directive.isDeprecated, deprecationReason */
} gql_introspection_options;

void gql_introspection_options_init(gql_introspection_options *options);

/*
 * The standard introspection query for the options (NULL: the defaults),
 * byte for byte the text graphql-core's get_introspection_query returns
 * (type_depth 9). Returns a NUL-terminated string to release with gql_free
 * and its length in *length if length is not NULL; NULL when out of memory.
 */
char *gql_introspection_query(const gql_introspection_options *options, size_t *length);

/*
 * Evaluate an introspection-only operation of query (operation_name picks
 * it, or NULL when there is one) over schema, without resolvers: root
 * fields __schema, __type(name:) and __typename, any selection of the
 * introspection types' fields, with aliases, fragments, inline fragments,
 * @skip and @include, arguments given as literals. On GQL_OK *json holds
 * the "data" object as JSON, byte for byte what Python's
 * json.dumps(graphql_sync(schema, query).data, separators=(",", ":"),
 * ensure_ascii=False) writes for graphql-core, in graphql-core's field
 * order (release with gql_free; its length in *json_len if not NULL).
 *
 * Field errors (a defaultValue graphql-core cannot print, e.g. a custom
 * scalar's default that is an object) leave null in the data and are
 * appended to errors with graphql-core's message and the field's
 * locations, as graphql-core returns them beside the data: GQL_OK all the
 * same. Anything the evaluator cannot answer (a root field that is not an
 * introspection field, an unknown field, argument, fragment, type or
 * directive, a variable, a missing operation, a subscription) returns
 * GQL_ERR_INVALID with the reason in errors (graphql-core's validation
 * message where it has one) and no JSON. GQL_ERR_NOMEM when out of memory,
 * GQL_ERR_ARG when schema, query or json is NULL. errors may be NULL.
 * The schema need not be valid (gql_schema_is_valid).
 */
gql_status gql_introspection_execute(const gql_schema *schema, const gql_document *query,
                                     const char *operation_name, char **json,
                                     size_t *json_len, gql_error_list *errors);

/*=== MARK: Execution: host values ==========================================*/

/*
 * The executor never looks inside a value. A value belongs to the host that
 * runs the execution (PyObject * under the CPython binding, a gql_json node
 * under the JSON host) and is reached only through the host's functions
 * (gql_host). Every value a host function hands to the core is a new
 * reference the core now owns and gives back with host->release; values the
 * core passes to the host are borrowed for the duration of the call.
 */
typedef void *gql_value;

/* What a value is, as far as the core needs to know. */
typedef enum gql_value_kind {
    GQL_VALUE_NULL,     /* null (None, JSON null) */
    GQL_VALUE_BOOL,     /* a boolean */
    GQL_VALUE_INT,      /* an integer, of any size (input_int tells if it fits) */
    GQL_VALUE_FLOAT,    /* a floating-point number */
    GQL_VALUE_STRING,   /* a string */
    GQL_VALUE_LIST,     /* input: a list; output: any iterable but a string or mapping */
    GQL_VALUE_OBJECT,   /* input: a mapping; output: anything else (an object) */
    GQL_VALUE_PENDING,  /* output: not ready yet (an awaitable, a DataLoader promise) */
    GQL_VALUE_ERROR,    /* output: an error returned as a value (graphql-core raises a
                           resolved Exception): a field error with it as the cause */
    GQL_VALUE_OTHER     /* input: anything else (graphql-core would inspect() it) */
} gql_value_kind;

/* What the schema expects of an output value (gql_host.kind). */
typedef enum gql_expect { GQL_EXPECT_LEAF, GQL_EXPECT_LIST, GQL_EXPECT_OBJECT } gql_expect;

typedef struct gql_execution gql_execution;

/*
 * One field of the plan, as a host sees it when asked to resolve it: enough
 * to find the resolver (parent type and field index) and to build
 * graphql-core's GraphQLResolveInfo lazily (field nodes, return type; the
 * path of each parent with gql_execution_path).
 */
typedef struct gql_field_info {
    const gql_schema_type *parent_type;  /* the object type the field is on */
    const gql_schema_field *field;       /* its definition */
    uint32_t field_index;                /* its index in parent_type's fields */
    const gql_sym *name;                 /* the field's name (not the alias) */
    const gql_sym *response_name;        /* alias or name */
    const gql_field *const *nodes;       /* the merged field nodes, in document order */
    uint32_t node_count;                 /* number of nodes */
    const gql_type_ref *return_type;     /* the field's type */
} gql_field_info;

/* Where a value sits in the response, for info.path and errors: opaque,
 * valid as long as the execution. */
typedef const struct gql_rnode *gql_path_ref;

/* The outcome of one host call that produces a value. */
typedef struct gql_resolved {
    gql_value value;  /* owned by the core: a value, or an error when error is set */
    bool error;       /* value is a host error (error_message tells its text) */
} gql_resolved;

/* A leaf value serialized for the response. */
typedef struct gql_leaf_out {
    gql_value value;  /* owned: what the response holds (serialize's result) */
    bool error;       /* value is a host error instead */
} gql_leaf_out;

/*
 * The host protocol. Functions marked "optional" may be NULL.
 *
 * Output side (resolving and completing):
 *   resolve         resolve field info for n parents at once: out[i] for
 *                   parents[i], paths[i] its place in the response. args is
 *                   the field's coerced arguments (an input object built by
 *                   the make_* functions below), the same for every parent.
 *                   A host loops over the parents for per-parent resolvers
 *                   and calls a batch resolver once. Returns false only when
 *                   the host failed as a whole (out of memory; a Python
 *                   exception that must propagate, KeyboardInterrupt): the
 *                   execution then stops with GQL_EXEC_ABORTED.
 *   kind            what an output value is where the schema expects a leaf,
 *                   a list or an object: NULL, PENDING, LIST (expected LIST
 *                   only: an iterable graphql-core accepts as a list), or
 *                   OBJECT for anything else (serialize and the sub-fields
 *                   decide what it is worth). A value settles to what it
 *                   stands for, completed as the type it was pending for: a
 *                   host may call a value pending where a list is expected
 *                   and settle it to a list (an async iterable, collected).
 *   list_items      the items of a LIST value: *items (owned by the core,
 *                   released one by one) and *count; false with *error set
 *                   (owned) when it cannot be iterated.
 *   serialize       a leaf value for a scalar or enum type, as graphql-core's
 *                   serialize (messages included).
 *   resolve_type    the concrete type of a value of an abstract type, by
 *                   name (*name, *name_len, valid until the next call), as
 *                   graphql-core's resolve_type (a user function, else
 *                   is_type_of, else __typename). Returns 1 with a name, 0
 *                   when nothing resolved it (the core reports it as
 *                   graphql-core does), -1 with *error set when it raised
 *                   (NULL: stop the execution), 2 when the answer is pending:
 *                   *error is then the pending value (owned), which settles
 *                   to a string (the name), a null, or an error.
 *   is_type_of      optional: whether value is of object type; 1 yes, 0 no,
 *                   -1 *error set (NULL: stop), 2 when no is_type_of is
 *                   bound, 3 when pending: *error is the pending value
 *                   (owned), which settles to a boolean or an error.
 *   error_message   the text of a host error (str(exception)) appended to b.
 *   make_error      optional: a host error with that message (UTF-8, len
 *                   bytes; graphql-core's GraphQLError(message)), for the
 *                   original_error of a variable's coercion error; NULL
 *                   when out of memory.
 *   write_leaf      write a serialized leaf value as JSON (json.dumps's
 *                   rules); false with *error set (owned) when it cannot.
 *
 * Input side (coercing variables and arguments):
 *   make_*          build input values: the coerced arguments and variables
 *                   (Python ints, floats, strs, lists, dicts).
 *   object_set      set key name of an object built by make_object; the core
 *                   gives up its reference to item (list_set too).
 *   enum_value      the value an enum type binds for its value at index.
 *   parse_literal   a custom scalar's parse_literal of a const literal (the
 *                   variables already substituted); error as for resolve.
 *   parse_value     a custom scalar's parse_value of an input value.
 *   input_*         read an input value (variables): its kind, a boolean, an
 *                   int (false when it does not fit in int64), a double, a
 *                   string (UTF-8, valid while the value lives), a list's
 *                   items (borrowed, valid while the value lives), an
 *                   object's field (borrowed, NULL when absent) and keys.
 *   inspect         graphql-core's inspect(value), appended to b.
 *
 *   release, retain reference counting of values the core holds.
 */
struct gql_strbuf;
struct gql_json_writer;

typedef struct gql_host {
    /* output side */
    bool (*resolve)(void *ctx, gql_execution *exec, const gql_field_info *info,
                    gql_value const *parents, gql_path_ref const *paths, size_t n,
                    gql_value args, gql_resolved *out);
    gql_value_kind (*kind)(void *ctx, gql_value value, gql_expect expected);
    bool (*list_items)(void *ctx, gql_value value, gql_value **items, size_t *count,
                       gql_value *error);
    gql_leaf_out (*serialize)(void *ctx, const gql_schema_type *type, gql_value value);
    int (*resolve_type)(void *ctx, gql_execution *exec, const gql_field_info *info,
                        gql_path_ref path, const gql_schema_type *abstract, gql_value value,
                        const char **name, size_t *name_len, gql_value *error);
    int (*is_type_of)(void *ctx, gql_execution *exec, const gql_field_info *info,
                      gql_path_ref path, const gql_schema_type *type, gql_value value,
                      gql_value *error);
    void (*error_message)(void *ctx, gql_value error, struct gql_strbuf *b);
    gql_value (*make_error)(void *ctx, const char *message, size_t len);
    bool (*write_leaf)(void *ctx, gql_value value, struct gql_json_writer *w,
                       gql_value *error);
    /* optional: write the "extensions" key and value of a host error that
     * has any (a GraphQLError's extensions); false when it cannot. */
    bool (*write_error_extensions)(void *ctx, gql_value error, struct gql_json_writer *w);

    /* input side */
    gql_value (*make_null)(void *ctx);
    gql_value (*make_bool)(void *ctx, bool value);
    gql_value (*make_int)(void *ctx, int64_t value);
    gql_value (*make_int_text)(void *ctx, const char *digits, size_t len); /* any size */
    gql_value (*make_float)(void *ctx, double value);
    gql_value (*make_string)(void *ctx, const char *s, size_t len);
    gql_value (*make_list)(void *ctx, size_t count);
    bool (*list_set)(void *ctx, gql_value list, size_t index, gql_value item);
    gql_value (*make_object)(void *ctx);
    bool (*object_set)(void *ctx, gql_value object, const char *name, size_t len,
                       gql_value item);
    gql_value (*enum_value)(void *ctx, const gql_schema_type *type, uint32_t index);
    gql_resolved (*parse_literal)(void *ctx, const gql_schema_type *type,
                                  const gql_node *literal, gql_value variables);
    gql_resolved (*parse_value)(void *ctx, const gql_schema_type *type, gql_value value);
    gql_value_kind (*input_kind)(void *ctx, gql_value value);
    bool (*input_bool)(void *ctx, gql_value value);
    bool (*input_int)(void *ctx, gql_value value, int64_t *out);
    double (*input_float)(void *ctx, gql_value value);
    const char *(*input_string)(void *ctx, gql_value value, size_t *len);
    size_t (*input_list)(void *ctx, gql_value value, gql_value const **items);
    gql_value (*input_field)(void *ctx, gql_value object, const char *name, size_t len);
    /* The keys of an input object, in iteration order: each key's UTF-8 text
     * through key and key_len, index from 0 while it returns true. */
    bool (*input_key)(void *ctx, gql_value object, size_t index, const char **key,
                      size_t *key_len);
    void (*inspect)(void *ctx, gql_value value, struct gql_strbuf *b);

    void (*release)(void *ctx, gql_value value);
    void (*retain)(void *ctx, gql_value value);
} gql_host;

/*=== MARK: Execution ========================================================*/

typedef struct gql_execute_options {
    const char *operation_name;  /* NULL: the document's only operation */
    gql_value root_value;        /* borrowed for the execution; the host's null if none */
    gql_value variables;         /* an input object (mapping), or NULL for none */
    /* Subscriptions (graphql-core's subscribe): with subscription_source, a
     * subscription's root field is resolved and its value (the source
     * stream) kept for gql_execution_source, not completed; with
     * subscription_event (borrowed), the root field is not resolved: the
     * event is its value, completed through the operation's selection. */
    bool subscription_source;
    gql_value subscription_event;
} gql_execute_options;

void gql_execute_options_init(gql_execute_options *options);

typedef enum gql_exec_status {
    GQL_EXEC_DONE,      /* finished: read the result */
    GQL_EXEC_PENDING,   /* values are pending: settle them (gql_execution_pending), run again */
    GQL_EXEC_ABORTED,   /* the host failed as a whole (its own error state says why) */
    GQL_EXEC_NOMEM      /* out of memory: nothing of the result can be trusted */
} gql_exec_status;

/*
 * Start executing an operation of a valid document (validated against
 * schema: the executor trusts it) with a host. Request errors (no such
 * operation, variables that do not coerce) are not failures: the execution
 * is then done at once, with errors and no data (gql_execution_has_data).
 * NULL only when out of memory. The schema and the document must outlive
 * the execution; host and ctx too.
 */
gql_execution *gql_execution_new(const gql_schema *schema, const gql_document *document,
                                 const gql_host *host, void *ctx,
                                 const gql_execute_options *options);

/* Run until done or until nothing can proceed without pending values. */
gql_exec_status gql_execution_run(gql_execution *exec);

/* The pending values of the wave that stopped (borrowed; settle each). */
size_t gql_execution_pending(const gql_execution *exec, gql_value const **values);

/* The field pending value i belongs to (for a message naming it). */
const gql_field_info *gql_execution_pending_field(const gql_execution *exec, size_t i);

/* Settle pending value i with what it produced (owned by the core from now
 * on): a value, or a host error (error set). Every pending value must be
 * settled before gql_execution_run is called again. */
void gql_execution_settle(gql_execution *exec, size_t i, gql_value value, bool error);

/* After a subscription_source execution: the root field's value (borrowed),
 * *error telling whether it is a host error; NULL when the execution did not
 * get that far (request errors, or an error recorded with the data). */
gql_value gql_execution_source(const gql_execution *exec, bool *error);

/* Release the execution, its result and every value it holds. */
void gql_execution_free(gql_execution *exec);

/* Call visit(value, arg) once for every reference to a host value the
 * execution holds (those gql_execution_free would release), stopping at
 * the first non-zero return, which is returned. For a host with a cycle
 * collector (CPython's tp_traverse): an error's traceback can lead back to
 * the object that owns the execution. */
typedef int (*gql_value_visitor)(gql_value value, void *arg);
int gql_execution_visit(const gql_execution *exec, gql_value_visitor visit, void *arg);

/* The operation being executed (NULL after a request error that found none). */
const gql_operation_definition *gql_execution_operation(const gql_execution *exec);
const gql_document *gql_execution_document(const gql_execution *exec);
const gql_schema *gql_execution_schema(const gql_execution *exec);

/* The coerced variables, as an input object built by the host (borrowed;
 * NULL before they are coerced or after a request error). */
gql_value gql_execution_variables(const gql_execution *exec);

/* The response path of an object or list of the response (a path_ref):
 * calls fn for each element from the root, with a name (index -1) or a
 * list index (name NULL); a field's path is its parent's plus its response
 * name. Stops and returns false when fn does. */
typedef bool (*gql_path_fn)(void *ctx, const char *name, size_t name_len, int64_t index);
bool gql_execution_path(const gql_execution *exec, gql_path_ref path, gql_path_fn fn,
                        void *ctx);

/*=== MARK: Execution results ================================================*/

/* Whether the response has a "data" entry (false after a request error). */
bool gql_execution_has_data(const gql_execution *exec);

/* The response as JSON: {"data":...,"errors":[...]} in graphql-core's
 * ExecutionResult.formatted order, byte for byte json.dumps(result,
 * separators=(",", ":"), ensure_ascii=False). NULL when out of memory or when a
 * leaf cannot be written (*error then holds the host's error, owned by the
 * caller, or NULL for out of memory). Release with gql_free. */
char *gql_execution_json(gql_execution *exec, size_t *length, gql_value *error);

/* Reading the data tree (for a host building its own objects: to_dict). */
typedef enum gql_result_kind {
    GQL_RESULT_NULL,    /* null */
    GQL_RESULT_LEAF,    /* a host value, serialized */
    GQL_RESULT_TEXT,    /* a string the core made (__typename) */
    GQL_RESULT_JSON,    /* a value the core wrote as JSON (an introspection subtree) */
    GQL_RESULT_OBJECT,  /* an object: keys and values in response order */
    GQL_RESULT_LIST     /* a list */
} gql_result_kind;

typedef struct gql_result_value gql_result_value;

/* The "data" object (NULL when there is no data or data is null). */
const gql_result_value *gql_execution_data(const gql_execution *exec);
gql_result_kind gql_result_value_kind(const gql_result_value *value);
gql_value gql_result_leaf(const gql_result_value *value);            /* LEAF (borrowed) */
const char *gql_result_text(const gql_result_value *value, size_t *length);  /* TEXT, JSON */
size_t gql_result_size(const gql_result_value *value);               /* OBJECT, LIST */
const gql_result_value *gql_result_item(const gql_result_value *value, size_t index);
const gql_sym *gql_result_key(const gql_result_value *value, size_t index); /* OBJECT */

/* One error of the response, in graphql-core's order. */
typedef struct gql_exec_error {
    const char *message;              /* NUL-terminated */
    size_t message_len;               /* bytes */
    const uint32_t *offsets;          /* byte offsets of its nodes in the document */
    uint32_t offset_count;            /* number of locations */
    gql_value original;               /* the host error it came from, or NULL (borrowed) */
    gql_path_ref path;                /* its place, with path_field; NULL: no path */
    const gql_sym *path_field;        /* the last path element's name, or NULL */
    int64_t path_index;               /* ... or a list index (path_field NULL), -1: none */
} gql_exec_error;

size_t gql_execution_error_count(const gql_execution *exec);
const gql_exec_error *gql_execution_error_at(const gql_execution *exec, size_t index);

#ifdef __cplusplus
}
#endif

#endif /* GRAFTQL_H */
