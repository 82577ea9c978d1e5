"""The HTTP benchmark's schema (bench/http_servers.py) as Strawberry types,
served by ``strawberry.asgi.GraphQL`` (GraphiQL off). Its data are instances
of these types built from the same dicts at startup: Strawberry's default
resolver reads attributes. Query.user and Item.product are dict lookups, as
in graftql's app.

No `from __future__ import annotations` here: Strawberry resolves the
annotations of its types at schema build time.
"""

import enum
from typing import Any

import strawberry
from strawberry.asgi import GraphQL

from bench import http_servers


@strawberry.enum
class OrderStatus(enum.Enum):
    PENDING = "PENDING"
    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"


@strawberry.enum
class LoyaltyTier(enum.Enum):
    BRONZE = "BRONZE"
    SILVER = "SILVER"
    GOLD = "GOLD"
    PLATINUM = "PLATINUM"


@strawberry.type
class Product:
    id: strawberry.ID
    name: str
    price: float


PRODUCTS: dict[int, Product] = {}


@strawberry.type
class Item:
    id: strawberry.ID
    quantity: int
    price: float
    product_id: strawberry.Private[int]

    @strawberry.field
    def product(self) -> Product:
        return PRODUCTS[self.product_id]


@strawberry.type
class Order:
    id: strawberry.ID
    total: float
    status: OrderStatus
    items: list[Item]


@strawberry.type
class Loyalty:
    points: int
    tier: LoyaltyTier
    member_since: str


@strawberry.type
class User:
    id: strawberry.ID
    name: str
    email: str
    loyalty: Loyalty
    orders: list[Order]


USERS: dict[str, User] = {}


@strawberry.type
class Query:
    @strawberry.field
    def user(self, id: strawberry.ID) -> User | None:
        return USERS.get(str(id))


def _user(d: dict[str, Any]) -> User:
    orders = [
        Order(
            id=o["id"],
            total=o["total"],
            status=OrderStatus(o["status"]),
            items=[
                Item(
                    id=i["id"], quantity=i["quantity"], price=i["price"], product_id=i["productId"]
                )
                for i in o["items"]
            ],
        )
        for o in d["orders"]
    ]
    loyalty = Loyalty(
        points=d["loyalty"]["points"],
        tier=LoyaltyTier(d["loyalty"]["tier"]),
        member_since=d["loyalty"]["memberSince"],
    )
    return User(id=d["id"], name=d["name"], email=d["email"], loyalty=loyalty, orders=orders)


def app() -> GraphQL[Any, Any]:
    PRODUCTS.update(
        (p, Product(id=d["id"], name=d["name"], price=d["price"]))
        for p, d in http_servers.products().items()
    )
    USERS.update((key, _user(d)) for key, d in http_servers.users_by_id().items())
    return GraphQL(strawberry.Schema(query=Query), graphql_ide=None)
