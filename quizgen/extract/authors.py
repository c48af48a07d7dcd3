"""An essay's or a policy paper's author: named only in the byline (page furniture), yet the paper's own
arguments and recommendations are the author's positions ('This paper argues …', 'I will argue …', and
recommendations written as orders: 'Resume consideration of pending applications.')."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .actors import Actor
from .context import ArticleContext, Candidate, Sentence
from .lexicon import AUTHOR_NOUNS, HEADER_WORDS, HONORIFICS, ORG_NOUNS, SAYING, TREATY_WORDS
from .protocol import register
from .statements import clause_statement, finish, is_verb
from .syntax import tokens

# "By Losana Tuilagi-Marsh, Research Director, …", "By Maren Ostholt | Civic Wire Europe | 29 Nov. 2026"
_BY = re.compile(r"^\s*By\s+([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3})")
# "Ilse Marrow-Quint, Senior Fellow, …" or a name alone on its line
_NAME_LINE = re.compile(r"^\s*([A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})\s*(?:,|$)")
# the parts of a header line: "Working Paper 2025/09 — Dr. Ayelet Moreno-Fairbanks, Programme Lead, …"
_PARTS = re.compile(r"\s+[|—–]\s+|\s+-{1,2}\s+")
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+")

_SCHOLARLY = re.compile(
    r"\b(?:fellow|professor|reader|lecturer|researcher|director|institute|centre|center|college|university|"
    r"programme|program|school|foundation|council|quarterly|review|journal|essay|brief|paper)\b",
    re.I,
)
_NEWS = re.compile(r"\b(?:news|wire|newswire|agency|press|times|post|daily|service|correspondent|reporting)\b", re.I)
_CREDITS = re.compile(r"\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by\b")
_HEADER_CHARS = 1500  # a byline sits near the top: after the headline and standfirst, before the story


def byline(text: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """(the author a header line names, what the header says of the piece: 'scholar' for a fellow's or a
    professor's paper or an essay, 'news' for an outlet's reporter, else 'plain'), or None. Header lines are the
    lines near the top outside the body paragraphs, the headline excepted; 'By …' wins over a name alone."""
    lines, at = [], 0
    for raw in text[:_HEADER_CHARS].splitlines(keepends=True):
        start, at = at, at + len(raw)
        line = raw.strip()
        headline = start == 0 and not line.startswith("By ")
        if line and not headline and not any(ps <= start < pe for ps, pe in paragraphs):
            lines.append(line)
    names = (
        m.group(1).strip()
        for strong in (True, False)
        for line in lines
        for part in _PARTS.split(line)
        for m in [(_BY if strong else _NAME_LINE).match(_HONORIFIC.sub("", part.strip()))]
        if m and _is_name(m.group(1).strip(), strong)
    )
    found = next(names, None)
    if found is None:
        return None
    header = " ".join(lines)
    # a wire story's closing credits, "(Reporting by … ; Editing by …)", say whose byline it was
    news = _NEWS.search(header) or _CREDITS.search(text)
    kind = "news" if news else "scholar" if _SCHOLARLY.search(header) else "plain"
    return found, kind


def _is_name(name: str, strong: bool) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4 or words[0].lower().rstrip(".") in HONORIFICS | {"the", "a"}:
        return False
    if any(w.lower() in TREATY_WORDS or w.lower() in ORG_NOUNS for w in words):
        return False
    if strong:
        return True
    # a name alone, with nothing saying it is a byline: not a header's other words, not a line in capitals
    low = {w.lower().strip(".,") for w in words}
    return not (low & HEADER_WORDS or name.isupper() or _NEWS.search(name) or _SCHOLARLY.search(name))


def _authorial(sent: Sentence) -> str | None:
    """How a sentence speaks for its author: 'first_person' ('I will argue', 'my view'), 'the_paper' ('This
    paper recommends'), 'order' (a recommendation as an imperative), 'ought' ('states should …'), 'voice' (a
    statement of the piece's own); None for someone else's words."""
    doc = sent.doc
    root = sent.root
    if root is None or sent.token_quoted(root):
        return None
    if any(t.lower_ in ("i", "my", "me") and not sent.token_quoted(t) for t in tokens(doc)):
        return "first_person"
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        subj is not None
        and subj.lemma_.lower() in AUTHOR_NOUNS
        and any(c.lower_ in ("this", "these") for c in subj.children)
    ):
        return "the_paper"
    if is_verb(root) and root.tag_ == "VB" and subj is None and root.i <= 2 and not sent.text.rstrip().endswith("?"):
        return "order"
    if any(t.dep_ == "aux" and t.lower_ in ("should", "must", "ought") for t in root.children):
        return "ought"
    if sent.quoted or any(t.lemma_ in SAYING for t in tokens(doc) if t.pos_ == "VERB"):
        return None  # someone else's words
    return "voice"  # the piece's own statement


class Authors:
    """Each authorial sentence of a bylined piece, as the author's position (the model keeps the stances)."""

    name = "authors"
    kind = "position"
    generous = True

    def learn(self, sents: Sequence[Sentence], ctx: ArticleContext) -> None:
        ctx.state[self.name] = byline(ctx.text, ctx.paragraphs)

    def propose(self, sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
        found = ctx.state[self.name]
        how = _authorial(sent) if found else None  # (None too when the sentence has no root)
        root = sent.root
        if not found or how is None or root is None:
            return
        author, piece = found
        statement = clause_statement(root)
        if not statement:
            return
        actor = Actor(author, author, "person")
        yield sent.candidate(
            "position", author, author, finish(f"{actor.shown} argues: {statement}"),
            key=(author, sent.source, str(sent.index), "author"), rule=f"authors.{how}", entity=author,
            entity_type="person", stance="argue", trigger=root.i, hints={"piece": piece},
            group=f"position|{sent.index}|{author}",
        )  # fmt: skip


register(Authors())
