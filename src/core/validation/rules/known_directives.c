/*
 * known_directives.c: graphql-core's KnownDirectivesRule. Every applied
 * directive is defined, and used at one of the locations it was defined
 * for. As in graphql-core, an argument definition's directive counts as on
 * an input field definition only inside an input object type definition
 * (not inside an extension of one).
 */
#include "validation/rules/rules.h"

/* get_directive_location_for_ast_path; false when the node the directive is
 * applied to has no location (which graphql-core then does not check). */
static bool location_of(const gql_validation_context *ctx, gql_directive_location *out) {
    const gql_node *applied_to = gql_validation_ancestor(ctx, 1);
    if (!applied_to) return false;
    switch ((gql_kind)applied_to->kind) {
    case GQL_OPERATION_DEFINITION:
        switch (applied_to->flags) {
        case GQL_QUERY: *out = GQL_LOCATION_QUERY; return true;
        case GQL_MUTATION: *out = GQL_LOCATION_MUTATION; return true;
        default: *out = GQL_LOCATION_SUBSCRIPTION; return true;
        }
    case GQL_INPUT_VALUE_DEFINITION: {
        const gql_node *owner = gql_validation_ancestor(ctx, 2);
        *out = owner && owner->kind == GQL_INPUT_OBJECT_TYPE_DEFINITION
                   ? GQL_LOCATION_INPUT_FIELD_DEFINITION
                   : GQL_LOCATION_ARGUMENT_DEFINITION;
        return true;
    }
    case GQL_FIELD: *out = GQL_LOCATION_FIELD; return true;
    case GQL_FRAGMENT_SPREAD: *out = GQL_LOCATION_FRAGMENT_SPREAD; return true;
    case GQL_INLINE_FRAGMENT: *out = GQL_LOCATION_INLINE_FRAGMENT; return true;
    case GQL_FRAGMENT_DEFINITION: *out = GQL_LOCATION_FRAGMENT_DEFINITION; return true;
    case GQL_VARIABLE_DEFINITION: *out = GQL_LOCATION_VARIABLE_DEFINITION; return true;
    case GQL_SCHEMA_DEFINITION:
    case GQL_SCHEMA_EXTENSION: *out = GQL_LOCATION_SCHEMA; return true;
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_SCALAR_TYPE_EXTENSION: *out = GQL_LOCATION_SCALAR; return true;
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_EXTENSION: *out = GQL_LOCATION_OBJECT; return true;
    case GQL_FIELD_DEFINITION: *out = GQL_LOCATION_FIELD_DEFINITION; return true;
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_EXTENSION: *out = GQL_LOCATION_INTERFACE; return true;
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_UNION_TYPE_EXTENSION: *out = GQL_LOCATION_UNION; return true;
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_EXTENSION: *out = GQL_LOCATION_ENUM; return true;
    case GQL_ENUM_VALUE_DEFINITION: *out = GQL_LOCATION_ENUM_VALUE; return true;
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION: *out = GQL_LOCATION_INPUT_OBJECT; return true;
    case GQL_DIRECTIVE_DEFINITION: *out = GQL_LOCATION_DIRECTIVE_DEFINITION; return true;
    default: return false;
    }
}

static gql_visit_action enter_directive(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    const gql_sym *name = ((const gql_directive *)n)->name->value;
    const gql_directive_info *info = gql_validation_directive(ctx, name);
    gql_ast_ref at = gql_here(ctx, n);
    if (!info || !info->locations) {
        gql_validation_report(ctx, &at, 1, "Unknown directive '@%s'.", name->str);
        return GQL_VISIT_CONTINUE;
    }
    gql_directive_location loc;
    if (location_of(ctx, &loc) && !(info->locations & (1u << loc)))
        gql_validation_report(ctx, &at, 1, "Directive '@%s' may not be used on %s.", name->str,
                              gql_directive_location_text(loc));
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_known_directives = {
    .name = "KnownDirectivesRule",
    .enter = {[GQL_DIRECTIVE] = enter_directive},
};
