/*
 * validate_inputs.c: validate_schema's checks of unions, enums and input
 * objects (graphql-core's validate_union_members, validate_enum_values,
 * validate_input_fields, validate_one_of_input_object_field and
 * InputObjectCircularRefsValidator).
 *
 * The cycle check is graphql-core's depth-first search through non-null
 * input object fields, reporting every cycle once; it runs on an explicit
 * stack, since a chain of input types is as long as the schema makes it.
 */
#include "type/validate.h"

#include <string.h>

#include "mem.h"

/* Report at [definition, *extensions] of t. */
static void report_at_type(gql_schema_validation *v, const gql_schema_type *t,
                           const char *fmt, const char *name) {
    gql_ast_ref *nodes = gql_malloc((1 + t->extension_count) * sizeof *nodes);
    if (!nodes) {
        gql_error_list_nomem(v->errors);
        return;
    }
    gql_sv_report(v, nodes, gql_sv_type_nodes(t, nodes), fmt, name);
    gql_free(nodes);
}

/*=== MARK: Unions ==========================================================*/

/* get_union_member_type_nodes: the member nodes naming name, in the
 * definition and extensions. */
static void report_members(gql_schema_validation *v, const gql_schema_type *u,
                           const gql_sym *name, const char *fmt, const char *arg1,
                           const char *arg2) {
    size_t n = 0;
    for (uint32_t i = 0; i <= u->extension_count; i++) {
        gql_ast_ref ref = gql_type_node(u, i);
        if (ref.node) n += ((const gql_type_definition *)ref.node)->members.count;
    }
    gql_ast_ref *nodes = gql_malloc((n ? n : 1) * sizeof *nodes);
    if (!nodes) {
        gql_error_list_nomem(v->errors);
        return;
    }
    n = 0;
    for (uint32_t i = 0; i <= u->extension_count; i++) {
        gql_ast_ref ref = gql_type_node(u, i);
        if (!ref.node) continue;
        const gql_list *members = &((const gql_type_definition *)ref.node)->members;
        for (uint32_t j = 0; j < members->count; j++) {
            const gql_named_type *nt = (const gql_named_type *)members->items[j];
            if (gql_sym_equal(nt->name->value, name))
                nodes[n++] = (gql_ast_ref){&nt->base, ref.source};
        }
    }
    gql_sv_report(v, nodes, n, fmt, arg1, arg2);
    gql_free(nodes);
}

void gql_sv_validate_union(gql_schema_validation *v, gql_schema_type *t) {
    if (!t->member_count)
        report_at_type(v, t, "Union type %s must define one or more member types.",
                       t->name->str);
    for (uint32_t i = 0; i < t->member_count; i++) {
        gql_schema_type *m = t->members[i];
        if (m->kind != GQL_TYPE_OBJECT) {
            report_members(v, t, m->name,
                           "Union type %s can only include Object types, it cannot include %s.",
                           t->name->str, m->name->str);
            continue;
        }
        bool repeated = false;
        for (uint32_t j = 0; j < i && !repeated; j++) repeated = t->members[j] == m;
        if (repeated)
            report_members(v, t, m->name, "Union type %s can only include type %s once.",
                           t->name->str, m->name->str);
    }
}

/*=== MARK: Enums ===========================================================*/

void gql_sv_validate_enum(gql_schema_validation *v, gql_schema_type *t) {
    if (!t->value_count)
        report_at_type(v, t, "Enum type %s must define one or more values.", t->name->str);
    for (uint32_t i = 0; i < t->value_count; i++)
        gql_sv_check_name(v, t->values[i].name, t->values[i].ast);
}

/*=== MARK: Input objects ===================================================*/

void gql_sv_validate_input_fields(gql_schema_validation *v, gql_schema_type *t) {
    const char *tn = t->name->str;
    if (!t->input_field_count)
        report_at_type(v, t, "Input Object type %s must define one or more fields.", tn);
    for (uint32_t i = 0; i < t->input_field_count; i++) {
        gql_schema_input_value *f = &t->input_fields[i];
        const char *fn = f->name->str;
        gql_sv_check_name(v, f->name, f->ast);
        if (!gql_type_ref_is_input(f->type)) {
            gql_ast_ref at = gql_sv_type_node(f->ast);
            gql_sv_report(v, &at, 1, "The type of %s.%s must be Input Type but got: %s.", tn,
                          fn, gql_sv_type_str(&v->a, f->type));
        }
        if (gql_sv_is_required(v, f) && f->deprecation_reason.ptr) {
            gql_ast_ref at[2] = {gql_sv_deprecated_node(f->ast), gql_sv_type_node(f->ast)};
            gql_sv_report(v, at, 2, "Required input field %s.%s cannot be deprecated.", tn, fn);
        }
        if (!t->one_of) continue;
        if (f->type->wrap == GQL_REF_NON_NULL) {
            gql_ast_ref at = gql_sv_type_node(f->ast);
            gql_sv_report(v, &at, 1, "OneOf input field %s.%s must be nullable.", tn, fn);
        }
        if (gql_default_applies(v->schema, f))
            gql_sv_report(v, &f->ast, 1, "OneOf input field %s.%s cannot have a default value.",
                          tn, fn);
    }
}

/*=== MARK: Non-null input cycles ===========================================*/

typedef struct cycle_frame {
    gql_schema_type *type;  /* the input object being explored */
    uint32_t next;          /* its next field to look at */
} cycle_frame;

struct gql_input_cycles {
    gql_schema_validation *v;        /* where errors go */
    uint8_t *visited;                /* per type map index: explored already */
    int64_t *path_index;             /* per type map index: its position in
                                        the field path, or -1 */
    gql_schema_input_value **path;   /* the fields followed from the root */
    uint32_t path_len;               /* entries in path */
    cycle_frame *stack;              /* the types being explored */
};

gql_input_cycles *gql_input_cycles_new(gql_schema_validation *v) {
    uint32_t n = v->schema->type_count;
    gql_input_cycles *c = gql_calloc(1, sizeof *c);
    if (!c) return NULL;
    c->v = v;
    c->visited = gql_calloc(n ? n : 1, 1);
    c->path_index = gql_malloc((n ? n : 1) * sizeof *c->path_index);
    c->path = gql_malloc((n ? n : 1) * sizeof *c->path);
    c->stack = gql_malloc((n ? n : 1) * sizeof *c->stack);
    if (!c->visited || !c->path_index || !c->path || !c->stack) {
        gql_input_cycles_free(c);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) c->path_index[i] = -1;
    return c;
}

void gql_input_cycles_free(gql_input_cycles *c) {
    if (!c) return;
    gql_free(c->visited);
    gql_free(c->path_index);
    gql_free(c->path);
    gql_free(c->stack);
    gql_free(c);
}

static void report_cycle(gql_input_cycles *c, const gql_schema_type *target, uint32_t from) {
    gql_schema_validation *v = c->v;
    uint32_t n = c->path_len - from;
    gql_ast_ref *nodes = gql_malloc(n * sizeof *nodes);
    gql_strbuf names = GQL_STRBUF_INIT;
    for (uint32_t i = 0; i < n; i++) {
        const gql_schema_input_value *f = c->path[from + i];
        if (nodes) nodes[i] = f->ast;
        if (i) gql_strbuf_puts(&names, ".");
        gql_strbuf_append(&names, f->name->str, f->name->len);
    }
    if (!nodes || names.nomem)
        gql_error_list_nomem(v->errors);
    else
        gql_sv_report(v, nodes, n,
                      "Cannot reference Input Object '%s' within itself through a series of "
                      "non-null fields: '%s'.",
                      target->name->str, gql_strbuf_cstr(&names));
    gql_free(nodes);
    gql_strbuf_free(&names);
}

/* The input object a field leads to through a non-null type, or NULL. */
static gql_schema_type *non_null_input_object(const gql_schema_input_value *f) {
    const gql_type_ref *t = f->type;
    if (t->wrap != GQL_REF_NON_NULL || t->of_type->wrap != GQL_REF_NAMED) return NULL;
    return t->named->kind == GQL_TYPE_INPUT_OBJECT ? t->named : NULL;
}

void gql_input_cycles_check(gql_input_cycles *c, gql_schema_type *root) {
    if (c->visited[root->index]) return;
    uint32_t depth = 0;
    c->visited[root->index] = 1;
    c->path_index[root->index] = c->path_len;
    c->stack[depth++] = (cycle_frame){root, 0};
    while (depth) {
        cycle_frame *top = &c->stack[depth - 1];
        gql_schema_type *t = top->type;
        if (top->next == t->input_field_count) {
            c->path_index[t->index] = -1;
            depth--;
            if (depth) c->path_len--; /* the field that led here */
            continue;
        }
        gql_schema_input_value *f = &t->input_fields[top->next++];
        gql_schema_type *ft = non_null_input_object(f);
        if (!ft) continue;
        int64_t cycle_index = c->path_index[ft->index];
        c->path[c->path_len++] = f;
        if (cycle_index >= 0) {
            report_cycle(c, ft, (uint32_t)cycle_index);
            c->path_len--;
        } else if (!c->visited[ft->index]) {
            c->visited[ft->index] = 1;
            c->path_index[ft->index] = c->path_len;
            c->stack[depth++] = (cycle_frame){ft, 0};
        } else {
            c->path_len--;
        }
    }
}
