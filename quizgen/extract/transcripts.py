"""Transcripts: a paragraph that opens with a speaker label ('MICHEL BARNIER: …', 'Q: …') starts a turn, and
what the speaker says until the next label states the speaker's views, though no quotation marks say so."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .actors import Actor
from .clauses import subject_of
from .context import ArticleContext, Candidate, Sentence
from .lexicon import LABEL_ROLES, LABEL_TITLES
from .protocol import register
from .statements import clause_statement, finish, is_verb
from .syntax import Token

_LABEL = re.compile(r"^\s*([A-Z][\w.'’ -]{0,40}?)\s*:\s+(?=\S)")


def turn_label(paragraph: str) -> str | None:
    """The speaker label a paragraph opens with, or None. A label is short and capitalised ('In short: …',
    a clause, is none)."""
    m = _turn(paragraph)
    return m.group(1).strip() if m else None


def _turn(text: str) -> re.Match[str] | None:
    """The match of a speaker label opening `text`, when it is one (see turn_label)."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group(1).strip()
    words = label.replace(".", " ").split()
    if not words or len(words) > 5 or not (label.isupper() or all(w[:1].isupper() for w in words)):
        return None
    return m


def label_speaker(label: str, ctx: ArticleContext) -> Actor | None:
    """The person a label names ('SECRETARY BLINKEN' → Antony Blinken when the article names him), or None
    for 'Q', 'MODERATOR' and the like."""
    words = [w for w in re.split(r"[\s.]+", label) if w]
    if not words or label.lower().strip(". ") in LABEL_ROLES:
        return None
    name_words = [w for w in words if w.lower() not in LABEL_TITLES] or words[-1:]
    name = " ".join(w.capitalize() if w.isupper() else w for w in name_words)
    full = ctx.person(name)
    if full is None and name.lower() in LABEL_ROLES:
        return None
    full = full or name
    return Actor(full, full, "person")


def spoken_root(sent: Sentence) -> Token | None:
    """The root of what is said: a turn's first sentence carries the label ('MICHEL BARNIER: I regret nothing
    …'), which the parser takes for the sentence's head, so the head of the words after the colon."""
    root = sent.root
    label = _turn(sent.text)
    if root is None or label is None or root.idx >= label.end():
        return root
    after = [t for t in sent.tokens if t.idx >= label.end() and (t.head.i == t.i or t.head.idx < label.end())]
    return next((t for t in after if is_verb(t)), after[0] if after else None)


class Turns:
    """Each sentence of a labelled speaker's turn, as that speaker's position (the model keeps the stances)."""

    name = "turns"
    kind = "position"
    generous = True

    def learn(self, sents: Sequence[Sentence], ctx: ArticleContext) -> None:
        labels = [turn_label(ctx.text[ps:pe]) for ps, pe in ctx.paragraphs]
        said = {p: label_speaker(x, ctx) for p, x in enumerate(labels) if x is not None}
        speakers: dict[int, Actor | None] = {}
        # A transcript has turns: two labelled paragraphs at least, one of them a person the article names or a
        # label in capitals ("MICHEL BARNIER:"). A subheading with a colon ("Quota Arithmetic: …") is no turn.
        named = any(a is not None and a.name in ctx.people for a in said.values())
        if len(said) >= 2 and (named or any(x is not None and x.isupper() for x in labels)):
            speaker: Actor | None = None
            for p in range(len(labels)):
                speaker = said.get(p, speaker)  # a new label starts a new turn ("Q:" one of nobody's)
                speakers[p] = speaker
        ctx.state[self.name] = speakers

    def propose(self, sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
        speaker = ctx.state[self.name].get(sent.paragraph)
        root = spoken_root(sent)
        if speaker is None or root is None or not is_verb(root):
            return
        statement = clause_statement(root)
        if not statement:
            return
        subj = subject_of(root)
        person = subj.lower_ if subj is not None else "-"
        first_person = any(t.lower_ in ("i", "we", "our", "my", "us", "me") for t in sent.tokens)
        yield sent.candidate(
            "position", speaker.name, speaker.answer, finish(f"{speaker.shown} said: {statement}"),
            key=(speaker.name, sent.source, str(sent.index), "turn"), rule="turns.speaker", entity=speaker.name,
            entity_type=speaker.type, stance=root.lemma_.lower(), trigger=root.i,
            group=f"position|{sent.index}|{speaker.name}",
            hints={"subject": person if person in ("i", "we", "it", "this", "-") else "other",
                   "first_person": str(first_person)},
        )  # fmt: skip


register(Turns())
