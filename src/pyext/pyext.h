/*
 * pyext.h: what the three files of the CPython binding share (module.c,
 * document.c, errors.c): the module state and the functions one file calls
 * in another. Private to src/pyext; the core never sees Python.h.
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

typedef struct graftql_state {
    PyTypeObject *document_type;      /* graftql._core.Document */
    PyObject *syntax_error_factory;   /* graftql.error._syntax_error_from_core */

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

/* Decode UTF-8 from the core; "surrogatepass" when the source held
 * surrogates (graphql-core keeps them in values as they were). */
static inline PyObject *graftql_decode(const char *s, size_t len, bool surrogates) {
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, surrogates ? "surrogatepass" : NULL);
}

#endif /* GRAFTQL_PYEXT_H */
