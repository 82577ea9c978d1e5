/*
 * document.c: graftql.Document, the Python handle of a parsed document. It
 * owns the gql_document (the arena with the AST and the core's copy of the
 * source), so it stays valid whatever happens to the str it was parsed from,
 * and frees it in one call when it dies.
 *
 * to_dict() builds exactly what graphql-core 3.2.14's ast_to_dict gives for
 * the same document (graftql_to_dict, from any node: Node.to_dict too):
 * the keys of Node.keys in order ("kind" first, "loc" last), None for an
 * absent node, [] for an empty list, code point offsets.
 * The walk is iterative (an explicit stack of nodes whose dicts are still to
 * fill) so the deepest document the parser accepts cannot overflow the C
 * stack, and keys and kind names are interned strings from the module state.
 *
 * The new dicts and lists are kept out of the cycle GC until the whole tree
 * is built, then handed to it at once: a tree cannot hold a cycle, and
 * otherwise each of the many collections that building a large tree triggers
 * would traverse everything built so far (that made to_dict five times
 * slower).
 */
#include "pyext.h"

#include <string.h>

/*=== MARK: Field tables ====================================================*/

/*
 * gql_child_slots gives the node and list attributes of each kind in
 * graphql-core's order. The scalar attributes (and the two graphql-core
 * attributes the C AST does not carry) are merged in from this table: each
 * goes before the slot named by `before`, or at the end when that is NULL.
 */
typedef struct scalar_field {
    gql_kind kind;
    const char *key;
    field_how how;
    const char *before;
} scalar_field;

static const scalar_field scalar_fields[] = {
    {GQL_NAME, "value", FIELD_NAME, NULL},
    {GQL_OPERATION_DEFINITION, "operation", FIELD_OPERATION, NULL},
    /* graphql-core keeps legacy fragment variables; None unless enabled. */
    {GQL_FRAGMENT_DEFINITION, "variable_definitions", FIELD_NONE, "selection_set"},
    {GQL_INT_VALUE, "value", FIELD_TEXT, NULL},
    {GQL_FLOAT_VALUE, "value", FIELD_TEXT, NULL},
    {GQL_STRING_VALUE, "value", FIELD_STRING, NULL},
    {GQL_STRING_VALUE, "block", FIELD_BLOCK, NULL},
    {GQL_BOOLEAN_VALUE, "value", FIELD_BOOLEAN, NULL},
    {GQL_ENUM_VALUE, "value", FIELD_TEXT, NULL},
    {GQL_OPERATION_TYPE_DEFINITION, "operation", FIELD_OPERATION, "type"},
    /* Directives on directive definitions are experimental in graphql-core
       and always empty without its opt-in flag. */
    {GQL_DIRECTIVE_DEFINITION, "directives", FIELD_EMPTY_LIST, "locations"},
    {GQL_DIRECTIVE_DEFINITION, "repeatable", FIELD_REPEATABLE, "locations"},
};

#define N_SCALAR_FIELDS (sizeof scalar_fields / sizeof scalar_fields[0])

/* The interned str for key, created on first use. Borrowed from st. */
static PyObject *intern_key(graftql_state *st, const char *key) {
    for (size_t i = 0; i < st->key_count; i++)
        if (strcmp(st->key_names[i], key) == 0) return st->keys[i];
    if (st->key_count == GRAFTQL_MAX_KEYS) {
        PyErr_SetString(PyExc_SystemError, "graftql: too many AST keys");
        return NULL;
    }
    PyObject *s = PyUnicode_InternFromString(key);
    if (!s) return NULL;
    st->key_names[st->key_count] = key;
    st->keys[st->key_count++] = s;
    return s;
}

static int add_field(graftql_state *st, gql_kind kind, const char *key, field_how how,
                     uint16_t offset) {
    if (st->field_count[kind] == GRAFTQL_MAX_FIELDS) {
        PyErr_SetString(PyExc_SystemError, "graftql: too many AST fields");
        return -1;
    }
    PyObject *k = intern_key(st, key);
    if (!k) return -1;
    field_spec *f = &st->fields[kind][st->field_count[kind]++];
    f->key = k;
    f->offset = offset;
    f->how = (uint8_t)how;
    return 0;
}

/* Add the scalar fields of kind that go before `before` (NULL: at the end),
 * unless the core already has a slot of that name. */
static int add_scalars(graftql_state *st, gql_kind kind, const char *before,
                       const gql_child_slot *slots, size_t n_slots) {
    for (size_t i = 0; i < N_SCALAR_FIELDS; i++) {
        const scalar_field *s = &scalar_fields[i];
        if (s->kind != kind) continue;
        if ((s->before == NULL) != (before == NULL)) continue;
        if (before && strcmp(s->before, before) != 0) continue;
        bool in_core = false;
        for (size_t j = 0; j < n_slots; j++) in_core |= strcmp(slots[j].key, s->key) == 0;
        if (!in_core && add_field(st, kind, s->key, s->how, 0) < 0) return -1;
    }
    return 0;
}

int graftql_fields_init(graftql_state *st) {
    for (int kind = 0; kind < GQL_KIND_COUNT; kind++) {
        size_t n = 0;
        const gql_child_slot *slots = gql_child_slots((gql_kind)kind, &n);
        for (size_t i = 0; i < n; i++) {
            if (add_scalars(st, (gql_kind)kind, slots[i].key, slots, n) < 0) return -1;
            if (add_field(st, (gql_kind)kind, slots[i].key,
                          slots[i].is_list ? FIELD_LIST : FIELD_NODE, slots[i].offset) < 0)
                return -1;
        }
        if (add_scalars(st, (gql_kind)kind, NULL, slots, n) < 0) return -1;
    }
    return 0;
}

/*=== MARK: to_dict =========================================================*/

/* A node whose dict is created (and already in its parent) but not filled. */
typedef struct pending {
    const gql_node *node;
    PyObject *dict;  /* borrowed: its parent container owns it */
} pending;

/* Names are interned per document: one str per distinct name per call. */
typedef struct name_entry {
    const gql_sym *sym;
    PyObject *str;
} name_entry;

typedef struct to_dict_walk {
    graftql_state *st;
    const char *src;          /* the core's copy of the source */
    size_t len;
    bool surrogates;
    bool locations;           /* add "loc" (false too when parsed with no_location) */
    uint32_t *block_starts;   /* code points before each 64-byte block; NULL if ASCII */
    pending *stack;
    size_t top, cap;
    name_entry *names;        /* open addressing on gql_sym.hash */
    size_t names_mask, names_used;
    PyObject **untracked;     /* containers kept from the cycle GC until done */
    size_t n_untracked, cap_untracked;
} to_dict_walk;

#define BLOCK_SHIFT 6

static inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/* A byte offset as a code point offset, as graphql-core's Location has it. */
static inline size_t codepoint_at(const to_dict_walk *w, size_t offset) {
    if (offset > w->len) offset = w->len;
    if (!w->block_starts) return offset;
    size_t block = offset >> BLOCK_SHIFT;
    size_t n = w->block_starts[block];
    for (size_t i = block << BLOCK_SHIFT; i < offset; i++)
        n += !is_continuation((unsigned char)w->src[i]);
    return n;
}

/* The map from byte offsets to code points, for a source that is not ASCII. */
static int build_block_starts(to_dict_walk *w) {
    size_t blocks = (w->len >> BLOCK_SHIFT) + 1;
    w->block_starts = PyMem_Malloc(blocks * sizeof *w->block_starts);
    if (!w->block_starts) {
        PyErr_NoMemory();
        return -1;
    }
    uint32_t n = 0;
    for (size_t i = 0; i < w->len; i++) {
        if ((i & ((1u << BLOCK_SHIFT) - 1)) == 0) w->block_starts[i >> BLOCK_SHIFT] = n;
        n += !is_continuation((unsigned char)w->src[i]);
    }
    if ((w->len & ((1u << BLOCK_SHIFT) - 1)) == 0) w->block_starts[w->len >> BLOCK_SHIFT] = n;
    return 0;
}

/* Take a new container out of the GC's lists; it goes back in at the end. */
static int untrack(to_dict_walk *w, PyObject *container) {
    if (!PyObject_GC_IsTracked(container)) return 0;
    if (w->n_untracked == w->cap_untracked) {
        size_t cap = w->cap_untracked ? w->cap_untracked * 2 : 256;
        PyObject **grown = PyMem_Realloc(w->untracked, cap * sizeof *grown);
        if (!grown) {
            PyErr_NoMemory();
            return -1;
        }
        w->untracked = grown;
        w->cap_untracked = cap;
    }
    PyObject_GC_UnTrack(container);
    w->untracked[w->n_untracked++] = container;
    return 0;
}

static int push(to_dict_walk *w, const gql_node *node, PyObject *dict) {
    if (w->top == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        pending *stack = PyMem_Realloc(w->stack, cap * sizeof *stack);
        if (!stack) {
            PyErr_NoMemory();
            return -1;
        }
        w->stack = stack;
        w->cap = cap;
    }
    w->stack[w->top].node = node;
    w->stack[w->top].dict = dict;
    w->top++;
    return 0;
}

static int grow_names(to_dict_walk *w) {
    size_t size = w->names ? (w->names_mask + 1) * 2 : 64;
    name_entry *names = PyMem_Calloc(size, sizeof *names);
    if (!names) {
        PyErr_NoMemory();
        return -1;
    }
    if (w->names) {
        for (size_t i = 0; i <= w->names_mask; i++) {
            if (!w->names[i].sym) continue;
            size_t j = w->names[i].sym->hash & (size - 1);
            while (names[j].sym) j = (j + 1) & (size - 1);
            names[j] = w->names[i];
        }
        PyMem_Free(w->names);
    }
    w->names = names;
    w->names_mask = size - 1;
    return 0;
}

/* A new reference to the str of an interned name. */
static PyObject *name_str(to_dict_walk *w, const gql_sym *sym) {
    if (!sym) Py_RETURN_NONE;
    if ((w->names_used + 1) * 2 > w->names_mask + 1 && grow_names(w) < 0) return NULL;
    size_t i = sym->hash & w->names_mask;
    while (w->names[i].sym) {
        if (w->names[i].sym == sym) return Py_NewRef(w->names[i].str);
        i = (i + 1) & w->names_mask;
    }
    PyObject *s = PyUnicode_DecodeUTF8(sym->str, (Py_ssize_t)sym->len, NULL);
    if (!s) return NULL;
    w->names[i].sym = sym;
    w->names[i].str = Py_NewRef(s);
    w->names_used++;
    return s;
}

static inline PyObject *new_bool(unsigned flags, unsigned flag) {
    return Py_NewRef((flags & flag) ? Py_True : Py_False);
}

/* A new reference to the value of one field of node, queuing child nodes. */
static PyObject *field_value(to_dict_walk *w, const gql_node *node, const field_spec *f) {
    const char *base = (const char *)node;
    switch ((field_how)f->how) {
    case FIELD_NODE: {
        const gql_node *child = *(const gql_node *const *)(base + f->offset);
        if (!child) Py_RETURN_NONE;
        PyObject *dict = PyDict_New();
        if (dict && push(w, child, dict) < 0) Py_CLEAR(dict);
        return dict;
    }
    case FIELD_LIST: {
        const gql_list *list = (const gql_list *)(base + f->offset);
        PyObject *items = PyList_New((Py_ssize_t)list->count);
        if (!items) return NULL;
        if (untrack(w, items) < 0) goto list_error;
        for (uint32_t i = 0; i < list->count; i++) {
            PyObject *dict = PyDict_New();
            if (!dict) goto list_error;
            PyList_SET_ITEM(items, (Py_ssize_t)i, dict);
            if (push(w, list->items[i], dict) < 0) goto list_error;
        }
        return items;
    list_error:
        Py_DECREF(items);
        return NULL;
    }
    case FIELD_NAME:
        return name_str(w, ((const gql_name *)node)->value);
    case FIELD_TEXT: {
        const gql_text *t = &((const gql_scalar_value *)node)->value;
        return PyUnicode_DecodeUTF8(t->ptr, (Py_ssize_t)t->len, NULL);
    }
    case FIELD_STRING: {
        const gql_text *t = &((const gql_string_value *)node)->value;
        return graftql_decode(t->ptr, t->len, w->surrogates);
    }
    case FIELD_BLOCK:
        return new_bool(node->flags, GQL_FLAG_BLOCK);
    case FIELD_BOOLEAN:
        return new_bool(node->flags, GQL_FLAG_TRUE);
    case FIELD_REPEATABLE:
        return new_bool(node->flags, GQL_FLAG_REPEATABLE);
    case FIELD_OPERATION:
        if (node->flags > GQL_SUBSCRIPTION) break;
        return Py_NewRef(w->st->operation_names[node->flags]);
    case FIELD_NONE:
        Py_RETURN_NONE;
    case FIELD_EMPTY_LIST: {
        PyObject *items = PyList_New(0);
        if (items && untrack(w, items) < 0) Py_CLEAR(items);
        return items;
    }
    }
    PyErr_Format(PyExc_SystemError, "graftql: bad AST field %d of %s", (int)f->how,
                 gql_kind_name((gql_kind)node->kind));
    return NULL;
}

static int set_loc(to_dict_walk *w, const gql_node *node, PyObject *dict) {
    graftql_state *st = w->st;
    PyObject *loc = PyDict_New();
    if (!loc) return -1;
    PyObject *start = PyLong_FromSize_t(codepoint_at(w, node->start));
    int rc = start ? PyDict_SetItem(loc, st->str_start, start) : -1;
    Py_XDECREF(start);
    if (rc == 0) {
        PyObject *end = PyLong_FromSize_t(codepoint_at(w, node->end));
        rc = end ? PyDict_SetItem(loc, st->str_end, end) : -1;
        Py_XDECREF(end);
    }
    if (rc == 0) rc = PyDict_SetItem(dict, st->str_loc, loc);
    Py_DECREF(loc);
    return rc;
}

static int fill(to_dict_walk *w, const gql_node *node, PyObject *dict) {
    graftql_state *st = w->st;
    if (node->kind >= GQL_KIND_COUNT) {
        PyErr_Format(PyExc_SystemError, "graftql: bad AST node kind %d", (int)node->kind);
        return -1;
    }
    if (PyDict_SetItem(dict, st->str_kind, st->kind_names[node->kind]) < 0) return -1;
    const field_spec *fields = st->fields[node->kind];
    for (uint8_t i = 0; i < st->field_count[node->kind]; i++) {
        PyObject *value = field_value(w, node, &fields[i]);
        if (!value) return -1;
        int rc = PyDict_SetItem(dict, fields[i].key, value);
        Py_DECREF(value);
        if (rc < 0) return -1;
    }
    if (w->locations && set_loc(w, node, dict) < 0) return -1;
    return untrack(w, dict);  /* tracked if it holds a container */
}

PyObject *graftql_to_dict(graftql_state *st, graftql_document *self, const gql_node *node,
                          bool locations) {
    to_dict_walk w = {0};
    w.st = st;
    w.src = gql_document_source(self->doc, &w.len);
    w.surrogates = self->surrogates;
    w.locations = locations && !gql_document_no_location(self->doc);
    PyObject *root = NULL;
    if (w.locations && !self->ascii && build_block_starts(&w) < 0) goto done;
    root = PyDict_New();
    if (!root) goto done;
    if (push(&w, node, root) < 0) goto error;
    while (w.top) {
        pending p = w.stack[--w.top];
        if (fill(&w, p.node, p.dict) < 0) goto error;
    }
    /* Only now may the GC see the tree (on error it is freed untracked). */
    for (size_t i = 0; i < w.n_untracked; i++) PyObject_GC_Track(w.untracked[i]);
    goto done;
error:
    Py_CLEAR(root);
done:
    PyMem_Free(w.untracked);
    if (w.names) {
        for (size_t i = 0; i <= w.names_mask; i++) Py_XDECREF(w.names[i].str);
        PyMem_Free(w.names);
    }
    PyMem_Free(w.stack);
    PyMem_Free(w.block_starts);
    return root;
}

/*=== MARK: Document type ===================================================*/

PyObject *graftql_document_new(graftql_state *st, gql_document *doc, bool ascii,
                               bool surrogates) {
    graftql_document *self = PyObject_New(graftql_document, st->document_type);
    if (!self) {
        gql_document_free(doc);
        return NULL;
    }
    self->doc = doc;
    self->ascii = ascii;
    self->surrogates = surrogates;
    self->source_str = NULL;
    return (PyObject *)self;
}

static void document_dealloc(graftql_document *self) {
    PyTypeObject *type = Py_TYPE(self);
    gql_document_free(self->doc);
    Py_XDECREF(self->source_str);
    PyObject_Free(self);
    Py_DECREF(type);
}

/* Print in the core without the GIL when the document is large enough for
 * that to matter; the caller holds a reference to self throughout. */
#define PRINT_WITHOUT_GIL_BYTES (64 * 1024)

PyObject *graftql_document_print(graftql_document *self) {
    size_t source_len = 0, len = 0;
    gql_document_source(self->doc, &source_len);
    const gql_node *root = &gql_document_root(self->doc)->base;
    char *text;
    if (source_len >= PRINT_WITHOUT_GIL_BYTES) {
        Py_BEGIN_ALLOW_THREADS
        text = gql_print(root, &len);
        Py_END_ALLOW_THREADS
    } else {
        text = gql_print(root, &len);
    }
    if (!text) return PyErr_NoMemory();
    PyObject *result = graftql_decode(text, len, self->surrogates);
    gql_free(text);
    return result;
}

static PyObject *document_to_dict(graftql_document *self, PyObject *const *args,
                                  Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *locations = Py_False;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "to_dict() takes at most 1 positional argument (%zd given)", nargs);
        return NULL;
    }
    if (nargs == 1) locations = args[0];
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_CompareWithASCIIString(name, "locations") != 0) {
            PyErr_Format(PyExc_TypeError, "to_dict() got an unexpected keyword argument %R",
                         name);
            return NULL;
        }
        if (nargs == 1) {
            PyErr_SetString(PyExc_TypeError,
                            "to_dict() got multiple values for argument 'locations'");
            return NULL;
        }
        locations = args[nargs + i];
    }
    if (!PyBool_Check(locations)) {
        PyErr_Format(PyExc_TypeError, "to_dict() argument 'locations' must be a bool, got %s",
                     Py_TYPE(locations)->tp_name);
        return NULL;
    }
    graftql_state *st = PyType_GetModuleState(Py_TYPE(self));
    if (!st) return NULL;
    return graftql_to_dict(st, self, &gql_document_root(self->doc)->base, locations == Py_True);
}

static PyObject *document_repr(graftql_document *self) {
    return PyUnicode_FromFormat("<graftql.Document: %u definitions, %u tokens>",
                                (unsigned)gql_document_root(self->doc)->definitions.count,
                                (unsigned)gql_document_token_count(self->doc));
}

static PyObject *document_get_source(graftql_document *self, void *closure) {
    return graftql_document_source_str(self);
}

static PyObject *document_get_token_count(graftql_document *self, void *closure) {
    return PyLong_FromUnsignedLong(gql_document_token_count(self->doc));
}

static PyObject *document_get_no_location(graftql_document *self, void *closure) {
    return PyBool_FromLong(gql_document_no_location(self->doc));
}

static PyMethodDef document_methods[] = {
    {"to_dict", (PyCFunction)(void (*)(void))document_to_dict, METH_FASTCALL | METH_KEYWORDS,
     PyDoc_STR("to_dict($self, /, locations=False)\n--\n\n"
               "The document as nested dicts, exactly as graphql-core's ast_to_dict gives\n"
               "it; with locations=True each node also has 'loc': {'start', 'end'} in\n"
               "code points (absent when parsed with no_location).")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef document_getset[] = {
    {"source", (getter)document_get_source, NULL,
     PyDoc_STR("The source text the document was parsed from."), NULL},
    {"token_count", (getter)document_get_token_count, NULL,
     PyDoc_STR("Tokens read while parsing, comments included (as graphql-core's)."), NULL},
    {"no_location", (getter)document_get_no_location, NULL,
     PyDoc_STR("True when parsed with no_location=True (nodes carry no 'loc')."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot document_slots[] = {
    {Py_tp_dealloc, (void *)document_dealloc},
    {Py_tp_repr, (void *)document_repr},
    {Py_tp_methods, document_methods},
    {Py_tp_getset, document_getset},
    {Py_tp_doc, (void *)PyDoc_STR("A parsed GraphQL document (made by graftql.parse).\n\n"
                                  "It owns its AST and a copy of the source; it is immutable.")},
    {0, NULL},
};

PyType_Spec graftql_document_spec = {
    .name = "graftql.Document",
    .basicsize = sizeof(graftql_document),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = document_slots,
};
