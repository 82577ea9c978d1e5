"""GraphQLApp through real HTTP: uvicorn in a subprocess, httpx as the client.

One server for the module serves http_app.site: the test app at /, one with
batching at /batching, one with local GraphiQL files at /local. Each rule of
GraphQL over HTTP has a test here: methods, Accept negotiation, Content-Type,
UTF-8, the status codes of request errors under each media type, malformed
parameters, the body limit, GET and mutations, batches, GraphiQL, the health
checks, request ids and the 500 for a failure inside the app.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import http_app
import httpx
import pytest
from http_server import Server, uvicorn_server

from graftql.asgi import GRAPHIQL_CDN, GRAPHIQL_FILES

GQL = "application/graphql-response+json"
JSON = "application/json"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with GraphiQL's four files (stand-ins) and one more."""
    directory = tmp_path_factory.mktemp("graphiql")
    for name in GRAPHIQL_FILES:
        (directory / name).write_text(f"/* {name} */\n")
    (directory / "secret.txt").write_text("not an asset")
    return directory


@pytest.fixture(scope="module")
def server(assets: Path) -> Iterator[Server]:
    env = {"GRAFTQL_TEST_GRAPHIQL_ASSETS": str(assets)}
    with uvicorn_server("http_app:site", env=env) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        yield http


def post(
    client: httpx.Client,
    body: Any,
    accept: str | None = GQL,
    headers: dict[str, Any] | None = None,
) -> httpx.Response:
    """POST body as JSON to /graphql."""
    sent = {"content-type": JSON, **({"accept": accept} if accept is not None else {})}
    content = json.dumps(body).encode()
    return client.post("/graphql", content=content, headers={**sent, **(headers or {})})


def executed(query: str, variables: Any = None, operation_name: str | None = None) -> bytes:
    """What the schema itself writes for a request, in this process."""
    result = asyncio.run(http_app.schema.execute_async(query, variables, operation_name))
    return result.to_json()


def media(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0]


def refusal(response: httpx.Response) -> str:
    """The message of an error response from the app itself (not an
    execution's), after checking its shape: one error, the request id."""
    body = response.json()
    assert set(body) == {"errors", "extensions"}
    assert body["extensions"] == {"requestId": response.headers["x-request-id"]}
    [error] = body["errors"]
    assert set(error) == {"message"}
    message: str = error["message"]
    return message


# ---- results and their media types -----------------------------------------------


def test_a_query_answers_with_the_bytes_execute_writes(client: httpx.Client) -> None:
    query = "query Greet($name: String) { hello(name: $name) double(value: 21) fail }"
    variables = {"name": "Zoë 🏊"}
    response = post(client, {"query": query, "variables": variables})
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{GQL}; charset=utf-8"
    assert response.content == executed(query, variables)
    assert response.json()["data"]["hello"] == "Hello, Zoë 🏊!"
    assert response.json()["errors"][0]["message"] == "this field always fails"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("*", JSON),
        ("application/*", JSON),
        (JSON, JSON),
        (GQL, GQL),
        (f"{GQL}, {JSON};q=0.9", GQL),
        (f"{JSON}, {GQL}", GQL),
        (f"{JSON}, {GQL};q=0.5", JSON),
        (f"{JSON};q=0, */*", GQL),
        (f"{JSON}; charset=utf-8", JSON),
        (f"{GQL}; charset=UTF-8", GQL),
        (f"{GQL}; charset=latin-1, {JSON}", JSON),
        (f"text/html, {JSON};q=0.1", JSON),
        ("text/plain;q=1, */*;q=0.1", JSON),
    ],
)
def test_accept_negotiation(client: httpx.Client, accept: str | None, expected: str) -> None:
    response = post(client, {"query": "{ hello }"}, accept=accept)
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{expected}; charset=utf-8"
    assert response.headers["vary"] == "accept"


@pytest.mark.parametrize(
    "accept", ["text/plain", "text/html", f"{JSON}; charset=latin-1", f"{JSON};q=0", "image/*"]
)
def test_nothing_acceptable_is_406(client: httpx.Client, accept: str) -> None:
    response = post(client, {"query": "{ hello }"}, accept=accept)
    assert response.status_code == 406
    assert media(response) == JSON
    assert refusal(response) == (
        f"Cannot answer with any type in Accept: {accept!r}; this endpoint answers with "
        "application/graphql-response+json or application/json, in UTF-8."
    )


# ---- request errors: 400 with graphql-response+json, 200 with application/json ----------

REQUEST_ERRORS = [
    ({"query": "{"}, "Syntax Error: Expected Name, found <EOF>."),
    ({"query": "{ nope }"}, "Cannot query field 'nope' on type 'Query'."),
    (
        {"query": "query($v: Int!) { double(value: $v) }", "variables": {"v": "x"}},
        "Variable '$v' got invalid value 'x'; Int cannot represent non-integer value: 'x'",
    ),
    (
        {"query": "query($v: Int!) { double(value: $v) }"},
        "Variable '$v' of required type 'Int!' was not provided.",
    ),
    ({"query": "query A { hello }", "operationName": "B"}, "Unknown operation named 'B'."),
    (
        {"query": "query A { hello } query B { hello }"},
        "Must provide operation name if query contains multiple operations.",
    ),
]


@pytest.mark.parametrize(("body", "message"), REQUEST_ERRORS)
@pytest.mark.parametrize(("accept", "status"), [(GQL, 400), (JSON, 200)])
def test_request_errors(
    client: httpx.Client, body: dict[str, Any], message: str, accept: str, status: int
) -> None:
    response = post(client, body, accept=accept)
    assert response.status_code == status
    assert media(response) == accept
    expected = executed(body["query"], body.get("variables"), body.get("operationName"))
    assert response.content == expected
    assert "data" not in response.json()
    assert response.json()["errors"][0]["message"] == message


@pytest.mark.parametrize(
    ("query", "data"),
    [
        # A failing nullable field keeps the data; a non-null one nulls it
        # all, and data: null is still a 200.
        ("{ hello fail }", {"hello": "Hello, world!", "fail": None}),
        ("{ hello required }", None),
    ],
)
@pytest.mark.parametrize("accept", [GQL, JSON])
def test_field_errors_are_200(client: httpx.Client, query: str, data: Any, accept: str) -> None:
    response = post(client, {"query": query}, accept=accept)
    assert response.status_code == 200
    assert response.json()["data"] == data
    assert response.json()["errors"]


@pytest.mark.parametrize("accept", [GQL, JSON])
def test_null_parameters_are_absent_ones(client: httpx.Client, accept: str) -> None:
    body = {"query": "{ hello }", "variables": None, "operationName": None, "extensions": None}
    response = post(client, body, accept=accept)
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "Hello, world!"}}


def test_extensions_and_unknown_keys_are_accepted(client: httpx.Client) -> None:
    body = {"query": "{ hello }", "extensions": {"some": "value"}, "other": 1}
    assert post(client, body).json() == {"data": {"hello": "Hello, world!"}}


def test_a_subscription_is_a_request_error(client: httpx.Client) -> None:
    for accept, status in ((GQL, 400), (JSON, 200)):
        response = post(client, {"query": "subscription { ticks }"}, accept=accept)
        assert response.status_code == status
        assert refusal(response).startswith("Subscriptions cannot be executed over HTTP")


# ---- malformed requests: 400 whatever the media type --------------------------------------

MALFORMED = [
    ({"notquery": "{ hello }"}, 'The request body has no "query": give the GraphQL document '
     "as a string."),
    ({"query": None}, 'The request body has no "query": give the GraphQL document as a string.'),
    ({"query": 1}, 'The request body: "query" must be a string (the GraphQL document), got a '
     "number."),
    ({"query": {"obj": "ect"}}, 'The request body: "query" must be a string (the GraphQL '
     "document), got an object."),
    ({"query": ["array"]}, 'The request body: "query" must be a string (the GraphQL document), '
     "got an array."),
    ({"query": False}, 'The request body: "query" must be a string (the GraphQL document), got '
     "a boolean."),
    ({"query": "{ hello }", "operationName": 0}, 'The request body: "operationName" must be a '
     "string or null, got a number."),
    ({"query": "{ hello }", "variables": "{}"}, 'The request body: "variables" must be an '
     "object or null, got a string."),
    ({"query": "{ hello }", "variables": [1]}, 'The request body: "variables" must be an '
     "object or null, got an array."),
    ({"query": "{ hello }", "extensions": 0}, 'The request body: "extensions" must be an '
     "object or null, got a number."),
    ("{ hello }", 'The request body must be a JSON object such as {"query": "{ a }"}, got a '
     "string."),
    (None, 'The request body must be a JSON object such as {"query": "{ a }"}, got null.'),
    ([{"query": "{ hello }"}], "The request body is a JSON array, and batched requests are not "
     'accepted here: POST one JSON object such as {"query": "{ a }"}.'),
]  # fmt: skip


@pytest.mark.parametrize(("body", "message"), MALFORMED)
@pytest.mark.parametrize("accept", [GQL, JSON])
def test_malformed_parameters_are_400(
    client: httpx.Client, body: Any, message: str, accept: str
) -> None:
    response = post(client, body, accept=accept)
    assert response.status_code == 400
    assert media(response) == accept
    assert refusal(response) == message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{ "not a JSON', "The request body is not valid JSON: Unterminated string starting "
         "at at line 1, column 3."),
        (b"", 'The request body is empty: POST a JSON object such as {"query": "{ a }"}.'),
        (b"  \n", 'The request body is empty: POST a JSON object such as {"query": "{ a }"}.'),
        (b'{"query": NaN}', "The request body is not valid JSON: NaN is not a JSON value."),
        (b'{"query": "{ hello }"} x', "The request body is not valid JSON: Extra data at line "
         "1, column 24."),
        (b'{"query": "{ hello(name: \\"\xff\\") }"}', "The request body is not valid UTF-8: byte "
         "0xff at offset 27."),
        (b'{"query": "{ hello }", "variables": {"\\ud800": 1}}', "The request body has a string "
         "with a lone surrogate escape (\\uD800 to \\uDFFF without its pair): strings must be "
         "valid Unicode."),
    ],
)  # fmt: skip
def test_unreadable_bodies_are_400(client: httpx.Client, content: bytes, message: str) -> None:
    for accept in (GQL, JSON):
        response = client.post(
            "/graphql", content=content, headers={"content-type": JSON, "accept": accept}
        )
        assert response.status_code == 400
        assert refusal(response) == message


def test_json_nested_too_deeply_is_400(client: httpx.Client) -> None:
    # json.loads gives up at the interpreter's recursion limit: 1,000 levels
    # on Python 3.10 and 3.11, 1,500 on 3.12, 10,000 on 3.13 (its C recursion
    # limit). 100,000 is past them all: 200 kB, posted to /batching, which
    # keeps the default max_body_bytes (the app at /graphql takes 10 kB).
    content = b"[" * 100_000 + b"]" * 100_000
    for accept in (GQL, JSON):
        response = client.post(
            "/batching/graphql", content=content, headers={"content-type": JSON, "accept": accept}
        )
        assert response.status_code == 400
        assert refusal(response) == (
            "The request body is not accepted: its JSON is nested too deeply."
        )


def test_a_surrogate_pair_escape_is_one_character(client: httpx.Client) -> None:
    query = b'"query($n: String) { hello(name: $n) }"'
    content = b'{"query": ' + query + b', "variables": {"n": "\\ud83c\\udfc3"}}'
    response = client.post("/graphql", content=content, headers={"content-type": JSON})
    assert response.json() == {"data": {"hello": "Hello, 🏃!"}}


# ---- Content-Type -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [JSON, "application/json; charset=utf-8", "Application/JSON; Charset=UTF-8",
     'application/json; charset="utf-8"', "application/json;charset=utf8"],
)  # fmt: skip
def test_json_bodies_in_utf8_are_accepted(client: httpx.Client, content_type: str) -> None:
    response = client.post(
        "/graphql",
        content=json.dumps({"query": '{ hello(name: "Run🏃Swim🏊") }'}).encode(),
        headers={"content-type": content_type},
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "Hello, Run🏃Swim🏊!"}}


@pytest.mark.parametrize(
    ("content_type", "message"),
    [
        (None, "The request has no Content-Type: POST a JSON body with Content-Type: "
         "application/json."),
        ("text/plain;charset=UTF-8", "Unsupported Content-Type 'text/plain;charset=UTF-8': "
         "POST a JSON body with Content-Type: application/json."),
        ("application/x-www-form-urlencoded", "Unsupported Content-Type "
         "'application/x-www-form-urlencoded': POST a JSON body with Content-Type: "
         "application/json."),
        ("application/graphql", "Unsupported Content-Type 'application/graphql': POST a JSON "
         "body with Content-Type: application/json."),
        ("application/json; charset=latin-1", "Unsupported charset 'latin-1' in Content-Type: "
         "the body must be UTF-8 (charset=utf-8, or no charset)."),
        ("application/json; charset=utf-16", "Unsupported charset 'utf-16' in Content-Type: "
         "the body must be UTF-8 (charset=utf-8, or no charset)."),
    ],
)  # fmt: skip
def test_other_content_types_are_415(
    client: httpx.Client, content_type: str | None, message: str
) -> None:
    request = client.build_request("POST", "/graphql", content=b'{"query": "{ hello }"}')
    request.headers.pop("content-type", None)
    if content_type is not None:
        request.headers["content-type"] = content_type
    response = client.send(request)
    assert response.status_code == 415
    assert refusal(response) == message


# ---- the body limit -----------------------------------------------------------------------

LIMIT = http_app.app.max_body_bytes
TOO_LARGE = f"The request body is larger than this endpoint accepts ({LIMIT} bytes at most)."


def padded(size: int) -> bytes:
    """A valid request body of exactly size bytes."""
    head = b'{"query": "{ hello }", "extensions": {"pad": "'
    return head + b"x" * (size - len(head) - 3) + b'"}}'


def test_a_body_at_the_limit_is_accepted(client: httpx.Client) -> None:
    body = padded(LIMIT)
    assert len(body) == LIMIT
    response = client.post("/graphql", content=body, headers={"content-type": JSON})
    assert response.status_code == 200


def test_a_larger_content_length_is_413_before_reading(client: httpx.Client) -> None:
    response = client.post("/graphql", content=padded(LIMIT + 1), headers={"content-type": JSON})
    assert response.status_code == 413
    assert refusal(response) == TOO_LARGE


def test_a_larger_streamed_body_is_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        body = padded(LIMIT * 3)
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    # No Content-Length: chunked, so the limit is found while reading.
    response = client.post("/graphql", content=chunks(), headers={"content-type": JSON})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert refusal(response) == TOO_LARGE


# ---- GET --------------------------------------------------------------------------------


def get(client: httpx.Client, params: dict[str, str], accept: str | None = GQL) -> httpx.Response:
    return client.get("/graphql", params=params, headers={"accept": accept} if accept else {})


def test_get_runs_queries(client: httpx.Client) -> None:
    params = {
        "query": "query Twice($v: Int!) { double(value: $v) }",
        "variables": json.dumps({"v": 4}),
        "operationName": "Twice",
        "extensions": json.dumps({"some": "value"}),
    }
    response = get(client, params)
    assert response.status_code == 200
    assert media(response) == GQL
    assert response.json() == {"data": {"double": 8}}
    # Without Accept (application/json), and with the empty parameters some
    # clients always send.
    response = get(client, {"query": "{ hello }", "variables": "", "operationName": ""}, None)
    assert (response.status_code, media(response)) == (200, JSON)


def test_get_request_errors_follow_the_media_type(client: httpx.Client) -> None:
    assert get(client, {"query": "{ nope }"}, GQL).status_code == 400
    assert get(client, {"query": "{ nope }"}, JSON).status_code == 200


@pytest.mark.parametrize(
    ("query_string", "message"),
    [
        ("", 'The query string has no "query": give the GraphQL document as a string.'),
        ("query=%7Bhello%7D&variables=%7Bx", "The query parameter 'variables' is not valid JSON: "
         "Expecting property name enclosed in double quotes at line 1, column 2."),
        ("query=%7Bhello%7D&variables=%5B%5D", 'The query string: "variables" must be an object '
         "or null, got an array."),
        ("query=%7Bhello%7D&extensions=1", 'The query string: "extensions" must be an object or '
         "null, got a number."),
        ("query=%7Bhello%7D&query=%7Bhello%7D", "The query parameter 'query' is given more than "
         "once: give it once."),
        ("query=%7Bhello(name:%22%FF%22)%7D", "The query string is not valid UTF-8 (once "
         "percent-decoded)."),
    ],
)  # fmt: skip
def test_malformed_get_parameters_are_400(
    client: httpx.Client, query_string: str, message: str
) -> None:
    response = client.get(f"/graphql?{query_string}", headers={"accept": JSON})
    assert response.status_code == 400
    assert refusal(response) == message


@pytest.mark.parametrize(
    ("query", "operation_name"),
    [
        ("mutation { bump }", None),
        ("mutation M { setReady(ready: false) }", None),
        ("query Q { counter } mutation M { bump }", "M"),
        ("mutation { noSuchField }", None),
    ],
)
@pytest.mark.parametrize("accept", [GQL, JSON])
def test_a_mutation_over_get_is_405(
    client: httpx.Client, query: str, operation_name: str | None, accept: str
) -> None:
    before = post(client, {"query": "{ counter }"}).json()["data"]["counter"]
    params = {"query": query}
    if operation_name is not None:
        params["operationName"] = operation_name
    response = get(client, params, accept)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert refusal(response) == "Can only perform a mutation operation from a POST request."
    assert post(client, {"query": "{ counter }"}).json()["data"]["counter"] == before
    assert client.get("/readyz").status_code == 200


def test_the_query_of_a_document_with_a_mutation_runs_over_get(client: httpx.Client) -> None:
    params = {"query": "query Q { hello } mutation M { bump }", "operationName": "Q"}
    assert get(client, params).json() == {"data": {"hello": "Hello, world!"}}
    # No operation selected: the error execute reports.
    response = get(client, {"query": "query Q { hello } mutation M { bump }"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error == {
        "message": "Must provide operation name if query contains multiple operations."
    }


def test_mutations_run_over_post(client: httpx.Client) -> None:
    first = post(client, {"query": "mutation { bump(by: 2) }"}).json()["data"]["bump"]
    second = post(client, {"query": "mutation { bump }"}).json()["data"]["bump"]
    assert second == first + 1


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
def test_other_methods_are_405(client: httpx.Client, method: str) -> None:
    response = client.request(method, "/graphql", headers={"accept": JSON})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    if method != "HEAD":
        assert refusal(response) == (
            f"Method {method} is not allowed at /graphql: use POST, or GET for queries."
        )


# ---- batches ------------------------------------------------------------------------------


def test_a_batch_answers_with_an_array_of_results(client: httpx.Client) -> None:
    batch = [
        {"query": "{ hello }"},
        {"query": "{ nope }"},
        {"query": "query($v: Int!) { double(value: $v) }", "variables": {"v": 5}},
    ]
    for accept in (GQL, JSON):
        response = client.post("/batching/graphql", json=batch, headers={"accept": accept})
        assert response.status_code == 200
        assert media(response) == accept
        expected = [executed(item["query"], item.get("variables")) for item in batch]
        assert response.content == b"[" + b",".join(expected) + b"]"


@pytest.mark.parametrize(
    ("batch", "message"),
    [
        ([], "The batch (a JSON array) is empty: give one request or more."),
        ([{"query": "{ hello }"}] * 4, "The batch has 4 requests; at most 3 are accepted in one."),
        ([{"query": "{ hello }"}, {"query": 1}], 'Request 1 of the batch: "query" must be a '
         "string (the GraphQL document), got a number."),
        ([{"query": "{ hello }"}, "x"], 'Request 1 of the batch must be a JSON object such as '
         '{"query": "{ a }"}, got a string.'),
    ],
)  # fmt: skip
def test_malformed_batches_are_400(client: httpx.Client, batch: Any, message: str) -> None:
    response = client.post("/batching/graphql", json=batch)
    assert response.status_code == 400
    assert refusal(response) == message


def test_batches_are_refused_by_default(client: httpx.Client) -> None:
    response = post(client, [{"query": "{ hello }"}])
    assert response.status_code == 400
    assert "batched requests are not accepted" in refusal(response)


# ---- GraphiQL ------------------------------------------------------------------------------


def test_graphiql_for_browsers_from_the_cdn(client: httpx.Client) -> None:
    response = client.get("/graphql", headers={"accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    for url in GRAPHIQL_CDN.values():
        assert f'"{url}" crossorigin="anonymous"' in page
    assert 'GraphiQL.createFetcher({ url: "/graphql" })' in page


def test_graphiql_from_local_files(client: httpx.Client, assets: Path) -> None:
    response = client.get("/local/graphql", headers={"accept": BROWSER})
    assert response.status_code == 200
    page = response.text
    assert "unpkg" not in page and "https://" not in page
    assert 'GraphiQL.createFetcher({ url: "/local/graphql" })' in page
    for name in GRAPHIQL_FILES:
        url = f"/local/graphql/_graphiql/{name}"
        assert f'"{url}"' in page
        file = client.get(url)
        assert file.status_code == 200
        assert file.content == (assets / name).read_bytes()
        expected = "text/css" if name.endswith(".css") else "text/javascript"
        assert file.headers["content-type"] == f"{expected}; charset=utf-8"
        assert file.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "secret.txt",
        "missing.js",
        "..%2Fgraphiql.min.js",
        "%2E%2E/%2E%2E/http_app.py",
        ".hidden.js",
        "sub/graphiql.min.js",
        "",
    ],
)
def test_only_graphiql_files_are_served(client: httpx.Client, path: str) -> None:
    response = client.get(f"/local/graphql/_graphiql/{path}")
    assert response.status_code == 404
    assert refusal(response).startswith("Not found")


def test_no_graphiql_files_without_local_assets(client: httpx.Client) -> None:
    assert client.get("/graphql/_graphiql/graphiql.min.js").status_code == 404


def test_graphiql_is_for_get_only(client: httpx.Client) -> None:
    response = post(client, {"query": "{ hello }"}, accept="text/html")
    assert response.status_code == 406


def test_a_get_that_prefers_json_gets_json(client: httpx.Client) -> None:
    response = client.get("/graphql", params={"query": "{ hello }"}, headers={"accept": "*/*"})
    assert (response.status_code, media(response)) == (200, JSON)


# ---- health, readiness and other paths --------------------------------------------------


def test_healthz(client: httpx.Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.json() == {"status": "ok"}


def test_readyz_follows_the_ready_check(client: httpx.Client) -> None:
    assert client.get("/readyz").json() == {"status": "ready"}
    post(client, {"query": "mutation { setReady(ready: false) }"})
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {"status": "not ready"}
        assert client.get("/healthz").status_code == 200
    finally:
        post(client, {"query": "mutation { setReady(ready: true) }"})
    assert client.get("/readyz").status_code == 200


def test_the_startup_hook_ran(client: httpx.Client) -> None:
    assert post(client, {"query": "{ started }"}).json() == {"data": {"started": True}}


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_are_get_only(client: httpx.Client, path: str) -> None:
    response = client.post(path)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


@pytest.mark.parametrize("path", ["/", "/graphql/", "/graphqlx", "/GRAPHQL", "/batching"])
def test_other_paths_are_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    # /batching is the mounted app's own root.
    relative = path.removeprefix("/batching") or "/"
    assert refusal(response) == f"Not found: {relative}. The GraphQL endpoint is /graphql."


# ---- request ids, context, failures ----------------------------------------------------------


def test_a_request_id_on_every_response(client: httpx.Client) -> None:
    responses = [
        post(client, {"query": "{ hello }"}),
        post(client, {"query": "{"}),
        client.get("/healthz"),
        client.get("/nope"),
        client.get("/graphql", headers={"accept": BROWSER}),
    ]
    ids = [response.headers["x-request-id"] for response in responses]
    assert all(HEX_ID.fullmatch(request_id) for request_id in ids)
    assert len(set(ids)) == len(ids)
    # Results keep graphql-core's bodies: no request id in them.
    assert "extensions" not in responses[0].json()
    assert "extensions" not in responses[1].json()


@pytest.mark.parametrize(
    "given",
    ["abc-123", "2f1c3c9e-6a4b-4a8e-9d0e-2b7f1c0a9e11", "Root=1-5759e988-bd862e3fe:x/y+z@q"],
)
def test_a_sane_request_id_is_kept(client: httpx.Client, given: str) -> None:
    response = post(client, {"query": "{ requestId }"}, headers={"x-request-id": given})
    assert response.headers["x-request-id"] == given
    assert response.json() == {"data": {"requestId": given}}
    response = post(client, {"query": 1}, headers={"x-request-id": given})
    assert response.json()["extensions"] == {"requestId": given}


@pytest.mark.parametrize("given", ["a" * 129, "has space", "semi;colon", '"quoted"', "é"])
def test_an_insane_request_id_is_replaced(client: httpx.Client, given: str) -> None:
    response = post(client, {"query": "{ requestId }"}, headers={"x-request-id": given.encode()})
    assert HEX_ID.fullmatch(response.headers["x-request-id"])
    assert response.json() == {"data": {"requestId": response.headers["x-request-id"]}}


def test_the_context_sees_the_request(client: httpx.Client) -> None:
    response = post(
        client, {"query": '{ header(name: "X-User") client }'}, headers={"x-user": "ada"}
    )
    assert response.json() == {"data": {"header": "ada", "client": "127.0.0.1"}}


def test_a_failure_inside_the_app_is_a_logged_500(client: httpx.Client, server: Server) -> None:
    response = post(
        client,
        {"query": "{ hello }"},
        headers={"x-test-fail-context": "1", "x-request-id": "fail-ctx-1"},
    )
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "fail-ctx-1"
    assert response.json() == {
        "errors": [{"message": "Internal server error."}],
        "extensions": {"requestId": "fail-ctx-1"},
    }
    log = server.log()
    assert "Internal error answering POST /graphql (request id fail-ctx-1)" in log
    assert "RuntimeError: the context could not be made" in log
    # The server goes on.
    assert post(client, {"query": "{ hello }"}).status_code == 200
