"""A real ``bantin serve`` on loopback and Debian's Chromium driven by Playwright.

Chromium is /usr/bin/chromium (``.ci/run`` installs the Debian package when it is missing);
Playwright's own browser downloads are never used. Without Chromium the tests skip, except
under CI (env CI set), where they fail.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BANTIN_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "serve" / "articles.jsonl"
SAMPLE = ROOT / "examples" / "flood-hanoi"
ARTIFACTS = ROOT / "out" / "test-artifacts"  # screenshots (out/ is gitignored)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run; .ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """``bantin serve`` on 127.0.0.1 (a free port) over a store of the test articles + the sample."""
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    db = str(tmp_path_factory.mktemp("browser") / "tin.db")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("BANTIN_TOKEN", None)
    subprocess.run([sys.executable, "-m", "bantin.cli", "ingest", str(DATA), str(SAMPLE), "--db", db],
                   check=True, capture_output=True, env=env)
    process = subprocess.Popen([sys.executable, "-m", "bantin.cli", "serve", "--db", db, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    url = process.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        process.kill()
        pytest.fail(f"bantin serve did not print its URL: {url!r} {process.stderr.read()[-2000:]}")
    yield url.rstrip("/")
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        _missing(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    tab.dialogs = []  # any alert/confirm/prompt is recorded and dismissed
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def shoot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
