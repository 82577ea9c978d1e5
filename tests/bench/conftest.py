"""Building a Strawberry schema adds an ``isOneOf`` field to graphql-core's
process-wide ``__Type`` introspection type (Strawberry's
``Schema._extend_introspection``), which changes graphql-core's
introspection results for every later test of the process (the schema
differential tests compare against them). Each benchmark test gets
graphql-core's introspection types back as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from graphql.type import GraphQLObjectType, introspection_types


@pytest.fixture(autouse=True)
def _graphql_core_introspection_restored() -> Iterator[None]:
    type_type = introspection_types["__Type"]
    assert isinstance(type_type, GraphQLObjectType)
    saved = dict(type_type.fields)
    yield
    fields = type_type.fields
    fields.clear()
    fields.update(saved)
