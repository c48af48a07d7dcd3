"""Writing a fact's statement: closing punctuation, and a clause of the sentence as a statement of its own
(past tenses and 'the' are quizgen.english's)."""

from __future__ import annotations

import re

from .clauses import subject_of
from .syntax import SUBJECTS, Token, noun_phrase, span_text, subtree, trim


def finish(text: str) -> str:
    """One sentence: capital first letter, balanced quotation marks, one closing stop."""
    s = re.sub(r"\s+", " ", text).strip().rstrip(",;:–— ")
    if s.count("“") > s.count("”"):
        s = s.rstrip(".") + "”"
    if s.count('"') % 2:
        s = s.rstrip(".") + '"'
    s = s[:1].upper() + s[1:]
    core = s.rstrip("”\"’'")
    if not core.endswith((".", "?", "!")):
        s += "."
    return s


# ---- a clause of the sentence as a statement ---------------------------------------------------------------


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


def clause_head(tok: Token) -> Token:
    """The verb of the smallest clause around `tok` that has a subject of its own (or the root)."""
    v = tok
    for _ in range(12):
        if is_verb(v) and (any(c.dep_ in (*SUBJECTS, "expl") for c in v.children) or v.dep_ == "ROOT"):
            return v
        if v.head.i == v.i:
            return v
        v = v.head
    return v


_SIDE = ("conj", "advcl", "parataxis", "relcl", "cc", "ccomp", "acl", "appos")


def clause_tokens(verb: Token, keep: int = -1) -> list[Token]:
    """The clause of `verb`: its subtree without the side clauses hanging on its verbs (other conjoined
    clauses, adverbial clauses, asides), except one holding token `keep`."""
    drop: set[int] = set()
    for c in subtree(verb):
        if c.i == verb.i or c.i in drop or c.dep_ not in _SIDE or c.left_edge.i <= keep <= c.right_edge.i:
            continue
        if c.dep_ in ("conj", "cc", "appos") and not is_verb(c.head if c.dep_ == "cc" else c):
            continue  # "Russia and China", "the treaty, a landmark": part of a phrase
        if c.dep_ in ("relcl", "acl", "appos") and not is_verb(c.head):
            continue  # what a noun is told apart by stays with it (and a misparsed clause is not lost)
        if c.dep_ == "cc" and not any(
            s.dep_ == "conj" and is_verb(s) and not s.left_edge.i <= keep <= s.right_edge.i for s in c.head.children
        ):
            continue
        if c.dep_ == "ccomp" and c.head.i == verb.i and c.i > verb.i:
            continue  # "said (that) …": what was said is the clause's object
        drop.update(t.i for t in subtree(c))
    toks = [t for t in subtree(verb) if t.i not in drop]
    # a clause opened by a conjunction reads from its subject
    while toks and toks[0].dep_ in ("cc", "mark", "punct") and toks[0].i < verb.i and toks[0].head.i == verb.i:
        toks = toks[1:]
    return toks


def clause_statement(verb: Token, keep: int = -1) -> str:
    """The clause of `verb` (see `clause_tokens`) as one sentence; a relative pronoun subject becomes the noun
    it stands for ('…, which limits each side to …' → 'New START limits each side to …'). '' when too short.
    Made once per clause: many proposals of a sentence share one."""
    memo = verb.doc.user_data.setdefault("quizgen.clauses", {})
    if (verb.i, keep) not in memo:
        memo[verb.i, keep] = _clause_statement(verb, keep)
    return memo[verb.i, keep]


_PRO_VERBS = ("do", "be", "have")
_COMPLEMENTS = ("dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "oprd", "advmod", "npadvmod", "agent")


def _clause_statement(verb: Token, keep: int) -> str:
    if verb.lemma_.lower() in _PRO_VERBS and not any(c.dep_ in _COMPLEMENTS for c in verb.children):
        return ""  # "… after the US did": a verb standing for another says nothing by itself
    parts: list[str] = []
    run: list[Token] = []
    for t in clause_tokens(verb, keep):
        if t.dep_ in SUBJECTS and t.lower_ in ("which", "that", "who") and t.head.i == verb.i:
            ante = _antecedent_phrase(verb)
            if ante:
                if run:
                    parts.append(span_text(run))
                    run = []
                parts.append(ante)
                continue
        if run and t.i != run[-1].i + 1:
            parts.append(span_text(run))
            run = []
        run.append(t)
    if run:
        parts.append(span_text(run))
    own = any(c.dep_ in (*SUBJECTS, "expl") for c in verb.children)
    if not own and verb.dep_ in ("conj", "xcomp", "advcl") and parts:
        subj = subject_of(verb)  # "… and abandoned the agreement": who did, from the clause it is joined to
        if subj is not None and subj.i < verb.i and subj.lower_ not in ("which", "that", "who"):
            # all of a listed subject ("the US and Russia"), and the verb an infinitive hangs on ("agreed to
            # limit …"): "The US limit …" was neither the article's claim nor English
            phrase = span_text(trim(noun_phrase(subj, ("relcl", "acl", "appos", "punct")), drop_det=False))
            governor = _governor(verb)
            if governor is not None and governor.i < verb.i:
                phrase += f" {governor.text} to"
            parts.insert(0, phrase)
    text = ""
    for part in (p.strip(" ,;:–—") for p in parts):
        if part:
            text += part if not text or part[0] in ",.;:)”’" else " " + part
    text = balanced(text.strip("“”\"‘’' "))
    return finish(text) if len(text.split()) >= 3 else ""


def _governor(verb: Token) -> Token | None:
    """The verb a bare infinitive hangs on: 'agreed' for 'limit' in 'agreed to reduce … and limit …'."""
    if verb.tag_ != "VB":
        return None
    v = verb.head if verb.dep_ == "conj" else verb
    if v.dep_ == "xcomp" and any(c.lower_ == "to" for c in v.children) and v.head.i != v.i:
        return v.head
    return None


def _antecedent_phrase(verb: Token) -> str:
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
        return span_text(trim(noun_phrase(v.head), drop_det=False))
    return ""


def balanced(text: str) -> str:
    """Without the quotation marks a cut clause left unpaired."""
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return re.sub(r"\s{2,}", " ", text)
