/*
 * module.c: graftql._core, the CPython binding of libgraftql: module state
 * (multi-phase init, one heap type), parse() and print_ast().
 *
 * parse() takes a str. An ASCII str is handed to the core as it is (its
 * UTF-8 is its own buffer); any other str is encoded to a temporary UTF-8
 * bytes, with "surrogatepass" when it holds lone surrogates, so that the
 * core reports them as graphql-core does ("Invalid character: U+D800.").
 * Large sources are parsed without the GIL; the buffer the core reads is
 * owned by this call (a reference to the str, or the temporary bytes) until
 * it returns. The core copies the source into the document's arena, so a
 * Document never depends on the str it came from.
 */
#include "pyext.h"

#include <string.h>

/* Below this many bytes, releasing and re-taking the GIL costs more than it
 * lets other threads gain. */
#define PARSE_WITHOUT_GIL_BYTES (64 * 1024)

static inline graftql_state *module_state(PyObject *module) {
    return (graftql_state *)PyModule_GetState(module);
}

/*=== MARK: Arguments =======================================================*/

enum {
    ARG_SOURCE,
    ARG_MAX_TOKENS,
    ARG_MAX_DEPTH,
    ARG_MAX_SOURCE_LENGTH,
    ARG_NO_LOCATION,
    N_PARSE_ARGS
};

static const char *const parse_arg_names[N_PARSE_ARGS] = {
    "source", "max_tokens", "max_depth", "max_source_length", "no_location",
};

/* Index of a keyword argument name in parse_arg_names, or -1. */
static int parse_arg_index(PyObject *name) {
    for (int i = 0; i < N_PARSE_ARGS; i++)
        if (PyUnicode_CompareWithASCIIString(name, parse_arg_names[i]) == 0) return i;
    return -1;
}

/*
 * A count limit: None keeps *out (the core's default); otherwise an int
 * (not a bool) in [1, max]. Above max it is clamped when clamp is true
 * (the core cannot see more than 2**32 - 1 of anything anyway), else an error.
 */
static int limit_arg(PyObject *value, const char *name, uint32_t max, bool clamp,
                     uint32_t *out) {
    if (value == Py_None) return 0;
    if (PyBool_Check(value) || !PyIndex_Check(value)) {
        PyErr_Format(PyExc_TypeError, "parse() argument '%s' must be an int or None, got %s",
                     name, Py_TYPE(value)->tp_name);
        return -1;
    }
    PyObject *number = PyNumber_Index(value);
    if (!number) return -1;
    int overflow = 0;
    long long n = PyLong_AsLongLongAndOverflow(number, &overflow);
    if (n == -1 && PyErr_Occurred()) {
        Py_DECREF(number);
        return -1;
    }
    bool too_big = overflow > 0 || (overflow == 0 && n > (long long)max);
    if (overflow < 0 || (overflow == 0 && n < 1) || (too_big && !clamp)) {
        if (clamp)
            PyErr_Format(PyExc_ValueError, "%s must be a positive int, got %R.", name, number);
        else
            PyErr_Format(PyExc_ValueError, "%s must be between 1 and %u, got %R.", name,
                         (unsigned)max, number);
        Py_DECREF(number);
        return -1;
    }
    Py_DECREF(number);
    *out = too_big ? max : (uint32_t)n;
    return 0;
}

/*=== MARK: parse ===========================================================*/

PyDoc_STRVAR(parse_doc,
"parse(source, *, max_tokens=None, max_depth=None, max_source_length=None,\n"
"      no_location=False)\n"
"--\n"
"\n"
"Parse a GraphQL document (executable and type system definitions) into a\n"
"Document. None for a limit means the default (DEFAULT_MAX_TOKENS,\n"
"DEFAULT_MAX_DEPTH, DEFAULT_MAX_SOURCE_LENGTH); max_depth may be at most\n"
"MAX_DEPTH_CEILING. Raises GraphQLSyntaxError, as graphql-core does, for a\n"
"syntax error or an exceeded limit.");

static PyObject *graftql_parse(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames) {
    graftql_state *st = module_state(module);
    PyObject *values[N_PARSE_ARGS] = {NULL};
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "parse() takes 1 positional argument but %zd were given",
                     nargs);
        return NULL;
    }
    if (nargs == 1) values[ARG_SOURCE] = args[0];
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        int index = parse_arg_index(name);
        if (index < 0) {
            PyErr_Format(PyExc_TypeError, "parse() got an unexpected keyword argument %R", name);
            return NULL;
        }
        if (values[index]) {
            PyErr_Format(PyExc_TypeError, "parse() got multiple values for argument %R", name);
            return NULL;
        }
        values[index] = args[nargs + i];
    }

    PyObject *source = values[ARG_SOURCE];
    if (!source) {
        PyErr_SetString(PyExc_TypeError, "parse() missing required argument 'source'");
        return NULL;
    }
    if (!PyUnicode_Check(source)) {
        if (PyBytes_Check(source) || PyByteArray_Check(source))
            PyErr_Format(PyExc_TypeError,
                         "parse() expects the source as a str, got %s: decode it first, "
                         "e.g. source.decode('utf-8')",
                         Py_TYPE(source)->tp_name);
        else
            PyErr_Format(PyExc_TypeError, "parse() expects the source as a str, got %s",
                         Py_TYPE(source)->tp_name);
        return NULL;
    }

    gql_parse_options options;
    gql_parse_options_init(&options);
    if (values[ARG_MAX_TOKENS] &&
        limit_arg(values[ARG_MAX_TOKENS], "max_tokens", UINT32_MAX, true, &options.max_tokens) < 0)
        return NULL;
    if (values[ARG_MAX_DEPTH] &&
        limit_arg(values[ARG_MAX_DEPTH], "max_depth", GQL_MAX_DEPTH_CEILING, false,
                  &options.max_depth) < 0)
        return NULL;
    if (values[ARG_MAX_SOURCE_LENGTH] &&
        limit_arg(values[ARG_MAX_SOURCE_LENGTH], "max_source_length", UINT32_MAX, true,
                  &options.max_source_length) < 0)
        return NULL;
    if (values[ARG_NO_LOCATION]) {
        if (!PyBool_Check(values[ARG_NO_LOCATION])) {
            PyErr_Format(PyExc_TypeError, "parse() argument 'no_location' must be a bool, got %s",
                         Py_TYPE(values[ARG_NO_LOCATION])->tp_name);
            return NULL;
        }
        options.no_location = values[ARG_NO_LOCATION] == Py_True;
    }

    /* A source over max_source_length is rejected at code point number
       max_source_length: the core needs to see only one code point more to
       say so, and a huge str is then not encoded at all. */
    PyObject *text;
    if (options.max_source_length &&
        PyUnicode_GET_LENGTH(source) > (Py_ssize_t)options.max_source_length)
        text = PyUnicode_Substring(source, 0, (Py_ssize_t)options.max_source_length + 1);
    else
        text = Py_NewRef(source);
    if (!text) return NULL;

    PyObject *result = NULL;
    PyObject *encoded = NULL;
    const char *utf8;
    Py_ssize_t length;
    bool ascii = PyUnicode_IS_ASCII(text);
    bool surrogates = false;
    if (ascii) {
        utf8 = PyUnicode_AsUTF8AndSize(text, &length);
        if (!utf8) goto done;
    } else {
        encoded = PyUnicode_AsUTF8String(text);
        if (!encoded) {
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) goto done;
            PyErr_Clear();
            encoded = PyUnicode_AsEncodedString(text, "utf-8", "surrogatepass");
            if (!encoded) goto done;
            surrogates = true;
        }
        utf8 = PyBytes_AS_STRING(encoded);
        length = PyBytes_GET_SIZE(encoded);
    }

    gql_error err = {0};
    gql_document *doc;
    if (length >= PARSE_WITHOUT_GIL_BYTES) {
        Py_BEGIN_ALLOW_THREADS
        doc = gql_parse(utf8, (size_t)length, &options, &err);
        Py_END_ALLOW_THREADS
    } else {
        doc = gql_parse(utf8, (size_t)length, &options, &err);
    }
    if (doc)
        result = graftql_document_new(st, doc, ascii, surrogates);
    else
        graftql_raise_parse_error(st, &err, source, utf8, (size_t)length, surrogates);
    gql_error_clear(&err);

done:
    Py_XDECREF(encoded);
    Py_DECREF(text);
    return result;
}

/*=== MARK: print_ast =======================================================*/

PyDoc_STRVAR(print_ast_doc,
"print_ast(document, /)\n"
"--\n"
"\n"
"The document (or a Node of one) printed as GraphQL source, exactly as\n"
"graphql-core's print_ast.");

static PyObject *graftql_print_ast(PyObject *module, PyObject *node) {
    graftql_state *st = module_state(module);
    if (Py_IS_TYPE(node, st->node_type)) {
        graftql_node *n = (graftql_node *)node;
        size_t len = 0;
        char *text = gql_print(n->node, &len);
        if (!text) return PyErr_NoMemory();
        PyObject *result = graftql_decode(text, len, n->document->surrogates);
        gql_free(text);
        return result;
    }
    if (!Py_IS_TYPE(node, st->document_type)) {
        PyErr_Format(PyExc_TypeError,
                     "print_ast() expects a graftql.Document or a graftql.Node, got %s",
                     Py_TYPE(node)->tp_name);
        return NULL;
    }
    return graftql_document_print((graftql_document *)node);
}

/*=== MARK: Module ==========================================================*/

static PyMethodDef module_methods[] = {
    {"parse", (PyCFunction)(void (*)(void))graftql_parse, METH_FASTCALL | METH_KEYWORDS,
     parse_doc},
    {"print_ast", graftql_print_ast, METH_O, print_ast_doc},
    {NULL, NULL, 0, NULL},
};

static int intern(PyObject **slot, const char *s) {
    *slot = PyUnicode_InternFromString(s);
    return *slot ? 0 : -1;
}

static int module_exec(PyObject *module) {
    graftql_state *st = module_state(module);

    if (intern(&st->str_kind, "kind") < 0 || intern(&st->str_loc, "loc") < 0 ||
        intern(&st->str_start, "start") < 0 || intern(&st->str_end, "end") < 0)
        return -1;
    for (int k = 0; k < GQL_KIND_COUNT; k++)
        if (intern(&st->kind_names[k], gql_kind_name((gql_kind)k)) < 0) return -1;
    for (int op = GQL_QUERY; op <= GQL_SUBSCRIPTION; op++)
        if (intern(&st->operation_names[op], gql_operation_name((gql_operation)op)) < 0)
            return -1;
    if (graftql_fields_init(st) < 0) return -1;

    st->document_type =
        (PyTypeObject *)PyType_FromModuleAndSpec(module, &graftql_document_spec, NULL);
    if (!st->document_type || PyModule_AddType(module, st->document_type) < 0) return -1;
    if (graftql_schema_module_init(module, st) < 0) return -1;
    if (graftql_node_module_init(module, st) < 0) return -1;
    if (graftql_validation_module_init(module, st) < 0) return -1;
    if (graftql_execute_module_init(module, st) < 0) return -1;

    if (PyModule_AddIntConstant(module, "DEFAULT_MAX_TOKENS", GQL_DEFAULT_MAX_TOKENS) < 0 ||
        PyModule_AddIntConstant(module, "DEFAULT_MAX_DEPTH", GQL_DEFAULT_MAX_DEPTH) < 0 ||
        PyModule_AddIntConstant(module, "DEFAULT_MAX_SOURCE_LENGTH",
                                GQL_DEFAULT_MAX_SOURCE_LENGTH) < 0 ||
        PyModule_AddIntConstant(module, "MAX_DEPTH_CEILING", GQL_MAX_DEPTH_CEILING) < 0 ||
        PyModule_AddStringConstant(module, "__version__", GQL_VERSION_STRING) < 0)
        return -1;
    /* The node kinds, in graphql-core's names (Node.kind). */
    PyObject *kinds = PyTuple_New(GQL_KIND_COUNT);
    if (!kinds) return -1;
    for (int k = 0; k < GQL_KIND_COUNT; k++)
        PyTuple_SET_ITEM(kinds, k, Py_NewRef(st->kind_names[k]));
    int added = PyModule_AddObjectRef(module, "NODE_KINDS", kinds);
    Py_DECREF(kinds);
    if (added < 0) return -1;

    /* The exception classes are Python (graftql/error.py); it imports
       nothing from here, so there is no cycle. */
    PyObject *errors = PyImport_ImportModule("graftql.error");
    if (!errors) return -1;
    st->syntax_error_factory = PyObject_GetAttrString(errors, "_syntax_error_from_core");
    Py_DECREF(errors);
    if (!st->syntax_error_factory) return -1;
    return 0;
}

static int module_traverse(PyObject *module, visitproc visit, void *arg) {
    graftql_state *st = module_state(module);
    Py_VISIT(st->document_type);
    Py_VISIT(st->syntax_error_factory);
    int rc = graftql_node_module_traverse(st, visit, arg);
    if (!rc) rc = graftql_validation_module_traverse(st, visit, arg);
    if (!rc) rc = graftql_execute_module_traverse(st, visit, arg);
    return rc ? rc : graftql_schema_module_traverse(st, visit, arg);
}

static int module_clear(PyObject *module) {
    graftql_state *st = module_state(module);
    Py_CLEAR(st->document_type);
    Py_CLEAR(st->syntax_error_factory);
    graftql_schema_module_clear(st);
    graftql_node_module_clear(st);
    graftql_validation_module_clear(st);
    graftql_execute_module_clear(st);
    Py_CLEAR(st->str_kind);
    Py_CLEAR(st->str_loc);
    Py_CLEAR(st->str_start);
    Py_CLEAR(st->str_end);
    for (int k = 0; k < GQL_KIND_COUNT; k++) Py_CLEAR(st->kind_names[k]);
    for (int op = 0; op < 3; op++) Py_CLEAR(st->operation_names[op]);
    for (size_t i = 0; i < st->key_count; i++) Py_CLEAR(st->keys[i]);
    st->key_count = 0;
    memset(st->field_count, 0, sizeof st->field_count);
    return 0;
}

static void module_free(void *module) { module_clear((PyObject *)module); }

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, (void *)module_exec},
#if PY_VERSION_HEX >= 0x030C0000
    /* All state is per module; the core's tables are constant and the
       binding never changes its allocator, so interpreters with a GIL each
       may use it at once. */
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "graftql._core",
    .m_doc = "The C core of graftql: parse, print_ast and Document.",
    .m_size = sizeof(graftql_state),
    .m_methods = module_methods,
    .m_slots = module_slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC PyInit__core(void);

PyMODINIT_FUNC PyInit__core(void) { return PyModuleDef_Init(&module_def); }
