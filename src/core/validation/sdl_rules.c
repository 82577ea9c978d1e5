/*
 * sdl_rules.c: the SDL validation rules build_ast_schema runs
 * (graphql-core's specified_sdl_rules), in its order, which is the order of
 * errors reported on the same node.
 */
#include "validation/rules/rules.h"

const gql_rule *const gql_specified_sdl_rules[] = {
    &gql_rule_lone_schema_definition,
    &gql_rule_unique_operation_types,
    &gql_rule_unique_type_names,
    &gql_rule_unique_enum_value_names,
    &gql_rule_unique_field_definition_names,
    &gql_rule_unique_argument_definition_names,
    &gql_rule_unique_directive_names,
    &gql_rule_known_type_names,
    &gql_rule_known_directives,
    &gql_rule_unique_directives_per_location,
    &gql_rule_possible_type_extensions,
    &gql_rule_known_argument_names_on_directives,
    &gql_rule_unique_argument_names,
    &gql_rule_unique_input_field_names,
    &gql_rule_provided_required_arguments_on_directives,
};

const size_t gql_specified_sdl_rule_count =
    sizeof gql_specified_sdl_rules / sizeof gql_specified_sdl_rules[0];
