/*
 * execute.c: the host protocol (graftql.h, gql_host) over PyObject *, and
 * graftql._core.Execution, the Python handle of one gql_execution.
 *
 * The host is where Python's semantics live: graphql-core's default resolver
 * (a dict's key, a Mapping's get, else the attribute; called with (info,
 * **args) when callable), user resolvers fn(parent, info, **args), batch
 * resolvers fn(parents, info, **args) called once per wave, the built-in
 * scalars' serialize with exact-type fast paths (the other cases go to
 * graftql.execution's Python versions, which have graphql-core's messages),
 * enums through the bound {value: name} lookup, abstract types through
 * resolve_type, __typename and is_type_of, and the input side the core
 * coerces variables and arguments with.
 *
 * An exception from user code becomes a field error holding the exception
 * (original_error); anything that is not an Exception (KeyboardInterrupt,
 * SystemExit) stops the execution and propagates from Execution.run(). The
 * ResolveInfo a resolver gets is lazy: it holds the execution, the plan
 * field and the parent's place in the response, and computes the rest when
 * read.
 */
#include <math.h>
#include <string.h>

#include "pyext.h"
#include "json/writer.h"
#include "mem.h"
#include "strbuf.h"

/*=== MARK: Types ===========================================================*/

typedef struct graftql_exec {
    PyObject_HEAD
    graftql_state *st;
    gql_execution *exec;
    graftql_schema *core;          /* strong: owns the gql_schema and the bindings */
    graftql_document *document;    /* strong: owns the document */
    PyObject *schema;              /* the graftql.Schema, for info.schema */
    PyObject *root_value;
    PyObject *variables;           /* as given (a mapping or None) */
    PyObject *context;
    PyObject *keep;                /* list: what borrowed input pointers point into */
    PyObject *fragments;           /* info.fragments, made on first use */
    PyObject *data;                /* to_dict's data, made on first use */
    PyObject *errors;              /* the list of GraphQLError, made on first use */
    PyObject *last_name;           /* resolve_type's last name (keeps it alive) */
    struct id_text *ids;           /* ints serialized as ID, by value (made on first use) */
    const gql_schema_type *builtin[5]; /* Int, Float, String, Boolean, ID */
    bool async_mode;
    bool event_mode;               /* a subscription event is the root value: the
                                      root field reads it with the default resolver */
    bool aborted;                  /* a BaseException is pending in Python */
} graftql_exec;

typedef struct graftql_info {
    PyObject_HEAD
    graftql_exec *owner;           /* strong */
    const gql_field_info *field;
    gql_path_ref path;             /* the parent object's place */
    PyObject *path_obj;            /* made on first use */
} graftql_info;

enum { B_INT, B_FLOAT, B_STRING, B_BOOLEAN, B_ID };
static const char *const builtin_names[5] = {"Int", "Float", "String", "Boolean", "ID"};

/*=== MARK: Exceptions ======================================================*/

/* After a failed call: the exception as a field error (true) or, for a
 * BaseException that is not an Exception, false with it still raised. */
static bool take_error(graftql_exec *ex, gql_resolved *out) {
    if (!PyErr_ExceptionMatches(PyExc_Exception)) {
        ex->aborted = true;
        return false;
    }
    out->value = graftql_take_exception();
    out->error = true;
    return true;
}

/* A GraphQLError(message) as a host error (owned), or NULL with MemoryError. */
static PyObject *make_graphql_error(graftql_exec *ex, PyObject *message) {
    if (!message) return NULL;
    PyObject *exc = PyObject_CallOneArg(ex->st->graphql_error_class, message);
    Py_DECREF(message);
    return exc;
}

/*=== MARK: ResolveInfo =====================================================*/

/* Whether the execution is still there (the collector may have cleared it
 * while an info lives on in the same cycle): its plan is what an info reads. */
static bool exec_alive(graftql_exec *self);

static PyObject *info_new(graftql_exec *ex, const gql_field_info *field, gql_path_ref path) {
    graftql_info *info = PyObject_GC_New(graftql_info, ex->st->exec.info_type);
    if (!info) return NULL;
    info->owner = (graftql_exec *)Py_NewRef(ex);
    info->field = field;
    info->path = path;
    info->path_obj = NULL;
    PyObject_GC_Track(info);
    return (PyObject *)info;
}

/* An info kept by a frame of a resolver's traceback, itself held by the
 * execution's error, is a cycle: the collector sees through the info and
 * breaks it by clearing the execution (the info has no tp_clear, so that
 * its owner is never NULL). */
static int info_traverse(graftql_info *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->owner);
    Py_VISIT(self->path_obj);
    return 0;
}

static void info_dealloc(graftql_info *self) {
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->owner);
    Py_XDECREF(self->path_obj);
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}

static PyObject *sym_str(const gql_sym *sym) {
    return PyUnicode_DecodeUTF8(sym->str, (Py_ssize_t)sym->len, NULL);
}

static PyObject *info_field_name(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    return sym_str(self->field->name);
}

static PyObject *info_field_nodes(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    PyObject *list = PyList_New((Py_ssize_t)self->field->node_count);
    if (!list) return NULL;
    for (uint32_t i = 0; i < self->field->node_count; i++) {
        PyObject *node = graftql_node_new(self->owner->st, self->owner->document,
                                          &self->field->nodes[i]->base);
        if (!node) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, node);
    }
    return list;
}

static PyObject *info_return_type(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    size_t len;
    char *s = gql_type_ref_str(self->field->return_type, &len);
    if (!s) return PyErr_NoMemory();
    PyObject *r = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, NULL);
    gql_free(s);
    return r;
}

static PyObject *info_parent_type(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    return graftql_type_view_new(self->owner->core, self->field->parent_type);
}

typedef struct path_builder {
    PyObject *list;
} path_builder;

static bool path_append(void *ctx, const char *name, size_t len, int64_t index) {
    path_builder *b = ctx;
    PyObject *item = name ? PyUnicode_DecodeUTF8(name, (Py_ssize_t)len, NULL)
                          : PyLong_FromLongLong(index);
    if (!item) return false;
    int rc = PyList_Append(b->list, item);
    Py_DECREF(item);
    return rc == 0;
}

/* The response path of a node, as a list of keys and indexes. */
static PyObject *path_list(graftql_exec *ex, gql_path_ref path) {
    path_builder b = {PyList_New(0)};
    if (!b.list) return NULL;
    if (!gql_execution_path(ex->exec, path, path_append, &b)) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        Py_DECREF(b.list);
        return NULL;
    }
    return b.list;
}

static PyObject *info_path(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    if (!self->path_obj) {
        PyObject *keys = path_list(self->owner, self->path);
        if (!keys) return NULL;
        PyObject *name = sym_str(self->field->response_name);
        int rc = name ? PyList_Append(keys, name) : -1;
        Py_XDECREF(name);
        PyObject *parent = rc == 0 ? PyUnicode_FromString(gql_schema_type_name(self->field->parent_type)) : NULL;
        if (parent) {
            self->path_obj = PyObject_CallFunctionObjArgs(self->owner->st->exec.path_class,
                                                          keys, parent, NULL);
            Py_DECREF(parent);
        }
        Py_DECREF(keys);
        if (!self->path_obj) return NULL;
    }
    return Py_NewRef(self->path_obj);
}

static PyObject *info_schema(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    return Py_NewRef(self->owner->schema);
}

static PyObject *info_root_value(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    return Py_NewRef(self->owner->root_value);
}

static PyObject *info_context(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    return Py_NewRef(self->owner->context);
}

static PyObject *info_operation(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    const gql_operation_definition *op = gql_execution_operation(self->owner->exec);
    return graftql_node_new(self->owner->st, self->owner->document, op ? &op->base : NULL);
}

static PyObject *info_variable_values(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    PyObject *vars = gql_execution_variables(self->owner->exec);
    return vars ? Py_NewRef(vars) : PyDict_New();
}

static PyObject *info_fragments(graftql_info *self, void *closure) {
    if (!exec_alive(self->owner)) return NULL;
    graftql_exec *ex = self->owner;
    if (!ex->fragments) {
        PyObject *d = PyDict_New();
        if (!d) return NULL;
        const gql_document_node *root = gql_document_root(ex->document->doc);
        for (uint32_t i = 0; i < root->definitions.count; i++) {
            const gql_node *def = root->definitions.items[i];
            if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
            const gql_fragment_definition *f = (const gql_fragment_definition *)def;
            PyObject *name = sym_str(f->name->value);
            PyObject *node = name ? graftql_node_new(ex->st, ex->document, def) : NULL;
            int rc = node ? PyDict_SetItem(d, name, node) : -1;
            Py_XDECREF(name);
            Py_XDECREF(node);
            if (rc < 0) {
                Py_DECREF(d);
                return NULL;
            }
        }
        ex->fragments = d;
    }
    return Py_NewRef(ex->fragments);
}

static PyObject *info_repr(graftql_info *self) {
    if (!exec_alive(self->owner)) return NULL;
    return PyUnicode_FromFormat("<ResolveInfo %s.%s>", gql_schema_type_name(self->field->parent_type),
                                self->field->name->str);
}

static PyGetSetDef info_getset[] = {
    {"field_name", (getter)info_field_name, NULL, PyDoc_STR("The field's name."), NULL},
    {"field_nodes", (getter)info_field_nodes, NULL,
     PyDoc_STR("The merged field nodes (graftql.Node), in document order."), NULL},
    {"return_type", (getter)info_return_type, NULL,
     PyDoc_STR("The field's type, as SDL writes it ('[Order!]!')."), NULL},
    {"parent_type", (getter)info_parent_type, NULL,
     PyDoc_STR("The object type the field is on (graftql.TypeView)."), NULL},
    {"path", (getter)info_path, NULL, PyDoc_STR("The field's response path (graftql.Path)."),
     NULL},
    {"schema", (getter)info_schema, NULL, PyDoc_STR("The graftql.Schema."), NULL},
    {"fragments", (getter)info_fragments, NULL,
     PyDoc_STR("The document's fragment definitions by name."), NULL},
    {"root_value", (getter)info_root_value, NULL, PyDoc_STR("The root value."), NULL},
    {"operation", (getter)info_operation, NULL,
     PyDoc_STR("The operation being executed (graftql.Node)."), NULL},
    {"variable_values", (getter)info_variable_values, NULL,
     PyDoc_STR("The coerced variables."), NULL},
    {"context", (getter)info_context, NULL, PyDoc_STR("The context value."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot info_slots[] = {
    {Py_tp_dealloc, (void *)info_dealloc},
    {Py_tp_traverse, (void *)info_traverse},
    {Py_tp_getset, info_getset},
    {Py_tp_repr, (void *)info_repr},
    {Py_tp_doc, (void *)PyDoc_STR("What a resolver is told about the field it resolves.")},
    {0, NULL},
};

static PyType_Spec info_spec = {
    .name = "graftql._core.ResolveInfo",
    .basicsize = sizeof(graftql_info),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = info_slots,
};

/*=== MARK: Host: resolving =================================================*/

static bool is_pending(graftql_exec *ex, PyObject *v) {
    if ((PyObject *)Py_TYPE(v) == ex->st->exec.pending_type) return true;
    PyAsyncMethods *am = Py_TYPE(v)->tp_as_async;
    return am && am->am_await;
}

/* graphql-core's default_field_resolver. */
static PyObject *default_resolve(graftql_exec *ex, const gql_field_info *fi, PyObject *parent,
                                 PyObject *name, gql_path_ref path, PyObject *args) {
    PyObject *value;
    if (PyDict_Check(parent)) {
        value = PyDict_GetItemWithError(parent, name);
        if (!value) {
            if (PyErr_Occurred()) return NULL;
            return Py_NewRef(Py_None);
        }
        Py_INCREF(value);
    } else {
        int mapping = PyObject_IsInstance(parent, ex->st->exec.mapping_abc);
        if (mapping < 0) return NULL;
        if (mapping) {
            value = PyObject_CallMethodObjArgs(parent, ex->st->exec.str_get, name, NULL);
        } else {
            value = PyObject_GetAttr(parent, name);
            if (!value && PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                return Py_NewRef(Py_None);
            }
        }
        if (!value) return NULL;
    }
    if (value == Py_None || !PyCallable_Check(value)) return value;
    PyObject *info = info_new(ex, fi, path);
    if (!info) {
        Py_DECREF(value);
        return NULL;
    }
    PyObject *argv[1] = {info};
    PyObject *r = args ? PyObject_VectorcallDict(value, argv, 1, args)
                       : PyObject_Vectorcall(value, argv, 1, NULL);
    Py_DECREF(info);
    Py_DECREF(value);
    return r;
}

static PyObject *field_label(const gql_field_info *fi) {
    return PyUnicode_FromFormat("%s.%s", gql_schema_type_name(fi->parent_type), fi->name->str);
}

/* A batch resolver: fn(parents, info, **args) once for the whole wave. */
static bool resolve_batch(graftql_exec *ex, PyObject *fn, const gql_field_info *fi,
                          gql_value const *parents, gql_path_ref const *paths, size_t n,
                          PyObject *args, gql_resolved *out) {
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (!list) return false;
    for (size_t i = 0; i < n; i++) PyList_SET_ITEM(list, (Py_ssize_t)i, Py_NewRef(parents[i]));
    PyObject *info = info_new(ex, fi, n ? paths[0] : NULL);
    PyObject *result = NULL;
    if (info) {
        PyObject *argv[2] = {list, info};
        result = args ? PyObject_VectorcallDict(fn, argv, 2, args)
                      : PyObject_Vectorcall(fn, argv, 2, NULL);
        Py_DECREF(info);
    }
    Py_DECREF(list);
    gql_resolved error = {NULL, false};
    if (!result) {
        if (!take_error(ex, &error)) return false;
    } else if (is_pending(ex, result)) {
        /* An async batch resolver: one awaitable, shared by the n slots. */
        PyObject *label = field_label(fi);
        PyObject *slots = label ? PyObject_CallFunction(ex->st->exec.batch_pending, "OnO", result,
                                                        (Py_ssize_t)n, label)
                                : NULL;
        Py_XDECREF(label);
        Py_DECREF(result);
        if (!slots) return false;
        for (size_t i = 0; i < n; i++)
            out[i].value = Py_NewRef(PyList_GET_ITEM(slots, (Py_ssize_t)i));
        Py_DECREF(slots);
        return true;
    } else {
        PyObject *seq = PySequence_Fast(result, "");
        if (!seq) {
            PyErr_Clear();
            error.value = make_graphql_error(
                ex, PyUnicode_FromFormat("Batch resolver for field '%s.%s' must return a list "
                                         "of %zd values, one per parent, not %s.",
                                         gql_schema_type_name(fi->parent_type), fi->name->str,
                                         (Py_ssize_t)n, Py_TYPE(result)->tp_name));
            error.error = true;
        } else if ((size_t)PySequence_Fast_GET_SIZE(seq) != n) {
            error.value = make_graphql_error(
                ex, PyUnicode_FromFormat("Batch resolver for field '%s.%s' returned %zd values "
                                         "for %zd parents; it must return one per parent.",
                                         gql_schema_type_name(fi->parent_type), fi->name->str,
                                         PySequence_Fast_GET_SIZE(seq), (Py_ssize_t)n));
            error.error = true;
        } else {
            PyObject **items = PySequence_Fast_ITEMS(seq);
            for (size_t i = 0; i < n; i++) out[i].value = Py_NewRef(items[i]);
        }
        Py_XDECREF(seq);
        Py_DECREF(result);
        if (!error.value && error.error) return false;
    }
    if (error.value) {
        for (size_t i = 0; i < n; i++) {
            out[i].value = Py_NewRef(error.value);
            out[i].error = true;
        }
        Py_DECREF(error.value);
    }
    return true;
}

static bool host_resolve(void *ctx, gql_execution *exec, const gql_field_info *fi,
                         gql_value const *parents, gql_path_ref const *paths, size_t n,
                         gql_value args, gql_resolved *out) {
    graftql_exec *ex = ctx;
    PyObject *fn = graftql_field_resolver(ex->core, fi->parent_type, fi->field_index);
    /* graphql-core's map_source_to_response: the bound function of a
     * subscription field is its source; each event is read by the default
     * resolver. */
    if (ex->event_mode &&
        fi->parent_type == gql_schema_root_type(ex->core->schema, GQL_SUBSCRIPTION))
        fn = NULL;
    PyObject *kwargs = args;
    if (fn) {
        int batch = PyObject_HasAttr(fn, ex->st->exec.str_batch);
        if (batch) return resolve_batch(ex, fn, fi, parents, paths, n, kwargs, out);
        for (size_t i = 0; i < n; i++) {
            PyObject *info = info_new(ex, fi, paths[i]);
            if (!info) return false;
            PyObject *argv[2] = {parents[i], info};
            PyObject *r = kwargs ? PyObject_VectorcallDict(fn, argv, 2, kwargs)
                                 : PyObject_Vectorcall(fn, argv, 2, NULL);
            Py_DECREF(info);
            if (r) out[i].value = r;
            else if (!take_error(ex, &out[i])) goto abort;
        }
        return true;
    }
    PyObject *name = PyUnicode_InternFromString(fi->name->str);
    if (!name) return false;
    for (size_t i = 0; i < n; i++) {
        PyObject *r = default_resolve(ex, fi, parents[i], name, paths[i], kwargs);
        if (r) out[i].value = r;
        else if (!take_error(ex, &out[i])) {
            Py_DECREF(name);
            goto abort;
        }
    }
    Py_DECREF(name);
    return true;
abort:
    for (size_t i = 0; i < n; i++) Py_CLEAR(out[i].value);
    return false;
}

/* What graphql-core's complete_list_value does with a value that is not an
 * iterable to it (or is a string or a mapping): an async iterable (its
 * "experimental" support) is pending, and the driver settles it with the
 * list of its items, which completes as the list; anything else is not a
 * list. Exact str and dict have no async slots, so they cost one load. */
static gql_value_kind not_iterable_kind(PyObject *v) {
    PyAsyncMethods *am = Py_TYPE(v)->tp_as_async;
    return am && am->am_aiter ? GQL_VALUE_PENDING : GQL_VALUE_OBJECT;
}

static gql_value_kind host_kind(void *ctx, gql_value value, gql_expect expected) {
    graftql_exec *ex = ctx;
    PyObject *v = value;
    if (v == Py_None) return GQL_VALUE_NULL;
    if (PyExceptionInstance_Check(v) &&
        PyObject_IsInstance(v, PyExc_Exception) > 0)
        return GQL_VALUE_ERROR;
    if (expected == GQL_EXPECT_LIST) {
        if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) return GQL_VALUE_LIST;
        if (PyUnicode_Check(v) || PyBytes_Check(v) || PyByteArray_Check(v) ||
            PyMemoryView_Check(v))
            return not_iterable_kind(v);
        if (is_pending(ex, v)) return GQL_VALUE_PENDING;
        if (PyDict_Check(v)) return not_iterable_kind(v);
        int mapping = PyObject_IsInstance(v, ex->st->exec.mapping_abc);
        if (mapping != 0) {
            PyErr_Clear();
            return mapping > 0 ? not_iterable_kind(v) : GQL_VALUE_OBJECT;
        }
        return Py_TYPE(v)->tp_iter ? GQL_VALUE_LIST : not_iterable_kind(v);
    }
    if (PyUnicode_CheckExact(v) || PyLong_CheckExact(v) || PyDict_CheckExact(v) ||
        PyFloat_CheckExact(v) || PyBool_Check(v))
        return GQL_VALUE_OBJECT;
    return is_pending(ex, v) ? GQL_VALUE_PENDING : GQL_VALUE_OBJECT;
}

static bool host_list_items(void *ctx, gql_value value, gql_value **items, size_t *count,
                            gql_value *error) {
    PyObject *seq = PySequence_Fast(value, "");
    if (!seq) {
        if (!PyErr_ExceptionMatches(PyExc_Exception)) {
            ((graftql_exec *)ctx)->aborted = true;
            *error = NULL;
            return false;
        }
        *error = graftql_take_exception();
        return false;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    gql_value *out = gql_malloc((size_t)(n ? n : 1) * sizeof *out);
    if (!out) {
        Py_DECREF(seq);
        *error = NULL;
        return false;
    }
    PyObject **src = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t i = 0; i < n; i++) out[i] = Py_NewRef(src[i]);
    Py_DECREF(seq);
    *items = out;
    *count = (size_t)n;
    return true;
}

/*=== MARK: Host: leaves ====================================================*/

/* After a failed call in serialize: the exception as a field error, or
 * {NULL, true} for a BaseException, which stays raised to propagate. */
static gql_leaf_out leaf_error(void) {
    gql_leaf_out out = {NULL, true};
    if (PyErr_ExceptionMatches(PyExc_Exception)) out.value = graftql_take_exception();
    return out;
}

static gql_leaf_out leaf_call(PyObject *r) {
    if (!r) return leaf_error();
    return (gql_leaf_out){r, false};
}

/*
 * IDs held as ints are the commonest leaf that needs a new object: str(n).
 * CPython's int to str is general (any size) and slow for small values, so
 * the digits are written here, and the texts kept in a direct-mapped table
 * by value for the execution: the same product or user ID recurring through
 * a response is one str.
 */
#define ID_TEXTS 1024

typedef struct id_text {
    long long n;
    PyObject *str;  /* NULL: empty slot */
} id_text;

static void id_texts_free(graftql_exec *self) {
    if (!self->ids) return;
    for (size_t i = 0; i < ID_TEXTS; i++) Py_XDECREF(self->ids[i].str);
    PyMem_Free(self->ids);
    self->ids = NULL;
}

static PyObject *decimal_text(long long n) {
    char buf[24];
    char *end = buf + sizeof buf, *p = end;
    unsigned long long u = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (n < 0) *--p = '-';
    PyObject *s = PyUnicode_New(end - p, 127);
    if (s) memcpy(PyUnicode_DATA(s), p, (size_t)(end - p));
    return s;
}

/* str(v) for an exact int. */
static PyObject *id_of_int(graftql_exec *ex, PyObject *v) {
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow) return PyLong_Type.tp_str(v);
    if (!ex->ids) {
        ex->ids = PyMem_Calloc(ID_TEXTS, sizeof *ex->ids);
        if (!ex->ids) return decimal_text(n);
    }
    id_text *slot = &ex->ids[((unsigned long long)n * 0x9E3779B97F4A7C15ull) >> 54];
    if (slot->str && slot->n == n) return Py_NewRef(slot->str);
    PyObject *s = decimal_text(n);
    if (!s) return NULL;
    Py_XSETREF(slot->str, Py_NewRef(s));
    slot->n = n;
    return s;
}

static gql_leaf_out host_serialize(void *ctx, const gql_schema_type *type, gql_value value) {
    graftql_exec *ex = ctx;
    PyObject *v = value;
    /* The built-in scalars first, by pointer: most leaves are one, and
     * they cannot be bound. */
    if (type == ex->builtin[B_STRING]) {
        if (PyUnicode_CheckExact(v)) return (gql_leaf_out){Py_NewRef(v), false};
    } else if (type == ex->builtin[B_ID]) {
        if (PyUnicode_CheckExact(v)) return (gql_leaf_out){Py_NewRef(v), false};
        if (PyLong_CheckExact(v)) return leaf_call(id_of_int(ex, v));
    } else if (type == ex->builtin[B_INT]) {
        if (PyLong_CheckExact(v)) {
            int overflow;
            long n = PyLong_AsLongAndOverflow(v, &overflow);
            if (!overflow && n >= INT32_MIN && n <= INT32_MAX)
                return (gql_leaf_out){Py_NewRef(v), false};
        }
    } else if (type == ex->builtin[B_FLOAT]) {
        if (PyFloat_CheckExact(v) && isfinite(PyFloat_AS_DOUBLE(v)))
            return (gql_leaf_out){Py_NewRef(v), false};
    }
    graftql_type_binding *b = graftql_schema_binding(ex->core, type);
    if (gql_schema_type_kind(type) == GQL_TYPE_ENUM) {
        if (b && b->enum_lookup) {
            PyObject *name = PyDict_GetItemWithError(b->enum_lookup, v);
            if (name) return (gql_leaf_out){Py_NewRef(name), false};
            if (PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_TypeError)) return leaf_error();
                PyErr_Clear();
                /* Unhashable: compare with each bound value, as graphql-core does. */
                for (size_t i = 0; i < gql_schema_type_enum_value_count(type); i++) {
                    PyObject *bound = b->enum_values[i];
                    if (!bound) continue;
                    int eq = PyObject_RichCompareBool(bound, v, Py_EQ);
                    if (eq < 0) return leaf_error();
                    if (eq) {
                        size_t len;
                        const char *n = gql_schema_enum_value_name(
                            gql_schema_type_enum_value_at(type, i), &len);
                        return leaf_call(PyUnicode_DecodeUTF8(n, (Py_ssize_t)len, NULL));
                    }
                }
            }
        } else if (PyUnicode_Check(v)) {
            Py_ssize_t len;
            const char *s = PyUnicode_AsUTF8AndSize(v, &len);
            if (!s) return leaf_error();
            if (gql_schema_type_get_enum_value(ex->core->schema, type, s, (size_t)len))
                return PyUnicode_CheckExact(v) ? (gql_leaf_out){Py_NewRef(v), false}
                                               : leaf_call(PyUnicode_FromStringAndSize(s, len));
        }
        PyObject *shown = PyObject_CallOneArg(ex->st->exec.inspect, v);
        if (!shown) return leaf_error();
        PyObject *exc = make_graphql_error(
            ex, PyUnicode_FromFormat("Enum '%s' cannot represent value: %U",
                                     gql_schema_type_name(type), shown));
        Py_DECREF(shown);
        if (!exc) return leaf_error();
        return (gql_leaf_out){exc, true};
    }
    if (b && b->serialize) {
        PyObject *r = PyObject_CallOneArg(b->serialize, v);
        if (r != Py_None) return leaf_call(r);
        /* graphql-core's complete_leaf_value refuses a None (a TypeError). */
        Py_DECREF(r);
        PyObject *shown = PyObject_CallOneArg(ex->st->exec.inspect, v);
        if (!shown) return leaf_error();
        PyObject *message = PyUnicode_FromFormat(
            "Expected `%s.serialize(%U)` to return non-nullable value, returned: None",
            gql_schema_type_name(type), shown);
        Py_DECREF(shown);
        if (!message) return leaf_error();
        PyObject *exc = PyObject_CallOneArg(PyExc_TypeError, message);
        Py_DECREF(message);
        if (!exc) return leaf_error();
        return (gql_leaf_out){exc, true};
    }
    int which = -1;
    for (int k = 0; k < 5; k++)
        if (ex->builtin[k] == type) which = k;
    switch (which) {
    case -1:
        return (gql_leaf_out){Py_NewRef(v), false};  /* a custom scalar: identity */
    case B_INT:
        if (PyLong_CheckExact(v)) {
            int overflow;
            long long n = PyLong_AsLongLongAndOverflow(v, &overflow);
            if (!overflow && n >= INT32_MIN && n <= INT32_MAX)
                return (gql_leaf_out){Py_NewRef(v), false};
        }
        break;
    case B_FLOAT:
        if (PyFloat_CheckExact(v) && isfinite(PyFloat_AS_DOUBLE(v)))
            return (gql_leaf_out){Py_NewRef(v), false};
        if (PyLong_CheckExact(v)) {
            double d = PyLong_AsDouble(v);
            if (!(d == -1.0 && PyErr_Occurred())) return leaf_call(PyFloat_FromDouble(d));
            PyErr_Clear();
        }
        break;
    case B_STRING:
        if (PyUnicode_CheckExact(v)) return (gql_leaf_out){Py_NewRef(v), false};
        break;
    case B_ID:
        if (PyUnicode_CheckExact(v)) return (gql_leaf_out){Py_NewRef(v), false};
        if (PyLong_CheckExact(v)) return leaf_call(id_of_int(ex, v));
        break;
    case B_BOOLEAN:
        if (PyBool_Check(v)) return (gql_leaf_out){Py_NewRef(v), false};
        break;
    }
    PyObject *name = PyUnicode_FromString(builtin_names[which]);
    if (!name) return leaf_error();
    PyObject *r = PyObject_CallFunctionObjArgs(ex->st->exec.serialize_builtin, name, v, NULL);
    Py_DECREF(name);
    return leaf_call(r);
}

/*=== MARK: Host: JSON ======================================================*/

/* A value as json.dumps(..., separators=(",", ":"), ensure_ascii=False)
 * writes it; -1 with an exception (TypeError, ValueError) where json.dumps
 * raises one. */
static int write_json(gql_json_writer *w, PyObject *v);

static int write_json_str(gql_json_writer *w, PyObject *s) {
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &len);
    if (!utf8) return -1;
    gql_json_string(w, utf8, (size_t)len);
    return 0;
}

static int write_json_int(gql_json_writer *w, PyObject *v) {
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (n == -1 && PyErr_Occurred()) return -1;
    if (!overflow) {
        gql_json_int(w, n);
        return 0;
    }
    PyObject *digits = PyLong_Type.tp_repr(v);
    if (!digits) return -1;
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(digits, &len);
    if (s) gql_json_raw(w, s, (size_t)len);
    Py_DECREF(digits);
    return s ? 0 : -1;
}

static int write_json_float(gql_json_writer *w, double d) {
    if (!gql_json_double(w, d)) {
        PyErr_SetString(PyExc_ValueError, "Out of range float values are not JSON compliant");
        return -1;
    }
    return 0;
}

/* A dict key as json.dumps turns it into a string. */
static int write_json_key(gql_json_writer *w, PyObject *k) {
    if (PyUnicode_Check(k)) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(k, &len);
        if (!s) return -1;
        gql_json_key(w, s, (size_t)len);
        return 0;
    }
    PyObject *text = NULL;
    if (k == Py_True) text = PyUnicode_FromString("true");
    else if (k == Py_False) text = PyUnicode_FromString("false");
    else if (k == Py_None) text = PyUnicode_FromString("null");
    else if (PyLong_Check(k)) text = PyLong_Type.tp_repr(k);
    else if (PyFloat_Check(k)) {
        double d = PyFloat_AS_DOUBLE(k);
        if (!isfinite(d)) {
            PyErr_SetString(PyExc_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        text = PyFloat_Type.tp_repr(k);
    } else {
        PyErr_Format(PyExc_TypeError, "keys must be str, int, float, bool or None, not %.200s",
                     Py_TYPE(k)->tp_name);
        return -1;
    }
    if (!text) return -1;
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(text, &len);
    if (s) gql_json_key(w, s, (size_t)len);
    Py_DECREF(text);
    return s ? 0 : -1;
}

static int write_json(gql_json_writer *w, PyObject *v) {
    if (PyUnicode_Check(v)) return write_json_str(w, v);
    if (v == Py_None) {
        gql_json_null(w);
        return 0;
    }
    if (PyBool_Check(v)) {
        gql_json_bool(w, v == Py_True);
        return 0;
    }
    if (PyLong_Check(v)) return write_json_int(w, v);
    if (PyFloat_Check(v)) return write_json_float(w, PyFloat_AS_DOUBLE(v));
    if (Py_EnterRecursiveCall(" while writing the response as JSON")) return -1;
    int rc = 0;
    if (PyList_Check(v) || PyTuple_Check(v)) {
        gql_json_begin_array(w);
        PyObject *seq = PySequence_Fast(v, "");
        if (!seq) rc = -1;
        for (Py_ssize_t i = 0; rc == 0 && i < PySequence_Fast_GET_SIZE(seq); i++)
            rc = write_json(w, PySequence_Fast_GET_ITEM(seq, i));
        Py_XDECREF(seq);
        gql_json_end_array(w);
    } else if (PyDict_Check(v)) {
        gql_json_begin_object(w);
        Py_ssize_t pos = 0;
        PyObject *key, *item;
        while (rc == 0 && PyDict_Next(v, &pos, &key, &item)) {
            Py_INCREF(key);
            Py_INCREF(item);
            rc = write_json_key(w, key);
            if (rc == 0) rc = write_json(w, item);
            Py_DECREF(key);
            Py_DECREF(item);
        }
        gql_json_end_object(w);
    } else {
        PyErr_Format(PyExc_TypeError, "Object of type %.200s is not JSON serializable",
                     Py_TYPE(v)->tp_name);
        rc = -1;
    }
    Py_LeaveRecursiveCall();
    return rc;
}

static bool host_write_leaf(void *ctx, gql_value value, gql_json_writer *w, gql_value *error) {
    if (write_json(w, value) == 0) return true;
    *error = graftql_take_exception();
    return false;
}

static bool host_write_error_extensions(void *ctx, gql_value error, gql_json_writer *w) {
    graftql_exec *ex = ctx;
    PyObject *ext = PyObject_GetAttr(error, ex->st->exec.str_extensions);
    if (!ext) {
        PyErr_Clear();
        return true;
    }
    int rc = 0;
    if (PyDict_Check(ext) && PyDict_GET_SIZE(ext) > 0) {
        gql_json_key_name(w, "extensions", 10);
        rc = write_json(w, ext);
    }
    Py_DECREF(ext);
    if (rc < 0) PyErr_Clear();
    return rc == 0;
}

/* graphql-core's located_error message: str(error.message) if it has one,
 * else str(error). */
static void host_error_message(void *ctx, gql_value error, gql_strbuf *b) {
    graftql_exec *ex = ctx;
    if (graftql_error_text(ex->st, error, true, b) == 0) return;
    PyErr_Clear();
    if (!b->nomem) gql_strbuf_puts(b, "<the error could not be shown>");
}

/* graphql-core's GraphQLError(message): the original_error of a variable's
 * coercion error. */
static gql_value host_make_error(void *ctx, const char *message, size_t len) {
    graftql_exec *ex = ctx;
    PyObject *error =
        make_graphql_error(ex, PyUnicode_DecodeUTF8(message, (Py_ssize_t)len, "surrogatepass"));
    if (!error) PyErr_Clear(); /* out of memory for the core */
    return error;
}

/*=== MARK: Host: abstract types ============================================*/

static int typename_of(graftql_exec *ex, PyObject *value, const char **name, size_t *len) {
    PyObject *t;
    int mapping = PyDict_Check(value) ? 1 : PyObject_IsInstance(value, ex->st->exec.mapping_abc);
    if (mapping < 0) return -1;
    if (mapping) {
        t = PyObject_CallMethodObjArgs(value, ex->st->exec.str_get, ex->st->exec.str_typename,
                                       NULL);
    } else {
        /* A "private" __typename attribute, mangled by the class (or a base
         * class) that defined it. */
        PyObject *mro = Py_TYPE(value)->tp_mro;
        t = NULL;
        for (Py_ssize_t i = 0; mro && i < PyTuple_GET_SIZE(mro); i++) {
            PyTypeObject *cls = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
            /* Interned: CPython's type attribute cache keeps a reference to
             * the name it was asked for, by address, in up to 4096 slots;
             * a new str each time would fill them. */
            PyObject *attr = PyUnicode_FromFormat("_%s__typename", _PyType_Name(cls));
            if (attr) PyUnicode_InternInPlace(&attr);
            t = attr ? PyObject_GetAttr(value, attr) : NULL;
            Py_XDECREF(attr);
            if (t) {
                if (PyUnicode_Check(t)) break;
                Py_CLEAR(t);
            } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
            } else {
                return -1;
            }
        }
        if (!t) t = Py_NewRef(Py_None);
    }
    if (!t) return -1;
    if (!PyUnicode_Check(t)) {
        Py_DECREF(t);
        return 0;
    }
    Py_ssize_t n;
    *name = PyUnicode_AsUTF8AndSize(t, &n);
    Py_XSETREF(ex->last_name, t);
    if (!*name) return -1;
    *len = (size_t)n;
    return 1;
}

/* -1 with the error taken (*error), or -2 to abort (BaseException). */
static int failed_call(graftql_exec *ex, gql_value *error) {
    if (!PyErr_ExceptionMatches(PyExc_Exception)) {
        ex->aborted = true;
        *error = NULL;
        return -1;
    }
    *error = graftql_take_exception();
    return -1;
}

static int host_resolve_type(void *ctx, gql_execution *exec, const gql_field_info *fi,
                             gql_path_ref path, const gql_schema_type *abstract,
                             gql_value value, const char **name, size_t *name_len,
                             gql_value *error) {
    graftql_exec *ex = ctx;
    graftql_type_binding *b = graftql_schema_binding(ex->core, abstract);
    if (b && b->resolve_type) {
        PyObject *info = info_new(ex, fi, path);
        PyObject *view = info ? graftql_type_view_new(ex->core, abstract) : NULL;
        PyObject *r = view ? PyObject_CallFunctionObjArgs(b->resolve_type, value, info, view,
                                                          NULL)
                           : NULL;
        Py_XDECREF(info);
        Py_XDECREF(view);
        if (!r) return failed_call(ex, error);
        if (r == Py_None) {
            Py_DECREF(r);
            return 0;
        }
        if (!PyUnicode_Check(r) && ex->async_mode && is_pending(ex, r)) {
            *error = r;  /* an async resolve_type: settles to the name */
            return 2;
        }
        if (!PyUnicode_Check(r)) {
            PyObject *shown_value = PyObject_CallOneArg(ex->st->exec.inspect, value);
            PyObject *shown = shown_value ? PyObject_CallOneArg(ex->st->exec.inspect, r) : NULL;
            Py_DECREF(r);
            PyObject *exc = shown ? make_graphql_error(
                                        ex, PyUnicode_FromFormat(
                                                "Abstract type '%s' must resolve to an Object "
                                                "type at runtime for field '%s.%s' with value "
                                                "%U, received '%U'.",
                                                gql_schema_type_name(abstract),
                                                gql_schema_type_name(fi->parent_type), fi->name->str,
                                                shown_value, shown))
                                  : NULL;
            Py_XDECREF(shown_value);
            Py_XDECREF(shown);
            if (!exc) return failed_call(ex, error);
            *error = exc;
            return -1;
        }
        Py_ssize_t n;
        *name = PyUnicode_AsUTF8AndSize(r, &n);
        Py_XSETREF(ex->last_name, r);
        if (!*name) return failed_call(ex, error);
        *name_len = (size_t)n;
        return 1;
    }
    int found = typename_of(ex, value, name, name_len);
    if (found < 0) return failed_call(ex, error);
    if (found) return 1;
    /* graphql-core's default_type_resolver: each possible type's is_type_of
     * in order; a true answer wins at once, awaitable ones (async
     * execution) are gathered and the first true one wins after. */
    size_t count = gql_schema_type_possible_type_count(abstract);
    PyObject *waits = NULL, *names = NULL;
    for (size_t i = 0; i < count; i++) {
        const gql_schema_type *t = gql_schema_type_possible_type_at(abstract, i);
        graftql_type_binding *tb = graftql_schema_binding(ex->core, t);
        if (!tb || !tb->is_type_of) continue;
        PyObject *info = info_new(ex, fi, path);
        PyObject *r = info ? PyObject_CallFunctionObjArgs(tb->is_type_of, value, info, NULL)
                           : NULL;
        Py_XDECREF(info);
        int truth = 0;
        if (r && ex->async_mode && is_pending(ex, r)) {
            if ((!waits && !(waits = PyList_New(0))) || (!names && !(names = PyList_New(0))))
                truth = -1;
            PyObject *tname = truth == 0 ? PyUnicode_FromString(gql_schema_type_name(t)) : NULL;
            if (!tname || PyList_Append(waits, r) < 0 || PyList_Append(names, tname) < 0)
                truth = -1;
            Py_XDECREF(tname);
            Py_DECREF(r);
            if (truth < 0) goto failed;
            continue;
        }
        truth = r ? PyObject_IsTrue(r) : -1;
        Py_XDECREF(r);
        if (truth < 0) goto failed;
        if (truth) {
            for (Py_ssize_t k = 0; waits && k < PyList_GET_SIZE(waits); k++) {
                PyObject *w = PyList_GET_ITEM(waits, k);
                if (PyCoro_CheckExact(w)) {
                    PyObject *closed = PyObject_CallMethodNoArgs(w, ex->st->exec.str_close);
                    Py_XDECREF(closed);
                    PyErr_Clear();
                }
            }
            Py_XDECREF(waits);
            Py_XDECREF(names);
            *name = gql_schema_type_name(t);
            *name_len = gql_schema_type_name_length(t);
            return 1;
        }
    }
    if (waits) {
        PyObject *pending = PyObject_CallFunctionObjArgs(ex->st->exec.first_type, waits, names,
                                                         NULL);
        Py_DECREF(waits);
        Py_DECREF(names);
        if (!pending) return failed_call(ex, error);
        *error = pending;
        return 2;
    }
    return 0;
failed:
    Py_XDECREF(waits);
    Py_XDECREF(names);
    return failed_call(ex, error);
}

static int host_is_type_of(void *ctx, gql_execution *exec, const gql_field_info *fi,
                           gql_path_ref path, const gql_schema_type *type, gql_value value,
                           gql_value *error) {
    graftql_exec *ex = ctx;
    graftql_type_binding *b = graftql_schema_binding(ex->core, type);
    if (!b || !b->is_type_of) return 2;
    PyObject *info = info_new(ex, fi, path);
    PyObject *r = info ? PyObject_CallFunctionObjArgs(b->is_type_of, value, info, NULL) : NULL;
    Py_XDECREF(info);
    if (!r) return failed_call(ex, error);
    if (ex->async_mode && is_pending(ex, r)) {
        /* An async is_type_of: settles to a bool. */
        *error = PyObject_CallOneArg(ex->st->exec.truthy, r);
        Py_DECREF(r);
        if (!*error) return failed_call(ex, error);
        return 3;
    }
    int truth = PyObject_IsTrue(r);
    Py_DECREF(r);
    if (truth < 0) return failed_call(ex, error);
    return truth;
}

/*=== MARK: Host: input values ==============================================*/

static gql_value host_make_null(void *ctx) {
    return Py_NewRef(Py_None);
}

static gql_value host_make_bool(void *ctx, bool value) {
    return Py_NewRef(value ? Py_True : Py_False);
}

static gql_value host_make_int(void *ctx, int64_t value) {
    return PyLong_FromLongLong(value);
}

static gql_value host_make_int_text(void *ctx, const char *digits, size_t len) {
    PyObject *s = PyUnicode_FromStringAndSize(digits, (Py_ssize_t)len);
    PyObject *r = s ? PyLong_FromUnicodeObject(s, 10) : NULL;
    Py_XDECREF(s);
    if (!r) {
        /* Past Python's digit limit graphql-core's int() raises too; the
         * core only asks for Int literals it has checked. */
        PyErr_Clear();
        r = PyFloat_FromDouble(NAN);
    }
    return r;
}

static gql_value host_make_float(void *ctx, double value) {
    return PyFloat_FromDouble(value);
}

static gql_value host_make_string(void *ctx, const char *s, size_t len) {
    PyObject *r = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "surrogatepass");
    if (!r) PyErr_Clear();
    return r;
}

static gql_value host_make_list(void *ctx, size_t count) {
    PyObject *list = PyList_New((Py_ssize_t)count);
    if (!list) return NULL;
    for (size_t i = 0; i < count; i++) PyList_SET_ITEM(list, (Py_ssize_t)i, Py_NewRef(Py_None));
    return list;
}

static bool host_list_set(void *ctx, gql_value list, size_t index, gql_value item) {
    PyObject *l = list;
    PyObject *old = PyList_GET_ITEM(l, (Py_ssize_t)index);
    PyList_SET_ITEM(l, (Py_ssize_t)index, (PyObject *)item);
    Py_DECREF(old);
    return true;
}

static gql_value host_make_object(void *ctx) {
    return PyDict_New();
}

static bool host_object_set(void *ctx, gql_value object, const char *name, size_t len,
                            gql_value item) {
    PyObject *key = PyUnicode_DecodeUTF8(name, (Py_ssize_t)len, "surrogatepass");
    int rc = key ? PyDict_SetItem(object, key, item) : -1;
    Py_XDECREF(key);
    Py_DECREF((PyObject *)item);
    if (rc < 0) PyErr_Clear();
    return rc == 0;
}

static gql_value host_enum_value(void *ctx, const gql_schema_type *type, uint32_t index) {
    graftql_exec *ex = ctx;
    graftql_type_binding *b = graftql_schema_binding(ex->core, type);
    if (b && b->enum_values && b->enum_values[index]) return Py_NewRef(b->enum_values[index]);
    size_t len;
    const char *n = gql_schema_enum_value_name(gql_schema_type_enum_value_at(type, index), &len);
    return PyUnicode_DecodeUTF8(n, (Py_ssize_t)len, NULL);
}

static gql_resolved resolved_call(graftql_exec *ex, PyObject *r) {
    gql_resolved out = {r, false};
    if (!r && !take_error(ex, &out)) {
        /* A BaseException in a scalar function: keep it raised for run(). */
        out.value = NULL;
    }
    return out;
}

static gql_resolved host_parse_literal(void *ctx, const gql_schema_type *type,
                                       const gql_node *literal, gql_value variables) {
    graftql_exec *ex = ctx;
    graftql_type_binding *b = graftql_schema_binding(ex->core, type);
    PyObject *node = graftql_node_new(ex->st, ex->document, literal);
    if (!node) return resolved_call(ex, NULL);
    PyObject *r = PyObject_CallFunctionObjArgs(
        ex->st->exec.parse_literal, b && b->parse_literal ? b->parse_literal : Py_None,
        b && b->parse_value ? b->parse_value : Py_None, node, variables ? variables : Py_None,
        NULL);
    Py_DECREF(node);
    gql_resolved out = resolved_call(ex, r);
    /* value_from_ast: Undefined does not coerce, as an exception does (the
     * core only releases the error value). */
    if (out.value == ex->st->exec.undefined) out.error = true;
    return out;
}

/* graphql-core's coerce_input_value around a scalar's parse_value that
 * raised exc (owned) another exception than a GraphQLError: a
 * GraphQLError("Expected type 'T'. <exc>") whose original_error it is. */
static PyObject *wrap_parse_value_error(graftql_exec *ex, const gql_schema_type *type,
                                        PyObject *exc) {
    PyObject *message =
        PyUnicode_FromFormat("Expected type '%s'. %S", gql_schema_type_name(type), exc);
    PyObject *kwargs = message ? Py_BuildValue("{sO}", "original_error", exc) : NULL;
    PyObject *args = kwargs ? PyTuple_Pack(1, message) : NULL;
    PyObject *error = args ? PyObject_Call(ex->st->graphql_error_class, args, kwargs) : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    Py_XDECREF(message);
    if (!error) {
        PyErr_Clear(); /* keep the exception itself as the error */
        return exc;
    }
    Py_DECREF(exc);
    return error;
}

static gql_resolved host_parse_value(void *ctx, const gql_schema_type *type, gql_value value) {
    graftql_exec *ex = ctx;
    graftql_type_binding *b = graftql_schema_binding(ex->core, type);
    if (!b || !b->parse_value) return (gql_resolved){Py_NewRef(value), false};
    gql_resolved r = resolved_call(ex, PyObject_CallOneArg(b->parse_value, value));
    if (!r.value) return r;
    if (!r.error && r.value == ex->st->exec.undefined) {
        /* graphql-core's coerce_input_value: "Expected type 'T'." */
        Py_DECREF(r.value);
        r.value = make_graphql_error(
            ex, PyUnicode_FromFormat("Expected type '%s'.", gql_schema_type_name(type)));
        r.error = true;
        if (!r.value) PyErr_Clear(); /* out of memory for the core */
    } else if (r.error && PyObject_IsInstance(r.value, ex->st->graphql_error_class) == 0) {
        r.value = wrap_parse_value_error(ex, type, r.value);
    }
    PyErr_Clear();
    return r;
}

static gql_value_kind host_input_kind(void *ctx, gql_value value) {
    graftql_exec *ex = ctx;
    PyObject *v = value;
    if (v == Py_None) return GQL_VALUE_NULL;
    if (PyBool_Check(v)) return GQL_VALUE_BOOL;
    if (PyLong_Check(v)) return GQL_VALUE_INT;
    if (PyFloat_Check(v)) return GQL_VALUE_FLOAT;
    if (PyUnicode_Check(v)) return GQL_VALUE_STRING;
    if (PyList_Check(v) || PyTuple_Check(v)) return GQL_VALUE_LIST;
    if (PyDict_Check(v)) return GQL_VALUE_OBJECT;
    if (PyBytes_Check(v) || PyByteArray_Check(v) || PyMemoryView_Check(v))
        return GQL_VALUE_OTHER;
    /* graphql-core's coerce_input_value takes input objects as dicts only,
     * and any other Mapping is not a list either (is_iterable). */
    int mapping = PyObject_IsInstance(v, ex->st->exec.mapping_abc);
    if (mapping < 0) PyErr_Clear();
    if (mapping > 0) return GQL_VALUE_OTHER;
    return Py_TYPE(v)->tp_iter ? GQL_VALUE_LIST : GQL_VALUE_OTHER;
}

static bool host_input_bool(void *ctx, gql_value value) {
    return value == Py_True;
}

static bool host_input_int(void *ctx, gql_value value, int64_t *out) {
    int overflow;
    long long n = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (n == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return false;
    }
    *out = n;
    return !overflow;
}

static double host_input_float(void *ctx, gql_value value) {
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) PyErr_Clear();
    return d;
}

static const char *host_input_string(void *ctx, gql_value value, size_t *len) {
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(value, &n);
    if (!s) {
        PyErr_Clear();
        return NULL;
    }
    *len = (size_t)n;
    return s;
}

/* Keep obj alive for the execution (a borrowed pointer points into it). */
static bool keep(graftql_exec *ex, PyObject *obj) {
    int rc = PyList_Append(ex->keep, obj);
    Py_DECREF(obj);
    if (rc < 0) PyErr_Clear();
    return rc == 0;
}

static size_t host_input_list(void *ctx, gql_value value, gql_value const **items) {
    graftql_exec *ex = ctx;
    PyObject *t = PySequence_Tuple(value);
    if (!t || !keep(ex, t)) {
        PyErr_Clear();
        *items = NULL;
        return 0;
    }
    *items = (gql_value const *)&PyTuple_GET_ITEM(t, 0);
    return (size_t)PyTuple_GET_SIZE(t);
}

static gql_value host_input_field(void *ctx, gql_value object, const char *name, size_t len) {
    graftql_exec *ex = ctx;
    PyObject *key = PyUnicode_DecodeUTF8(name, (Py_ssize_t)len, NULL);
    if (!key) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *v;
    if (PyDict_Check(object)) {
        v = PyDict_GetItemWithError(object, key);
        Py_XINCREF(v);
    } else {
        v = PyObject_GetItem(object, key);
    }
    Py_DECREF(key);
    if (!v) {
        PyErr_Clear();
        return NULL;
    }
    return keep(ex, v) ? v : NULL;
}

static bool host_input_key(void *ctx, gql_value object, size_t index, const char **key,
                           size_t *key_len) {
    graftql_exec *ex = ctx;
    /* The keys as strings, made once per object at index 0 and kept. */
    PyObject *keys;
    if (index == 0) {
        PyObject *list = PySequence_List(object);
        if (!list) {
            PyErr_Clear();
            return false;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
            PyObject *k = PyList_GET_ITEM(list, i);
            if (!PyUnicode_Check(k)) {
                PyObject *s = PyObject_Str(k);
                if (!s) {
                    PyErr_Clear();
                    Py_DECREF(list);
                    return false;
                }
                PyList_SET_ITEM(list, i, s);
                Py_DECREF(k);
            }
        }
        if (!keep(ex, Py_NewRef(list))) {
            Py_DECREF(list);
            return false;
        }
        Py_DECREF(list);
    }
    /* The last list kept is this object's keys. */
    keys = PyList_GET_ITEM(ex->keep, PyList_GET_SIZE(ex->keep) - 1);
    if (!PyList_Check(keys) || (Py_ssize_t)index >= PyList_GET_SIZE(keys)) return false;
    Py_ssize_t n;
    *key = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(keys, (Py_ssize_t)index), &n);
    if (!*key) {
        PyErr_Clear();
        return false;
    }
    *key_len = (size_t)n;
    return true;
}

static void host_inspect(void *ctx, gql_value value, gql_strbuf *b) {
    graftql_exec *ex = ctx;
    PyObject *s = PyObject_CallOneArg(ex->st->exec.inspect, value);
    if (!s) {
        PyErr_Clear();
        gql_strbuf_puts(b, "<object>");
        return;
    }
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &n);
    if (utf8) gql_strbuf_append(b, utf8, (size_t)n);
    else PyErr_Clear();
    Py_DECREF(s);
}

static void host_release(void *ctx, gql_value value) {
    Py_XDECREF((PyObject *)value);
}

static void host_retain(void *ctx, gql_value value) {
    Py_XINCREF((PyObject *)value);
}

static const gql_host python_host = {
    .resolve = host_resolve,
    .kind = host_kind,
    .list_items = host_list_items,
    .serialize = host_serialize,
    .resolve_type = host_resolve_type,
    .is_type_of = host_is_type_of,
    .error_message = host_error_message,
    .make_error = host_make_error,
    .write_leaf = host_write_leaf,
    .write_error_extensions = host_write_error_extensions,
    .make_null = host_make_null,
    .make_bool = host_make_bool,
    .make_int = host_make_int,
    .make_int_text = host_make_int_text,
    .make_float = host_make_float,
    .make_string = host_make_string,
    .make_list = host_make_list,
    .list_set = host_list_set,
    .make_object = host_make_object,
    .object_set = host_object_set,
    .enum_value = host_enum_value,
    .parse_literal = host_parse_literal,
    .parse_value = host_parse_value,
    .input_kind = host_input_kind,
    .input_bool = host_input_bool,
    .input_int = host_input_int,
    .input_float = host_input_float,
    .input_string = host_input_string,
    .input_list = host_input_list,
    .input_field = host_input_field,
    .input_key = host_input_key,
    .inspect = host_inspect,
    .release = host_release,
    .retain = host_retain,
};

/*=== MARK: Execution =======================================================*/

typedef struct py_visit {
    visitproc visit;
    void *arg;
} py_visit;

static int visit_value(gql_value value, void *arg) {
    py_visit *v = arg;
    return v->visit((PyObject *)value, v->arg);
}

/* Also every value the core execution holds (its errors' exceptions among
 * them, each visited once): a field or variable error's traceback reaches
 * the frames that hold this object, a cycle only the collector can break. */
static int exec_traverse(graftql_exec *self, visitproc visit, void *arg) {
    if (self->exec) {
        py_visit v = {visit, arg};
        int r = gql_execution_visit(self->exec, visit_value, &v);
        if (r) return r;
    }
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->core);
    Py_VISIT(self->document);
    Py_VISIT(self->schema);
    Py_VISIT(self->root_value);
    Py_VISIT(self->variables);
    Py_VISIT(self->context);
    Py_VISIT(self->keep);
    Py_VISIT(self->fragments);
    Py_VISIT(self->data);
    Py_VISIT(self->errors);
    return 0;
}

static void id_texts_free(graftql_exec *self);

static int exec_clear(graftql_exec *self) {
    if (self->exec) {
        gql_execution *exec = self->exec;
        self->exec = NULL;
        gql_execution_free(exec);
    }
    id_texts_free(self);
    Py_CLEAR(self->fragments);
    Py_CLEAR(self->data);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->last_name);
    Py_CLEAR(self->keep);
    Py_CLEAR(self->schema);
    Py_CLEAR(self->root_value);
    Py_CLEAR(self->variables);
    Py_CLEAR(self->context);
    Py_CLEAR(self->document);
    Py_CLEAR(self->core);
    return 0;
}

static void exec_dealloc(graftql_exec *self) {
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    exec_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static bool exec_alive(graftql_exec *self) {
    if (self->exec) return true;
    PyErr_SetString(PyExc_RuntimeError, "this execution has been released");
    return false;
}

/* run() -> None when done, or the list of pending values to settle. */
static PyObject *exec_run(graftql_exec *self, PyObject *unused) {
    if (!exec_alive(self)) return NULL;
    gql_exec_status st = gql_execution_run(self->exec);
    if (self->aborted || st == GQL_EXEC_ABORTED) {
        self->aborted = false;
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "the execution was aborted by its host");
        return NULL;
    }
    if (PyErr_Occurred()) PyErr_Clear();
    if (st == GQL_EXEC_NOMEM) return PyErr_NoMemory();
    if (st == GQL_EXEC_DONE) Py_RETURN_NONE;
    gql_value const *values;
    size_t n = gql_execution_pending(self->exec, &values);
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (!list) return NULL;
    for (size_t i = 0; i < n; i++) PyList_SET_ITEM(list, (Py_ssize_t)i, Py_NewRef(values[i]));
    return list;
}

static PyObject *exec_pending_field(graftql_exec *self, PyObject *index) {
    if (!exec_alive(self)) return NULL;
    Py_ssize_t i = PyLong_AsSsize_t(index);
    if (i == -1 && PyErr_Occurred()) return NULL;
    const gql_field_info *fi = i >= 0 ? gql_execution_pending_field(self->exec, (size_t)i) : NULL;
    if (!fi) {
        PyErr_SetString(PyExc_IndexError, "no such pending value");
        return NULL;
    }
    return field_label(fi);
}

/* settle(index, value, is_error) */
static PyObject *exec_settle(graftql_exec *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "settle(index, value, is_error)");
        return NULL;
    }
    if (!exec_alive(self)) return NULL;
    Py_ssize_t i = PyLong_AsSsize_t(args[0]);
    if (i == -1 && PyErr_Occurred()) return NULL;
    int error = PyObject_IsTrue(args[2]);
    if (error < 0) return NULL;
    gql_value const *values;
    size_t n = gql_execution_pending(self->exec, &values);
    if (i < 0 || (size_t)i >= n) {
        PyErr_SetString(PyExc_IndexError, "no such pending value");
        return NULL;
    }
    gql_execution_settle(self->exec, (size_t)i, Py_NewRef(args[1]), error);
    Py_RETURN_NONE;
}

/* Response keys as interned str, cached by symbol (a direct-mapped table:
 * a miss only costs a new str). */
typedef struct key_cache {
    const gql_sym *sym[256];
    PyObject *str[256];
} key_cache;

static PyObject *cached_key(key_cache *c, const gql_sym *sym) {
    size_t slot = ((uintptr_t)sym >> 4) & 255;
    if (c->sym[slot] == sym) return Py_NewRef(c->str[slot]);
    PyObject *s = PyUnicode_DecodeUTF8(sym->str, (Py_ssize_t)sym->len, NULL);
    if (!s) return NULL;
    PyUnicode_InternInPlace(&s);
    Py_XSETREF(c->str[slot], Py_NewRef(s));
    c->sym[slot] = sym;
    return s;
}

static PyObject *build_value(graftql_exec *self, key_cache *keys, const gql_result_value *v) {
    switch (gql_result_value_kind(v)) {
    case GQL_RESULT_NULL:
        return Py_NewRef(Py_None);
    case GQL_RESULT_LEAF:
        return Py_NewRef((PyObject *)gql_result_leaf(v));
    case GQL_RESULT_TEXT: {
        size_t len;
        const char *s = gql_result_text(v, &len);
        return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, NULL);
    }
    case GQL_RESULT_JSON: {
        size_t len;
        const char *s = gql_result_text(v, &len);
        PyObject *text = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "surrogatepass");
        if (!text) return NULL;
        PyObject *r = PyObject_CallOneArg(self->st->exec.json_loads, text);
        Py_DECREF(text);
        return r;
    }
    case GQL_RESULT_OBJECT:
    case GQL_RESULT_LIST:
        break;
    }
    if (Py_EnterRecursiveCall(" while building the result")) return NULL;
    size_t n = gql_result_size(v);
    PyObject *r;
    if (gql_result_value_kind(v) == GQL_RESULT_LIST) {
        r = PyList_New((Py_ssize_t)n);
        for (size_t i = 0; r && i < n; i++) {
            PyObject *item = build_value(self, keys, gql_result_item(v, i));
            if (!item) Py_CLEAR(r);
            else PyList_SET_ITEM(r, (Py_ssize_t)i, item);
        }
    } else {
        r = _PyDict_NewPresized((Py_ssize_t)n);
        for (size_t i = 0; r && i < n; i++) {
            PyObject *key = cached_key(keys, gql_result_key(v, i));
            PyObject *item = key ? build_value(self, keys, gql_result_item(v, i)) : NULL;
            if (!item || PyDict_SetItem(r, key, item) < 0) Py_CLEAR(r);
            Py_XDECREF(key);
            Py_XDECREF(item);
        }
    }
    Py_LeaveRecursiveCall();
    return r;
}

/* data() -> the response's data (None when absent or null). */
static PyObject *exec_data(graftql_exec *self, PyObject *unused) {
    if (!exec_alive(self)) return NULL;
    if (!self->data) {
        const gql_result_value *data = gql_execution_data(self->exec);
        if (!data) Py_RETURN_NONE;
        key_cache keys;
        memset(&keys, 0, sizeof keys);
        /* Tens of thousands of new dicts would run the cycle collector over
         * and over, for nothing: they cannot form cycles while being built. */
        int gc_was_enabled = PyGC_Disable();
        self->data = build_value(self, &keys, data);
        if (gc_was_enabled) PyGC_Enable();
        for (int i = 0; i < 256; i++) Py_XDECREF(keys.str[i]);
        if (!self->data) return NULL;
    }
    return Py_NewRef(self->data);
}

static PyObject *exec_has_data(graftql_exec *self, void *closure) {
    if (!exec_alive(self)) return NULL;
    return PyBool_FromLong(gql_execution_has_data(self->exec));
}

/* errors() -> list of GraphQLError (empty when none). */
static PyObject *exec_errors(graftql_exec *self, PyObject *unused) {
    if (!exec_alive(self)) return NULL;
    if (self->errors) return Py_NewRef(self->errors);
    size_t n = gql_execution_error_count(self->exec);
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (!list) return NULL;
    size_t length;
    const char *src = gql_document_source(self->document->doc, &length);
    PyObject *source = graftql_document_source_str(self->document);
    if (!source) goto error;
    for (size_t i = 0; i < n; i++) {
        const gql_exec_error *e = gql_execution_error_at(self->exec, i);
        PyObject *locations = PyList_New(e->offset_count);
        if (!locations) goto error_source;
        for (uint32_t k = 0; k < e->offset_count; k++) {
            size_t offset = e->offsets[k] < length ? e->offsets[k] : length;
            gql_location loc = gql_locate(src, length, offset);
            PyObject *item =
                Py_BuildValue("(nII)", (Py_ssize_t)graftql_document_codepoint(self->document, offset),
                              (unsigned)loc.line, (unsigned)loc.column);
            if (!item) {
                Py_DECREF(locations);
                goto error_source;
            }
            PyList_SET_ITEM(locations, k, item);
        }
        PyObject *path = Py_NewRef(Py_None);
        if (e->path) {
            Py_SETREF(path, path_list(self, e->path));
            PyObject *last = path ? (e->path_field ? sym_str(e->path_field)
                                                   : PyLong_FromLongLong(e->path_index))
                                  : NULL;
            if (!last || PyList_Append(path, last) < 0) Py_CLEAR(path);
            Py_XDECREF(last);
        }
        PyObject *message = path ? PyUnicode_DecodeUTF8(e->message, (Py_ssize_t)e->message_len,
                                                        "surrogatepass")
                                 : NULL;
        PyObject *exc =
            message ? PyObject_CallFunctionObjArgs(
                          self->st->exec.make_error, message, source, locations, path,
                          e->original ? (PyObject *)e->original : Py_None, NULL)
                    : NULL;
        Py_XDECREF(message);
        Py_XDECREF(path);
        Py_DECREF(locations);
        if (!exc) goto error_source;
        PyList_SET_ITEM(list, (Py_ssize_t)i, exc);
    }
    Py_DECREF(source);
    self->errors = list;
    return Py_NewRef(list);
error_source:
    Py_DECREF(source);
error:
    Py_DECREF(list);
    return NULL;
}

/* to_json() -> bytes, written by the core. */
static PyObject *exec_to_json(graftql_exec *self, PyObject *unused) {
    if (!exec_alive(self)) return NULL;
    size_t len;
    gql_value error = NULL;
    char *json = gql_execution_json(self->exec, &len, &error);
    if (!json) {
        if (error) {
            PyObject *exc = error;
            PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
            Py_DECREF(exc);
            return NULL;
        }
        return PyErr_NoMemory();
    }
    PyObject *r = PyBytes_FromStringAndSize(json, (Py_ssize_t)len);
    gql_free(json);
    return r;
}

/* source() -> (value, is_error), or None: a subscription's source stream. */
static PyObject *exec_source(graftql_exec *self, PyObject *unused) {
    if (!exec_alive(self)) return NULL;
    bool error;
    PyObject *value = gql_execution_source(self->exec, &error);
    if (!value) Py_RETURN_NONE;
    return Py_BuildValue("(OO)", value, error ? Py_True : Py_False);
}

static PyMethodDef exec_methods[] = {
    {"source", (PyCFunction)exec_source, METH_NOARGS,
     PyDoc_STR("source() -> (value, is_error) of a subscription's root field, or None.")},
    {"run", (PyCFunction)exec_run, METH_NOARGS,
     PyDoc_STR("run() -> None when done, else the list of pending values of the wave.")},
    {"settle", (PyCFunction)(void (*)(void))exec_settle, METH_FASTCALL,
     PyDoc_STR("settle(index, value, is_error): what pending value index produced.")},
    {"pending_field", (PyCFunction)exec_pending_field, METH_O,
     PyDoc_STR("pending_field(index) -> 'Type.field' the pending value belongs to.")},
    {"data", (PyCFunction)exec_data, METH_NOARGS, PyDoc_STR("The response data (built once).")},
    {"errors", (PyCFunction)exec_errors, METH_NOARGS,
     PyDoc_STR("The errors, in graphql-core's order (built once).")},
    {"to_json", (PyCFunction)exec_to_json, METH_NOARGS,
     PyDoc_STR("The response as JSON bytes, written by the core.")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef exec_getset[] = {
    {"has_data", (getter)exec_has_data, NULL,
     PyDoc_STR("Whether the response has data (false after a request error)."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot exec_slots[] = {
    {Py_tp_dealloc, (void *)exec_dealloc},
    {Py_tp_traverse, (void *)exec_traverse},
    {Py_tp_clear, (void *)exec_clear},
    {Py_tp_methods, exec_methods},
    {Py_tp_getset, exec_getset},
    {Py_tp_doc, (void *)PyDoc_STR("One execution of an operation (CoreSchema.execute).")},
    {0, NULL},
};

static PyType_Spec exec_spec = {
    .name = "graftql._core.Execution",
    .basicsize = sizeof(graftql_exec),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = exec_slots,
};

const char graftql_schema_execute_doc[] =
    "execute(document, schema, root_value, variables, operation_name, context, async_mode,\n"
    "        subscription_source, subscription_event)\n"
    "--\n\n"
    "Start executing a validated document: an Execution to run().";

PyObject *graftql_schema_execute(graftql_schema *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 9) {
        PyErr_SetString(PyExc_TypeError,
                        "execute(document, schema, root_value, variables, operation_name, "
                        "context, async_mode, subscription_source, subscription_event)");
        return NULL;
    }
    if (!PyTuple_Check(args[8]) || PyTuple_GET_SIZE(args[8]) > 1) {
        PyErr_SetString(PyExc_TypeError, "subscription_event must be () or (event,)");
        return NULL;
    }
    PyObject *module = PyType_GetModule(Py_TYPE(self));
    if (!module) return NULL;
    graftql_state *st = PyModule_GetState(module);
    if (!st->exec.inspect) {
        PyErr_SetString(PyExc_RuntimeError, "graftql.execution is not imported");
        return NULL;
    }
    if (!PyObject_TypeCheck(args[0], st->document_type)) {
        PyErr_SetString(PyExc_TypeError, "execute() needs a graftql Document");
        return NULL;
    }
    if (!self->frozen) {
        PyErr_SetString(PyExc_RuntimeError, "the schema's bindings are not frozen");
        return NULL;
    }
    const char *operation_name = NULL;
    if (args[4] != Py_None) {
        if (!PyUnicode_Check(args[4])) {
            PyErr_SetString(PyExc_TypeError, "operation_name must be a str or None");
            return NULL;
        }
        operation_name = PyUnicode_AsUTF8(args[4]);
        if (!operation_name) return NULL;
    }
    graftql_exec *ex = PyObject_GC_New(graftql_exec, st->exec.execution_type);
    if (!ex) return NULL;
    ex->st = st;
    ex->exec = NULL;
    ex->core = (graftql_schema *)Py_NewRef(self);
    ex->document = (graftql_document *)Py_NewRef(args[0]);
    ex->schema = Py_NewRef(args[1]);
    ex->root_value = Py_NewRef(args[2]);
    ex->variables = Py_NewRef(args[3]);
    ex->context = Py_NewRef(args[5]);
    ex->keep = PyList_New(0);
    ex->fragments = ex->data = ex->errors = ex->last_name = NULL;
    ex->ids = NULL;
    ex->async_mode = PyObject_IsTrue(args[6]) > 0;
    ex->event_mode = false;
    ex->aborted = false;
    for (int k = 0; k < 5; k++)
        ex->builtin[k] = gql_schema_get_type(self->schema, builtin_names[k], strlen(builtin_names[k]));
    PyObject_GC_Track(ex);
    if (!ex->keep) {
        Py_DECREF(ex);
        return NULL;
    }
    gql_execute_options options;
    gql_execute_options_init(&options);
    options.operation_name = operation_name;
    options.root_value = ex->root_value;
    options.variables = args[3] == Py_None ? NULL : args[3];
    options.subscription_source = PyObject_IsTrue(args[7]) > 0;
    if (PyTuple_GET_SIZE(args[8])) {
        /* The event is the root value (graphql-core's map_source_to_response). */
        ex->event_mode = true;
        Py_SETREF(ex->root_value, Py_NewRef(PyTuple_GET_ITEM(args[8], 0)));
        options.root_value = ex->root_value;
    }
    ex->exec = gql_execution_new(self->schema, ex->document->doc, &python_host, ex, &options);
    if (ex->aborted) {
        Py_DECREF(ex);
        return NULL;
    }
    if (PyErr_Occurred()) PyErr_Clear();
    if (!ex->exec) {
        Py_DECREF(ex);
        return PyErr_NoMemory();
    }
    return (PyObject *)ex;
}

/*=== MARK: Module ==========================================================*/

static PyObject *set_execution_helpers(PyObject *module, PyObject *const *args,
                                       Py_ssize_t nargs) {
    graftql_state *st = PyModule_GetState(module);
    if (nargs != 10) {
        PyErr_SetString(PyExc_TypeError,
                        "_set_execution_helpers(inspect, serialize_builtin, parse_literal, "
                        "make_error, batch_pending, pending_type, path_class, first_type, "
                        "truthy, undefined)");
        return NULL;
    }
    Py_XSETREF(st->exec.undefined, Py_NewRef(args[9]));
    Py_XSETREF(st->exec.first_type, Py_NewRef(args[7]));
    Py_XSETREF(st->exec.truthy, Py_NewRef(args[8]));
    Py_XSETREF(st->exec.inspect, Py_NewRef(args[0]));
    Py_XSETREF(st->exec.serialize_builtin, Py_NewRef(args[1]));
    Py_XSETREF(st->exec.parse_literal, Py_NewRef(args[2]));
    Py_XSETREF(st->exec.make_error, Py_NewRef(args[3]));
    Py_XSETREF(st->exec.batch_pending, Py_NewRef(args[4]));
    Py_XSETREF(st->exec.pending_type, Py_NewRef(args[5]));
    Py_XSETREF(st->exec.path_class, Py_NewRef(args[6]));
    Py_RETURN_NONE;
}

static PyMethodDef execute_functions[] = {
    {"_set_execution_helpers", (PyCFunction)(void (*)(void))set_execution_helpers,
     METH_FASTCALL, PyDoc_STR("Register graftql.execution's helpers (done on its import).")},
    {NULL, NULL, 0, NULL},
};

static int intern_into(PyObject **slot, const char *s) {
    *slot = PyUnicode_InternFromString(s);
    return *slot ? 0 : -1;
}

int graftql_execute_module_init(PyObject *module, graftql_state *st) {
    graftql_exec_state *e = &st->exec;
    e->execution_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &exec_spec, NULL);
    if (!e->execution_type || PyModule_AddType(module, e->execution_type) < 0) return -1;
    e->info_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &info_spec, NULL);
    if (!e->info_type || PyModule_AddType(module, e->info_type) < 0) return -1;
    if (intern_into(&e->str_get, "get") < 0 || intern_into(&e->str_typename, "__typename") < 0 ||
        intern_into(&e->str_message, "message") < 0 ||
        intern_into(&e->str_extensions, "extensions") < 0 ||
        intern_into(&e->str_batch, "__graftql_batch__") < 0 ||
        intern_into(&e->str_close, "close") < 0)
        return -1;
    PyObject *abc = PyImport_ImportModule("collections.abc");
    if (!abc) return -1;
    e->mapping_abc = PyObject_GetAttrString(abc, "Mapping");
    Py_DECREF(abc);
    if (!e->mapping_abc) return -1;
    PyObject *json = PyImport_ImportModule("json");
    if (!json) return -1;
    e->json_loads = PyObject_GetAttrString(json, "loads");
    Py_DECREF(json);
    if (!e->json_loads) return -1;
    if (!st->graphql_error_class) {
        PyObject *errors = PyImport_ImportModule("graftql.error");
        if (!errors) return -1;
        st->graphql_error_class = PyObject_GetAttrString(errors, "GraphQLError");
        Py_DECREF(errors);
        if (!st->graphql_error_class) return -1;
    }
    return PyModule_AddFunctions(module, execute_functions);
}

int graftql_execute_module_traverse(graftql_state *st, visitproc visit, void *arg) {
    graftql_exec_state *e = &st->exec;
    Py_VISIT(e->execution_type);
    Py_VISIT(e->info_type);
    Py_VISIT(e->inspect);
    Py_VISIT(e->serialize_builtin);
    Py_VISIT(e->parse_literal);
    Py_VISIT(e->undefined);
    Py_VISIT(e->make_error);
    Py_VISIT(e->batch_pending);
    Py_VISIT(e->pending_type);
    Py_VISIT(e->mapping_abc);
    Py_VISIT(e->path_class);
    Py_VISIT(e->first_type);
    Py_VISIT(e->truthy);
    Py_VISIT(e->json_loads);
    return 0;
}

void graftql_execute_module_clear(graftql_state *st) {
    graftql_exec_state *e = &st->exec;
    Py_CLEAR(e->execution_type);
    Py_CLEAR(e->info_type);
    Py_CLEAR(e->inspect);
    Py_CLEAR(e->serialize_builtin);
    Py_CLEAR(e->parse_literal);
    Py_CLEAR(e->undefined);
    Py_CLEAR(e->make_error);
    Py_CLEAR(e->batch_pending);
    Py_CLEAR(e->pending_type);
    Py_CLEAR(e->mapping_abc);
    Py_CLEAR(e->path_class);
    Py_CLEAR(e->first_type);
    Py_CLEAR(e->truthy);
    Py_CLEAR(e->json_loads);
    Py_CLEAR(e->str_get);
    Py_CLEAR(e->str_typename);
    Py_CLEAR(e->str_message);
    Py_CLEAR(e->str_extensions);
    Py_CLEAR(e->str_batch);
    Py_CLEAR(e->str_close);
}
