/*
 * suggest.c: graftql._core.suggestion_list and did_you_mean, the core's
 * graphql-core suggestion algorithm (src/core/utilities/suggestion.c) for
 * the Python layer's messages, so that "Did you mean ...?" is computed one
 * way everywhere. The core compares bytes: for GraphQL names (ASCII) that
 * is graphql-core's code point comparison.
 */
#include "pyext.h"

#include <stdalign.h>
#include <stdlib.h>

#include "utilities/suggestion.h"

/* The strs of a sequence as gql_syms, laid out one after another in one
 * block in sequence order (so a sym's address gives its index back). */
typedef struct sym_block {
    PyObject *seq;          /* PySequence_Fast of the strs */
    char *block;            /* the syms */
    const gql_sym **syms;   /* one per str, ascending addresses */
    size_t count;
} sym_block;

static void sym_block_free(sym_block *b) {
    Py_XDECREF(b->seq);
    PyMem_Free(b->block);
    PyMem_Free(b->syms);
}

static size_t sym_size(size_t len) {
    size_t size = sizeof(gql_sym) + len + 1;
    size_t align = alignof(gql_sym);
    return (size + align - 1) / align * align;
}

static int sym_block_init(sym_block *b, PyObject *strs, const char *what) {
    *b = (sym_block){0};
    b->seq = PySequence_Fast(strs, what);
    if (!b->seq) return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(b->seq);
    size_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PySequence_Fast_GET_ITEM(b->seq, i);
        if (!PyUnicode_Check(s)) {
            PyErr_Format(PyExc_TypeError, "%s, got an item of type %s", what,
                         Py_TYPE(s)->tp_name);
            return -1;
        }
        Py_ssize_t len;
        if (!PyUnicode_AsUTF8AndSize(s, &len)) return -1;
        if ((size_t)len > UINT32_MAX) {
            PyErr_SetString(PyExc_ValueError, "a name is too long");
            return -1;
        }
        total += sym_size((size_t)len);
    }
    b->block = PyMem_Malloc(total ? total : 1);
    b->syms = PyMem_Malloc((n ? (size_t)n : 1) * sizeof *b->syms);
    if (!b->block || !b->syms) {
        PyErr_NoMemory();
        return -1;
    }
    char *at = b->block;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(PySequence_Fast_GET_ITEM(b->seq, i), &len);
        gql_sym *sym = (gql_sym *)(void *)at;
        sym->hash = 0;  /* unused by the suggestion functions */
        sym->len = (uint32_t)len;
        memcpy(sym->str, utf8, (size_t)len);
        sym->str[len] = '\0';
        b->syms[i] = sym;
        at += sym_size((size_t)len);
    }
    b->count = (size_t)n;
    return 0;
}

/* The index of a sym of the block (syms are in ascending address order). */
static size_t sym_index(const sym_block *b, const gql_sym *sym) {
    size_t lo = 0, hi = b->count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if ((const char *)b->syms[mid] <= (const char *)sym)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

PyDoc_STRVAR(suggestion_list_doc,
"suggestion_list(input, options, /)\n"
"--\n"
"\n"
"graphql-core's suggestion_list: the options similar to input (lexical\n"
"distance at most 40% of its length plus one), closest first, then in\n"
"natural order; duplicates dropped.");

static PyObject *suggestion_list(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "suggestion_list(input: str, options: Sequence[str])");
        return NULL;
    }
    Py_ssize_t input_len;
    const char *input = PyUnicode_AsUTF8AndSize(args[0], &input_len);
    if (!input) return NULL;
    sym_block b;
    PyObject *result = NULL;
    if (sym_block_init(&b, args[1], "suggestion_list() options must be a sequence of str") < 0)
        goto done;
    size_t count = 0;
    const gql_sym **found =
        gql_suggestion_list(input, (size_t)input_len, b.syms, b.count, &count);
    if (!found && count == SIZE_MAX) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; result && i < count; i++) {
        PyObject *s = PySequence_Fast_GET_ITEM(b.seq, (Py_ssize_t)sym_index(&b, found[i]));
        PyList_SET_ITEM(result, (Py_ssize_t)i, Py_NewRef(s));
    }
    gql_free(found);
done:
    sym_block_free(&b);
    return result;
}

PyDoc_STRVAR(did_you_mean_doc,
"did_you_mean(suggestions, sub_message=None, /)\n"
"--\n"
"\n"
"graphql-core's did_you_mean: '' without suggestions, else\n"
"\" Did you mean 'A', 'B', or 'C'?\" (at most five; sub_message goes after\n"
"'mean').");

static PyObject *did_you_mean(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 2 || (nargs == 2 && args[1] != Py_None && !PyUnicode_Check(args[1]))) {
        PyErr_SetString(PyExc_TypeError,
                        "did_you_mean(suggestions: Sequence[str], sub_message: str | None = None)");
        return NULL;
    }
    const char *sub = NULL;
    if (nargs == 2 && args[1] != Py_None && !(sub = PyUnicode_AsUTF8(args[1]))) return NULL;
    sym_block b;
    PyObject *result = NULL;
    if (sym_block_init(&b, args[0], "did_you_mean() suggestions must be a sequence of str") < 0)
        goto done;
    gql_strbuf text = GQL_STRBUF_INIT;
    gql_did_you_mean(&text, b.syms, b.count, sub);
    if (text.nomem)
        PyErr_NoMemory();
    else
        result = PyUnicode_DecodeUTF8(gql_strbuf_cstr(&text), (Py_ssize_t)text.len, NULL);
    gql_strbuf_free(&text);
done:
    sym_block_free(&b);
    return result;
}

static PyMethodDef suggest_functions[] = {
    {"suggestion_list", (PyCFunction)(void (*)(void))suggestion_list, METH_FASTCALL,
     suggestion_list_doc},
    {"did_you_mean", (PyCFunction)(void (*)(void))did_you_mean, METH_FASTCALL,
     did_you_mean_doc},
    {NULL, NULL, 0, NULL},
};

int graftql_suggest_init(PyObject *module) {
    return PyModule_AddFunctions(module, suggest_functions);
}
