"""Add up the C test results of a meson build directory.

Every C test (and tests/c/test_cli.sh) ends with the harness line
"N passed, N failed"; meson keeps each test's output in
meson-logs/testlog.json. This prints one total line, "C: N passed, N failed",
counting a test that died before its summary line as one failure.

Usage: python3 tests/c/summary.py BUILD_DIR
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed", re.MULTILINE)


def main(build_dir: str) -> int:
    log = Path(build_dir, "meson-logs", "testlog.json")
    passed = failed = 0
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        test = json.loads(line)
        output = (test.get("stdout") or "") + "\n" + (test.get("stderr") or "")
        counts = SUMMARY.findall(output)
        if counts:
            passed += int(counts[-1][0])
            failed += int(counts[-1][1])
        if test.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and (
            not counts or counts[-1][1] == "0"
        ):
            failed += 1  # crashed, timed out, or failed without saying so
        elif test.get("result") == "OK" and not counts:
            passed += 1  # a test without the harness: one test
    print(f"C: {passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
