"""Known gaps of graftql's executor against graphql-core 3.2.14, each marked
``xfail(strict=True)`` on the graftql variant of its test: a gap that gets
fixed turns its test red until its line here is removed. None is open; the
differences kept by design are in docs/architecture.md ("Differences from
graphql-core") and tested as such."""

from __future__ import annotations

import pytest

KNOWN_GAPS: dict[str, str] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        key = item.nodeid.split("/")[-1]
        reason = KNOWN_GAPS.get(key)
        if reason is not None:
            item.add_marker(pytest.mark.xfail(reason=f"known gap: {reason}", strict=True))
