/*
 * value.c: whether a const value coerces to an input type, as graphql-core's
 * value_from_ast decides it (returning Undefined or not), without building
 * the coerced value. The schema needs it for default values: graphql-core
 * keeps Undefined for a default that does not coerce, and that decides
 * whether an argument is required, whether a @oneOf field has a default,
 * and what print_schema and introspection show.
 *
 * Built-in scalars parse literals as graphql-core's do (Int: a 32-bit
 * IntValue; Float: IntValue or FloatValue; String: StringValue; Boolean:
 * BooleanValue; ID: StringValue or IntValue); custom scalars accept any
 * literal (value_from_ast_untyped). A type that is not an input type (which
 * validate_schema reports) coerces nothing.
 *
 * An input object's missing field takes its own default if that applies, so
 * checking one default may check another: those chains are followed to a
 * fixed depth (a cycle through defaults counts as applying), so the
 * recursion stays bounded whatever the schema.
 *
 * gql_value_coerces_visit also names, in order, each input object type whose
 * fields value_from_ast reads: reading them resolves graphql-core's lazy
 * field map, which the build's error order follows (build.c).
 */
#include "type/schema.h"

#include <string.h>

#define MAX_DEFAULT_CHAIN 64 /* nested default checks followed */

static bool coerces(const gql_schema *schema, const gql_node *v, const gql_type_ref *type,
                    unsigned chain, const gql_input_visitor *visitor);

static bool default_applies(const gql_schema *schema, gql_schema_input_value *f,
                            unsigned chain) {
    switch ((gql_default_state)f->default_state) {
    case GQL_DEFAULT_NONE:
    case GQL_DEFAULT_INVALID:
        return false;
    case GQL_DEFAULT_VALID:
    case GQL_DEFAULT_CHECKING:
        return true;
    case GQL_DEFAULT_UNCHECKED:
        break;
    }
    if (chain >= MAX_DEFAULT_CHAIN) return true;
    f->default_state = GQL_DEFAULT_CHECKING;
    bool ok = coerces(schema, f->default_value, f->type, chain + 1, NULL);
    f->default_state = ok ? GQL_DEFAULT_VALID : GQL_DEFAULT_INVALID;
    return ok;
}

bool gql_default_applies(const gql_schema *schema, gql_schema_input_value *value) {
    return default_applies(schema, value, 0);
}

static bool name_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

/* An IntValue's text within -2^31 .. 2^31 - 1 (the lexer guarantees the
 * syntax: an optional minus, then digits without leading zeros). */
static bool is_int32(gql_text t) {
    size_t i = t.len && t.ptr[0] == '-';
    bool negative = i == 1;
    if (t.len - i > 10) return false;
    long long v = 0;
    for (; i < t.len; i++) v = v * 10 + (t.ptr[i] - '0');
    return negative ? v <= 2147483648LL : v <= 2147483647LL;
}

static bool scalar_literal(const gql_schema_type *t, const gql_node *v) {
    gql_kind k = (gql_kind)v->kind;
    if (!t->builtin) return true; /* value_from_ast_untyped accepts any literal */
    if (name_is(t->name, "Int"))
        return k == GQL_INT_VALUE && is_int32(((const gql_scalar_value *)v)->value);
    if (name_is(t->name, "Float")) return k == GQL_INT_VALUE || k == GQL_FLOAT_VALUE;
    if (name_is(t->name, "String")) return k == GQL_STRING_VALUE;
    if (name_is(t->name, "Boolean")) return k == GQL_BOOLEAN_VALUE;
    if (name_is(t->name, "ID")) return k == GQL_STRING_VALUE || k == GQL_INT_VALUE;
    return true;
}

static bool enum_literal(const gql_schema *schema, const gql_schema_type *t, const gql_node *v) {
    if (v->kind != GQL_ENUM_VALUE) return false;
    gql_text text = ((const gql_scalar_value *)v)->value;
    const gql_sym *name = gql_intern_find(&schema->names, text.ptr, (uint32_t)text.len);
    return name && gql_type_enum_value(t, name) != NULL;
}

/* The last field of an object value with the given name (a dict of the
 * field nodes keeps the last), or NULL. */
static const gql_object_field *object_field(const gql_object_value *obj, const gql_sym *name) {
    const gql_object_field *found = NULL;
    for (uint32_t i = 0; i < obj->fields.count; i++) {
        const gql_object_field *f = (const gql_object_field *)obj->fields.items[i];
        if (f->name->value->len == name->len &&
            memcmp(f->name->value->str, name->str, name->len) == 0)
            found = f;
    }
    return found;
}

static bool input_object_literal(const gql_schema *schema, gql_schema_type *t,
                                 const gql_node *v, unsigned chain,
                                 const gql_input_visitor *visitor) {
    if (v->kind != GQL_OBJECT_VALUE) return false;
    if (visitor) visitor->visit(visitor->ctx, t); /* value_from_ast reads type_.fields */
    const gql_object_value *obj = (const gql_object_value *)v;
    uint32_t keys = 0;
    bool last_is_null = false; /* the coerced value of the last key is None */
    for (uint32_t i = 0; i < t->input_field_count; i++) {
        gql_schema_input_value *f = &t->input_fields[i];
        const gql_object_field *node = object_field(obj, f->name);
        if (!node) {
            if (default_applies(schema, f, chain)) {
                keys++;
                last_is_null = f->default_value->kind == GQL_NULL_VALUE;
            } else if (f->type->wrap == GQL_REF_NON_NULL) {
                return false;
            }
            continue;
        }
        if (!coerces(schema, node->value, f->type, chain, visitor)) return false;
        keys++;
        last_is_null = node->value->kind == GQL_NULL_VALUE;
    }
    if (t->one_of && (keys != 1 || last_is_null)) return false;
    return true;
}

static bool coerces(const gql_schema *schema, const gql_node *v, const gql_type_ref *type,
                    unsigned chain, const gql_input_visitor *visitor) {
    for (;;) {
        if (type->wrap == GQL_REF_NON_NULL) {
            if (v->kind == GQL_NULL_VALUE) return false;
            type = type->of_type;
            continue;
        }
        if (v->kind == GQL_NULL_VALUE) return true;
        if (type->wrap == GQL_REF_LIST) {
            if (v->kind != GQL_LIST_VALUE) {
                type = type->of_type; /* a single item coerces to a list of one */
                continue;
            }
            const gql_list_value *list = (const gql_list_value *)v;
            for (uint32_t i = 0; i < list->values.count; i++)
                if (!coerces(schema, list->values.items[i], type->of_type, chain, visitor))
                    return false;
            return true;
        }
        gql_schema_type *t = type->named;
        switch (t->kind) {
        case GQL_TYPE_SCALAR:
            return scalar_literal(t, v);
        case GQL_TYPE_ENUM:
            return enum_literal(schema, t, v);
        case GQL_TYPE_INPUT_OBJECT:
            return input_object_literal(schema, t, v, chain, visitor);
        default:
            return false;
        }
    }
}

bool gql_value_coerces(const gql_schema *schema, const gql_node *value,
                       const gql_type_ref *type) {
    return coerces(schema, value, type, 0, NULL);
}

bool gql_value_coerces_visit(const gql_schema *schema, const gql_node *value,
                             const gql_type_ref *type, const gql_input_visitor *visitor) {
    return coerces(schema, value, type, 0, visitor);
}

static void check_all(const gql_schema *schema, gql_schema_input_value *values,
                      uint32_t count) {
    for (uint32_t i = 0; i < count; i++) default_applies(schema, &values[i], 0);
}

bool gql_schema_check_defaults(gql_schema *schema) {
    for (uint32_t i = 0; i < schema->type_count; i++) {
        gql_schema_type *t = schema->types[i];
        for (uint32_t j = 0; j < t->field_count; j++)
            check_all(schema, t->fields[j].args, t->fields[j].arg_count);
        check_all(schema, t->input_fields, t->input_field_count);
    }
    for (uint32_t i = 0; i < schema->directive_count; i++)
        check_all(schema, schema->directives[i]->args, schema->directives[i]->arg_count);
    return true;
}
