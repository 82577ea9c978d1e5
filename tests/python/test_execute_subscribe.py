"""Subscriptions: ``await schema.subscribe(...)`` gives an async iterator of
results, one per event of the source stream (the async generator the
subscription field's resolver returns), each event executed with the event
as the root value; arguments, variables and context reach the source
resolver; errors creating the stream are a result instead of a stream (no
data); errors while executing an event stay in that event's result; an
error raised by the stream ends the iteration with it; closing the
iterator closes the stream. Expected results are graphql-core 3.2.14's
(exec_reference)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import exec_reference
import pytest

engine = exec_reference.engine

SDL = """
type Email { from: String subject: String message: String unread: Boolean }
type Inbox { total: Int unread: Int emails: [Email] }
type EmailEvent { email: Email inbox: Inbox }
type Query { inbox: Inbox }
type Subscription {
  importantEmail(priority: Int): EmailEvent
  strictEmail: EmailEvent!
  counter(upTo: Int!): Int
}
"""

QUERY = """subscription ($priority: Int = 0) {
  importantEmail(priority: $priority) {
    email { from subject }
    inbox { unread total }
  }
}"""


def email_event(subject: str, unread: int = 1) -> dict[str, Any]:
    """An event as the source stream yields it: the root value of its
    execution, holding the subscription field's value under its name."""
    return {
        "importantEmail": {
            "email": {"from": "yuzhi@graphql.org", "subject": subject},
            "inbox": {"unread": unread, "total": 2},
        }
    }


def email_data(subject: str, unread: int = 1) -> dict[str, Any]:
    return {
        "data": {
            "importantEmail": {
                "email": {"from": "yuzhi@graphql.org", "subject": subject},
                "inbox": {"unread": unread, "total": 2},
            }
        }
    }


async def collect(stream: Any, limit: int = 10) -> list[dict[str, Any]]:
    results = []
    async for result in stream:
        results.append(result.to_dict())
        if len(results) == limit:
            break
    return results


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_one_result_per_event(engine: Any) -> None:
    async def important_email(_root: Any, _info: Any, priority: int) -> AsyncIterator[Any]:
        yield email_event("Alright")
        yield email_event("Tools", unread=2)

    schema = engine.schema(SDL, {"Subscription": {"importantEmail": important_email}})

    async def main() -> list[dict[str, Any]]:
        stream = await schema.subscribe(QUERY)
        return await collect(stream)

    assert run(main()) == [email_data("Alright"), email_data("Tools", unread=2)]


def test_arguments_variables_context_and_root_reach_the_source(engine: Any) -> None:
    seen: list[Any] = []

    async def important_email(root: Any, info: Any, priority: int) -> AsyncIterator[Any]:
        seen.append((root, info.context, priority, info.field_name, info.path.as_list()))
        yield email_event("Hi")

    schema = engine.schema(SDL, {"Subscription": {"importantEmail": important_email}})

    async def main() -> list[dict[str, Any]]:
        stream = await schema.subscribe(
            QUERY, variables={"priority": 3}, root_value="root", context_value="ctx"
        )
        return await collect(stream)

    assert run(main()) == [email_data("Hi")]
    assert seen == [("root", "ctx", 3, "importantEmail", ["importantEmail"])]


def test_each_event_is_the_root_value_of_its_execution(engine: Any) -> None:
    roots: list[Any] = []

    def subject(email: dict[str, Any], info: Any) -> str:
        roots.append(info.root_value)
        return email["subject"].upper()

    async def important_email(_root: Any, _info: Any, **_args: Any) -> AsyncIterator[Any]:
        yield email_event("first")
        yield email_event("second")

    schema = engine.schema(
        SDL, {"Subscription": {"importantEmail": important_email}, "Email": {"subject": subject}}
    )

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe(QUERY))

    assert run(main()) == [email_data("FIRST"), email_data("SECOND")]
    assert roots == [email_event("first"), email_event("second")]


def test_the_default_resolver_gives_the_source_stream(engine: Any) -> None:
    async def counter(_info: Any, upTo: int) -> AsyncIterator[Any]:
        for number in range(1, upTo + 1):
            yield {"counter": number}

    schema = engine.schema(SDL)

    async def main() -> list[dict[str, Any]]:
        stream = await schema.subscribe(
            "subscription { counter(upTo: 3) }", root_value={"counter": counter}
        )
        return await collect(stream)

    assert run(main()) == [{"data": {"counter": n}} for n in (1, 2, 3)]


def test_an_async_source_resolver(engine: Any) -> None:
    async def events() -> AsyncIterator[Any]:
        yield {"counter": 1}

    async def counter(_root: Any, _info: Any, upTo: int) -> AsyncIterator[Any]:
        await asyncio.sleep(0)
        return events()

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe("subscription { counter(upTo: 1) }"))

    assert run(main()) == [{"data": {"counter": 1}}]


def test_an_event_that_fails_to_execute_leaves_the_stream_open(engine: Any) -> None:
    async def counter(_root: Any, _info: Any, upTo: int) -> AsyncIterator[Any]:
        yield {"counter": 1}
        yield {"counter": "two"}
        yield {"counter": RuntimeError("three failed")}
        yield {"counter": 4}

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe("subscription {\n  counter(upTo: 4)\n}"))

    location = [{"line": 2, "column": 3}]
    assert run(main()) == [
        {"data": {"counter": 1}},
        {
            "data": {"counter": None},
            "errors": [
                {
                    "message": "Int cannot represent non-integer value: 'two'",
                    "locations": location,
                    "path": ["counter"],
                }
            ],
        },
        {
            "data": {"counter": None},
            "errors": [{"message": "three failed", "locations": location, "path": ["counter"]}],
        },
        {"data": {"counter": 4}},
    ]


def test_a_non_null_event_field(engine: Any) -> None:
    async def strict(_root: Any, _info: Any) -> AsyncIterator[Any]:
        yield {"strictEmail": None}
        yield {"strictEmail": {"email": {"subject": "ok"}}}

    schema = engine.schema(SDL, {"Subscription": {"strictEmail": strict}})

    async def main() -> list[dict[str, Any]]:
        return await collect(
            await schema.subscribe("subscription { strictEmail { email { subject } } }")
        )

    assert run(main()) == [
        {
            "data": None,
            "errors": [
                {
                    "message": "Cannot return null for non-nullable field"
                    " Subscription.strictEmail.",
                    "locations": [{"line": 1, "column": 16}],
                    "path": ["strictEmail"],
                }
            ],
        },
        {"data": {"strictEmail": {"email": {"subject": "ok"}}}},
    ]


def test_a_source_resolver_that_raises(engine: Any) -> None:
    def counter(_root: Any, _info: Any, upTo: int) -> AsyncIterator[Any]:
        raise ConnectionError("no stream")

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})
    result = run(schema.subscribe("subscription {\n  counter(upTo: 1)\n}"))
    assert result.to_dict() == {
        "errors": [
            {"message": "no stream", "locations": [{"line": 2, "column": 3}], "path": ["counter"]}
        ]
    }
    assert result.data is None
    assert isinstance(result.errors[0].original_error, ConnectionError)


def test_an_async_source_resolver_that_raises(engine: Any) -> None:
    async def counter(_root: Any, _info: Any, upTo: int) -> AsyncIterator[Any]:
        await asyncio.sleep(0)
        raise engine.GraphQLError("not allowed", extensions={"code": "FORBIDDEN"})

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})
    result = run(schema.subscribe("subscription { counter(upTo: 1) }"))
    assert result.to_dict() == {
        "errors": [
            {
                "message": "not allowed",
                "locations": [{"line": 1, "column": 16}],
                "path": ["counter"],
                "extensions": {"code": "FORBIDDEN"},
            }
        ]
    }


def test_a_custom_async_iterator_as_the_stream(engine: Any) -> None:
    class Countdown:
        def __init__(self, start: int) -> None:
            self.current = start

        def __aiter__(self) -> Countdown:
            return self

        async def __anext__(self) -> dict[str, int]:
            if self.current == 0:
                raise StopAsyncIteration
            self.current -= 1
            return {"counter": self.current + 1}

    schema = engine.schema(
        SDL, {"Subscription": {"counter": lambda _root, _info, upTo: Countdown(upTo)}}
    )

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe("subscription { counter(upTo: 3) }"))

    assert run(main()) == [{"data": {"counter": n}} for n in (3, 2, 1)]


def test_a_list_field_whose_stream_is_an_async_generator(engine: Any) -> None:
    """The source stream of a list-typed field is its stream, not its list
    (async iterables are lists elsewhere); an event's value may be an async
    iterable, collected as the field's list."""

    async def batches(_root: Any, _info: Any) -> AsyncIterator[Any]:
        yield {"batch": [1, 2]}

        async def later() -> AsyncIterator[int]:
            yield 3

        yield {"batch": later()}

    schema = engine.schema(
        "type Query { a: Int } type Subscription { batch: [Int] }",
        {"Subscription": {"batch": batches}},
    )

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe("subscription { batch }"))

    assert run(main()) == [{"data": {"batch": [1, 2]}}, {"data": {"batch": [3]}}]


def test_a_source_resolver_that_returns_an_error(engine: Any) -> None:
    async def counter(_root: Any, _info: Any, upTo: int) -> Any:
        return engine.GraphQLError("returned error", extensions={"code": "NOPE"})

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})
    result = run(schema.subscribe("subscription { counter(upTo: 1) }"))
    assert result.to_dict() == {
        "errors": [
            {
                "message": "returned error",
                "locations": [{"line": 1, "column": 16}],
                "path": ["counter"],
                "extensions": {"code": "NOPE"},
            }
        ]
    }


def test_a_source_resolver_that_returns_no_stream(engine: Any) -> None:
    schema = engine.schema(SDL, {"Subscription": {"counter": lambda _root, _info, upTo: [1, 2]}})
    with pytest.raises(TypeError) as info:
        run(schema.subscribe("subscription { counter(upTo: 1) }"))
    assert str(info.value) == "Subscription field must return AsyncIterable. Received: [1, 2]."


def test_typename_at_the_subscription_root_is_a_validation_error(engine: Any) -> None:
    schema = engine.schema(SDL)
    result = run(schema.subscribe("subscription { __typename }"))
    assert result.to_dict() == {
        "errors": [
            {
                "message": "Anonymous Subscription must not select"
                " an introspection top level field.",
                "locations": [{"line": 1, "column": 16}],
            }
        ]
    }


def test_request_errors_give_no_stream(engine: Any) -> None:
    schema = engine.schema(SDL)
    result = run(schema.subscribe("subscription ($n: Int!) { counter(upTo: $n) }"))
    assert result.to_dict() == {
        "errors": [
            {
                "message": "Variable '$n' of required type 'Int!' was not provided.",
                "locations": [{"line": 1, "column": 15}],
            }
        ]
    }
    result = run(
        schema.subscribe("subscription { counter(upTo: 1) strictEmail { inbox { total } } }")
    )
    assert result.to_dict() == {
        "errors": [
            {
                "message": "Anonymous Subscription must select only one top level field.",
                "locations": [{"line": 1, "column": 33}],
            }
        ]
    }
    result = run(schema.subscribe("subscription { counter(upTo: 1) "))
    assert result.to_dict() == {
        "errors": [
            {
                "message": "Syntax Error: Expected Name, found <EOF>.",
                "locations": [{"line": 1, "column": 33}],
            }
        ]
    }


def test_an_error_raised_by_the_stream_ends_the_iteration(engine: Any) -> None:
    async def counter(_root: Any, _info: Any, upTo: int) -> AsyncIterator[Any]:
        yield {"counter": 1}
        raise ConnectionResetError("stream broke")

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})

    async def main() -> tuple[list[dict[str, Any]], BaseException | None]:
        stream = await schema.subscribe("subscription { counter(upTo: 2) }")
        results: list[dict[str, Any]] = []
        try:
            async for result in stream:
                results.append(result.to_dict())
        except ConnectionResetError as error:
            return results, error
        return results, None

    results, error = run(main())
    assert results == [{"data": {"counter": 1}}]
    assert isinstance(error, ConnectionResetError)


def test_closing_the_iterator_closes_the_stream(engine: Any) -> None:
    closed: list[str] = []

    async def counter(_root: Any, _info: Any, upTo: int) -> AsyncIterator[Any]:
        try:
            number = 0
            while True:
                number += 1
                yield {"counter": number}
        finally:
            closed.append("closed")

    schema = engine.schema(SDL, {"Subscription": {"counter": counter}})

    async def main() -> list[dict[str, Any]]:
        stream = await schema.subscribe("subscription { counter(upTo: 1) }")
        first = (await stream.__anext__()).to_dict()
        second = (await stream.__anext__()).to_dict()
        await stream.aclose()
        with pytest.raises(StopAsyncIteration):
            await stream.__anext__()
        return [first, second]

    assert run(main()) == [{"data": {"counter": 1}}, {"data": {"counter": 2}}]
    assert closed == ["closed"]


def test_events_are_executed_asynchronously(engine: Any) -> None:
    async def subject(email: dict[str, Any], _info: Any) -> str:
        await asyncio.sleep(0)
        return f"async {email['subject']}"

    async def important_email(_root: Any, _info: Any, **_args: Any) -> AsyncIterator[Any]:
        yield email_event("one")

    schema = engine.schema(
        SDL, {"Subscription": {"importantEmail": important_email}, "Email": {"subject": subject}}
    )

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe(QUERY))

    assert run(main()) == [email_data("async one")]


def test_fragments_in_a_subscription(engine: Any) -> None:
    async def important_email(_root: Any, _info: Any, **_args: Any) -> AsyncIterator[Any]:
        yield email_event("frag")

    schema = engine.schema(SDL, {"Subscription": {"importantEmail": important_email}})
    query = """
      subscription Mail { ...Root }
      fragment Root on Subscription {
        importantEmail { __typename ... on EmailEvent { email { subject } } }
      }
    """

    async def main() -> list[dict[str, Any]]:
        return await collect(await schema.subscribe(query, operation_name="Mail"))

    assert run(main()) == [
        {
            "data": {
                "importantEmail": {"__typename": "EmailEvent", "email": {"subject": "frag"}},
            }
        }
    ]
