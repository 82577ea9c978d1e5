"""graphql-js and graphql-jit, timed inside node.

Each operation of a node peer runs in a child process, `node
bench/node/bench.mjs --serve`, started once per workload and peer. The
harness talks to it in JSON lines on its standard input and output:

    -> {"engine": "graphql-js", "mode": ..., "output": ..., "sdl": ...,
        "query": ..., "data": ..., "asyncFields": [...]}   the operation
    <- {"ok": true}                                        (or {"error": "..."})
    -> {"cmd": "output"}     <- {"output": "<the result as JSON text>"}
    -> {"cmd": "run", "loops": N}   <- {"seconds": S}       timed inside node

so the numbers are node's own (process.hrtime around the loop), without the
pipe, and the harness alternates node's rounds with the Python peers' rounds
like any other peer's. The peers are skipped unless `node` is on the PATH and
bench/node/node_modules holds graphql and graphql-jit (`npm ci` in
bench/node, which `make bench` runs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.peers import Peer, PeerUnavailable
from bench.workloads.registry import Timed

NODE_DIR = Path(__file__).resolve().parent / "node"
SCRIPT = NODE_DIR / "bench.mjs"


def _package_version(package: str) -> str | None:
    try:
        text = (NODE_DIR / "node_modules" / package / "package.json").read_text("utf-8")
    except OSError:
        return None
    return str(json.loads(text).get("version", "?"))


@dataclass(frozen=True)
class NodeEngine:
    """What NodePeer.load() returns: starts the child processes."""

    engine: str  # "graphql-js" or "graphql-jit"
    node: str  # the node executable

    def timed(self, **spec: Any) -> Timed:
        """An operation in a child process of its own; spec: mode ("execute":
        the query text each time, "prepared": a parsed and validated document,
        or for graphql-jit its compiled query), output ("object" or "json"),
        sdl, query, data (the root value), asyncFields ([type, field] pairs
        whose resolver is an async function returning the parent's value)."""
        return NodeChild(self.node, {"engine": self.engine, **spec}).timed()


class NodeChild:
    def __init__(self, node: str, spec: dict[str, Any]) -> None:
        self.proc = subprocess.Popen(
            [node, str(SCRIPT), "--serve"],
            cwd=NODE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        try:
            self._ask(spec)
        except BaseException:
            self.close()
            raise

    def _ask(self, message: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"node exited (status {self.proc.wait()})")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"node: {answer['error']}")
        return answer

    def output(self) -> str:
        return str(self._ask({"cmd": "output"})["output"])

    def run(self, loops: int) -> float:
        return float(self._ask({"cmd": "run", "loops": loops})["seconds"])

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def timed(self) -> Timed:
        return Timed(output=self.output, run=self.run, close=self.close)


@dataclass(frozen=True)
class NodePeer(Peer):
    """A peer run by node; module names its engine's package."""

    def load(self) -> NodeEngine:  # type: ignore[override]
        node = shutil.which("node")
        if node is None:
            raise PeerUnavailable("node is not on the PATH")
        missing = [p for p in ("graphql", "graphql-jit") if _package_version(p) is None]
        if missing:
            raise PeerUnavailable(
                f"{', '.join(missing)} not in bench/node/node_modules; run npm ci in bench/node"
            )
        return NodeEngine(self.name, node)

    def version(self) -> str:
        version = _package_version(self.module)
        if version is None:
            return "?"
        if self.module != "graphql":
            version += f" (graphql {_package_version('graphql')})"
        return version


GRAPHQL_JS = NodePeer("graphql-js", "graphql", "graphql")
GRAPHQL_JIT = NodePeer("graphql-jit", "graphql-jit", "graphql-jit")
