"""Run the quiz on the test items (tests/quiz_items.py), as `quizgen quiz` would, in a subprocess.

    python tests/quiz_app.py STORE [--plain] [--count N] [--types T,T]

Used by the plain-mode tests (answers piped in) and the pseudo-terminal tests (pexpect) until
`quizgen.questions.make_items` is merged; only the source of the items differs from the command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quiz_items import sample_deck, sample_items  # noqa: E402

from quizgen.errors import QuizgenError  # noqa: E402
from quizgen.quiz import run_quiz, utc_now  # noqa: E402
from quizgen.quiz.session import select_items  # noqa: E402
from quizgen.quiz.store import Store  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("store")
    p.add_argument("--plain", action="store_true")
    p.add_argument("--count", type=int, default=None)
    p.add_argument("--types")
    p.add_argument("--all", action="store_true")
    args = p.parse_args()
    deck = sample_deck()
    items = sample_items(deck)
    if args.types:
        items = [i for i in items if i.type in args.types.split(",")]
    try:
        with Store(args.store) as store:
            chosen = select_items(items, store.cards(), utc_now(), count=args.count, include_later=args.all)
            cards = store.cards()
            print(f"{len(chosen)} questions: " + ", ".join("reviewed" if i.id in cards else "new" for i in chosen))
            if args.plain:
                from quizgen.quiz.plain import PlainUI

                ui = PlainUI()
            else:
                from quizgen.quiz.terminal import TerminalUI

                ui = TerminalUI()
            session = run_quiz(chosen, deck, store, ui)
    except QuizgenError as exc:
        print(f"quizgen: error: {exc}", file=sys.stderr)
        return 2
    return 130 if session.interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
