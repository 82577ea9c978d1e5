/*
 * intro.c: the root introspection fields __schema and __type(name:) in an
 * execution. Their values come from the C schema alone, never from the host,
 * so each is written as one JSON subtree by the introspection walker
 * (type/introspection_walk.c) and kept in the response as it is; to_dict
 * reads that JSON back. __typename is answered in execute.c.
 */
#include <string.h>

#include "execution/execution.h"
#include "mem.h"
#include "type/introspection.h"

/* The name argument of __type(name:), coerced (the host's string). */
static bool type_name(gql_execution *exec, gql_plan_field *pf, const char **name, size_t *len) {
    const gql_host *host = exec->host;
    const gql_field *node = pf->info.nodes[0];
    *name = NULL;
    for (uint32_t i = 0; i < node->arguments.count; i++) {
        const gql_argument *a = (const gql_argument *)node->arguments.items[i];
        if (strcmp(a->name->value->str, "name") != 0) continue;
        if (a->value->kind == GQL_STRING_VALUE) {
            const gql_string_value *s = (const gql_string_value *)a->value;
            *name = s->value.ptr;
            *len = s->value.len;
            return true;
        }
        if (a->value->kind == GQL_VARIABLE) {
            const gql_variable *v = (const gql_variable *)a->value;
            gql_value value = gql_variable_value(&exec->vars, v->name->value);
            if (value && host->input_kind(exec->ctx, value) == GQL_VALUE_STRING) {
                *name = host->input_string(exec->ctx, value, len);
                return *name != NULL;
            }
        }
    }
    return false;
}

void gql_intro_resolve_field(gql_execution *exec, gql_group *g, gql_plan_field *pf) {
    const char *name = NULL;
    size_t name_len = 0;
    bool nonnull = pf->meta == GQL_META_SCHEMA;  /* __schema: __Schema!, __type: __Type */
    gql_error_list errors;
    gql_error_list_init(&errors);
    if (pf->meta == GQL_META_TYPE && !type_name(exec, pf, &name, &name_len)) {
        /* Validation guarantees a String! name; a variable holding null or
         * no value cannot get here. */
        name = "";
        name_len = 0;
    }
    char *json = NULL;
    size_t len = 0;
    gql_status st = gql_introspection_root_field(exec->schema, exec->document,
                                                 pf->meta == GQL_META_TYPE ? name : NULL,
                                                 name_len, pf->info.nodes, pf->info.node_count,
                                                 &json, &len, &errors);
    if (st == GQL_ERR_NOMEM || errors.status == GQL_ERR_NOMEM) {
        gql_free(json);
        gql_error_list_clear(&errors);
        gql_exec_nomem(exec);
        return;
    }
    for (size_t i = 0; i < g->count && exec->failed == GQL_EXEC_DONE; i++) {
        gql_rnode *obj = g->objects[i];
        if (st != GQL_OK) {
            const gql_diagnostic *d = errors.count ? &errors.items[0] : NULL;
            static const char fallback[] = "Introspection could not be evaluated.";
            gql_error_rec *rec = gql_error_add(exec, obj, pf->slot, pf, NULL,
                                               d ? d->message : fallback,
                                               d ? d->message_len : sizeof fallback - 1, NULL);
            (void)rec;
            obj->slots[pf->slot].kind = GQL_RV_NULL;
            if (nonnull && rec) {
                /* __schema is non-null: the root data becomes null. */
                obj->dead = true;
                exec->data_null = true;
                exec->any_dead = true;
                rec->boundary = obj;
            }
            continue;
        }
        gql_text *text = gql_arena_alloc(&exec->arena, sizeof *text);
        char *copy = text ? gql_arena_strndup(&exec->arena, json, len) : NULL;
        if (!copy) {
            gql_exec_nomem(exec);
            break;
        }
        *text = (gql_text){copy, len};
        obj->slots[pf->slot].kind = GQL_RV_JSON;
        obj->slots[pf->slot].u.json = text;
        /* Field errors inside (a defaultValue graphql-core cannot print)
         * stay beside the data, at the introspection field. */
        for (size_t k = 0; k < errors.count; k++)
            gql_error_add(exec, obj, pf->slot, pf, NULL, errors.items[k].message,
                          errors.items[k].message_len, NULL);
    }
    gql_free(json);
    gql_error_list_clear(&errors);
}
