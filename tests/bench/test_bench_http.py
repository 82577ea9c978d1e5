"""The HTTP benchmark's servers (bench/http_servers.py) answer its queries
with the expected response, in process through httpx's ASGI transport (no
uvicorn, no timing): the gate bench/http.py applies before timing, checked
here for each server, Strawberry's when it is installed. The load
generator's asyncio client is checked against a real socket server."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import http, http_servers


def _factories() -> list[Any]:
    out: list[Any] = [
        pytest.param(http_servers.graftql_app, id="graftql"),
        pytest.param(http_servers.hello_app, id="hello"),
    ]
    try:
        import strawberry  # noqa: F401
    except ImportError:
        out.append(pytest.param(None, id="strawberry", marks=pytest.mark.skip("no strawberry")))
    else:
        out.append(pytest.param(http_servers.strawberry_app, id="strawberry"))
    return out


@pytest.mark.parametrize("factory", _factories())
@pytest.mark.parametrize("query", sorted(http_servers.QUERIES))
def test_each_server_answers_the_expected_response(factory: Callable[[], Any], query: str) -> None:
    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=factory())
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post(
                "/graphql",
                content=http_servers.request_body(query),
                headers={"content-type": "application/json", "accept": "application/json"},
            )

    response = asyncio.run(post())
    assert response.status_code == 200
    want = http_servers.expected(query)
    got = json.loads(response.content)
    assert got == want
    assert list(json.dumps(got)) == list(json.dumps(want))  # keys in the same order


def test_the_mobile_query_has_ten_orders_of_three_items() -> None:
    user = http_servers.expected("mobile")["data"]["user"]
    assert len(user["orders"]) == 10
    assert all(len(order["items"]) == 3 for order in user["orders"])
    assert set(user["loyalty"]) == {"points", "tier", "memberSince"}


def test_the_asyncio_load_generator_counts_requests() -> None:
    answer = b'{"ok":true}'

    async def serve() -> http.Run:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
                    await reader.readexactly(length)
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(answer), answer)
                    )
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server:
            return await http._load(port, b'{"query":"{ a }"}', 0.3, 4, 200)

    run = asyncio.run(serve())
    assert run.errors == 0
    assert 200 <= run.requests <= 203  # each connection stops after the limit is seen
    assert 0 < run.p50_ms <= run.p99_ms
