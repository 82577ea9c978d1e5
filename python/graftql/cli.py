"""The ``graftql`` command (also ``python -m graftql``).

    graftql parse FILE [--json [--locations]] [--max-tokens N] [--max-depth N]
    graftql validate SCHEMA QUERY [--json] [--no-suggestions]
    graftql print-schema SCHEMA
    graftql serve TARGET [--host H] [--port P] [--workers N] [--reload]

``parse`` prints the document as ``print_ast`` does, or with ``--json`` as
``Document.to_dict()``. ``validate`` checks an operation document against a
schema and prints every error; ``print-schema`` prints a schema's SDL as
``Schema.print()`` does; ``serve`` runs an app on uvicorn.

SCHEMA is an SDL file (``schema.graphql``) or ``module:attr`` naming a
``graftql.Schema`` or an app that has one (``GraphQLApp``); TARGET is
``module:attr`` naming a Schema (served by a default ``GraphQLApp``) or any
ASGI app. Modules are imported with the current directory on ``sys.path``.
FILE and QUERY may be ``-`` for stdin. Errors are printed to stderr as
graphql-core prints them (message, ``FILE:line:column`` and an excerpt of the
source). Exit status: 0 success, 1 the document or schema has an error, 2
usage or input/output error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graftql._core import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_TOKENS,
    MAX_DEPTH_CEILING,
    __version__,
    parse,
    print_ast,
)
from graftql.error import GraphQLError, SchemaError, print_source_location
from graftql.schema import Schema

__all__ = ["main"]

EXIT_INVALID = 1
EXIT_USAGE = 2

STDIN_NAME = "<stdin>"


class _InputError(Exception):
    """The input could not be read; the message says why."""


def _read_source(path: str) -> tuple[str, str]:
    """The text of path ("-": stdin) and the name to report it under."""
    name = STDIN_NAME if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as file:
                data = file.read()
    except OSError as error:
        raise _InputError(f"cannot open {name}: {error.strerror or error}") from None
    try:
        # Bytes, not text mode: "\r\n" must reach the parser as it is, or
        # error columns and locations would be off.
        return data.decode("utf-8"), name
    except UnicodeDecodeError as error:
        raise _InputError(
            f"{name} is not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


def _format_error(error: GraphQLError, name: str) -> str:
    """The error as ``str(error)`` prints it, with the source called ``name``."""
    output = [error.message]
    if error.source is not None and error.locations:
        output.extend(
            print_source_location(error.source, location, name) for location in error.locations
        )
    return "\n\n".join(output)


def _cmd_parse(args: argparse.Namespace) -> int:
    source, name = _read_source(args.file)
    try:
        document = parse(source, max_tokens=args.max_tokens, max_depth=args.max_depth)
    except GraphQLError as error:
        sys.stderr.write(_format_error(error, name) + "\n")
        return EXIT_INVALID
    if args.json:
        output = json.dumps(
            document.to_dict(locations=args.locations), indent=2, ensure_ascii=False
        )
    else:
        output = print_ast(document)
    sys.stdout.write(output + "\n")
    return 0


def _import_target(spec: str) -> object:
    """The object ``module:attr`` names (attr may be dotted)."""
    module_name, colon, attr = spec.partition(":")
    if not colon or not module_name or not attr:
        raise _InputError(f"{spec!r} is not module:attr (for example examples.shop.app:app)")
    if "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        target: object = importlib.import_module(module_name)
    except ImportError as error:
        raise _InputError(f"cannot import module {module_name!r}: {error}") from None
    for part in attr.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise _InputError(f"module {module_name!r} has no attribute {attr!r}") from None
    return target


def _schema_of(target: object) -> Schema | None:
    """The Schema target is, or the one an app serves (its ``schema``)."""
    if isinstance(target, Schema):
        return target
    schema = getattr(target, "schema", None)
    return schema if isinstance(schema, Schema) else None


def _load_schema(spec: str) -> Schema:
    """The schema of an SDL file or of a ``module:attr``.

    :raises SchemaError: the SDL does not make a valid schema.
    """
    if ":" in spec and not Path(spec).exists():
        target = _import_target(spec)
        schema = _schema_of(target)
        if schema is None:
            raise _InputError(
                f"{spec} is {type(target).__name__!r}, not a graftql.Schema or an app with one"
            )
        return schema
    text, name = _read_source(spec)
    if name == STDIN_NAME:
        return Schema(text)
    return Schema(Path(spec))


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        schema = _load_schema(args.schema)
    except SchemaError as error:
        return _report(args, [error for error in error.errors], "the schema is invalid")
    source, name = _read_source(args.query)
    try:
        document = parse(source)
    except GraphQLError as error:
        return _report(args, [error], None, name)
    errors = schema.validate(document, suggestions=not args.no_suggestions)
    return _report(args, errors, None, name)


def _report(
    args: argparse.Namespace, errors: list[GraphQLError], what: str | None, name: str | None = None
) -> int:
    """Print the outcome of ``validate``; the exit status."""
    if args.json:
        out = {"valid": not errors, "errors": [error.formatted for error in errors]}
        if what and errors:
            out["reason"] = what
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    elif errors:
        if what:
            sys.stderr.write(f"graftql: {what}:\n\n")
        texts = [str(e) if name is None else _format_error(e, name) for e in errors]
        sys.stderr.write("\n\n".join(texts) + "\n")
        count = len(errors)
        sys.stderr.write(f"\n{count} error{'s' if count != 1 else ''}\n")
    return EXIT_INVALID if errors else 0


def _cmd_print_schema(args: argparse.Namespace) -> int:
    try:
        schema = _load_schema(args.schema)
    except SchemaError as error:
        sys.stderr.write(f"graftql: the schema is invalid:\n\n{error}\n")
        return EXIT_INVALID
    sys.stdout.write(schema.print() + "\n")
    return 0


SERVE_TARGET_ENV = "GRAFTQL_SERVE_TARGET"


def _serve_app() -> Any:
    """The app ``graftql serve`` runs, built in each uvicorn worker from the
    target named in the environment (workers and the reloader import it)."""
    target = _import_target(os.environ[SERVE_TARGET_ENV])
    if isinstance(target, Schema):
        from graftql.asgi import GraphQLApp

        return GraphQLApp(target)
    return target


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        raise _InputError(
            "serve needs uvicorn: pip install 'graftql[server]' (or pip install uvicorn)"
        ) from None
    target = _import_target(args.target)
    if not isinstance(target, Schema) and not callable(target):
        raise _InputError(
            f"{args.target} is {type(target).__name__!r}, not a graftql.Schema or an ASGI app"
        )
    os.environ[SERVE_TARGET_ENV] = args.target
    uvicorn.run(
        "graftql.cli:_serve_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        reload=args.reload,
        log_level=args.log_level,
        lifespan="on",
    )
    return 0


def _port(text: str) -> int:
    value = _positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"must be at most 65535, got {value}")
    return value


def _default_port() -> int:
    text = os.environ.get("PORT", "8000")
    try:
        return _port(text)
    except argparse.ArgumentTypeError as error:
        raise _InputError(f"PORT={text!r}: {error}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _depth(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_DEPTH_CEILING:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_DEPTH_CEILING}, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graftql",
        description="GraphQL documents with graftql.",
        epilog="exit status: 0 success, 1 the document has an error, 2 usage or I/O error",
    )
    parser.add_argument("--version", action="version", version=f"graftql {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    cmd = commands.add_parser(
        "parse",
        help="parse FILE and print it back normalized (as print_ast)",
        description="Parse FILE ('-' for stdin) and print it as print_ast does.",
    )
    cmd.add_argument("file", metavar="FILE", help="a GraphQL document, or - for stdin")
    cmd.add_argument("--json", action="store_true", help="print Document.to_dict() as JSON")
    cmd.add_argument("--locations", action="store_true", help="with --json: add each node's 'loc'")
    cmd.add_argument(
        "--max-tokens",
        type=_positive_int,
        metavar="N",
        help=f"stop after N tokens, comments included (default {DEFAULT_MAX_TOKENS})",
    )
    cmd.add_argument(
        "--max-depth",
        type=_depth,
        metavar="N",
        help=f"deepest nesting, 1..{MAX_DEPTH_CEILING} (default {DEFAULT_MAX_DEPTH})",
    )
    cmd.set_defaults(run=_cmd_parse)

    cmd = commands.add_parser(
        "validate",
        help="validate QUERY against SCHEMA and print every error",
        description="Validate the operation document QUERY ('-' for stdin) against SCHEMA "
        "(an SDL file or module:attr). Exit status 1 when either has an error.",
    )
    cmd.add_argument("schema", metavar="SCHEMA", help="an SDL file, or module:attr of a Schema")
    cmd.add_argument("query", metavar="QUERY", help="an operation document, or - for stdin")
    cmd.add_argument(
        "--json", action="store_true", help='print {"valid": ..., "errors": [...]} to stdout'
    )
    cmd.add_argument(
        "--no-suggestions", action="store_true", help='leave "Did you mean ...?" out of messages'
    )
    cmd.set_defaults(run=_cmd_validate)

    cmd = commands.add_parser(
        "print-schema",
        help="print SCHEMA's SDL (as Schema.print)",
        description="Print the SDL of SCHEMA (an SDL file or module:attr), as Schema.print().",
    )
    cmd.add_argument("schema", metavar="SCHEMA", help="an SDL file, or module:attr of a Schema")
    cmd.set_defaults(run=_cmd_print_schema)

    cmd = commands.add_parser(
        "serve",
        help="serve TARGET (module:attr of a Schema or an ASGI app) on uvicorn",
        description="Serve TARGET on uvicorn: module:attr naming a graftql.Schema (served by "
        "graftql.asgi.GraphQLApp with its defaults) or an ASGI app.",
    )
    cmd.add_argument("target", metavar="TARGET", help="module:attr of a Schema or an ASGI app")
    cmd.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    cmd.add_argument(
        "--port", type=_port, default=None, help="port to bind (default $PORT, else 8000)"
    )
    cmd.add_argument(
        "--workers", type=_positive_int, default=1, metavar="N", help="worker processes"
    )
    cmd.add_argument("--reload", action="store_true", help="restart when a source file changes")
    cmd.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug", "trace"],
        help="uvicorn's log level (default info)",
    )
    cmd.set_defaults(run=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if getattr(args, "port", 0) is None:
            args.port = _default_port()
        if getattr(args, "reload", False) and args.workers > 1:
            raise _InputError("--reload and --workers cannot be used together")
        status: int = args.run(args)
        sys.stdout.flush()
    except _InputError as error:
        sys.stderr.write(f"graftql: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`graftql parse big.graphql | head`): not an
        # error worth a traceback. Point stdout at devnull so that Python's
        # final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE
    return status
