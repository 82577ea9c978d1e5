"""Type stubs for graftql._core, the C extension (src/pyext)."""

from typing import Any, Final, final

__version__: Final[str]

DEFAULT_MAX_TOKENS: Final[int]
DEFAULT_MAX_DEPTH: Final[int]
DEFAULT_MAX_SOURCE_LENGTH: Final[int]
MAX_DEPTH_CEILING: Final[int]

@final
class Document:
    """A parsed GraphQL document; made by parse(), immutable."""

    @property
    def source(self) -> str: ...
    @property
    def token_count(self) -> int: ...
    @property
    def no_location(self) -> bool: ...
    def to_dict(self, locations: bool = False) -> dict[str, Any]: ...

def parse(
    source: str,
    *,
    max_tokens: int | None = None,
    max_depth: int | None = None,
    max_source_length: int | None = None,
    no_location: bool = False,
) -> Document: ...
def print_ast(document: Document, /) -> str: ...
