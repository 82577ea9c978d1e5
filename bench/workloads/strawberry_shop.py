"""The shop schema (bench/workloads/shop.py) as Strawberry types, and its data as their instances.

Imported only when strawberry-graphql is installed. Strawberry's default
resolver reads attributes, so its data are instances of these types (built
from the same dicts, outside the timing), not the dicts themselves.

No `from __future__ import annotations` here: Strawberry resolves the
annotations of its types at schema build time.
"""

import enum
from functools import cache
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader

from bench.workloads import shop


@strawberry.enum
class OrderStatus(enum.Enum):
    PENDING = "PENDING"
    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"


@strawberry.type
class Item:
    id: strawberry.ID
    quantity: int
    price: float
    product_id: strawberry.ID


@strawberry.type
class Order:
    id: strawberry.ID
    total: float
    status: OrderStatus
    items: list[Item]


@strawberry.type
class User:
    id: strawberry.ID
    name: str
    email: str
    orders: list[Order]


def _user(root: "Query", id: strawberry.ID) -> User | None:
    return root.by_id.get(str(id))


@strawberry.type
class Query:
    users: list[User]
    by_id: strawberry.Private[dict[str, User]]
    user: User | None = strawberry.field(resolver=_user)


# W2: orders through an async resolver.
@strawberry.type(name="User")
class AsyncUser:
    id: strawberry.ID
    name: str
    email: str
    orders_data: strawberry.Private[list[Order]]

    @strawberry.field
    async def orders(self) -> list[Order]:
        return self.orders_data


@strawberry.type(name="Query")
class AsyncQuery:
    users: list[AsyncUser]


# W4: orders through a DataLoader (strawberry.dataloader), one per request.
@strawberry.type(name="User")
class LoaderUser:
    id: strawberry.ID
    name: str
    email: str

    @strawberry.field
    async def orders(self, info: strawberry.Info) -> list[Order]:
        return await info.context["orders"].load(self.id)  # type: ignore[no-any-return]


@strawberry.type(name="Query")
class LoaderQuery:
    users: list[LoaderUser]


def _order(d: dict[str, Any]) -> Order:
    items = [
        Item(id=i["id"], quantity=i["quantity"], price=i["price"], product_id=i["productId"])
        for i in d["items"]
    ]
    return Order(id=d["id"], total=d["total"], status=OrderStatus(d["status"]), items=items)


@cache
def _orders() -> dict[int, list[Order]]:
    return {u["id"]: [_order(o) for o in u["orders"]] for u in shop.users()}


@cache
def plain() -> tuple[strawberry.Schema, Query]:
    """W1 and W3: the schema and its root value."""
    orders = _orders()
    users = [
        User(id=u["id"], name=u["name"], email=u["email"], orders=orders[u["id"]])
        for u in shop.users()
    ]
    return strawberry.Schema(query=Query), Query(users=users, by_id={str(u.id): u for u in users})


@cache
def with_async_orders() -> tuple[strawberry.Schema, AsyncQuery]:
    """W2: User.orders is an async resolver returning the user's orders."""
    orders = _orders()
    users = [
        AsyncUser(id=u["id"], name=u["name"], email=u["email"], orders_data=orders[u["id"]])
        for u in shop.users()
    ]
    return strawberry.Schema(query=AsyncQuery), AsyncQuery(users=users)


@cache
def with_loader() -> tuple[strawberry.Schema, LoaderQuery]:
    """W4: User.orders loads through the DataLoader in the context (new_loader())."""
    users = [LoaderUser(id=u["id"], name=u["name"], email=u["email"]) for u in shop.users()]
    return strawberry.Schema(query=LoaderQuery), LoaderQuery(users=users)


def new_loader() -> DataLoader[Any, list[Order]]:
    orders = _orders()

    async def load(keys: list[Any]) -> list[list[Order]]:
        return [orders[k] for k in keys]

    return DataLoader(load_fn=load)
