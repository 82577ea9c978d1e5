/*
 * schema.c: the public accessors of a schema, its lookups (name indexes,
 * arguments) and the small facts the type system shares: kind and location
 * names, type reference comparisons (graphql-core's type_comparators) and
 * str() of a type reference.
 */
#include "type/schema.h"

#include <string.h>

#include "mem.h"
#include "strbuf.h"

/*=== MARK: Names ===========================================================*/

static const char *const type_kind_names[] = {
    "SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL",
};

const char *gql_type_kind_name(gql_type_kind kind) {
    return (unsigned)kind < sizeof type_kind_names / sizeof type_kind_names[0]
               ? type_kind_names[kind]
               : "";
}

static const char *const location_names[GQL_LOCATION_COUNT] = {
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION",
    "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR",
    "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM",
    "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
};

/* graphql-core's DirectiveLocation enum values, which its messages print. */
static const char *const location_texts[GQL_LOCATION_COUNT] = {
    "query", "mutation", "subscription", "field", "fragment definition",
    "fragment spread", "inline fragment", "variable definition", "schema", "scalar",
    "object", "field definition", "argument definition", "interface", "union", "enum",
    "enum value", "input object", "input field definition", "directive definition",
};

const char *gql_directive_location_name(gql_directive_location location) {
    return (unsigned)location < GQL_LOCATION_COUNT ? location_names[location] : "";
}

const char *gql_directive_location_text(gql_directive_location location) {
    return (unsigned)location < GQL_LOCATION_COUNT ? location_texts[location] : "";
}

bool gql_directive_location_from_name(const gql_sym *name, gql_directive_location *out) {
    for (int i = 0; i < GQL_LOCATION_COUNT; i++) {
        if (strlen(location_names[i]) == name->len &&
            memcmp(location_names[i], name->str, name->len) == 0) {
            *out = (gql_directive_location)i;
            return true;
        }
    }
    return false;
}

/*=== MARK: Lookups =========================================================*/

static inline const gql_sym *element_name(const void *base, size_t stride, uint32_t i) {
    const gql_sym *name;
    memcpy(&name, (const char *)base + (size_t)i * stride, sizeof name);
    return name;
}

void *gql_name_index_find(const gql_name_index *index, const void *base, size_t stride,
                          uint32_t count, const gql_sym *name) {
    if (!index->slots) {
        for (uint32_t i = 0; i < count; i++)
            if (element_name(base, stride, i) == name) return (char *)base + (size_t)i * stride;
        return NULL;
    }
    for (uint32_t s = name->hash & index->mask;; s = (s + 1) & index->mask) {
        uint32_t e = index->slots[s];
        if (!e) return NULL;
        if (element_name(base, stride, e - 1) == name)
            return (char *)base + (size_t)(e - 1) * stride;
    }
}

bool gql_name_index_build(gql_name_index *index, gql_arena *arena, const void *base,
                          size_t stride, uint32_t count) {
    index->slots = NULL;
    index->mask = 0;
    if (count <= GQL_LINEAR_LOOKUP_MAX) return true;
    uint32_t cap = 16;
    while (cap < count * 2) cap *= 2;
    uint32_t *slots = gql_arena_zalloc(arena, cap * sizeof *slots);
    if (!slots) return false;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t s = element_name(base, stride, i)->hash & (cap - 1);
        while (slots[s]) s = (s + 1) & (cap - 1);
        slots[s] = i + 1;
    }
    index->slots = slots;
    index->mask = cap - 1;
    return true;
}

gql_schema_input_value *gql_find_arg(gql_schema_input_value *args, uint32_t count,
                                     const gql_sym *name) {
    for (uint32_t i = 0; i < count; i++)
        if (args[i].name == name) return &args[i];
    return NULL;
}

bool gql_directive_is_specified(const gql_schema_directive *directive) {
    static const char *const names[] = {"include", "skip", "deprecated", "specifiedBy", "oneOf"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == directive->name->len &&
            memcmp(names[i], directive->name->str, directive->name->len) == 0)
            return true;
    return false;
}

/*=== MARK: Type references =================================================*/

static inline bool is_input_kind(gql_type_kind k) {
    return k == GQL_TYPE_SCALAR || k == GQL_TYPE_ENUM || k == GQL_TYPE_INPUT_OBJECT;
}

bool gql_type_ref_is_input(const gql_type_ref *ref) { return is_input_kind(ref->named->kind); }

bool gql_type_ref_is_output(const gql_type_ref *ref) {
    return ref->named->kind != GQL_TYPE_INPUT_OBJECT;
}

bool gql_type_ref_equal(const gql_type_ref *a, const gql_type_ref *b) {
    for (;;) {
        if (a == b) return true;
        if (a->wrap != b->wrap) return false;
        if (a->wrap == GQL_REF_NAMED) return a->named == b->named;
        a = a->of_type;
        b = b->of_type;
    }
}

bool gql_is_sub_type(const gql_schema_type *abstract, const gql_schema_type *maybe_sub) {
    if (abstract->kind == GQL_TYPE_UNION) {
        for (uint32_t i = 0; i < abstract->member_count; i++)
            if (abstract->members[i] == maybe_sub) return true;
        return false;
    }
    if (abstract->kind == GQL_TYPE_INTERFACE) {
        for (uint32_t i = 0; i < abstract->implementation_count; i++)
            if (abstract->implementations[i] == maybe_sub) return true;
        for (uint32_t i = 0; i < abstract->sub_interface_count; i++)
            if (abstract->sub_interfaces[i] == maybe_sub) return true;
    }
    return false;
}

bool gql_type_ref_is_subtype(const gql_type_ref *sub, const gql_type_ref *super) {
    for (;;) {
        if (gql_type_ref_equal(sub, super)) return true;
        if (super->wrap == GQL_REF_NON_NULL) {
            if (sub->wrap != GQL_REF_NON_NULL) return false;
            sub = sub->of_type;
            super = super->of_type;
            continue;
        }
        if (sub->wrap == GQL_REF_NON_NULL) {
            sub = sub->of_type;
            continue;
        }
        if (super->wrap == GQL_REF_LIST) {
            if (sub->wrap != GQL_REF_LIST) return false;
            sub = sub->of_type;
            super = super->of_type;
            continue;
        }
        if (sub->wrap == GQL_REF_LIST) return false;
        gql_type_kind sk = super->named->kind, bk = sub->named->kind;
        return (sk == GQL_TYPE_INTERFACE || sk == GQL_TYPE_UNION) &&
               (bk == GQL_TYPE_INTERFACE || bk == GQL_TYPE_OBJECT) &&
               gql_is_sub_type(super->named, sub->named);
    }
}

void gql_type_ref_print(gql_strbuf *b, const gql_type_ref *ref) {
    /* Every "[" comes before the name; the closing "]" and "!" follow it
     * from the innermost wrapper out, so they are the outermost-first walk
     * reversed. */
    gql_strbuf closing = GQL_STRBUF_INIT;
    for (const gql_type_ref *r = ref; r->wrap != GQL_REF_NAMED; r = r->of_type) {
        if (r->wrap == GQL_REF_LIST) gql_strbuf_puts(b, "[");
        gql_strbuf_puts(&closing, r->wrap == GQL_REF_LIST ? "]" : "!");
    }
    gql_strbuf_append(b, ref->named->name->str, ref->named->name->len);
    if (closing.nomem) b->nomem = true;
    for (size_t i = closing.len; i-- > 0;) gql_strbuf_append(b, &closing.ptr[i], 1);
    gql_strbuf_free(&closing);
}

/*=== MARK: Public accessors ================================================*/

void gql_schema_options_init(gql_schema_options *options) {
    if (options) memset(options, 0, sizeof *options);
}

void gql_schema_free(gql_schema *schema) {
    if (!schema) return;
    gql_symmap_free(&schema->type_map);
    gql_symmap_free(&schema->builtin_types);
    gql_symmap_free(&schema->directive_map);
    gql_free(schema->names.slots);
    gql_arena arena = schema->arena;  /* the schema lives in its own arena */
    gql_arena_release(&arena);
}

bool gql_schema_is_valid(const gql_schema *schema) { return schema && schema->valid; }

size_t gql_schema_type_count(const gql_schema *schema) { return schema->type_count; }

const gql_schema_type *gql_schema_type_at(const gql_schema *schema, size_t index) {
    return index < schema->type_count ? schema->types[index] : NULL;
}

const gql_schema_type *gql_schema_get_type(const gql_schema *schema, const char *name,
                                           size_t length) {
    if (length > UINT32_MAX) return NULL;
    return gql_symmap_getn(&schema->type_map, name, (uint32_t)length,
                           gql_name_hash(name, (uint32_t)length));
}

const gql_schema_type *gql_schema_root_type(const gql_schema *schema, gql_operation op) {
    return (unsigned)op < 3 ? schema->roots[op] : NULL;
}

size_t gql_schema_directive_count(const gql_schema *schema) { return schema->directive_count; }

const gql_schema_directive *gql_schema_directive_at(const gql_schema *schema, size_t index) {
    return index < schema->directive_count ? schema->directives[index] : NULL;
}

const gql_schema_directive *gql_schema_get_directive(const gql_schema *schema,
                                                     const char *name, size_t length) {
    if (length > UINT32_MAX) return NULL;
    return gql_symmap_getn(&schema->directive_map, name, (uint32_t)length,
                           gql_name_hash(name, (uint32_t)length));
}

const gql_text *gql_schema_description(const gql_schema *schema) {
    return schema->description.ptr ? &schema->description : NULL;
}

const char *gql_schema_type_name(const gql_schema_type *type) { return type->name->str; }

gql_type_kind gql_schema_type_kind(const gql_schema_type *type) { return type->kind; }

const char *gql_schema_directive_name(const gql_schema_directive *directive) {
    return directive->name->str;
}
