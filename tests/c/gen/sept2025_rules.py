"""The September 2025 specification's validation rules that graphql-core
3.2.14 lacks, written as graphql-core rules so that the generated
expectations cover them (DESIGN.md: where the specification adds something,
graftql follows it and graphql-js 17 / graphql-core 3.3):

- KnownOperationTypesRule ("Operation Type Existence"): graphql-js 17's and
  graphql-core 3.3's rule, placed after ExecutableDefinitionsRule as there.
- No @skip or @include at the top level of a subscription ("Single Root
  Field", CollectSubscriptionFields): graphql-js 17 reports it first in
  SingleFieldSubscriptionsRule and then nothing else for the operation;
  graftql's message keeps graphql-core 3.2's quotes like the rule's others.
  SubscriptionRootConditionalsRule is that check alone (what graftql's
  gql_subscription_root_conditionals does); SingleFieldSubscriptions2025Rule
  is graphql-core 3.2.14's rule with the check in front.

SPECIFIED_RULES is graphql-core 3.2.14's specified_rules with these added.
"""
from graphql import GraphQLError, validation
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
)
from graphql.type import is_abstract_type
from graphql.validation import (
    ExecutableDefinitionsRule,
    SingleFieldSubscriptionsRule,
    ValidationRule,
    specified_rules,
)


class KnownOperationTypesRule(ValidationRule):
    """The schema has a root type for the operation's type."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args):
        operation = node.operation
        if not self.context.schema.get_root_type(operation):
            self.report_error(
                GraphQLError(
                    f"The {operation.value} operation is not supported by the schema.",
                    node,
                )
            )


def _applies(schema, root, condition):
    type_ = schema.get_type(condition.name.value)
    if type_ is None:
        return False
    if type_ is root:
        return True
    return is_abstract_type(type_) and schema.is_sub_type(type_, root)


def _conditionals(context, operation, root):
    """The @skip and @include directives of CollectSubscriptionFields'
    selections, in document order."""
    found = []
    visited = set()
    fragments = {
        definition.name.value: definition
        for definition in context.document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }

    def collect(selection_set):
        for selection in selection_set.selections:
            for directive in selection.directives or ():
                if directive.name.value in ("skip", "include"):
                    found.append(directive)
            if isinstance(selection, FieldNode):
                continue
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or _applies(context.schema, root, condition):
                    collect(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in visited:
                    continue
                visited.add(name)
                fragment = fragments.get(name)
                if fragment and _applies(context.schema, root, fragment.type_condition):
                    collect(fragment.selection_set)

    collect(operation.selection_set)
    return found


def report_conditionals(rule, node):
    """Report the subscription's top-level @skip and @include; True if any."""
    if node.operation != OperationType.SUBSCRIPTION:
        return False
    root = rule.context.schema.subscription_type
    if not root:
        return False
    found = _conditionals(rule.context, node, root)
    if not found:
        return False
    subject = (
        f"Subscription '{node.name.value}'" if node.name else "Anonymous Subscription"
    )
    rule.report_error(
        GraphQLError(
            subject + " must not use `@skip` or `@include` directives"
            " in the top level selection.",
            found,
        )
    )
    return True


class SubscriptionRootConditionalsRule(ValidationRule):
    """The check alone."""

    def enter_operation_definition(self, node, *_args):
        report_conditionals(self, node)


class SingleFieldSubscriptions2025Rule(SingleFieldSubscriptionsRule):
    """graphql-core 3.2.14's rule with the check in front."""

    def enter_operation_definition(self, node, *args):
        if not report_conditionals(self, node):
            super().enter_operation_definition(node, *args)


# graphql-core 3.2.14 rules that graftql runs in their September 2025
# version, by graphql-core's class name (the C rule's name): the C
# SingleFieldSubscriptionsRule calls gql_subscription_root_conditionals first.
REPLACED = {"SingleFieldSubscriptionsRule": SingleFieldSubscriptions2025Rule}


def rule_named(name):
    """The reference rule for a C rule's name."""
    return REPLACED.get(name) or getattr(validation, name, None) or globals()[name]


def _extended():
    rules = [REPLACED.get(rule.__name__, rule) for rule in specified_rules]
    rules.insert(rules.index(ExecutableDefinitionsRule) + 1, KnownOperationTypesRule)
    return rules


SPECIFIED_RULES = _extended()
