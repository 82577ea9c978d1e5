/*
 * validation.c: the validation context and the parallel rule runner (see
 * validation.h), and the SDL directive table the SDL rules read.
 */
#include "validation.h"

#include <stdarg.h>
#include <string.h>

#include "language/lexer.h"
#include "mem.h"
#include "utilities/suggestion.h"
#include "validation/type_info.h"

/*=== MARK: Node kinds ======================================================*/

bool gql_is_type_definition_kind(gql_kind kind) {
    switch (kind) {
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
        return true;
    default:
        return false;
    }
}

bool gql_is_type_extension_kind(gql_kind kind) {
    switch (kind) {
    case GQL_SCALAR_TYPE_EXTENSION:
    case GQL_OBJECT_TYPE_EXTENSION:
    case GQL_INTERFACE_TYPE_EXTENSION:
    case GQL_UNION_TYPE_EXTENSION:
    case GQL_ENUM_TYPE_EXTENSION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        return true;
    default:
        return false;
    }
}

bool gql_is_type_system_kind(gql_kind kind) {
    return kind == GQL_SCHEMA_DEFINITION || kind == GQL_SCHEMA_EXTENSION ||
           kind == GQL_DIRECTIVE_DEFINITION || gql_is_type_definition_kind(kind) ||
           gql_is_type_extension_kind(kind);
}

/*=== MARK: Context =========================================================*/

static bool add_directive_definition(gql_validation_context *ctx,
                                     const gql_directive_definition *def) {
    gql_directive_info *info = gql_arena_zalloc(&ctx->arena, sizeof *info);
    if (!info) return false;
    info->name = def->name->value;
    info->repeatable = (def->base.flags & GQL_FLAG_REPEATABLE) != 0;
    for (uint32_t i = 0; i < def->locations.count; i++) {
        gql_directive_location loc;
        const gql_name *n = (const gql_name *)def->locations.items[i];
        if (gql_directive_location_from_name(n->value, &loc)) info->locations |= 1u << loc;
    }
    uint32_t n = def->arguments.count;
    info->arg_count = n;
    if (n) {
        info->arg_names = gql_arena_alloc(&ctx->arena, n * sizeof *info->arg_names);
        info->required_types = gql_arena_zalloc(&ctx->arena, n * sizeof *info->required_types);
        if (!info->arg_names || !info->required_types) return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        const gql_input_value_definition *arg =
            (const gql_input_value_definition *)def->arguments.items[i];
        info->arg_names[i] = arg->name->value;
        /* graphql-core's is_required_argument_node. */
        if (arg->type->kind == GQL_NON_NULL_TYPE && !arg->default_value) {
            size_t len;
            char *printed = gql_print(arg->type, &len);
            if (!printed) return false;
            info->required_types[i] = gql_arena_strndup(&ctx->arena, printed, len);
            gql_free(printed);
            if (!info->required_types[i]) return false;
        }
    }
    /* graphql-core keeps the required arguments in a dict: a repeated name
     * (an error of its own) is reported once, at its first required
     * position, with the type of its last required definition. */
    for (uint32_t i = 0; i < n; i++) {
        if (!info->required_types[i]) continue;
        for (uint32_t j = i + 1; j < n; j++) {
            if (!info->required_types[j] || !gql_sym_equal(info->arg_names[j], info->arg_names[i]))
                continue;
            info->required_types[i] = info->required_types[j];
            info->required_types[j] = NULL;
        }
    }
    return gql_symmap_put(&ctx->directives, info->name, info);
}

bool gql_validation_add_directive_definitions(gql_validation_context *ctx,
                                             const gql_document *doc) {
    const gql_document_node *root = gql_document_root(doc);
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind == GQL_DIRECTIVE_DEFINITION &&
            !add_directive_definition(ctx, (const gql_directive_definition *)def))
            return false;
    }
    return true;
}

bool gql_validation_init_sdl(gql_validation_context *ctx, const gql_document *const *docs,
                             size_t ndocs, const gql_document *builtins,
                             gql_error_list *errors) {
    memset(ctx, 0, sizeof *ctx);
    ctx->docs = docs;
    ctx->ndocs = ndocs;
    ctx->errors = errors;
    ctx->max_errors = SIZE_MAX;
    gql_arena_init(&ctx->arena, 4096);
    if (builtins && !gql_validation_add_directive_definitions(ctx, builtins)) goto nomem;
    for (size_t i = 0; i < ndocs; i++)
        if (!gql_validation_add_directive_definitions(ctx, docs[i])) goto nomem;
    return true;
nomem:
    gql_error_list_nomem(errors);
    ctx->nomem = true;
    return false;
}

void gql_validation_release(gql_validation_context *ctx) {
    gql_validation_release_executable(ctx);
    gql_symmap_free(&ctx->directives);
    gql_free(ctx->keys.slots);
    ctx->keys.slots = NULL;
    gql_free(ctx->ancestors);
    ctx->ancestors = NULL;
    gql_arena_release(&ctx->arena);
}

void gql_validation_abort(gql_validation_context *ctx, const char *message) {
    if (ctx->aborted) return;
    ctx->aborted = true;
    if (!gql_error_list_add(ctx->errors, NULL, 0, "%s", message)) ctx->nomem = true;
}

static void vreport(gql_validation_context *ctx, void *original, bool as_is,
                    const gql_ast_ref *refs, size_t nrefs, const char *fmt, va_list ap) {
    if (ctx->aborted) return;
    /* graphql-core's on_error: the error past the limit aborts instead. */
    if (ctx->error_count >= ctx->max_errors) {
        gql_validation_abort(ctx,
                             "Too many validation errors, error limit reached. Validation aborted.");
        return;
    }
    ctx->error_count++;
    if (!gql_error_list_vadd_at(ctx->errors, ctx->docs, ctx->ndocs, refs, nrefs, fmt, ap)) {
        ctx->nomem = true;
        return;
    }
    gql_diagnostic *d = &ctx->errors->items[ctx->errors->count - 1];
    d->original = original;
    d->as_is = as_is;
}

void gql_validation_report(gql_validation_context *ctx, const gql_ast_ref *refs, size_t nrefs,
                           const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vreport(ctx, NULL, false, refs, nrefs, fmt, ap);
    va_end(ap);
}

void gql_validation_report_original(gql_validation_context *ctx, void *original, bool as_is,
                                    const gql_ast_ref *refs, size_t nrefs, const char *fmt,
                                    ...) {
    va_list ap;
    va_start(ap, fmt);
    vreport(ctx, original, as_is, refs, nrefs, fmt, ap);
    va_end(ap);
}

gql_ast_ref *gql_validation_keep(gql_validation_context *ctx, gql_ast_ref ref) {
    gql_ast_ref *p = gql_arena_alloc(&ctx->arena, sizeof *p);
    if (!p) {
        ctx->nomem = true;
        return NULL;
    }
    *p = ref;
    return p;
}

const gql_sym *gql_validation_key(gql_validation_context *ctx, const gql_sym *a, char sep,
                                  const gql_sym *b) {
    gql_strbuf key = GQL_STRBUF_INIT;
    gql_strbuf_append(&key, a->str, a->len);
    gql_strbuf_append(&key, &sep, 1);
    gql_strbuf_append(&key, b->str, b->len);
    const gql_sym *sym = NULL;
    if (!key.nomem && key.len <= UINT32_MAX)
        sym = gql_intern(&ctx->keys, &ctx->arena, key.ptr, (uint32_t)key.len);
    gql_strbuf_free(&key);
    if (!sym) ctx->nomem = true;
    return sym;
}

void gql_validation_report_repeats(gql_validation_context *ctx, const gql_name *const *names,
                                   size_t count, const char *fmt, const char *prefix) {
    if (count < 2) return;
    /* first[i]: index of the first name equal to names[i]; the map holds
     * index + 1 so that 0 means absent. */
    gql_symmap seen = GQL_SYMMAP_INIT;
    size_t *first = gql_malloc(count * sizeof *first);
    size_t *size = gql_calloc(count, sizeof *size);
    gql_ast_ref *refs = gql_malloc(count * sizeof *refs);
    if (!first || !size || !refs) goto nomem;
    for (size_t i = 0; i < count; i++) {
        void *existing;
        if (!gql_symmap_put_new(&seen, names[i]->value, (void *)(uintptr_t)(i + 1), &existing))
            goto nomem;
        first[i] = (size_t)(uintptr_t)existing - 1;
        size[first[i]]++;
    }
    for (size_t i = 0; i < count; i++) {
        if (first[i] != i || size[i] < 2) continue;
        size_t n = 0;
        for (size_t j = i; j < count; j++)
            if (first[j] == i) refs[n++] = gql_here(ctx, names[j]);
        gql_validation_report(ctx, refs, n, fmt, prefix, names[i]->value->str);
    }
    goto done;
nomem:
    ctx->nomem = true;
done:
    gql_symmap_free(&seen);
    gql_free(first);
    gql_free(size);
    gql_free(refs);
}

const gql_list *gql_node_directives(const gql_node *node) {
    switch ((gql_kind)node->kind) {
    case GQL_OPERATION_DEFINITION:
        return &((const gql_operation_definition *)node)->directives;
    case GQL_VARIABLE_DEFINITION:
        return &((const gql_variable_definition *)node)->directives;
    case GQL_FIELD:
        return &((const gql_field *)node)->directives;
    case GQL_FRAGMENT_SPREAD:
        return &((const gql_fragment_spread *)node)->directives;
    case GQL_INLINE_FRAGMENT:
        return &((const gql_inline_fragment *)node)->directives;
    case GQL_FRAGMENT_DEFINITION:
        return &((const gql_fragment_definition *)node)->directives;
    case GQL_SCHEMA_DEFINITION:
    case GQL_SCHEMA_EXTENSION:
        return &((const gql_schema_definition *)node)->directives;
    case GQL_FIELD_DEFINITION:
        return &((const gql_field_definition *)node)->directives;
    case GQL_INPUT_VALUE_DEFINITION:
        return &((const gql_input_value_definition *)node)->directives;
    case GQL_ENUM_VALUE_DEFINITION:
        return &((const gql_enum_value_definition *)node)->directives;
    default:
        if (gql_is_type_definition_kind((gql_kind)node->kind) ||
            gql_is_type_extension_kind((gql_kind)node->kind))
            return &((const gql_type_definition *)node)->directives;
        return NULL;
    }
}

void gql_validation_did_you_mean(gql_validation_context *ctx, gql_strbuf *b,
                                 const gql_sym *input, const gql_sym *const *options,
                                 size_t noptions) {
    if (ctx->hide_suggestions) return;
    size_t n;
    const gql_sym **list = gql_suggestion_list(input->str, input->len, options, noptions, &n);
    if (n == SIZE_MAX) {
        ctx->nomem = true;
        return;
    }
    gql_did_you_mean(b, list, n, NULL);
    gql_free((void *)list);
}

/*=== MARK: Parallel visitor ================================================*/

typedef struct rule_run {
    const gql_rule *rule;   /* the rule */
    void *state;            /* its state */
    const gql_node *skip;   /* the node whose subtree it skips, or NULL */
    bool stopped;           /* it returned BREAK */
} rule_run;

typedef struct runner {
    gql_validation_context *ctx;  /* the context */
    rule_run *runs;               /* one per rule */
    size_t count;                 /* number of rules */
} runner;

static bool push(gql_validation_context *ctx, const gql_node *node) {
    if (ctx->depth == ctx->ancestors_cap) {
        uint32_t cap = ctx->ancestors_cap ? ctx->ancestors_cap * 2 : 32;
        const gql_node **a = gql_realloc(ctx->ancestors, cap * sizeof *a);
        if (!a) return false;
        ctx->ancestors = a;
        ctx->ancestors_cap = cap;
    }
    ctx->ancestors[ctx->depth++] = node;
    return true;
}

/* Whether node is the description of parent: executable validation does
 * not walk descriptions (graphql-core's query_document_keys_to_validate:
 * per the specification, descriptions must not affect validation). */
static bool is_description(const gql_node *node, const gql_node *parent) {
    if (node->kind != GQL_STRING_VALUE || !parent) return false;
    const gql_string_value *d = NULL;
    switch ((gql_kind)parent->kind) {
    case GQL_OPERATION_DEFINITION:
        d = ((const gql_operation_definition *)parent)->description;
        break;
    case GQL_VARIABLE_DEFINITION:
        d = ((const gql_variable_definition *)parent)->description;
        break;
    case GQL_FRAGMENT_DEFINITION:
        d = ((const gql_fragment_definition *)parent)->description;
        break;
    default:
        break;
    }
    return d && &d->base == node;
}

/* As graphql-core's TypeInfoVisitor wrapped around its ParallelVisitor: the
 * type info enters a node before the rules do and leaves it after them. An
 * abort (error limit, fragment work budget) stops the walk at once, as the
 * exception graphql-core raises does. */
static gql_visit_action on_enter(const gql_node *node, const gql_node *parent, void *user) {
    runner *r = user;
    gql_validation_context *ctx = r->ctx;
    if (ctx->schema && is_description(node, parent)) return GQL_VISIT_SKIP;
    if (!push(ctx, node)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    if (ctx->type_info && !gql_type_info_enter(ctx->type_info, node)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    for (size_t i = 0; i < r->count; i++) {
        rule_run *run = &r->runs[i];
        if (run->stopped || run->skip) continue;
        gql_visit_action a = GQL_VISIT_CONTINUE;
        if (run->rule->enter_any) a = run->rule->enter_any(ctx, run->state, node);
        gql_rule_fn fn = run->rule->enter[node->kind];
        if (a == GQL_VISIT_CONTINUE && fn) a = fn(ctx, run->state, node);
        if (a == GQL_VISIT_SKIP) run->skip = node;
        else if (a == GQL_VISIT_BREAK) run->stopped = true;
        if (ctx->aborted) return GQL_VISIT_BREAK;
    }
    return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
}

static gql_visit_action on_leave(const gql_node *node, const gql_node *parent, void *user) {
    (void)parent;
    runner *r = user;
    gql_validation_context *ctx = r->ctx;
    for (size_t i = 0; i < r->count; i++) {
        rule_run *run = &r->runs[i];
        if (run->stopped) continue;
        if (run->skip) {
            if (run->skip == node) run->skip = NULL;
            continue;
        }
        gql_rule_fn fn = run->rule->leave[node->kind];
        if (fn && fn(ctx, run->state, node) == GQL_VISIT_BREAK) run->stopped = true;
        if (ctx->aborted) return GQL_VISIT_BREAK;
    }
    if (ctx->type_info) gql_type_info_leave(ctx->type_info, node);
    ctx->depth--;
    return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
}

bool gql_validation_run(gql_validation_context *ctx, const gql_rule *const *rules,
                        size_t nrules) {
    if (ctx->nomem) return false;
    runner r = {ctx, NULL, nrules};
    r.runs = gql_arena_zalloc(&ctx->arena, nrules * sizeof *r.runs);
    if (!r.runs && nrules) goto nomem;
    size_t initialised = 0;
    for (; initialised < nrules; initialised++) {
        rule_run *run = &r.runs[initialised];
        run->rule = rules[initialised];
        if (run->rule->state_size) {
            run->state = gql_arena_zalloc(&ctx->arena, run->rule->state_size);
            if (!run->state) break;
        }
        if (run->rule->init && !run->rule->init(ctx, run->state)) break;
    }
    if (initialised == nrules) {
        gql_visitor visitor;
        for (int k = 0; k < GQL_KIND_COUNT; k++) {
            visitor.enter[k] = on_enter;
            visitor.leave[k] = on_leave;
        }
        for (size_t i = 0; i < ctx->ndocs && !ctx->nomem && !ctx->aborted; i++) {
            ctx->source = (uint32_t)i;
            ctx->depth = 0;
            gql_visit(&gql_document_root(ctx->docs[i])->base, &visitor, &r);
        }
    } else {
        ctx->nomem = true;
    }
    for (size_t i = 0; i < initialised; i++)
        if (r.runs[i].rule->fini) r.runs[i].rule->fini(r.runs[i].state);
    if (!ctx->nomem) return true;
nomem:
    ctx->nomem = true;
    gql_error_list_nomem(ctx->errors);
    return false;
}
