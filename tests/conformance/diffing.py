"""Failure reports shared by the differential tests: where two trees first
differ, and a unified diff of two texts (graphql-core's against graftql's)."""

from __future__ import annotations

import difflib
from typing import Any


def first_difference(expected: Any, got: Any, path: str = "") -> str:
    """Path and values of the first place where two JSON-like trees differ,
    order of keys and items included."""
    if type(expected) is not type(got):
        return f"at {path or '<root>'}: expected {expected!r:.300}, got {got!r:.300}"
    if isinstance(expected, dict):
        for key in expected.keys() | got.keys():
            if key not in got:
                return f"at {path}.{key}: missing in graftql (expected {expected[key]!r:.300})"
            if key not in expected:
                return f"at {path}.{key}: unexpected key (value {got[key]!r:.300})"
        for key in expected:
            if expected[key] != got[key]:
                return first_difference(expected[key], got[key], f"{path}.{key}")
        if list(expected) != list(got):
            return f"at {path or '<root>'}: key order {list(expected)} != {list(got)}"
    elif isinstance(expected, list):
        for i, (a, b) in enumerate(zip(expected, got, strict=False)):
            if a != b:
                name = a.get("name") if isinstance(a, dict) else None
                label = f" {name}" if isinstance(name, str) else ""
                return first_difference(a, b, f"{path}[{i}{label}]")
        if len(expected) != len(got):
            return f"at {path}: expected {len(expected)} items, got {len(got)}"
    elif expected != got:
        return f"at {path or '<root>'}: expected {expected!r:.300}, got {got!r:.300}"
    return "no difference"


def text_diff(expected: str, got: str, limit: int = 2000) -> str:
    """A unified diff, graphql-core's text first, cut at limit characters."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        got.splitlines(keepends=True),
        "graphql-core",
        "graftql",
        n=1,
    )
    text = "".join(lines)
    return text if len(text) < limit else text[:limit] + "...\n"
