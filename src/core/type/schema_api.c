/*
 * schema_api.c: the public accessors of a schema's elements (graftql.h,
 * "Schema elements"): a type's description, fields, interfaces, possible
 * types, enum values and input fields; a field's type and arguments; an
 * argument's or input field's default value; type references and their
 * str(); a directive's arguments and locations. Tools (the CPython views,
 * graftql-c) read a schema through these, never through schema.h.
 *
 * Every accessor is O(1) or a hash probe and allocates nothing, except
 * gql_type_ref_str. Indexes out of range give NULL.
 */
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "type/schema.h"

/* Text that may be absent: its bytes and length, or NULL. */
static const char *text_of(const gql_text *t, size_t *length) {
    if (length) *length = t->ptr ? t->len : 0;
    return t->ptr;
}

/*=== MARK: Types ===========================================================*/

size_t gql_schema_type_name_length(const gql_schema_type *type) { return type->name->len; }

const char *gql_schema_type_description(const gql_schema_type *type, size_t *length) {
    return text_of(&type->description, length);
}

const char *gql_schema_type_specified_by_url(const gql_schema_type *type, size_t *length) {
    return text_of(&type->specified_by_url, length);
}

bool gql_schema_type_is_one_of(const gql_schema_type *type) { return type->one_of; }

bool gql_schema_type_is_builtin(const gql_schema_type *type) { return type->builtin; }

size_t gql_schema_type_index(const gql_schema_type *type) {
    return type->index == GQL_NOT_IN_MAP ? SIZE_MAX : type->index;
}

const gql_type_ref *gql_schema_type_ref(const gql_schema_type *type) { return &type->ref; }

size_t gql_schema_type_field_count(const gql_schema_type *type) { return type->field_count; }

const gql_schema_field *gql_schema_type_field_at(const gql_schema_type *type, size_t index) {
    return index < type->field_count ? &type->fields[index] : NULL;
}

/* The schema's interned name spelled name[0, length), or NULL: a name the
 * schema does not know is no member of any of its types. */
static const gql_sym *find_sym(const gql_schema *schema, const char *name, size_t length) {
    if (length > UINT32_MAX) return NULL;
    return gql_intern_find(&schema->names, name, (uint32_t)length);
}

const gql_schema_field *gql_schema_type_get_field(const gql_schema *schema,
                                                  const gql_schema_type *type,
                                                  const char *name, size_t length) {
    const gql_sym *sym = find_sym(schema, name, length);
    return sym ? gql_type_field(type, sym) : NULL;
}

size_t gql_schema_type_interface_count(const gql_schema_type *type) {
    return type->interface_count;
}

const gql_schema_type *gql_schema_type_interface_at(const gql_schema_type *type, size_t index) {
    return index < type->interface_count ? type->interfaces[index] : NULL;
}

size_t gql_schema_type_possible_type_count(const gql_schema_type *type) {
    switch (type->kind) {
    case GQL_TYPE_UNION:
        return type->member_count;
    case GQL_TYPE_INTERFACE:
        return type->implementation_count;
    default:
        return 0;
    }
}

const gql_schema_type *gql_schema_type_possible_type_at(const gql_schema_type *type,
                                                        size_t index) {
    if (index >= gql_schema_type_possible_type_count(type)) return NULL;
    return type->kind == GQL_TYPE_UNION ? type->members[index] : type->implementations[index];
}

size_t gql_schema_type_enum_value_count(const gql_schema_type *type) {
    return type->value_count;
}

const gql_schema_enum_value *gql_schema_type_enum_value_at(const gql_schema_type *type,
                                                           size_t index) {
    return index < type->value_count ? &type->values[index] : NULL;
}

const gql_schema_enum_value *gql_schema_type_get_enum_value(const gql_schema *schema,
                                                            const gql_schema_type *type,
                                                            const char *name, size_t length) {
    const gql_sym *sym = find_sym(schema, name, length);
    return sym ? gql_type_enum_value(type, sym) : NULL;
}

size_t gql_schema_type_input_field_count(const gql_schema_type *type) {
    return type->input_field_count;
}

const gql_schema_input_value *gql_schema_type_input_field_at(const gql_schema_type *type,
                                                             size_t index) {
    return index < type->input_field_count ? &type->input_fields[index] : NULL;
}

const gql_schema_input_value *gql_schema_type_get_input_field(const gql_schema *schema,
                                                              const gql_schema_type *type,
                                                              const char *name,
                                                              size_t length) {
    const gql_sym *sym = find_sym(schema, name, length);
    return sym ? gql_type_input_field(type, sym) : NULL;
}

/*=== MARK: Fields ==========================================================*/

const char *gql_schema_field_name(const gql_schema_field *field, size_t *length) {
    if (length) *length = field->name->len;
    return field->name->str;
}

const char *gql_schema_field_description(const gql_schema_field *field, size_t *length) {
    return text_of(&field->description, length);
}

const char *gql_schema_field_deprecation_reason(const gql_schema_field *field,
                                                size_t *length) {
    return text_of(&field->deprecation_reason, length);
}

const gql_type_ref *gql_schema_field_type(const gql_schema_field *field) {
    return field->type;
}

size_t gql_schema_field_arg_count(const gql_schema_field *field) { return field->arg_count; }

const gql_schema_input_value *gql_schema_field_arg_at(const gql_schema_field *field,
                                                      size_t index) {
    return index < field->arg_count ? &field->args[index] : NULL;
}

/*=== MARK: Arguments and input fields ======================================*/

const char *gql_schema_input_value_name(const gql_schema_input_value *value, size_t *length) {
    if (length) *length = value->name->len;
    return value->name->str;
}

const char *gql_schema_input_value_description(const gql_schema_input_value *value,
                                               size_t *length) {
    return text_of(&value->description, length);
}

const char *gql_schema_input_value_deprecation_reason(const gql_schema_input_value *value,
                                                      size_t *length) {
    return text_of(&value->deprecation_reason, length);
}

const gql_type_ref *gql_schema_input_value_type(const gql_schema_input_value *value) {
    return value->type;
}

const gql_node *gql_schema_input_value_default(const gql_schema_input_value *value,
                                               bool *applies) {
    if (applies) *applies = value->default_value && value->default_state == GQL_DEFAULT_VALID;
    return value->default_value;
}

/*=== MARK: Enum values =====================================================*/

const char *gql_schema_enum_value_name(const gql_schema_enum_value *value, size_t *length) {
    if (length) *length = value->name->len;
    return value->name->str;
}

const char *gql_schema_enum_value_description(const gql_schema_enum_value *value,
                                              size_t *length) {
    return text_of(&value->description, length);
}

const char *gql_schema_enum_value_deprecation_reason(const gql_schema_enum_value *value,
                                                     size_t *length) {
    return text_of(&value->deprecation_reason, length);
}

/*=== MARK: Type references =================================================*/

gql_type_kind gql_type_ref_type_kind(const gql_type_ref *ref) {
    switch (ref->wrap) {
    case GQL_REF_LIST:
        return GQL_TYPE_LIST;
    case GQL_REF_NON_NULL:
        return GQL_TYPE_NON_NULL;
    default:
        return ref->named->kind;
    }
}

const gql_type_ref *gql_type_ref_of_type(const gql_type_ref *ref) {
    return ref->wrap == GQL_REF_NAMED ? NULL : ref->of_type;
}

const gql_schema_type *gql_type_ref_named_type(const gql_type_ref *ref) { return ref->named; }

char *gql_type_ref_str(const gql_type_ref *ref, size_t *length) {
    gql_strbuf b = GQL_STRBUF_INIT;
    gql_type_ref_print(&b, ref);
    if (b.nomem || !b.ptr) {
        gql_strbuf_free(&b);
        return NULL;
    }
    if (length) *length = b.len;
    return b.ptr;
}

/*=== MARK: Directives ======================================================*/

const char *gql_schema_directive_description(const gql_schema_directive *directive,
                                             size_t *length) {
    return text_of(&directive->description, length);
}

bool gql_schema_directive_is_repeatable(const gql_schema_directive *directive) {
    return directive->repeatable;
}

size_t gql_schema_directive_arg_count(const gql_schema_directive *directive) {
    return directive->arg_count;
}

const gql_schema_input_value *gql_schema_directive_arg_at(const gql_schema_directive *directive,
                                                          size_t index) {
    return index < directive->arg_count ? &directive->args[index] : NULL;
}

size_t gql_schema_directive_location_count(const gql_schema_directive *directive) {
    return directive->location_count;
}

gql_directive_location gql_schema_directive_location_at(const gql_schema_directive *directive,
                                                        size_t index) {
    return index < directive->location_count ? (gql_directive_location)directive->locations[index]
                                              : GQL_LOCATION_COUNT;
}
