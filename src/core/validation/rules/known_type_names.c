/*
 * known_type_names.c: graphql-core's KnownTypeNamesRule. The known types
 * are those of the schema validated against (executable validation), then
 * those the documents define. Within a type system definition or extension
 * the specified scalars and the introspection types are known too; within
 * an executable definition only when the schema has them, and only then
 * suggested.
 */
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "validation/rules/rules.h"

static const char *const standard_names[] = {
    "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Type", "__TypeKind",
    "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation",
};
#define NSTANDARD (sizeof standard_names / sizeof standard_names[0])

typedef struct state {
    gql_symmap defined;       /* type name -> itself, for the defined types */
    const gql_sym **options;  /* standard names, the schema's types, then the
                                 defined type names, in order */
    size_t noptions;          /* entries in options */
} state;

static bool init(gql_validation_context *ctx, void *st) {
    state *s = st;
    size_t n = NSTANDARD + (ctx->schema ? ctx->schema->type_count : 0);
    GQL_FOR_EACH_DEFINITION(ctx, def) {
        n += gql_is_type_definition_kind((gql_kind)def.node->kind);
    }
    s->options = gql_arena_alloc(&ctx->arena, n * sizeof *s->options);
    if (!s->options) return false;
    for (size_t i = 0; i < NSTANDARD; i++) {
        s->options[s->noptions] = gql_intern(&ctx->keys, &ctx->arena, standard_names[i],
                                             (uint32_t)strlen(standard_names[i]));
        if (!s->options[s->noptions++]) return false;
    }
    /* The schema's types are looked up in the schema (no copy of its map). */
    for (uint32_t i = 0; ctx->schema && i < ctx->schema->type_count; i++)
        s->options[s->noptions++] = ctx->schema->types[i]->name;
    GQL_FOR_EACH_DEFINITION(ctx, def) {
        if (!gql_is_type_definition_kind((gql_kind)def.node->kind)) continue;
        const gql_sym *name = ((const gql_type_definition *)def.node)->name->value;
        s->options[s->noptions++] = name;
        if (!gql_symmap_put(&s->defined, name, (void *)name)) {
            gql_symmap_free(&s->defined);
            return false;
        }
    }
    return true;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->defined); }

static gql_visit_action enter_named_type(gql_validation_context *ctx, void *st,
                                         const gql_node *n) {
    state *s = st;
    const gql_sym *name = ((const gql_named_type *)n)->name->value;
    if (gql_symmap_get(&s->defined, name) ||
        (ctx->schema && gql_symmap_get(&ctx->schema->type_map, name)))
        return GQL_VISIT_CONTINUE;
    const gql_node *def = gql_validation_definition(ctx);
    bool is_sdl = def && gql_is_type_system_kind((gql_kind)def->kind);
    if (is_sdl) {
        for (size_t i = 0; i < NSTANDARD; i++)
            if (gql_sym_equal(s->options[i], name)) return GQL_VISIT_CONTINUE;
    }
    gql_strbuf hint = GQL_STRBUF_INIT;
    size_t skip = is_sdl ? 0 : NSTANDARD;
    gql_validation_did_you_mean(ctx, &hint, name, s->options + skip, s->noptions - skip);
    gql_ast_ref at = gql_here(ctx, n);
    if (hint.nomem) ctx->nomem = true;
    else gql_validation_report(ctx, &at, 1, "Unknown type '%s'.%s", name->str,
                               gql_strbuf_cstr(&hint));
    gql_strbuf_free(&hint);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_known_type_names = {
    .name = "KnownTypeNamesRule",
    .state_size = sizeof(state),
    .init = init,
    .fini = fini,
    .enter = {[GQL_NAMED_TYPE] = enter_named_type},
};
