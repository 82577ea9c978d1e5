/*
 * views.c: read-only views of a schema's elements for tools, made by
 * CoreSchema.get_type: TypeView, FieldView, InputValueView (an argument or
 * an input field) and EnumValueView. A view is a pointer into the C schema
 * plus a strong reference to the CoreSchema that owns it, so the schema
 * lives as long as any view; every attribute is computed when read (from
 * the public accessors of graftql.h), nothing is copied up front.
 *
 * Attributes follow introspection's __Type: those that do not apply to a
 * type's kind are None (fields of a scalar, possible_types of an object).
 * What graftql.Schema bound to an element (resolver, enum value, type
 * resolver, scalar functions) can be read back from its view.
 */
#include "pyext.h"

#include <stddef.h>

#include "strbuf.h"
#include "type/schema.h"
#include "utilities/ast_from_value.h"

typedef enum view_kind {
    VIEW_TYPE,
    VIEW_FIELD,
    VIEW_INPUT_VALUE,
    VIEW_ENUM_VALUE,
} view_kind;

typedef struct graftql_view {
    PyObject_HEAD
    graftql_schema *owner;         /* strong: keeps the C schema alive */
    const void *element;           /* gql_schema_type, _field, _input_value, _enum_value */
    const gql_schema_type *parent; /* field, enum value: its type; else NULL */
    size_t index;                  /* field, enum value: its index in parent */
} graftql_view;

static PyObject *view_new(graftql_schema *owner, view_kind kind, const void *element,
                          const gql_schema_type *parent, size_t index) {
    graftql_state *st = PyType_GetModuleState(Py_TYPE(owner));
    if (!st) return NULL;
    graftql_view *self = PyObject_GC_New(graftql_view, st->view_types[kind]);
    if (!self) return NULL;
    self->owner = (graftql_schema *)Py_NewRef((PyObject *)owner);
    self->element = element;
    self->parent = parent;
    self->index = index;
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

PyObject *graftql_type_view_new(graftql_schema *owner, const gql_schema_type *type) {
    return view_new(owner, VIEW_TYPE, type, NULL, 0);
}

static void view_dealloc(graftql_view *self) {
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->owner);
    PyObject_GC_Del(self);
    Py_DECREF(type);
}

static int view_traverse(graftql_view *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->owner);
    return 0;
}

/* Views compare equal when they show the same element of the same schema. */
static PyObject *view_richcompare(graftql_view *self, PyObject *other, int op) {
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(other) != Py_TYPE(self))
        Py_RETURN_NOTIMPLEMENTED;
    graftql_view *o = (graftql_view *)other;
    bool same = o->owner == self->owner && o->element == self->element;
    return PyBool_FromLong(op == Py_EQ ? same : !same);
}

static Py_hash_t view_hash(graftql_view *self) {
    /* Elements are at least 8-byte aligned: drop the bits that never vary. */
    Py_hash_t h = (Py_hash_t)((uintptr_t)self->element >> 3);
    return h == -1 ? -2 : h;
}

/*=== MARK: Helpers =========================================================*/

/* A text of the schema (UTF-8, maybe absent) as str or None. */
static PyObject *text_or_none(graftql_view *self, const char *ptr, size_t len) {
    if (!ptr) Py_RETURN_NONE;
    return graftql_decode(ptr, len, self->owner->surrogates);
}

static PyObject *name_str(const char *name, size_t len) {
    return PyUnicode_DecodeUTF8(name, (Py_ssize_t)len, NULL);
}

static PyObject *type_name_str(const gql_schema_type *type) {
    return name_str(gql_schema_type_name(type), gql_schema_type_name_length(type));
}

static PyObject *type_ref_str(const gql_type_ref *ref) {
    size_t len = 0;
    char *text = gql_type_ref_str(ref, &len);
    if (!text) return PyErr_NoMemory();
    PyObject *s = name_str(text, len);
    gql_free(text);
    return s;
}

static PyObject *bound_or_none(PyObject *bound) { return Py_NewRef(bound ? bound : Py_None); }

/* A read-only mapping {name: view} of count elements. */
typedef const void *(*element_at_fn)(const void *container, size_t index);
typedef const char *(*element_name_fn)(const void *element, size_t *length);

static PyObject *mapping(graftql_view *self, view_kind kind, const void *container,
                         size_t count, element_at_fn at, element_name_fn name,
                         const gql_schema_type *parent) {
    PyObject *dict = PyDict_New();
    if (!dict) return NULL;
    for (size_t i = 0; i < count; i++) {
        const void *element = at(container, i);
        size_t len = 0;
        const char *n = name(element, &len);
        PyObject *key = name_str(n, len);
        PyObject *view = key ? view_new(self->owner, kind, element, parent, i) : NULL;
        int rc = view ? PyDict_SetItem(dict, key, view) : -1;
        Py_XDECREF(key);
        Py_XDECREF(view);
        if (rc < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    PyObject *proxy = PyDictProxy_New(dict);
    Py_DECREF(dict);
    return proxy;
}

/* A tuple of the names of count types. */
typedef const gql_schema_type *(*type_at_fn)(const gql_schema_type *type, size_t index);

static PyObject *type_names(const gql_schema_type *type, size_t count, type_at_fn at) {
    PyObject *names = PyTuple_New((Py_ssize_t)count);
    if (!names) return NULL;
    for (size_t i = 0; i < count; i++) {
        PyObject *s = type_name_str(at(type, i));
        if (!s) {
            Py_DECREF(names);
            return NULL;
        }
        PyTuple_SET_ITEM(names, (Py_ssize_t)i, s);
    }
    return names;
}

/* The accessors as element_at_fn / element_name_fn (the casts only change
 * the pointer types, never the pointed-to objects). */
static const void *field_at(const void *type, size_t i) {
    return gql_schema_type_field_at(type, i);
}
static const char *field_name(const void *field, size_t *len) {
    return gql_schema_field_name(field, len);
}
static const void *arg_at(const void *field, size_t i) { return gql_schema_field_arg_at(field, i); }
static const void *input_field_at(const void *type, size_t i) {
    return gql_schema_type_input_field_at(type, i);
}
static const char *input_value_name(const void *value, size_t *len) {
    return gql_schema_input_value_name(value, len);
}
static const void *enum_value_at(const void *type, size_t i) {
    return gql_schema_type_enum_value_at(type, i);
}
static const char *enum_value_name(const void *value, size_t *len) {
    return gql_schema_enum_value_name(value, len);
}

/*=== MARK: TypeView ========================================================*/

#define TYPE(self) ((const gql_schema_type *)(self)->element)

static inline bool has_fields(gql_type_kind kind) {
    return kind == GQL_TYPE_OBJECT || kind == GQL_TYPE_INTERFACE;
}

static inline bool is_abstract(gql_type_kind kind) {
    return kind == GQL_TYPE_INTERFACE || kind == GQL_TYPE_UNION;
}

static graftql_type_binding *binding_of(graftql_view *self, const gql_schema_type *type) {
    return graftql_schema_binding(self->owner, type);
}

static PyObject *type_get_name(graftql_view *self, void *closure) {
    return type_name_str(TYPE(self));
}

static PyObject *type_get_kind(graftql_view *self, void *closure) {
    graftql_state *st = PyType_GetModuleState(Py_TYPE(self));
    if (!st) return NULL;
    return Py_NewRef(st->type_kind_names[gql_schema_type_kind(TYPE(self))]);
}

static PyObject *type_get_description(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_type_description(TYPE(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *type_get_fields(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (!has_fields(gql_schema_type_kind(t))) Py_RETURN_NONE;
    return mapping(self, VIEW_FIELD, t, gql_schema_type_field_count(t), field_at, field_name, t);
}

static PyObject *type_get_interfaces(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (!has_fields(gql_schema_type_kind(t))) Py_RETURN_NONE;
    return type_names(t, gql_schema_type_interface_count(t), gql_schema_type_interface_at);
}

static PyObject *type_get_possible_types(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (!is_abstract(gql_schema_type_kind(t))) Py_RETURN_NONE;
    return type_names(t, gql_schema_type_possible_type_count(t),
                      gql_schema_type_possible_type_at);
}

static PyObject *type_get_enum_values(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (gql_schema_type_kind(t) != GQL_TYPE_ENUM) Py_RETURN_NONE;
    return mapping(self, VIEW_ENUM_VALUE, t, gql_schema_type_enum_value_count(t), enum_value_at,
                   enum_value_name, t);
}

static PyObject *type_get_input_fields(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (gql_schema_type_kind(t) != GQL_TYPE_INPUT_OBJECT) Py_RETURN_NONE;
    return mapping(self, VIEW_INPUT_VALUE, t, gql_schema_type_input_field_count(t),
                   input_field_at, input_value_name, NULL);
}

static PyObject *type_get_specified_by_url(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (gql_schema_type_kind(t) != GQL_TYPE_SCALAR) Py_RETURN_NONE;
    size_t len = 0;
    const char *url = gql_schema_type_specified_by_url(t, &len);
    return text_or_none(self, url, len);
}

static PyObject *type_get_is_one_of(graftql_view *self, void *closure) {
    const gql_schema_type *t = TYPE(self);
    if (gql_schema_type_kind(t) != GQL_TYPE_INPUT_OBJECT) Py_RETURN_NONE;
    return PyBool_FromLong(gql_schema_type_is_one_of(t));
}

static PyObject *type_get_is_builtin(graftql_view *self, void *closure) {
    return PyBool_FromLong(gql_schema_type_is_builtin(TYPE(self)));
}

/* The bound callable at offset in the type's binding, for types of the
 * kinds in mask (else None). */
static PyObject *type_bound(graftql_view *self, unsigned kind_mask, size_t offset) {
    const gql_schema_type *t = TYPE(self);
    if (!(kind_mask & (1u << gql_schema_type_kind(t)))) Py_RETURN_NONE;
    graftql_type_binding *b = binding_of(self, t);
    return bound_or_none(b ? *(PyObject **)((char *)b + offset) : NULL);
}

#define KIND_BIT(k) (1u << (k))

static PyObject *type_get_resolve_type(graftql_view *self, void *closure) {
    return type_bound(self, KIND_BIT(GQL_TYPE_INTERFACE) | KIND_BIT(GQL_TYPE_UNION),
                      offsetof(graftql_type_binding, resolve_type));
}

static PyObject *type_get_is_type_of(graftql_view *self, void *closure) {
    return type_bound(self, KIND_BIT(GQL_TYPE_OBJECT), offsetof(graftql_type_binding, is_type_of));
}

static PyObject *type_get_serialize(graftql_view *self, void *closure) {
    return type_bound(self, KIND_BIT(GQL_TYPE_SCALAR), offsetof(graftql_type_binding, serialize));
}

static PyObject *type_get_parse_value(graftql_view *self, void *closure) {
    return type_bound(self, KIND_BIT(GQL_TYPE_SCALAR),
                      offsetof(graftql_type_binding, parse_value));
}

static PyObject *type_get_parse_literal(graftql_view *self, void *closure) {
    return type_bound(self, KIND_BIT(GQL_TYPE_SCALAR),
                      offsetof(graftql_type_binding, parse_literal));
}

static PyObject *type_repr(graftql_view *self) {
    const gql_schema_type *t = TYPE(self);
    return PyUnicode_FromFormat("<TypeView %s %s>", gql_type_kind_name(gql_schema_type_kind(t)),
                                gql_schema_type_name(t));
}

static PyGetSetDef type_getset[] = {
    {"name", (getter)type_get_name, NULL, PyDoc_STR("The type's name."), NULL},
    {"kind", (getter)type_get_kind, NULL,
     PyDoc_STR("'SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM' or 'INPUT_OBJECT'."), NULL},
    {"description", (getter)type_get_description, NULL, PyDoc_STR("The description, or None."),
     NULL},
    {"fields", (getter)type_get_fields, NULL,
     PyDoc_STR("Object, interface: {name: FieldView} in definition order; else None."), NULL},
    {"interfaces", (getter)type_get_interfaces, NULL,
     PyDoc_STR("Object, interface: the names of the interfaces it implements; else None."),
     NULL},
    {"possible_types", (getter)type_get_possible_types, NULL,
     PyDoc_STR("Union: its members; interface: the object types implementing it; else None."),
     NULL},
    {"enum_values", (getter)type_get_enum_values, NULL,
     PyDoc_STR("Enum: {name: EnumValueView}; else None."), NULL},
    {"input_fields", (getter)type_get_input_fields, NULL,
     PyDoc_STR("Input object: {name: InputValueView}; else None."), NULL},
    {"specified_by_url", (getter)type_get_specified_by_url, NULL,
     PyDoc_STR("Scalar: the @specifiedBy url, or None."), NULL},
    {"is_one_of", (getter)type_get_is_one_of, NULL,
     PyDoc_STR("Input object: whether it is @oneOf; else None."), NULL},
    {"is_builtin", (getter)type_get_is_builtin, NULL,
     PyDoc_STR("A specified scalar (Int, String, ...) or an introspection type."), NULL},
    {"resolve_type", (getter)type_get_resolve_type, NULL,
     PyDoc_STR("Interface, union: the bound type resolver, or None."), NULL},
    {"is_type_of", (getter)type_get_is_type_of, NULL,
     PyDoc_STR("Object: the bound is_type_of, or None."), NULL},
    {"serialize", (getter)type_get_serialize, NULL,
     PyDoc_STR("Scalar: the bound serialize, or None for the default."), NULL},
    {"parse_value", (getter)type_get_parse_value, NULL,
     PyDoc_STR("Scalar: the bound parse_value, or None for the default."), NULL},
    {"parse_literal", (getter)type_get_parse_literal, NULL,
     PyDoc_STR("Scalar: the bound parse_literal, or None for the default."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot type_view_slots[] = {
    {Py_tp_dealloc, (void *)view_dealloc},
    {Py_tp_traverse, (void *)view_traverse},
    {Py_tp_richcompare, (void *)view_richcompare},
    {Py_tp_hash, (void *)view_hash},
    {Py_tp_repr, (void *)type_repr},
    {Py_tp_getset, type_getset},
    {Py_tp_doc, (void *)PyDoc_STR("A named type of a schema (read-only; Schema.get_type).")},
    {0, NULL},
};

/*=== MARK: FieldView =======================================================*/

#define FIELD(self) ((const gql_schema_field *)(self)->element)

static PyObject *field_get_name(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *name = gql_schema_field_name(FIELD(self), &len);
    return name_str(name, len);
}

static PyObject *field_get_type(graftql_view *self, void *closure) {
    return type_ref_str(gql_schema_field_type(FIELD(self)));
}

static PyObject *field_get_named_type(graftql_view *self, void *closure) {
    return type_name_str(gql_type_ref_named_type(gql_schema_field_type(FIELD(self))));
}

static PyObject *field_get_args(graftql_view *self, void *closure) {
    const gql_schema_field *f = FIELD(self);
    return mapping(self, VIEW_INPUT_VALUE, f, gql_schema_field_arg_count(f), arg_at,
                   input_value_name, NULL);
}

static PyObject *field_get_description(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_field_description(FIELD(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *field_get_deprecation_reason(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_field_deprecation_reason(FIELD(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *field_get_is_deprecated(graftql_view *self, void *closure) {
    return PyBool_FromLong(gql_schema_field_deprecation_reason(FIELD(self), NULL) != NULL);
}

static PyObject *field_get_parent_type(graftql_view *self, void *closure) {
    return type_name_str(self->parent);
}

static PyObject *field_get_resolver(graftql_view *self, void *closure) {
    return bound_or_none(graftql_field_resolver(self->owner, self->parent, self->index));
}

static PyObject *field_repr(graftql_view *self) {
    PyObject *type = field_get_type(self, NULL);
    if (!type) return NULL;
    PyObject *repr = PyUnicode_FromFormat("<FieldView %s.%s: %U>",
                                          gql_schema_type_name(self->parent),
                                          gql_schema_field_name(FIELD(self), NULL), type);
    Py_DECREF(type);
    return repr;
}

static PyGetSetDef field_getset[] = {
    {"name", (getter)field_get_name, NULL, PyDoc_STR("The field's name."), NULL},
    {"type", (getter)field_get_type, NULL, PyDoc_STR("Its type as GraphQL writes it: '[User!]!'."),
     NULL},
    {"named_type", (getter)field_get_named_type, NULL,
     PyDoc_STR("The name of the named type inside the wrappers: 'User'."), NULL},
    {"args", (getter)field_get_args, NULL, PyDoc_STR("{name: InputValueView}, in order."), NULL},
    {"description", (getter)field_get_description, NULL, PyDoc_STR("The description, or None."),
     NULL},
    {"deprecation_reason", (getter)field_get_deprecation_reason, NULL,
     PyDoc_STR("The @deprecated reason, or None when not deprecated."), NULL},
    {"is_deprecated", (getter)field_get_is_deprecated, NULL, PyDoc_STR("Whether deprecated."),
     NULL},
    {"parent_type", (getter)field_get_parent_type, NULL,
     PyDoc_STR("The name of the type the field belongs to."), NULL},
    {"resolver", (getter)field_get_resolver, NULL,
     PyDoc_STR("The bound resolver, or None for the default resolver."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot field_view_slots[] = {
    {Py_tp_dealloc, (void *)view_dealloc},
    {Py_tp_traverse, (void *)view_traverse},
    {Py_tp_richcompare, (void *)view_richcompare},
    {Py_tp_hash, (void *)view_hash},
    {Py_tp_repr, (void *)field_repr},
    {Py_tp_getset, field_getset},
    {Py_tp_doc, (void *)PyDoc_STR("A field of an object or interface type (read-only).")},
    {0, NULL},
};

/*=== MARK: InputValueView ==================================================*/

#define INPUT_VALUE(self) ((const gql_schema_input_value *)(self)->element)

static PyObject *input_value_get_name(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *name = gql_schema_input_value_name(INPUT_VALUE(self), &len);
    return name_str(name, len);
}

static PyObject *input_value_get_type(graftql_view *self, void *closure) {
    return type_ref_str(gql_schema_input_value_type(INPUT_VALUE(self)));
}

static PyObject *input_value_get_named_type(graftql_view *self, void *closure) {
    return type_name_str(gql_type_ref_named_type(gql_schema_input_value_type(INPUT_VALUE(self))));
}

static PyObject *input_value_get_default_value(graftql_view *self, void *closure) {
    /* graphql-core keeps no default that does not coerce to the type. */
    bool applies = false;
    const gql_schema_input_value *v = INPUT_VALUE(self);
    const gql_node *value = gql_schema_input_value_default(v, &applies);
    if (!value || !applies) Py_RETURN_NONE;
    /* As introspection's defaultValue and print_schema show it (coerced and
     * printed back); where graphql-core would raise, as written, as
     * print_schema does. */
    gql_strbuf out = GQL_STRBUF_INIT;
    gql_coerced_status status =
        gql_print_coerced_value(&out, value, gql_schema_input_value_type(v), NULL);
    if (status != GQL_COERCED_PRINTED && !out.nomem) {
        gql_strbuf_reset(&out);
        size_t len = 0;
        char *text = gql_print(value, &len);
        if (text) gql_strbuf_append(&out, text, len);
        else out.nomem = true;
        gql_free(text);
    }
    PyObject *s = out.nomem ? PyErr_NoMemory()
                            : graftql_decode(gql_strbuf_cstr(&out), out.len, self->owner->surrogates);
    gql_strbuf_free(&out);
    return s;
}

static PyObject *input_value_get_description(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_input_value_description(INPUT_VALUE(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *input_value_get_deprecation_reason(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_input_value_deprecation_reason(INPUT_VALUE(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *input_value_get_is_deprecated(graftql_view *self, void *closure) {
    return PyBool_FromLong(gql_schema_input_value_deprecation_reason(INPUT_VALUE(self), NULL) !=
                           NULL);
}

static PyObject *input_value_repr(graftql_view *self) {
    PyObject *type = input_value_get_type(self, NULL);
    if (!type) return NULL;
    PyObject *repr = PyUnicode_FromFormat(
        "<InputValueView %s: %U>", gql_schema_input_value_name(INPUT_VALUE(self), NULL), type);
    Py_DECREF(type);
    return repr;
}

static PyGetSetDef input_value_getset[] = {
    {"name", (getter)input_value_get_name, NULL, PyDoc_STR("The argument's or field's name."),
     NULL},
    {"type", (getter)input_value_get_type, NULL, PyDoc_STR("Its type as GraphQL writes it."),
     NULL},
    {"named_type", (getter)input_value_get_named_type, NULL,
     PyDoc_STR("The name of the named type inside the wrappers."), NULL},
    {"default_value", (getter)input_value_get_default_value, NULL,
     PyDoc_STR("The default value as a GraphQL literal, as introspection's defaultValue\n"
               "and print() show it ('[1]' for [Int] = 1), or None."), NULL},
    {"description", (getter)input_value_get_description, NULL,
     PyDoc_STR("The description, or None."), NULL},
    {"deprecation_reason", (getter)input_value_get_deprecation_reason, NULL,
     PyDoc_STR("The @deprecated reason, or None when not deprecated."), NULL},
    {"is_deprecated", (getter)input_value_get_is_deprecated, NULL,
     PyDoc_STR("Whether deprecated."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot input_value_view_slots[] = {
    {Py_tp_dealloc, (void *)view_dealloc},
    {Py_tp_traverse, (void *)view_traverse},
    {Py_tp_richcompare, (void *)view_richcompare},
    {Py_tp_hash, (void *)view_hash},
    {Py_tp_repr, (void *)input_value_repr},
    {Py_tp_getset, input_value_getset},
    {Py_tp_doc, (void *)PyDoc_STR("An argument or an input field (read-only).")},
    {0, NULL},
};

/*=== MARK: EnumValueView ===================================================*/

#define ENUM_VALUE(self) ((const gql_schema_enum_value *)(self)->element)

static PyObject *enum_value_get_name(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *name = gql_schema_enum_value_name(ENUM_VALUE(self), &len);
    return name_str(name, len);
}

static PyObject *enum_value_get_description(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_enum_value_description(ENUM_VALUE(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *enum_value_get_deprecation_reason(graftql_view *self, void *closure) {
    size_t len = 0;
    const char *text = gql_schema_enum_value_deprecation_reason(ENUM_VALUE(self), &len);
    return text_or_none(self, text, len);
}

static PyObject *enum_value_get_is_deprecated(graftql_view *self, void *closure) {
    return PyBool_FromLong(gql_schema_enum_value_deprecation_reason(ENUM_VALUE(self), NULL) !=
                           NULL);
}

static PyObject *enum_value_get_value(graftql_view *self, void *closure) {
    graftql_type_binding *b = binding_of(self, self->parent);
    if (b && b->enum_values && b->enum_values[self->index])
        return Py_NewRef(b->enum_values[self->index]);
    return enum_value_get_name(self, NULL);
}

static PyObject *enum_value_repr(graftql_view *self) {
    return PyUnicode_FromFormat("<EnumValueView %s.%s>", gql_schema_type_name(self->parent),
                                gql_schema_enum_value_name(ENUM_VALUE(self), NULL));
}

static PyGetSetDef enum_value_getset[] = {
    {"name", (getter)enum_value_get_name, NULL, PyDoc_STR("The value's name."), NULL},
    {"description", (getter)enum_value_get_description, NULL,
     PyDoc_STR("The description, or None."), NULL},
    {"deprecation_reason", (getter)enum_value_get_deprecation_reason, NULL,
     PyDoc_STR("The @deprecated reason, or None when not deprecated."), NULL},
    {"is_deprecated", (getter)enum_value_get_is_deprecated, NULL,
     PyDoc_STR("Whether deprecated."), NULL},
    {"value", (getter)enum_value_get_value, NULL,
     PyDoc_STR("The Python value it stands for (Schema's enums=), by default its name."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot enum_value_view_slots[] = {
    {Py_tp_dealloc, (void *)view_dealloc},
    {Py_tp_traverse, (void *)view_traverse},
    {Py_tp_richcompare, (void *)view_richcompare},
    {Py_tp_hash, (void *)view_hash},
    {Py_tp_repr, (void *)enum_value_repr},
    {Py_tp_getset, enum_value_getset},
    {Py_tp_doc, (void *)PyDoc_STR("A value of an enum type (read-only).")},
    {0, NULL},
};

/*=== MARK: Types ===========================================================*/

#define VIEW_FLAGS                                                                   \
    (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION | \
     Py_TPFLAGS_IMMUTABLETYPE)

static PyType_Spec view_specs[] = {
    [VIEW_TYPE] = {"graftql.TypeView", sizeof(graftql_view), 0, VIEW_FLAGS, type_view_slots},
    [VIEW_FIELD] = {"graftql.FieldView", sizeof(graftql_view), 0, VIEW_FLAGS, field_view_slots},
    [VIEW_INPUT_VALUE] = {"graftql.InputValueView", sizeof(graftql_view), 0, VIEW_FLAGS,
                          input_value_view_slots},
    [VIEW_ENUM_VALUE] = {"graftql.EnumValueView", sizeof(graftql_view), 0, VIEW_FLAGS,
                         enum_value_view_slots},
};

int graftql_views_init(PyObject *module, graftql_state *st) {
    for (size_t i = 0; i < sizeof view_specs / sizeof view_specs[0]; i++) {
        st->view_types[i] = (PyTypeObject *)PyType_FromModuleAndSpec(module, &view_specs[i], NULL);
        if (!st->view_types[i] || PyModule_AddType(module, st->view_types[i]) < 0) return -1;
    }
    return 0;
}
