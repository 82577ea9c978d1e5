/*
 * subscription_root_conditionals.c: the September 2025 specification's
 * "Single Root Field" rule forbids @skip and @include at the top level of a
 * subscription (graphql-js 17 checks it in SingleFieldSubscriptionsRule;
 * graphql-core 3.2.14 does not, and evaluates those directives without
 * variable values instead). gql_subscription_root_conditionals is that
 * check, for SingleFieldSubscriptionsRule to call first: when it reports,
 * the rule reports nothing else for the operation, as graphql-js 17 does.
 *
 * The selections looked at are the specification's
 * CollectSubscriptionFields: the operation's selection set, the inline
 * fragments and fragments it spreads whose type condition applies to the
 * subscription type (each fragment once), recursively. Every @skip and
 * @include on them is reported, in document order, in one error. The
 * message is graphql-js 17's with graphql-core 3.2's quotes, like the
 * rule's other messages.
 *
 * The fragments are followed with an explicit stack, not recursion.
 *
 * To wire it in (SingleFieldSubscriptionsRule's owner): in its
 * enter_operation, once the schema is known to have a subscription root,
 *     if (gql_subscription_root_conditionals(ctx, op))
 *         return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
 * then set REPLACED in tests/c/gen/sept2025_rules.py to
 * {"SingleFieldSubscriptionsRule": SingleFieldSubscriptions2025Rule} and
 * regenerate the cases. Every selection whose @skip / @include the rule
 * evaluates is one this check reports first, so those evaluations (and
 * graphql-core 3.2.14's raise when "if" is not a literal boolean) no longer
 * happen at the top level.
 */
#include <string.h>

#include "mem.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

typedef struct frame {
    const gql_selection_set *set;  /* a selection set being looked at */
    uint32_t next;                 /* its next selection */
} frame;

typedef struct walk {
    frame *stack;          /* malloc'd */
    uint32_t depth, cap;   /* frames, capacity */
    gql_ast_ref *found;    /* the directives found (malloc'd) */
    uint32_t nfound, found_cap;  /* their number, capacity */
    gql_symmap visited;    /* fragment names followed */
} walk;

static bool push_set(walk *w, const gql_selection_set *set) {
    if (w->depth == w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 16;
        frame *stack = gql_realloc(w->stack, cap * sizeof *stack);
        if (!stack) return false;
        w->stack = stack;
        w->cap = cap;
    }
    w->stack[w->depth++] = (frame){set, 0};
    return true;
}

static bool add_found(walk *w, gql_ast_ref ref) {
    if (w->nfound == w->found_cap) {
        uint32_t cap = w->found_cap ? w->found_cap * 2 : 8;
        gql_ast_ref *found = gql_realloc(w->found, cap * sizeof *found);
        if (!found) return false;
        w->found = found;
        w->found_cap = cap;
    }
    w->found[w->nfound++] = ref;
    return true;
}

static bool is_conditional(const gql_sym *name) {
    return (name->len == 4 && memcmp(name->str, "skip", 4) == 0) ||
           (name->len == 7 && memcmp(name->str, "include", 7) == 0);
}

/* DoesFragmentTypeApply(root, the type named by condition). */
static bool applies(const gql_validation_context *ctx, const gql_schema_type *root,
                    const gql_named_type *condition) {
    const gql_schema_type *t = gql_schema_lookup_type(ctx->schema, condition->name->value);
    if (!t) return false;
    if (t == root) return true;
    return gql_type_is_abstract(t) && gql_is_sub_type(t, root);
}

bool gql_subscription_root_conditionals(gql_validation_context *ctx,
                                        const gql_operation_definition *operation) {
    const gql_schema_type *root = gql_schema_root_type(ctx->schema, GQL_SUBSCRIPTION);
    if (!root) return false;
    walk w = {0};
    w.visited = (gql_symmap)GQL_SYMMAP_INIT;
    bool reported = false;
    if (!push_set(&w, operation->selection_set)) goto nomem;
    while (w.depth) {
        frame *f = &w.stack[w.depth - 1];
        if (f->next == f->set->selections.count) {
            w.depth--;
            continue;
        }
        const gql_node *sel = f->set->selections.items[f->next++];
        const gql_list *directives = gql_node_directives(sel);
        for (uint32_t i = 0; directives && i < directives->count; i++) {
            const gql_directive *d = (const gql_directive *)directives->items[i];
            if (is_conditional(d->name->value) && !add_found(&w, gql_here(ctx, d))) goto nomem;
        }
        const gql_selection_set *next = NULL;
        if (sel->kind == GQL_INLINE_FRAGMENT) {
            const gql_inline_fragment *inl = (const gql_inline_fragment *)sel;
            if (!inl->type_condition || applies(ctx, root, inl->type_condition))
                next = inl->selection_set;
        } else if (sel->kind == GQL_FRAGMENT_SPREAD) {
            const gql_sym *name = ((const gql_fragment_spread *)sel)->name->value;
            if (gql_symmap_get(&w.visited, name)) continue;
            if (!gql_symmap_put(&w.visited, name, (void *)name)) goto nomem;
            const gql_fragment_definition *frag = gql_validation_fragment(ctx, name);
            if (frag && applies(ctx, root, frag->type_condition)) next = frag->selection_set;
        }
        if (next && !push_set(&w, next)) goto nomem;
    }
    if (w.nfound) {
        reported = true;
        if (operation->name)
            gql_validation_report(ctx, w.found, w.nfound,
                                  "Subscription '%s' must not use `@skip` or `@include` "
                                  "directives in the top level selection.",
                                  operation->name->value->str);
        else
            gql_validation_report(ctx, w.found, w.nfound, "%s",
                                  "Anonymous Subscription must not use `@skip` or `@include` "
                                  "directives in the top level selection.");
    }
    goto done;
nomem:
    ctx->nomem = true;
    reported = true;
done:
    gql_free(w.stack);
    gql_free(w.found);
    gql_symmap_free(&w.visited);
    return reported;
}
