"""The shop demo (examples/shop) on a small seeded database: the mobile
query's data against direct SQL, the exact number of SQL statements per
level, the mutations and every way they refuse input (nothing written), the
loyalty service failing, paging limits, deterministic and atomic seeding,
and one request through the ASGI app."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from examples.shop import db
from examples.shop.app import build_schema, create_app
from examples.shop.loyalty import LoyaltyService
from examples.shop.resolvers import Shop

SIZES = {"users": 600, "products": 20, "orders_per_user": 4, "items_per_order": 3}

MOBILE_QUERY = """
query Mobile($first: Int!) {
  users(first: $first) {
    id name email createdAt
    orders {
      id status placedAt totalCents
      items { quantity unitPriceCents product { id name priceCents } }
    }
    loyalty { points tier }
  }
}
"""

COUNTED_QUERY = (
    "query Counted($first: Int!) "
    "{ users(first: $first) { orders { items { product { name } } } loyalty { points } } }"
)

schema = build_schema()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shop") / "shop.sqlite"
    db.seed(path, **SIZES)
    return path


@pytest.fixture
def shop(seeded: Path, tmp_path: Path) -> Iterator[Shop]:
    """A fresh copy of the seeded database (mutations write to it)."""
    path = tmp_path / "shop.sqlite"
    shutil.copy(seeded, path)
    conn = db.connect(path)
    yield Shop(conn, LoyaltyService(conn, latency=0))
    conn.close()


def run(shop: Shop, query: str, **variables: Any) -> dict[str, Any]:
    result = asyncio.run(schema.execute_async(query, variables, context_value=shop))
    return result.to_dict()


def scalar(conn: sqlite3.Connection, sql: str, *params: Any) -> Any:
    return conn.execute(sql, params).fetchone()[0]


# ---- reading ------------------------------------------------------------------


def expected_users(conn: sqlite3.Connection, first: int) -> list[dict[str, Any]]:
    """The mobile query's users, read with plain per-row SQL."""
    users = []
    for user_id, name, email, created in conn.execute(
        "SELECT id, name, email, created_at FROM users ORDER BY id LIMIT ?", (first,)
    ):
        orders = []
        for order_id, status, placed, total in conn.execute(
            "SELECT id, status, placed_at, total_cents FROM orders WHERE user_id = ? "
            "ORDER BY placed_at DESC, id DESC LIMIT 10",
            (user_id,),
        ):
            items = [
                {
                    "quantity": quantity,
                    "unitPriceCents": unit,
                    "product": {"id": str(pid), "name": pname, "priceCents": price},
                }
                for quantity, unit, pid, pname, price in conn.execute(
                    "SELECT i.quantity, i.unit_price_cents, p.id, p.name, p.price_cents "
                    "FROM order_items i JOIN products p ON p.id = i.product_id "
                    "WHERE i.order_id = ? ORDER BY i.id",
                    (order_id,),
                )
            ]
            orders.append(
                {
                    "id": str(order_id),
                    "status": status,
                    "placedAt": placed,
                    "totalCents": total,
                    "items": items,
                }
            )
        points = sum(order["totalCents"] // 100 for order in orders) - scalar(
            conn, "SELECT COALESCE(SUM(points), 0) FROM redemptions WHERE user_id = ?", user_id
        )
        tier = "GOLD" if points >= 10_000 else "SILVER" if points >= 5_000 else "BRONZE"
        users.append(
            {
                "id": str(user_id),
                "name": name,
                "email": email,
                "createdAt": created,
                "orders": orders,
                "loyalty": {"points": points, "tier": tier},
            }
        )
    return users


def test_the_mobile_query_matches_the_database(shop: Shop) -> None:
    response = run(shop, MOBILE_QUERY, first=25)
    assert "errors" not in response
    assert response["data"]["users"] == expected_users(shop.conn, 25)
    assert all(len(user["orders"]) == 4 for user in response["data"]["users"])


@pytest.mark.parametrize("first", [10, 100, 500])
def test_one_statement_per_level(shop: Shop, first: int) -> None:
    statements: list[str] = []
    shop.conn.set_trace_callback(statements.append)
    response = run(shop, COUNTED_QUERY, first=first)
    shop.conn.set_trace_callback(None)
    assert "errors" not in response
    assert len(response["data"]["users"]) == first
    assert sum(len(user["orders"]) for user in response["data"]["users"]) == 4 * first

    def count(prefix: str) -> int:
        return sum(statement.startswith(prefix) for statement in statements)

    assert count("SELECT id, name, email, created_at AS createdAt FROM users WHERE id >") == 1
    assert count("SELECT id, user_id, status") == 1
    assert count("SELECT order_id, product_id") == 1
    assert count("SELECT id, name, price_cents") == 1
    assert count("SELECT u.id, COALESCE(") == 1  # the loyalty service's own
    assert len(statements) == 5, statements
    assert shop.loyalty.calls == 1


def test_id_lists_longer_than_a_chunk_take_one_statement_per_chunk(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = run(shop, MOBILE_QUERY, first=30)
    monkeypatch.setattr(db, "chunk_size", 7)
    statements: list[str] = []
    shop.conn.set_trace_callback(statements.append)
    assert run(shop, MOBILE_QUERY, first=30) == whole
    shop.conn.set_trace_callback(None)
    # 30 users, 120 orders, 360 items of at most 20 products, 30 for loyalty.
    assert len(statements) == 1 + 5 + 18 + 3 + 5


def test_root_fields(shop: Shop) -> None:
    response = run(
        shop,
        '{ me { id } user(id: "3") { id name } nobody: user(id: "x") { id }'
        ' missing: user(id: "9999") { id } product(id: "2") { id name priceCents }'
        " products(first: 3) { id } }",
    )
    product = shop.conn.execute("SELECT name, price_cents FROM products WHERE id = 2")
    name, price = product.fetchone()
    assert response == {
        "data": {
            "me": {"id": "1"},
            "user": {"id": "3", "name": scalar(shop.conn, "SELECT name FROM users WHERE id = 3")},
            "nobody": None,
            "missing": None,
            "product": {"id": "2", "name": name, "priceCents": price},
            "products": [{"id": "1"}, {"id": "2"}, {"id": "3"}],
        }
    }


def test_users_pages_after_an_id(shop: Shop) -> None:
    response = run(shop, '{ users(first: 3, after: "10") { id } }')
    assert response == {"data": {"users": [{"id": "11"}, {"id": "12"}, {"id": "13"}]}}


def test_orders_first_limits_each_user(shop: Shop) -> None:
    response = run(shop, "{ users(first: 5) { orders(first: 2) { id placedAt } } }")
    for user in response["data"]["users"]:
        assert len(user["orders"]) == 2
        assert user["orders"][0]["placedAt"] >= user["orders"][1]["placedAt"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "{ users(first: 501) { id } }",
            "users(first:) must be between 0 and 500, got 501; page on with after: the last id "
            "of a page.",
        ),
        ("{ users(first: -1) { id } }", None),
        ('{ users(after: "abc") { id } }', None),
        ("{ products(first: 501) { id } }", "products(first:) must be between 0 and 500, got 501."),
        (
            "{ me { orders(first: 101) { id } } }",
            "orders(first:) must be between 0 and 100, got 101.",
        ),
    ],
)
def test_page_sizes_beyond_the_limits_are_refused(
    shop: Shop, query: str, message: str | None
) -> None:
    response = run(shop, query)
    [error] = response["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    if message is not None:
        assert error["message"] == message


# ---- loyalty ---------------------------------------------------------------------


def test_the_loyalty_service_failing_nulls_loyalty_only(shop: Shop) -> None:
    shop.loyalty = LoyaltyService(shop.conn, latency=0, failure_rate=1.0)
    response = run(shop, "{ users(first: 3) { id loyalty { points } } }")
    assert response["data"] == {"users": [{"id": str(i), "loyalty": None} for i in (1, 2, 3)]}
    assert [error["path"] for error in response["errors"]] == [
        ["users", i, "loyalty"] for i in range(3)
    ]
    for error in response["errors"]:
        assert error["message"] == (
            "Loyalty service unavailable: the loyalty service timed out; retry later."
        )
        assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}


def test_the_loyalty_service_fails_as_its_seed_says() -> None:
    def outcomes(seed: int) -> list[bool]:
        conn = sqlite3.connect(":memory:")
        conn.executescript(db.TABLES)
        service = LoyaltyService(conn, latency=0, failure_rate=0.5, seed=seed)

        async def call() -> bool:
            try:
                await service.fetch_points([1])
            except Exception:
                return False
            return True

        return [asyncio.run(call()) for _ in range(20)]

    assert outcomes(7) == outcomes(7)
    assert True in outcomes(7) and False in outcomes(7)


# ---- mutations -------------------------------------------------------------------

PLACE = """
mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    id status totalCents items { quantity unitPriceCents product { id } }
  }
}
"""
REDEEM = """
mutation Redeem($userId: ID!, $points: Int!) { redeemPoints(userId: $userId, points: $points) {
  points tier } }
"""


def state(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """What a failed mutation must leave as it was."""
    return (
        *(scalar(conn, f"SELECT COUNT(*) FROM {table}") for table in db_tables()),
        db.points_of_users(conn, [1, 2]),
    )


def db_tables() -> tuple[str, ...]:
    return ("users", "products", "orders", "order_items", "redemptions")


def points(conn: sqlite3.Connection, user_id: int) -> int:
    return db.points_of_users(conn, [user_id])[user_id]


def test_place_order(shop: Shop) -> None:
    prices = dict(shop.conn.execute("SELECT id, price_cents FROM products WHERE id IN (2, 5)"))
    before = points(shop.conn, 1)
    orders = scalar(shop.conn, "SELECT COUNT(*) FROM orders")
    lines = [{"productId": "2", "quantity": 3}, {"productId": "5", "quantity": 1}]
    response = run(shop, PLACE, input={"userId": "1", "lines": lines})
    total = 3 * prices[2] + prices[5]
    order = response["data"]["placeOrder"]
    assert order == {
        "id": order["id"],
        "status": "PLACED",
        "totalCents": total,
        "items": [
            {"quantity": 3, "unitPriceCents": prices[2], "product": {"id": "2"}},
            {"quantity": 1, "unitPriceCents": prices[5], "product": {"id": "5"}},
        ],
    }
    assert scalar(shop.conn, "SELECT COUNT(*) FROM orders") == orders + 1
    assert scalar(shop.conn, "SELECT user_id FROM orders WHERE id = ?", int(order["id"])) == 1
    assert points(shop.conn, 1) == before + total // 100
    newest = run(shop, "{ me { orders(first: 1) { id } } }")
    assert newest["data"]["me"]["orders"] == [{"id": order["id"]}]


LINE = {"productId": "1", "quantity": 1}


@pytest.mark.parametrize(
    ("order", "message"),
    [
        ({"userId": "9999", "lines": [LINE]}, "Unknown user '9999' in input.userId."),
        ({"userId": "abc", "lines": [LINE]}, "Unknown user 'abc' in input.userId."),
        (
            {"userId": "1", "lines": [LINE, {"productId": "77", "quantity": 1}]},
            "Unknown product '77' in input.lines[1].",
        ),
        (
            {"userId": "1", "lines": [LINE, {"productId": "2", "quantity": 0}]},
            "input.lines[1].quantity must be between 1 and 100, got 0.",
        ),
        (
            {"userId": "1", "lines": [{"productId": "2", "quantity": 101}]},
            "input.lines[0].quantity must be between 1 and 100, got 101.",
        ),
        ({"userId": "1", "lines": []}, "An order needs at least one line: input.lines is empty."),
        ({"userId": "1", "lines": [LINE] * 51}, "An order has at most 50 lines, got 51."),
    ],
)
def test_place_order_refuses_bad_input_and_writes_nothing(
    shop: Shop, order: dict[str, Any], message: str
) -> None:
    before = state(shop.conn)
    response = run(shop, PLACE, input=order)
    assert response["data"] is None
    [error] = response["errors"]
    assert error["message"] == message
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert error["path"] == ["placeOrder"]
    assert state(shop.conn) == before


def test_redeem_points(shop: Shop) -> None:
    before = points(shop.conn, 2)
    response = run(shop, REDEEM, userId="2", points=before - 1)
    assert response == {"data": {"redeemPoints": {"points": 1, "tier": "BRONZE"}}}
    assert points(shop.conn, 2) == 1
    loyalty = run(shop, '{ user(id: "2") { loyalty { points } } }')
    assert loyalty["data"]["user"]["loyalty"] == {"points": 1}


@pytest.mark.parametrize(
    ("user_id", "amount", "message"),
    [
        ("9999", 1, "Unknown user '9999' in userId."),
        ("2", 0, "points must be at least 1, got 0."),
        ("2", -5, "points must be at least 1, got -5."),
        ("2", None, "Not enough points: user '2' has {balance}, cannot redeem {amount}."),
    ],
)
def test_redeem_points_refuses_bad_input_and_writes_nothing(
    shop: Shop, user_id: str, amount: int | None, message: str
) -> None:
    balance = points(shop.conn, 2)
    amount = balance + 1 if amount is None else amount
    before = state(shop.conn)
    response = run(shop, REDEEM, userId=user_id, points=amount)
    assert response["data"] is None
    [error] = response["errors"]
    assert error["message"] == message.format(balance=balance, amount=amount)
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert state(shop.conn) == before


# ---- seeding -----------------------------------------------------------------------


def checksums(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: hashlib.sha256(
                repr(conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()).encode()
            ).hexdigest()
            for table in db_tables()
        }
    finally:
        conn.close()


def test_seeding_is_deterministic(tmp_path: Path) -> None:
    sizes = {"users": 40, "products": 10, "orders_per_user": 3, "items_per_order": 2}
    db.seed(tmp_path / "a.sqlite", **sizes)
    db.seed(tmp_path / "b.sqlite", **sizes)
    db.seed(tmp_path / "c.sqlite", **sizes, random_seed=43)
    assert checksums(tmp_path / "a.sqlite") == checksums(tmp_path / "b.sqlite")
    assert checksums(tmp_path / "a.sqlite") != checksums(tmp_path / "c.sqlite")
    conn = sqlite3.connect(tmp_path / "a.sqlite")
    assert [scalar(conn, f"SELECT COUNT(*) FROM {table}") for table in db_tables()] == [
        40,
        10,
        120,
        240,
        0,
    ]
    # Each order's total is what its items add up to.
    assert (
        scalar(
            conn,
            "SELECT COUNT(*) FROM orders o WHERE total_cents != (SELECT SUM(quantity * "
            "unit_price_cents) FROM order_items WHERE order_id = o.id)",
        )
        == 0
    )
    conn.close()


def test_seeding_replaces_what_a_killed_start_left(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    Path(f"{path}.tmp").write_bytes(b"half a database")
    conn = db.connect(path, users=5, products=3, orders_per_user=1, items_per_order=1)
    assert scalar(conn, "SELECT COUNT(*) FROM users") == 5
    assert scalar(conn, "PRAGMA integrity_check") == "ok"
    conn.close()
    assert not Path(f"{path}.tmp").exists()


def test_a_failed_seed_leaves_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shop.sqlite"

    def fail(*_args: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(db, "_orders", fail)
    with pytest.raises(KeyboardInterrupt):
        db.seed(path, users=5, products=3)
    assert not path.exists()


def test_seed_refuses_bad_sizes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'users' must be an int of 0 or more, got -1"):
        db.seed(tmp_path / "x.sqlite", users=-1)


def test_the_database_path_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAFTQL_SHOP_DB", "/somewhere/else.sqlite")
    assert db.database_path() == Path("/somewhere/else.sqlite")
    monkeypatch.delenv("GRAFTQL_SHOP_DB")
    assert db.database_path() == db.DEFAULT_PATH


# ---- HTTP ------------------------------------------------------------------------------


def test_the_app_over_http(seeded: Path, tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    shutil.copy(seeded, path)
    app = create_app(path, loyalty_latency=0)

    async def scenario() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            before = await client.get("/readyz")
            await app.startup()
            try:
                ready = await client.get("/readyz")
                answer = await client.post(
                    "/graphql",
                    json={"query": MOBILE_QUERY, "variables": {"first": 2}},
                )
                page = await client.get("/graphql", headers={"accept": "text/html"})
            finally:
                await app.shutdown()
        return [before, ready, answer, page]

    before, ready, answer, page = asyncio.run(scenario())
    assert (before.status_code, before.json()) == (503, {"status": "starting"})
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
    assert answer.status_code == 200
    conn = sqlite3.connect(path)
    assert answer.json() == {"data": {"users": expected_users(conn, 2)}}
    conn.close()
    assert page.status_code == 200 and "GraphiQL" in page.text
