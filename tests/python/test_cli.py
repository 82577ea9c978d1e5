"""The graftql command line, run as a subprocess (python -m graftql)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import graphql
import pytest
from graphql.utilities import ast_to_dict

DOCUMENT = '''\
query Q($id: ID = "é") { node(id: $id) { ... on User { name } } }
"""SDL too"""
type User { name: String }
'''


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "graftql", *args],
        input=data,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


@pytest.fixture
def document_file(tmp_path: Path) -> Path:
    path = tmp_path / "doc.graphql"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_parse_prints_the_document(document_file: Path) -> None:
    result = run("parse", str(document_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout == graphql.print_ast(graphql.parse(DOCUMENT)) + "\n"
    assert result.stderr == ""


def test_parse_json(document_file: Path) -> None:
    result = run("parse", str(document_file), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ast_to_dict(graphql.parse(DOCUMENT))
    result = run("parse", "--json", "--locations", str(document_file))
    assert json.loads(result.stdout) == ast_to_dict(graphql.parse(DOCUMENT), locations=True)


def test_parse_stdin() -> None:
    result = run("parse", "-", stdin=DOCUMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == graphql.print_ast(graphql.parse(DOCUMENT)) + "\n"


def expected_error(source: str, name: str, **options: int) -> str:
    with pytest.raises(graphql.GraphQLSyntaxError) as info:
        graphql.parse(graphql.Source(source, name), **options)
    return str(info.value) + "\n"


@pytest.mark.parametrize(
    "source",
    [
        "{ a(x: 1) ?? }",
        'query {\r\n  a(x: "日本😀")\r\n  b(\r\n}\r\n',
        "{ a\ud800 }".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    ],
)
def test_syntax_error(tmp_path: Path, source: str) -> None:
    path = tmp_path / "bad.graphql"
    path.write_bytes(source.encode("utf-8"))
    result = run("parse", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    # As graphql-core's str(error) for a Source named after the file.
    assert result.stderr == expected_error(source, str(path))
    assert f"{path}:" in result.stderr


def test_syntax_error_on_stdin() -> None:
    result = run("parse", "-", stdin="{ a")
    assert result.returncode == 1
    assert result.stderr == expected_error("{ a", "<stdin>")


def test_limits(document_file: Path) -> None:
    result = run("parse", "--max-tokens", "5", str(document_file))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "Syntax Error: Document contains more than 5 tokens. Parsing aborted.\n"
    )
    result = run("parse", "--max-depth=2", "-", stdin="{ a { b { c } } }")
    assert result.returncode == 1
    assert result.stderr.startswith("Syntax Error: Document is nested too deeply.")
    for option in (["--max-depth", "0"], ["--max-depth", "5000"], ["--max-tokens", "x"]):
        result = run("parse", *option, str(document_file))
        assert result.returncode == 2
        assert option[0] in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.graphql"
    result = run("parse", str(missing))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"graftql: cannot open {missing}: No such file or directory\n"


def test_directory(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"graftql: cannot open {tmp_path}:")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.graphql"
    path.write_bytes('{ a(x: "é") }'.encode("latin-1"))
    result = run("parse", str(path))
    assert result.returncode == 2
    assert result.stderr == f"graftql: {path} is not UTF-8: byte 0xe9 at offset 8\n"


def test_usage_errors() -> None:
    result = run()
    assert result.returncode == 2
    assert "usage: graftql" in result.stderr
    result = run("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    result = run("parse")
    assert result.returncode == 2
    assert "FILE" in result.stderr


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "parse" in result.stdout
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("graftql ")


def test_console_script(document_file: Path) -> None:
    script = shutil.which("graftql", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the graftql script is not installed next to this Python")
    result = subprocess.run(
        [script, "parse", str(document_file)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == graphql.print_ast(graphql.parse(DOCUMENT)) + "\n"
