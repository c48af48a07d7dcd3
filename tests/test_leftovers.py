"""Nothing left behind (#12, bug 20): quizgen's temporary files and folders live beside their target under a
recognisable name, `.<target>.quizgen-<pid>-<token>.tmp`; a `kill -9` leaves at most those, and the next
write in that folder removes them. A temporary a live writer holds (locked) is never removed."""

from __future__ import annotations

import dataclasses
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from test_export_cli import import_into

from quizgen.cache import Cache
from quizgen.deck import load_deck, save_deck
from quizgen.paths import remove_stale, scratch_folder, write_atomic

TEMP = re.compile(r"\..+\.quizgen-[0-9]+-[0-9a-f]+\.tmp")
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
ATTEMPTS = 12  # runs to catch a moment in; each run that ends before it is simply run again


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if TEMP.fullmatch(p.name))


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def stale(folder: Path, target: str, pid: int, token: str = "0123456789ab", folder_too: bool = False) -> Path:
    path = folder / f".{target}.quizgen-{pid}-{token}.tmp"
    if folder_too:
        path.mkdir()
        (path / "collection.anki2").write_bytes(b"x" * 1000)
    else:
        path.write_bytes(b"half a file")
    return path


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


# ---- kill -9 of a real export ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled deck ten times over, under new fact ids: 460 notes, a 2 MB collection, so that an export
    spends long enough writing for a poll to see its temporaries."""
    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    facts = [dataclasses.replace(f, id=f"{f.id}-c{k}") for k in range(10) for f in deck.facts]
    path = tmp_path_factory.mktemp("deck") / "big.yaml"
    save_deck(dataclasses.replace(deck, facts=facts), path)
    return path


def _scratch(folder: Path) -> list[Path]:
    return [p for p in temporaries(folder) if p.is_dir()]


def _collection_growing(folder: Path) -> bool:
    for work in _scratch(folder):
        try:
            if (work / "collection.anki2").stat().st_size > 64 * 1024:
                return True
        except OSError:
            pass
    return False


def _package_temp(folder: Path) -> bool:
    return any(p.is_file() for p in temporaries(folder))


MOMENTS = {
    "scratch folder made": lambda folder: bool(_scratch(folder)),
    "collection half written": _collection_growing,
    "package half zipped": _package_temp,
}


def kill_export_when(moment, deck: Path, out: Path, env: dict[str, str]) -> list[Path]:
    """Run `quizgen export` until `moment(folder)` holds while it runs, then `kill -9` it; returns what it
    left in the folder. Fails when no run was caught in `ATTEMPTS` runs."""
    folder = out.parent
    for _ in range(ATTEMPTS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "quizgen", "export", str(deck), "-o", str(out)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while proc.poll() is None:
                try:
                    caught = moment(folder)
                except OSError:  # a temporary removed while it was looked at
                    caught = False
                if caught:
                    os.kill(proc.pid, signal.SIGKILL)
                    assert proc.wait() == -signal.SIGKILL
                    return temporaries(folder)
                time.sleep(0.0002)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        assert not temporaries(folder), "a finished export left temporaries"
    pytest.fail(f"no export was caught in {ATTEMPTS} runs: no temporary of the expected name appeared")


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_kill_during_export_leaves_only_recognisable_temporaries_the_next_run_removes(big_deck, tmp_path, moment):
    folder = tmp_path / "out"
    folder.mkdir()
    system_tmp = tmp_path / "system-tmp"  # where tempfile would have put the collection (/tmp)
    system_tmp.mkdir()
    env = {**os.environ, **EPOCH, "TMPDIR": str(system_tmp)}
    out = folder / "deck.apkg"
    first = run_cli("export", str(big_deck), "-o", str(out), env=env)
    assert first.returncode == 0, first.stderr
    good = out.read_bytes()

    left = kill_export_when(MOMENTS[moment], big_deck, out, env)
    assert left, "the export was killed with nothing of its own in the folder"
    assert sorted(folder.iterdir()) == sorted([out, *left])  # nothing but the package and its temporaries
    assert out.read_bytes() == good  # the package the killed run was replacing is whole
    assert list(system_tmp.iterdir()) == []  # and nothing went to the system temp folder

    again = run_cli("export", str(big_deck), "-o", str(out), env=env)
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert list(folder.iterdir()) == [out]  # the killed run's temporaries are gone
    assert out.read_bytes() == good  # the same package, whole
    assert list(system_tmp.iterdir()) == []
    if moment == "package half zipped":  # (once: Anki takes what the first run wrote, which this equals)
        log, notes = import_into(tmp_path / "c.anki2", out)
        assert len(log.new) == len(notes) == 460


def test_an_export_to_another_package_removes_them_too(sample_deck_path, tmp_path):
    gone = stale(tmp_path, "other.apkg", dead_pid(), folder_too=True)
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "deck.apkg"), env=EPOCH)
    assert result.returncode == 0, result.stderr
    assert not gone.exists() and [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_a_failed_collection_write_is_one_error_line(big_deck, tmp_path):
    """SQLite refused a write (here the file size limit, as a full disk or a read-only folder would): one
    error line, exit 2, and the scratch folder removed."""

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))

    out = tmp_path / "deck.apkg"
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "export", str(big_deck), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=small_files,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"quizgen: error: {out}: cannot write"), result.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_files_have_the_mode_of_a_created_file(sample_deck_path, tmp_path):
    old = os.umask(0o022)
    try:
        result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "deck.apkg"), env=EPOCH)
        save_deck(load_deck(sample_deck_path), tmp_path / "deck.yaml")
        os.umask(0o002)
        write_atomic(tmp_path / "shared", b"x")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "deck.apkg").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "deck.yaml").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "shared").stat().st_mode & 0o777 == 0o664


# ---- remove_stale -----------------------------------------------------------------------------------------

HOLD = """
import sys
from quizgen.paths import scratch_folder, write_atomic
target = sys.argv[1]
def wait(fh):
    fh.write(b"partial")
    fh.flush()
    print("writing", flush=True)
    sys.stdin.readline()
with scratch_folder(target) as work:
    print(work, flush=True)
    write_atomic(target, wait)
"""


def test_a_live_writers_temporaries_are_kept_whatever_their_age(tmp_path):
    target = tmp_path / "deck.apkg"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(target)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        work = Path(proc.stdout.readline().strip())
        assert proc.stdout.readline() == "writing\n"
        held = temporaries(tmp_path)
        assert work in held and len(held) == 2
        for path in held:
            age(path, 7200)  # two hours: only the lock tells them from leftovers
        assert remove_stale(tmp_path) == []
        write_atomic(tmp_path / "other", b"x")  # another writer in the folder cleans up before it writes
        assert temporaries(tmp_path) == held
        proc.stdin.write("\n")
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert target.read_bytes() == b"partial" and temporaries(tmp_path) == []


def test_leftovers_of_ended_processes_are_removed(tmp_path):
    pid = dead_pid()
    files = [stale(tmp_path, "deck.apkg", pid), stale(tmp_path, "deck.apkg", pid, "ffffffffffff", folder_too=True)]
    other = stale(tmp_path, "b.yaml", pid, "abcdef012345")
    assert sorted(remove_stale(tmp_path, "deck.apkg")) == sorted(files)
    assert temporaries(tmp_path) == [other]  # another target's, when only deck.apkg's were asked for
    assert remove_stale(tmp_path) == [other]


def test_a_live_pids_unlocked_temporary_is_removed_only_when_old(tmp_path):
    # (its writer may be between creating the file and locking it; an hour on, the pid was reused)
    young = stale(tmp_path, "a", os.getpid(), "aaaaaaaaaaaa")
    old = stale(tmp_path, "a", os.getpid(), "bbbbbbbbbbbb")
    age(old, 7200)
    assert remove_stale(tmp_path) == [old]
    assert temporaries(tmp_path) == [young]


def test_unrelated_files_are_left_alone(tmp_path):
    pid = dead_pid()
    kept = {
        name: tmp_path / name
        for name in (
            "deck.apkg",
            ".deck.apkg.tmp",
            ".deck.apkg.k2j4h5g6.tmp",  # tempfile's names: no pid, nothing says they are quizgen's
            f"deck.apkg.quizgen-{pid}-0123456789ab.tmp",  # not hidden
            f".deck.apkg.quizgen-{pid}-0123456789ab.tmp.bak",
            f".deck.apkg.quizgen-{pid}-nothex.tmp",
        )
    }
    for path in kept.values():
        path.write_bytes(b"mine")
        age(path, 7200)
    link = tmp_path / f".deck.apkg.quizgen-{pid}-aaaaaaaaaaaa.tmp"
    link.symlink_to(kept["deck.apkg"])
    fifo = tmp_path / f".deck.apkg.quizgen-{pid}-bbbbbbbbbbbb.tmp"
    os.mkfifo(fifo)
    assert remove_stale(tmp_path) == []
    assert remove_stale(tmp_path, "deck.apkg") == []
    assert all(p.read_bytes() == b"mine" for p in kept.values())
    assert link.is_symlink() and fifo.exists()


def test_a_failed_write_leaves_nothing(tmp_path):
    target = tmp_path / "deck.yaml"
    target.write_bytes(b"old")

    def fail(fh) -> None:
        fh.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomic(target, fail)
    with pytest.raises(KeyError), scratch_folder(target) as work:
        (work / "collection.anki2").write_bytes(b"x")
        raise KeyError("interrupted")
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"] and target.read_bytes() == b"old"


def test_deck_and_cache_writes_remove_leftovers(sample_deck_path, tmp_path):
    pid = dead_pid()
    deck_left = stale(tmp_path, "deck.yaml", pid)
    save_deck(load_deck(sample_deck_path), tmp_path / "deck.yaml")
    assert not deck_left.exists() and temporaries(tmp_path) == []

    cache = Cache(tmp_path / "cache")
    key = "ab" + "0" * 62
    folder = tmp_path / "cache" / "parse" / "ab"
    folder.mkdir(parents=True)
    cache_left = stale(folder, "ab" + "1" * 62, pid)
    cache.put("parse", key, b"payload")
    assert not cache_left.exists() and temporaries(folder) == []
    assert cache.get("parse", key) == b"payload"
