/*
 * unique_argument_definition_names.c: graphql-core's
 * UniqueArgumentDefinitionNamesRule. The arguments of each field (of object
 * and interface types and their extensions) and of each directive
 * definition are named uniquely.
 */
#include "mem.h"
#include "strbuf.h"
#include "validation/rules/rules.h"

static void check_args(gql_validation_context *ctx, const gql_list *args, const char *parent) {
    if (args->count < 2) return;
    const gql_name **names = gql_malloc(args->count * sizeof *names);
    if (!names) {
        ctx->nomem = true;
        return;
    }
    for (uint32_t i = 0; i < args->count; i++)
        names[i] = ((const gql_input_value_definition *)args->items[i])->name;
    gql_validation_report_repeats(ctx, names, args->count,
                                  "Argument '%s(%s:)' can only be defined once.", parent);
    gql_free(names);
}

static gql_visit_action enter_directive_definition(gql_validation_context *ctx, void *st,
                                                   const gql_node *n) {
    (void)st;
    const gql_directive_definition *def = (const gql_directive_definition *)n;
    gql_strbuf parent = GQL_STRBUF_INIT;
    gql_strbuf_puts(&parent, "@");
    gql_strbuf_puts(&parent, def->name->value->str);
    if (parent.nomem) ctx->nomem = true;
    else check_args(ctx, &def->arguments, gql_strbuf_cstr(&parent));
    gql_strbuf_free(&parent);
    return GQL_VISIT_SKIP;
}

static gql_visit_action enter_type(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_type_definition *def = (const gql_type_definition *)n;
    gql_strbuf parent = GQL_STRBUF_INIT;
    for (uint32_t i = 0; i < def->members.count; i++) {
        const gql_field_definition *field = (const gql_field_definition *)def->members.items[i];
        if (field->arguments.count < 2) continue;
        gql_strbuf_reset(&parent);
        gql_strbuf_puts(&parent, def->name->value->str);
        gql_strbuf_puts(&parent, ".");
        gql_strbuf_puts(&parent, field->name->value->str);
        if (parent.nomem) {
            ctx->nomem = true;
            break;
        }
        check_args(ctx, &field->arguments, gql_strbuf_cstr(&parent));
    }
    gql_strbuf_free(&parent);
    return GQL_VISIT_SKIP;
}

const gql_rule gql_rule_unique_argument_definition_names = {
    .name = "UniqueArgumentDefinitionNamesRule",
    .enter = {
        [GQL_DIRECTIVE_DEFINITION] = enter_directive_definition,
        [GQL_INTERFACE_TYPE_DEFINITION] = enter_type,
        [GQL_INTERFACE_TYPE_EXTENSION] = enter_type,
        [GQL_OBJECT_TYPE_DEFINITION] = enter_type,
        [GQL_OBJECT_TYPE_EXTENSION] = enter_type,
    },
};
