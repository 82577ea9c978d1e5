"""GraphiQL in headless Chromium: the page GraphQLApp serves to a browser
loads (from local files only), and a query typed into it runs.

Needs Playwright (the ``browser`` extra) and a Chromium at /usr/bin/chromium
(Debian: ``apt-get install chromium``; Playwright's own browser download is
never used), plus npm once to fill build/graphiql with tools/graphiql/fetch.sh.
``make browser-test`` checks all three and runs this file. Without them the
test is skipped, saying which is missing, or fails when
``$GRAFTQL_BROWSER_REQUIRED`` is 1 (as ``make browser-test`` sets it).

A screenshot of the page with the result is kept in build/browser/graphiql.png.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import httpx
import pytest

from graftql.asgi import GRAPHIQL_FILES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ASSETS = ROOT / "build" / "graphiql"
SCREENSHOT = ROOT / "build" / "browser" / "graphiql.png"
FETCH = ROOT / "tools" / "graphiql" / "fetch.sh"
CHROMIUM = os.environ.get("GRAFTQL_CHROMIUM", "/usr/bin/chromium")

STARTUP_SECONDS = 30.0
#: How long the page may take to show GraphiQL's editor, and a result.
UI_TIMEOUT_MS = 30_000

REQUIRED = os.environ.get("GRAFTQL_BROWSER_REQUIRED") == "1"


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail when the browser test is required."""
    if REQUIRED:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


try:
    from playwright import sync_api as playwright_sync
except ImportError:
    if REQUIRED:
        raise
    pytest.skip("Playwright is not installed: pip install -e '.[browser]'", allow_module_level=True)


@pytest.fixture(scope="module")
def assets() -> Path:
    """build/graphiql filled with GraphiQL's files, fetched once with npm."""
    if not all((ASSETS / name).is_file() for name in GRAPHIQL_FILES):
        if shutil.which("npm") is None:
            unavailable("npm not found: cannot fill build/graphiql with tools/graphiql/fetch.sh")
        subprocess.run([str(FETCH), str(ASSETS)], check=True)
    return ASSETS


@pytest.fixture(scope="module")
def server(assets: Path) -> Iterator[str]:
    with _uvicorn("graphiql_app:app", {"GRAFTQL_BROWSER_GRAPHIQL_ASSETS": str(assets)}) as url:
        yield url


def test_graphiql_runs_a_query(server: str) -> None:
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"no chromium at {CHROMIUM}: apt-get install chromium")
    local = {urlsplit(server).netloc}
    left_loopback: list[str] = []
    served: list[str] = []
    failures: list[str] = []

    def route(request: playwright_sync.Route) -> None:
        url = urlsplit(request.request.url)
        if url.scheme in ("http", "https") and url.netloc not in local:
            left_loopback.append(request.request.url)
            request.abort()
        else:
            served.append(url.path)
            request.continue_()

    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", route)
            page.on("pageerror", lambda error: failures.append(str(error)))
            # A normal navigation: Chromium sends Accept: text/html,..., so
            # the endpoint answers with GraphiQL's page.
            response = page.goto(server + "/graphql")
            assert response is not None
            assert response.status == 200
            assert response.headers["content-type"].startswith("text/html")

            editor = page.locator(".graphiql-query-editor .CodeMirror")
            editor.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
            # Replace the welcome text with the query, through CodeMirror's
            # own API (typing would race the editor's auto-closing brackets).
            editor.evaluate("(node, query) => node.CodeMirror.setValue(query)", "{ hello numbers }")
            page.locator("button.graphiql-execute-button").click()

            result = page.locator(".graphiql-response .CodeMirror")
            result.wait_for(state="visible", timeout=UI_TIMEOUT_MS)
            page.wait_for_function(
                "() => document.querySelector('.graphiql-response .CodeMirror')"
                ".CodeMirror.getValue().includes('Hello')",
                timeout=UI_TIMEOUT_MS,
            )
            shown = result.evaluate("node => node.CodeMirror.getValue()")
            assert json.loads(shown) == {"data": {"hello": "Hello, world!", "numbers": [1, 2, 3]}}
            # What is on screen, not only in the editor's model.
            assert "Hello, world!" in result.inner_text()

            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
        finally:
            browser.close()

    assert left_loopback == [], "requests left the loopback"
    # GraphiQL came from this server: each of its files was requested here.
    assert {f"/graphql/_graphiql/{name}" for name in GRAPHIQL_FILES} <= set(served)
    assert failures == [], "the page raised"


# ---- the server ------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _uvicorn(target: str, env: dict[str, str]) -> Iterator[str]:
    """uvicorn serving target (module:attr in this directory) on a free
    loopback port until the block ends; yields its base URL once /healthz
    answers."""
    with tempfile.TemporaryDirectory(prefix="graftql-browser-") as folder:
        log_path = Path(folder) / "server.log"
        port = _free_port()
        command = [
            sys.executable, "-m", "uvicorn", target,
            "--app-dir", str(HERE),
            "--host", "127.0.0.1",
            "--port", str(port),
            "--log-level", "warning",
        ]  # fmt: skip
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **env}
            )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"uvicorn exited:\n{log_path.read_text()}")
                try:
                    if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn did not start:\n{log_path.read_text()}")
                time.sleep(0.05)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
