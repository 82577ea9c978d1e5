"""The AST as Python code reads it, as graphql-core's ``graphql.language``.

``Node`` is a read-only view of a node of a parsed ``Document``, made by the
C core when it is read, with graphql-core's attributes (``node.kind``,
``node.name.value``, ``node.selection_set.selections``, ``node.loc``, ...).
``Location`` is its ``loc``: the start and end of the node in code points
and the document's text. ``OperationType`` is an operation definition's
``operation``. ``BREAK`` and ``SKIP`` are what a visitor method returns to
stop the walk or to skip a node's children, as graphql-core's.
"""

from __future__ import annotations

import enum
from typing import Any, Final

from graftql._core import Node

__all__ = ["BREAK", "SKIP", "Location", "Node", "OperationType", "VisitorAction"]


class OperationType(str, enum.Enum):
    """The type of an operation: ``node.operation`` of an operation definition.

    A ``str`` enum: ``node.operation.value == "query"`` as in graphql-core,
    and ``node.operation == "query"`` too.
    """

    QUERY = "query"
    MUTATION = "mutation"
    SUBSCRIPTION = "subscription"

    def __str__(self) -> str:
        return self.value


class VisitorAction(enum.Enum):
    """What a visitor method returns to steer the walk (graphql-core's
    ``VisitorActionEnum``): ``None`` goes on, ``SKIP`` (or ``False``) leaves
    out the node's children, ``BREAK`` (or ``True``) stops."""

    BREAK = True
    SKIP = False


BREAK: Final[VisitorAction] = VisitorAction.BREAK
SKIP: Final[VisitorAction] = VisitorAction.SKIP


class Location:
    """Where a node is in its document: ``start`` and ``end`` in code points
    (graphql-core's ``Location``), and ``source``, the document's text.

    Unlike graphql-core's, ``source`` is the text itself (a ``str``, as
    ``GraphQLError.source`` is in graftql) and there are no tokens.
    """

    __slots__ = ("end", "source", "start")

    start: int
    end: int
    source: str

    def __init__(self, start: int, end: int, source: str) -> None:
        self.start = start
        self.end = end
        self.source = source

    def __str__(self) -> str:
        return f"{self.start}:{self.end}"

    def __repr__(self) -> str:
        return f"<Location {self.start}:{self.end}>"

    def __eq__(self, other: object) -> bool:
        # As graphql-core's: the same span, or a (start, end) pair.
        if isinstance(other, Location):
            return self.start == other.start and self.end == other.end
        if isinstance(other, (list, tuple)) and len(other) == 2:
            return bool(self.start == other[0] and self.end == other[1])
        return False

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __reduce__(self) -> tuple[Any, ...]:
        return Location, (self.start, self.end, self.source)
