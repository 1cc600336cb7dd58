"""A fresh ``pip install .`` with the Python's own pip (no upgrade) gives a bantin that reads HTML.

pip 23.2 (Python 3.11's bundled one) did not pull in ``lxml_html_clean``, so HTML reading died
with an ImportError in a fresh install while the developers' upgraded pip hid it. This test
installs the package the way a user would, into a new venv, and reads an HTML page and a .txt.
It needs the package registry: it skips when the venv's pip cannot reach it.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "ingest"

pytestmark = pytest.mark.slow


def run(*command: str | Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=timeout)


def test_fresh_install_with_the_stock_pip_reads_html_and_text(tmp_path):
    # The interpreter the test venv was made from: its ensurepip is the machine's stock pip.
    base = getattr(sys, "_base_executable", sys.executable)
    venv = tmp_path / "v"
    made = run(base, "-m", "venv", venv, timeout=300)
    assert made.returncode == 0, made.stderr
    pip, bantin = venv / "bin" / "pip", venv / "bin" / "bantin"
    reachable = run(pip, "download", "--no-deps", "--quiet", "-d", tmp_path / "probe", "lxml_html_clean", timeout=120)
    if reachable.returncode != 0:
        pytest.skip(f"package registry unreachable: {reachable.stderr.strip().splitlines()[-1:]}")

    # A copy of the sources, so the build leaves nothing in the work tree.
    source = tmp_path / "src-copy"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    installed = run(pip, "install", "--quiet", source, timeout=1500)
    assert installed.returncode == 0, installed.stderr[-3000:]

    result = run(bantin, "clean", DATA / "trang.html", DATA / "bai-bao.txt", "--format", "jsonl", timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    html, text = [json.loads(line) for line in result.stdout.splitlines()]
    assert html["title"] == "Khánh thành cầu Rồng mới"
    assert "khánh thành cây cầu mới bắc qua sông Hàn" in html["text"]
    assert text["title"] == "Cháy chợ Đồng Xuân lúc rạng sáng"
