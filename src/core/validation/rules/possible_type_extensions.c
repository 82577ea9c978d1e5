/*
 * possible_type_extensions.c: graphql-core's PossibleTypeExtensionsRule
 * (without a schema to extend). An extension extends a type the documents
 * define, of the same kind. Built-in types are not defined by the
 * documents, so they cannot be extended.
 */
#include "mem.h"
#include "strbuf.h"
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap defined;     /* type name -> gql_ast_ref of its last definition */
    const gql_sym **names;  /* defined type names, first appearance order */
    size_t nnames;          /* entries in names */
} state;

static bool init(gql_validation_context *ctx, void *st) {
    state *s = st;
    size_t n = 0;
    GQL_FOR_EACH_DEFINITION(ctx, def) {
        n += gql_is_type_definition_kind((gql_kind)def.node->kind);
    }
    s->names = gql_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof *s->names);
    if (!s->names) return false;
    GQL_FOR_EACH_DEFINITION(ctx, def) {
        if (!gql_is_type_definition_kind((gql_kind)def.node->kind)) continue;
        const gql_sym *name = ((const gql_type_definition *)def.node)->name->value;
        gql_ast_ref *ref = gql_validation_keep(ctx, def);
        if (!ref) break;
        if (!gql_symmap_get(&s->defined, name)) s->names[s->nnames++] = name;
        if (!gql_symmap_put(&s->defined, name, ref)) ctx->nomem = true;
    }
    if (ctx->nomem) gql_symmap_free(&s->defined);
    return !ctx->nomem;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->defined); }

/* The definition kind an extension kind extends. */
static gql_kind definition_kind(gql_kind ext) {
    switch (ext) {
    case GQL_SCALAR_TYPE_EXTENSION: return GQL_SCALAR_TYPE_DEFINITION;
    case GQL_OBJECT_TYPE_EXTENSION: return GQL_OBJECT_TYPE_DEFINITION;
    case GQL_INTERFACE_TYPE_EXTENSION: return GQL_INTERFACE_TYPE_DEFINITION;
    case GQL_UNION_TYPE_EXTENSION: return GQL_UNION_TYPE_DEFINITION;
    case GQL_ENUM_TYPE_EXTENSION: return GQL_ENUM_TYPE_DEFINITION;
    default: return GQL_INPUT_OBJECT_TYPE_DEFINITION;
    }
}

static const char *kind_text(gql_kind ext) {
    switch (ext) {
    case GQL_SCALAR_TYPE_EXTENSION: return "scalar";
    case GQL_OBJECT_TYPE_EXTENSION: return "object";
    case GQL_INTERFACE_TYPE_EXTENSION: return "interface";
    case GQL_UNION_TYPE_EXTENSION: return "union";
    case GQL_ENUM_TYPE_EXTENSION: return "enum";
    case GQL_INPUT_OBJECT_TYPE_EXTENSION: return "input object";
    default: return "unknown type";
    }
}

static gql_visit_action check(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_name *name = ((const gql_type_definition *)n)->name;
    gql_ast_ref *def = gql_symmap_get(&s->defined, name->value);
    if (def) {
        if (def->node->kind != definition_kind((gql_kind)n->kind)) {
            gql_ast_ref at[2] = {*def, gql_here(ctx, n)};
            gql_validation_report(ctx, at, 2, "Cannot extend non-%s type '%s'.",
                                  kind_text((gql_kind)n->kind), name->value->str);
        }
        return GQL_VISIT_CONTINUE;
    }
    gql_strbuf hint = GQL_STRBUF_INIT;
    gql_validation_did_you_mean(ctx, &hint, name->value, s->names, s->nnames);
    gql_ast_ref at = gql_here(ctx, name);
    if (hint.nomem) ctx->nomem = true;
    else gql_validation_report(ctx, &at, 1, "Cannot extend type '%s' because it is not defined.%s",
                               name->value->str, gql_strbuf_cstr(&hint));
    gql_strbuf_free(&hint);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_possible_type_extensions = {
    .name = "PossibleTypeExtensionsRule",
    .state_size = sizeof(state),
    .init = init,
    .fini = fini,
    .enter = {
        [GQL_SCALAR_TYPE_EXTENSION] = check,
        [GQL_OBJECT_TYPE_EXTENSION] = check,
        [GQL_INTERFACE_TYPE_EXTENSION] = check,
        [GQL_UNION_TYPE_EXTENSION] = check,
        [GQL_ENUM_TYPE_EXTENSION] = check,
        [GQL_INPUT_OBJECT_TYPE_EXTENSION] = check,
    },
};
