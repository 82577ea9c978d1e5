"""Where W1-to-dicts time goes: graftql's execution apart from CPython's
price for a response made of Python objects (building the dicts and lists,
freeing them, the cycle collector's pass over them), with CPython's own
fastest builder of the same tree (``marshal.loads``) for reference.

    python -m bench.floor [--rounds N]

CPU time of this thread, best of N rounds; graphql-core's W1 for the ratio.
"""

from __future__ import annotations

import argparse
import gc
import marshal
import time
from collections.abc import Callable
from typing import Any

import graphql

import graftql
from bench.workloads import shop


def best(fn: Callable[[], Any], rounds: int) -> float:
    """The fastest of ``rounds`` calls, in ms of CPU time."""
    times = []
    for _ in range(rounds):
        start = time.thread_time()
        fn()
        times.append(time.thread_time() - start)
    return min(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=25, help="rounds per figure (25)")
    rounds = parser.parse_args().rounds

    schema = graftql.Schema(shop.SDL)
    core = graphql.build_schema(shop.SDL)
    root = shop.root()
    query = shop.BIG_QUERY

    def execute() -> Any:
        return schema.execute(query, root_value=root)

    reference = best(lambda: graphql.graphql_sync(core, query, root_value=root).data, 5)
    executed = best(execute, rounds)
    whole = best(lambda: execute().to_dict(), rounds)
    gc.disable()
    try:
        without_gc = best(lambda: execute().to_dict(), rounds)
        results = iter([execute() for _ in range(rounds)])
        build = best(lambda: next(results).to_dict(), rounds)
        results = iter(())  # the executions go
        frees = []
        for _ in range(rounds):
            data = execute().to_dict()
            start = time.thread_time()
            del data
            frees.append(time.thread_time() - start)
        free = min(frees) * 1e3
    finally:
        gc.enable()
    dumped = marshal.dumps(execute().to_dict())
    marshal_loads = best(lambda: marshal.loads(dumped), rounds)

    print(f"graphql-core W1 to dicts     {reference:7.1f} ms (30x: {reference / 30:.1f} ms)")
    print(f"graftql execute + to_dict    {whole:7.1f} ms ({reference / whole:.1f}x)")
    print(f"  executing (the C tree)     {executed:7.1f} ms")
    print(f"  to_dict building           {build:7.1f} ms")
    print(f"  freeing the dicts          {free:7.1f} ms")
    print(f"  the cycle collector        {whole - without_gc:7.1f} ms")
    print(f"marshal.loads of the tree    {marshal_loads:7.1f} ms (build, free and collector)")


if __name__ == "__main__":
    main()
