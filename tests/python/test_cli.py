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


# ---- validate, print-schema, serve -------------------------------------------

SDL = """\
type Query { user(id: ID!): User }
type User { id: ID! name: String }
"""


@pytest.fixture
def schema_file(tmp_path: Path) -> Path:
    path = tmp_path / "schema.graphql"
    path.write_text(SDL, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def core_validation_text(query: str, name: str) -> str:
    """graphql-core's errors for query, printed as str() prints them."""
    schema = graphql.build_schema(SDL)
    errors = graphql.validate(schema, graphql.parse(graphql.Source(query, name)))
    return "\n\n".join(str(error) for error in errors)


def test_validate_a_valid_query(schema_file: Path, tmp_path: Path) -> None:
    query = write(tmp_path, "ok.graphql", "{ user(id: 1) { name } }")
    result = run("validate", str(schema_file), str(query))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    result = run("validate", "--json", str(schema_file), str(query))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"valid": True, "errors": []}


def test_validate_prints_every_error_as_graphql_core(schema_file: Path, tmp_path: Path) -> None:
    text = "{ user { nam } }"
    query = write(tmp_path, "bad.graphql", text)
    result = run("validate", str(schema_file), str(query))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == core_validation_text(text, str(query)) + "\n\n2 errors\n"


def test_validate_json_and_no_suggestions(schema_file: Path, tmp_path: Path) -> None:
    query = write(tmp_path, "bad.graphql", "{ user(id: 1) { nam } }")
    result = run("validate", "--json", "--no-suggestions", str(schema_file), str(query))
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "valid": False,
        "errors": [
            {
                "message": "Cannot query field 'nam' on type 'User'.",
                "locations": [{"line": 1, "column": 17}],
            }
        ],
    }


def test_validate_reads_the_query_from_stdin(schema_file: Path) -> None:
    result = run("validate", str(schema_file), "-", stdin="{ user { name } }")
    assert result.returncode == 1
    assert "<stdin>:1:3" in result.stderr
    assert "argument 'id' of type 'ID!' is required" in result.stderr


def test_validate_a_syntax_error(schema_file: Path, tmp_path: Path) -> None:
    query = write(tmp_path, "broken.graphql", "{ user(")
    result = run("validate", "--json", str(schema_file), str(query))
    assert result.returncode == 1
    assert json.loads(result.stdout)["errors"] == [
        {
            "message": "Syntax Error: Expected Name, found <EOF>.",
            "locations": [{"line": 1, "column": 8}],
        }
    ]


def test_validate_an_invalid_schema(tmp_path: Path) -> None:
    schema = write(tmp_path, "s.graphql", "type Query { x: Foo }")
    query = write(tmp_path, "q.graphql", "{ x }")
    result = run("validate", str(schema), str(query))
    assert result.returncode == 1
    assert result.stderr.startswith("graftql: the schema is invalid:\n\nUnknown type 'Foo'.")
    assert f"{schema}:1:17" in result.stderr
    result = run("validate", "--json", str(schema), str(query))
    assert json.loads(result.stdout) == {
        "valid": False,
        "errors": [{"message": "Unknown type 'Foo'.", "locations": [{"line": 1, "column": 17}]}],
        "reason": "the schema is invalid",
    }


SCALAR_MODULE = """\
import graftql

class Upper:
    @staticmethod
    def parse_value(value):
        return value

    @staticmethod
    def parse_literal(node, variables=None):
        if node.kind != "string_value":
            raise ValueError("not a string")
        if not node.value.isupper():
            raise graftql.GraphQLError("lower case", extensions={"code": "CASE"})
        return node.value

schema = graftql.Schema(
    "scalar Upper type Query { shout(text: Upper): String }", scalars={"Upper": Upper}
)
"""


def test_validate_against_a_module_calls_parse_literal(tmp_path: Path) -> None:
    """A schema named as module:attr has its scalars: validation calls their
    parse_literal, as Schema.validate and execute do."""
    write(tmp_path, "cli_scalar_mod.py", SCALAR_MODULE)
    write(tmp_path, "q.graphql", '{ a: shout(text: "OK") b: shout(text: 1) c: shout(text: "no") }')
    command = ["validate", "--json", "cli_scalar_mod:schema", "q.graphql"]
    result = subprocess.run(
        [sys.executable, "-m", "graftql", *command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "")
    assert json.loads(result.stdout) == {
        "valid": False,
        "errors": [
            {
                "message": "Expected value of type 'Upper', found 1; not a string",
                "locations": [{"line": 1, "column": 39}],
            },
            {"message": "lower case", "extensions": {"code": "CASE"}},
        ],
    }


def test_print_schema_of_a_file_and_of_a_module(schema_file: Path, tmp_path: Path) -> None:
    expected = graphql.print_schema(graphql.build_schema(SDL)) + "\n"
    result = run("print-schema", str(schema_file))
    assert (result.returncode, result.stdout) == (0, expected)
    module = write(
        tmp_path, "cli_target_mod.py", f"import graftql\nschema = graftql.Schema({SDL!r})\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "graftql", "print-schema", "cli_target_mod:schema"],
        cwd=module.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print-schema", "no_such_module_x:schema"], "cannot import module 'no_such_module_x'"),
        (["print-schema", "graftql:nothing_here"], "module 'graftql' has no attribute"),
        (["print-schema", "graftql:parse"], "not a graftql.Schema or an app with one"),
        (["serve", "no_colon"], "'no_colon' is not module:attr"),
        (["serve", "graftql:__version__"], "not a graftql.Schema or an ASGI app"),
        (["validate", "missing.graphql", "-"], "cannot open missing.graphql"),
    ],
)
def test_bad_targets_are_usage_errors(args: list[str], message: str) -> None:
    result = run(*args, stdin="")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["serve", "x:y", "--port", "70000"], {}, "must be at most 65535"),
        (["serve", "x:y", "--workers", "0"], {}, "must be at least 1"),
        (["serve", "x:y"], {"PORT": "http"}, "PORT='http': not a whole number"),
        (["serve", "x:y", "--reload", "--workers", "2"], {}, "cannot be used together"),
    ],
)
def test_serve_options_are_checked(args: list[str], env: dict[str, str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graftql", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr


def _serve(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    """`graftql serve` of a module's Schema on a free port; its base URL."""
    from http_server import free_port

    write(
        tmp_path,
        "serve_target_mod.py",
        "import graftql\n"
        "schema = graftql.Schema('type Query { hello(name: String = \"you\"): String }',\n"
        "    {'Query': {'hello': lambda _root, _info, name: f'hello {name}'}})\n",
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graftql", "serve", "serve_target_mod:schema", *extra],
        cwd=tmp_path,
        env={**os.environ, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return process, f"http://127.0.0.1:{port}"


@pytest.mark.parametrize("extra", [[], ["--workers", "2"]], ids=["one", "two-workers"])
def test_serve_a_schema(tmp_path: Path, extra: list[str]) -> None:
    import time

    import httpx

    process, url = _serve(tmp_path, *extra)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "graftql serve did not come up"
            time.sleep(0.1)
        response = httpx.post(url + "/graphql", json={"query": '{ hello(name: "serve") }'})
        assert response.status_code == 200
        assert response.json() == {"data": {"hello": "hello serve"}}
        page = httpx.get(url + "/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert "graphiql" in page.text.lower()
    finally:
        process.terminate()
        process.wait(timeout=30)
