"""Decks and packages are written with the mode the umask gives, like any file a program creates, not the
0600 of the temporary file they are renamed from (#13, item 4). Real processes, each with its own umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from conftest import ROOT

SAVE = "import sys, quizgen; quizgen.save_deck(quizgen.load_deck(sys.argv[1]), sys.argv[2])"


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_deck_and_package_modes_follow_the_umask(tmp_path, sample_deck_path, umask):
    deck, package = tmp_path / "deck.yaml", tmp_path / "deck.apkg"
    run = {"cwd": ROOT, "umask": umask, "capture_output": True, "text": True, "timeout": 600}
    saved = subprocess.run([sys.executable, "-c", SAVE, str(sample_deck_path), str(deck)], **run)
    assert saved.returncode == 0, saved.stderr
    exported = subprocess.run([sys.executable, "-m", "quizgen", "export", str(deck), "-o", str(package)], **run)
    assert exported.returncode == 0, exported.stderr
    assert _mode(deck) == _mode(package) == 0o666 & ~umask
    # Writing again over an existing file gives it the same mode.
    os.chmod(package, 0o600)
    again = subprocess.run([sys.executable, "-m", "quizgen", "export", str(deck), "-o", str(package)], **run)
    assert again.returncode == 0, again.stderr
    assert _mode(package) == 0o666 & ~umask
