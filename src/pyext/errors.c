/*
 * errors.c: turns a failed gql_parse into the Python exception graphql-core
 * would raise. Syntax and limit errors become graftql.GraphQLSyntaxError,
 * built by graftql.error._syntax_error_from_core from the source str, the
 * position in code points and the line and column gql_locate computed, so
 * Python never scans the source again. Out of memory is MemoryError.
 * Also the text of a Python error, for the core's messages.
 */
#include "pyext.h"

#include <string.h>

#include "strbuf.h"

static const char syntax_error_prefix[] = "Syntax Error: ";

/* The core's message as a str. A message quotes source text (an invalid
 * escape, a character), so it is decoded like the source was; should it
 * ever hold bytes that do not decode, show them rather than fail. */
static PyObject *decode_message(const char *s, size_t len, bool surrogates) {
    PyObject *text = graftql_decode(s, len, surrogates);
    if (text || !PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) return text;
    PyErr_Clear();
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "backslashreplace");
}

static PyObject *raise_syntax_error(graftql_state *st, const gql_error *err, PyObject *source,
                                    const char *utf8, size_t length, bool surrogates) {
    size_t offset = err->offset < length ? err->offset : length;
    size_t position = gql_codepoint_offset(utf8, length, offset);
    gql_location loc = gql_locate(utf8, length, offset);

    /* The core's syntax messages are complete ("Syntax Error: ..."); the
       exception takes the description after the prefix, as graphql-core's
       GraphQLSyntaxError(source, position, description) does. */
    const char *text = err->message ? err->message : "";
    size_t text_len = err->message ? err->message_len : 0;
    size_t prefix_len = sizeof syntax_error_prefix - 1;
    if (text_len >= prefix_len && memcmp(text, syntax_error_prefix, prefix_len) == 0) {
        text += prefix_len;
        text_len -= prefix_len;
    }
    PyObject *description = decode_message(text, text_len, surrogates);
    if (!description) return NULL;

    PyObject *exc = PyObject_CallFunction(st->syntax_error_factory, "OnIIO", source,
                                          (Py_ssize_t)position, (unsigned)loc.line,
                                          (unsigned)loc.column, description);
    Py_DECREF(description);
    if (!exc) return NULL;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return NULL;
}

PyObject *graftql_raise_parse_error(graftql_state *st, const gql_error *err, PyObject *source,
                                    const char *utf8, size_t length, bool surrogates) {
    switch (err->code) {
    case GQL_ERR_SYNTAX:
    case GQL_ERR_LIMIT:
        return raise_syntax_error(st, err, source, utf8, length, surrogates);
    case GQL_ERR_NOMEM:
        return PyErr_NoMemory();
    case GQL_ERR_ARG: {
        /* The binding checks every option first, so this is a bug on our
           side; still report the core's words. */
        PyObject *message = decode_message(err->message ? err->message : "",
                                           err->message ? err->message_len : 0, false);
        if (message) {
            PyErr_SetObject(PyExc_ValueError, message);
            Py_DECREF(message);
        }
        return NULL;
    }
    default: /* GQL_OK or a status gql_parse does not return */
        PyErr_Format(PyExc_SystemError, "gql_parse failed with unexpected status %d",
                     (int)err->code);
        return NULL;
    }
}

int graftql_error_text(graftql_state *st, PyObject *error, bool use_message, gql_strbuf *b) {
    PyObject *text = NULL;
    if (use_message) {
        PyObject *message = NULL;
        int found = graftql_get_optional_attr(error, st->exec.str_message, &message);
        if (found < 0) return -1;
        if (found) {
            text = PyObject_Str(message);
            Py_DECREF(message);
            if (!text) return -1;
        }
    }
    if (!text && !(text = PyObject_Str(error))) return -1;
    PyObject *bytes = PyUnicode_AsEncodedString(text, "utf-8", "surrogatepass");
    Py_DECREF(text);
    if (!bytes) return -1;
    gql_strbuf_append(b, PyBytes_AS_STRING(bytes), (size_t)PyBytes_GET_SIZE(bytes));
    Py_DECREF(bytes);
    if (!b->nomem) return 0;
    PyErr_NoMemory();
    return -1;
}
