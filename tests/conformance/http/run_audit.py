"""Run the graphql-http audit against an app served by uvicorn.

    python tests/conformance/http/run_audit.py [MODULE:ATTR]

MODULE:ATTR is imported from the current directory or tests/python (default
``http_app:app``, the test app); the app's endpoint must be /graphql. The
server gets a free loopback port and is stopped afterwards. The exit status
is the audit's: 0 when every audit is ok. Needs node and ``npm ci`` in this
folder first (``make http-audit`` does both).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[1] / "python"
sys.path.insert(0, str(TESTS))  # the uvicorn helper and the test app live there

from http_server import uvicorn_server  # noqa: E402


def main(argv: list[str]) -> int:
    target = argv[1] if len(argv) > 1 else "http_app:app"
    if not (HERE / "node_modules" / "graphql-http").is_dir():
        sys.stderr.write(f"graphql-http is not installed: run npm ci in {HERE}\n")
        return 2
    # The current directory first, then tests/python (uvicorn's --app-dir).
    path = os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))
    env = {"PYTHONPATH": path}
    with uvicorn_server(target, app_dir=TESTS, env=env) as server:
        audit = ["node", str(HERE / "audit.mjs"), server.url + "/graphql"]
        status = subprocess.run(audit).returncode
        if status != 0 and server.log():
            sys.stderr.write(f"\nThe server's log:\n{server.log()}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
