/*
 * unique_directives_per_location.c: graphql-core's
 * UniqueDirectivesPerLocationRule. A non-repeatable directive is applied at
 * most once per location. The schema definition and its extensions are one
 * location, as are a type's definition and its extensions.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap schema_seen;  /* directive name -> gql_ast_ref, on the schema */
    gql_symmap type_seen;    /* "Type@directive" -> gql_ast_ref, on types */
    gql_symmap local_seen;   /* directive name -> node, on the current node */
} state;

static gql_visit_action enter_any(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_list *directives = gql_node_directives(n);
    if (!directives || !directives->count) return GQL_VISIT_CONTINUE;
    gql_kind kind = (gql_kind)n->kind;
    bool schema = kind == GQL_SCHEMA_DEFINITION || kind == GQL_SCHEMA_EXTENSION;
    bool type = gql_is_type_definition_kind(kind) || gql_is_type_extension_kind(kind);
    gql_symmap *seen = schema ? &s->schema_seen : type ? &s->type_seen : &s->local_seen;
    if (seen == &s->local_seen) gql_symmap_clear(seen);
    for (uint32_t i = 0; i < directives->count; i++) {
        const gql_directive *d = (const gql_directive *)directives->items[i];
        const gql_sym *name = d->name->value;
        const gql_directive_info *info = gql_validation_directive(ctx, name);
        if (!info || info->repeatable) continue;
        const gql_sym *key =
            type ? gql_validation_key(ctx, ((const gql_type_definition *)n)->name->value, '@',
                                      name)
                 : name;
        if (!key) break;
        gql_ast_ref *known = gql_symmap_get(seen, key);
        if (known) {
            gql_ast_ref at[2] = {*known, gql_here(ctx, d)};
            gql_validation_report(ctx, at, 2,
                                  "The directive '@%s' can only be used once at this location.",
                                  name->str);
        } else {
            gql_ast_ref *ref = gql_validation_keep(ctx, gql_here(ctx, d));
            if (ref && !gql_symmap_put(seen, key, ref)) ctx->nomem = true;
        }
    }
    return GQL_VISIT_CONTINUE;
}

static void fini(void *st) {
    state *s = st;
    gql_symmap_free(&s->schema_seen);
    gql_symmap_free(&s->type_seen);
    gql_symmap_free(&s->local_seen);
}

const gql_rule gql_rule_unique_directives_per_location = {
    .name = "UniqueDirectivesPerLocationRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter_any = enter_any,
};
