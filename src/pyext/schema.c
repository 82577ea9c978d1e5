/*
 * schema.c: graftql._core.CoreSchema, the handle graftql.Schema (schema.py)
 * wraps: it owns a gql_schema and the Python objects bound to its types.
 *
 * build_schema(documents) runs gql_schema_build over parsed Documents and
 * returns the schema (or None) with every error as (message, locations),
 * each location (document index, position in code points, line, column),
 * for graftql.schema to turn into GraphQLErrors.
 *
 * Bindings. What the user gives graftql.Schema (resolvers, scalar
 * functions, enum values, type resolvers, is_type_of) is stored here, in C
 * tables the executor indexes without a dict lookup: one
 * graftql_type_binding per type, at the type's position in the type map,
 * and within it one slot per field, at the field's index (pyext.h). The
 * Python layer checks names and reports mistakes; the _set_* methods only
 * store, and refuse once _freeze() has made the bindings final.
 */
#include "pyext.h"

#include <string.h>

#include "type/schema.h"

/*=== MARK: Bindings ========================================================*/

graftql_type_binding *graftql_schema_binding(graftql_schema *self,
                                             const gql_schema_type *type) {
    size_t i = gql_schema_type_index(type);
    return i < self->type_count ? &self->bindings[i] : NULL;
}

PyObject *graftql_field_resolver(graftql_schema *self, const gql_schema_type *type,
                                 size_t field_index) {
    graftql_type_binding *b = graftql_schema_binding(self, type);
    if (!b || !b->resolvers || field_index >= gql_schema_type_field_count(type)) return NULL;
    return b->resolvers[field_index];
}

static void binding_clear(graftql_type_binding *b, const gql_schema_type *type) {
    if (b->resolvers) {
        for (size_t i = 0; i < gql_schema_type_field_count(type); i++) Py_CLEAR(b->resolvers[i]);
        PyMem_Free(b->resolvers);
        b->resolvers = NULL;
    }
    if (b->enum_values) {
        for (size_t i = 0; i < gql_schema_type_enum_value_count(type); i++)
            Py_CLEAR(b->enum_values[i]);
        PyMem_Free(b->enum_values);
        b->enum_values = NULL;
    }
    Py_CLEAR(b->resolve_type);
    Py_CLEAR(b->is_type_of);
    Py_CLEAR(b->serialize);
    Py_CLEAR(b->parse_value);
    Py_CLEAR(b->parse_literal);
    Py_CLEAR(b->enum_lookup);
}

static int binding_traverse(graftql_type_binding *b, const gql_schema_type *type,
                            visitproc visit, void *arg) {
    if (b->resolvers)
        for (size_t i = 0; i < gql_schema_type_field_count(type); i++) Py_VISIT(b->resolvers[i]);
    if (b->enum_values)
        for (size_t i = 0; i < gql_schema_type_enum_value_count(type); i++)
            Py_VISIT(b->enum_values[i]);
    Py_VISIT(b->resolve_type);
    Py_VISIT(b->is_type_of);
    Py_VISIT(b->serialize);
    Py_VISIT(b->parse_value);
    Py_VISIT(b->parse_literal);
    Py_VISIT(b->enum_lookup);
    return 0;
}

/*=== MARK: CoreSchema ======================================================*/

static int schema_traverse(graftql_schema *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    for (size_t i = 0; i < self->type_count; i++) {
        int rc = binding_traverse(&self->bindings[i], gql_schema_type_at(self->schema, i), visit,
                                  arg);
        if (rc) return rc;
    }
    return 0;
}

static int schema_clear(graftql_schema *self) {
    for (size_t i = 0; i < self->type_count; i++)
        binding_clear(&self->bindings[i], gql_schema_type_at(self->schema, i));
    return 0;
}

static void schema_dealloc(graftql_schema *self) {
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    schema_clear(self);
    PyMem_Free(self->bindings);
    gql_schema_free(self->schema);
    PyObject_GC_Del(self);
    Py_DECREF(type);
}

/* A new CoreSchema owning schema (freed with it, also on failure). */
static PyObject *schema_new(graftql_state *st, gql_schema *schema, bool surrogates,
                            bool introspection) {
    size_t count = gql_schema_type_count(schema);
    graftql_type_binding *bindings = PyMem_Calloc(count ? count : 1, sizeof *bindings);
    graftql_schema *self = bindings ? PyObject_GC_New(graftql_schema, st->schema_type) : NULL;
    if (!self) {
        PyMem_Free(bindings);
        gql_schema_free(schema);
        return bindings ? NULL : PyErr_NoMemory();
    }
    self->schema = schema;
    self->bindings = bindings;
    self->type_count = count;
    self->surrogates = surrogates;
    self->introspection = introspection;
    self->frozen = false;
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static PyObject *type_name_str(const gql_schema_type *type) {
    return PyUnicode_DecodeUTF8(gql_schema_type_name(type),
                                (Py_ssize_t)gql_schema_type_name_length(type), NULL);
}

/* The type named by a str, or NULL (no exception) when there is none. */
static const gql_schema_type *lookup_type(graftql_schema *self, PyObject *name, int *error) {
    *error = 0;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "a type name must be a str, got %s",
                     Py_TYPE(name)->tp_name);
        *error = 1;
        return NULL;
    }
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(name, &len);
    if (!utf8) {
        /* A str that is not UTF-8 (lone surrogates) names nothing here. */
        PyErr_Clear();
        return NULL;
    }
    return gql_schema_get_type(self->schema, utf8, (size_t)len);
}

static PyObject *schema_get_type(graftql_schema *self, PyObject *name) {
    int error;
    const gql_schema_type *type = lookup_type(self, name, &error);
    if (error) return NULL;
    if (!type) Py_RETURN_NONE;
    return graftql_type_view_new(self, type);
}

static PyObject *schema_get_type_names(graftql_schema *self, void *closure) {
    size_t count = gql_schema_type_count(self->schema);
    PyObject *names = PyTuple_New((Py_ssize_t)count);
    if (!names) return NULL;
    for (size_t i = 0; i < count; i++) {
        PyObject *s = type_name_str(gql_schema_type_at(self->schema, i));
        if (!s) {
            Py_DECREF(names);
            return NULL;
        }
        PyTuple_SET_ITEM(names, (Py_ssize_t)i, s);
    }
    return names;
}

static PyObject *root_name(graftql_schema *self, gql_operation op) {
    const gql_schema_type *type = gql_schema_root_type(self->schema, op);
    if (!type) Py_RETURN_NONE;
    return type_name_str(type);
}

static PyObject *schema_get_query_type(graftql_schema *self, void *closure) {
    return root_name(self, GQL_QUERY);
}

static PyObject *schema_get_mutation_type(graftql_schema *self, void *closure) {
    return root_name(self, GQL_MUTATION);
}

static PyObject *schema_get_subscription_type(graftql_schema *self, void *closure) {
    return root_name(self, GQL_SUBSCRIPTION);
}

static PyObject *schema_get_is_valid(graftql_schema *self, void *closure) {
    return PyBool_FromLong(gql_schema_is_valid(self->schema));
}

static PyObject *schema_get_introspection(graftql_schema *self, void *closure) {
    return PyBool_FromLong(self->introspection);
}

static PyObject *schema_get_frozen(graftql_schema *self, void *closure) {
    return PyBool_FromLong(self->frozen);
}

static PyObject *schema_get_description(graftql_schema *self, void *closure) {
    const gql_text *text = gql_schema_description(self->schema);
    if (!text) Py_RETURN_NONE;
    return graftql_decode(text->ptr, text->len, self->surrogates);
}

static PyObject *schema_get_directive_names(graftql_schema *self, void *closure) {
    size_t count = gql_schema_directive_count(self->schema);
    PyObject *names = PyTuple_New((Py_ssize_t)count);
    if (!names) return NULL;
    for (size_t i = 0; i < count; i++) {
        PyObject *s = PyUnicode_FromString(
            gql_schema_directive_name(gql_schema_directive_at(self->schema, i)));
        if (!s) {
            Py_DECREF(names);
            return NULL;
        }
        PyTuple_SET_ITEM(names, (Py_ssize_t)i, s);
    }
    return names;
}

/*=== MARK: Printing ========================================================*/

/* Large schemas print without the GIL: the schema is immutable once built
 * and the caller holds a reference to self throughout. */
#define PRINT_WITHOUT_GIL_TYPES 256

typedef char *(*print_fn)(const gql_schema *schema, size_t *length);

static PyObject *print_with(graftql_schema *self, print_fn print) {
    size_t len = 0;
    char *text;
    if (self->type_count >= PRINT_WITHOUT_GIL_TYPES) {
        Py_BEGIN_ALLOW_THREADS
        text = print(self->schema, &len);
        Py_END_ALLOW_THREADS
    } else {
        text = print(self->schema, &len);
    }
    if (!text) return PyErr_NoMemory();
    PyObject *result = graftql_decode(text, len, self->surrogates);
    gql_free(text);
    return result;
}

static PyObject *schema_print_schema(graftql_schema *self, PyObject *unused) {
    return print_with(self, gql_print_schema);
}

static PyObject *schema_print_introspection_schema(graftql_schema *self, PyObject *unused) {
    return print_with(self, gql_print_introspection_schema);
}

/*=== MARK: Introspection ===================================================*/

static PyObject *decode_message(const char *s, size_t len, bool surrogates);

/* json.loads, imported once (borrowed). */
static PyObject *json_loads(graftql_state *st) {
    if (!st->json_loads) {
        PyObject *json = PyImport_ImportModule("json");
        if (!json) return NULL;
        st->json_loads = PyObject_GetAttrString(json, "loads");
        Py_DECREF(json);
    }
    return st->json_loads;
}

/* Raise the first error of errors, located in doc (whose text is source),
 * as graphql-core's introspection_from_schema raises result.errors[0]. */
static PyObject *raise_first_error(graftql_state *st, const gql_error_list *errors,
                                   const gql_document *doc, PyObject *source, bool surrogates) {
    const gql_diagnostic *d = &errors->items[0];
    size_t len = 0;
    const char *src = gql_document_source(doc, &len);
    PyObject *locations = PyList_New((Py_ssize_t)d->location_count);
    if (!locations) return NULL;
    for (uint32_t k = 0; k < d->location_count; k++) {
        size_t offset = d->locations[k].offset < len ? d->locations[k].offset : len;
        gql_location loc = gql_locate(src, len, offset);
        PyObject *item = Py_BuildValue("(nII)", (Py_ssize_t)gql_codepoint_offset(src, len, offset),
                                       (unsigned)loc.line, (unsigned)loc.column);
        if (!item) {
            Py_DECREF(locations);
            return NULL;
        }
        PyList_SET_ITEM(locations, (Py_ssize_t)k, item);
    }
    PyObject *message = decode_message(d->message, d->message_len, surrogates);
    PyObject *exc = message ? PyObject_CallFunctionObjArgs(st->error_factory, message, source,
                                                           locations, NULL)
                            : NULL;
    Py_XDECREF(message);
    Py_DECREF(locations);
    if (exc) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    return NULL;
}

/* Run an introspection operation of the parsed query (a Document) and
 * return its data as Python objects (json.loads of the core's JSON). */
static PyObject *run_introspection(graftql_schema *self, PyObject *document,
                                   const char *operation_name) {
    graftql_state *st = PyType_GetModuleState(Py_TYPE(self));
    if (!st) return NULL;
    if (!Py_IS_TYPE(document, st->document_type)) {
        PyErr_Format(PyExc_TypeError, "expected a Document, got %s", Py_TYPE(document)->tp_name);
        return NULL;
    }
    const gql_document *doc = ((graftql_document *)document)->doc;
    bool surrogates = self->surrogates || ((graftql_document *)document)->surrogates;
    char *json = NULL;
    size_t json_len = 0;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status status =
        gql_introspection_execute(self->schema, doc, operation_name, &json, &json_len, &errors);
    PyObject *result = NULL;
    if (status == GQL_ERR_NOMEM || errors.status == GQL_ERR_NOMEM) {
        PyErr_NoMemory();
    } else if (errors.count) {
        PyObject *source = PyObject_GetAttrString(document, "source");
        if (source) {
            raise_first_error(st, &errors, doc, source, surrogates);
            Py_DECREF(source);
        }
    } else if (status != GQL_OK || !json) {
        PyErr_Format(PyExc_SystemError, "gql_introspection_execute failed with status %d",
                     (int)status);
    } else {
        PyObject *loads = json_loads(st);
        PyObject *text = loads ? graftql_decode(json, json_len, surrogates) : NULL;
        if (text) result = PyObject_CallOneArg(loads, text);
        Py_XDECREF(text);
    }
    gql_free(json);
    gql_error_list_clear(&errors);
    return result;
}

/* parse(text) of the module that defines the schema type. */
static PyObject *parse_text(graftql_schema *self, PyObject *text) {
    PyObject *module = PyType_GetModule(Py_TYPE(self));
    if (!module) return NULL;
    return PyObject_CallMethod(module, "parse", "O", text);
}

static PyObject *schema_introspect(graftql_schema *self, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"descriptions",           "specified_by_url",
                             "directive_is_repeatable", "schema_description",
                             "input_value_deprecation", "input_object_one_of",
                             "experimental_directive_deprecation", NULL};
    int flags[7] = {1, 1, 1, 1, 1, 1, 1};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$ppppppp:introspect", kwlist, &flags[0],
                                     &flags[1], &flags[2], &flags[3], &flags[4], &flags[5],
                                     &flags[6]))
        return NULL;
    gql_introspection_options options;
    gql_introspection_options_init(&options);
    options.descriptions = flags[0];
    options.specified_by_url = flags[1];
    options.directive_is_repeatable = flags[2];
    options.schema_description = flags[3];
    options.input_value_deprecation = flags[4];
    options.input_object_one_of = flags[5];
    options.directive_deprecation = flags[6];
    size_t len = 0;
    char *query = gql_introspection_query(&options, &len);
    if (!query) return PyErr_NoMemory();
    PyObject *text = PyUnicode_DecodeUTF8(query, (Py_ssize_t)len, NULL);
    gql_free(query);
    PyObject *document = text ? parse_text(self, text) : NULL;
    Py_XDECREF(text);
    if (!document) return NULL;
    PyObject *result = run_introspection(self, document, NULL);
    Py_DECREF(document);
    return result;
}

/*=== MARK: Binding setters =================================================*/

/* The type the binding is for, checked: it exists and is of a kind in
 * kind_mask; the bindings are not frozen. NULL with an exception. */
static const gql_schema_type *binding_target(graftql_schema *self, PyObject *name,
                                             unsigned kind_mask, const char *what) {
    if (self->frozen) {
        PyErr_SetString(PyExc_RuntimeError, "the schema's bindings are frozen");
        return NULL;
    }
    int error;
    const gql_schema_type *type = lookup_type(self, name, &error);
    if (error) return NULL;
    if (!type) {
        PyErr_Format(PyExc_KeyError, "no type %R in the schema", name);
        return NULL;
    }
    if (!(kind_mask & (1u << gql_schema_type_kind(type)))) {
        PyErr_Format(PyExc_TypeError, "%s cannot be bound to %s type %R", what,
                     gql_type_kind_name(gql_schema_type_kind(type)), name);
        return NULL;
    }
    return type;
}

/* Replace *slot with fn (None clears it); fn must be callable. */
static int store_callable(PyObject **slot, PyObject *fn, const char *what) {
    if (fn != Py_None && !PyCallable_Check(fn)) {
        PyErr_Format(PyExc_TypeError, "%s must be callable or None, got %s", what,
                     Py_TYPE(fn)->tp_name);
        return -1;
    }
    PyObject *old = *slot;
    *slot = fn == Py_None ? NULL : Py_NewRef(fn);
    Py_XDECREF(old);
    return 0;
}

#define KIND_BIT(k) (1u << (k))

static PyObject *schema_set_resolver(graftql_schema *self, PyObject *const *args,
                                     Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "_set_resolver(type_name, field_name, fn)");
        return NULL;
    }
    const gql_schema_type *type =
        binding_target(self, args[0], KIND_BIT(GQL_TYPE_OBJECT), "a resolver");
    if (!type) return NULL;
    if (!PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "a field name must be a str");
        return NULL;
    }
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(args[1], &len);
    const gql_schema_field *field =
        utf8 ? gql_schema_type_get_field(self->schema, type, utf8, (size_t)len) : NULL;
    if (!field) {
        PyErr_Clear();
        PyErr_Format(PyExc_KeyError, "type %R has no field %R", args[0], args[1]);
        return NULL;
    }
    graftql_type_binding *b = graftql_schema_binding(self, type);
    size_t count = gql_schema_type_field_count(type);
    if (!b->resolvers) {
        b->resolvers = PyMem_Calloc(count, sizeof *b->resolvers);
        if (!b->resolvers) return PyErr_NoMemory();
    }
    size_t index = (size_t)(field - type->fields);
    if (store_callable(&b->resolvers[index], args[2], "a resolver") < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *schema_set_type_resolver(graftql_schema *self, PyObject *const *args,
                                          Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "_set_type_resolver(type_name, fn)");
        return NULL;
    }
    const gql_schema_type *type = binding_target(
        self, args[0], KIND_BIT(GQL_TYPE_INTERFACE) | KIND_BIT(GQL_TYPE_UNION), "a type resolver");
    if (!type) return NULL;
    graftql_type_binding *b = graftql_schema_binding(self, type);
    if (store_callable(&b->resolve_type, args[1], "a type resolver") < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *schema_set_is_type_of(graftql_schema *self, PyObject *const *args,
                                       Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "_set_is_type_of(type_name, fn)");
        return NULL;
    }
    const gql_schema_type *type =
        binding_target(self, args[0], KIND_BIT(GQL_TYPE_OBJECT), "is_type_of");
    if (!type) return NULL;
    graftql_type_binding *b = graftql_schema_binding(self, type);
    if (store_callable(&b->is_type_of, args[1], "is_type_of") < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *schema_set_scalar(graftql_schema *self, PyObject *const *args,
                                   Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError,
                        "_set_scalar(type_name, serialize, parse_value, parse_literal)");
        return NULL;
    }
    const gql_schema_type *type =
        binding_target(self, args[0], KIND_BIT(GQL_TYPE_SCALAR), "scalar functions");
    if (!type) return NULL;
    if (gql_schema_type_is_builtin(type)) {
        PyErr_Format(PyExc_TypeError, "the built-in scalar %R cannot be replaced", args[0]);
        return NULL;
    }
    for (int i = 1; i < 4; i++)
        if (args[i] != Py_None && !PyCallable_Check(args[i])) {
            PyErr_Format(PyExc_TypeError, "scalar functions must be callable or None, got %s",
                         Py_TYPE(args[i])->tp_name);
            return NULL;
        }
    graftql_type_binding *b = graftql_schema_binding(self, type);
    if (store_callable(&b->serialize, args[1], "serialize") < 0 ||
        store_callable(&b->parse_value, args[2], "parse_value") < 0 ||
        store_callable(&b->parse_literal, args[3], "parse_literal") < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *schema_set_enum_value(graftql_schema *self, PyObject *const *args,
                                       Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "_set_enum_value(type_name, value_name, value)");
        return NULL;
    }
    const gql_schema_type *type =
        binding_target(self, args[0], KIND_BIT(GQL_TYPE_ENUM), "enum values");
    if (!type) return NULL;
    if (!PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "an enum value name must be a str");
        return NULL;
    }
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(args[1], &len);
    const gql_schema_enum_value *value =
        utf8 ? gql_schema_type_get_enum_value(self->schema, type, utf8, (size_t)len) : NULL;
    if (!value) {
        PyErr_Clear();
        PyErr_Format(PyExc_KeyError, "enum %R has no value %R", args[0], args[1]);
        return NULL;
    }
    graftql_type_binding *b = graftql_schema_binding(self, type);
    if (!b->enum_values) {
        b->enum_values = PyMem_Calloc(gql_schema_type_enum_value_count(type),
                                      sizeof *b->enum_values);
        if (!b->enum_values) return PyErr_NoMemory();
    }
    size_t index = (size_t)(value - type->values);
    Py_XSETREF(b->enum_values[index], Py_NewRef(args[2]));
    Py_RETURN_NONE;
}

/*
 * graphql-core's GraphQLEnumType._value_lookup: {value: name}, the first
 * name of each value; an unbound value (or None) stands for its name;
 * unhashable values are left out (serializing them compares by equality).
 */
static PyObject *enum_lookup(graftql_type_binding *b, const gql_schema_type *type) {
    PyObject *lookup = PyDict_New();
    if (!lookup) return NULL;
    for (size_t i = 0; i < gql_schema_type_enum_value_count(type); i++) {
        const gql_schema_enum_value *v = gql_schema_type_enum_value_at(type, i);
        size_t len = 0;
        const char *n = gql_schema_enum_value_name(v, &len);
        PyObject *name = PyUnicode_DecodeUTF8(n, (Py_ssize_t)len, NULL);
        if (!name) goto error;
        PyObject *value = b->enum_values[i] && b->enum_values[i] != Py_None ? b->enum_values[i]
                                                                             : name;
        int rc = PyDict_SetDefault(lookup, value, name) ? 0 : -1;
        Py_DECREF(name);
        if (rc < 0) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) goto error;
            PyErr_Clear(); /* unhashable */
        }
    }
    return lookup;
error:
    Py_DECREF(lookup);
    return NULL;
}

static PyObject *schema_freeze(graftql_schema *self, PyObject *unused) {
    if (self->frozen) Py_RETURN_NONE;
    for (size_t i = 0; i < self->type_count; i++) {
        graftql_type_binding *b = &self->bindings[i];
        if (!b->enum_values) continue;
        PyObject *lookup = enum_lookup(b, gql_schema_type_at(self->schema, i));
        if (!lookup) return NULL;
        Py_XSETREF(b->enum_lookup, lookup);
    }
    self->frozen = true;
    Py_RETURN_NONE;
}

/* The enum lookup of an enum type, for the tests of freeze (None if unbound). */
static PyObject *schema_enum_lookup(graftql_schema *self, PyObject *name) {
    int error;
    const gql_schema_type *type = lookup_type(self, name, &error);
    if (error) return NULL;
    graftql_type_binding *b = type ? graftql_schema_binding(self, type) : NULL;
    if (!b || !b->enum_lookup) Py_RETURN_NONE;
    return PyDictProxy_New(b->enum_lookup);
}

/*=== MARK: Type ============================================================*/

static PyMethodDef schema_methods[] = {
    {"get_type", (PyCFunction)schema_get_type, METH_O,
     PyDoc_STR("get_type($self, name, /)\n--\n\nA TypeView of the named type, or None.")},
    {"print_schema", (PyCFunction)schema_print_schema, METH_NOARGS,
     PyDoc_STR("print_schema($self, /)\n--\n\nThe schema as SDL, as graphql-core's print_schema.")},
    {"print_introspection_schema", (PyCFunction)schema_print_introspection_schema, METH_NOARGS,
     PyDoc_STR("print_introspection_schema($self, /)\n--\n\n"
               "The built-in definitions as SDL, as graphql-core's print_introspection_schema.")},
    {"introspect", (PyCFunction)(void (*)(void))schema_introspect, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("introspect($self, /, *, descriptions=True, specified_by_url=True,\n"
               "           directive_is_repeatable=True, schema_description=True,\n"
               "           input_value_deprecation=True, input_object_one_of=True,\n"
               "           experimental_directive_deprecation=True)\n--\n\n"
               "graphql-core's introspection_from_schema: the data of the standard\n"
               "introspection query with those options.")},
    {"validate", (PyCFunction)(void (*)(void))graftql_schema_validate, METH_FASTCALL,
     graftql_schema_validate_doc},
    {"execute", (PyCFunction)(void (*)(void))graftql_schema_execute, METH_FASTCALL,
     graftql_schema_execute_doc},
    {"_set_resolver", (PyCFunction)(void (*)(void))schema_set_resolver, METH_FASTCALL,
     PyDoc_STR("_set_resolver($self, type_name, field_name, fn, /)\n--\n\n"
               "Bind fn (or None: the default) to an object type's field.")},
    {"_set_type_resolver", (PyCFunction)(void (*)(void))schema_set_type_resolver,
     METH_FASTCALL,
     PyDoc_STR("_set_type_resolver($self, type_name, fn, /)\n--\n\n"
               "Bind fn to an interface or union type.")},
    {"_set_is_type_of", (PyCFunction)(void (*)(void))schema_set_is_type_of, METH_FASTCALL,
     PyDoc_STR("_set_is_type_of($self, type_name, fn, /)\n--\n\n"
               "Bind is_type_of to an object type.")},
    {"_set_scalar", (PyCFunction)(void (*)(void))schema_set_scalar, METH_FASTCALL,
     PyDoc_STR("_set_scalar($self, type_name, serialize, parse_value, parse_literal, /)\n--\n\n"
               "Bind a custom scalar's functions (None: graphql-core's default).")},
    {"_set_enum_value", (PyCFunction)(void (*)(void))schema_set_enum_value, METH_FASTCALL,
     PyDoc_STR("_set_enum_value($self, type_name, value_name, value, /)\n--\n\n"
               "Bind the Python value an enum value stands for.")},
    {"_freeze", (PyCFunction)schema_freeze, METH_NOARGS,
     PyDoc_STR("_freeze($self, /)\n--\n\nMake the bindings final.")},
    {"_enum_lookup", (PyCFunction)schema_enum_lookup, METH_O,
     PyDoc_STR("_enum_lookup($self, name, /)\n--\n\n"
               "The {Python value: name} map of a bound enum, made by _freeze.")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef schema_getset[] = {
    {"type_names", (getter)schema_get_type_names, NULL,
     PyDoc_STR("The names of the types, in graphql-core's type map order."), NULL},
    {"query_type", (getter)schema_get_query_type, NULL,
     PyDoc_STR("The name of the query root type, or None."), NULL},
    {"mutation_type", (getter)schema_get_mutation_type, NULL,
     PyDoc_STR("The name of the mutation root type, or None."), NULL},
    {"subscription_type", (getter)schema_get_subscription_type, NULL,
     PyDoc_STR("The name of the subscription root type, or None."), NULL},
    {"is_valid", (getter)schema_get_is_valid, NULL,
     PyDoc_STR("False when validate_schema found errors."), NULL},
    {"introspection", (getter)schema_get_introspection, NULL,
     PyDoc_STR("Whether operations may use __schema and __type."), NULL},
    {"frozen", (getter)schema_get_frozen, NULL, PyDoc_STR("Whether the bindings are final."),
     NULL},
    {"description", (getter)schema_get_description, NULL,
     PyDoc_STR("The schema's description, or None."), NULL},
    {"directive_names", (getter)schema_get_directive_names, NULL,
     PyDoc_STR("The names of the directives, in graphql-core's order."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot schema_slots[] = {
    {Py_tp_dealloc, (void *)schema_dealloc},
    {Py_tp_traverse, (void *)schema_traverse},
    {Py_tp_clear, (void *)schema_clear},
    {Py_tp_methods, schema_methods},
    {Py_tp_getset, schema_getset},
    {Py_tp_doc, (void *)PyDoc_STR("A schema built by build_schema (graftql.Schema wraps it).")},
    {0, NULL},
};

static PyType_Spec schema_spec = {
    .name = "graftql._core.CoreSchema",
    .basicsize = sizeof(graftql_schema),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = schema_slots,
};

/*=== MARK: build_schema ====================================================*/

/* A message from the core as str (it may quote SDL text: decoded as the
 * sources were; bytes that do not decode are shown, not fatal). */
static PyObject *decode_message(const char *s, size_t len, bool surrogates) {
    PyObject *text = graftql_decode(s, len, surrogates);
    if (text || !PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) return text;
    PyErr_Clear();
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "backslashreplace");
}

/* [(message, [(document index, position, line, column), ...]), ...] */
static PyObject *diagnostics(const gql_error_list *errors, gql_document *const *docs,
                             bool surrogates) {
    PyObject *list = PyList_New((Py_ssize_t)errors->count);
    if (!list) return NULL;
    for (size_t i = 0; i < errors->count; i++) {
        const gql_diagnostic *d = &errors->items[i];
        PyObject *locations = PyList_New((Py_ssize_t)d->location_count);
        if (!locations) goto error;
        for (uint32_t k = 0; k < d->location_count; k++) {
            const gql_source_location *at = &d->locations[k];
            size_t len = 0;
            const char *src = gql_document_source(docs[at->source], &len);
            size_t offset = at->offset < len ? at->offset : len;
            gql_location loc = gql_locate(src, len, offset);
            PyObject *item = Py_BuildValue("(InII)", (unsigned)at->source,
                                           (Py_ssize_t)gql_codepoint_offset(src, len, offset),
                                           (unsigned)loc.line, (unsigned)loc.column);
            if (!item) {
                Py_DECREF(locations);
                goto error;
            }
            PyList_SET_ITEM(locations, (Py_ssize_t)k, item);
        }
        PyObject *message = decode_message(d->message, d->message_len, surrogates);
        PyObject *entry = message ? PyTuple_Pack(2, message, locations) : NULL;
        Py_XDECREF(message);
        Py_DECREF(locations);
        if (!entry) goto error;
        PyList_SET_ITEM(list, (Py_ssize_t)i, entry);
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

PyDoc_STRVAR(build_schema_doc,
"build_schema(documents, /, *, assume_valid=False, introspection=True)\n"
"--\n"
"\n"
"Build a schema from parsed SDL Documents, read as one document (as\n"
"graphql-core's concat_ast). Returns (schema, errors): schema is a CoreSchema,\n"
"or None when the SDL breaks a rule; errors lists every error found (SDL\n"
"rules, or validate_schema for a schema that was built) as\n"
"(message, [(document index, position, line, column), ...]). With\n"
"assume_valid, neither the SDL rules nor validate_schema run.");

static PyObject *build_schema(PyObject *module, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"", "assume_valid", "introspection", NULL};
    PyObject *documents;
    int assume_valid = 0, introspection = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$pp:build_schema", kwlist, &documents,
                                     &assume_valid, &introspection))
        return NULL;
    graftql_state *st = PyModule_GetState(module);
    PyObject *seq = PySequence_Fast(documents, "build_schema() expects a sequence of Documents");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *result = NULL;
    gql_document **docs = PyMem_Calloc(n ? (size_t)n : 1, sizeof *docs);
    if (!docs) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    bool surrogates = false;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!Py_IS_TYPE(item, st->document_type)) {
            PyErr_Format(PyExc_TypeError, "build_schema() expects Documents, got %s",
                         Py_TYPE(item)->tp_name);
            goto done;
        }
        docs[i] = ((graftql_document *)item)->doc;
        surrogates |= ((graftql_document *)item)->surrogates;
    }

    gql_schema_options options;
    gql_schema_options_init(&options);
    options.assume_valid = assume_valid != 0;
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_schema *schema =
        gql_schema_build((const gql_document *const *)docs, (size_t)n, &options, &errors);
    if (errors.status == GQL_ERR_NOMEM) {
        gql_schema_free(schema);
        gql_error_list_clear(&errors);
        PyErr_NoMemory();
        goto done;
    }
    PyObject *found = diagnostics(&errors, docs, surrogates);
    gql_error_list_clear(&errors);
    if (!found) {
        gql_schema_free(schema);
        goto done;
    }
    PyObject *handle = schema ? schema_new(st, schema, surrogates, introspection != 0)
                              : Py_NewRef(Py_None);
    if (handle) result = PyTuple_Pack(2, handle, found);
    Py_XDECREF(handle);
    Py_DECREF(found);

done:
    PyMem_Free(docs);
    Py_DECREF(seq);
    return result;
}

PyDoc_STRVAR(introspect_query_doc,
"introspect_query(schema, query, operation_name=None, /)\n"
"--\n"
"\n"
"Run an introspection-only query text over a CoreSchema with the core's\n"
"introspection evaluator (gql_introspection_execute) and return the result's\n"
"data; the first error raises as a GraphQLError (for the differential tests).");

static PyObject *introspect_query(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    graftql_state *st = PyModule_GetState(module);
    if (nargs < 2 || nargs > 3 || !Py_IS_TYPE(args[0], st->schema_type) ||
        !PyUnicode_Check(args[1]) || (nargs == 3 && args[2] != Py_None && !PyUnicode_Check(args[2]))) {
        PyErr_SetString(PyExc_TypeError,
                        "introspect_query(schema: CoreSchema, query: str, "
                        "operation_name: str | None = None)");
        return NULL;
    }
    const char *operation_name = NULL;
    if (nargs == 3 && args[2] != Py_None && !(operation_name = PyUnicode_AsUTF8(args[2])))
        return NULL;
    graftql_schema *self = (graftql_schema *)args[0];
    PyObject *document = parse_text(self, args[1]);
    if (!document) return NULL;
    PyObject *result = run_introspection(self, document, operation_name);
    Py_DECREF(document);
    return result;
}

static PyMethodDef schema_functions[] = {
    {"introspect_query", (PyCFunction)(void (*)(void))introspect_query, METH_FASTCALL,
     introspect_query_doc},
    {"build_schema", (PyCFunction)(void (*)(void))build_schema, METH_VARARGS | METH_KEYWORDS,
     build_schema_doc},
    {NULL, NULL, 0, NULL},
};

/*=== MARK: Module ==========================================================*/

int graftql_schema_module_init(PyObject *module, graftql_state *st) {
    for (int k = GQL_TYPE_SCALAR; k <= GQL_TYPE_NON_NULL; k++) {
        st->type_kind_names[k] = PyUnicode_InternFromString(gql_type_kind_name((gql_type_kind)k));
        if (!st->type_kind_names[k]) return -1;
    }
    st->schema_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &schema_spec, NULL);
    if (!st->schema_type || PyModule_AddType(module, st->schema_type) < 0) return -1;
    if (graftql_views_init(module, st) < 0) return -1;
    if (PyModule_AddFunctions(module, schema_functions) < 0) return -1;
    PyObject *errors = PyImport_ImportModule("graftql.error");
    if (!errors) return -1;
    st->error_factory = PyObject_GetAttrString(errors, "_error_from_core");
    Py_DECREF(errors);
    if (!st->error_factory) return -1;
    return graftql_suggest_init(module);
}

int graftql_schema_module_traverse(graftql_state *st, visitproc visit, void *arg) {
    Py_VISIT(st->schema_type);
    Py_VISIT(st->error_factory);
    Py_VISIT(st->json_loads);
    for (size_t i = 0; i < sizeof st->view_types / sizeof st->view_types[0]; i++)
        Py_VISIT(st->view_types[i]);
    return 0;
}

void graftql_schema_module_clear(graftql_state *st) {
    Py_CLEAR(st->schema_type);
    Py_CLEAR(st->error_factory);
    Py_CLEAR(st->json_loads);
    for (size_t i = 0; i < sizeof st->view_types / sizeof st->view_types[0]; i++)
        Py_CLEAR(st->view_types[i]);
    for (size_t k = 0; k < sizeof st->type_kind_names / sizeof st->type_kind_names[0]; k++)
        Py_CLEAR(st->type_kind_names[k]);
}
