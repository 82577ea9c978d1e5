/*
 * copy.c: copies of AST pieces into a schema's arena, so that the schema
 * keeps what it needs of the documents (descriptions, default values,
 * applied directives) after they are freed. Names are re-interned in the
 * schema's table so that they compare by pointer there.
 *
 * Values nest as deep as the parser allowed (max_depth, at most
 * GQL_MAX_DEPTH_CEILING); the copy recurses with a guard at that ceiling.
 */
#include "type/schema.h"

#include <string.h>

const gql_sym *gql_schema_intern(gql_schema *schema, const gql_sym *name) {
    return gql_intern(&schema->names, &schema->arena, name->str, name->len);
}

bool gql_copy_text(gql_schema *schema, const gql_string_value *from, gql_text *to) {
    to->ptr = NULL;
    to->len = 0;
    if (!from) return true;
    char *p = gql_arena_strndup(&schema->arena, from->value.ptr, from->value.len);
    if (!p) return false;
    to->ptr = p;
    to->len = from->value.len;
    return true;
}

static gql_name *copy_name(gql_schema *schema, const gql_name *from) {
    gql_name *n = gql_arena_alloc(&schema->arena, sizeof *n);
    if (!n) return NULL;
    n->base = from->base;
    n->value = gql_schema_intern(schema, from->value);
    return n->value ? n : NULL;
}

static bool copy_list(gql_schema *schema, const gql_list *from, gql_list *to) {
    to->count = 0;
    to->items = NULL;
    if (!from->count) return true;
    to->items = gql_arena_alloc(&schema->arena, from->count * sizeof *to->items);
    if (!to->items) return false;
    to->count = from->count;
    return true;
}

static gql_node *copy_value(gql_schema *schema, const gql_node *v, unsigned depth) {
    if (depth > GQL_MAX_DEPTH_CEILING + 1) return NULL;
    switch ((gql_kind)v->kind) {
    case GQL_INT_VALUE:
    case GQL_FLOAT_VALUE:
    case GQL_ENUM_VALUE:
    case GQL_BOOLEAN_VALUE:
    case GQL_NULL_VALUE: {
        const gql_scalar_value *from = (const gql_scalar_value *)v;
        gql_scalar_value *n = gql_arena_alloc(&schema->arena, sizeof *n);
        if (!n) return NULL;
        *n = *from;
        if (from->value.ptr) {
            char *p = gql_arena_strndup(&schema->arena, from->value.ptr, from->value.len);
            if (!p) return NULL;
            n->value.ptr = p;
        }
        return &n->base;
    }
    case GQL_STRING_VALUE: {
        const gql_string_value *from = (const gql_string_value *)v;
        gql_string_value *n = gql_arena_alloc(&schema->arena, sizeof *n);
        if (!n) return NULL;
        n->base = from->base;
        n->value.len = from->value.len;
        n->value.ptr = gql_arena_strndup(&schema->arena, from->value.ptr, from->value.len);
        return n->value.ptr ? &n->base : NULL;
    }
    case GQL_LIST_VALUE: {
        const gql_list_value *from = (const gql_list_value *)v;
        gql_list_value *n = gql_arena_alloc(&schema->arena, sizeof *n);
        if (!n || !copy_list(schema, &from->values, &n->values)) return NULL;
        n->base = from->base;
        for (uint32_t i = 0; i < from->values.count; i++) {
            n->values.items[i] = copy_value(schema, from->values.items[i], depth + 1);
            if (!n->values.items[i]) return NULL;
        }
        return &n->base;
    }
    case GQL_OBJECT_VALUE: {
        const gql_object_value *from = (const gql_object_value *)v;
        gql_object_value *n = gql_arena_alloc(&schema->arena, sizeof *n);
        if (!n || !copy_list(schema, &from->fields, &n->fields)) return NULL;
        n->base = from->base;
        for (uint32_t i = 0; i < from->fields.count; i++) {
            const gql_object_field *f = (const gql_object_field *)from->fields.items[i];
            gql_object_field *c = gql_arena_alloc(&schema->arena, sizeof *c);
            if (!c) return NULL;
            c->base = f->base;
            c->name = copy_name(schema, f->name);
            c->value = c->name ? copy_value(schema, f->value, depth + 1) : NULL;
            if (!c->value) return NULL;
            n->fields.items[i] = &c->base;
        }
        return &n->base;
    }
    case GQL_VARIABLE: {
        /* Not in const values; copied for completeness. */
        const gql_variable *from = (const gql_variable *)v;
        gql_variable *n = gql_arena_alloc(&schema->arena, sizeof *n);
        if (!n) return NULL;
        n->base = from->base;
        n->name = copy_name(schema, from->name);
        return n->name ? &n->base : NULL;
    }
    default:
        return NULL;
    }
}

gql_node *gql_copy_value(gql_schema *schema, const gql_node *value) {
    return value ? copy_value(schema, value, 0) : NULL;
}

bool gql_copy_directives(gql_schema *schema, const gql_list *from, gql_list *to) {
    if (!from->count) return true;
    uint32_t old = to->count;
    gql_node **items = gql_arena_alloc(&schema->arena, (old + from->count) * sizeof *items);
    if (!items) return false;
    if (old) memcpy(items, to->items, old * sizeof *items);
    for (uint32_t i = 0; i < from->count; i++) {
        const gql_directive *d = (const gql_directive *)from->items[i];
        gql_directive *c = gql_arena_alloc(&schema->arena, sizeof *c);
        if (!c) return false;
        c->base = d->base;
        c->name = copy_name(schema, d->name);
        if (!c->name || !copy_list(schema, &d->arguments, &c->arguments)) return false;
        for (uint32_t j = 0; j < d->arguments.count; j++) {
            const gql_argument *a = (const gql_argument *)d->arguments.items[j];
            gql_argument *ca = gql_arena_alloc(&schema->arena, sizeof *ca);
            if (!ca) return false;
            ca->base = a->base;
            ca->name = copy_name(schema, a->name);
            ca->value = ca->name ? gql_copy_value(schema, a->value) : NULL;
            if (!ca->value) return false;
            c->arguments.items[j] = &ca->base;
        }
        items[old + i] = &c->base;
    }
    to->items = items;
    to->count = old + from->count;
    return true;
}
