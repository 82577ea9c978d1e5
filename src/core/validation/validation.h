/*
 * validation.h: the machinery the validation rules share (private): a
 * context, the rule interface and graphql-core's ParallelVisitor, which runs
 * every rule in one walk of the documents so that errors come out in the
 * same interleaved order as graphql-core's.
 *
 * A rule is a table of enter and leave callbacks per node kind plus a state
 * of state_size bytes the runner allocates (zeroed) and hands back to every
 * callback. As in graphql-core, SKIP from a rule's enter stops that rule
 * (only) from seeing the node's subtree and its leave; BREAK stops the rule
 * for the rest of the walk.
 *
 * The SDL rules of build_ast_schema (specified_sdl_rules) read the
 * directives they check from the documents (plus the specified ones):
 * gql_validation_init_sdl fills the context's directive table from them.
 * Executable validation will fill the same table from a schema, so the rules
 * the two share (known directives, their locations and arguments, unique
 * arguments and input fields, known type names) are written once and read
 * directives only through gql_validation_directive.
 */
#ifndef GQL_VALIDATION_H
#define GQL_VALIDATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "graftql.h"
#include "language/lexer.h"
#include "strbuf.h"
#include "symmap.h"
#include "type/schema.h"

/* What the rules need to know of a directive, wherever it is defined. */
typedef struct gql_directive_info {
    const gql_sym *name;           /* the directive's name */
    uint32_t locations;            /* bit (1 << gql_directive_location) per location */
    bool repeatable;               /* may be used more than once per location */
    uint32_t arg_count;            /* arguments defined */
    const gql_sym **arg_names;     /* their names, in definition order */
    const char **required_types;   /* per argument: its printed type if required
                                      (non-null without a default), else NULL */
} gql_directive_info;

typedef struct gql_validation_context {
    const gql_document *const *docs;  /* the documents, read as one */
    size_t ndocs;                     /* their number */
    uint32_t source;                  /* index of the document being walked */
    gql_error_list *errors;           /* where errors go */
    gql_arena arena;                  /* rule states and lookup tables */
    const gql_node **ancestors;       /* the path from the document node to the
                                         node being visited, that node included */
    uint32_t depth;                   /* entries in ancestors */
    uint32_t ancestors_cap;           /* capacity of ancestors */
    gql_symmap directives;            /* name -> gql_directive_info */
    gql_intern_table keys;            /* composite keys ("Type.field") of the rules */
    bool nomem;                       /* an allocation failed */
    /* Executable validation only (gql_validation_init_executable); zero,
     * NULL or false in an SDL validation: */
    const gql_schema *schema;         /* the schema validated against */
    struct gql_type_info *type_info;  /* the walk's state (type_info.h) */
    struct gql_executable_cache *exec; /* fragments by name, spreads, variable
                                         usages (executable.c) */
    bool hide_suggestions;            /* leave "Did you mean ...?" out of messages */
    size_t max_errors;                /* errors reported before the abort error */
    size_t error_count;               /* errors reported so far */
    bool aborted;                     /* the validation was aborted: stop */
    void *host;                       /* the caller's data for rules it made at run
                                         time (gql_validation_run_hosted), else NULL */
    gql_literal_fn parse_literal;     /* custom scalars' parse_literal, or NULL */
    void *literal_ctx;                /* its context (gql_validate_options) */
} gql_validation_context;

typedef gql_visit_action (*gql_rule_fn)(gql_validation_context *ctx, void *state,
                                        const gql_node *node);

typedef struct gql_rule {
    const char *name;       /* graphql-core's class name */
    size_t state_size;      /* bytes of per-run state (zeroed before init) */
    bool (*init)(gql_validation_context *ctx, void *state);  /* false: out of memory */
    void (*fini)(void *state);                               /* release what init took */
    gql_rule_fn enter_any;  /* called on entering any node, before enter[kind] */
    gql_rule_fn enter[GQL_KIND_COUNT];  /* on entering a node, by kind; NULL: none */
    gql_rule_fn leave[GQL_KIND_COUNT];  /* on leaving a node, by kind; NULL: none */
} gql_rule;

/*
 * Prepare a context over ndocs documents for SDL validation: the directive
 * table holds the directives defined by builtins (the specified ones) and
 * then by the documents (a later definition replaces an earlier one, as in
 * graphql-core's locations_map). False when out of memory.
 */
bool gql_validation_init_sdl(gql_validation_context *ctx, const gql_document *const *docs,
                             size_t ndocs, const gql_document *builtins,
                             gql_error_list *errors);

void gql_validation_release(gql_validation_context *ctx);

/* Add the directive definitions of doc to the directive table (a later
 * definition replaces an earlier one). graphql-core's directive rules read
 * those of the validated document too, after the schema's, in an
 * executable validation as well. False when out of memory. */
bool gql_validation_add_directive_definitions(gql_validation_context *ctx,
                                             const gql_document *doc);

/* Walk the documents once, running the rules in parallel. False when out of
 * memory (errors->status is then GQL_ERR_NOMEM). */
bool gql_validation_run(gql_validation_context *ctx, const gql_rule *const *rules,
                        size_t nrules);

/* The node n levels above the one being visited (0: itself, 1: its parent),
 * or NULL. Lists are not nodes: the parent of a list member is the node that
 * owns the list. */
static inline const gql_node *gql_validation_ancestor(const gql_validation_context *ctx,
                                                      uint32_t n) {
    return n < ctx->depth ? ctx->ancestors[ctx->depth - 1 - n] : NULL;
}

/* The top-level definition the visited node is in (NULL at the document). */
static inline const gql_node *gql_validation_definition(const gql_validation_context *ctx) {
    return ctx->depth > 1 ? ctx->ancestors[1] : NULL;
}

/* A node of the document being walked. */
static inline gql_ast_ref gql_here(const gql_validation_context *ctx, const void *node) {
    return (gql_ast_ref){(const gql_node *)node, ctx->source};
}

/* Report an error located at refs. */
void gql_validation_report(gql_validation_context *ctx, const gql_ast_ref *refs, size_t nrefs,
                           const char *fmt, ...) GQL_PRINTF(4, 5);

/* The same for an error that stands for a host error (gql_diagnostic's
 * original and as_is; the caller keeps original alive): dropped like any
 * other past max_errors or once aborted. */
void gql_validation_report_original(gql_validation_context *ctx, void *original, bool as_is,
                                    const gql_ast_ref *refs, size_t nrefs, const char *fmt, ...)
    GQL_PRINTF(6, 7);

/* The directive named name, or NULL when unknown. */
static inline const gql_directive_info *gql_validation_directive(
    const gql_validation_context *ctx, const gql_sym *name) {
    return gql_symmap_get(&ctx->directives, name);
}

/* A copy of a reference in the context's arena, to keep in a map (NULL
 * when out of memory, which is then recorded). */
gql_ast_ref *gql_validation_keep(gql_validation_context *ctx, gql_ast_ref ref);

/* The name "<a><sep><b>" interned in the context (NULL when out of memory,
 * which is then recorded): a key for maps of names within names. */
const gql_sym *gql_validation_key(gql_validation_context *ctx, const gql_sym *a, char sep,
                                  const gql_sym *b);

/*
 * graphql-core's group_by over names, for the "only one" rules: for each
 * name given more than once, in order of first appearance, report fmt with
 * prefix (a string, may be "") and the name, at every node giving it.
 * names[i] is a gql_name node of the document being walked.
 */
void gql_validation_report_repeats(gql_validation_context *ctx, const gql_name *const *names,
                                   size_t count, const char *fmt, const char *prefix);

/* The directives applied to a node, or NULL for kinds that take none. */
const gql_list *gql_node_directives(const gql_node *node);

/* Append graphql-core's suggestion_list + did_you_mean for input among
 * options to b (nothing if none is close). */
void gql_validation_did_you_mean(gql_validation_context *ctx, gql_strbuf *b,
                                 const gql_sym *input, const gql_sym *const *options,
                                 size_t noptions);

/* Every top-level definition of every document, in order: the body runs
 * once per definition with ref (a gql_ast_ref) naming it. */
#define GQL_FOR_EACH_DEFINITION(ctx, ref)                                                   \
    for (uint32_t ref##_doc_ = 0; ref##_doc_ < (ctx)->ndocs; ref##_doc_++)                   \
        for (uint32_t ref##_i_ = 0, ref##_n_ =                                               \
                 gql_document_root((ctx)->docs[ref##_doc_])->definitions.count;              \
             ref##_i_ < ref##_n_; ref##_i_++)                                                \
            for (gql_ast_ref ref = {gql_document_root((ctx)->docs[ref##_doc_])               \
                                        ->definitions.items[ref##_i_],                       \
                                    ref##_doc_};                                             \
                 ref.node; ref.node = NULL)

/* Whether kind is a type definition (scalar ... input object, not schema or
 * directive) or a type extension. */
bool gql_is_type_definition_kind(gql_kind kind);
bool gql_is_type_extension_kind(gql_kind kind);
/* Type system definitions and extensions of any sort (graphql-core's
 * is_type_system_definition_node or is_type_system_extension_node). */
bool gql_is_type_system_kind(gql_kind kind);

/*=== MARK: Executable validation (executable.c) ============================*/

/* graphql-core's MAX_FRAGMENT_WORK: the work spent on fragments shared by
 * the operations of one document (fragment spreads and variable usages
 * counted) before the validation is aborted with "Validation aborted.". */
#define GQL_MAX_FRAGMENT_WORK 50000

/* Stop the validation: append message (no location) and set ctx->aborted;
 * the runner then ends the walk at once and later reports are dropped, as
 * when graphql-core's validate catches ValidationAbortedError. Once only. */
void gql_validation_abort(gql_validation_context *ctx, const char *message);

/*
 * Prepare a context to validate an executable document against a schema:
 * the directive table holds the schema's directives, the type info walks
 * with the rules (ctx->type_info), and the document's fragments are
 * indexed by name. max_errors as graphql-core's validate; hide_suggestions
 * as its hide_suggestions. False when out of memory.
 */
bool gql_validation_init_executable(gql_validation_context *ctx, const gql_schema *schema,
                                    const gql_document *doc, size_t max_errors,
                                    bool hide_suggestions, gql_error_list *errors);

/* Release what gql_validation_init_executable took (called by
 * gql_validation_release; nothing for an SDL context). */
void gql_validation_release_executable(gql_validation_context *ctx);

/* graphql-core's get_fragment: the fragment definition named name (the
 * last of that name, as its dict keeps it), or NULL. */
const gql_fragment_definition *gql_validation_fragment(const gql_validation_context *ctx,
                                                       const gql_sym *name);

/* A list of nodes owned by the context. */
typedef struct gql_node_list {
    const gql_node *const *items;  /* the nodes */
    uint32_t count;                /* their number */
} gql_node_list;

/* graphql-core's get_fragment_spreads(selection_set): the fragment spreads
 * inside it, nested selection sets included but not the spread fragments,
 * in its order (cached). NULL when out of memory. */
const gql_node_list *gql_validation_fragment_spreads(gql_validation_context *ctx,
                                                     const gql_selection_set *selection_set);

/* graphql-core's get_recursively_referenced_fragments_for_operations: the
 * fragment definitions the operations spread, directly or through other
 * fragments, in discovery order (cached per set of directly spread names;
 * spends fragment work on a miss). NULL when out of memory or aborted. */
const gql_node_list *gql_validation_recursive_fragments(
    gql_validation_context *ctx, const gql_operation_definition *const *operations,
    size_t count);

/* A variable used in a value position (graphql-core's VariableUsage). */
typedef struct gql_variable_usage {
    const gql_variable *node;          /* the variable */
    const gql_type_ref *type;          /* the input type expected there, or NULL */
    const gql_node *default_value;     /* the position's default, NULL: Undefined */
    const gql_type_ref *parent_type;   /* the input type around it, or NULL */
} gql_variable_usage;

typedef struct gql_usage_list {
    const gql_variable_usage *items;   /* the usages, in document order */
    uint32_t count;                    /* their number */
} gql_usage_list;

/* graphql-core's get_variable_usages(node) for an operation or fragment
 * definition (variable definitions not included; cached). NULL when out of
 * memory. */
const gql_usage_list *gql_validation_variable_usages(gql_validation_context *ctx,
                                                     const gql_node *definition);

/* graphql-core's get_recursive_variable_usages(operation): the operation's
 * usages, then those of each fragment it reaches (cached; spends fragment
 * work as graphql-core does). NULL when out of memory or aborted: the rule
 * should then return. */
const gql_usage_list *gql_validation_recursive_variable_usages(
    gql_validation_context *ctx, const gql_operation_definition *operation);

/* graphql-core's spend_fragment_work: false once the budget is exhausted
 * (the validation is then aborted with "Validation aborted."). */
bool gql_validation_spend_fragment_work(gql_validation_context *ctx, size_t cost);

/* Validate doc against schema with the given rules (NULL entries skipped)
 * in one walk, after graphql-core's FragmentNestingVisitor when the
 * document has fragments: gql_validate with a rule list of its own (tests
 * run one rule at a time with it). Returns as gql_validate. */
gql_status gql_validation_run_executable(const gql_schema *schema, const gql_document *doc,
                                         const gql_validate_options *options,
                                         const gql_rule *const *rules, size_t nrules,
                                         gql_error_list *errors);

/* gql_validate followed, in the same walk, by the caller's rules (after
 * the specified ones and NoSchemaIntrospectionCustomRule when
 * options->no_introspection), as graphql-core's validate(schema, document,
 * [*specified_rules, *rules]) runs them: on each node the specified rules
 * first, errors interleaved. host is set as ctx->host for those rules (a
 * binding's rules written in its own language find their state there).
 * A rule may end the walk by setting ctx->aborted without reporting.
 * Returns as gql_validate. */
gql_status gql_validation_run_hosted(const gql_schema *schema, const gql_document *doc,
                                     const gql_validate_options *options,
                                     const gql_rule *const *rules, size_t nrules, void *host,
                                     gql_error_list *errors);

/* The rules of graphql-core's specified_rules, in its order (a rule not
 * written yet has a NULL slot, skipped by gql_validate). */
extern const gql_rule *const gql_specified_rules[];
extern const size_t gql_specified_rule_count;

/* The rules of graphql-core's specified_sdl_rules, in its order. */
extern const gql_rule *const gql_specified_sdl_rules[];
extern const size_t gql_specified_sdl_rule_count;

#endif /* GQL_VALIDATION_H */
