"""The shop's SQLite database: its tables, the deterministic seed, the
connection, and the queries the resolvers run (one statement per batch).

One connection per process, opened with ``check_same_thread=False`` and
used on the event loop thread: every query here is small and served by an
index (a primary key, ``orders(user_id, placed_at, id)`` or
``order_items(order_id)``), so it takes well under a millisecond and a
thread pool would cost more than it saves. Mutations run their reads and
writes in one ``BEGIN IMMEDIATE`` transaction, without awaiting in between,
so nothing interleaves with them on the loop.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_PATH",
    "Row",
    "connect",
    "database_path",
    "items_of_orders",
    "orders_of_users",
    "points_of_users",
    "products_by_id",
    "seed",
    "transaction",
    "users_by_id",
    "users_page",
]

#: A row as the resolvers see it: column names as the schema's field names.
Row = dict[str, Any]

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Where the database lives unless GRAFTQL_SHOP_DB says otherwise (build/
#: is git-ignored).
DEFAULT_PATH = REPO_ROOT / "build" / "shop" / "shop.sqlite"

#: The full demo's size.
USERS = 10_000
PRODUCTS = 1_000
ORDERS_PER_USER = 20
ITEMS_PER_ORDER = 3

TABLES = """
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  price_cents INTEGER NOT NULL
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  status TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  total_cents INTEGER NOT NULL
);
CREATE TABLE order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  quantity INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL
);
CREATE TABLE redemptions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  points INTEGER NOT NULL,
  redeemed_at TEXT NOT NULL
);
"""

#: Created after the seed's rows, which is faster than keeping them up to date.
INDEXES = """
-- User.orders: a user's newest orders (ROW_NUMBER over this order).
CREATE INDEX orders_by_user ON orders (user_id, placed_at DESC, id DESC);
-- Order.items.
CREATE INDEX order_items_by_order ON order_items (order_id);
-- Loyalty points: redemptions summed per user.
CREATE INDEX redemptions_by_user ON redemptions (user_id);
"""

_FIRST_NAMES = (
    "Ada", "Alan", "Amara", "Björn", "Chen", "Chloé", "Dmitri", "Elif", "Emma", "Farah",
    "Grace", "Hiro", "Ingrid", "Jamal", "Kofi", "Lena", "Mateo", "Nia", "Olga", "Priya",
    "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Wei", "Yara", "Zoë",
)  # fmt: skip
_LAST_NAMES = (
    "Abara", "Becker", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
    "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quispe", "Rossi", "Schmidt", "Tanaka", "Urbina", "Varga", "Weber", "Yilmaz",
)  # fmt: skip
_ADJECTIVES = (
    "Classic", "Compact", "Deluxe", "Eco", "Ergonomic", "Foldable", "Handmade", "Heavy-duty",
    "Lightweight", "Organic", "Portable", "Rustic", "Smart", "Vintage", "Waterproof", "Wireless",
)  # fmt: skip
_NOUNS = (
    "Backpack", "Blender", "Candle", "Chair", "Headphones", "Kettle", "Lamp", "Mug",
    "Notebook", "Pan", "Scarf", "Sneakers", "Speaker", "Teapot", "Umbrella", "Watch",
)  # fmt: skip
#: Statuses with their weights: most orders of the past were delivered.
_STATUSES = ("PLACED", "SHIPPED", "DELIVERED", "CANCELLED")
_STATUS_WEIGHTS = (5, 10, 80, 5)

_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
_ACCOUNTS_SPAN = 3 * 365 * 86_400  # accounts opened over 2020-2022
_ORDERS_SPAN = 2 * 365 * 86_400  # orders placed over 2023-2024


def iso(moment: datetime) -> str:
    """A UTC time as the API writes it: 2024-05-01T12:34:56Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def database_path() -> Path:
    """The database file: $GRAFTQL_SHOP_DB, else build/shop/shop.sqlite."""
    configured = os.environ.get("GRAFTQL_SHOP_DB")
    return Path(configured) if configured else DEFAULT_PATH


# ---- seeding ----------------------------------------------------------------


def seed(
    path: str | os.PathLike[str],
    *,
    users: int = USERS,
    products: int = PRODUCTS,
    orders_per_user: int = ORDERS_PER_USER,
    items_per_order: int = ITEMS_PER_ORDER,
    random_seed: int = 42,
) -> None:
    """Create the database at ``path`` with generated data, the same for the
    same parameters (``random.Random(random_seed)``).

    It is built in ``path + ".tmp"`` (a stale one, from a start that was
    killed, is removed first) and moved into place with ``os.replace`` once
    complete, so ``path`` is either absent or fully seeded. Speed: one
    transaction, ``executemany``, ``synchronous=OFF``, and the indexes
    created after the rows.
    """
    for name, value in (
        ("users", users),
        ("products", products),
        ("orders_per_user", orders_per_user),
        ("items_per_order", items_per_order),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"seed() argument {name!r} must be an int of 0 or more, got {value!r}")
    if products == 0 and orders_per_user and items_per_order and users:
        raise ValueError("seed() needs products to fill orders with items: products is 0")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(f"{target}.tmp")
    for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
        leftover.unlink(missing_ok=True)

    rng = random.Random(random_seed)
    conn = sqlite3.connect(temporary, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.executescript(TABLES)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO users (id, name, email, created_at) VALUES (?, ?, ?, ?)",
            _users(rng, users),
        )
        prices = [rng.randrange(199, 20_000) for _ in range(products)]
        conn.executemany(
            "INSERT INTO products (id, name, price_cents) VALUES (?, ?, ?)",
            (
                (i + 1, f"{_ADJECTIVES[i % 16]} {_NOUNS[i // 16 % 16]} {i + 1}", price)
                for i, price in enumerate(prices)
            ),
        )
        orders, items = _orders(rng, users, orders_per_user, items_per_order, prices)
        conn.executemany(
            "INSERT INTO orders (id, user_id, status, placed_at, total_cents) "
            "VALUES (?, ?, ?, ?, ?)",
            orders,
        )
        conn.executemany(
            "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) "
            "VALUES (?, ?, ?, ?)",
            items,
        )
        conn.execute("COMMIT")
        conn.executescript(INDEXES)
        conn.execute("ANALYZE")
        # Back to a rollback journal, which checkpoints the WAL into the
        # file: what is moved into place must be the whole database.
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    os.replace(temporary, target)


def _users(rng: random.Random, count: int) -> Iterator[tuple[int, str, str, str]]:
    for user_id in range(1, count + 1):
        first = _FIRST_NAMES[rng.randrange(len(_FIRST_NAMES))]
        last = _LAST_NAMES[rng.randrange(len(_LAST_NAMES))]
        opened = _EPOCH + timedelta(seconds=rng.randrange(_ACCOUNTS_SPAN))
        email = f"{first}.{last}.{user_id}@example.com".lower()
        yield user_id, f"{first} {last}", email, iso(opened)


def _orders(
    rng: random.Random, users: int, per_user: int, items_per_order: int, prices: Sequence[int]
) -> tuple[list[tuple[int, int, str, str, int]], list[tuple[int, int, int, int]]]:
    """The orders and their items, with the totals the items add up to."""
    orders: list[tuple[int, int, str, str, int]] = []
    items: list[tuple[int, int, int, int]] = []
    start = _EPOCH + timedelta(days=3 * 365)
    product_count = len(prices)
    statuses = rng.choices(_STATUSES, _STATUS_WEIGHTS, k=users * per_user)
    order_id = 0
    for user_id in range(1, users + 1):
        for _ in range(per_user):
            order_id += 1
            total = 0
            for _ in range(items_per_order):
                product = rng.randrange(product_count)
                quantity = 1 + rng.randrange(4)
                total += quantity * prices[product]
                items.append((order_id, product + 1, quantity, prices[product]))
            placed = start + timedelta(seconds=rng.randrange(_ORDERS_SPAN))
            orders.append((order_id, user_id, statuses[order_id - 1], iso(placed), total))
    return orders, items


# ---- the connection -----------------------------------------------------------


def connect(path: str | os.PathLike[str] | None = None, **seed_sizes: int) -> sqlite3.Connection:
    """The process's connection to the database at ``path`` (default:
    ``database_path()``), seeding it first when it does not exist (with
    ``seed_sizes``, ``seed()``'s keywords, or the full demo's size).

    Workers starting together seed it once: the first takes a lock on
    ``path + ".lock"``, the others wait for it and find the file there.
    """
    target = Path(path) if path is not None else database_path()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{target}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not target.exists():
                seed(target, **seed_sizes)
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` when the block
    raises: the write lock is taken before the first read, so what a
    mutation checks still holds when it writes."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def variable_limit(conn: sqlite3.Connection) -> int:
    """How many ``?`` one statement may hold: 32,766 since SQLite 3.32, 999
    before (Connection.getlimit tells from Python 3.11 on)."""
    getlimit = getattr(conn, "getlimit", None)
    if getlimit is not None:
        return int(getlimit(getattr(sqlite3, "SQLITE_LIMIT_VARIABLE_NUMBER", 9)))
    return 32_766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999


#: The most ids one ``IN (...)`` list takes (None: the connection's limit,
#: less the statement's other parameters). Tests lower it to see chunking.
chunk_size: int | None = None


def _chunks(conn: sqlite3.Connection, ids: Sequence[int], reserved: int = 0) -> Iterator[list[int]]:
    """``ids`` in slices that fit a statement with ``reserved`` other
    parameters: one slice for any batch a page of 500 users makes."""
    size = chunk_size or variable_limit(conn) - reserved
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _in_query(
    conn: sqlite3.Connection, sql: str, ids: Iterable[int], *extra: Any
) -> list[sqlite3.Row]:
    """Run ``sql`` (with ``{ids}`` where the ``IN`` list goes, and ``extra``
    parameters after it) for the distinct ``ids``, one statement per chunk."""
    unique = list(dict.fromkeys(ids))
    rows: list[sqlite3.Row] = []
    for chunk in _chunks(conn, unique, len(extra)):
        marks = ",".join("?" * len(chunk))
        rows.extend(conn.execute(sql.format(ids=marks), (*chunk, *extra)))
    return rows


# ---- queries --------------------------------------------------------------------

_USER_COLUMNS = "id, name, email, created_at AS createdAt"
_ORDER_COLUMNS = "id, user_id, status, placed_at AS placedAt, total_cents AS totalCents"


def users_page(conn: sqlite3.Connection, first: int, after: int | None) -> list[Row]:
    """At most ``first`` users with ids above ``after``, in id order."""
    rows = conn.execute(
        f"SELECT {_USER_COLUMNS} FROM users WHERE id > ? ORDER BY id LIMIT ?",
        (after if after is not None else 0, first),
    )
    return [dict(row) for row in rows]


def users_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Row]:
    rows = _in_query(conn, f"SELECT {_USER_COLUMNS} FROM users WHERE id IN ({{ids}})", ids)
    return {row["id"]: dict(row) for row in rows}


def products_page(conn: sqlite3.Connection, first: int) -> list[Row]:
    rows = conn.execute(
        "SELECT id, name, price_cents AS priceCents FROM products ORDER BY id LIMIT ?", (first,)
    )
    return [dict(row) for row in rows]


def products_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Row]:
    rows = _in_query(
        conn, "SELECT id, name, price_cents AS priceCents FROM products WHERE id IN ({ids})", ids
    )
    return {row["id"]: dict(row) for row in rows}


def orders_of_users(
    conn: sqlite3.Connection, user_ids: Sequence[int], first: int
) -> dict[int, list[Row]]:
    """Each user's ``first`` newest orders, newest first (ties: higher id first)."""
    rows = _in_query(
        conn,
        f"SELECT {_ORDER_COLUMNS} FROM ("
        "  SELECT id, user_id, status, placed_at, total_cents,"
        "   ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY placed_at DESC, id DESC) AS rank"
        "  FROM orders WHERE user_id IN ({ids})"
        ") WHERE rank <= ? ORDER BY user_id, rank",
        user_ids,
        first,
    )
    orders: dict[int, list[Row]] = {user_id: [] for user_id in user_ids}
    for row in rows:
        orders[row["user_id"]].append(dict(row))
    return orders


def items_of_orders(conn: sqlite3.Connection, order_ids: Sequence[int]) -> dict[int, list[Row]]:
    """Each order's items, in the order they were placed."""
    rows = _in_query(
        conn,
        "SELECT order_id, product_id, quantity, unit_price_cents AS unitPriceCents"
        " FROM order_items WHERE order_id IN ({ids}) ORDER BY order_id, id",
        order_ids,
    )
    items: dict[int, list[Row]] = {order_id: [] for order_id in order_ids}
    for row in rows:
        items[row["order_id"]].append(dict(row))
    return items


def points_of_users(conn: sqlite3.Connection, user_ids: Sequence[int]) -> dict[int, int]:
    """The loyalty points of the users that exist among ``user_ids``: one
    point per whole 100 cents of each of their orders, minus what they
    redeemed."""
    rows = _in_query(
        conn,
        "SELECT u.id,"
        " COALESCE((SELECT SUM(o.total_cents / 100) FROM orders o WHERE o.user_id = u.id), 0)"
        " - COALESCE((SELECT SUM(r.points) FROM redemptions r WHERE r.user_id = u.id), 0)"
        " FROM users u WHERE u.id IN ({ids})",
        user_ids,
    )
    return {row[0]: row[1] for row in rows}
