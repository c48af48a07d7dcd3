"""Cloze: the evidence sentence with the answer blanked, and its Anki rendering ({{c1::…}}).

Only when the rest of the sentence does not give the answer away: no alias of it, none of its numbers
or capitalised words. Quotes and positions, whose answer (the speaker's full name) may not be in the
sentence, fall back to the fact's statement.
"""

from __future__ import annotations

import re

from ..model import Fact, Item
from .context import Context
from .true_false import vague

BLANK = "_____"


def _gives_away(ctx: Context, rest: str, answer: str) -> bool:
    if ctx.names.mentions(rest, answer):
        return True
    telling = [w for w in re.findall(r"[\w’'-]+", answer) if w[0].isupper() or (w.isdigit() and len(w) >= 2)]
    return any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", rest) for w in telling)


def _blank(ctx: Context, text: str, answer: str) -> tuple[str, str] | None:
    if "{{" in text or "}}" in text:
        return None  # Anki would read the sentence's own braces as gaps too (or break ours): no gap of it
    at = text.find(answer)
    if at < 0 or "::" in answer or "{" in answer or "}" in answer:  # (a brace would join a marker)
        return None
    before, after = text[:at], text[at + len(answer) :]
    if (before and before[-1].isalnum()) or (after and after[0].isalnum()):
        return None  # inside a word
    if _gives_away(ctx, before + " " + after, answer):
        return None
    return before + BLANK + after, before + "{{c1::" + answer + "}}" + after


def _with_topic(ctx: Context, fact: Fact, made: tuple[str, str]) -> tuple[str, str]:
    """'The treaty … expire on _____' alone does not say which treaty: lead with the subject when the
    sentence does not name it (and the subject is not itself the answer), or with the article's treaty."""
    prompt, cloze = made
    subject = fact.subject
    treaty = ctx.treaty_of(fact.sources[0]) if fact.sources else None
    if treaty and not ctx.names.mentions(prompt, treaty) and not ctx.names.mentions(treaty, fact.answer):
        if not subject[:1].isupper() or ctx.names.type_of(subject) is None:
            # "parties", "Talks": a subject that names no one; the article's treaty says what it is about
            return f"{treaty}: {prompt}", f"{treaty}: {cloze}"
        if ctx.names.key(subject) == ctx.names.key(fact.answer) and ctx.several_stories():
            # "The Secretary of State, Mr _____, welcomed the agreement.": which agreement, whose secretary?
            # (not in a deck of one treaty's articles: a reviewer found "New START:" over a line on the INF)
            return f"{treaty}: {prompt}", f"{treaty}: {cloze}"
    if ctx.names.key(subject) == ctx.names.key(fact.answer) or ctx.names.mentions(prompt, subject):
        return made
    if ctx.names.mentions(subject, fact.answer):
        return made
    return f"{subject}: {prompt}", f"{subject}: {cloze}"


def make(ctx: Context, fact: Fact) -> Item | None:
    for ev in fact.evidence:
        made = _blank(ctx, ev.text, fact.answer)
        if made:
            prompt, cloze = _with_topic(ctx, fact, made)
            if cloze.count("{{") == 1 and cloze.count("}}") == 1:  # a topic's braces would add a gap
                return ctx.item(fact, "cloze", prompt, fact.answer, ev, cloze=cloze)
    if fact.kind in ("quote", "position") and not vague(fact.statement):
        made = _blank(ctx, fact.statement, fact.answer)
        if made:
            prompt, cloze = made
            return ctx.item(fact, "cloze", prompt, fact.answer, fact.evidence[0], cloze=cloze)
    return None
