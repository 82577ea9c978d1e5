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
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import pytest

from graftql.asgi import GRAPHIQL_FILES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "python"))  # the uvicorn helper of the HTTP tests

from http_server import uvicorn_server  # noqa: E402

ASSETS = ROOT / "build" / "graphiql"
SCREENSHOT = ROOT / "build" / "browser" / "graphiql.png"
FETCH = ROOT / "tools" / "graphiql" / "fetch.sh"
CHROMIUM = os.environ.get("GRAFTQL_CHROMIUM", "/usr/bin/chromium")

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
    env = {"GRAFTQL_BROWSER_GRAPHIQL_ASSETS": str(assets)}
    with uvicorn_server("graphiql_app:app", app_dir=HERE, env=env) as running:
        yield running.url


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
