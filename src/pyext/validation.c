/*
 * validation.c: CoreSchema.validate (what graftql.Schema.validate calls) and
 * the validation rules written in Python (graftql.ValidationRule).
 *
 * Without Python rules, validate is gql_validate, run without the GIL for
 * large documents (the schema and the document are immutable and this call
 * holds references to both). With them, the rules run inside the core's
 * walk as one more rule, "the bridge", after the specified rules (and
 * NoSchemaIntrospectionCustomRule when the schema has introspection off):
 * graphql-core's validate(schema, document, [*specified_rules, *rules]).
 * On each node the C rules run first, then the Python rules in the order
 * given, so errors interleave exactly as graphql-core's ParallelVisitor
 * interleaves them; the error limit, the abort and the type information
 * (context.get_type(), ...) are the core's.
 *
 * The bridge calls a rule's enter_<kind> / leave_<kind> (else enter /
 * leave) with graphql-core's visit() arguments: node, key, parent, path,
 * ancestors. The core's walk only knows the nodes above the current one,
 * so the bridge keeps a frame per level with what Python needs: which
 * attribute (and index) of its parent holds the node, found by a cursor
 * that moves forward through the parent's attributes as the walk does, and
 * the Python objects made for it, made only when a callback needs them and
 * reused while the walk is below it: the node passed to enter is the node
 * passed to leave and is the same object in its children's ancestors, and
 * a list member is the object held by the parent tuple.
 *
 * An error a Python rule reports goes into the core's error list as one
 * holding the Python error as it is (gql_diagnostic's original and as_is),
 * so that it counts towards max_errors and keeps its place among the C
 * rules' errors; the list borrows the object, which the walk keeps alive
 * (bridge.kept) until the result is built. An exception a rule raises ends
 * the walk and is raised from validate, as graphql-core lets it propagate.
 *
 * Custom scalars: ValuesOfCorrectTypeRule asks the core's parse_literal
 * hook about each of their literals, and the hook calls the scalar's
 * parse_literal(node) (or parse_value of the untyped literal, graphql-core's
 * default parse_literal) when one is bound, nothing otherwise: a document
 * without such literals makes no Python call. When the walk runs without
 * the GIL, the hook takes it for the call and releases it again. An
 * Undefined result, a GraphQLError (reported as it is) and any other
 * Exception (wrapped, held as original_error) are graphql-core's errors; a
 * BaseException ends the walk and is raised from validate.
 */
#include "pyext.h"

#include <limits.h>
#include <string.h>

#include "validation/type_info.h"
#include "validation/validation.h"

/* Below this many bytes of document, releasing and re-taking the GIL costs
 * more than it lets other threads gain. */
#define VALIDATE_WITHOUT_GIL_BYTES (16 * 1024)

/*=== MARK: Python rules ====================================================*/

/* One Python rule instance and its methods per node kind. */
typedef struct py_rule {
    PyObject *visitor;                  /* the rule instance */
    PyObject *enter[GQL_KIND_COUNT];    /* enter_<kind> or enter, bound; NULL: none */
    PyObject *leave[GQL_KIND_COUNT];    /* leave_<kind> or leave, bound; NULL: none */
    uint64_t generic_enter;             /* bit per kind: enter[kind] is enter */
    uint64_t generic_leave;             /* bit per kind: leave[kind] is leave */
    const gql_node *skipping;           /* the node whose subtree it skips (SKIP) */
    bool stopped;                       /* it returned BREAK */
} py_rule;

_Static_assert(GQL_KIND_COUNT <= 64, "py_rule's generic_* masks hold a bit per kind");

/* What Python knows of one level of the walk (index: depth - 1). */
typedef struct frame {
    PyObject *node;              /* the Node, made when first needed */
    PyObject *list;              /* Nodes of the node's list list_field, when needed */
    const field_spec *list_field;  /* the attribute `list` is made from */
    const field_spec *field;     /* the parent's attribute holding this node */
    uint32_t index;              /* its index there, when field is a list */
    uint8_t cursor_field;        /* where the search for the next child starts */
    uint32_t cursor_index;       /* (attribute, index within a list) */
    bool quiet;                  /* a description: not shown to Python rules */
} frame;

/* What the walk shares with Python: the Python rules (the bridge rule's
 * state) and the custom scalars' parse_literal (the hook's context). */
typedef struct bridge {
    graftql_state *st;                /* the module state */
    graftql_document *document;       /* the document (borrowed from the call) */
    graftql_schema *core;             /* the schema, for its scalars' bindings (borrowed) */
    PyThreadState *released;          /* while the walk runs without the GIL: the
                                         thread's state, to take it back; else NULL */
    gql_validation_context *ctx;      /* the core's context, once the walk started */
    py_rule *rules;                   /* the Python rules, in order */
    size_t nrules;                    /* their number */
    size_t active;                    /* rules that have not returned BREAK */
    uint8_t kinds[GQL_KIND_COUNT];    /* 0: not looked up, 1: no rule has a
                                         method for the kind, 2: some rule has */
    frame *frames;                    /* one per level of the walk */
    uint32_t frames_cap;              /* allocated frames */
    uint32_t frames_used;             /* frames that may hold objects */
    PyObject *kept;                   /* list: the Python errors the core's errors
                                         hold (made on first use) */
    PyObject *exception;              /* what a rule raised: the exception (3.12+) */
    PyObject *exception_value;        /* or its type, value and traceback (older) */
    PyObject *exception_traceback;
} bridge;

/* graftql.ValidationContext: what a rule is made with (graphql-core's
 * ValidationContext); live while the walk it was made for runs. */
typedef struct graftql_validation_context {
    PyObject_HEAD
    PyObject *schema;             /* the graftql.Schema validated against */
    graftql_schema *core;         /* its CoreSchema */
    graftql_document *document;   /* the document validated */
    PyObject *document_node;      /* its root Node, made on first use */
    bridge *bridge;               /* the walk in progress, NULL outside it */
    bool hide_suggestions;        /* validate(..., suggestions=False) */
} graftql_validation_context;

/* graphql-core's get_enter_leave_for_kind: <what>_<kind>, else <what>
 * (None counts as absent); names[0] is "<what>_<kind>", names[1] "<what>".
 * NULL with no exception when there is neither. */
static PyObject *lookup_method(PyObject *visitor, PyObject *const names[2],
                               uint64_t *generic_mask, gql_kind kind, bool *error) {
    for (int generic = 0; generic < 2; generic++) {
        PyObject *fn = NULL;
        int found = graftql_get_optional_attr(visitor, names[generic], &fn);
        if (found < 0) {
            *error = true;
            return NULL;
        }
        if (found && fn != Py_None) {
            if (generic) *generic_mask |= (uint64_t)1 << kind;
            return fn;
        }
        Py_XDECREF(fn);
    }
    return NULL;
}

/* Look up every rule's methods for kind, once per validation. */
static int resolve_kind(bridge *b, gql_kind kind) {
    if (b->kinds[kind]) return 0;
    graftql_state *st = b->st;
    PyObject *const enter_names[2] = {st->method_names[0][kind], st->str_enter};
    PyObject *const leave_names[2] = {st->method_names[1][kind], st->str_leave};
    bool any = false, error = false;
    for (size_t i = 0; i < b->nrules && !error; i++) {
        py_rule *r = &b->rules[i];
        r->enter[kind] = lookup_method(r->visitor, enter_names, &r->generic_enter, kind, &error);
        if (!error)
            r->leave[kind] =
                lookup_method(r->visitor, leave_names, &r->generic_leave, kind, &error);
        any |= r->enter[kind] || r->leave[kind];
    }
    if (error) return -1;
    b->kinds[kind] = any ? 2 : 1;
    return 0;
}

/*=== MARK: Frames ==========================================================*/

static void frame_clear(frame *f) {
    Py_CLEAR(f->node);
    Py_CLEAR(f->list);
    f->list_field = NULL;
}

/* Which attribute of parent (and index, in a list) holds child: the search
 * starts where the last one was found, the next child being after it in
 * walk order (QUERY_DOCUMENT_KEYS, which is not quite Node.keys order:
 * hence the wrap-around). */
static void locate(graftql_state *st, frame *pf, const gql_node *parent, const gql_node *child,
                   frame *f) {
    uint8_t n = st->field_count[parent->kind];
    const field_spec *fields = st->fields[parent->kind];
    const char *base = (const char *)parent;
    f->field = NULL;
    f->index = 0;
    for (uint8_t step = 0; n && step <= n; step++) {
        uint8_t i = (uint8_t)((pf->cursor_field + step) % n);
        const field_spec *fs = &fields[i];
        if (fs->how == FIELD_NODE) {
            const gql_node *c;
            memcpy(&c, base + fs->offset, sizeof c);
            if (c != child) continue;
            f->field = fs;
            pf->cursor_field = (uint8_t)((i + 1) % n);
            pf->cursor_index = 0;
            return;
        }
        if (fs->how != FIELD_LIST) continue;
        const gql_list *list = (const gql_list *)(base + fs->offset);
        for (uint32_t j = step == 0 ? pf->cursor_index : 0; j < list->count; j++) {
            if (list->items[j] != child) continue;
            f->field = fs;
            f->index = j;
            pf->cursor_field = i;
            pf->cursor_index = j + 1;
            return;
        }
    }
}

/* Enter a frame for the node at depth (1 for the document). */
static bool push_frame(bridge *b, gql_validation_context *ctx) {
    uint32_t depth = ctx->depth;
    if (depth > b->frames_cap) {
        uint32_t cap = b->frames_cap ? b->frames_cap * 2 : 32;
        while (cap < depth) cap *= 2;
        frame *frames = PyMem_Realloc(b->frames, cap * sizeof *frames);
        if (!frames) return false;
        memset(frames + b->frames_cap, 0, (cap - b->frames_cap) * sizeof *frames);
        b->frames = frames;
        b->frames_cap = cap;
    }
    if (depth > b->frames_used) b->frames_used = depth;
    frame *f = &b->frames[depth - 1];
    frame_clear(f);
    f->cursor_field = 0;
    f->cursor_index = 0;
    f->field = NULL;
    f->index = 0;
    f->quiet = false;
    if (depth > 1) {
        frame *pf = &b->frames[depth - 2];
        locate(b->st, pf, ctx->ancestors[depth - 2], ctx->ancestors[depth - 1], f);
        /* graphql-core validates with query_document_keys_to_validate:
           descriptions are not walked. */
        f->quiet = pf->quiet || (f->field && f->field->key == b->st->str_description);
    }
    return true;
}

/* The tuple of Nodes of list attribute field of the node at index i. */
static PyObject *frame_list(bridge *b, uint32_t i, const field_spec *field) {
    frame *f = &b->frames[i];
    if (f->list && f->list_field == field) return f->list;
    Py_CLEAR(f->list);
    const gql_node *node = b->ctx->ancestors[i];
    f->list = graftql_node_list(b->st, b->document,
                                (const gql_list *)((const char *)node + field->offset));
    f->list_field = f->list ? field : NULL;
    return f->list;
}

/* The Node of the node at index i (borrowed from the frame). */
static PyObject *frame_node(bridge *b, uint32_t i) {
    frame *f = &b->frames[i];
    if (f->node) return f->node;
    if (i > 0 && f->field && f->field->how == FIELD_LIST) {
        PyObject *list = frame_list(b, i - 1, f->field);
        if (!list) return NULL;
        f->node = Py_NewRef(PyTuple_GET_ITEM(list, f->index));
    } else {
        f->node = graftql_node_new(b->st, b->document, b->ctx->ancestors[i]);
    }
    return f->node;
}

static inline bool in_list(const frame *f) { return f->field && f->field->how == FIELD_LIST; }

/* graphql-core's visit() arguments for the node at the top of the walk:
 * node, key, parent, path, ancestors (new references in args). */
static int build_args(bridge *b, PyObject *args[5]) {
    uint32_t depth = b->ctx->depth;
    PyObject *node = frame_node(b, depth - 1);
    if (!node) return -1;
    args[0] = Py_NewRef(node);
    args[3] = PyList_New(0);
    args[4] = PyList_New(0);
    if (!args[3] || !args[4]) return -1;
    if (depth == 1) {
        args[1] = Py_NewRef(Py_None);
        args[2] = Py_NewRef(Py_None);
        return 0;
    }
    /* path: the keys from the root; ancestors: the nodes and lists above
       the parent; the parent last of that chain. */
    for (uint32_t j = 1; j < depth; j++) {
        const frame *f = &b->frames[j];
        if (!f->field) {
            PyErr_SetString(PyExc_SystemError, "graftql: a node's place in its parent is lost");
            return -1;
        }
        if (PyList_Append(args[3], f->field->key) < 0) return -1;
        if (in_list(f)) {
            PyObject *index = PyLong_FromUnsignedLong(f->index);
            int rc = index ? PyList_Append(args[3], index) : -1;
            Py_XDECREF(index);
            if (rc < 0) return -1;
        }
    }
    for (uint32_t j = 0; j + 1 < depth; j++) {
        PyObject *ancestor = frame_node(b, j);
        if (!ancestor || PyList_Append(args[4], ancestor) < 0) return -1;
        if (in_list(&b->frames[j + 1])) {
            PyObject *list = frame_list(b, j, b->frames[j + 1].field);
            if (!list || PyList_Append(args[4], list) < 0) return -1;
        }
    }
    Py_ssize_t n = PyList_GET_SIZE(args[4]);
    args[2] = Py_NewRef(PyList_GET_ITEM(args[4], n - 1));
    if (PyList_SetSlice(args[4], n - 1, n, NULL) < 0) return -1;
    const frame *top = &b->frames[depth - 1];
    args[1] = in_list(top) ? PyLong_FromUnsignedLong(top->index) : Py_NewRef(top->field->key);
    return args[1] ? 0 : -1;
}

static void release_args(PyObject *args[5]) {
    for (int i = 0; i < 5; i++) Py_CLEAR(args[i]);
}

/*=== MARK: The bridge rule ==================================================*/

/* Keep the exception being raised (the first one only); validate raises
 * it after the walk. */
static void keep_exception(bridge *b) {
    if (!b->exception) {
#if PY_VERSION_HEX >= 0x030C0000
        b->exception = PyErr_GetRaisedException();
#else
        PyErr_Fetch(&b->exception, &b->exception_value, &b->exception_traceback);
#endif
    } else {
        PyErr_Clear();
    }
}

/* Keep the exception a rule raised (or a failure of the bridge) and end
 * the walk. */
static gql_visit_action fail(bridge *b) {
    keep_exception(b);
    b->ctx->aborted = true;  /* ends the walk without an error of its own */
    return GQL_VISIT_BREAK;
}

/* Keep error alive for the error list, which borrows it; -1 on failure. */
static int keep(bridge *b, PyObject *error) {
    if (!b->kept && !(b->kept = PyList_New(0))) return -1;
    return PyList_Append(b->kept, error);
}

/* Raise the exception fail() kept. */
static void raise_kept(bridge *b) {
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(b->exception);
#else
    PyErr_Restore(b->exception, b->exception_value, b->exception_traceback);
#endif
    b->exception = b->exception_value = b->exception_traceback = NULL;
}

enum { ACTION_NONE, ACTION_SKIP, ACTION_BREAK, ACTION_ERROR };

/* What a rule's method returned: None; SKIP or False; BREAK or True; or an
 * enum member whose value is one of those (graftql's and graphql-core's
 * SKIP and BREAK both are). Anything else would edit the AST in
 * graphql-core: here it is a TypeError. */
static int action_of(bridge *b, PyObject *result, py_rule *r, bool leaving, gql_kind kind) {
    if (result == Py_None) return ACTION_NONE;
    PyObject *value = NULL;
    if (result != Py_True && result != Py_False &&
        graftql_get_optional_attr(result, b->st->str_value, &value) < 0)
        return ACTION_ERROR;
    PyObject *v = value ? value : result;
    int action = v == Py_True ? ACTION_BREAK : v == Py_False ? ACTION_SKIP : ACTION_ERROR;
    Py_XDECREF(value);
    if (action == ACTION_ERROR) {
        graftql_state *st = b->st;
        bool generic = ((leaving ? r->generic_leave : r->generic_enter) >> kind) & 1;
        PyObject *name = generic ? (leaving ? st->str_leave : st->str_enter)
                                 : st->method_names[leaving][kind];
        PyErr_Format(PyExc_TypeError,
                     "%s.%U() returned %R for a %U node: a validation rule's method returns "
                     "None, graftql.SKIP or graftql.BREAK (the AST cannot be edited)",
                     Py_TYPE(r->visitor)->tp_name, name, result, st->kind_names[kind]);
    }
    return action;
}

static gql_visit_action call(bridge *b, py_rule *r, PyObject *fn, PyObject *args[5],
                             const gql_node *node, bool leaving) {
    PyObject *result = PyObject_Vectorcall(fn, args, 5, NULL);
    if (!result) {
        /* report_error past max_errors: the core has aborted already. */
        if (PyErr_ExceptionMatches(b->st->aborted_error)) {
            PyErr_Clear();
            b->ctx->aborted = true;
            return GQL_VISIT_BREAK;
        }
        return fail(b);
    }
    int action = action_of(b, result, r, leaving, (gql_kind)node->kind);
    Py_DECREF(result);
    switch (action) {
    case ACTION_ERROR:
        return fail(b);
    case ACTION_BREAK:
        r->stopped = true;
        b->active--;
        break;
    case ACTION_SKIP:
        if (!leaving) r->skipping = node;
        break;
    }
    return b->ctx->aborted ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
}

static gql_visit_action bridge_enter(gql_validation_context *ctx, void *state,
                                     const gql_node *node) {
    (void)state;
    bridge *b = ctx->host;
    b->ctx = ctx;
    if (!push_frame(b, ctx)) {
        PyErr_NoMemory();
        return fail(b);
    }
    if (b->frames[ctx->depth - 1].quiet) return GQL_VISIT_CONTINUE;
    gql_kind kind = (gql_kind)node->kind;
    if (resolve_kind(b, kind) < 0) return fail(b);
    if (b->kinds[kind] == 1) return GQL_VISIT_CONTINUE;
    PyObject *args[5] = {NULL};
    bool built = false;
    for (size_t i = 0; i < b->nrules; i++) {
        py_rule *r = &b->rules[i];
        if (r->stopped || r->skipping || !r->enter[kind]) continue;
        if (!built) {
            if (build_args(b, args) < 0) {
                release_args(args);
                return fail(b);
            }
            built = true;
        }
        if (call(b, r, r->enter[kind], args, node, false) == GQL_VISIT_BREAK) {
            release_args(args);
            return GQL_VISIT_BREAK;
        }
    }
    release_args(args);
    return b->active ? GQL_VISIT_CONTINUE : GQL_VISIT_BREAK;
}

static gql_visit_action bridge_leave(gql_validation_context *ctx, void *state,
                                     const gql_node *node) {
    (void)state;
    bridge *b = ctx->host;
    frame *top = &b->frames[ctx->depth - 1];
    gql_kind kind = (gql_kind)node->kind;
    gql_visit_action result = GQL_VISIT_CONTINUE;
    if (!top->quiet && b->kinds[kind] == 2) {
        PyObject *args[5] = {NULL};
        bool built = false;
        for (size_t i = 0; i < b->nrules && result == GQL_VISIT_CONTINUE; i++) {
            py_rule *r = &b->rules[i];
            if (r->stopped) continue;
            if (r->skipping) {
                if (r->skipping == node) r->skipping = NULL;
                continue;
            }
            if (!r->leave[kind]) continue;
            if (!built) {
                if (build_args(b, args) < 0) {
                    result = fail(b);
                    break;
                }
                built = true;
            }
            result = call(b, r, r->leave[kind], args, node, true);
        }
        release_args(args);
    }
    frame_clear(top);
    if (result == GQL_VISIT_CONTINUE && !b->active) result = GQL_VISIT_BREAK;
    return result;
}

#define L(k) [k] = bridge_leave
static const gql_rule bridge_rule = {
    .name = "graftql.ValidationRule",
    .enter_any = bridge_enter,
    .leave = {L(0),  L(1),  L(2),  L(3),  L(4),  L(5),  L(6),  L(7),  L(8),  L(9),  L(10),
              L(11), L(12), L(13), L(14), L(15), L(16), L(17), L(18), L(19), L(20), L(21),
              L(22), L(23), L(24), L(25), L(26), L(27), L(28), L(29), L(30), L(31), L(32),
              L(33), L(34), L(35), L(36), L(37), L(38), L(39), L(40), L(41), L(42)},
};
#undef L
_Static_assert(GQL_KIND_COUNT == 43, "bridge_rule.leave lists every node kind");

static void bridge_release(bridge *b) {
    for (uint32_t i = 0; i < b->frames_used; i++) frame_clear(&b->frames[i]);
    PyMem_Free(b->frames);
    for (size_t i = 0; i < b->nrules; i++) {
        py_rule *r = &b->rules[i];
        for (int k = 0; k < GQL_KIND_COUNT; k++) {
            Py_CLEAR(r->enter[k]);
            Py_CLEAR(r->leave[k]);
        }
        Py_CLEAR(r->visitor);
    }
    PyMem_Free(b->rules);
    Py_CLEAR(b->kept);
    Py_CLEAR(b->exception);
    Py_CLEAR(b->exception_value);
    Py_CLEAR(b->exception_traceback);
}

/*=== MARK: Custom scalars' literals =========================================*/

/* What graphql-core's ValuesOfCorrectTypeRule makes of a parse_literal that
 * raised exc (owned): a GraphQLError as it is, another Exception wrapped;
 * the text of either goes to message. */
static gql_literal_check raised_literal(bridge *b, PyObject *exc, gql_strbuf *message,
                                        void **error) {
    int is_graphql = PyObject_IsInstance(exc, b->st->graphql_error_class);
    if (is_graphql < 0 || graftql_error_text(b->st, exc, is_graphql > 0, message) < 0 ||
        keep(b, exc) < 0) {
        Py_DECREF(exc);
        keep_exception(b);
        return GQL_LITERAL_STOP;
    }
    *error = exc; /* now also held by b->kept */
    Py_DECREF(exc);
    return is_graphql ? GQL_LITERAL_ERROR : GQL_LITERAL_RAISED;
}

/* graphql-core's type.parse_literal(node) for a scalar with functions bound:
 * graftql.execution's _parse_literal without variables (the scalar's own,
 * or parse_value of the untyped literal). Holds the GIL. */
static gql_literal_check call_parse_literal(bridge *b, const graftql_type_binding *binding,
                                            const gql_node *literal, gql_strbuf *message,
                                            void **error) {
    graftql_state *st = b->st;
    if (!st->exec.parse_literal) {
        PyErr_SetString(PyExc_RuntimeError, "graftql.execution is not imported");
        keep_exception(b);
        return GQL_LITERAL_STOP;
    }
    PyObject *node = graftql_node_new(st, b->document, literal);
    if (!node) {
        keep_exception(b);
        return GQL_LITERAL_STOP;
    }
    PyObject *result = PyObject_CallFunctionObjArgs(
        st->exec.parse_literal, binding->parse_literal ? binding->parse_literal : Py_None,
        binding->parse_value ? binding->parse_value : Py_None, node, Py_None, NULL);
    Py_DECREF(node);
    if (result) {
        gql_literal_check check =
            result == st->exec.undefined ? GQL_LITERAL_INVALID : GQL_LITERAL_VALID;
        Py_DECREF(result);
        return check;
    }
    if (!PyErr_ExceptionMatches(PyExc_Exception)) {
        keep_exception(b); /* KeyboardInterrupt, SystemExit: raised from validate */
        return GQL_LITERAL_STOP;
    }
    return raised_literal(b, graftql_take_exception(), message, error);
}

/* The core's parse_literal hook (gql_validate_options): a scalar without
 * parse_literal or parse_value accepts every literal, as graphql-core's
 * default does, without Python. */
static gql_literal_check parse_literal_hook(void *ctx, const gql_schema_type *type,
                                            const gql_node *literal, gql_strbuf *message,
                                            void **error) {
    bridge *b = ctx;
    const graftql_type_binding *binding = graftql_schema_binding(b->core, type);
    if (!binding || (!binding->parse_literal && !binding->parse_value)) return GQL_LITERAL_VALID;
    if (b->released) PyEval_RestoreThread(b->released);
    gql_literal_check check = call_parse_literal(b, binding, literal, message, error);
    if (b->released) b->released = PyEval_SaveThread();
    return check;
}

/*=== MARK: ValidationContext ================================================*/

static inline graftql_state *context_state(graftql_validation_context *self) {
    return PyType_GetModuleState(Py_TYPE(self));
}

static int context_traverse(graftql_validation_context *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->schema);
    Py_VISIT(self->core);
    Py_VISIT(self->document);
    Py_VISIT(self->document_node);
    return 0;
}

static int context_clear(graftql_validation_context *self) {
    Py_CLEAR(self->schema);
    Py_CLEAR(self->core);
    Py_CLEAR(self->document);
    Py_CLEAR(self->document_node);
    return 0;
}

static void context_dealloc(graftql_validation_context *self) {
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    context_clear(self);
    PyObject_GC_Del(self);
    Py_DECREF(type);
}

static PyObject *context_new(graftql_state *st, PyObject *schema, graftql_schema *core,
                             graftql_document *document, bool hide_suggestions) {
    graftql_validation_context *self =
        PyObject_GC_New(graftql_validation_context, st->context_type);
    if (!self) return NULL;
    self->schema = Py_NewRef(schema);
    self->core = (graftql_schema *)Py_NewRef((PyObject *)core);
    self->document = (graftql_document *)Py_NewRef((PyObject *)document);
    self->document_node = NULL;
    self->bridge = NULL;
    self->hide_suggestions = hide_suggestions;
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static gql_validation_context *live(graftql_validation_context *self) {
    return self->bridge ? self->bridge->ctx : NULL;
}

static PyObject *context_report_error(graftql_validation_context *self, PyObject *error) {
    graftql_state *st = context_state(self);
    if (!st) return NULL;
    int is_error = PyObject_IsInstance(error, st->graphql_error_class);
    if (is_error < 0) return NULL;
    if (!is_error) {
        PyErr_Format(PyExc_TypeError, "report_error() expects a graftql.GraphQLError, got %s",
                     Py_TYPE(error)->tp_name);
        return NULL;
    }
    gql_validation_context *ctx = live(self);
    if (!ctx) {
        PyErr_SetString(PyExc_RuntimeError,
                        "report_error() is for the rule's enter and leave methods: the "
                        "validation this context was made for is not running");
        return NULL;
    }
    gql_strbuf text = GQL_STRBUF_INIT;
    if (graftql_error_text(st, error, true, &text) < 0 || keep(self->bridge, error) < 0) {
        gql_strbuf_free(&text);
        return NULL;
    }
    size_t before = ctx->error_count;
    int len = text.len > INT_MAX ? INT_MAX : (int)text.len;
    gql_validation_report_original(ctx, error, true, NULL, 0, "%.*s", len,
                                   gql_strbuf_cstr(&text));
    gql_strbuf_free(&text);
    if (ctx->nomem) return PyErr_NoMemory();
    if (ctx->error_count > before) Py_RETURN_NONE;
    /* graphql-core's on_error past max_errors: the core has appended "Too
       many validation errors" and aborted; this ends the rule's method. */
    PyErr_SetString(st->aborted_error,
                    "Too many validation errors, error limit reached. Validation aborted.");
    return NULL;
}

static PyObject *context_get_fragment(graftql_validation_context *self, PyObject *name) {
    graftql_state *st = context_state(self);
    if (!st) return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "get_fragment() expects a fragment name (str), got %s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(name, &len);
    if (!utf8) {
        PyErr_Clear();  /* lone surrogates name no fragment */
        Py_RETURN_NONE;
    }
    /* As graphql-core's dict of fragments by name: the last one wins. */
    const gql_document_node *root = gql_document_root(self->document->doc);
    for (uint32_t i = root->definitions.count; i-- > 0;) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
        const gql_sym *sym = ((const gql_fragment_definition *)def)->name->value;
        if (sym->len == (uint32_t)len && memcmp(sym->str, utf8, (size_t)len) == 0)
            return graftql_node_new(st, self->document, def);
    }
    Py_RETURN_NONE;
}

static PyObject *type_ref_or_none(const gql_type_ref *ref) {
    if (!ref) Py_RETURN_NONE;
    size_t len = 0;
    char *text = gql_type_ref_str(ref, &len);
    if (!text) return PyErr_NoMemory();
    PyObject *s = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, NULL);
    gql_free(text);
    return s;
}

static PyObject *context_get_type(graftql_validation_context *self, PyObject *unused) {
    gql_validation_context *ctx = live(self);
    return type_ref_or_none(ctx ? gql_type_info_type(ctx) : NULL);
}

static PyObject *context_get_input_type(graftql_validation_context *self, PyObject *unused) {
    gql_validation_context *ctx = live(self);
    return type_ref_or_none(ctx ? gql_type_info_input_type(ctx) : NULL);
}

static PyObject *context_get_parent_input_type(graftql_validation_context *self,
                                               PyObject *unused) {
    gql_validation_context *ctx = live(self);
    return type_ref_or_none(ctx ? gql_type_info_parent_input_type(ctx) : NULL);
}

static PyObject *context_get_parent_type(graftql_validation_context *self, PyObject *unused) {
    gql_validation_context *ctx = live(self);
    const gql_schema_type *type = ctx ? gql_type_info_parent_type(ctx) : NULL;
    if (!type) Py_RETURN_NONE;
    return graftql_type_view_new(self->core, type);
}

static PyObject *context_get_schema(graftql_validation_context *self, void *closure) {
    return Py_NewRef(self->schema);
}

static PyObject *context_get_document(graftql_validation_context *self, void *closure) {
    if (!self->document_node) {
        graftql_state *st = context_state(self);
        if (!st) return NULL;
        self->document_node =
            graftql_node_new(st, self->document, &gql_document_root(self->document->doc)->base);
        if (!self->document_node) return NULL;
    }
    return Py_NewRef(self->document_node);
}

static PyObject *context_get_hide_suggestions(graftql_validation_context *self,
                                              void *closure) {
    return PyBool_FromLong(self->hide_suggestions);
}

static PyMethodDef context_methods[] = {
    {"report_error", (PyCFunction)context_report_error, METH_O,
     PyDoc_STR("report_error($self, error, /)\n--\n\n"
               "Report a GraphQLError. Past max_errors, the 'Too many validation errors'\n"
               "error ends the validation (an exception leaves the rule's method).")},
    {"get_fragment", (PyCFunction)context_get_fragment, METH_O,
     PyDoc_STR("get_fragment($self, name, /)\n--\n\n"
               "The fragment definition of that name (the last one), or None.")},
    {"get_type", (PyCFunction)context_get_type, METH_NOARGS,
     PyDoc_STR("get_type($self, /)\n--\n\n"
               "The output type at this point of the walk, as a str ('[User!]!'), or None.")},
    {"get_parent_type", (PyCFunction)context_get_parent_type, METH_NOARGS,
     PyDoc_STR("get_parent_type($self, /)\n--\n\n"
               "The composite type whose selection set is walked (a TypeView), or None.")},
    {"get_input_type", (PyCFunction)context_get_input_type, METH_NOARGS,
     PyDoc_STR("get_input_type($self, /)\n--\n\n"
               "The input type expected at this value, as a str, or None.")},
    {"get_parent_input_type", (PyCFunction)context_get_parent_input_type, METH_NOARGS,
     PyDoc_STR("get_parent_input_type($self, /)\n--\n\n"
               "The input type around this value (a list or an input object), or None.")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef context_getset[] = {
    {"schema", (getter)context_get_schema, NULL,
     PyDoc_STR("The graftql.Schema the document is validated against."), NULL},
    {"document", (getter)context_get_document, NULL,
     PyDoc_STR("The document validated, as its root Node (kind 'document')."), NULL},
    {"hide_suggestions", (getter)context_get_hide_suggestions, NULL,
     PyDoc_STR("True when validate() was called with suggestions=False."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot context_slots[] = {
    {Py_tp_dealloc, (void *)context_dealloc},
    {Py_tp_traverse, (void *)context_traverse},
    {Py_tp_clear, (void *)context_clear},
    {Py_tp_methods, context_methods},
    {Py_tp_getset, context_getset},
    {Py_tp_doc,
     (void *)PyDoc_STR("What a graftql.ValidationRule is made with: the schema, the document,\n"
                       "report_error() and the type information of the walk, as in\n"
                       "graphql-core's ValidationContext.")},
    {0, NULL},
};

static PyType_Spec context_spec = {
    .name = "graftql.ValidationContext",
    .basicsize = sizeof(graftql_validation_context),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = context_slots,
};

/*=== MARK: validate ========================================================*/

/* A message of the core as str: it may quote the document (decoded as it
 * was); bytes that do not decode are shown, not fatal. */
static PyObject *decode_message(const char *s, size_t len, bool surrogates) {
    PyObject *text = graftql_decode(s, len, surrogates);
    if (text || !PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) return text;
    PyErr_Clear();
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "backslashreplace");
}

/* The GraphQLError of an error the core found. */
static PyObject *core_error(graftql_state *st, graftql_document *document,
                            const gql_diagnostic *d) {
    size_t len = 0;
    const char *src = gql_document_source(document->doc, &len);
    PyObject *locations = PyList_New((Py_ssize_t)d->location_count);
    if (!locations) return NULL;
    for (uint32_t k = 0; k < d->location_count; k++) {
        size_t offset = d->locations[k].offset < len ? d->locations[k].offset : len;
        gql_location loc = gql_locate(src, len, offset);
        PyObject *item = Py_BuildValue("(nII)",
                                       (Py_ssize_t)graftql_document_codepoint(document, offset),
                                       (unsigned)loc.line, (unsigned)loc.column);
        if (!item) {
            Py_DECREF(locations);
            return NULL;
        }
        PyList_SET_ITEM(locations, (Py_ssize_t)k, item);
    }
    PyObject *source = d->location_count ? graftql_document_source_str(document)
                                         : Py_NewRef(Py_None);
    PyObject *message = source ? decode_message(d->message, d->message_len,
                                                document->surrogates)
                               : NULL;
    PyObject *original = d->original ? (PyObject *)d->original : Py_None;
    PyObject *error = message ? PyObject_CallFunctionObjArgs(st->error_factory, message,
                                                             source, locations, original, NULL)
                              : NULL;
    Py_XDECREF(message);
    Py_XDECREF(source);
    Py_DECREF(locations);
    return error;
}

/* The GraphQLErrors of the core's errors: a Python error reported as it is
 * (by a rule or a parse_literal) is that object. */
static PyObject *result_errors(graftql_state *st, graftql_document *document,
                               const gql_error_list *errors) {
    PyObject *list = PyList_New(0);
    if (!list) return NULL;
    for (size_t i = 0; i < errors->count; i++) {
        const gql_diagnostic *d = &errors->items[i];
        PyObject *error = d->as_is && d->original ? Py_NewRef((PyObject *)d->original)
                                                  : core_error(st, document, d);
        int rc = error ? PyList_Append(list, error) : -1;
        Py_XDECREF(error);
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* max_errors as the core takes it: an int >= 0, clamped to what it counts. */
static int max_errors_arg(PyObject *value, uint32_t *out) {
    if (PyBool_Check(value) || !PyLong_Check(value)) {
        PyErr_Format(PyExc_TypeError, "validate() argument 'max_errors' must be an int, got %s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    int overflow = 0;
    long long n = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (n == -1 && PyErr_Occurred()) return -1;
    if (overflow < 0 || (overflow == 0 && n < 0)) {
        PyErr_Format(PyExc_ValueError, "max_errors must be 0 or more, got %R", value);
        return -1;
    }
    *out = overflow > 0 || n > (long long)UINT32_MAX ? UINT32_MAX : (uint32_t)n;
    return 0;
}

const char graftql_schema_validate_doc[] =
"validate($self, document, max_errors, suggestions, rules, owner, /)\n"
"--\n"
"\n"
"Validate a Document against the schema: the specified rules, then\n"
"NoSchemaIntrospectionCustomRule if introspection is off, then the rules\n"
"(graftql.ValidationRule subclasses, made with a ValidationContext whose\n"
"schema is owner). Returns the list of GraphQLErrors.";

PyObject *graftql_schema_validate(graftql_schema *self, PyObject *const *args,
                                  Py_ssize_t nargs) {
    graftql_state *st = PyType_GetModuleState(Py_TYPE(self));
    if (!st) return NULL;
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError, "validate() takes 5 positional arguments (%zd given)",
                     nargs);
        return NULL;
    }
    PyObject *document = args[0], *rules = args[3], *owner = args[4];
    if (!Py_IS_TYPE(document, st->document_type)) {
        PyErr_Format(PyExc_TypeError, "validate() expects a graftql.Document, got %s",
                     Py_TYPE(document)->tp_name);
        return NULL;
    }
    gql_validate_options options;
    gql_validate_options_init(&options);
    if (max_errors_arg(args[1], &options.max_errors) < 0) return NULL;
    int suggestions = PyObject_IsTrue(args[2]);
    if (suggestions < 0) return NULL;
    options.suggestions = suggestions != 0;
    options.no_introspection = !self->introspection;
    if (rules != Py_None && !PyTuple_Check(rules)) {
        PyErr_Format(PyExc_TypeError, "validate() expects rules as a tuple, got %s",
                     Py_TYPE(rules)->tp_name);
        return NULL;
    }
    Py_ssize_t nrules = rules == Py_None ? 0 : PyTuple_GET_SIZE(rules);
    graftql_document *doc = (graftql_document *)document;

    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_status status;
    bridge b;
    memset(&b, 0, sizeof b);
    b.st = st;
    b.document = doc;
    b.core = self;
    /* The bindings are read without the GIL: only once they are final. */
    if (self->frozen) {
        options.parse_literal = parse_literal_hook;
        options.literal_ctx = &b;
    }
    PyObject *context = NULL;
    PyObject *result = NULL;

    if (nrules == 0) {
        size_t source_len = 0;
        gql_document_source(doc->doc, &source_len);
        if (source_len >= VALIDATE_WITHOUT_GIL_BYTES) {
            b.released = PyEval_SaveThread();
            status = gql_validate(self->schema, doc->doc, &options, &errors);
            PyEval_RestoreThread(b.released);
            b.released = NULL;
        } else {
            status = gql_validate(self->schema, doc->doc, &options, &errors);
        }
    } else {
        context = context_new(st, owner, self, doc, !options.suggestions);
        b.rules = PyMem_Calloc((size_t)nrules, sizeof *b.rules);
        if (!context || !b.rules) {
            if (!PyErr_Occurred()) PyErr_NoMemory();
            goto done;
        }
        /* graphql-core makes every rule before the walk: an exception in a
           rule's __init__ propagates before anything is validated. */
        for (Py_ssize_t i = 0; i < nrules; i++) {
            PyObject *visitor = PyObject_CallOneArg(PyTuple_GET_ITEM(rules, i), context);
            if (!visitor) goto done;
            b.rules[b.nrules++].visitor = visitor;
        }
        b.active = b.nrules;
        const gql_rule *const bridge_rules[1] = {&bridge_rule};
        ((graftql_validation_context *)context)->bridge = &b;
        status = gql_validation_run_hosted(self->schema, doc->doc, &options, bridge_rules, 1, &b,
                                           &errors);
        ((graftql_validation_context *)context)->bridge = NULL;
    }
    if (b.exception) {
        raise_kept(&b);
    } else if (status == GQL_ERR_NOMEM || errors.status == GQL_ERR_NOMEM) {
        PyErr_NoMemory();
    } else if (status == GQL_ERR_ARG) {
        PyErr_SetString(PyExc_ValueError,
                        "the schema is not valid (built with assume_valid=True): it cannot "
                        "validate documents");
    } else {
        result = result_errors(st, doc, &errors);
    }
done:
    gql_error_list_clear(&errors);
    bridge_release(&b);
    Py_XDECREF(context);
    return result;
}

/*=== MARK: Module ==========================================================*/

int graftql_validation_module_init(PyObject *module, graftql_state *st) {
    st->context_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &context_spec, NULL);
    if (!st->context_type || PyModule_AddType(module, st->context_type) < 0) return -1;
    st->aborted_error =
        PyErr_NewExceptionWithDoc("graftql._core.ValidationAborted",
                                  "Raised by report_error() past max_errors: it ends the "
                                  "rule's method and the validation.",
                                  NULL, NULL);
    if (!st->aborted_error || PyModule_AddObjectRef(module, "ValidationAborted",
                                                    st->aborted_error) < 0)
        return -1;
    st->str_value = PyUnicode_InternFromString("value");
    st->str_description = PyUnicode_InternFromString("description");
    st->str_enter = PyUnicode_InternFromString("enter");
    st->str_leave = PyUnicode_InternFromString("leave");
    if (!st->str_value || !st->str_description || !st->str_enter || !st->str_leave) return -1;
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        st->method_names[0][k] = PyUnicode_FromFormat("enter_%U", st->kind_names[k]);
        st->method_names[1][k] = PyUnicode_FromFormat("leave_%U", st->kind_names[k]);
        if (!st->method_names[0][k] || !st->method_names[1][k]) return -1;
        PyUnicode_InternInPlace(&st->method_names[0][k]);
        PyUnicode_InternInPlace(&st->method_names[1][k]);
    }
    PyObject *errors = PyImport_ImportModule("graftql.error");
    if (!errors) return -1;
    st->graphql_error_class = PyObject_GetAttrString(errors, "GraphQLError");
    Py_DECREF(errors);
    return st->graphql_error_class ? 0 : -1;
}

int graftql_validation_module_traverse(graftql_state *st, visitproc visit, void *arg) {
    Py_VISIT(st->context_type);
    Py_VISIT(st->aborted_error);
    Py_VISIT(st->graphql_error_class);
    return 0;
}

void graftql_validation_module_clear(graftql_state *st) {
    Py_CLEAR(st->context_type);
    Py_CLEAR(st->aborted_error);
    Py_CLEAR(st->graphql_error_class);
    Py_CLEAR(st->str_value);
    Py_CLEAR(st->str_description);
    Py_CLEAR(st->str_enter);
    Py_CLEAR(st->str_leave);
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        Py_CLEAR(st->method_names[0][k]);
        Py_CLEAR(st->method_names[1][k]);
    }
}
