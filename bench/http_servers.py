"""The servers of the HTTP benchmark (bench/http.py), one ASGI app each, made
by a factory so that uvicorn's subprocess imports only what its app needs:

    uvicorn --factory bench.http_servers:graftql_app      # graftql's GraphQLApp
    uvicorn --factory bench.http_servers:strawberry_app   # strawberry.asgi.GraphQL
    uvicorn --factory bench.http_servers:hello_app        # a bare ASGI app: the ceiling

The schema is the shop schema of the execution workloads
(bench/workloads/shop.py: 1,000 users x 10 orders x 3 items, nested dicts)
with two more types, as the mobile query wants them: each item's product
(500 products) and each user's loyalty object. The data are made by formulas
from the ids, in memory, the same in every server: graftql's default
resolvers read the dicts, Strawberry's read attributes of instances built
from the same dicts at startup (outside the timing). Both resolve
Query.user and Item.product with a dict lookup, everything else with their
default resolver.

hello_app reads the request body and answers with a fixed JSON body: the
expected response of that query, computed in advance by plain Python from
the dicts (``expected()``), looked up by the body's bytes. No GraphQL at
all: what uvicorn and the ASGI interface cost alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from bench.workloads import shop

SDL = """\
type Query {
  user(id: ID!): User
}

type User {
  id: ID!
  name: String!
  email: String!
  loyalty: Loyalty!
  orders: [Order!]!
}

type Loyalty {
  points: Int!
  tier: LoyaltyTier!
  memberSince: String!
}

enum LoyaltyTier {
  BRONZE
  SILVER
  GOLD
  PLATINUM
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
  product: Product!
}

type Product {
  id: ID!
  name: String!
  price: Float!
}
"""

#: The queries: name -> GraphQL text.
QUERIES = {
    "small": "{ user(id: 1) { id name } }",
    # A mobile app's order history screen: one user, their loyalty status,
    # their 10 orders with 3 items each and each item's product (147 fields).
    "mobile": """\
query OrderHistory {
  user(id: 7) {
    id
    name
    email
    loyalty { points tier memberSince }
    orders {
      id
      total
      status
      items {
        id
        quantity
        price
        product { id name price }
      }
    }
  }
}
""",
}

PRODUCTS = 500
TIERS = ("BRONZE", "SILVER", "GOLD", "PLATINUM")
ADJECTIVES = ("Blue", "Grande", "Petit", "Ölige", "Smart", "Tiny", "Ökologisch", "Crème")
NOUNS = ("Kettle", "Lamp", "Mug", "Notebook", "Sofa", "Teapot", "Umbrella", "Wok", "Château")


@cache
def products() -> dict[int, dict[str, Any]]:
    """The products by id (shop.py's productId: 1..500)."""
    return {
        p: {
            "id": p,
            "name": f"{ADJECTIVES[p % len(ADJECTIVES)]} {NOUNS[(p * 5) % len(NOUNS)]} {p}",
            "price": ((p * 6151) % 2000 * 2 + 1) / 4,
        }
        for p in range(1, PRODUCTS + 1)
    }


@cache
def users_by_id() -> dict[str, dict[str, Any]]:
    """shop.py's users, each with a loyalty object, by id as the ID argument
    gives it (a string). Items keep shop.py's productId; Item.product looks
    it up in products()."""
    out = {}
    for user in shop.users():
        u = user["id"]
        loyalty = {
            "points": (u * 7919) % 50_000,
            "tier": TIERS[(u * 3) % len(TIERS)],
            "memberSince": f"{2015 + u % 10}-{1 + u % 12:02d}-{1 + u % 28:02d}",
        }
        out[str(u)] = {**user, "loyalty": loyalty}
    return out


def expected(name: str) -> dict[str, Any]:
    """The response of QUERIES[name], by plain Python from the dicts."""
    if name == "small":
        user = users_by_id()["1"]
        return {"data": {"user": {"id": "1", "name": user["name"]}}}
    assert name == "mobile"
    user = users_by_id()["7"]
    catalogue = products()
    return {
        "data": {
            "user": {
                "id": str(user["id"]),
                "name": user["name"],
                "email": user["email"],
                "loyalty": dict(user["loyalty"]),
                "orders": [
                    {
                        "id": str(order["id"]),
                        "total": order["total"],
                        "status": order["status"],
                        "items": [
                            {
                                "id": str(item["id"]),
                                "quantity": item["quantity"],
                                "price": item["price"],
                                "product": {
                                    "id": str(item["productId"]),
                                    "name": catalogue[item["productId"]]["name"],
                                    "price": catalogue[item["productId"]]["price"],
                                },
                            }
                            for item in order["items"]
                        ],
                    }
                    for order in user["orders"]
                ],
            }
        }
    }


def request_body(name: str) -> bytes:
    """The POST body the load generator sends for QUERIES[name]."""
    return json.dumps({"query": QUERIES[name]}).encode()


# ---- the apps ----------------------------------------------------------------

ASGIApp = Callable[..., Any]


def graftql_app() -> ASGIApp:
    import graftql
    from graftql.asgi import GraphQLApp

    users = users_by_id()
    catalogue = products()
    schema = graftql.Schema(
        SDL,
        {
            "Query": {"user": lambda parent, info, id: users.get(str(id))},
            "Item": {"product": lambda item, info: catalogue[item["productId"]]},
        },
    )
    return GraphQLApp(schema, graphiql=False)


def strawberry_app() -> ASGIApp:
    from bench import http_strawberry

    return http_strawberry.app()


def hello_app() -> ASGIApp:
    answers = {
        request_body(name): json.dumps(expected(name), ensure_ascii=False).encode()
        for name in QUERIES
    }
    missing = b'{"errors":[{"message":"not one of the benchmark queries"}]}'

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":  # lifespan: nothing to start
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
                message = await receive()
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        answer = answers.get(body, missing)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(answer)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": answer})

    return app
