"""Every benchmark still runs (at a tiny size, once). Timings are printed by the benchmarks, never asserted."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize(
    ("script", "expect"),
    [
        ("extract.py", "Extraction throughput"),
        ("startup.py", "Start-up"),
        ("export.py", "Export of 200 items"),
        ("quiz_scale.py", "Quiz scale"),
        ("quiz_phases.py", "Quiz phases"),
        ("long_article.py", "Long article"),
        ("report.py", "Performance (issue 14)"),
        ("merge.py", "quizgen merge, step by step"),
    ],
)
def test_benchmark_runs_at_tiny_size(script: str, expect: str) -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--tiny"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    assert expect in r.stdout
    assert "NO" not in r.stdout.split()  # the extraction benchmark's "same deck" column
