/*
 * specified_rules.c: the rules gql_validate runs (graphql-core 3.2.14's
 * specified_rules), in its order, which is the order of errors reported on
 * the same node. A rule not written yet has a NULL slot (skipped).
 */
#include "validation/rules/rules.h"

const gql_rule *const gql_specified_rules[] = {
    &gql_rule_executable_definitions,
    &gql_rule_known_operation_types, /* September 2025 (graphql-js 17's place) */
    &gql_rule_unique_operation_names,
    &gql_rule_lone_anonymous_operation,
    &gql_rule_single_field_subscriptions,
    &gql_rule_known_type_names,
    &gql_rule_fragments_on_composite_types,
    &gql_rule_variables_are_input_types,
    &gql_rule_scalar_leafs,
    &gql_rule_fields_on_correct_type,
    &gql_rule_unique_fragment_names,
    &gql_rule_known_fragment_names,
    &gql_rule_no_unused_fragments,
    &gql_rule_possible_fragment_spreads,
    &gql_rule_no_fragment_cycles,
    &gql_rule_unique_variable_names,
    &gql_rule_no_undefined_variables,
    &gql_rule_no_unused_variables,
    &gql_rule_known_directives,
    &gql_rule_unique_directives_per_location,
    &gql_rule_known_argument_names,
    &gql_rule_unique_argument_names,
    &gql_rule_values_of_correct_type,
    &gql_rule_provided_required_arguments,
    &gql_rule_variables_in_allowed_position,
    &gql_rule_overlapping_fields_can_be_merged,
    &gql_rule_unique_input_field_names,
    &gql_rule_max_introspection_depth, /* graphql-core's recommended_rules */
    /* September 2025 rules go here. */
};

const size_t gql_specified_rule_count =
    sizeof gql_specified_rules / sizeof gql_specified_rules[0];
