"""graftql: a GraphQL engine for Python whose core is written in C.

>>> import graftql
>>> document = graftql.parse("{ hello }")
>>> graftql.print_ast(document)
'{\\n  hello\\n}'
"""

from graftql._core import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_SOURCE_LENGTH,
    DEFAULT_MAX_TOKENS,
    MAX_DEPTH_CEILING,
    Document,
    __version__,
    parse,
    print_ast,
)
from graftql.execution import DataLoader, ExecutionResult, Path, Pending, batch
from graftql.error import GraphQLError, GraphQLSyntaxError, SchemaError, SourceLocation
from graftql.language import BREAK, SKIP, Location, Node, OperationType
from graftql.schema import (
    EnumValueView,
    FieldView,
    InputValueView,
    Schema,
    TypeView,
    print_introspection_schema,
)
from graftql.validation import ValidationContext, ValidationRule

__all__ = [
    "BREAK",
    "DataLoader",
    "ExecutionResult",
    "Path",
    "Pending",
    "batch",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_SOURCE_LENGTH",
    "DEFAULT_MAX_TOKENS",
    "MAX_DEPTH_CEILING",
    "SKIP",
    "Document",
    "EnumValueView",
    "FieldView",
    "GraphQLError",
    "GraphQLSyntaxError",
    "InputValueView",
    "Location",
    "Node",
    "OperationType",
    "Schema",
    "SchemaError",
    "SourceLocation",
    "TypeView",
    "ValidationContext",
    "ValidationRule",
    "__version__",
    "parse",
    "print_ast",
    "print_introspection_schema",
]
