"""`role` facts: a person's office or title ("Kremlin spokesman Dmitry Peskov")."""

from __future__ import annotations

from collections.abc import Sequence

from ..english import indefinite_article
from ..text import normalize
from .context import ArticleContext, Candidate, Sentence
from .lexicon import INSTITUTIONS, PAST_TITLE_PREFIXES, TITLE_MODIFIERS, TITLE_WORDS
from .people import strip_possessive
from .protocol import register
from .syntax import DETERMINERS, Token, ents, noun_phrase, span_text, trim


def _is_title_head(token: Token) -> bool:
    w = token.lower_.strip("’'")
    return w in TITLE_WORDS or w.rstrip("s") in TITLE_WORDS


def _left_title(doc, start: int) -> list[Token]:
    """Title words written right before a name, up to a determiner, comma or lower-case word."""
    toks: list[Token] = []
    i = start - 1
    while i >= 0:
        t = doc[i]
        glued = t.text in ("-", "–") and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_
        of_title = (
            t.lower_ == "of"
            and toks
            and toks[-1].is_title
            and i > 0
            and _is_title_head(doc[i - 1])
            and doc[i - 1].is_title
        )
        if glued or t.text in ("’s", "'s") or of_title:  # "Secretary of State Mike Pompeo"
            toks.append(t)
        elif (
            t.lower_ in DETERMINERS
            or (t.dep_ == "poss" and t.pos_ == "PRON")
            or t.is_punct
            or t.is_space
            or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON")
        ):
            break
        elif t.is_title or t.is_upper or t.lower_ in TITLE_MODIFIERS or _is_title_head(t):
            toks.append(t)
        elif t.pos_ == "NOUN" and t.dep_ in ("compound", "nmod", "amod") and toks:
            toks.append(t)  # "opposition leader", "foreign policy chief"
        else:
            break
        i -= 1
    toks.reverse()
    # A title ends in its head word right before the name, or has one before "of" ("Secretary of State").
    of_at = next((n for n, t in enumerate(toks) if t.lower_ == "of"), None)
    if not toks or not (_is_title_head(toks[-1]) or (of_at and _is_title_head(toks[of_at - 1]))):
        return []
    while toks and toks[0].text in ("’s", "'s", "-", "–"):
        toks = toks[1:]
    return toks


def _appos_title(person_root: Token) -> list[Token]:
    """'the Deputy Director of …, Vladimir Leontyev' or 'Vladimir Putin, the Russian president'."""
    head = person_root.head
    # "the Deputy Director of the …Department, Vladimir Leontyev": the name may hang on the last noun.
    while head.dep_ == "appos" and not _is_title_head(head) and head.head.i < head.i:
        head = head.head
    if person_root.dep_ == "appos" and _is_title_head(head) and head.i < person_root.i:
        doc = person_root.doc
        start = min(t.i for t in head.subtree)
        end = person_root.i - len([t for t in person_root.subtree if t.i < person_root.i])
        phrase = trim([doc[i] for i in range(start, end)])
        # Stop at the comma that sets the name off.
        cut = [t for t in phrase if t.i >= head.i and t.text == ","]
        if cut:
            phrase = [t for t in phrase if t.i < cut[-1].i]
        return trim(phrase)
    for child in person_root.children:
        if child.dep_ == "appos" and child.i > person_root.i and (_is_title_head(child) or _affiliated(child)):
            return trim(noun_phrase(child))
    return []


def _affiliated(noun: Token) -> bool:
    """'Meera Sundaram, a hydrologist at the South Asia Water Institute': any occupation, when it names the
    organization it belongs to ('at', 'of', 'with', 'for' …)."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("at", "of", "with", "for")
        and any(p.dep_ == "pobj" and (p.ent_type_ == "ORG" or p.lower_ in INSTITUTIONS) for p in prep.children)
        for prep in noun.children
    )


def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    doc = sent.doc
    for ent in [*ents(doc), *sent.untagged_names]:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "") or sent.token_quoted(ent.root):
            continue
        full = ctx.person(ent.text)
        if full is None:
            continue
        title = _left_title(doc, ent.start)
        rule = "roles.title_before"
        if not title:
            rule = "roles.apposition"
            root = ent.root
            title = _appos_title(root)
            if title and any(ent.start <= t.i < ent.end for t in title):
                title = []
        if not title:
            continue
        text = span_text(title)
        before = doc[title[0].i - 1] if title[0].i > 0 else None
        indefinite = before is not None and before.lower_ in ("a", "an")  # "…, a hydrologist at …"
        text = strip_possessive(text) if text.endswith(("’s", "'s")) else text
        out.append(_role(sent, full, text, doc, ent, rule, indefinite, ctx.long_ago(sent)))
    return out


def _role(
    sent: Sentence, full: str, title: str, doc, ent, rule: str, indefinite: bool = False, past: bool = False
) -> Candidate:
    low = title.lower()
    shown = title
    for prefix in PAST_TITLE_PREFIXES:
        if low.startswith(prefix):
            shown = shown[len(prefix) :]
    first = shown.split(" ", 1)[0]
    # "Iran's Foreign Minister", but "the Deputy Director of the Foreign Ministry’s …"
    # "Iran's Foreign Minister", but "the institute’s president"
    article = "" if first.endswith(("’s", "'s")) and first[:1].isupper() else "the "
    if low.startswith(("former ", "late ")):
        article = f"a {low.split()[0]} "  # "Donald Trump is a former president"
    elif indefinite:
        article = f"{indefinite_article(shown)} "
    of = ""
    if shown.lower().endswith("counterpart"):
        others = [e for e in ents(doc) if e.label_ == "PERSON" and e.start < ent.start]
        if others:
            of = f" of {strip_possessive(others[-1].text)}"
    verb = "was then" if low.startswith("then") else "was" if past and not article.startswith("a ") else "is"
    statement = f"{full} {verb} {article}{shown}{of}."
    key = (full, normalize(shown).replace("advisor", "adviser"))
    return sent.candidate("role", full, title, statement, key=key, rule=rule, entity=full, entity_type="person")


class Roles:
    """Offices of people; read through the whole article first, so that 'the spokesman' in a later sentence
    is the person an earlier one named as such (an office is known from the sentence that states it on)."""

    name = "roles"
    kind = "role"

    def learn(self, sents: Sequence[Sentence], ctx: ArticleContext) -> None:
        for sent in sents:
            for c in extract(sent, ctx):
                ctx.learn_role(c.subject, c.answer, sent.index)

    def propose(self, sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
        return extract(sent, ctx)


register(Roles())
