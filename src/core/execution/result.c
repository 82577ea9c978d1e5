/*
 * result.c: the response of an execution: its tree, its errors in
 * graphql-core's order, its JSON, and the accessors hosts read it with.
 *
 * Error order. graphql-core executes depth first and records a field error
 * when it reaches the nearest nullable field or list item; an error that
 * propagates null past an object abandons everything after it in that
 * object's subtree, so later errors there are never raised. Breadth-first
 * execution meets errors in another order and may resolve fields graphql-core
 * never reaches. gql_errors_finish restores graphql-core's list: errors are
 * sorted by their position in a depth-first walk (the slot path from the
 * root: a field's index in its object, an item's index in its list), then
 * walked in that order, dropping every error inside the subtree a kept error
 * nulled (its boundary) — those come after the nulling error in depth-first
 * order, exactly the ones graphql-core abandons. Then graphql-core 3.2's
 * build_response sorts what is left by (locations, path), its depth-first
 * order breaking ties; offsets in one document sort as (line, column) do.
 */
#include <stdlib.h>
#include <string.h>

#include "execution/execution.h"
#include "json/writer.h"
#include "mem.h"

gql_rnode *gql_rnode_new(gql_execution *exec, gql_rnode_kind kind, uint32_t count,
                         gql_rnode *parent, uint32_t pos, bool nonnull) {
    gql_rnode *n = gql_arena_alloc(&exec->arena, sizeof *n + count * sizeof n->slots[0]);
    if (!n) {
        gql_exec_nomem(exec);
        return NULL;
    }
    n->parent = parent;
    n->pos = pos;
    n->kind = (uint8_t)kind;
    n->nonnull = nonnull;
    n->dead = false;
    n->killed = false;
    n->set = NULL;
    n->field = NULL;
    n->count = count;
    for (uint32_t i = 0; i < count; i++) n->slots[i].kind = GQL_RV_UNSET;
    return n;
}

static gql_error_rec *new_record(gql_execution *exec, const char *message, size_t len) {
    if (exec->error_count == exec->error_cap) {
        size_t cap = exec->error_cap ? exec->error_cap * 2 : 8;
        gql_error_rec *errors = gql_realloc(exec->errors, cap * sizeof *errors);
        if (!errors) return NULL;
        exec->errors = errors;
        exec->error_cap = cap;
    }
    char *copy = gql_arena_strndup(&exec->arena, message, len);
    if (!copy) return NULL;
    gql_error_rec *rec = &exec->errors[exec->error_count];
    memset(rec, 0, sizeof *rec);
    rec->pub.message = copy;
    rec->pub.message_len = len;
    rec->pub.path_index = -1;
    return rec;
}

static bool set_offsets(gql_execution *exec, gql_error_rec *rec, const uint32_t *offsets,
                        uint32_t count) {
    if (gql_document_no_location(exec->document) || count == 0) return true;
    uint32_t *copy = gql_arena_alloc(&exec->arena, count * sizeof *copy);
    if (!copy) return false;
    memcpy(copy, offsets, count * sizeof *copy);
    rec->pub.offsets = copy;
    rec->pub.offset_count = count;
    return true;
}

gql_error_rec *gql_error_add(gql_execution *exec, const gql_rnode *container, uint32_t pos,
                             const gql_plan_field *field, const gql_node *at,
                             const char *message, size_t len, gql_value original) {
    gql_error_rec *rec = new_record(exec, message, len);
    if (!rec) {
        gql_exec_nomem(exec);
        return NULL;
    }
    bool ok;
    if (at) {
        uint32_t offset = at->start;
        ok = set_offsets(exec, rec, &offset, 1);
    } else {
        uint32_t n = field->info.node_count;
        uint32_t *offsets = gql_arena_alloc(&exec->arena, n * sizeof *offsets);
        ok = offsets != NULL;
        for (uint32_t i = 0; ok && i < n; i++) offsets[i] = field->info.nodes[i]->base.start;
        if (ok && !gql_document_no_location(exec->document)) {
            rec->pub.offsets = offsets;
            rec->pub.offset_count = n;
        }
    }
    if (!ok) {
        gql_exec_nomem(exec);
        return NULL;
    }
    rec->container = container;
    rec->pos = pos;
    rec->pub.original = original;
    rec->pub.path = container;
    if (container->kind == GQL_RNODE_OBJECT)
        rec->pub.path_field = container->set->fields[pos].info.response_name;
    else
        rec->pub.path_index = pos;
    exec->error_count++;
    return rec;
}

bool gql_error_add_request(gql_execution *exec, const char *message, size_t len,
                           const uint32_t *offsets, uint32_t offset_count, gql_value original) {
    gql_error_rec *rec = new_record(exec, message, len);
    if (!rec || !set_offsets(exec, rec, offsets, offset_count)) {
        if (original) exec->host->release(exec->ctx, original);
        gql_exec_nomem(exec);
        return false;
    }
    rec->pub.original = original;
    exec->error_count++;
    return true;
}

/*=== MARK: graphql-core's error order ======================================*/

static int compare_order(const void *pa, const void *pb) {
    const gql_error_rec *a = pa, *b = pb;
    uint32_t n = a->order_len < b->order_len ? a->order_len : b->order_len;
    for (uint32_t i = 0; i < n; i++)
        if (a->order[i] != b->order[i]) return a->order[i] < b->order[i] ? -1 : 1;
    if (a->order_len != b->order_len) return a->order_len < b->order_len ? -1 : 1;
    /* The same slot cannot fail twice; keep the order of arrival. */
    return a < b ? -1 : a > b;
}

/* One element of an error's path: a response name, or an index (name NULL). */
static void path_element_at(const gql_error_rec *rec, uint32_t level, const gql_sym **name,
                            uint32_t *index) {
    /* level counts from the root; the last level is the error's own slot. */
    const gql_rnode *container = rec->container;
    uint32_t pos = rec->pos;
    for (uint32_t up = rec->order_len - 1; up > level; up--) {
        pos = container->pos;
        container = container->parent;
    }
    if (container->kind == GQL_RNODE_OBJECT) {
        *name = container->set->fields[pos].info.response_name;
        *index = 0;
    } else {
        *name = NULL;
        *index = pos;
    }
}

/* graphql-core's sort key (error.locations or [], error.path or []). */
static int compare_response_order(const void *pa, const void *pb) {
    const gql_error_rec *a = pa, *b = pb;
    const gql_exec_error *ea = &a->pub, *eb = &b->pub;
    uint32_t n = ea->offset_count < eb->offset_count ? ea->offset_count : eb->offset_count;
    for (uint32_t i = 0; i < n; i++)
        if (ea->offsets[i] != eb->offsets[i]) return ea->offsets[i] < eb->offsets[i] ? -1 : 1;
    if (ea->offset_count != eb->offset_count) return ea->offset_count < eb->offset_count ? -1 : 1;
    uint32_t depth = a->order_len < b->order_len ? a->order_len : b->order_len;
    for (uint32_t level = 0; level < depth; level++) {
        const gql_sym *na, *nb;
        uint32_t ia, ib;
        path_element_at(a, level, &na, &ia);
        path_element_at(b, level, &nb, &ib);
        if (na && nb) {
            if (na == nb) continue;
            size_t len = na->len < nb->len ? na->len : nb->len;
            int c = memcmp(na->str, nb->str, len);
            if (c) return c;
            if (na->len != nb->len) return na->len < nb->len ? -1 : 1;
        } else if (!na && !nb) {
            if (ia != ib) return ia < ib ? -1 : 1;
        } else {
            return na ? 1 : -1;
        }
    }
    if (a->order_len != b->order_len) return a->order_len < b->order_len ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

bool gql_errors_finish(gql_execution *exec) {
    size_t count = exec->error_count;
    if (count == 0 || !exec->errors[0].container) return true;  /* request errors */
    for (size_t i = 0; i < count; i++) {
        gql_error_rec *rec = &exec->errors[i];
        uint32_t depth = 1;
        for (const gql_rnode *n = rec->container; n->parent; n = n->parent) depth++;
        rec->order = gql_arena_alloc(&exec->arena, depth * sizeof *rec->order);
        if (!rec->order) return false;
        rec->order_len = depth;
        rec->order[depth - 1] = rec->pos;
        uint32_t k = depth - 1;
        for (const gql_rnode *n = rec->container; n->parent; n = n->parent)
            rec->order[--k] = n->pos;
    }
    qsort(exec->errors, count, sizeof *exec->errors, compare_order);
    size_t kept = 0;
    for (size_t i = 0; i < count; i++) {
        gql_error_rec *rec = &exec->errors[i];
        bool abandoned = false;
        for (const gql_rnode *n = rec->container; n && !abandoned; n = n->parent)
            abandoned = n->killed;
        if (abandoned) {
            if (rec->pub.original) exec->host->release(exec->ctx, rec->pub.original);
            continue;
        }
        if (rec->boundary) rec->boundary->killed = true;
        exec->errors[kept++] = *rec;
    }
    exec->error_count = kept;
    for (size_t i = 0; i < kept; i++) exec->errors[i].rank = (uint32_t)i;
    qsort(exec->errors, kept, sizeof *exec->errors, compare_response_order);
    return true;
}

/*=== MARK: Accessors =======================================================*/

bool gql_execution_has_data(const gql_execution *exec) {
    return exec->has_data;
}

const gql_result_value *gql_execution_data(const gql_execution *exec) {
    return exec->has_data && !exec->data_null ? &exec->data_value : NULL;
}

size_t gql_execution_error_count(const gql_execution *exec) {
    return exec->done ? exec->error_count : 0;
}

const gql_exec_error *gql_execution_error_at(const gql_execution *exec, size_t index) {
    return exec->done && index < exec->error_count ? &exec->errors[index].pub : NULL;
}

gql_result_kind gql_result_value_kind(const gql_result_value *value) {
    return value->kind == GQL_RV_UNSET ? GQL_RESULT_NULL : (gql_result_kind)value->kind;
}

gql_value gql_result_leaf(const gql_result_value *value) {
    return value->kind == GQL_RV_LEAF ? value->u.leaf : NULL;
}

const char *gql_result_text(const gql_result_value *value, size_t *length) {
    if (value->kind == GQL_RV_TEXT) {
        *length = value->u.text->len;
        return value->u.text->str;
    }
    if (value->kind == GQL_RV_JSON) {
        *length = value->u.json->len;
        return value->u.json->ptr;
    }
    *length = 0;
    return NULL;
}

size_t gql_result_size(const gql_result_value *value) {
    return value->kind == GQL_RV_OBJECT || value->kind == GQL_RV_LIST ? value->u.node->count : 0;
}

const gql_result_value *gql_result_item(const gql_result_value *value, size_t index) {
    return &value->u.node->slots[index];
}

const gql_sym *gql_result_key(const gql_result_value *value, size_t index) {
    return value->u.node->set->fields[index].info.response_name;
}

bool gql_execution_path(const gql_execution *exec, gql_path_ref path, gql_path_fn fn,
                        void *ctx) {
    (void)exec;
    const gql_rnode *stack[64];
    const gql_rnode **chain = stack;
    size_t depth = 0;
    for (const gql_rnode *n = path; n && n->parent; n = n->parent) depth++;
    if (depth > 64 && !(chain = gql_malloc(depth * sizeof *chain))) return false;
    size_t k = depth;
    for (const gql_rnode *n = path; n && n->parent; n = n->parent) chain[--k] = n;
    bool ok = true;
    for (size_t i = 0; ok && i < depth; i++) {
        const gql_rnode *n = chain[i];
        if (n->parent->kind == GQL_RNODE_OBJECT) {
            const gql_sym *key = n->parent->set->fields[n->pos].info.response_name;
            ok = fn(ctx, key->str, key->len, -1);
        } else {
            ok = fn(ctx, NULL, 0, n->pos);
        }
    }
    if (chain != stack) gql_free(chain);
    return ok;
}

/*=== MARK: JSON ============================================================*/

typedef struct json_out {
    gql_execution *exec;
    gql_json_writer *w;
    gql_value error;  /* a leaf the host could not write */
} json_out;

/* Depth is bounded by the document's nesting and the schema's list types. */
static bool write_value(json_out *o, const gql_result_value *v) {
    gql_json_writer *w = o->w;
    switch (v->kind) {
    case GQL_RV_LEAF:
        return o->exec->host->write_leaf(o->exec->ctx, v->u.leaf, w, &o->error);
    case GQL_RV_TEXT:
        gql_json_string(w, v->u.text->str, v->u.text->len);
        return true;
    case GQL_RV_JSON:
        gql_json_raw(w, v->u.json->ptr, v->u.json->len);
        return true;
    case GQL_RV_OBJECT: {
        const gql_rnode *n = v->u.node;
        gql_json_begin_object(w);
        for (uint32_t i = 0; i < n->count; i++) {
            const gql_sym *key = n->set->fields[i].info.response_name;
            gql_json_key_name(w, key->str, key->len);
            if (!write_value(o, &n->slots[i])) return false;
        }
        gql_json_end_object(w);
        return true;
    }
    case GQL_RV_LIST: {
        const gql_rnode *n = v->u.node;
        gql_json_begin_array(w);
        for (uint32_t i = 0; i < n->count; i++)
            if (!write_value(o, &n->slots[i])) return false;
        gql_json_end_array(w);
        return true;
    }
    default:
        gql_json_null(w);
        return true;
    }
}

static bool path_element(void *ctx, const char *name, size_t len, int64_t index) {
    gql_json_writer *w = ctx;
    if (name) gql_json_string(w, name, len);
    else gql_json_int(w, index);
    return true;
}

static bool write_error(json_out *o, const gql_error_rec *rec) {
    gql_execution *exec = o->exec;
    gql_json_writer *w = o->w;
    const gql_exec_error *e = &rec->pub;
    gql_json_begin_object(w);
    gql_json_key_name(w, "message", 7);
    gql_json_string(w, e->message, e->message_len);
    if (e->offset_count) {
        size_t length;
        const char *source = gql_document_source(exec->document, &length);
        gql_json_key_name(w, "locations", 9);
        gql_json_begin_array(w);
        for (uint32_t i = 0; i < e->offset_count; i++) {
            gql_location loc = gql_locate(source, length, e->offsets[i]);
            gql_json_begin_object(w);
            gql_json_key_name(w, "line", 4);
            gql_json_int(w, loc.line);
            gql_json_key_name(w, "column", 6);
            gql_json_int(w, loc.column);
            gql_json_end_object(w);
        }
        gql_json_end_array(w);
    }
    if (e->path) {
        gql_json_key_name(w, "path", 4);
        gql_json_begin_array(w);
        if (!gql_execution_path(exec, e->path, path_element, w)) return false;
        if (e->path_field) gql_json_string(w, e->path_field->str, e->path_field->len);
        else gql_json_int(w, e->path_index);
        gql_json_end_array(w);
    }
    if (e->original && exec->host->write_error_extensions &&
        !exec->host->write_error_extensions(exec->ctx, e->original, w))
        return false;
    gql_json_end_object(w);
    return true;
}

char *gql_execution_json(gql_execution *exec, size_t *length, gql_value *error) {
    if (error) *error = NULL;
    if (!exec->done || exec->failed != GQL_EXEC_DONE) return NULL;
    gql_json_writer w;
    gql_json_writer_init(&w);
    json_out o = {exec, &w, NULL};
    bool ok = true;
    gql_json_begin_object(&w);
    if (exec->has_data) {
        gql_json_key_name(&w, "data", 4);
        if (exec->data_null) gql_json_null(&w);
        else ok = write_value(&o, &exec->data_value);
    }
    if (ok && exec->error_count) {
        gql_json_key_name(&w, "errors", 6);
        gql_json_begin_array(&w);
        for (size_t i = 0; ok && i < exec->error_count; i++) ok = write_error(&o, &exec->errors[i]);
        gql_json_end_array(&w);
    }
    gql_json_end_object(&w);
    if (!ok) {
        gql_json_writer_free(&w);
        if (error) *error = o.error;
        else if (o.error) exec->host->release(exec->ctx, o.error);
        return NULL;
    }
    return gql_json_writer_finish(&w, length);
}
