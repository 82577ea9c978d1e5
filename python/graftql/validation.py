"""Custom validation rules, written as graphql-core writes them.

A rule is a subclass of ``ValidationRule`` (graphql-core's
``ASTValidationRule``): made once per validation with the
``ValidationContext``, it has ``enter_<kind>`` and ``leave_<kind>`` methods
(or generic ``enter`` and ``leave``) called with graphql-core's visit()
arguments ``(node, key, parent, path, ancestors)`` as the C core walks the
document, and reports with ``self.report_error(GraphQLError(message,
node))``. A method returns ``None``, ``SKIP`` (leave out the node's
children) or ``BREAK`` (this rule sees nothing more). Pass the classes to
``Schema.validate(..., rules=[...])``: they run after the specified rules,
in the same walk, as graphql-core's ``validate(schema, document,
[*specified_rules, *rules])`` runs them, so their errors interleave with the
built-in ones exactly as in graphql-core.

>>> import graftql
>>> class NoSecrets(graftql.ValidationRule):
...     def enter_field(self, node, *_args):
...         if node.name.value == "secret":
...             self.report_error(graftql.GraphQLError("No secrets.", node))
>>> schema = graftql.Schema("type Query { secret: String, open: String }")
>>> [error.formatted for error in schema.validate("{ open secret }", rules=[NoSecrets])]
[{'message': 'No secrets.', 'locations': [{'line': 1, 'column': 8}]}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from graftql import _core
from graftql._core import NODE_KINDS, ValidationAborted, ValidationContext
from graftql.language import BREAK as _BREAK
from graftql.language import SKIP as _SKIP
from graftql.language import VisitorAction

if TYPE_CHECKING:
    from graftql.error import GraphQLError

__all__ = ["ValidationAborted", "ValidationContext", "ValidationRule"]

# Kinds graphql-core accepts in a method name without ever calling the
# method (its abstract node classes): kept valid so that rules port as they
# are.
_ABSTRACT_KINDS = frozenset(
    {
        "definition",
        "executable_definition",
        "selection",
        "value",
        "type",
        "type_definition",
        "type_extension",
        "type_system_definition",
        "const_argument",
        "const_directive",
        "const_list_value",
        "const_object_field",
        "const_object_value",
    }
)

_KINDS = frozenset(NODE_KINDS) | _ABSTRACT_KINDS


class ValidationRule:
    """A validation rule written in Python (graphql-core's ``ASTValidationRule``).

    :param context: the ``ValidationContext`` of the validation: the schema,
        the document, ``report_error`` and the walk's type information.

    Define ``enter_<kind>`` and ``leave_<kind>`` for the node kinds to look
    at (graphql-core's kind names: ``field``, ``operation_definition``,
    ``fragment_spread``, ...), or ``enter`` and ``leave`` for every node.
    Each is called with ``(node, key, parent, path, ancestors)``: the
    ``graftql.Node``, its key in its parent (an attribute name, or an index
    in a list), the parent (a node, or a tuple of nodes), the path of keys
    from the document and the nodes and tuples above the parent. Return
    ``None`` to go on, ``SKIP`` from an enter method to leave out the node's
    children (and its leave method), ``BREAK`` to stop this rule. Nodes are
    read-only: any other return value is a ``TypeError``.

    An exception raised by a method ends the validation and propagates out of
    ``Schema.validate``, as in graphql-core.
    """

    BREAK: ClassVar[VisitorAction] = _BREAK
    SKIP: ClassVar[VisitorAction] = _SKIP

    context: ValidationContext

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Check the method names, as graphql-core's Visitor does."""
        super().__init_subclass__(**kwargs)
        for attr in cls.__dict__:
            if attr.startswith("_"):
                continue
            what, _, kind = attr.partition("_")
            if what in ("enter", "leave") and kind and kind not in _KINDS:
                suggestions = _core.suggestion_list(kind, sorted(NODE_KINDS))
                raise TypeError(
                    f"Invalid AST node kind: {kind}."
                    + (_core.did_you_mean(suggestions) if suggestions else "")
                )

    def __init__(self, context: ValidationContext) -> None:
        self.context = context

    def report_error(self, error: GraphQLError) -> None:
        """Report a validation error (``self.context.report_error(error)``)."""
        self.context.report_error(error)
