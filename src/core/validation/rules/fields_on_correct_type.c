/*
 * fields_on_correct_type.c: graphql-core's FieldsOnCorrectTypeRule. Every
 * selected field is defined on the parent type. The message suggests, as
 * graphql-core does, first the types an inline fragment could narrow an
 * abstract parent type to (get_suggested_type_names: the possible types
 * and their interfaces that have the field, most used first, an interface
 * before its implementations, then by name), else the parent type's fields
 * with a close name (get_suggested_field_names).
 */
#include "mem.h"
#include "strbuf.h"
#include "utilities/suggestion.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

typedef struct candidate {
    const gql_schema_type *type;  /* an object or interface type with the field */
    uint32_t usage;               /* graphql-core's usage_count */
} candidate;

static bool has_field(const gql_schema_type *t, const gql_sym *schema_name) {
    return schema_name && gql_type_field(t, schema_name) != NULL;
}

/* graphql-core's cmp in get_suggested_type_names. */
static int compare(const candidate *a, const candidate *b) {
    if (a->usage != b->usage) return b->usage > a->usage ? 1 : -1;
    if (a->type->kind == GQL_TYPE_INTERFACE && gql_is_sub_type(a->type, b->type)) return -1;
    if (b->type->kind == GQL_TYPE_INTERFACE && gql_is_sub_type(b->type, a->type)) return 1;
    const gql_sym *x = a->type->name, *y = b->type->name;
    int c = gql_natural_compare(x->str, x->len, y->str, y->len);
    return (c > 0) - (c < 0);
}

/* CPython 3.11's list.sort for fewer than 64 items (an initial run, then a
 * binary insertion sort), so that the order is graphql-core's even where
 * its comparison is not a total order. */
static void python_sort(candidate *v, uint32_t n) {
    if (n < 2) return;
    uint32_t run = 2;
    if (compare(&v[1], &v[0]) < 0) {
        while (run < n && compare(&v[run], &v[run - 1]) < 0) run++;
        for (uint32_t i = 0, j = run - 1; i < j; i++, j--) {
            candidate t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    } else {
        while (run < n && !(compare(&v[run], &v[run - 1]) < 0)) run++;
    }
    for (uint32_t start = run; start < n; start++) {
        candidate pivot = v[start];
        uint32_t l = 0, r = start;
        do {
            uint32_t p = l + ((r - l) >> 1);
            if (compare(&pivot, &v[p]) < 0) r = p;
            else l = p + 1;
        } while (l < r);
        for (uint32_t k = start; k > l; k--) v[k] = v[k - 1];
        v[l] = pivot;
    }
}

/* Add t to the candidates (once) with one more usage. */
static bool count(candidate **v, uint32_t *n, uint32_t *cap, const gql_schema_type *t,
                  bool first) {
    for (uint32_t i = 0; i < *n; i++) {
        if ((*v)[i].type != t) continue;
        (*v)[i].usage = first ? 1 : (*v)[i].usage + 1;
        return true;
    }
    if (*n == *cap) {
        uint32_t c = *cap ? *cap * 2 : 8;
        candidate *p = gql_realloc(*v, c * sizeof *p);
        if (!p) return false;
        *v = p;
        *cap = c;
    }
    (*v)[(*n)++] = (candidate){t, 1};
    return true;
}

/* " Did you mean to use an inline fragment on ...?" into b. False when out
 * of memory. */
static bool suggest_types(gql_validation_context *ctx, gql_strbuf *b,
                          const gql_schema_type *type, const gql_sym *name) {
    if (!gql_type_is_abstract(type)) return true;
    const gql_sym *sym = gql_schema_sym(ctx->schema, name);
    if (!sym) return true;
    candidate *v = NULL;
    uint32_t n = 0, cap = 0;
    uint32_t npossible = type->kind == GQL_TYPE_UNION ? type->member_count
                                                      : type->implementation_count;
    bool ok = true;
    for (uint32_t i = 0; i < npossible && ok; i++) {
        const gql_schema_type *possible =
            type->kind == GQL_TYPE_UNION ? type->members[i] : type->implementations[i];
        if (!has_field(possible, sym)) continue;
        ok = count(&v, &n, &cap, possible, true);
        for (uint32_t j = 0; j < possible->interface_count && ok; j++) {
            const gql_schema_type *iface = possible->interfaces[j];
            if (has_field(iface, sym)) ok = count(&v, &n, &cap, iface, false);
        }
    }
    const gql_sym **names = ok && n ? gql_malloc(n * sizeof *names) : NULL;
    if (ok && n && !names) ok = false;
    if (ok && n) {
        python_sort(v, n);
        for (uint32_t i = 0; i < n; i++) names[i] = v[i].type->name;
        gql_did_you_mean(b, names, n, "to use an inline fragment on");
    }
    gql_free(names);
    gql_free(v);
    return ok;
}

/* " Did you mean 'a' or 'b'?" among the parent's field names into b. */
static bool suggest_fields(gql_validation_context *ctx, gql_strbuf *b,
                           const gql_schema_type *type, const gql_sym *name) {
    if (type->kind != GQL_TYPE_OBJECT && type->kind != GQL_TYPE_INTERFACE) return true;
    if (!type->field_count) return true;
    const gql_sym **names = gql_malloc(type->field_count * sizeof *names);
    if (!names) return false;
    for (uint32_t i = 0; i < type->field_count; i++) names[i] = type->fields[i].name;
    gql_validation_did_you_mean(ctx, b, name, names, type->field_count);
    gql_free(names);
    return true;
}

static gql_visit_action enter_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_schema_type *type = gql_type_info_parent_type(ctx);
    if (!type || gql_type_info_field_def(ctx)) return GQL_VISIT_CONTINUE;
    const gql_sym *name = ((const gql_field *)n)->name->value;
    gql_strbuf hint = GQL_STRBUF_INIT;
    bool ok = true;
    if (!ctx->hide_suggestions) {
        ok = suggest_types(ctx, &hint, type, name);
        if (ok && !hint.len) ok = suggest_fields(ctx, &hint, type, name);
    }
    if (!ok || hint.nomem) {
        gql_strbuf_free(&hint);
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    gql_ast_ref at = gql_here(ctx, n);
    gql_validation_report(ctx, &at, 1, "Cannot query field '%s' on type '%s'.%s", name->str,
                          type->name->str, gql_strbuf_cstr(&hint));
    gql_strbuf_free(&hint);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_fields_on_correct_type = {
    .name = "FieldsOnCorrectTypeRule",
    .enter = {[GQL_FIELD] = enter_field},
};
