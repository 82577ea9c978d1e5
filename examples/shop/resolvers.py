"""The shop's resolvers: the root fields, one batch resolver per nested
level (one SQL statement each, whatever the number of parents), and the
mutations with their input checks.

Every resolver finds the database and the loyalty service in the context
(``Shop``). Errors a client can fix are ``GraphQLError`` with
``extensions.code`` BAD_USER_INPUT, saying what was wrong and what is
allowed; nothing is written when a mutation fails.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import graftql
from examples.shop import db
from examples.shop.loyalty import LoyaltyService, LoyaltyUnavailable, tier_of
from graftql import GraphQLError

__all__ = ["RESOLVERS", "Shop"]

#: The most users or products one page holds.
MAX_PAGE = 500
#: The most orders User.orders gives per user.
MAX_ORDERS = 100
#: The most lines one order may have, and the most of one product per line.
MAX_LINES = 50
MAX_QUANTITY = 100

Row = db.Row


@dataclass
class Shop:
    """The context of every execution: the process's connection and the
    loyalty service."""

    conn: sqlite3.Connection
    loyalty: LoyaltyService


def bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def _shop(info: Any) -> Shop:
    shop: Shop = info.context
    return shop


def _id(value: str) -> int | None:
    """An ID argument as the integer key it names; None if it names none."""
    try:
        number = int(value)
    except ValueError:
        return None
    return number if number > 0 and str(number) == value else None


def _page_size(first: int, argument: str, most: int, hint: str = "") -> int:
    if not 0 <= first <= most:
        raise bad_input(f"{argument} must be between 0 and {most}, got {first}{hint}.")
    return first


# ---- Query --------------------------------------------------------------------


def resolve_me(_root: Any, info: Any) -> Row | None:
    return db.users_by_id(_shop(info).conn, [1]).get(1)


def resolve_user(_root: Any, info: Any, id: str) -> Row | None:
    user_id = _id(id)
    return None if user_id is None else db.users_by_id(_shop(info).conn, [user_id]).get(user_id)


def resolve_users(_root: Any, info: Any, first: int, after: str | None = None) -> list[Row]:
    first = _page_size(
        first, "users(first:)", MAX_PAGE, "; page on with after: the last id of a page"
    )
    after_id = None
    if after is not None:
        after_id = _id(after)
        if after_id is None:
            raise bad_input(f"users(after:) must be a user id (a positive integer), got '{after}'.")
    return db.users_page(_shop(info).conn, first, after_id)


def resolve_product(_root: Any, info: Any, id: str) -> Row | None:
    product_id = _id(id)
    if product_id is None:
        return None
    return db.products_by_id(_shop(info).conn, [product_id]).get(product_id)


def resolve_products(_root: Any, info: Any, first: int) -> list[Row]:
    return db.products_page(_shop(info).conn, _page_size(first, "products(first:)", MAX_PAGE))


# ---- nested levels: one statement per wave ----------------------------------------


@graftql.batch
def user_orders(users: list[Row], info: Any, first: int) -> list[list[Row]]:
    first = _page_size(first, "orders(first:)", MAX_ORDERS)
    orders = db.orders_of_users(_shop(info).conn, [user["id"] for user in users], first)
    return [orders[user["id"]] for user in users]


@graftql.batch
def order_items(orders: list[Row], info: Any) -> list[list[Row]]:
    items = db.items_of_orders(_shop(info).conn, [order["id"] for order in orders])
    return [items[order["id"]] for order in orders]


@graftql.batch
def item_product(items: list[Row], info: Any) -> list[Row]:
    products = db.products_by_id(_shop(info).conn, [item["product_id"] for item in items])
    return [products[item["product_id"]] for item in items]


@graftql.batch
async def user_loyalty(users: list[Row], info: Any) -> list[Row | GraphQLError]:
    """One call to the loyalty service for every user of the wave; when it
    fails, each user's ``loyalty`` is null with the reason, and the rest of
    the response stands."""
    try:
        points = await _shop(info).loyalty.fetch_points([user["id"] for user in users])
    except LoyaltyUnavailable as error:
        failure = GraphQLError(
            f"Loyalty service unavailable: {error}; retry later.",
            extensions={"code": "SERVICE_UNAVAILABLE"},
        )
        return [failure] * len(users)
    return [_loyalty(points[user["id"]]) for user in users]


def _loyalty(points: int) -> Row:
    return {"points": points, "tier": tier_of(points)}


# ---- Mutation -----------------------------------------------------------------------


def _user_id(conn: sqlite3.Connection, value: str, argument: str) -> int:
    user_id = _id(value)
    if user_id is None or not db.users_by_id(conn, [user_id]):
        raise bad_input(f"Unknown user '{value}' in {argument}.")
    return user_id


def place_order(_root: Any, info: Any, input: dict[str, Any]) -> Row:
    lines: list[dict[str, Any]] = input["lines"]
    if not lines:
        raise bad_input("An order needs at least one line: input.lines is empty.")
    if len(lines) > MAX_LINES:
        raise bad_input(f"An order has at most {MAX_LINES} lines, got {len(lines)}.")
    for index, line in enumerate(lines):
        if not 1 <= line["quantity"] <= MAX_QUANTITY:
            raise bad_input(
                f"input.lines[{index}].quantity must be between 1 and {MAX_QUANTITY}, "
                f"got {line['quantity']}."
            )
    conn = _shop(info).conn
    with db.transaction(conn):
        user_id = _user_id(conn, input["userId"], "input.userId")
        product_ids = [_id(line["productId"]) for line in lines]
        products = db.products_by_id(conn, [pid for pid in product_ids if pid is not None])
        for index, (line, product_id) in enumerate(zip(lines, product_ids, strict=True)):
            if product_id not in products:
                raise bad_input(f"Unknown product '{line['productId']}' in input.lines[{index}].")
        priced = [
            (products[pid]["id"], line["quantity"], products[pid]["priceCents"])
            for line, pid in zip(lines, product_ids, strict=True)
            if pid is not None
        ]
        total = sum(quantity * price for _, quantity, price in priced)
        placed_at = db.iso(datetime.now(timezone.utc))
        cursor = conn.execute(
            "INSERT INTO orders (user_id, status, placed_at, total_cents) VALUES (?, ?, ?, ?)",
            (user_id, "PLACED", placed_at, total),
        )
        order_id = cursor.lastrowid
        conn.executemany(
            "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) "
            "VALUES (?, ?, ?, ?)",
            [(order_id, *line) for line in priced],
        )
    return {
        "id": order_id,
        "user_id": user_id,
        "status": "PLACED",
        "placedAt": placed_at,
        "totalCents": total,
    }


def redeem_points(_root: Any, info: Any, userId: str, points: int) -> Row:
    if points <= 0:
        raise bad_input(f"points must be at least 1, got {points}.")
    conn = _shop(info).conn
    with db.transaction(conn):
        user_id = _user_id(conn, userId, "userId")
        balance = db.points_of_users(conn, [user_id])[user_id]
        if points > balance:
            raise bad_input(
                f"Not enough points: user '{userId}' has {balance}, cannot redeem {points}."
            )
        conn.execute(
            "INSERT INTO redemptions (user_id, points, redeemed_at) VALUES (?, ?, ?)",
            (user_id, points, db.iso(datetime.now(timezone.utc))),
        )
    return _loyalty(balance - points)


RESOLVERS: dict[str, dict[str, Any]] = {
    "Query": {
        "me": resolve_me,
        "user": resolve_user,
        "users": resolve_users,
        "product": resolve_product,
        "products": resolve_products,
    },
    "Mutation": {"placeOrder": place_order, "redeemPoints": redeem_points},
    "User": {"orders": user_orders, "loyalty": user_loyalty},
    "Order": {"items": order_items},
    "OrderItem": {"product": item_product},
}
