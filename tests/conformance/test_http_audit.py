"""The graphql-http audit suite (npm graphql-http 1.23.1) against the test
app served by uvicorn: every audit must be ok, with no warnings.

Needs node 18 or newer (the audit uses its fetch). The first run installs the
suite with ``npm ci`` from tests/conformance/http/package-lock.json; without
node, or when npm cannot reach the registry, the test is skipped and says why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "http"


def node_major() -> int | None:
    node = shutil.which("node")
    if node is None:
        return None
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    found = re.match(r"v(\d+)\.", version)
    return int(found.group(1)) if found else None


def install_suite() -> None:
    """npm ci, once; skips the test when it cannot be done here."""
    if (HERE / "node_modules" / "graphql-http").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm is not installed: cannot install graphql-http (npm ci in {HERE})")
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        pytest.skip(f"npm ci failed in {HERE} (is the npm registry reachable?):\n{done.stderr}")


def test_every_graphql_http_audit_is_ok() -> None:
    major = node_major()
    if major is None or major < 18:
        pytest.skip(f"the graphql-http audit needs node 18 or newer, found {major or 'none'}")
    install_suite()
    done = subprocess.run(
        [sys.executable, str(HERE / "run_audit.py")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    counts = re.search(r"^(\d+) audits: (\d+) ok, (\d+) warnings, (\d+) errors$", output, re.M)
    assert counts is not None, output
    total, ok, warnings, errors = map(int, counts.groups())
    assert (ok, warnings, errors) == (total, 0, 0), output
    # graphql-http 1.23.1 has 61 server audits: none may go missing unseen.
    assert total == 61, output
