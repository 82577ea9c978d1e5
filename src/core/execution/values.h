/*
 * values.h: coercing input values for the executor (private), as
 * graphql-core 3.2's execution/values.py and utilities/coerce_input_value.py
 * and value_from_ast.py do, over the host protocol (gql_host's input side):
 *
 *   gql_coerce_variables   coerce_variable_values: the operation's variable
 *                          definitions against the host's input mapping,
 *                          defaults applied, graphql-core's messages;
 *   gql_coerce_arguments   get_argument_values: a field's or directive's
 *                          arguments from their literals and the coerced
 *                          variables, as one host object (the kwargs);
 *   gql_value_from_ast     value_from_ast: one literal against an input type.
 *
 * Values are built with the host's make_* functions: ints, floats, strings,
 * booleans, lists, objects (dicts), enum values (host->enum_value), custom
 * scalars (host->parse_literal / parse_value). Everything built is owned by
 * the caller (release with host->release) unless stated otherwise.
 *
 * What this expects of the host, beyond graftql.h's comments:
 *   - list_set and object_set take the item whether they succeed or not;
 *   - input_kind, input_field and input_key also work on values the host
 *     built (coerced objects are read back: a @oneOf field's null, @skip's
 *     "if");
 *   - input_float of an INT that does not fit in int64 is the nearest
 *     double, or an infinity past the range (Float's float(int) overflow);
 *   - a custom scalar's parse_value error message is used as graphql-core's
 *     GraphQLError message: a host wraps another exception e as graphql-core
 *     does ("Expected type 'X'. " + str(e)), and reports a parse_value that
 *     returned Undefined as "Expected type 'X'.";
 *   - parse_literal gets the coerced variables object, or NULL when there
 *     are none (graphql-core calls parse_literal(node) without them then).
 * Out of memory: a make_* (or parse_*) returning NULL.
 *
 * Not supported: graphql-core's hide_suggestions for these messages.
 */
#ifndef GQL_EXECUTION_VALUES_H
#define GQL_EXECUTION_VALUES_H

#include <stdbool.h>
#include <stdint.h>

#include "graftql.h"
#include "strbuf.h"
#include "type/schema.h"

/* What coercion works with: the schema, the document (for locations), the
 * host and its context. */
typedef struct gql_values_env {
    const gql_schema *schema;
    const gql_document *document;
    const gql_host *host;
    void *ctx;
} gql_values_env;

/*
 * The coerced variables of an operation, by variable definition: values[i]
 * for operation->variable_definitions.items[i], present[i] false where the
 * variable was neither provided nor defaulted (graphql-core leaves it out of
 * variable_values). object is the same as a host input object (what
 * info.variable_values shows), keys in definition order.
 */
typedef struct gql_coerced_variables {
    const gql_operation_definition *operation;
    uint32_t count;       /* variable definitions */
    gql_value *values;    /* owned; NULL where not present */
    bool *present;        /* per definition */
    gql_value object;     /* owned: {name: value} of the present ones */
} gql_coerced_variables;

/*
 * graphql-core's coerce_variable_values(schema, var_def_nodes, inputs,
 * on_error) with its messages and locations (each error located at the
 * variable definition, or its value node where graphql-core says so):
 *
 *   Variable '$x' expected value of type 'T' which cannot be used as an input type.
 *   Variable '$x' of required type 'Int!' was not provided.
 *   Variable '$x' of non-null type 'Int!' must not be null.
 *   Variable '$x' got invalid value 'abc'; Int cannot represent non-integer value: 'abc'
 *   Variable '$x' got invalid value {...} at 'x.a'; Field 'b' is not defined by type 'In'. Did you mean 'c'?
 *
 * inputs is a host input object or NULL (no variables given); anything
 * else is execute's TypeError, reported as "Variable values must be
 * provided as a dictionary with variable names as keys. Perhaps look to
 * see if an unparsed JSON string was provided.". At most max_errors errors
 * are reported (graphql-core's 50 by default), after which graphql-core's
 * "Too many errors processing variables, error limit reached. Execution
 * aborted." ends the list (no location). A variable's value nested more
 * than 200 levels along its type (input_is_nested_too_deeply) ends the list
 * with "Variable values are nested too deeply." (no location), before that
 * variable is coerced. Returns true when every variable
 * coerced (out filled, to release with gql_coerced_variables_release);
 * false with the errors appended (out released already), or on out of
 * memory (errors->status GQL_ERR_NOMEM).
 *
 * An error of coerce_input_value ("got invalid value") holds graphql-core's
 * original_error as its original (gql_diagnostic): the host error a custom
 * scalar's parse_value gave, or one host->make_error made from the message
 * after the prefix (none without make_error). The caller owns them: release
 * them with gql_values_errors_clear, or take them first (setting original
 * to NULL).
 */
bool gql_coerce_variables(const gql_values_env *env, const gql_operation_definition *operation,
                          gql_value inputs, uint32_t max_errors, gql_coerced_variables *out,
                          gql_error_list *errors);

/* Release the originals gql_coerce_variables left in errors, and clear it. */
void gql_values_errors_clear(const gql_values_env *env, gql_error_list *errors);

void gql_coerced_variables_release(const gql_values_env *env, gql_coerced_variables *vars);

/* The value of a variable by name (borrowed), or NULL when it is not present. */
gql_value gql_variable_value(const gql_coerced_variables *vars, const gql_sym *name);

/*
 * graphql-core's get_argument_values(def, node, variable_values): the
 * arguments of a field or directive (defs[0, def_count) in definition
 * order, nodes the gql_argument list written) as a new host object with the
 * arguments that have a value, in definition order (graphql-core's
 * coerced_values dict: an argument absent with no default is left out; one
 * given a variable that is not present falls back to its default or is left
 * out). On an error, returns NULL with graphql-core's message in *message
 * and the node it is located at in *at:
 *
 *   Argument 'x' of required type 'Int!' was not provided.        (at the field/directive node)
 *   Argument 'x' of non-null type 'Int!' must not be null.        (at the argument value)
 *   Argument 'x' of required type 'Int!' was provided the variable '$v' which was not provided a runtime value.
 *   Argument 'x' has invalid value 1.5.                           (at the argument value)
 *   Invalid value ... : ...   an input-object default coerced again (get_argument_values
 *                             does, for out names) that fails (at the field/directive node;
 *                             graphql-core leaves this one unlocated, so execute_field puts
 *                             it at every field node)
 *
 * owner is the field or directive node (for "was not provided"). NULL with
 * message untouched and *at NULL means out of memory.
 */
gql_value gql_coerce_arguments(const gql_values_env *env, const gql_schema_input_value *defs,
                               uint32_t def_count, const gql_list *nodes, const gql_node *owner,
                               const gql_coerced_variables *vars, gql_strbuf *message,
                               const gql_node **at);

/*
 * graphql-core's value_from_ast(value_node, type, variables): *out is the
 * coerced value (owned) and true, or false for graphql-core's Undefined
 * (the literal does not coerce; nothing in *out). A custom scalar's
 * parse_literal that raises also gives false (graphql-core catches it);
 * *nomem is set when an allocation failed.
 */
bool gql_value_from_ast(const gql_values_env *env, const gql_node *value,
                        const gql_type_ref *type, const gql_coerced_variables *vars,
                        gql_value *out, bool *nomem);

/*
 * graphql-core's should_include_node for @skip(if:) and @include(if:)
 * among directives, with the coerced variables: 1 when the node is
 * included, 0 when it is skipped, -1 when the directive's arguments do not
 * coerce (graphql-core raises the GraphQLError of get_argument_values out of
 * collect_fields, which ends the execution with that error and no data):
 * then *message and *at as for gql_coerce_arguments.
 */
int gql_should_include(const gql_values_env *env, const gql_list *directives,
                       const gql_coerced_variables *vars, gql_strbuf *message,
                       const gql_node **at);

#endif /* GQL_EXECUTION_VALUES_H */
