"""The figures examples/shop/README.md quotes: the full seed's time, and the
mobile query's latency through ``execute_async`` on the full database.

    python -m examples.shop.measure [--runs 50]

It seeds into a temporary directory (the served database is left alone).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from examples.shop import db
from examples.shop.app import build_schema
from examples.shop.loyalty import LoyaltyService
from examples.shop.resolvers import Shop

MOBILE_QUERY = """
{
  users(first: 100) {
    id name email createdAt
    orders { id status placedAt totalCents items { quantity unitPriceCents product { name } } }
    loyalty { points tier }
  }
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="mobile queries timed (default 50)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "shop.sqlite"
        started = time.perf_counter()
        db.seed(path)
        print(
            f"full seed: {time.perf_counter() - started:.2f} s, {path.stat().st_size / 1e6:.0f} MB"
        )
        conn = db.connect(path)
        schema = build_schema()
        for latency in (0.005, 0.0):
            shop = Shop(conn, LoyaltyService(conn, latency=latency))
            statements: list[str] = []
            conn.set_trace_callback(statements.append)
            result = asyncio.run(schema.execute_async(MOBILE_QUERY, context_value=shop))
            conn.set_trace_callback(None)
            assert not result.errors, result.errors
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                asyncio.run(schema.execute_async(MOBILE_QUERY, context_value=shop))
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            print(
                f"mobile query, loyalty latency {latency * 1000:.0f} ms: "
                f"median {statistics.median(times):.1f} ms, "
                f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms "
                f"({runs} runs, {len(statements)} SQL statements)"
            )
        conn.close()


if __name__ == "__main__":
    main()
