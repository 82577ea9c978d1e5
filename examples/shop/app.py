"""The shop demo's schema and ASGI app.

    python -m graftql serve examples.shop.app:app   # from the repository root

Creating the app is cheap: the database is opened (and seeded, the first
time) by the app's startup hook, which the server runs before serving.
"""

from __future__ import annotations

import os
from pathlib import Path

import graftql
from examples.shop import db
from examples.shop.loyalty import LoyaltyService
from examples.shop.resolvers import RESOLVERS, Shop
from graftql.asgi import GraphQLApp, Request

__all__ = ["SCHEMA_PATH", "app", "build_schema", "create_app"]

SCHEMA_PATH = Path(__file__).with_name("schema.graphql")


def build_schema() -> graftql.Schema:
    """The shop's schema (schema.graphql) with its resolvers bound."""
    return graftql.Schema(SCHEMA_PATH, resolvers=RESOLVERS)


def create_app(
    path: str | os.PathLike[str] | None = None,
    *,
    loyalty_latency: float | None = None,
    loyalty_failure_rate: float | None = None,
    **seed_sizes: int,
) -> GraphQLApp:
    """The app serving the shop at /graphql.

    :param path: the database (default: ``db.database_path()``, read at
        startup), seeded at startup when it does not exist, with
        ``seed_sizes`` (``db.seed()``'s keywords) or the full demo's size.
    :param loyalty_latency: the loyalty service's simulated latency in
        seconds (default: its environment's, 5 ms).
    :param loyalty_failure_rate: how often it fails, 0 to 1 (default 0).
    """
    shop: Shop | None = None

    def open_database() -> None:
        nonlocal shop
        conn = db.connect(path, **seed_sizes)
        loyalty = LoyaltyService(conn, latency=loyalty_latency, failure_rate=loyalty_failure_rate)
        shop = Shop(conn, loyalty)

    def close_database() -> None:
        if shop is not None:
            shop.conn.close()

    def context(_request: Request) -> Shop:
        if shop is None:
            raise RuntimeError("The shop's database is not open: the app's startup has not run")
        return shop

    def ready() -> bool:
        if shop is None:
            return False
        return shop.conn.execute("SELECT 1").fetchone() is not None

    return GraphQLApp(
        build_schema(),
        context=context,
        on_startup=[open_database],
        on_shutdown=[close_database],
        ready=ready,
    )


app = create_app()
