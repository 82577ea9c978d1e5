"""The implementations a workload is measured on.

A peer is a GraphQL implementation the harness can load, or report as
skipped with the reason. graphql-core is the baseline: every ratio in a
report is relative to it, and it must be installed.

Python peers run in this process and are timed as plain Python calls (or,
for async operations, awaited in a loop on an event loop: registry.Timed).

- Strawberry and Ariadne (in process): both run on graphql-core, so they add
  nothing to the language workloads; they join the execute workloads (and
  later http), where their schema layer and resolvers add their own cost.
  They are the `bench` extra (pip install -e '.[bench]', as make bench does).
- graphql-js and graphql-jit (through node, bench/nodepeers.py): timed
  inside node, in a child process the harness starts once per workload and
  peer. They supply a Timed (`run(loops) -> seconds`) instead of a Python
  callable, so the harness alternates them across rounds like the in-process
  peers.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from dataclasses import dataclass
from types import ModuleType


class PeerUnavailable(Exception):
    """The peer cannot run here; the message says why (shown as "skipped")."""


@dataclass(frozen=True)
class Peer:
    name: str  # as shown in reports, and the key workloads use
    module: str  # the module to import
    distribution: str  # the package name, for its version and the install hint
    baseline: bool = False

    def load(self) -> ModuleType:
        try:
            return importlib.import_module(self.module)
        except ImportError as exc:
            raise PeerUnavailable(
                f"not installed ({exc}); pip install {self.distribution}"
            ) from None

    def version(self) -> str:
        try:
            return importlib.metadata.version(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return "?"


GRAPHQL_CORE = Peer("graphql-core", "graphql", "graphql-core", baseline=True)
GRAFTQL = Peer("graftql", "graftql", "graftql")
STRAWBERRY = Peer("strawberry", "strawberry", "strawberry-graphql")
ARIADNE = Peer("ariadne", "ariadne", "ariadne")


def _all_peers() -> tuple[Peer, ...]:
    from bench.nodepeers import GRAPHQL_JIT, GRAPHQL_JS

    # In report order, the baseline first.
    return (GRAPHQL_CORE, GRAFTQL, STRAWBERRY, ARIADNE, GRAPHQL_JS, GRAPHQL_JIT)


PEERS: tuple[Peer, ...] = _all_peers()
