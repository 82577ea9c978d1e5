/*
 * execute.c: the breadth-first executor (DESIGN.md section 4).
 *
 * An execution is a state machine over levels. A level is a list of groups,
 * one per plan set met, each holding every object of that set reached so
 * far (their host values and their response nodes). Running a level asks
 * the host to resolve each field of each group for all of the group's
 * parents in one call, then completes every value at once: leaves are
 * serialized into the response, lists are expanded, objects join the group
 * of their plan set in the next level. A value the host calls pending (an
 * awaitable, a DataLoader promise) is parked with the slot it fills; when the
 * level is done and something is parked, gql_execution_run returns
 * GQL_EXEC_PENDING and the caller settles the pending values together (one
 * gather, one DataLoader flush), then runs again: the settled values are
 * completed and the next level starts. A mutation runs its root fields one
 * at a time, each to the bottom of its subtree before the next begins.
 *
 * Nothing here recurses on the data: completion recurses only on the
 * nesting of list types, which the schema bounds.
 *
 * Ownership: every value a host function returns is appended to exec->owned
 * (released when the execution is done) or moved into the response
 * (serialized leaves, released with the execution) or into an error record
 * (host errors, released with the execution).
 */
#include <string.h>

#include "execution/execution.h"
#include "mem.h"
#include "symmap.h"

void gql_execute_options_init(gql_execute_options *options) {
    memset(options, 0, sizeof *options);
}

void gql_exec_nomem(gql_execution *exec) {
    exec->failed = GQL_EXEC_NOMEM;
}

/* Make room for more than count items of size bytes in *items. */
static bool grow(void **items, size_t *cap, size_t count, size_t size) {
    if (count < *cap) return true;
    size_t n = *cap ? *cap * 2 : 16;
    while (n <= count) n *= 2;
    void *p = gql_realloc(*items, n * size);
    if (!p) return false;
    *items = p;
    *cap = n;
    return true;
}

bool gql_exec_own(gql_execution *exec, gql_value value) {
    if (!value) return true;
    if (!grow((void **)&exec->owned, &exec->owned_cap, exec->owned_count, sizeof(gql_value))) {
        exec->host->release(exec->ctx, value);
        gql_exec_nomem(exec);
        return false;
    }
    exec->owned[exec->owned_count++] = value;
    return true;
}

/* The serialized leaves are kept in blocks from the arena, whose large
 * chunks are reused between executions, rather than in one array grown by
 * realloc, which copies a large response's leaves into fresh pages. */
#define LEAF_BLOCK 2040

typedef struct gql_leaf_block {
    struct gql_leaf_block *prev;
    size_t count;
    gql_value items[LEAF_BLOCK];
} gql_leaf_block;

static bool keep_leaf(gql_execution *exec, gql_value value) {
    gql_leaf_block *b = exec->leaves;
    if (!b || b->count == LEAF_BLOCK) {
        b = gql_arena_alloc(&exec->arena, sizeof *b);
        if (!b) {
            exec->host->release(exec->ctx, value);
            gql_exec_nomem(exec);
            return false;
        }
        b->prev = exec->leaves;
        b->count = 0;
        exec->leaves = b;
    }
    b->items[b->count++] = value;
    return true;
}

/*=== MARK: Errors and null propagation =====================================*/

/*
 * Null the slot pos of container after rec: a nullable slot becomes null;
 * a non-null one nulls its container in turn, up to the nearest nullable
 * slot or the data itself (graphql-core's handle_field_error re-raising).
 * The node nulled last is the error's boundary (result.c uses it to drop
 * the errors graphql-core's depth-first walk would never reach).
 */
static void null_slot(gql_execution *exec, gql_rnode *container, uint32_t pos, bool nonnull,
                      gql_error_rec *rec) {
    container->slots[pos].kind = GQL_RV_NULL;
    if (!nonnull) return;
    gql_rnode *n = container;
    exec->any_dead = true;
    for (;;) {
        n->dead = true;
        if (!n->parent) {
            exec->data_null = true;
            break;
        }
        if (!n->nonnull) {
            n->parent->slots[n->pos].kind = GQL_RV_NULL;
            break;
        }
        n = n->parent;
    }
    if (rec) rec->boundary = n;
}

/* A field error at slot pos of container: message, or the host error
 * original (owned: moved into the record) when message is NULL. */
static void field_error(gql_execution *exec, const gql_plan_field *pf, gql_rnode *container,
                        uint32_t pos, bool nonnull, const gql_node *at, const char *message,
                        size_t len, gql_value original) {
    gql_strbuf text = GQL_STRBUF_INIT;
    if (!message) {
        exec->host->error_message(exec->ctx, original, &text);
        if (text.nomem) {
            gql_strbuf_free(&text);
            exec->host->release(exec->ctx, original);
            gql_exec_nomem(exec);
            return;
        }
        message = gql_strbuf_cstr(&text);
        len = text.len;
    }
    gql_error_rec *rec = gql_error_add(exec, container, pos, pf, at, message, len, original);
    gql_strbuf_free(&text);
    if (!rec) {
        if (original) exec->host->release(exec->ctx, original);
        return;
    }
    null_slot(exec, container, pos, nonnull, rec);
}

/* A field error with a formatted core message. */
static void field_errorf(gql_execution *exec, const gql_plan_field *pf, gql_rnode *container,
                         uint32_t pos, bool nonnull, const char *fmt, ...) GQL_PRINTF(6, 7);

static void field_errorf(gql_execution *exec, const gql_plan_field *pf, gql_rnode *container,
                         uint32_t pos, bool nonnull, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t len;
    char *message = gql_vformat(&len, fmt, ap);
    va_end(ap);
    if (!message) {
        gql_exec_nomem(exec);
        return;
    }
    field_error(exec, pf, container, pos, nonnull, NULL, message, len, NULL);
    gql_free(message);
}

/*=== MARK: Levels ==========================================================*/

static gql_level *next_level(gql_execution *exec) {
    return &exec->levels[exec->cur ^ 1];
}

/* Add an object to the group of set in the next level. */
static bool enqueue(gql_execution *exec, gql_plan_set *set, gql_value parent, gql_rnode *node) {
    gql_level *level = next_level(exec);
    uint32_t next_no = exec->level_no + 1;
    gql_group *g;
    if (set->group_level == next_no && set->group) {
        g = &level->groups[set->group - 1];
    } else {
        if (!grow((void **)&level->groups, &level->cap, level->count, sizeof *level->groups))
            return false;
        g = &level->groups[level->count++];
        memset(g, 0, sizeof *g);
        g->set = set;
        g->first = 0;
        g->last = set->count;
        set->group = (uint32_t)level->count;
        set->group_level = next_no;
    }
    if (g->count == g->cap) {
        /* From the arena (its large chunks are reused between executions);
         * the outgrown arrays stay there until the execution ends. */
        size_t cap = g->cap ? g->cap * 2 : 8;
        if (cap > SIZE_MAX / sizeof(gql_value)) return false;
        gql_value *parents = gql_arena_alloc(&exec->arena, cap * sizeof *parents);
        gql_rnode **objects = gql_arena_alloc(&exec->arena, cap * sizeof *objects);
        if (!parents || !objects) return false;
        if (g->count) {
            memcpy(parents, g->parents, g->count * sizeof *parents);
            memcpy(objects, g->objects, g->count * sizeof *objects);
        }
        g->parents = parents;
        g->objects = objects;
        g->cap = cap;
    }
    g->parents[g->count] = parent;
    g->objects[g->count] = node;
    g->count++;
    return true;
}

/* Counts are zeroed before the releases, which can run host code (a
 * finalizer, the cycle collector) that must not visit released values. */
static void level_clear(gql_execution *exec, gql_level *level) {
    size_t count = level->count;
    level->count = 0;
    for (size_t i = 0; i < count; i++) {
        gql_group *g = &level->groups[i];
        for (size_t k = 0; k < g->count; k++) exec->host->release(exec->ctx, g->parents[k]);
    }
}

/*=== MARK: Completing values ===============================================*/

static bool is_leaf(const gql_schema_type *t) {
    return t->kind == GQL_TYPE_SCALAR || t->kind == GQL_TYPE_ENUM;
}

/* Stand-ins for a parked question's slot type: only .wrap is read. */
static const gql_type_ref nonnull_marker = {GQL_REF_NON_NULL, NULL, NULL};
static const gql_type_ref nullable_marker = {GQL_REF_NAMED, NULL, NULL};

static void park(gql_execution *exec, const gql_plan_field *pf, const gql_type_ref *type,
                 gql_value value, gql_rnode *container, uint32_t pos) {
    if (!grow((void **)&exec->parked, &exec->parked_cap, exec->parked_count,
              sizeof *exec->parked)) {
        exec->host->release(exec->ctx, value);
        gql_exec_nomem(exec);
        return;
    }
    container->slots[pos].kind = GQL_RV_UNSET;
    exec->parked[exec->parked_count++] =
        (gql_parked){value, pf, type, container, pos, NULL, 0, GQL_PARK_VALUE, NULL, NULL};
}

/* Park a pending answer about object (mode TYPE or CHECK); both owned. */
static void park_question(gql_execution *exec, const gql_plan_field *pf, gql_park_mode mode,
                          const gql_schema_type *of, gql_value pending, gql_value object,
                          gql_rnode *container, uint32_t pos, bool nonnull) {
    if (!grow((void **)&exec->parked, &exec->parked_cap, exec->parked_count,
              sizeof *exec->parked)) {
        exec->host->release(exec->ctx, pending);
        exec->host->release(exec->ctx, object);
        gql_exec_nomem(exec);
        return;
    }
    container->slots[pos].kind = GQL_RV_UNSET;
    /* type records only whether the slot is non-null, for the errors. */
    exec->parked[exec->parked_count++] = (gql_parked){
        pending, pf, nonnull ? &nonnull_marker : &nullable_marker, container, pos, NULL, 0,
        (uint8_t)mode, object, of};
}

/* The object whose field container's slot belongs to (info.path of a
 * value inside lists is its field's path). */
static const gql_rnode *field_owner(const gql_rnode *container) {
    while (container->kind == GQL_RNODE_LIST) container = container->parent;
    return container;
}

static void queue_object(gql_execution *exec, gql_plan_field *pf,
                         const gql_schema_type *runtime, gql_value value,
                         gql_rnode *container, uint32_t pos, bool nonnull);

/* An object value of runtime type: checked with is_type_of, then queued. */
static void complete_object(gql_execution *exec, gql_plan_field *pf,
                            const gql_schema_type *runtime, gql_value value,
                            gql_rnode *container, uint32_t pos, bool nonnull) {
    const gql_host *host = exec->host;
    if (host->is_type_of) {
        gql_value error = NULL;
        int r = host->is_type_of(exec->ctx, exec, &pf->info, field_owner(container), runtime,
                                 value, &error);
        if (r == 3) {
            park_question(exec, pf, GQL_PARK_CHECK, runtime, error, value, container, pos,
                          nonnull);
            return;
        }
        if (r < 0) {
            host->release(exec->ctx, value);
            if (!error) {
                exec->failed = GQL_EXEC_ABORTED;
                return;
            }
            field_error(exec, pf, container, pos, nonnull, NULL, NULL, 0, error);
            return;
        }
        if (r == 0) {
            gql_strbuf b = GQL_STRBUF_INIT;
            host->inspect(exec->ctx, value, &b);
            host->release(exec->ctx, value);
            if (b.nomem) {
                gql_strbuf_free(&b);
                gql_exec_nomem(exec);
                return;
            }
            field_errorf(exec, pf, container, pos, nonnull, "Expected value of type '%s' but got: %s.",
                         runtime->name->str, gql_strbuf_cstr(&b));
            gql_strbuf_free(&b);
            return;
        }
    }
    queue_object(exec, pf, runtime, value, container, pos, nonnull);
}

/* An object whose type is settled: its node, queued for the next level. */
static void queue_object(gql_execution *exec, gql_plan_field *pf,
                         const gql_schema_type *runtime, gql_value value,
                         gql_rnode *container, uint32_t pos, bool nonnull) {
    const gql_host *host = exec->host;
    bool directive_error = false;
    gql_plan_set *set = gql_plan_subset(exec, pf, runtime, &directive_error);
    if (!set) host->release(exec->ctx, value);
    if (!set) {
        if (directive_error)
            field_error(exec, pf, container, pos, nonnull, exec->directive_error_at,
                        gql_strbuf_cstr(&exec->scratch), exec->scratch.len, NULL);
        return;
    }
    gql_rnode *node = gql_rnode_new(exec, GQL_RNODE_OBJECT, set->count, container, pos, nonnull);
    if (!node) {
        host->release(exec->ctx, value);
        return;
    }
    node->set = set;
    container->slots[pos].kind = GQL_RV_OBJECT;
    container->slots[pos].u.node = node;
    /* The group owns the value from now on (released with its level). */
    if (!set->count) {
        host->release(exec->ctx, value);
    } else if (!enqueue(exec, set, value, node)) {
        host->release(exec->ctx, value);
        gql_exec_nomem(exec);
    }
}

static void complete_named(gql_execution *exec, gql_plan_field *pf,
                           const gql_schema_type *abstract, gql_value value, const char *name,
                           size_t name_len, gql_rnode *container, uint32_t pos, bool nonnull);

/* graphql-core's complete_abstract_value and ensure_valid_runtime_type. */
static void complete_abstract(gql_execution *exec, gql_plan_field *pf,
                              const gql_schema_type *abstract, gql_value value,
                              gql_rnode *container, uint32_t pos, bool nonnull) {
    const char *name = NULL;
    size_t name_len = 0;
    gql_value error = NULL;
    const char *parent = pf->info.parent_type->name->str;
    const char *field = pf->info.name->str;
    const char *aname = abstract->name->str;
    int r = exec->host->resolve_type(exec->ctx, exec, &pf->info, field_owner(container),
                                     abstract, value, &name, &name_len, &error);
    if (r == 2) {
        park_question(exec, pf, GQL_PARK_TYPE, abstract, error, value, container, pos, nonnull);
        return;
    }
    if (r != 1) exec->host->release(exec->ctx, value);
    if (r < 0) {
        if (!error) {
            exec->failed = GQL_EXEC_ABORTED;
            return;
        }
        field_error(exec, pf, container, pos, nonnull, NULL, NULL, 0, error);
        return;
    }
    if (r == 0) {
        field_errorf(exec, pf, container, pos, nonnull,
                     "Abstract type '%s' must resolve to an Object type at runtime for field "
                     "'%s.%s'. Either the '%s' type should provide a 'resolve_type' function "
                     "or each possible type should provide an 'is_type_of' function.",
                     aname, parent, field, aname);
        return;
    }
    complete_named(exec, pf, abstract, value, name, name_len, container, pos, nonnull);
}

/* The rest of ensure_valid_runtime_type, once value's type has a name. */
static void complete_named(gql_execution *exec, gql_plan_field *pf,
                           const gql_schema_type *abstract, gql_value value, const char *name,
                           size_t name_len, gql_rnode *container, uint32_t pos, bool nonnull) {
    const char *aname = abstract->name->str;
    const gql_sym *sym = gql_intern_find(&exec->schema->names, name, (uint32_t)name_len);
    const gql_schema_type *runtime = sym ? gql_symmap_get(&exec->schema->type_map, sym) : NULL;
    if (!runtime || runtime->kind != GQL_TYPE_OBJECT || !gql_is_sub_type(abstract, runtime))
        exec->host->release(exec->ctx, value);
    if (!runtime) {
        field_errorf(exec, pf, container, pos, nonnull,
                     "Abstract type '%s' was resolved to a type '%.*s' that does not exist "
                     "inside the schema.",
                     aname, (int)name_len, name);
        return;
    }
    if (runtime->kind != GQL_TYPE_OBJECT) {
        field_errorf(exec, pf, container, pos, nonnull,
                     "Abstract type '%s' was resolved to a non-object type '%.*s'.", aname,
                     (int)name_len, name);
        return;
    }
    if (!gql_is_sub_type(abstract, runtime)) {
        field_errorf(exec, pf, container, pos, nonnull,
                     "Runtime Object type '%s' is not a possible type for '%s'.",
                     runtime->name->str, aname);
        return;
    }
    complete_object(exec, pf, runtime, value, container, pos, nonnull);
}

/*
 * graphql-core's complete_value: value (consumed: the reference passes to
 * the response, a group, the parked list, or is released) as type into slot
 * pos of container.
 */
static void complete(gql_execution *exec, gql_plan_field *pf, const gql_type_ref *type,
                     gql_value value, gql_rnode *container, uint32_t pos) {
    const gql_host *host = exec->host;
    bool nonnull = type->wrap == GQL_REF_NON_NULL;
    const gql_type_ref *t = nonnull ? type->of_type : type;
    bool leaf = t->wrap == GQL_REF_NAMED && is_leaf(t->named);
    gql_expect expect = leaf ? GQL_EXPECT_LEAF
                        : t->wrap == GQL_REF_LIST ? GQL_EXPECT_LIST
                                                  : GQL_EXPECT_OBJECT;
    gql_value_kind kind = host->kind(exec->ctx, value, expect);
    if (kind == GQL_VALUE_PENDING) {
        park(exec, pf, type, value, container, pos);
        return;
    }
    if (kind == GQL_VALUE_ERROR) {
        field_error(exec, pf, container, pos, nonnull, NULL, NULL, 0, value);
        return;
    }
    const char *parent = pf->info.parent_type->name->str;
    const char *field = pf->info.name->str;
    if (kind == GQL_VALUE_NULL) {
        host->release(exec->ctx, value);
        if (nonnull)
            field_errorf(exec, pf, container, pos, true,
                         "Cannot return null for non-nullable field %s.%s.", parent, field);
        else
            container->slots[pos].kind = GQL_RV_NULL;
        return;
    }
    if (t->wrap == GQL_REF_LIST) {
        if (kind != GQL_VALUE_LIST) {
            host->release(exec->ctx, value);
            field_errorf(exec, pf, container, pos, nonnull,
                         "Expected Iterable, but did not find one for field '%s.%s'.", parent,
                         field);
            return;
        }
        gql_value *items = NULL;
        size_t count = 0;
        gql_value error = NULL;
        bool listed = host->list_items(exec->ctx, value, &items, &count, &error);
        host->release(exec->ctx, value);
        if (!listed) {
            if (!error) {
                gql_exec_nomem(exec);
                return;
            }
            field_error(exec, pf, container, pos, nonnull, NULL, NULL, 0, error);
            return;
        }
        gql_rnode *node =
            count <= UINT32_MAX
                ? gql_rnode_new(exec, GQL_RNODE_LIST, (uint32_t)count, container, pos, nonnull)
                : NULL;
        size_t done = 0;
        if (node) {
            node->field = pf;
            container->slots[pos].kind = GQL_RV_LIST;
            container->slots[pos].u.node = node;
            for (; done < count && exec->failed == GQL_EXEC_DONE; done++)
                complete(exec, pf, t->of_type, items[done], node, (uint32_t)done);
        } else {
            gql_exec_nomem(exec);
        }
        for (; done < count; done++) host->release(exec->ctx, items[done]);
        gql_free(items);
        return;
    }
    const gql_schema_type *named = t->named;
    if (leaf) {
        gql_leaf_out out = host->serialize(exec->ctx, named, value);
        host->release(exec->ctx, value);
        if (!out.value) {
            /* An error without a value: the host must stop (or is out of memory). */
            if (out.error) exec->failed = GQL_EXEC_ABORTED;
            else gql_exec_nomem(exec);
            return;
        }
        if (out.error) {
            field_error(exec, pf, container, pos, nonnull, NULL, NULL, 0, out.value);
            return;
        }
        if (!keep_leaf(exec, out.value)) return;
        container->slots[pos].kind = GQL_RV_LEAF;
        container->slots[pos].u.leaf = out.value;
        return;
    }
    if (named->kind == GQL_TYPE_OBJECT)
        complete_object(exec, pf, named, value, container, pos, nonnull);
    else
        complete_abstract(exec, pf, named, value, container, pos, nonnull);
}

/*=== MARK: Resolving a group ===============================================*/

/* A subscription's source stream (source mode): kept for
 * gql_execution_source; an error (raised, or returned as a value) is a field
 * error of the root field, as graphql-core's create_source_event_stream
 * reports it; a pending value (an async source resolver) is settled first. */
static void take_source(gql_execution *exec, gql_plan_field *pf, gql_rnode *root,
                        gql_value value, bool error) {
    gql_value_kind kind = error ? GQL_VALUE_ERROR
                                : exec->host->kind(exec->ctx, value, GQL_EXPECT_OBJECT);
    if (kind == GQL_VALUE_ERROR) {
        field_error(exec, pf, root, pf->slot, false, NULL, NULL, 0, value);
        return;
    }
    if (kind == GQL_VALUE_PENDING) {
        park(exec, pf, NULL, value, root, pf->slot);
        return;
    }
    exec->source = value;
}

/* Coerce a field's arguments once per execution. */
static void coerce_args(gql_execution *exec, gql_plan_field *pf) {
    const gql_field *node = pf->info.nodes[0];
    const gql_schema_field *def = pf->info.field;
    pf->args_state = GQL_ARGS_READY;
    if (!def || def->arg_count == 0) return;
    gql_strbuf message = GQL_STRBUF_INIT;
    const gql_node *at = NULL;
    pf->args = gql_coerce_arguments(&exec->env, def->args, def->arg_count, &node->arguments,
                                    &node->base, &exec->vars, &message, &at);
    if (pf->args) {
        /* Arguments are needed while resolving only. */
        if (!gql_exec_own(exec, pf->args)) pf->args = NULL;
    } else {
        if (!at || message.nomem) {
            gql_exec_nomem(exec);
        } else {
            pf->args_state = GQL_ARGS_FAILED;
            pf->args_error = gql_arena_strndup(&exec->arena, gql_strbuf_cstr(&message),
                                               message.len);
            pf->args_error_at = at;
            if (!pf->args_error) gql_exec_nomem(exec);
        }
    }
    gql_strbuf_free(&message);
}

/* The buffer host->resolve fills for n parents, zeroed: one per execution,
 * grown to the largest group, since a field's values are completed (moved
 * into the response or parked) before the next field resolves. NULL when
 * out of memory (reported). */
static gql_resolved *resolved_buffer(gql_execution *exec, size_t n) {
    if (!n) n = 1;
    if (n > exec->resolved_cap) {
        size_t cap = exec->resolved_cap ? exec->resolved_cap : 16;
        while (cap < n) cap = cap > SIZE_MAX / 2 / sizeof(gql_resolved) ? n : cap * 2;
        gql_resolved *grown = cap <= SIZE_MAX / sizeof *grown
                                  ? gql_realloc(exec->resolved, cap * sizeof *grown)
                                  : NULL;
        if (!grown) {
            gql_exec_nomem(exec);
            return NULL;
        }
        exec->resolved = grown;
        exec->resolved_cap = cap;
    }
    memset(exec->resolved, 0, n * sizeof *exec->resolved);
    return exec->resolved;
}

static void resolve_field(gql_execution *exec, gql_group *g, gql_plan_field *pf) {
    const gql_host *host = exec->host;
    size_t n = g->count;
    if (pf->meta == GQL_META_TYPENAME) {
        for (size_t i = 0; i < n; i++) {
            gql_result_value *slot = &g->objects[i]->slots[pf->slot];
            slot->kind = GQL_RV_TEXT;
            slot->u.text = g->set->type->name;
        }
        return;
    }
    if (pf->meta != GQL_META_NONE) {
        gql_intro_resolve_field(exec, g, pf);
        return;
    }
    if (pf->args_state == GQL_ARGS_UNCOERCED) coerce_args(exec, pf);
    if (exec->failed != GQL_EXEC_DONE) return;
    bool nonnull = pf->info.return_type->wrap == GQL_REF_NON_NULL;
    if (pf->args_state == GQL_ARGS_FAILED) {
        size_t len = strlen(pf->args_error);
        for (size_t i = 0; i < n && exec->failed == GQL_EXEC_DONE; i++)
            field_error(exec, pf, g->objects[i], pf->slot, nonnull, pf->args_error_at,
                        pf->args_error, len, NULL);
        return;
    }
    bool subscription_root = g->set == exec->root_set &&
                             exec->operation->base.flags == GQL_SUBSCRIPTION;
    if (subscription_root && exec->event) {
        /* graphql-core's map_source_to_response: the event is the value. */
        host->retain(exec->ctx, exec->event);
        complete(exec, pf, pf->info.return_type, exec->event, g->objects[0], pf->slot);
        return;
    }
    gql_resolved *out = resolved_buffer(exec, n);
    if (!out) return;
    if (subscription_root && exec->source_mode) {
        /* graphql-core's create_source_event_stream: the value is the stream. */
        if (!host->resolve(exec->ctx, exec, &pf->info, g->parents,
                           (gql_path_ref const *)g->objects, n, pf->args, out)) {
            if (exec->failed == GQL_EXEC_DONE) exec->failed = GQL_EXEC_ABORTED;
        } else if (!out[0].value) {
            gql_exec_nomem(exec);
        } else {
            take_source(exec, pf, g->objects[0], out[0].value, out[0].error);
        }
        g->objects[0]->slots[pf->slot].kind = GQL_RV_NULL;
        return;
    }
    if (!host->resolve(exec->ctx, exec, &pf->info, g->parents,
                       (gql_path_ref const *)g->objects, n, pf->args, out)) {
        if (exec->failed == GQL_EXEC_DONE) exec->failed = GQL_EXEC_ABORTED;
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (!out[i].value) gql_exec_nomem(exec);
    for (size_t i = 0; i < n; i++) {
        if (!out[i].value) continue;
        if (exec->failed != GQL_EXEC_DONE) {
            host->release(exec->ctx, out[i].value);
            continue;
        }
        if (out[i].error)
            field_error(exec, pf, g->objects[i], pf->slot, nonnull, NULL, NULL, 0,
                        out[i].value);
        else
            complete(exec, pf, pf->info.return_type, out[i].value, g->objects[i], pf->slot);
    }
}

static void run_level(gql_execution *exec) {
    gql_level *level = &exec->levels[exec->cur];
    for (size_t gi = 0; gi < level->count && exec->failed == GQL_EXEC_DONE; gi++) {
        gql_group *g = &level->groups[gi];
        for (uint32_t f = g->first; f < g->last && exec->failed == GQL_EXEC_DONE; f++)
            resolve_field(exec, g, &g->set->fields[f]);
    }
    level_clear(exec, level);
}

/* A settled answer about p->object: its type's name (TYPE) or whether it
 * is of p->of (CHECK). Consumes p->object and p->settled. */
static void answer(gql_execution *exec, gql_plan_field *pf, gql_parked *p, bool nonnull) {
    const gql_host *host = exec->host;
    if (p->state != 1) {
        host->release(exec->ctx, p->object);
        if (p->state == 2) {
            field_error(exec, pf, p->container, p->pos, nonnull, NULL, NULL, 0, p->settled);
        } else {
            static const char never[] = "The pending value was never settled.";
            field_error(exec, pf, p->container, p->pos, nonnull, NULL, never, sizeof never - 1,
                        NULL);
        }
        return;
    }
    gql_value_kind kind = host->input_kind(exec->ctx, p->settled);
    if (p->mode == GQL_PARK_CHECK) {
        bool yes = kind == GQL_VALUE_BOOL && host->input_bool(exec->ctx, p->settled);
        host->release(exec->ctx, p->settled);
        if (yes) {
            queue_object(exec, pf, p->of, p->object, p->container, p->pos, nonnull);
            return;
        }
        gql_strbuf b = GQL_STRBUF_INIT;
        host->inspect(exec->ctx, p->object, &b);
        host->release(exec->ctx, p->object);
        if (!b.nomem)
            field_errorf(exec, pf, p->container, p->pos, nonnull,
                         "Expected value of type '%s' but got: %s.", p->of->name->str,
                         gql_strbuf_cstr(&b));
        else
            gql_exec_nomem(exec);
        gql_strbuf_free(&b);
        return;
    }
    if (kind == GQL_VALUE_STRING) {
        size_t len = 0;
        const char *name = host->input_string(exec->ctx, p->settled, &len);
        if (name) complete_named(exec, pf, p->of, p->object, name, len, p->container, p->pos,
                                 nonnull);
        else host->release(exec->ctx, p->object);
        host->release(exec->ctx, p->settled);
        return;
    }
    host->release(exec->ctx, p->settled);
    host->release(exec->ctx, p->object);
    const char *aname = p->of->name->str;
    field_errorf(exec, pf, p->container, p->pos, nonnull,
                 "Abstract type '%s' must resolve to an Object type at runtime for field "
                 "'%s.%s'. Either the '%s' type should provide a 'resolve_type' function "
                 "or each possible type should provide an 'is_type_of' function.",
                 aname, pf->info.parent_type->name->str, pf->info.name->str, aname);
}

/* Complete the values settled since run returned PENDING. */
static void complete_settled(gql_execution *exec) {
    gql_parked *parked = exec->parked;
    size_t count = exec->parked_count;
    exec->parked = NULL;
    exec->parked_count = 0;
    exec->parked_cap = 0;
    for (size_t i = 0; i < count; i++) {
        gql_parked *p = &parked[i];
        exec->host->release(exec->ctx, p->value);
        if (exec->failed != GQL_EXEC_DONE) {
            if (p->state) exec->host->release(exec->ctx, p->settled);
            if (p->object) exec->host->release(exec->ctx, p->object);
            continue;
        }
        gql_plan_field *pf = (gql_plan_field *)p->field;
        if (!p->type) {
            /* The settled source stream of a subscription. */
            if (p->state) take_source(exec, pf, p->container, p->settled, p->state == 2);
            continue;
        }
        bool nonnull = p->type->wrap == GQL_REF_NON_NULL;
        if (p->mode != GQL_PARK_VALUE) {
            answer(exec, pf, p, nonnull);
            continue;
        }
        if (p->state == 0) {
            static const char never[] = "The pending value was never settled.";
            field_error(exec, pf, p->container, p->pos, nonnull, NULL, never,
                        sizeof never - 1, NULL);
        } else if (p->state == 2) {
            field_error(exec, pf, p->container, p->pos, nonnull, NULL, NULL, 0, p->settled);
        } else {
            complete(exec, pf, p->type, p->settled, p->container, p->pos);
        }
    }
    gql_free(parked);
}

/*=== MARK: The execution ===================================================*/

static void finish(gql_execution *exec) {
    exec->done = true;
    if (exec->failed == GQL_EXEC_DONE && !gql_errors_finish(exec)) gql_exec_nomem(exec);
    size_t owned = exec->owned_count, parked = exec->parked_count;
    exec->owned_count = exec->parked_count = 0;  /* before releasing: see level_clear */
    for (size_t i = 0; i < owned; i++) exec->host->release(exec->ctx, exec->owned[i]);
    for (int l = 0; l < 2; l++) level_clear(exec, &exec->levels[l]);
    for (size_t i = 0; i < parked; i++) {
        exec->host->release(exec->ctx, exec->parked[i].value);
        if (exec->parked[i].state != 0) exec->host->release(exec->ctx, exec->parked[i].settled);
        if (exec->parked[i].object) exec->host->release(exec->ctx, exec->parked[i].object);
    }
}

/* Queue the root fields (a mutation: only the next one). */
static bool queue_root(gql_execution *exec) {
    gql_plan_set *set = exec->root_set;
    if (!enqueue(exec, set, exec->root_value, exec->data)) return false;
    exec->host->retain(exec->ctx, exec->root_value);
    gql_level *level = next_level(exec);
    gql_group *g = &level->groups[level->count - 1];
    if (exec->operation->base.flags == GQL_MUTATION) {
        g->first = exec->serial_next;
        g->last = exec->serial_next + 1;
        exec->serial_next++;
    } else {
        exec->serial_next = set->count;
    }
    /* A later root field of a mutation starts a group of its own. */
    set->group = 0;
    return true;
}

gql_exec_status gql_execution_run(gql_execution *exec) {
    if (exec->done) return exec->failed;
    if (exec->waiting) {
        exec->waiting = false;
        complete_settled(exec);
    }
    while (exec->failed == GQL_EXEC_DONE) {
        if (exec->levels[exec->cur].count) {
            run_level(exec);
            continue;
        }
        if (exec->parked_count) {
            if (!grow((void **)&exec->pending_values, &exec->pending_cap, exec->parked_count,
                      sizeof(gql_value))) {
                gql_exec_nomem(exec);
                break;
            }
            for (size_t i = 0; i < exec->parked_count; i++)
                exec->pending_values[i] = exec->parked[i].value;
            exec->waiting = true;
            return GQL_EXEC_PENDING;
        }
        if (next_level(exec)->count) {
            exec->cur ^= 1;
            exec->level_no++;
            continue;
        }
        /* graphql-core's execute_fields_serially: a root field whose error
         * nulls the data ends the mutation. */
        if (exec->serial_next < exec->root_set->count && !exec->data_null) {
            if (!queue_root(exec)) gql_exec_nomem(exec);
            continue;
        }
        break;
    }
    finish(exec);
    return exec->failed;
}

size_t gql_execution_pending(const gql_execution *exec, gql_value const **values) {
    if (!exec->waiting) {
        *values = NULL;
        return 0;
    }
    *values = exec->pending_values;
    return exec->parked_count;
}

const gql_field_info *gql_execution_pending_field(const gql_execution *exec, size_t i) {
    return exec->waiting && i < exec->parked_count ? &exec->parked[i].field->info : NULL;
}

void gql_execution_settle(gql_execution *exec, size_t i, gql_value value, bool error) {
    if (!exec->waiting || i >= exec->parked_count || exec->parked[i].state != 0) {
        if (value) exec->host->release(exec->ctx, value);
        return;
    }
    gql_parked *p = &exec->parked[i];
    if (!value) {
        gql_exec_nomem(exec);
        return;
    }
    p->settled = value;
    p->state = error ? 2 : 1;
}

/*=== MARK: Starting ========================================================*/

/* graphql-core's build_execution_context: the operation and the fragments. */
static bool pick_operation(gql_execution *exec, const char *operation_name) {
    const gql_document_node *root = gql_document_root(exec->document);
    const gql_operation_definition *op = NULL;
    bool many = false;
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind == GQL_OPERATION_DEFINITION) {
            const gql_operation_definition *o = (const gql_operation_definition *)def;
            if (!operation_name) {
                if (op) many = true;
                else op = o;
            } else if (o->name && strcmp(o->name->value->str, operation_name) == 0) {
                op = o;
            }
        } else if (def->kind == GQL_FRAGMENT_DEFINITION) {
            const gql_fragment_definition *f = (const gql_fragment_definition *)def;
            if (!gql_symmap_put(&exec->fragments, f->name->value, (void *)f)) return false;
        }
    }
    const char *message = NULL;
    gql_strbuf b = GQL_STRBUF_INIT;
    if (many) {
        message = "Must provide operation name if query contains multiple operations.";
    } else if (!op && operation_name) {
        gql_strbuf_puts(&b, "Unknown operation named '");
        gql_strbuf_puts(&b, operation_name);
        gql_strbuf_puts(&b, "'.");
        message = gql_strbuf_cstr(&b);
    } else if (!op) {
        message = "Must provide an operation.";
    }
    bool ok = !b.nomem;
    if (ok && message) ok = gql_error_add_request(exec, message, strlen(message), NULL, 0, NULL);
    else exec->operation = op;
    gql_strbuf_free(&b);
    return ok;
}

static bool start(gql_execution *exec, const gql_execute_options *options) {
    if (!pick_operation(exec, options->operation_name)) return false;
    if (!exec->operation) return true;
    gql_operation op = (gql_operation)exec->operation->base.flags;
    exec->root_type = exec->schema->roots[op];
    if (!exec->root_type) {
        static const char *const messages[] = {
            "Schema does not define the required query root type.",
            "Schema is not configured for mutations.",
            "Schema is not configured for subscriptions.",
        };
        uint32_t offset = exec->operation->base.start;
        return gql_error_add_request(exec, messages[op], strlen(messages[op]), &offset, 1, NULL);
    }
    gql_error_list errors;
    gql_error_list_init(&errors);
    bool coerced = gql_coerce_variables(&exec->env, exec->operation, options->variables, 50,
                                        &exec->vars, &errors);
    if (errors.status == GQL_ERR_NOMEM) {
        gql_values_errors_clear(&exec->env, &errors);
        return false;
    }
    if (!coerced) {
        bool ok = true;
        for (size_t i = 0; ok && i < errors.count; i++) {
            gql_diagnostic *d = &errors.items[i];
            uint32_t offsets[8];
            uint32_t n = d->location_count < 8 ? d->location_count : 8;
            for (uint32_t k = 0; k < n; k++) offsets[k] = d->locations[k].offset;
            gql_value original = d->original; /* moves into the request error */
            d->original = NULL;
            ok = gql_error_add_request(exec, d->message, d->message_len, offsets, n, original);
        }
        gql_values_errors_clear(&exec->env, &errors);
        return ok;
    }
    gql_values_errors_clear(&exec->env, &errors);
    exec->vars_coerced = true;
    bool directive_error = false;
    exec->root_set = gql_plan_root(exec, &directive_error);
    if (!exec->root_set) {
        if (!directive_error) return false;
        /* graphql-core's execute_operation catches it: data null, the error. */
        uint32_t offset = exec->directive_error_at->start;
        exec->has_data = true;
        exec->data_null = true;
        return gql_error_add_request(exec, gql_strbuf_cstr(&exec->scratch), exec->scratch.len,
                                     &offset, 1, NULL);
    }
    exec->data = gql_rnode_new(exec, GQL_RNODE_OBJECT, exec->root_set->count, NULL, 0, false);
    if (!exec->data) return false;
    exec->data->set = exec->root_set;
    exec->data_value.kind = GQL_RV_OBJECT;
    exec->data_value.u.node = exec->data;
    exec->has_data = true;
    exec->level_no = 0;
    return queue_root(exec);
}

gql_execution *gql_execution_new(const gql_schema *schema, const gql_document *document,
                                 const gql_host *host, void *ctx,
                                 const gql_execute_options *options) {
    gql_execute_options defaults;
    if (!options) {
        gql_execute_options_init(&defaults);
        options = &defaults;
    }
    gql_execution *exec = gql_calloc(1, sizeof *exec);
    if (!exec) return NULL;
    gql_arena_init(&exec->arena, 16384);
    exec->schema = schema;
    exec->document = document;
    exec->host = host;
    exec->ctx = ctx;
    exec->env = (gql_values_env){schema, document, host, ctx};
    exec->failed = GQL_EXEC_DONE;
    exec->root_value = options->root_value;
    exec->source_mode = options->subscription_source;
    exec->event = options->subscription_event;
    if (!exec->root_value) {
        exec->root_value = host->make_null(ctx);
        if (!exec->root_value || !gql_exec_own(exec, exec->root_value)) {
            gql_execution_free(exec);
            return NULL;
        }
    }
    if (!start(exec, options) || exec->failed != GQL_EXEC_DONE) {
        gql_execution_free(exec);
        return NULL;
    }
    if (!exec->has_data || !exec->root_set) finish(exec);
    /* The first level is the root's: make it current. */
    if (!exec->done) {
        exec->cur ^= 1;
        exec->level_no++;
    }
    return exec;
}

void gql_execution_free(gql_execution *exec) {
    if (!exec) return;
    const gql_host *host = exec->host;
    if (!exec->done) finish(exec);
    for (size_t i = 0; i < exec->owned_count; i++) host->release(exec->ctx, exec->owned[i]);
    for (gql_leaf_block *b = exec->leaves; b; b = b->prev)
        for (size_t i = 0; i < b->count; i++) host->release(exec->ctx, b->items[i]);
    for (size_t i = 0; i < exec->error_count; i++)
        if (exec->errors[i].pub.original) host->release(exec->ctx, exec->errors[i].pub.original);
    if (exec->vars_coerced) gql_coerced_variables_release(&exec->env, &exec->vars);
    gql_free(exec->owned);
    gql_free(exec->resolved);
    gql_free(exec->errors);
    gql_free(exec->parked);
    gql_free(exec->pending_values);
    for (int l = 0; l < 2; l++) gql_free(exec->levels[l].groups);
    if (exec->source) host->release(exec->ctx, exec->source);
    gql_symmap_free(&exec->fragments);
    gql_strbuf_free(&exec->scratch);
    gql_arena_release(&exec->arena);
    gql_free(exec);
}

/* Mirrors gql_execution_free (and finish, before the execution is done):
 * a reference visited here and not released there, or the reverse, would
 * make a collector free a live value or keep a dead cycle. */
int gql_execution_visit(const gql_execution *exec, gql_value_visitor visit, void *arg) {
#define GQL_VISIT(v)                          \
    do {                                      \
        if (v) {                              \
            int r_ = visit((v), arg);         \
            if (r_) return r_;                \
        }                                     \
    } while (0)
    for (size_t i = 0; i < exec->owned_count; i++) GQL_VISIT(exec->owned[i]);
    for (const gql_leaf_block *b = exec->leaves; b; b = b->prev)
        for (size_t i = 0; i < b->count; i++) GQL_VISIT(b->items[i]);
    for (size_t i = 0; i < exec->error_count; i++) GQL_VISIT(exec->errors[i].pub.original);
    if (exec->vars_coerced) {
        for (uint32_t i = 0; i < exec->vars.count && exec->vars.values; i++)
            GQL_VISIT(exec->vars.values[i]);
        GQL_VISIT(exec->vars.object);
    }
    GQL_VISIT(exec->source);
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < exec->levels[l].count; i++) {
            const gql_group *g = &exec->levels[l].groups[i];
            for (size_t k = 0; k < g->count; k++) GQL_VISIT(g->parents[k]);
        }
    for (size_t i = 0; i < exec->parked_count; i++) {
        const gql_parked *p = &exec->parked[i];
        GQL_VISIT(p->value);
        if (p->state != 0) GQL_VISIT(p->settled);
        GQL_VISIT(p->object);
    }
#undef GQL_VISIT
    return 0;
}

gql_value gql_execution_source(const gql_execution *exec, bool *error) {
    *error = exec->source_error;
    return exec->source;
}

const gql_operation_definition *gql_execution_operation(const gql_execution *exec) {
    return exec->operation;
}

const gql_document *gql_execution_document(const gql_execution *exec) {
    return exec->document;
}

const gql_schema *gql_execution_schema(const gql_execution *exec) {
    return exec->schema;
}

gql_value gql_execution_variables(const gql_execution *exec) {
    return exec->vars_coerced ? exec->vars.object : NULL;
}
