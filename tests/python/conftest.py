"""Known gaps of graftql's executor against graphql-core 3.2.14, each marked
``xfail(strict=True)`` on the graftql variant of its test: a gap that gets
fixed turns its test red until its line here is removed. The closing note of
the execution issue lists them with what would close each."""

from __future__ import annotations

import pytest

_ASYNC_ITERABLE = "async iterables as list values (graphql-core's experimental) not supported yet"

KNOWN_GAPS: dict[str, str] = {
    "test_execute_async.py::test_fields_of_a_level_are_awaited_together[graftql]": "breadth-first order: resolvers of a wave start field by field, not object by object",
    "test_execute_lists.py::test_async_generator_as_list_value[graftql]": _ASYNC_ITERABLE,
    "test_execute_lists.py::test_async_generator_items_complete_like_list_items[graftql]": _ASYNC_ITERABLE,
    "test_execute_resolvers.py::test_operation_name[graftql]": "validation refuses an operation the schema lacks even when another is chosen",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        key = item.nodeid.split("/")[-1]
        reason = KNOWN_GAPS.get(key)
        if reason is not None:
            item.add_marker(pytest.mark.xfail(reason=f"known gap: {reason}", strict=True))
