/*
 * node.c: graftql.Node, a read-only view of one node of a parsed document
 * with graphql-core's attributes, for Python code that reads the AST
 * (custom validation rules). A Node is a pointer into the document's arena
 * plus a strong reference to the Document that owns it, so the AST lives
 * as long as any Node does; attributes are made when read, from the same
 * field tables to_dict uses (document.c), so they are exactly graphql-core's
 * Node.keys: node.kind, node.name.value, node.alias, node.arguments,
 * node.selection_set.selections, node.loc.start, ...
 *
 * What differs from graphql-core's nodes: there is one class (node.kind says
 * which node it is; repr() shows graphql-core's class name); lists are
 * tuples of Nodes made on each read; an attribute read twice gives equal
 * Nodes, not the same object (Nodes compare and hash by the node they
 * show, not by value); operation is graftql.OperationType, a str enum;
 * loc.source is the document's text (a str).
 */
#include "pyext.h"

#include <string.h>

/*=== MARK: Helpers =========================================================*/

/* graftql.language, imported on first use (it imports nothing from here). */
static int load_language(graftql_state *st) {
    if (st->location_class) return 0;
    PyObject *language = PyImport_ImportModule("graftql.language");
    if (!language) return -1;
    PyObject *location = PyObject_GetAttrString(language, "Location");
    PyObject *operation = location ? PyObject_GetAttrString(language, "OperationType") : NULL;
    Py_DECREF(language);
    if (!operation) {
        Py_XDECREF(location);
        return -1;
    }
    static const char *const members[3] = {"QUERY", "MUTATION", "SUBSCRIPTION"};
    for (int op = 0; op < 3; op++) {
        PyObject *member = PyObject_GetAttrString(operation, members[op]);
        if (!member) {
            for (int j = 0; j < op; j++) Py_CLEAR(st->operation_types[j]);
            Py_DECREF(operation);
            Py_DECREF(location);
            return -1;
        }
        st->operation_types[op] = member;
    }
    Py_DECREF(operation);
    st->location_class = location;
    return 0;
}

PyObject *graftql_document_source_str(graftql_document *doc) {
    if (!doc->source_str) {
        size_t len = 0;
        const char *src = gql_document_source(doc->doc, &len);
        doc->source_str = graftql_decode(src, len, doc->surrogates);
        if (!doc->source_str) return NULL;
    }
    return Py_NewRef(doc->source_str);
}

size_t graftql_document_codepoint(graftql_document *doc, size_t offset) {
    size_t len = 0;
    const char *src = gql_document_source(doc->doc, &len);
    if (offset > len) offset = len;
    return doc->ascii ? offset : gql_codepoint_offset(src, len, offset);
}

/* graphql-core's class name of a kind: "operation_definition" ->
 * "OperationDefinitionNode". */
static PyObject *class_name(gql_kind kind) {
    const char *s = gql_kind_name(kind);
    char buf[64];
    size_t n = 0;
    bool upper = true;
    for (; *s && n < sizeof buf - 5; s++) {
        if (*s == '_') {
            upper = true;
            continue;
        }
        buf[n++] = upper && *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
        upper = false;
    }
    memcpy(buf + n, "Node", 5);
    return PyUnicode_FromString(buf);
}

static inline graftql_state *node_state(graftql_node *self) {
    return PyType_GetModuleState(Py_TYPE(self));
}

/*=== MARK: Node ============================================================*/

PyObject *graftql_node_new(graftql_state *st, graftql_document *document, const gql_node *node) {
    if (!node) Py_RETURN_NONE;
    graftql_node *self = PyObject_New(graftql_node, st->node_type);
    if (!self) return NULL;
    self->document = (graftql_document *)Py_NewRef((PyObject *)document);
    self->node = node;
    return (PyObject *)self;
}

static void node_dealloc(graftql_node *self) {
    PyTypeObject *type = Py_TYPE(self);
    Py_DECREF(self->document);
    PyObject_Free(self);
    Py_DECREF(type);
}

PyObject *graftql_node_list(graftql_state *st, graftql_document *document,
                            const gql_list *list) {
    PyObject *items = PyTuple_New((Py_ssize_t)list->count);
    if (!items) return NULL;
    for (uint32_t i = 0; i < list->count; i++) {
        PyObject *item = graftql_node_new(st, document, list->items[i]);
        if (!item) {
            Py_DECREF(items);
            return NULL;
        }
        PyTuple_SET_ITEM(items, (Py_ssize_t)i, item);
    }
    return items;
}

static inline PyObject *new_bool(unsigned flags, unsigned flag) {
    return Py_NewRef((flags & flag) ? Py_True : Py_False);
}

/* The value of one attribute of the node (f from st->fields). */
static PyObject *attribute(graftql_state *st, graftql_node *self, const field_spec *f) {
    const gql_node *node = self->node;
    const char *base = (const char *)node;
    switch ((field_how)f->how) {
    case FIELD_NODE: {
        const gql_node *child;
        memcpy(&child, base + f->offset, sizeof child);
        return graftql_node_new(st, self->document, child);
    }
    case FIELD_LIST:
        return graftql_node_list(st, self->document, (const gql_list *)(base + f->offset));
    case FIELD_NAME: {
        const gql_sym *sym = ((const gql_name *)node)->value;
        return PyUnicode_DecodeUTF8(sym->str, (Py_ssize_t)sym->len, NULL);
    }
    case FIELD_TEXT: {
        const gql_text *t = &((const gql_scalar_value *)node)->value;
        return PyUnicode_DecodeUTF8(t->ptr, (Py_ssize_t)t->len, NULL);
    }
    case FIELD_STRING: {
        const gql_text *t = &((const gql_string_value *)node)->value;
        return graftql_decode(t->ptr, t->len, self->document->surrogates);
    }
    case FIELD_BLOCK:
        return new_bool(node->flags, GQL_FLAG_BLOCK);
    case FIELD_BOOLEAN:
        return new_bool(node->flags, GQL_FLAG_TRUE);
    case FIELD_REPEATABLE:
        return new_bool(node->flags, GQL_FLAG_REPEATABLE);
    case FIELD_OPERATION:
        if (node->flags > GQL_SUBSCRIPTION) break;
        if (load_language(st) < 0) return NULL;
        return Py_NewRef(st->operation_types[node->flags]);
    case FIELD_NONE:
        Py_RETURN_NONE;
    case FIELD_EMPTY_LIST:
        return PyTuple_New(0);
    }
    PyErr_Format(PyExc_SystemError, "graftql: bad AST field %d of %s", (int)f->how,
                 gql_kind_name((gql_kind)node->kind));
    return NULL;
}

/* graphql-core's Location(start, end, source) in code points, or None for
 * a document parsed with no_location. */
static PyObject *location(graftql_state *st, graftql_node *self) {
    if (gql_document_no_location(self->document->doc)) Py_RETURN_NONE;
    if (load_language(st) < 0) return NULL;
    PyObject *source = graftql_document_source_str(self->document);
    if (!source) return NULL;
    PyObject *loc = PyObject_CallFunction(
        st->location_class, "nnO",
        (Py_ssize_t)graftql_document_codepoint(self->document, self->node->start),
        (Py_ssize_t)graftql_document_codepoint(self->document, self->node->end), source);
    Py_DECREF(source);
    return loc;
}

/* graphql-core's Node.keys: "loc", then the attributes in its order. */
static PyObject *keys(graftql_state *st, gql_kind kind) {
    if (!st->node_keys[kind]) {
        uint8_t n = st->field_count[kind];
        PyObject *t = PyTuple_New(1 + n);
        if (!t) return NULL;
        PyTuple_SET_ITEM(t, 0, Py_NewRef(st->str_loc));
        for (uint8_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(t, 1 + i, Py_NewRef(st->fields[kind][i].key));
        st->node_keys[kind] = t;
    }
    return Py_NewRef(st->node_keys[kind]);
}

static PyObject *node_getattro(graftql_node *self, PyObject *name) {
    graftql_state *st = node_state(self);
    if (!st) return NULL;
    gql_kind kind = (gql_kind)self->node->kind;
    const field_spec *fields = st->fields[kind];
    uint8_t n = st->field_count[kind];
    /* Attribute names in code are interned, as the table's keys are. */
    for (uint8_t i = 0; i < n; i++)
        if (fields[i].key == name) return attribute(st, self, &fields[i]);
    if (name == st->str_kind) return Py_NewRef(st->kind_names[kind]);
    if (name == st->str_loc) return location(st, self);
    if (PyUnicode_Check(name) && !PyUnicode_CHECK_INTERNED(name)) {
        for (uint8_t i = 0; i < n; i++)
            if (PyUnicode_Compare(fields[i].key, name) == 0) return attribute(st, self, &fields[i]);
        if (PyUnicode_Compare(st->str_kind, name) == 0) return Py_NewRef(st->kind_names[kind]);
        if (PyUnicode_Compare(st->str_loc, name) == 0) return location(st, self);
    }
    PyObject *value = PyObject_GenericGetAttr((PyObject *)self, name);
    if (value || !PyErr_ExceptionMatches(PyExc_AttributeError) || !PyUnicode_Check(name))
        return value;
    /* Say what there is instead. */
    PyErr_Clear();
    PyObject *attrs = keys(st, kind);
    PyObject *sep = attrs ? PyUnicode_FromString(", ") : NULL;
    PyObject *listing = sep ? PyUnicode_Join(sep, attrs) : NULL;
    if (listing)
        PyErr_Format(PyExc_AttributeError,
                     "a %U node has no attribute %R; it has kind, %U", st->kind_names[kind],
                     name, listing);
    Py_XDECREF(listing);
    Py_XDECREF(sep);
    Py_XDECREF(attrs);
    return NULL;
}

static int node_setattro(graftql_node *self, PyObject *name, PyObject *value) {
    PyErr_Format(PyExc_AttributeError, "graftql.Node is read-only: cannot set %R", name);
    return -1;
}

static PyObject *node_get_keys(graftql_node *self, void *closure) {
    graftql_state *st = node_state(self);
    return st ? keys(st, (gql_kind)self->node->kind) : NULL;
}

/* Equal when they show the same node (of the same document). */
static PyObject *node_richcompare(graftql_node *self, PyObject *other, int op) {
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(other) != Py_TYPE(self))
        Py_RETURN_NOTIMPLEMENTED;
    bool same = ((graftql_node *)other)->node == self->node;
    return PyBool_FromLong(op == Py_EQ ? same : !same);
}

static Py_hash_t node_hash(graftql_node *self) {
    /* Nodes are at least 4-byte aligned: drop the bits that never vary. */
    Py_hash_t h = (Py_hash_t)((uintptr_t)self->node >> 2);
    return h == -1 ? -2 : h;
}

/* graphql-core's repr: "FieldNode at 2:7" (code points), or the class name. */
static PyObject *node_repr(graftql_node *self) {
    PyObject *name = class_name((gql_kind)self->node->kind);
    if (!name || gql_document_no_location(self->document->doc)) return name;
    PyObject *r = PyUnicode_FromFormat(
        "%U at %zu:%zu", name, graftql_document_codepoint(self->document, self->node->start),
        graftql_document_codepoint(self->document, self->node->end));
    Py_DECREF(name);
    return r;
}

static PyObject *node_to_dict(graftql_node *self, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"locations", NULL};
    PyObject *locations = Py_False;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:to_dict", kwlist, &locations))
        return NULL;
    if (!PyBool_Check(locations)) {
        PyErr_Format(PyExc_TypeError, "to_dict() argument 'locations' must be a bool, got %s",
                     Py_TYPE(locations)->tp_name);
        return NULL;
    }
    graftql_state *st = node_state(self);
    if (!st) return NULL;
    return graftql_to_dict(st, self->document, self->node, locations == Py_True);
}

static PyObject *node_get_document(graftql_node *self, void *closure) {
    return Py_NewRef((PyObject *)self->document);
}

static PyMethodDef node_methods[] = {
    {"to_dict", (PyCFunction)(void (*)(void))node_to_dict, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("to_dict($self, /, locations=False)\n--\n\n"
               "The node as nested dicts, as graphql-core's node.to_dict() gives it.")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef node_getset[] = {
    {"keys", (getter)node_get_keys, NULL,
     PyDoc_STR("graphql-core's Node.keys: 'loc', then the node's attributes."), NULL},
    {"document", (getter)node_get_document, NULL,
     PyDoc_STR("The graftql.Document the node belongs to."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot node_slots[] = {
    {Py_tp_dealloc, (void *)node_dealloc},
    {Py_tp_getattro, (void *)node_getattro},
    {Py_tp_setattro, (void *)node_setattro},
    {Py_tp_richcompare, (void *)node_richcompare},
    {Py_tp_hash, (void *)node_hash},
    {Py_tp_repr, (void *)node_repr},
    {Py_tp_methods, node_methods},
    {Py_tp_getset, node_getset},
    {Py_tp_doc,
     (void *)PyDoc_STR("A node of a parsed document, read-only, with graphql-core's attributes\n"
                       "(node.kind, node.name.value, node.selection_set.selections, node.loc,\n"
                       "...). Lists are tuples; Nodes are equal when they show the same node.")},
    {0, NULL},
};

static PyType_Spec node_spec = {
    .name = "graftql.Node",
    .basicsize = sizeof(graftql_node),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = node_slots,
};

int graftql_node_module_init(PyObject *module, graftql_state *st) {
    st->node_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &node_spec, NULL);
    if (!st->node_type || PyModule_AddType(module, st->node_type) < 0) return -1;
    return 0;
}

int graftql_node_module_traverse(graftql_state *st, visitproc visit, void *arg) {
    Py_VISIT(st->node_type);
    Py_VISIT(st->location_class);
    for (int op = 0; op < 3; op++) Py_VISIT(st->operation_types[op]);
    return 0;
}

void graftql_node_module_clear(graftql_state *st) {
    Py_CLEAR(st->node_type);
    Py_CLEAR(st->location_class);
    for (int op = 0; op < 3; op++) Py_CLEAR(st->operation_types[op]);
    for (int k = 0; k < GQL_KIND_COUNT; k++) Py_CLEAR(st->node_keys[k]);
}
