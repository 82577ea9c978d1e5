"""The ``graftql`` command (also ``python -m graftql``).

    graftql parse FILE [--json [--locations]] [--max-tokens N] [--max-depth N]

``parse`` prints the document as ``print_ast`` does, or with ``--json`` as
``Document.to_dict()``. FILE may be ``-`` for stdin. A syntax error is printed
to stderr as graphql-core prints it (message, ``FILE:line:column`` and an
excerpt of the source). Exit status: 0 success, 1 the document has an error,
2 usage or input/output error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from graftql._core import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_TOKENS,
    MAX_DEPTH_CEILING,
    __version__,
    parse,
    print_ast,
)
from graftql.error import GraphQLError, print_source_location

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
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
