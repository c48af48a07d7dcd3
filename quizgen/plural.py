"""Counts in messages: "1 question", "3 questions", never "1 questions"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun in the number it takes: counted(1, "item") is "1 item"; counted(0, "item") "0 items".

    `plural` for a noun that does not just add an s ("entity" → "entities")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
