/*
 * rules.h: the validation rules, one per file in this directory, each
 * named after graphql-core's rule class (private).
 */
#ifndef GQL_RULES_H
#define GQL_RULES_H

#include "validation/validation.h"

extern const gql_rule gql_rule_lone_schema_definition;
extern const gql_rule gql_rule_unique_operation_types;
extern const gql_rule gql_rule_unique_type_names;
extern const gql_rule gql_rule_unique_enum_value_names;
extern const gql_rule gql_rule_unique_field_definition_names;
extern const gql_rule gql_rule_unique_argument_definition_names;
extern const gql_rule gql_rule_unique_directive_names;
extern const gql_rule gql_rule_known_type_names;
extern const gql_rule gql_rule_known_directives;
extern const gql_rule gql_rule_unique_directives_per_location;
extern const gql_rule gql_rule_possible_type_extensions;
extern const gql_rule gql_rule_known_argument_names_on_directives;
extern const gql_rule gql_rule_unique_argument_names;
extern const gql_rule gql_rule_unique_input_field_names;
extern const gql_rule gql_rule_provided_required_arguments_on_directives;

/* Executable rules (graphql-core's specified_rules). */
extern const gql_rule gql_rule_fragment_nesting;  /* graphql-core's FragmentNestingVisitor */
extern const gql_rule gql_rule_executable_definitions;
extern const gql_rule gql_rule_unique_operation_names;
extern const gql_rule gql_rule_lone_anonymous_operation;
extern const gql_rule gql_rule_single_field_subscriptions;
extern const gql_rule gql_rule_fragments_on_composite_types;
extern const gql_rule gql_rule_variables_are_input_types;
extern const gql_rule gql_rule_scalar_leafs;
extern const gql_rule gql_rule_fields_on_correct_type;
extern const gql_rule gql_rule_unique_fragment_names;
extern const gql_rule gql_rule_known_fragment_names;
extern const gql_rule gql_rule_no_unused_fragments;
extern const gql_rule gql_rule_possible_fragment_spreads;
extern const gql_rule gql_rule_no_fragment_cycles;
extern const gql_rule gql_rule_unique_variable_names;
extern const gql_rule gql_rule_no_undefined_variables;
extern const gql_rule gql_rule_no_unused_variables;
extern const gql_rule gql_rule_max_introspection_depth;
extern const gql_rule gql_rule_known_argument_names;
extern const gql_rule gql_rule_values_of_correct_type;
extern const gql_rule gql_rule_provided_required_arguments;
extern const gql_rule gql_rule_variables_in_allowed_position;
extern const gql_rule gql_rule_overlapping_fields_can_be_merged;

/* September 2025 additions (graphql-js 17). */
extern const gql_rule gql_rule_known_operation_types;

/* graphql-core's NoSchemaIntrospectionCustomRule: run after the specified
 * rules when gql_validate_options.no_introspection is set. */
extern const gql_rule gql_rule_no_schema_introspection;

/* The specification's ban of @skip and @include at the top level of a
 * subscription (subscription_root_conditionals.c), for
 * SingleFieldSubscriptionsRule to call before its own checks: true when it
 * reported an error (or ran out of memory), and the rule should then
 * report nothing else for the operation. */
bool gql_subscription_root_conditionals(gql_validation_context *ctx,
                                        const gql_operation_definition *operation);

#endif /* GQL_RULES_H */
