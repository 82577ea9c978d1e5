/*
 * validate_fields.c: validate_schema's checks of object and interface
 * types (graphql-core's validate_fields, validate_interfaces,
 * validate_type_implements_interface and
 * validate_type_implements_ancestors): field and argument names and types,
 * required arguments that are deprecated, and that each implemented
 * interface is implemented fully, covariantly and without extra required
 * arguments.
 */
#include "type/validate.h"

#include <string.h>

#include "mem.h"

/* get_all_implements_interface_nodes: every node, in the type's definition
 * and extensions, naming iface among the implemented interfaces. Returns an
 * array from gql_malloc (NULL with *count 0 if none or out of memory). */
static gql_ast_ref *implements_nodes(const gql_schema_type *t, const gql_schema_type *iface,
                                     size_t *count) {
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        gql_ast_ref *out = NULL;
        if (pass == 1) {
            if (!n) break;
            out = gql_malloc(n * sizeof *out);
            if (!out) break;
            n = 0;
        }
        for (uint32_t i = 0; i <= t->extension_count; i++) {
            gql_ast_ref ref = gql_type_node(t, i);
            if (!ref.node) continue;
            const gql_list *ifaces = &((const gql_type_definition *)ref.node)->interfaces;
            for (uint32_t j = 0; j < ifaces->count; j++) {
                const gql_named_type *nt = (const gql_named_type *)ifaces->items[j];
                if (!gql_sym_equal(nt->name->value, iface->name)) continue;
                if (out) out[n] = (gql_ast_ref){&nt->base, ref.source};
                n++;
            }
        }
        if (pass == 1) {
            *count = n;
            return out;
        }
    }
    *count = 0;
    return NULL;
}

void gql_sv_validate_fields(gql_schema_validation *v, gql_schema_type *t) {
    if (!t->field_count) {
        gql_ast_ref *nodes = gql_malloc((1 + t->extension_count) * sizeof *nodes);
        if (!nodes) {
            gql_error_list_nomem(v->errors);
            return;
        }
        gql_sv_report(v, nodes, gql_sv_type_nodes(t, nodes),
                      "Type %s must define one or more fields.", t->name->str);
        gql_free(nodes);
    }
    for (uint32_t i = 0; i < t->field_count; i++) {
        gql_schema_field *f = &t->fields[i];
        gql_sv_check_name(v, f->name, f->ast);
        if (!gql_type_ref_is_output(f->type)) {
            gql_ast_ref at = gql_sv_type_node(f->ast);
            gql_sv_report(v, &at, 1, "The type of %s.%s must be Output Type but got: %s.",
                          t->name->str, f->name->str, gql_sv_type_str(&v->a, f->type));
        }
        for (uint32_t j = 0; j < f->arg_count; j++) {
            gql_schema_input_value *arg = &f->args[j];
            gql_sv_check_name(v, arg->name, arg->ast);
            if (!gql_type_ref_is_input(arg->type)) {
                gql_ast_ref at = gql_sv_type_node(arg->ast);
                gql_sv_report(v, &at, 1,
                              "The type of %s.%s(%s:) must be Input Type but got: %s.",
                              t->name->str, f->name->str, arg->name->str,
                              gql_sv_type_str(&v->a, arg->type));
            }
            if (gql_sv_is_required(v, arg) && arg->deprecation_reason.ptr) {
                gql_ast_ref at[2] = {gql_sv_deprecated_node(arg->ast),
                                     gql_sv_type_node(arg->ast)};
                gql_sv_report(v, at, 2, "Required argument %s.%s(%s:) cannot be deprecated.",
                              t->name->str, f->name->str, arg->name->str);
            }
        }
    }
}

static void implements_interface(gql_schema_validation *v, gql_schema_type *t,
                                 gql_schema_type *iface) {
    const char *tn = t->name->str, *in = iface->name->str;
    for (uint32_t i = 0; i < iface->field_count; i++) {
        gql_schema_field *ifield = &iface->fields[i];
        const char *fn = ifield->name->str;
        gql_schema_field *tfield = gql_type_field(t, ifield->name);
        if (!tfield) {
            gql_ast_ref *nodes = gql_malloc((2 + t->extension_count) * sizeof *nodes);
            if (!nodes) {
                gql_error_list_nomem(v->errors);
                return;
            }
            nodes[0] = ifield->ast;
            size_t n = 1 + gql_sv_type_nodes(t, nodes + 1);
            gql_sv_report(v, nodes, n, "Interface field %s.%s expected but %s does not provide it.",
                          in, fn, tn);
            gql_free(nodes);
            continue;
        }
        if (!gql_type_ref_is_subtype(tfield->type, ifield->type)) {
            gql_ast_ref at[2] = {gql_sv_type_node(ifield->ast), gql_sv_type_node(tfield->ast)};
            gql_sv_report(v, at, 2, "Interface field %s.%s expects type %s but %s.%s is type %s.",
                          in, fn, gql_sv_type_str(&v->a, ifield->type), tn, fn,
                          gql_sv_type_str(&v->b, tfield->type));
        }
        for (uint32_t j = 0; j < ifield->arg_count; j++) {
            gql_schema_input_value *iarg = &ifield->args[j];
            const char *an = iarg->name->str;
            gql_schema_input_value *targ = gql_find_arg(tfield->args, tfield->arg_count,
                                                        iarg->name);
            if (!targ) {
                gql_ast_ref at[2] = {iarg->ast, tfield->ast};
                gql_sv_report(v, at, 2,
                              "Interface field argument %s.%s(%s:) expected but %s.%s does not "
                              "provide it.",
                              in, fn, an, tn, fn);
                continue;
            }
            if (!gql_type_ref_equal(iarg->type, targ->type)) {
                gql_ast_ref at[2] = {gql_sv_type_node(iarg->ast), gql_sv_type_node(targ->ast)};
                gql_sv_report(v, at, 2,
                              "Interface field argument %s.%s(%s:) expects type %s but "
                              "%s.%s(%s:) is type %s.",
                              in, fn, an, gql_sv_type_str(&v->a, iarg->type), tn, fn, an,
                              gql_sv_type_str(&v->b, targ->type));
            }
        }
        for (uint32_t j = 0; j < tfield->arg_count; j++) {
            gql_schema_input_value *targ = &tfield->args[j];
            if (gql_find_arg(ifield->args, ifield->arg_count, targ->name) ||
                !gql_sv_is_required(v, targ))
                continue;
            gql_ast_ref at[2] = {targ->ast, ifield->ast};
            gql_sv_report(v, at, 2,
                          "Object field %s.%s includes required argument %s that is missing "
                          "from the Interface field %s.%s.",
                          tn, fn, targ->name->str, in, fn);
        }
    }
}

static bool implements(const gql_schema_type *t, const gql_schema_type *iface) {
    for (uint32_t i = 0; i < t->interface_count; i++)
        if (t->interfaces[i] == iface) return true;
    return false;
}

static void implements_ancestors(gql_schema_validation *v, gql_schema_type *t,
                                 gql_schema_type *iface) {
    for (uint32_t i = 0; i < iface->interface_count; i++) {
        gql_schema_type *transitive = iface->interfaces[i];
        if (implements(t, transitive)) continue;
        size_t n1, n2;
        gql_ast_ref *a = implements_nodes(iface, transitive, &n1);
        gql_ast_ref *b = implements_nodes(t, iface, &n2);
        gql_ast_ref *all = gql_malloc((n1 + n2 + 1) * sizeof *all);
        if (!all) {
            gql_error_list_nomem(v->errors);
        } else {
            if (n1) memcpy(all, a, n1 * sizeof *all);
            if (n2) memcpy(all + n1, b, n2 * sizeof *all);
            if (transitive == t)
                gql_sv_report(v, all, n1 + n2,
                              "Type %s cannot implement %s because it would create a circular "
                              "reference.",
                              t->name->str, iface->name->str);
            else
                gql_sv_report(v, all, n1 + n2,
                              "Type %s must implement %s because it is implemented by %s.",
                              t->name->str, transitive->name->str, iface->name->str);
        }
        gql_free(all);
        gql_free(a);
        gql_free(b);
    }
}

void gql_sv_validate_interfaces(gql_schema_validation *v, gql_schema_type *t) {
    for (uint32_t i = 0; i < t->interface_count; i++) {
        gql_schema_type *iface = t->interfaces[i];
        size_t n;
        gql_ast_ref *nodes = implements_nodes(t, iface, &n);
        bool repeated = false;
        for (uint32_t j = 0; j < i && !repeated; j++)
            repeated = t->interfaces[j] == iface && iface->kind == GQL_TYPE_INTERFACE;
        if (iface->kind != GQL_TYPE_INTERFACE) {
            gql_sv_report(v, nodes, n,
                          "Type %s must only implement Interface types, it cannot implement "
                          "%s.",
                          t->name->str, iface->name->str);
        } else {
            if (t == iface)
                gql_sv_report(v, nodes, n,
                              "Type %s cannot implement itself because it would create a "
                              "circular reference.",
                              t->name->str);
            if (repeated) {
                gql_sv_report(v, nodes, n, "Type %s can only implement %s once.", t->name->str,
                              iface->name->str);
            } else {
                gql_free(nodes);
                nodes = NULL;
                implements_ancestors(v, t, iface);
                implements_interface(v, t, iface);
            }
        }
        gql_free(nodes);
    }
}
