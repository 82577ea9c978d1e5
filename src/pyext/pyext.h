/*
 * pyext.h: what the files of the CPython binding share (module.c,
 * document.c, node.c, errors.c, schema.c, views.c, suggest.c, validation.c):
 * the module state and the functions one file calls in another. Private to
 * src/pyext; the core never sees Python.h.
 *
 * There is no global mutable state: everything lives in the module state,
 * reached from a module function's first argument or from a heap type
 * (PyType_GetModuleState), so the module works under several interpreters.
 */
#ifndef GRAFTQL_PYEXT_H
#define GRAFTQL_PYEXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "graftql.h"

/*=== MARK: to_dict field tables ============================================*/

/* How to_dict fills one key of a node's dict. */
typedef enum field_how {
    FIELD_NODE,        /* a child node, or None */
    FIELD_LIST,        /* a list of child nodes */
    FIELD_NAME,        /* gql_name.value: an interned ASCII name */
    FIELD_TEXT,        /* gql_scalar_value.value: int, float or enum source text */
    FIELD_STRING,      /* gql_string_value.value: decoded UTF-8 */
    FIELD_BLOCK,       /* string value: GQL_FLAG_BLOCK as a bool */
    FIELD_BOOLEAN,     /* boolean value: GQL_FLAG_TRUE as a bool */
    FIELD_OPERATION,   /* "query", "mutation" or "subscription" from the flags */
    FIELD_REPEATABLE,  /* directive definition: GQL_FLAG_REPEATABLE as a bool */
    FIELD_NONE,        /* an attribute graphql-core has but the C AST lacks: None */
    FIELD_EMPTY_LIST   /* likewise, a list that is always empty: [] */
} field_how;

typedef struct field_spec {
    PyObject *key;    /* interned; borrowed from graftql_state.keys */
    uint16_t offset;  /* of the child pointer or gql_list, for FIELD_NODE/FIELD_LIST */
    uint8_t how;      /* field_how */
} field_spec;

/* No kind has more keys than this (graphql-core's largest has 6). */
#define GRAFTQL_MAX_FIELDS 8
/* Distinct key strings across all kinds, with room to spare. */
#define GRAFTQL_MAX_KEYS 48

/*=== MARK: Module state ====================================================*/

/* What execute.c needs from Python and keeps for the module's life. The
 * helpers are graftql.execution functions, registered by it on import
 * (_core._set_execution_helpers): the executor calls them only on the rare
 * paths (messages quoting a value, the built-in scalars' slow cases). */
typedef struct graftql_exec_state {
    PyTypeObject *execution_type;  /* graftql._core.Execution */
    PyTypeObject *info_type;       /* graftql._core.ResolveInfo */
    PyObject *inspect;             /* graphql-core's inspect(value) -> str */
    PyObject *serialize_builtin;   /* (type name, value) -> serialized, raises GraphQLError */
    PyObject *parse_literal;       /* (parse_literal, parse_value, node, variables) -> value */
    PyObject *undefined;           /* graftql.Undefined: a scalar function refusing a value */
    PyObject *make_error;          /* (message, source, locations, path, original) -> GraphQLError */
    PyObject *batch_pending;       /* (awaitable, n, label) -> list of n pending values */
    PyObject *pending_type;        /* graftql.execution.Pending: a DataLoader promise */
    PyObject *mapping_abc;         /* collections.abc.Mapping */
    PyObject *path_class;          /* graftql.execution.Path */
    PyObject *first_type;          /* (awaitables, names) -> awaitable of the first name whose
                                      is_type_of is true, or None */
    PyObject *truthy;              /* (awaitable) -> awaitable of bool(its result) */
    PyObject *json_loads;          /* json.loads */
    PyObject *str_get;             /* "get" */
    PyObject *str_typename;        /* "__typename" */
    PyObject *str_message;         /* "message" */
    PyObject *str_extensions;      /* "extensions" */
    PyObject *str_batch;           /* "__graftql_batch__" */
    PyObject *str_close;           /* "close" */
} graftql_exec_state;

typedef struct graftql_state {
    PyTypeObject *document_type;      /* graftql._core.Document */
    PyTypeObject *schema_type;        /* graftql._core.CoreSchema (schema.c) */
    PyTypeObject *view_types[4];      /* graftql._core.TypeView, ... (view_kind) */
    PyObject *type_kind_names[8];     /* "SCALAR", ... indexed by gql_type_kind */
    PyObject *error_factory;          /* graftql.error._error_from_core */
    PyObject *json_loads;             /* json.loads, imported on first use */
    PyObject *syntax_error_factory;   /* graftql.error._syntax_error_from_core */
    PyTypeObject *node_type;          /* graftql.Node (node.c) */
    PyObject *node_keys[GQL_KIND_COUNT];  /* Node.keys per kind, made on first use */
    PyObject *location_class;         /* graftql.language.Location, imported on first use */
    PyObject *operation_types[3];     /* graftql.language.OperationType members */
    PyTypeObject *context_type;       /* graftql.ValidationContext (validation.c) */
    PyObject *aborted_error;          /* raised by report_error past max_errors */
    PyObject *graphql_error_class;    /* graftql.error.GraphQLError */
    PyObject *str_value;              /* "value" */
    PyObject *str_description;        /* "description" */
    PyObject *str_enter;              /* "enter" */
    PyObject *str_leave;              /* "leave" */
    PyObject *method_names[2][GQL_KIND_COUNT];  /* "enter_field", ...; "leave_field", ... */
    graftql_exec_state exec;                    /* execute.c */

    /* Interned strings, created once. */
    PyObject *str_kind;
    PyObject *str_loc;
    PyObject *str_start;
    PyObject *str_end;
    PyObject *kind_names[GQL_KIND_COUNT];  /* "operation_definition", ... */
    PyObject *operation_names[3];          /* "query", "mutation", "subscription" */
    PyObject *keys[GRAFTQL_MAX_KEYS];      /* every key of a node dict but "kind" */
    const char *key_names[GRAFTQL_MAX_KEYS];  /* the same, static C strings */
    size_t key_count;

    /* For each kind, the keys of its dict after "kind", in graphql-core's
       order (Node.keys), with how to fill each. */
    field_spec fields[GQL_KIND_COUNT][GRAFTQL_MAX_FIELDS];
    uint8_t field_count[GQL_KIND_COUNT];
} graftql_state;

/*=== MARK: document.c ======================================================*/

/* The Python handle of a parsed document: owns the gql_document (its arena). */
typedef struct graftql_document {
    PyObject_HEAD
    gql_document *doc;
    PyObject *source_str;  /* the source as a str, made on first use (node.c) */
    bool ascii;       /* the source is ASCII: byte offsets are code point offsets */
    bool surrogates;  /* the source str held surrogates, encoded "surrogatepass" */
} graftql_document;

extern PyType_Spec graftql_document_spec;

/* A new Document owning doc (freed with it, also on failure). */
PyObject *graftql_document_new(graftql_state *st, gql_document *doc, bool ascii,
                               bool surrogates);

/* The document's text printed by gql_print, as a str. */
PyObject *graftql_document_print(graftql_document *self);

/* Build the to_dict field tables into st; 0 on success, -1 with an exception. */
int graftql_fields_init(graftql_state *st);

/* graphql-core's ast_to_dict of node, a node of the document. */
PyObject *graftql_to_dict(graftql_state *st, graftql_document *self, const gql_node *node,
                          bool locations);

/*=== MARK: node.c ==========================================================*/

/* graftql.Node: a node of a document, read through graphql-core's attributes. */
typedef struct graftql_node {
    PyObject_HEAD
    graftql_document *document;  /* strong: owns the AST */
    const gql_node *node;        /* the node shown */
} graftql_node;

/* A new Node for node of document, or None for NULL. */
PyObject *graftql_node_new(graftql_state *st, graftql_document *document, const gql_node *node);

/* A tuple of Nodes for the items of list. */
PyObject *graftql_node_list(graftql_state *st, graftql_document *document,
                            const gql_list *list);

/* The document's source as a str (decoded once, then cached). */
PyObject *graftql_document_source_str(graftql_document *doc);

/* A byte offset of the document's source as a code point offset. */
size_t graftql_document_codepoint(graftql_document *doc, size_t offset);

int graftql_node_module_init(PyObject *module, graftql_state *st);
int graftql_node_module_traverse(graftql_state *st, visitproc visit, void *arg);
void graftql_node_module_clear(graftql_state *st);

/*=== MARK: errors.c ========================================================*/

/*
 * Raise the Python exception for a failed gql_parse: GraphQLSyntaxError for
 * syntax and limit errors (line and column from gql_locate, the position in
 * code points), MemoryError for GQL_ERR_NOMEM, ValueError for GQL_ERR_ARG.
 * source is the str that was parsed; utf8/length the bytes the core saw.
 * Always returns NULL.
 */
PyObject *graftql_raise_parse_error(graftql_state *st, const gql_error *err, PyObject *source,
                                    const char *utf8, size_t length, bool surrogates);

/* getattr(obj, name) that does not make an AttributeError when there is
 * none: 1 found (*result set), 0 not, -1 error. */
static inline int graftql_get_optional_attr(PyObject *obj, PyObject *name,
                                            PyObject **result) {
#if PY_VERSION_HEX >= 0x030D0000
    return PyObject_GetOptionalAttr(obj, name, result);
#else
    return _PyObject_LookupAttr(obj, name, result);
#endif
}

/* Append the text of a Python error to b as UTF-8 (lone surrogates kept):
 * its message attribute when use_message and it has one (a GraphQLError's),
 * else str(error). -1 with an exception when that fails. */
int graftql_error_text(graftql_state *st, PyObject *error, bool use_message,
                       struct gql_strbuf *b);

/* The exception being raised, normalized with its traceback (a new
 * reference; None if there is none), clearing it. Since 3.12 a raised
 * exception is always normalized, and PyErr_Fetch is deprecated. */
static inline PyObject *graftql_take_exception(void) {
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *value = PyErr_GetRaisedException();
#else
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb && value) PyException_SetTraceback(value, tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
#endif
    return value ? value : Py_NewRef(Py_None);
}

/* Decode UTF-8 from the core; "surrogatepass" when the source held
 * surrogates (graphql-core keeps them in values as they were). */
static inline PyObject *graftql_decode(const char *s, size_t len, bool surrogates) {
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, surrogates ? "surrogatepass" : NULL);
}

/*=== MARK: schema.c ========================================================*/

/*
 * What the Python side bound to one type of a schema (graftql.Schema's
 * resolvers, scalars, enums, type_resolvers and is_type_of), indexed by the
 * type's position in the type map (gql_schema_type_index). NULL everywhere
 * means "not bound": the executor applies graphql-core's default (the
 * default resolver; identity serialize and parse_value; parse_literal as
 * parse_value of the untyped literal; an enum value is its name; abstract
 * types resolve through is_type_of, then __typename).
 */
typedef struct graftql_type_binding {
    PyObject **resolvers;      /* object: one per field, by field index (NULL:
                                  the default resolver); NULL when none is set */
    PyObject *resolve_type;    /* interface, union: fn(value, info, type) -> name */
    PyObject *is_type_of;      /* object: fn(value, info) -> bool */
    PyObject *serialize;       /* scalar */
    PyObject *parse_value;     /* scalar */
    PyObject *parse_literal;   /* scalar */
    PyObject **enum_values;    /* enum: Python value per value index (NULL: the
                                  name); NULL when none is bound */
    PyObject *enum_lookup;     /* enum with bound values: {Python value: name},
                                  graphql-core's _value_lookup (made on freeze) */
} graftql_type_binding;

/* graftql._core.CoreSchema: owns a gql_schema and what was bound to it. */
typedef struct graftql_schema {
    PyObject_HEAD
    gql_schema *schema;
    graftql_type_binding *bindings;  /* one per type in the type map */
    size_t type_count;               /* entries in bindings */
    bool surrogates;    /* an SDL source held lone surrogates ("surrogatepass") */
    bool introspection; /* operations may use __schema and __type */
    bool frozen;        /* bindings are final (the executor may rely on them) */
} graftql_schema;

/* The binding of a type of the schema (NULL for a type outside the map). */
graftql_type_binding *graftql_schema_binding(graftql_schema *self,
                                             const gql_schema_type *type);

/* The resolver bound to field number field_index of an object type, or NULL
 * (borrowed). */
PyObject *graftql_field_resolver(graftql_schema *self, const gql_schema_type *type,
                                 size_t field_index);

/* A TypeView of a type of the schema (views.c). */
PyObject *graftql_type_view_new(graftql_schema *owner, const gql_schema_type *type);

/* Create the view types (views.c); add suggestion_list and did_you_mean
 * (suggest.c). 0 on success, -1 with an exception. */
int graftql_views_init(PyObject *module, graftql_state *st);
int graftql_suggest_init(PyObject *module);

/* Create the schema and view types, add them and the schema functions to
 * the module; 0 on success, -1 with an exception. */
int graftql_schema_module_init(PyObject *module, graftql_state *st);
int graftql_schema_module_traverse(graftql_state *st, visitproc visit, void *arg);
void graftql_schema_module_clear(graftql_state *st);

/*=== MARK: validation.c ====================================================*/

/* CoreSchema.validate(document, max_errors, suggestions, rules, owner). */
PyObject *graftql_schema_validate(graftql_schema *self, PyObject *const *args,
                                  Py_ssize_t nargs);
extern const char graftql_schema_validate_doc[];

/* Create graftql.ValidationContext and what validation needs from Python;
 * 0 on success, -1 with an exception. */
int graftql_validation_module_init(PyObject *module, graftql_state *st);
int graftql_validation_module_traverse(graftql_state *st, visitproc visit, void *arg);
void graftql_validation_module_clear(graftql_state *st);

/*=== MARK: execute.c =======================================================*/

/* CoreSchema.execute(document, schema, root_value, variables, operation_name,
 * context, async_mode) -> Execution. */
PyObject *graftql_schema_execute(graftql_schema *self, PyObject *const *args, Py_ssize_t nargs);
extern const char graftql_schema_execute_doc[];

int graftql_execute_module_init(PyObject *module, graftql_state *st);
int graftql_execute_module_traverse(graftql_state *st, visitproc visit, void *arg);
void graftql_execute_module_clear(graftql_state *st);

#endif /* GRAFTQL_PYEXT_H */
