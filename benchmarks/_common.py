"""Shared by the benchmarks: a varied article corpus made from the seeds, timing of subprocesses with their
peak memory, and a plain table printer. Not part of quizgen."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PY = sys.executable

PEOPLE = [
    ("Vladimir Putin", "Putin"),
    ("Sergey Lavrov", "Lavrov"),
    ("Dmitry Peskov", "Peskov"),
    ("Antony Blinken", "Blinken"),
    ("Wang Yi", "Wang"),
    ("Annalena Baerbock", "Baerbock"),
    ("Jake Sullivan", "Sullivan"),
    ("Sergei Ryabkov", "Ryabkov"),
    ("Marshall Billingslea", "Billingslea"),
    ("Rose Gottemoeller", "Gottemoeller"),
]
PLACES = ["Moscow", "Washington", "Geneva", "Vienna", "Beijing", "Brussels", "Helsinki", "Stockholm"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def seed_paragraphs() -> list[str]:
    """Body paragraphs of the seed articles (lines long enough to be prose)."""
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for para in f.read_text(encoding="utf-8").split("\n\n"):
            para = para.strip()
            if len(para.split()) >= 12:
                out.append(para)
    return out


def vary(text: str, rng: random.Random) -> str:
    """The paragraph with other people, places, days, months and numbers: new text for the parser each
    time, still the kind of text the extractor reads."""
    for full, short in PEOPLE:
        if full in text:
            nfull, nshort = rng.choice(PEOPLE)
            text = text.replace(full, nfull).replace(short, nshort)
    for place in PLACES:
        if place in text and rng.random() < 0.5:
            text = text.replace(place, rng.choice(PLACES))
    text = re.sub(r"\b({})\b".format("|".join(WEEKDAYS)), lambda m: rng.choice(WEEKDAYS), text)
    text = re.sub(r"\b({})\b".format("|".join(MONTHS)), lambda m: rng.choice(MONTHS), text)
    text = re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(rng.randint(1991, 2026)), text)
    text = re.sub(
        r"\b\d{1,3}(,\d{3})*\b", lambda m: f"{rng.randint(2, 1900):,}" if len(m.group()) > 2 else m.group(), text
    )
    return text


def make_corpus(folder: Path, n: int, seed: int = 0) -> int:
    """Write `n` articles (6-10 varied seed paragraphs each) into `folder`; return the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    paras = seed_paragraphs()
    words = 0
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        body = [vary(p, rng) for p in rng.sample(paras, rng.randint(6, min(10, len(paras))))]
        day = f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"Arms control report number {i}\n\nPublished {day}\n\n" + "\n\n".join(body) + "\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def peak_of(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Time and peak memory of one command, measured in a fresh wrapper process so that the peak is its own
    (Linux counts a parent's peak at the fork in its child's: a large benchmark process would show in every
    command it runs). Standard input is empty: a quiz ends after its first question."""
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, "
        "stderr=subprocess.PIPE); "
        "dt = time.perf_counter() - t; "
        "sys.exit(r.stderr.decode()[-2000:] or r.returncode) if r.returncode else None; "
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
    )
    r = subprocess.run([PY, "-c", code, *cmd], cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    t, mib = r.stdout.split()
    return float(t), int(mib)


def quizgen(*args: str) -> list[str]:
    return [PY, "-m", "quizgen", *args]


def env_without_cache() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QUIZGEN_CACHE", None)
    return env


def table(rows: list[tuple], header: tuple) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        print(
            "  ".join(
                str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def big_deck(path: Path, n_facts: int) -> int:
    """Write a deck of about `n_facts` facts: copies of decks/new-start.yaml, each copy with its own sources
    and fact ids (and so its own question items). Returns the number of facts."""
    import dataclasses

    from quizgen.deck import load_deck, save_deck
    from quizgen.model import Deck, Evidence

    seed = load_deck(ROOT / "decks" / "new-start.yaml")
    copies = -(-n_facts // len(seed.facts))
    sources, facts = [], []
    for k in range(copies):
        sid = {s.id: f"{s.id}-{k}" for s in seed.sources}
        fid = {f.id: f"{f.id}-{k}" for f in seed.facts}
        sources += [dataclasses.replace(s, id=sid[s.id], path=f"copy{k}/{s.path}") for s in seed.sources]
        for f in seed.facts:
            ev = [Evidence(sid[e.source], e.text, e.answer) for e in f.evidence]
            conflicts = [fid[c] for c in f.conflicts if c in fid]
            facts.append(dataclasses.replace(f, id=fid[f.id], evidence=ev, conflicts=conflicts))
    save_deck(Deck(title=f"{seed.title} ×{copies}", sources=sources, entities=seed.entities, facts=facts), path)
    return len(facts)
