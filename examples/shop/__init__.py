"""The shop demo: a GraphQL API over SQLite for a mobile app (users, orders,
items, products, loyalty points), with one SQL statement per level.

``graftql serve examples.shop.app:app`` serves it; README.md says more.
"""
