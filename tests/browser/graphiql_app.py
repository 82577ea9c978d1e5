"""The app the browser test serves: a ``GraphQLApp`` over a small schema,
with GraphiQL's files served from the directory named by
``$GRAFTQL_BROWSER_GRAPHIQL_ASSETS`` (so the page loads nothing from the
internet)."""

from __future__ import annotations

import os

import graftql
from graftql.asgi import GraphQLApp

SDL = """
type Query {
  hello(name: String = "world"): String!
  numbers: [Int!]!
}
"""

schema = graftql.Schema(
    SDL,
    {
        "Query": {
            "hello": lambda parent, info, name: f"Hello, {name}!",
            "numbers": lambda parent, info: [1, 2, 3],
        }
    },
)

app = GraphQLApp(schema, graphiql_assets=os.environ["GRAFTQL_BROWSER_GRAPHIQL_ASSETS"])
