"""The loyalty service, simulated: a remote call with latency that sometimes
fails, answering from the shop's database in one statement per call.

A real deployment would make an HTTP call here; the resolver (User.loyalty)
calls ``fetch_points`` once per wave with every user of the wave, so its
latency is paid once per level, not once per user.
"""

from __future__ import annotations

import asyncio
import os
import random
import sqlite3
from collections.abc import Sequence

from examples.shop import db

__all__ = ["LoyaltyService", "LoyaltyUnavailable", "tier_of"]

#: The points a tier starts at, highest first.
TIERS = ((10_000, "GOLD"), (5_000, "SILVER"), (0, "BRONZE"))


def tier_of(points: int) -> str:
    for floor, tier in TIERS:
        if points >= floor:
            return tier
    return "BRONZE"


class LoyaltyUnavailable(Exception):
    """The loyalty service did not answer."""


class LoyaltyService:
    """``fetch_points(user_ids)`` after ``latency`` seconds, failing with
    probability ``failure_rate`` (drawn from ``random.Random(seed)``, so a
    test knows which calls fail).

    Defaults from the environment: GRAFTQL_SHOP_LOYALTY_LATENCY_MS (5) and
    GRAFTQL_SHOP_LOYALTY_FAILURE_RATE (0).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        latency: float | None = None,
        failure_rate: float | None = None,
        seed: int = 0,
    ) -> None:
        if latency is None:
            latency = float(os.environ.get("GRAFTQL_SHOP_LOYALTY_LATENCY_MS", "5")) / 1000
        if failure_rate is None:
            failure_rate = float(os.environ.get("GRAFTQL_SHOP_LOYALTY_FAILURE_RATE", "0"))
        if latency < 0:
            raise ValueError(f"LoyaltyService latency must be 0 or more seconds, got {latency}")
        if not 0 <= failure_rate <= 1:
            raise ValueError(
                f"LoyaltyService failure_rate must be between 0 and 1, got {failure_rate}"
            )
        self.conn = conn
        self.latency = latency
        self.failure_rate = failure_rate
        self._random = random.Random(seed)
        self.calls = 0  # how many times fetch_points was called

    async def fetch_points(self, user_ids: Sequence[int]) -> dict[int, int]:
        """The points of each of ``user_ids`` that exists.

        :raises LoyaltyUnavailable: the simulated service failed this call.
        """
        self.calls += 1
        await asyncio.sleep(self.latency)
        if self.failure_rate and self._random.random() < self.failure_rate:
            raise LoyaltyUnavailable("the loyalty service timed out")
        return db.points_of_users(self.conn, user_ids)
