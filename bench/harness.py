"""Measure workloads on graftql and its peers, in one process, and report.

Method, for each workload:

1. Load every peer (graphql-core, the baseline, must load; others that do
   not are reported as skipped), build each peer's operation, run it once
   and check the peers' results agree (a peer whose output differs is
   reported as an error, not timed; when graphql-core itself fails, no
   other peer is timed either).
2. Calibrate: per peer, the number of loops that makes one round last about
   0.2 s (0.05 s with --quick), so fast and slow peers get equally precise
   rounds; one warm-up round each.
3. Time --repeat rounds. Each round runs every peer once, in an order that
   rotates from round to round, so drift (CPU frequency, other load) spreads
   over all peers. A full collection runs before each round; the garbage
   collector stays enabled while timing, as in a server.
4. Report per peer the median, 10th and 90th percentile of the per-operation
   time over rounds, and the baseline's median divided by the peer's.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from bench.peers import PEERS, Peer, PeerUnavailable
from bench.workloads import WORKLOADS, Workload
from bench.workloads.registry import Timed

# Seconds of work for `loops` operations. In-process peers get one from
# in_process(); an async operation or a peer that runs elsewhere (node)
# supplies its own, as a Timed (bench/workloads/registry.py).
Runner = Callable[[int], float]


def in_process(op: Callable[[], object]) -> Runner:
    def run(loops: int) -> float:
        it = range(loops)
        start = time.perf_counter()
        for _ in it:
            op()
        return time.perf_counter() - start

    return run


@dataclass
class PeerResult:
    peer: str
    version: str
    status: str  # "ok", "skipped" or "error"
    reason: str = ""
    loops: int = 0
    times_s: list[float] = field(default_factory=list)  # per operation, one per round
    median_s: float | None = None
    p10_s: float | None = None
    p90_s: float | None = None
    vs_baseline: float | None = None  # baseline median / this median: > 1 is faster

    def summarize(self) -> None:
        times = sorted(self.times_s)
        self.median_s = statistics.median(times)
        if len(times) >= 2:
            deciles = statistics.quantiles(times, n=10, method="inclusive")
            self.p10_s, self.p90_s = deciles[0], deciles[-1]
        else:
            self.p10_s = self.p90_s = self.median_s


@dataclass
class WorkloadReport:
    name: str
    description: str
    inputs: str
    rounds: int
    results: list[PeerResult]


def _calibrate(runner: Runner, target: float) -> int:
    loops = 1
    while True:
        elapsed = runner(loops)
        if elapsed >= target / 4 or loops >= 10**8:
            break
        loops = max(loops * 2, math.ceil(loops * target / 4 / max(elapsed, 1e-9)))
    return max(1, round(loops * target / max(elapsed, 1e-9)))


def run_workload(
    workload: Workload, peers: Sequence[Peer], repeat: int, target: float
) -> WorkloadReport:
    closers: list[Callable[[], None]] = []
    try:
        return _run_workload(workload, peers, repeat, target, closers)
    finally:
        for close in closers:
            close()


def _run_workload(
    workload: Workload,
    peers: Sequence[Peer],
    repeat: int,
    target: float,
    closers: list[Callable[[], None]],
) -> WorkloadReport:
    results: dict[str, PeerResult] = {}
    runners: dict[str, Runner] = {}
    outputs: dict[str, tuple[Any, object]] = {}
    for peer in peers:
        if peer.name not in workload.setups:
            continue
        result = results[peer.name] = PeerResult(peer.name, peer.version(), "ok")
        try:
            module = peer.load()
        except PeerUnavailable as exc:
            if peer.baseline:
                raise SystemExit(f"the baseline {peer.name} must be installed: {exc}") from None
            result.status, result.reason, result.version = "skipped", str(exc), "-"
            continue
        try:
            made = workload.setups[peer.name](module)
            timed = made if isinstance(made, Timed) else Timed(made, in_process(made))
            closers.append(timed.close)
            outputs[peer.name] = (module, timed.output())
        except PeerUnavailable as exc:
            result.status, result.reason = "skipped", str(exc)
            continue
        except Exception as exc:
            result.status, result.reason = "error", f"{type(exc).__name__}: {exc}"
            continue
        runners[peer.name] = timed.run

    if workload.check is not None and "graphql-core" not in outputs:
        # Nothing to check the others against: a figure of an unchecked
        # answer is not reported.
        for peer_name in list(runners):
            if peer_name != "graphql-core":
                results[peer_name].status = "error"
                results[peer_name].reason = "not checked: graphql-core did not run"
                del runners[peer_name]
    elif workload.check is not None and len(outputs) > 1:
        for peer_name in list(outputs):
            if peer_name == "graphql-core":
                continue
            pair = {"graphql-core": outputs["graphql-core"], peer_name: outputs[peer_name]}
            try:
                problem = workload.check(pair)
            except Exception as exc:
                problem = f"checking the output failed: {type(exc).__name__}: {exc}"
            if problem:
                results[peer_name].status, results[peer_name].reason = "error", problem
                del runners[peer_name]
    outputs.clear()

    names = list(runners)
    if repeat == 0:  # --check: the outputs agree, nothing is timed
        for name in names:
            results[name].reason = (
                "checked: the baseline"
                if name == "graphql-core"
                else "checked: the same output as graphql-core"
            )
        return WorkloadReport(
            workload.name, workload.description, workload.inputs(), 0, list(results.values())
        )
    for name in names:
        results[name].loops = _calibrate(runners[name], target)
        runners[name](results[name].loops)  # warm-up round
    for round_index in range(repeat):
        shift = round_index % max(1, len(names))
        for name in names[shift:] + names[:shift]:
            gc.collect()
            loops = results[name].loops
            results[name].times_s.append(runners[name](loops) / loops)

    baseline = results.get("graphql-core")
    for name in names:
        results[name].summarize()
    if baseline is not None and baseline.median_s:
        for name in names:
            median = results[name].median_s
            results[name].vs_baseline = baseline.median_s / median if median else None
    return WorkloadReport(
        workload.name, workload.description, workload.inputs(), repeat, list(results.values())
    )


# === Reporting =============================================================


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
    }


def _fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def _fmt_ratio(ratio: float) -> str:
    return f"{ratio:.0f}" if ratio >= 100 else f"{ratio:.1f}" if ratio >= 10 else f"{ratio:.2f}"


def format_report(report: WorkloadReport) -> str:
    rounds = f"{report.rounds} rounds" if report.rounds else "checked, not timed"
    lines = [
        f"{report.name}: {report.description}",
        f"input: {report.inputs}; {rounds}",
        "",
    ]
    header = ("peer", "version", "median", "p10", "p90", "vs graphql-core")
    rows = [header]
    for r in report.results:
        if r.status != "ok":
            rows.append((r.peer, r.version, f"{r.status}: {r.reason}", "", "", ""))
            continue
        if r.median_s is None:  # checked, not timed
            rows.append((r.peer, r.version, r.reason, "", "", ""))
            continue
        ratio = "-" if r.vs_baseline is None else f"{_fmt_ratio(r.vs_baseline)}x"
        if r.vs_baseline is not None and r.peer != "graphql-core":
            ratio += " faster" if r.vs_baseline >= 1 else " (slower)"
        rows.append(
            (
                r.peer,
                r.version,
                _fmt_time(r.median_s),
                _fmt_time(r.p10_s),
                _fmt_time(r.p90_s),
                ratio,
            )
        )
    widths = [max(len(row[i]) for row in rows if row[3] or i < 2) for i in range(6)]
    for row in rows:
        if not row[3] and row is not header:  # a skipped or failed peer: one long cell
            lines.append(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")
            continue
        cells = [f"{row[0]:<{widths[0]}}", f"{row[1]:<{widths[1]}}"]
        cells += [f"{cell:>{widths[i + 2]}}" for i, cell in enumerate(row[2:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time workloads on graftql and its peers; graphql-core is the baseline.",
    )
    parser.add_argument(
        "workloads",
        nargs="*",
        metavar="WORKLOAD",
        help=f"one or more of: {', '.join(WORKLOADS)}; or all",
    )
    parser.add_argument(
        "--repeat", type=int, default=None, help="rounds per peer (default 15, or 5 with --quick)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="short rounds (0.05 s instead of 0.2 s), 5 of them: a smoke run",
    )
    parser.add_argument(
        "--json",
        nargs="?",
        const="-",
        metavar="FILE",
        help="write the results as JSON to FILE, or to stdout instead of the table",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="run each peer once and check its output against graphql-core's; no timing",
    )
    parser.add_argument("--list", action="store_true", help="list the workloads and exit")
    args = parser.parse_args(argv)

    if args.list or not args.workloads:
        width = max(len(name) for name in WORKLOADS)
        for w in WORKLOADS.values():
            print(f"{w.name:<{width}}  {w.description}")
        return 0 if args.list else 2
    names = list(WORKLOADS) if args.workloads == ["all"] else args.workloads
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload {', '.join(unknown)}; choose from {', '.join(WORKLOADS)}")
    repeat = 0 if args.check else args.repeat or (5 if args.quick else 15)
    target = 0.05 if args.quick else 0.2

    info = machine()
    table = args.json != "-"
    if table:
        print(f"{info['python']} on {info['cpu']} ({info['cpus']} CPUs), {info['platform']}\n")
    reports = []
    for name in names:
        report = run_workload(WORKLOADS[name], PEERS, repeat, target)
        reports.append(report)
        if table:
            print(format_report(report) + "\n", flush=True)

    if args.json:
        data = {
            "machine": info,
            "settings": {"repeat": repeat, "round_seconds": target},
            "workloads": [asdict(r) for r in reports],
        }
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                f.write(text + "\n")
    failed = any(r.status == "error" for report in reports for r in report.results)
    return 1 if failed else 0
