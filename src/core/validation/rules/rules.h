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

#endif /* GQL_RULES_H */
