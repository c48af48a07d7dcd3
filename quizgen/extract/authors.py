"""An essay's or a policy paper's author: named only in the byline (page furniture), yet the paper's own
arguments and recommendations are the author's positions ('This paper argues …', 'I will argue …', and
recommendations written as orders: 'Resume consideration of pending applications.')."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .actors import Actor
from .context import ArticleContext, Candidate, Sentence
from .lexicon import AUTHOR_NOUNS, HONORIFICS, SAYING
from .protocol import register
from .statements import clause_statement, finish, is_verb

# "By Losana Tuilagi-Marsh, Research Director, …", "By Maren Ostholt | Civic Wire Europe | 29 Nov. 2026"
_BY = re.compile(r"^\s*By\s+([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3})")
# "Ilse Marrow-Quint, Senior Fellow, …" or a name alone on its line
_NAME_LINE = re.compile(r"^\s*([A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})\s*(?:,|$)")


_SCHOLARLY = re.compile(
    r"\b(?:fellow|professor|reader|lecturer|researcher|director|institute|centre|center|college|university|"
    r"programme|program|school|foundation|council|quarterly|review|journal|essay|brief|paper)\b",
    re.I,
)
_NEWS = re.compile(r"\b(?:news|wire|newswire|agency|press|times|post|daily|service|correspondent|reporting)\b", re.I)


def byline(text: str, body_start: int) -> tuple[str, str] | None:
    """(the first author named on the lines before the body, what the header says of the piece: 'scholar' for
    a fellow's or a professor's paper or an essay, 'news' for an outlet's reporter, else 'plain'), or None."""
    header = text[:body_start]
    for line in header.splitlines():
        m = _BY.match(line) or _NAME_LINE.match(line)
        if m:
            name = m.group(1).strip()
            words = name.split()
            if 2 <= len(words) <= 4 and words[0].lower().rstrip(".") not in HONORIFICS | {"the", "a"}:
                kind = "news" if _NEWS.search(header) else "scholar" if _SCHOLARLY.search(header) else "plain"
                return name, kind
    return None


def _authorial(sent: Sentence) -> str | None:
    """How a sentence speaks for its author: 'first_person' ('I will argue', 'my view'), 'the_paper' ('This
    paper recommends'), 'order' (a recommendation as an imperative), 'ought' ('states should …'), 'voice' (a
    statement of the piece's own); None for someone else's words."""
    doc = sent.doc
    root = sent.root
    if root is None or sent.token_quoted(root):
        return None
    if any(t.lower_ in ("i", "my", "me") and not sent.token_quoted(t) for t in doc):
        return "first_person"
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lemma_.lower() in AUTHOR_NOUNS and any(
        c.lower_ in ("this", "these") for c in subj.children
    ):
        return "the_paper"
    if is_verb(root) and root.tag_ == "VB" and subj is None and root.i <= 2 and not sent.text.rstrip().endswith("?"):
        return "order"
    if any(t.dep_ == "aux" and t.lower_ in ("should", "must", "ought") for t in root.children):
        return "ought"
    if sent.quoted or any(t.lemma_ in SAYING for t in doc if t.pos_ == "VERB"):
        return None  # someone else's words
    return "voice"  # the piece's own statement


class Authors:
    """Each authorial sentence of a bylined piece, as the author's position (the model keeps the stances)."""

    name = "authors"
    kind = "position"
    generous = True

    def learn(self, sents: Sequence[Sentence], ctx: ArticleContext) -> None:
        start = ctx.paragraphs[0][0] if ctx.paragraphs else 0
        ctx.state[self.name] = byline(ctx.text, start)

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
