"""`quizgen quiz [DECK...]`: quiz yourself in the terminal, with spaced repetition (FSRS)."""

from __future__ import annotations

import argparse
import gc
import sys

from ..collector import paused
from ..plural import counted
from .common import add_deck_and_store, comma_list, load_decks_with_paths
from .selection import whole_number

positive = whole_number(1, "at least 1")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quiz",
        help="quiz yourself in the terminal, with spaced repetition",
        description="Quiz yourself on decks (default: the bundled New START deck). Every answer is a review "
        "in FSRS, saved as it is given; due items come first, then new ones.",
    )
    p.add_argument("decks", nargs="*", metavar="DECK", help="deck YAML files (default: the bundled New START deck)")
    p.add_argument("-n", "--count", type=positive, default=10, help="number of questions (default 10)")
    p.add_argument("--kinds", type=comma_list, help="only these fact kinds, comma-separated (date,limit,…)")
    p.add_argument("--types", type=comma_list, help="only these question types, comma-separated (typed,cloze,…)")
    p.add_argument("--seed", type=int, default=0, help="seed for the questions and the order of new ones")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--new-only", action="store_true", help="only items never reviewed")
    which.add_argument("--due-only", action="store_true", help="only items due for review")
    which.add_argument("--all", action="store_true", help="after due and new items, also those not yet due")
    p.add_argument("--plain", action="store_true", help="numbered prompts read line by line (default when piped)")
    add_deck_and_store(p)
    p.set_defaults(run=run)


class LazyItems:
    """The items the decks may give, by id, each made only when asked for (see ItemMaker): a quiz of ten
    questions on a deck of fifty thousand facts makes ten items. The first deck wins an id two decks share."""

    def __init__(self, args: argparse.Namespace, decks: list) -> None:  # noqa: ANN001
        from ..questions import ItemMaker

        self.ids: list[str] = []
        self._where: dict = {}  # id -> slot
        self._makers: dict = {}  # id -> the maker of its deck, for the ids of every deck after the first
        for n, deck in enumerate(decks):
            maker = ItemMaker(deck, seed=args.seed, types=args.types, kinds=args.kinds)
            if n == 0:
                self._first = maker
            # Timelines too are listed by id and made only when chosen (ItemMaker.timeline_slots).
            slots = [*maker.slots(), *maker.timeline_slots()]
            ids = [s.id for s in slots]
            if n == 0 and len(set(ids)) == len(ids):  # (one id per slot: kept as they are, in one step)
                self._where = dict(zip(ids, slots, strict=True))
                self.ids = ids
                continue
            for slot in slots:
                if slot.id not in self._where:
                    self._where[slot.id] = slot
                    self.ids.append(slot.id)
                    if n:
                        self._makers[slot.id] = maker

    def _maker(self, item_id: str):  # noqa: ANN202
        return self._makers.get(item_id, self._first)

    def make(self, item_id: str):  # noqa: ANN201
        slot = self._where.get(item_id)
        return None if slot is None else self._maker(item_id).make(slot)

    def deck_of(self, item_id: str):  # noqa: ANN201
        if item_id not in self._where:
            raise KeyError(item_id)
        return self._maker(item_id).deck


def use_plain(args: argparse.Namespace) -> bool:
    return bool(args.plain) or not sys.stdin.isatty() or not sys.stdout.isatty()


def run(args: argparse.Namespace) -> int:
    loaded = load_decks_with_paths(args.decks)
    decks = [deck for deck, _ in loaded]
    # The decks live as long as the command: the collector need not walk a big deck's hundreds of thousands
    # of objects at every collection while the quiz makes its items (0.6 s of a 50,000-fact deck's).
    gc.freeze()
    try:
        return _quiz(args, loaded, decks)
    finally:
        gc.unfreeze()  # (for a caller that runs commands in one process, as the tests do)


def _quiz(args: argparse.Namespace, loaded: list, decks: list) -> int:
    from ..controls import printable
    from ..questions.quality import load_quality_model
    from ..quiz import run_quiz, utc_now
    from ..quiz.interrupt import Interrupts
    from ..quiz.session import choose_items
    from ..quiz.store import DeckRef, open_store

    with open_store(args.store) as store:
        # Nor while the quiz lists the items it may ask and makes those it chooses: that makes objects by the
        # hundred thousand and no garbage worth a collection (0.15–0.25 s of a 50,000-fact deck's).
        with paused():
            pool = LazyItems(args, decks)
            titles = [d.title for d in decks]
            now = utc_now()
            due_at = store.due_times(pool.ids)
            # The store records each answer under its deck's file (`quizgen decks`, `stats`, `reset`); a deck's
            # items reviewed before the store recorded decks become the deck's now.
            refs = {id(deck): DeckRef.of(path, deck.title) for deck, path in loaded}
            for deck, _ in loaded:
                store.attach(refs[id(deck)], [i for i in due_at if pool.deck_of(i) is deck])
            chosen = choose_items(
                pool.ids,
                pool.make,
                due_at,
                now,
                count=args.count,
                seed=args.seed,
                new_only=args.new_only,
                due_only=args.due_only,
                include_later=args.all,
                score=load_quality_model().score,  # new items: the best of a few made per place
            )
        by_id = {item.id: pool.deck_of(item.id) for item in chosen}
        due = sum(1 for i in chosen if i.id in due_at and due_at[i.id] <= now)
        new = sum(1 for i in chosen if i.id not in due_at)
        if use_plain(args):
            from ..quiz.plain import PlainUI

            ui = PlainUI()
        else:
            from ..quiz.terminal import TerminalUI

            ui = TerminalUI()
        print(
            printable(f"{' + '.join(titles)}: {counted(len(chosen), 'question')} ({due} due, {new} new). ")
            + "Answers are saved as you go; Ctrl-C ends the quiz.",
            flush=True,
        )
        # The quiz owns Ctrl-C; once it is over, a second Ctrl-C cannot cut the summary short or turn the
        # exit into a death by the signal.
        with Interrupts(then_ignore=True) as interrupts:
            deck_files = {item.id: refs[id(by_id[item.id])] for item in chosen}
            session = run_quiz(chosen, by_id, store, ui, interrupts=interrupts, deck_files=deck_files)
    return 130 if session.interrupted else 0
