"""The execution benchmarks' setups and correctness gate (no timing here).

A stand-in for graftql, written on graphql-core to the contract the
workloads call (Schema(sdl, resolvers=...).execute / execute_async,
ExecutionResult.to_dict / to_json, DataLoader), runs through every execute
workload with `repeat=0` (the harness's --check: each peer once, outputs
checked against graphql-core's, nothing timed), on a small version of the
shop data. Strawberry, Ariadne and the node peers join when installed.
The check itself is shown to refuse wrong answers.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.workloads import WORKLOADS, execute, shop

from bench import harness, peers

EXECUTE_WORKLOADS = [name for name in WORKLOADS if name.startswith("execute")]


# === A stand-in for graftql, on graphql-core =================================


class FakeResult:
    def __init__(self, result: Any) -> None:
        self.data, self.errors = result.data, result.errors
        self._formatted = result.formatted

    def to_dict(self) -> dict[str, Any]:
        return dict(self._formatted)

    def to_json(self) -> bytes:
        return json.dumps(self._formatted, separators=(",", ":"), ensure_ascii=False).encode()


class FakeSchema:
    def __init__(self, sdl: str, resolvers: dict[str, dict[str, Callable[..., Any]]]) -> None:
        import graphql

        self._schema = graphql.build_schema(sdl)
        for type_name, fields in resolvers.items():
            for field_name, fn in fields.items():
                self._schema.type_map[type_name].fields[field_name].resolve = fn

    def execute(
        self, query: str, variables: Any = None, root_value: Any = None, context_value: Any = None
    ) -> FakeResult:
        import graphql

        return FakeResult(
            graphql.graphql_sync(
                self._schema, query, root_value, context_value, variable_values=variables
            )
        )

    async def execute_async(
        self, query: str, variables: Any = None, root_value: Any = None, context_value: Any = None
    ) -> FakeResult:
        import graphql

        return FakeResult(
            await graphql.graphql(
                self._schema, query, root_value, context_value, variable_values=variables
            )
        )


class FakeDataLoader:
    """Batches the loads of one tick into one call of batch_fn."""

    def __init__(self, batch_fn: Callable[[list[Any]], Any]) -> None:
        self.batch_fn = batch_fn
        self.pending: list[tuple[Any, asyncio.Future[Any]]] = []
        self.batches = 0

    def load(self, key: Any) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if not self.pending:
            loop.call_soon(lambda: asyncio.ensure_future(self._dispatch()))
        self.pending.append((key, future))
        return future

    async def _dispatch(self) -> None:
        batch, self.pending = self.pending, []
        self.batches += 1
        values = await self.batch_fn([key for key, _ in batch])
        for (_, future), value in zip(batch, values, strict=True):
            future.set_result(value)


FAKE_GRAFTQL = SimpleNamespace(Schema=FakeSchema, DataLoader=FakeDataLoader)


@dataclass(frozen=True)
class FakePeer(peers.Peer):
    module_object: Any = None

    def load(self) -> Any:
        return self.module_object

    def version(self) -> str:
        return "fake"


# === Small data ==============================================================


def _clear_caches() -> None:
    for module in (shop, execute, sys.modules.get("bench.workloads.strawberry_shop")):
        for value in vars(module).values() if module else ():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@pytest.fixture
def small_shop(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(shop, "USERS", 12)
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


def _run(name: str, *extra: peers.Peer) -> dict[str, harness.PeerResult]:
    fake = FakePeer("graftql", "graftql", "graftql", module_object=FAKE_GRAFTQL)
    others = [p for p in peers.PEERS if p.name not in ("graphql-core", "graftql")]
    report = harness.run_workload(
        WORKLOADS[name], [peers.GRAPHQL_CORE, fake, *others, *extra], repeat=0, target=0
    )
    return {r.peer: r for r in report.results}


@pytest.mark.parametrize("name", EXECUTE_WORKLOADS)
def test_every_peer_gives_graphql_cores_response(name: str, small_shop: None) -> None:
    if name == "execute-dataloader":
        pytest.importorskip("aiodataloader", reason="graphql-core's DataLoader there (bench extra)")
    results = _run(name)
    assert results["graftql"].status == "ok", results["graftql"].reason
    for peer, result in results.items():
        # A peer that is not installed is skipped; one that runs must agree.
        assert result.status in ("ok", "skipped"), f"{peer}: {result.reason}"
        assert result.times_s == []


def test_the_shop_data() -> None:
    _clear_caches()
    users = shop.users()
    assert len(users) == 1_000 and all(len(u["orders"]) == 10 for u in users)
    assert sum(len(o["items"]) for u in users for o in u["orders"]) == 30_000
    floats = [o["total"] for u in users for o in u["orders"]]
    floats += [i["price"] for u in users for o in u["orders"] for i in o["items"]]
    assert all(x != int(x) for x in floats)  # never integral: JSON writers agree on them
    assert any(not u["name"].isascii() for u in users)


def test_graftql_is_skipped_until_it_executes(small_shop: None) -> None:
    no_execute = SimpleNamespace(Schema=type("Schema", (), {}))
    peer = FakePeer("graftql", "graftql", "graftql", module_object=no_execute)
    report = harness.run_workload(
        WORKLOADS["execute"], [peers.GRAPHQL_CORE, peer], repeat=0, target=0
    )
    core, graftql = report.results
    assert core.status == "ok"
    assert graftql.status == "skipped"
    assert "no execute()" in graftql.reason


class WrongResult(FakeResult):
    def to_dict(self) -> dict[str, Any]:
        response = super().to_dict()
        response["data"]["users"][3]["orders"][2]["total"] = 1.0
        return response

    def to_json(self) -> bytes:
        return json.dumps(self._formatted, ensure_ascii=False).encode()  # with spaces


class WrongSchema(FakeSchema):
    def execute(self, *args: Any, **kwargs: Any) -> FakeResult:
        result = super().execute(*args, **kwargs)
        wrong = WrongResult.__new__(WrongResult)
        wrong.__dict__.update(result.__dict__)
        return wrong


@pytest.mark.parametrize("name", ["execute", "execute-json"])
def test_a_wrong_answer_is_not_timed(name: str, small_shop: None) -> None:
    module = SimpleNamespace(Schema=WrongSchema, DataLoader=FakeDataLoader)
    peer = FakePeer("graftql", "graftql", "graftql", module_object=module)
    report = harness.run_workload(WORKLOADS[name], [peers.GRAPHQL_CORE, peer], repeat=1, target=0)
    graftql = report.results[1]
    assert graftql.status == "error"
    assert graftql.times_s == []
    expected = "users[3].orders[2].total" if name == "execute" else "bytes differ"
    assert expected in graftql.reason, graftql.reason


# === The check refuses wrong answers ========================================


def _core_response() -> tuple[Any, dict[str, Any]]:
    import graphql

    return graphql, {"data": {"users": [{"id": "1", "total": 0.25, "name": "Zoë"}]}}


def _check(output: object, expected: object = None) -> str | None:
    module, response = _core_response()
    expected = response["data"] if expected is None else expected
    return execute._same_response({"graphql-core": (module, expected), "graftql": (None, output)})


def test_the_check_accepts_the_same_response() -> None:
    assert _check({"data": {"users": [{"id": "1", "total": 0.25, "name": "Zoë"}]}}) is None


@pytest.mark.parametrize(
    "output",
    [
        {"data": {"users": [{"id": 1, "total": 0.25, "name": "Zoë"}]}},  # ID not a string
        {"data": {"users": [{"id": "1", "total": 1, "name": "Zoë"}]}},  # Float as int
        {"data": {"users": [{"total": 0.25, "id": "1", "name": "Zoë"}]}},  # field order
        {"data": {"users": []}},
        {"data": {"users": [{"id": "1", "total": 0.25, "name": "Zoe"}]}},
        {"data": None, "errors": [{"message": "boom"}]},
    ],
)
def test_the_check_refuses_a_different_response(output: object) -> None:
    assert _check(output) is not None


def test_the_check_compares_json_bytes() -> None:
    expected = json.dumps(_core_response()[1], separators=(",", ":"), ensure_ascii=False).encode()
    assert _check(expected, expected) is None
    assert _check(expected.decode(), expected) is None  # node's text
    spaced = json.dumps(_core_response()[1], ensure_ascii=False).encode()
    assert "bytes differ" in (_check(spaced, expected) or "")
    escaped = json.dumps(_core_response()[1], separators=(",", ":")).encode()
    assert "bytes differ" in (_check(escaped, expected) or "")
    assert _check(b'{"data":{"users":[]}}', expected) is not None
