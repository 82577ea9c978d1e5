"""The data and schema of the execution workloads: users, their orders, the orders' items.

1,000 users x 10 orders x 3 items, as nested dicts (as a database layer or
json.loads would give them), made by formulas from the ids, so nothing is
stored and every run (and node, which is sent the same data) sees the same
values. Names mix in non-ASCII letters (the JSON writers must keep them as
UTF-8); Float values are odd multiples of 1/4 or 1/8, exact in binary and
never integral, so Python's json.dumps and JavaScript's JSON.stringify write
them identically.

    python -m bench.workloads.shop sdl          # print the SDL
    python -m bench.workloads.shop query        # print the big query
    python -m bench.workloads.shop node-inputs  # W1 and W2 for bench/node/bench.mjs alone
"""

from __future__ import annotations

import json
import sys
from functools import cache
from typing import Any

USERS = 1_000
ORDERS_PER_USER = 10
ITEMS_PER_ORDER = 3

SDL = """\
type Query {
  users: [User!]!
  user(id: ID!): User
}

type User {
  id: ID!
  name: String!
  email: String!
  orders: [Order!]!
}

type Order {
  id: ID!
  total: Float!
  status: OrderStatus!
  items: [Item!]!
}

enum OrderStatus {
  PENDING
  PAID
  SHIPPED
  DELIVERED
  CANCELLED
}

type Item {
  id: ID!
  quantity: Int!
  price: Float!
  productId: ID!
}
"""

# W1, W2: every user with every order and every item.
BIG_QUERY = """\
{
  users {
    id
    name
    email
    orders {
      id
      total
      status
      items {
        id
        quantity
        price
        productId
      }
    }
  }
}
"""

# W4: users and their orders (the orders through a DataLoader), no items.
LOADER_QUERY = """\
{
  users {
    id
    name
    email
    orders {
      id
      total
      status
    }
  }
}
"""

# W3: one user by id.
SMALL_QUERY = "{ user(id: 1) { id name } }"

STATUSES = ("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED")
FIRST = (
    "Ada", "Björn", "Chloé", "Dmitri", "Eun-ji", "Farid", "Grace", "Hiro", "Inès", "José",
    "Kwame", "Léa", "Mateo", "Nadia", "Oğuz", "Priya", "Quinn", "Rosa", "Søren", "Zoë",
)  # fmt: skip
LAST = (
    "Almeida", "Brown", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
    "Ivanova", "Jensen", "Kowalski", "Lefèvre", "Müller", "Nakamura", "Okafor", "Petrov",
    "Rossi", "Sato", "Türk", "Wójcik",
)  # fmt: skip


@cache
def users() -> list[dict[str, Any]]:
    """The users, each with its orders, each with its items (ids are ints:
    the ID type serializes them as strings)."""
    out = []
    for u in range(1, USERS + 1):
        orders = []
        for o in range(ORDERS_PER_USER):
            oid = (u - 1) * ORDERS_PER_USER + o + 1
            items = []
            for i in range(ITEMS_PER_ORDER):
                iid = (oid - 1) * ITEMS_PER_ORDER + i + 1
                items.append(
                    {
                        "id": iid,
                        "quantity": 1 + (oid + i) % 5,
                        "price": ((iid * 7919) % 4000 * 2 + 1) / 4,
                        "productId": 1 + (iid * 31) % 500,
                    }
                )
            orders.append(
                {
                    "id": oid,
                    "total": ((oid * 104729) % 100_000 * 2 + 1) / 8,
                    "status": STATUSES[(oid * 7) % len(STATUSES)],
                    "items": items,
                }
            )
        out.append(
            {
                "id": u,
                "name": f"{FIRST[u % len(FIRST)]} {LAST[(u * 7) // len(FIRST) % len(LAST)]}",
                "email": f"user{u}@example.com",
                "orders": orders,
            }
        )
    return out


@cache
def root() -> dict[str, Any]:
    """The root value of the big queries: {"users": users()}."""
    return {"users": users()}


@cache
def users_by_id() -> dict[str, dict[str, Any]]:
    """The users by id as the ID argument gives it (a string)."""
    return {str(u["id"]): u for u in users()}


@cache
def orders_by_user() -> dict[int, list[dict[str, Any]]]:
    """What the W4 DataLoader's batch function serves: a user's orders by user id."""
    return {u["id"]: u["orders"] for u in users()}


def count_fields(value: object) -> int:
    """The fields in a response's data: every key of every object."""
    if isinstance(value, dict):
        return len(value) + sum(count_fields(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_fields(v) for v in value)
    return 0


def describe() -> str:
    orders = USERS * ORDERS_PER_USER
    return (
        f"{USERS:,} users x {ORDERS_PER_USER} orders x {ITEMS_PER_ORDER} items "
        f"({orders:,} orders, {orders * ITEMS_PER_ORDER:,} items)"
    )


# W2: the fields whose resolver is async (returning the parent's value).
ASYNC_FIELDS = [["User", "orders"]]


def node_inputs() -> dict[str, Any]:
    """The W1 and W2 operations, for `node bench/node/bench.mjs < inputs.json` run alone."""
    common = {"sdl": SDL, "query": BIG_QUERY, "data": root()}
    return {
        "rounds": 15,
        "workloads": [
            {"name": "execute", "mode": "execute", "output": "object", **common},
            {"name": "execute-json", "mode": "execute", "output": "json", **common},
            {"name": "execute-only", "mode": "prepared", "output": "object", **common},
            {"name": "execute-async", "mode": "execute", "output": "object",
             "asyncFields": ASYNC_FIELDS, **common},
            {"name": "execute-async-json", "mode": "execute", "output": "json",
             "asyncFields": ASYNC_FIELDS, **common},
        ],
    }  # fmt: skip


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "sdl"
    if what == "node-inputs":
        sys.stdout.write(json.dumps(node_inputs(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write({"sdl": SDL, "query": BIG_QUERY}[what])
