"""GraphQL over HTTP on the loopback: requests/s and latency of graftql's
GraphQLApp, Strawberry's ASGI app and a bare ASGI app, under the same load.

    python -m bench.http [--duration 5] [--warmup 1] [--connections 16]
                         [--rounds 1] [--client auto|wrk|python]
                         [--max-requests N] [--markdown FILE] [--json FILE]

Method:

1. The three servers (bench/http_servers.py) start, each uvicorn in its own
   subprocess, one worker, on a free loopback port, access log off, the same
   uvicorn options for all (whichever HTTP parser and event loop uvicorn
   finds installed, reported). With 2 CPUs or more the servers are pinned to
   CPU 0 and the load generator to CPU 1 (--no-pin turns that off): they
   still share the machine, but not a core.
2. For each query, one request to each server: the bodies must parse to the
   same JSON, equal to the response computed by plain Python from the data
   (bench/http_servers.expected); a server that differs is reported and not
   timed.
3. For each round, query and server (the servers' order rotating from round
   to round): --warmup seconds of load, then --duration seconds measured,
   --connections keep-alive connections each sending POST requests back to
   back. The load generator is wrk (Debian: apt-get install wrk), driven by
   a small Lua script, when it is installed; otherwise an asyncio client on
   raw sockets in a subprocess. Either stops at --max-requests too.
   Any error (non-2xx status, socket error, timeout) is reported.
4. Reported per server and query: requests/s, p50 and p99 latency (the
   median over rounds of each), and requests/s as a ratio of Strawberry's
   (higher is better).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from bench import http_servers

ROOT = Path(__file__).resolve().parent.parent

#: name -> (label, factory): the servers, in the order of the table.
SERVERS = {
    "graftql": ("graftql GraphQLApp", "bench.http_servers:graftql_app"),
    "strawberry": ("Strawberry (strawberry.asgi)", "bench.http_servers:strawberry_app"),
    "hello": ("bare ASGI, fixed body", "bench.http_servers:hello_app"),
}
BASELINE = "strawberry"
STARTUP_SECONDS = 60.0


@dataclass
class Run:
    """One measured run: a server under one query's load."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class Row:
    server: str
    query: str
    status: str = "ok"  # "ok" or "error"
    reason: str = ""
    runs: list[Run] = field(default_factory=list)
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    errors: int = 0
    vs_strawberry: float | None = None

    def summarize(self) -> None:
        self.rps = statistics.median(run.rps for run in self.runs)
        self.p50_ms = statistics.median(run.p50_ms for run in self.runs)
        self.p99_ms = statistics.median(run.p99_ms for run in self.runs)
        self.errors = sum(run.errors for run in self.runs)


# ---- servers -------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _post(port: int, body: bytes, timeout: float = 10.0) -> tuple[int, bytes]:
    """One POST /graphql on a fresh connection: (status, body)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "POST",
            "/graphql",
            body,
            {"content-type": "application/json", "accept": "application/json"},
        )
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextmanager
def _server(factory: str, cpus: set[int] | None, log_dir: Path) -> Iterator[int]:
    """uvicorn serving factory on a free port until the block ends; yields
    the port once the small query answers."""
    port = _free_port()
    log_path = log_dir / (factory.rsplit(":", 1)[1] + ".log")
    command = [
        sys.executable, "-m", "uvicorn", factory, "--factory",
        "--host", "127.0.0.1", "--port", str(port),
        "--workers", "1", "--lifespan", "auto",
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=env,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        body = http_servers.request_body("small")
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{factory} exited with {process.returncode}:\n{log_path.read_text()}"
                )
            try:
                if _post(port, body, timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{factory} did not answer in {STARTUP_SECONDS} s")
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def check(ports: dict[str, int], query: str) -> dict[str, str]:
    """One request of query to each server; the reason each wrong one is wrong."""
    want = http_servers.expected(query)
    body = http_servers.request_body(query)
    wrong = {}
    for name, port in ports.items():
        status, answer = _post(port, body)
        try:
            got = json.loads(answer)
        except ValueError:
            got = None
        if status != 200:
            wrong[name] = f"status {status}: {answer[:200]!r}"
        elif got != want:
            wrong[name] = f"response differs from the expected one: {answer[:200]!r}"
        elif json.dumps(got) != json.dumps(want):  # same keys in the same order
            wrong[name] = "response keys out of order"
    return wrong


# ---- load generators -------------------------------------------------------------

_WRK_SCRIPT = """\
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = [==[{body}]==]
local limit = {limit}
local count = 0
response = function(status, headers, body)
  count = count + 1
  if count >= limit then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH-RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _wrk(
    port: int, body: bytes, seconds: float, connections: int, limit: int, cpus: set[int] | None
) -> Run:
    threads = max(1, min(len(cpus) if cpus else 1, connections))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT.format(body=body.decode(), limit=max(1, limit // threads)))
    try:
        command = [
            "wrk", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(seconds))}s",
            "--timeout", "5s", "-s", script.name, f"http://127.0.0.1:{port}/graphql",
        ]  # fmt: skip
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
            check=True,
        )
    finally:
        os.unlink(script.name)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("BENCH-RESULT"))
    requests, duration_us, p50_us, p99_us, errors = (int(x) for x in line.split()[1:])
    return Run(requests, duration_us / 1e6, p50_us / 1e3, p99_us / 1e3, errors)


def _python(
    port: int, body: bytes, seconds: float, connections: int, limit: int, cpus: set[int] | None
) -> Run:
    """The asyncio client (python -m bench.http --client-subprocess ...) in
    a subprocess, pinned like wrk would be."""
    command = [
        sys.executable, "-m", "bench.http", "--client-subprocess",
        str(port), str(seconds), str(connections), str(limit),
    ]  # fmt: skip
    done = subprocess.run(
        command,
        input=body,
        capture_output=True,
        timeout=seconds + 30,
        cwd=ROOT,
        preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
        check=True,
    )
    return Run(**json.loads(done.stdout))


async def _load(port: int, body: bytes, seconds: float, connections: int, limit: int) -> Run:
    """connections keep-alive connections, each sending POST requests back
    to back for seconds (or until limit responses in all)."""
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\nAccept: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    request = head + body
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop_at and len(latencies) < limit:
                start = time.perf_counter()
                writer.write(request)
                status_line = await reader.readline()
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - start)
                if status_line.split(b" ", 2)[1:2] != [b"200"]:
                    errors += 1
        except (OSError, asyncio.IncompleteReadError):
            errors += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    if not latencies:
        return Run(0, elapsed, 0.0, 0.0, errors)

    def pick(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e3

    return Run(len(latencies), elapsed, pick(0.50), pick(0.99), errors)


# ---- the report ------------------------------------------------------------------


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for package in ("graftql", "strawberry-graphql", "uvicorn", "h11", "httptools", "uvloop"):
        with suppress(metadata.PackageNotFoundError):
            out[package] = metadata.version(package)
    if shutil.which("wrk"):
        wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
        out["wrk"] = (wrk.stdout or wrk.stderr).split()[1] if (wrk.stdout or wrk.stderr) else "?"
    return out


def table(rows: Sequence[Row]) -> list[list[str]]:
    out = [["query", "server", "requests/s", "p50 ms", "p99 ms", "vs Strawberry"]]
    for row in rows:
        label = SERVERS[row.server][0]
        if row.status != "ok":
            out.append([row.query, label, row.status, "", "", row.reason[:60]])
            continue
        assert row.rps is not None and row.p50_ms is not None and row.p99_ms is not None
        ratio = f"{row.vs_strawberry:.2f}x" if row.vs_strawberry is not None else "-"
        errors = f" ({row.errors} errors)" if row.errors else ""
        out.append(
            [row.query, label, f"{row.rps:,.0f}{errors}", f"{row.p50_ms:.2f}",
             f"{row.p99_ms:.2f}", ratio]
        )  # fmt: skip
    return out


def render_text(cells: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = []
    for n, r in enumerate(cells):
        lines.append(
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_markdown(cells: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cells[0]) + " |", "| --- | --- |" + " ---: |" * (len(cells[0]) - 2)]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


# ---- main ------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--client-subprocess"]:
        port, seconds, connections, limit = args[1:5]
        run = asyncio.run(
            _load(int(port), sys.stdin.buffer.read(), float(seconds), int(connections), int(limit))
        )
        print(json.dumps(asdict(run)))
        return 0

    parser = argparse.ArgumentParser(
        prog="python -m bench.http", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--duration", type=int, default=5.0, help="seconds measured per run (5)")
    parser.add_argument("--warmup", type=int, default=1.0, help="seconds of load before (1)")
    parser.add_argument("--connections", type=int, default=16, help="keep-alive connections (16)")
    parser.add_argument("--rounds", type=int, default=1, help="runs per server and query (1)")
    parser.add_argument(
        "--max-requests", type=int, default=1_000_000, help="stop a run after this many (1,000,000)"
    )
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--no-pin", action="store_true", help="do not pin servers and client to CPUs"
    )
    parser.add_argument("--query", action="append", choices=sorted(http_servers.QUERIES))
    parser.add_argument("--server", action="append", choices=list(SERVERS))
    parser.add_argument("--markdown", metavar="FILE", help="also write the table as markdown")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    opts = parser.parse_args(args)

    if opts.duration < 1 or 0 < opts.warmup < 1:
        parser.error("--duration and --warmup are whole seconds, at least 1 (or a --warmup of 0)")
    client = opts.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    elif client == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    load = _wrk if client == "wrk" else _python
    cpus = sorted(os.sched_getaffinity(0))
    server_cpus = client_cpus = None
    if not opts.no_pin and len(cpus) >= 2:
        server_cpus, client_cpus = {cpus[0]}, set(cpus[1:])
    queries = opts.query or list(http_servers.QUERIES)
    servers = opts.server or list(SERVERS)

    versions = _versions()
    print(f"python -m bench.http: {', '.join(f'{k} {v}' for k, v in versions.items())}")
    print(
        f"load: {client}, {opts.connections} connections, {opts.warmup:g} s warm-up + "
        f"{opts.duration:g} s per run, {opts.rounds} round(s); {len(cpus)} CPUs, "
        + (
            f"servers on CPU {sorted(server_cpus)}, load on CPU {sorted(client_cpus or ())}"
            if server_cpus
            else "not pinned"
        )
    )

    rows = {(s, q): Row(s, q) for q in queries for s in servers}
    with tempfile.TemporaryDirectory(prefix="graftql-bench-http-") as folder, ExitStack() as stack:
        ports = {
            name: stack.enter_context(_server(SERVERS[name][1], server_cpus, Path(folder)))
            for name in servers
        }
        for query in queries:
            for name, reason in check(ports, query).items():
                rows[name, query].status, rows[name, query].reason = "error", reason
                print(f"{name} on {query}: {reason}", file=sys.stderr)
        body = {q: http_servers.request_body(q) for q in queries}
        for round_ in range(opts.rounds):
            order = servers[round_ % len(servers) :] + servers[: round_ % len(servers)]
            for query in queries:
                for name in order:
                    row = rows[name, query]
                    if row.status != "ok":
                        continue
                    if opts.warmup > 0:
                        load(
                            ports[name],
                            body[query],
                            opts.warmup,
                            opts.connections,
                            opts.max_requests,
                            client_cpus,
                        )
                    run = load(
                        ports[name],
                        body[query],
                        opts.duration,
                        opts.connections,
                        opts.max_requests,
                        client_cpus,
                    )
                    row.runs.append(run)
                    print(
                        f"  round {round_ + 1} {query:<7} {name:<11} {run.rps:9,.0f} req/s  "
                        f"p50 {run.p50_ms:6.2f} ms  p99 {run.p99_ms:6.2f} ms"
                        + (f"  {run.errors} errors" if run.errors else ""),
                        flush=True,
                    )

    for row in rows.values():
        if row.status == "ok":
            row.summarize()
    for (_, query), row in rows.items():
        base = rows.get((BASELINE, query))
        if row.rps and base is not None and base.rps:
            row.vs_strawberry = row.rps / base.rps
    ordered = [rows[s, q] for q in queries for s in servers]
    cells = table(ordered)
    print()
    print(render_text(cells))
    markdown = render_markdown(cells)
    print()
    print(markdown)
    if opts.markdown:
        Path(opts.markdown).write_text(markdown + "\n")
    if opts.json:
        report = {
            "versions": versions,
            "client": client,
            "connections": opts.connections,
            "duration_s": opts.duration,
            "warmup_s": opts.warmup,
            "rounds": opts.rounds,
            "cpus": len(cpus),
            "pinned": server_cpus is not None,
            "rows": [asdict(row) for row in ordered],
        }
        Path(opts.json).write_text(json.dumps(report, indent=2) + "\n")
    failed = any(row.status != "ok" or row.errors for row in ordered)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
