"""`kill -9` of `extract --jobs 2` (NEW-8): its worker processes end with it.

The workers wait on a pipe for their next article; with the parent killed outright nothing ended that
wait, and they lived on, adopted by init, holding hundreds of MB. Here a real `quizgen extract --jobs 2`
runs on the seed articles copied many times (so it is still working when killed); once its two workers
are running, the parent gets SIGKILL, and the workers must be gone soon after.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the fix is Linux's")


def children(parent: int) -> dict[int, str]:
    """Live (not zombie) processes whose parent is `parent`, with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        if int(fields.get("PPid", "0")) == parent and not fields.get("State", "").startswith(("Z", "X")):
            found[int(entry.name)] = cmdline
    return found


def alive(pid: int) -> bool:
    try:
        state = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State"))
    except (OSError, StopIteration):
        return False
    return "Z" not in state.split(":", 1)[1].split()[0]  # a zombie has ended; only its exit status is left


def test_workers_die_when_extract_is_killed(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(12):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, corpus / f"{n:02d}_{seed.name}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "extract", str(corpus), "-o", str(tmp_path / "d.yaml"), "--no-cache"]
        + ["--jobs", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    workers: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2:  # the workers are forked once the language model is loaded
            assert proc.poll() is None, f"extract ended before its workers were seen: {proc.stderr.read()!r}"
            assert time.monotonic() < deadline, "no workers appeared"
            workers = {pid: cmd for pid, cmd in children(proc.pid).items() if " extract " in cmd}
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in workers if alive(pid)]
        assert not left, f"workers {left} outlived their killed parent"
    finally:
        for pid in workers:  # never leave a stray worker behind, whatever happened
            if alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
