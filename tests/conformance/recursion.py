"""A deeper recursion limit for the differential tests, and for them only.

graphql-core recurses a few Python frames per level of a document, and the
differential tests take it to its own limits (200 levels and more), which
can come close to the default recursion limit of 1000 under pytest. They
raise the limit while they run, and put it back afterwards: left raised for
the whole session, it lets unbounded recursion elsewhere (graphql-core
unrolling a cycle of input-object defaults, tests/python/test_schema_api.py)
run until it overflows the C stack on Python 3.10, where each Python call
takes C stack, instead of raising RecursionError."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def recursion_limit(limit: int) -> Iterator[None]:
    """At least limit as the recursion limit inside the block."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
