"""Serving a test app with uvicorn in a subprocess, on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent

#: How long a server may take to answer /healthz after it was started.
STARTUP_SECONDS = 30.0


@dataclass
class Server:
    """A running server: its base URL and what it has written to stderr."""

    url: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def uvicorn_server(
    target: str, *, app_dir: Path = HERE, env: Mapping[str, str] | None = None
) -> Iterator[Server]:
    """Run ``uvicorn target`` (module:attr, imported from app_dir) until the
    block ends; yields once /healthz answers."""
    with tempfile.TemporaryDirectory(prefix="graftql-http-") as folder:
        log_path = Path(folder) / "server.log"
        port = free_port()
        command = [
            sys.executable, "-m", "uvicorn", target,
            "--app-dir", str(app_dir),
            "--host", "127.0.0.1",
            "--port", str(port),
            "--lifespan", "on",
            "--log-level", "warning",
            "--no-access-log",
        ]  # fmt: skip
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
            )
        server = Server(f"http://127.0.0.1:{port}", log_path)
        try:
            _wait_until_up(process, server)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(process: subprocess.Popen[bytes], server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{server.log()}")
        try:
            if httpx.get(server.url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"uvicorn did not answer /healthz in {STARTUP_SECONDS} s:\n{server.log()}")
