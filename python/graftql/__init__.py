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
from graftql.error import GraphQLError, GraphQLSyntaxError, SchemaError, SourceLocation
from graftql.execution import DataLoader, ExecutionResult, Path, Pending, Undefined, batch
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
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_SOURCE_LENGTH",
    "DEFAULT_MAX_TOKENS",
    "MAX_DEPTH_CEILING",
    "SKIP",
    "DataLoader",
    "Document",
    "EnumValueView",
    "ExecutionResult",
    "FieldView",
    "GraphQLError",
    "GraphQLSyntaxError",
    "InputValueView",
    "Location",
    "Node",
    "OperationType",
    "Path",
    "Pending",
    "Schema",
    "SchemaError",
    "SourceLocation",
    "TypeView",
    "Undefined",
    "ValidationContext",
    "ValidationRule",
    "__version__",
    "batch",
    "parse",
    "print_ast",
    "print_introspection_schema",
]
