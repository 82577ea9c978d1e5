"""The workload registry.

A workload is one operation measured on every peer that supports it: for
each peer, a setup function receives the peer's module and returns a
zero-argument callable doing one operation (inputs are prepared in the setup,
outside the timing). Peers a workload has no setup for are left out of its
report; peers that are not installed are reported as skipped, and so are
peers whose setup raises PeerUnavailable (a feature the peer lacks).

An operation that a plain Python loop cannot time (a coroutine, which needs
an event loop; an operation inside node) is returned as a Timed instead:
timed_async() makes one from an async callable, bench/nodepeers.py from a
node child process.

To add a workload (validate, execute, http, ...), write a module under
bench/workloads/ that calls register() and import it in
bench/workloads/__init__.py.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

Op = Callable[[], object]


def _nothing() -> None:
    return None


@dataclass
class Timed:
    """An operation with its own timer.

    output() does one operation and returns its result (for the check);
    run(loops) does `loops` operations and returns the seconds they took;
    close() releases what the operation holds (an event loop, a process).
    """

    output: Callable[[], object]
    run: Callable[[int], float]
    close: Callable[[], None] = field(default=_nothing)


def timed_async(op: Callable[[], Awaitable[object]]) -> Timed:
    """An async operation, awaited `loops` times in one coroutine on an event
    loop of its own (asyncio's default loop), so that the loop's start and
    stop are not counted in each operation."""
    loop = asyncio.new_event_loop()

    async def many(loops: int) -> float:
        start = time.perf_counter()
        for _ in range(loops):
            await op()
        return time.perf_counter() - start

    async def once() -> object:
        return await op()

    return Timed(
        output=lambda: loop.run_until_complete(once()),
        run=lambda loops: loop.run_until_complete(many(loops)),
        close=loop.close,
    )


# The module of a Python peer, or what a non-Python peer's load() returns.
Setup = Callable[[Any], Op | Timed]
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
