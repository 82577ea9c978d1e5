"""The workload registry.

A workload is one operation measured on every peer that supports it: for
each peer, a setup function receives the peer's module and returns a
zero-argument callable doing one operation (inputs are prepared in the setup,
outside the timing). Peers a workload has no setup for are left out of its
report; peers that are not installed are reported as skipped.

To add a workload (validate, execute, http, ...), write a module under
bench/workloads/ that calls register() and import it in
bench/workloads/__init__.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType

Op = Callable[[], object]
Setup = Callable[[ModuleType], Op]
# Given {peer name: (its module, the result of one call of its op)}, says
# what differs from the baseline, or None when the peers agree.
Check = Callable[[Mapping[str, tuple[ModuleType, object]]], str | None]


@dataclass(frozen=True)
class Workload:
    name: str
    description: str  # one line: what one operation is
    setups: Mapping[str, Setup]  # by peer name
    inputs: Callable[[], str]  # describes the input (size), computed when reported
    check: Check | None = None


WORKLOADS: dict[str, Workload] = {}


def register(workload: Workload) -> Workload:
    if workload.name in WORKLOADS:
        raise ValueError(f"workload {workload.name!r} registered twice")
    WORKLOADS[workload.name] = workload
    return workload
