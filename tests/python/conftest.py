"""Known gaps of graftql's executor against graphql-core 3.2.14, each marked
``xfail(strict=True)`` on the graftql variant of its test: a gap that gets
fixed turns its test red until its line here is removed. The closing note of
the execution issue lists them with what would close each."""

from __future__ import annotations

import pytest

_PARSE_LITERAL_VALIDATION = (
    "validation does not call a custom scalar's parse_literal yet (the ValuesOfCorrectType hook)"
)
_VARIABLE_ORIGINAL = "variable coercion errors do not carry original_error yet"

KNOWN_GAPS: dict[str, str] = {
    "test_execute_variables.py::test_a_faulty_scalar_literal_is_a_validation_error[graftql]": _PARSE_LITERAL_VALIDATION,
    "test_execute_variables.py::test_a_scalar_literal_its_parse_literal_refuses[graftql]": _PARSE_LITERAL_VALIDATION,
    "test_execute_variables.py::test_input_object_variable_errors[graftql-faulty scalar]": _VARIABLE_ORIGINAL,
    "test_execute_variables.py::test_a_variable_error_keeps_the_original_error[graftql]": _VARIABLE_ORIGINAL,
    "test_execute_variables.py::test_a_parse_value_exception_is_the_original_error[graftql]": _VARIABLE_ORIGINAL,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        key = item.nodeid.split("/")[-1]
        reason = KNOWN_GAPS.get(key)
        if reason is not None:
            item.add_marker(pytest.mark.xfail(reason=f"known gap: {reason}", strict=True))
