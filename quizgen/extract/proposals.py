"""Generous proposals: every date, number, named or described actor, title and event clause of a sentence, as
a candidate of each kind it could be. These extractors aim at recall and judge nothing; the trained model
(decide.py) keeps or drops what they and the rule extractors propose. Each candidate records the tokens it
hangs on (`anchor`, `trigger`), so the model can read the parse around it (features.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..english import MONTH_WORDS, past, with_the
from ..model import DateValue, Quantity
from ..numbers import NUMBER_WORDS, ORDINALS, parse_number
from ..text import normalize
from .actors import Actor, resolve
from .clauses import negated, negated_subject, subject_of
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .dates import parse_date
from .lexicon import (
    BECOMING_PARTY,
    DEONTIC_MODALS,
    EVENT_NOUNS,
    EVENT_VERBS,
    GROUP_ACTOR_NOUNS,
    PARTY_MARKS,
    PROVIDING,
    SAYING,
    TITLE_WORDS,
    TREATY_WORDS,
)
from .protocol import sentence_extractor
from .statements import balanced, clause_head, clause_statement, clause_tokens, finish, is_verb
from .syntax import SUBJECTS, Token, compact_name, ents, noun_phrase, span_text, tokens, trim

NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL")
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_LEADING = re.compile(r"^(?:the|on|in|at|by|since|until|from|during|of)\s+", re.I)


def _root_statement(sent: Sentence, keep: int) -> str:
    """The sentence's main clause, keeping token `keep`: for a word whose own clause is too small to state
    anything ('1,550 deployed …' parsed as a clause of its own)."""
    root = sent.root
    return clause_statement(root, keep) if root is not None else ""


def _key(sent: Sentence, answer: str, *more: str) -> tuple[str, ...]:
    # A generous proposal is a claim of its own sentence: it merges only with one that states the same thing.
    return (sent.source, str(sent.index), normalize(answer), *more)


def _about(verb: Token, sent: Sentence, ctx: ArticleContext) -> tuple[str, str]:
    """(canonical name, type) of who or what a clause is about: its actor, else the article's treaty."""
    subj = subject_of(verb) if is_verb(verb) else None
    actor = resolve(subj, sent, ctx, allow_treaty=True) if subj is not None else None
    if actor is not None:
        return actor.name, actor.type
    treaty = ctx.treaty()
    return (treaty, "treaty") if treaty else ("", "other")


# ---- dates ------------------------------------------------------------------------------------------------

_QUALIFIED = re.compile(
    r"^(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle|spring|summer|autumn|fall|winter)\s+of|"
    r"(?:spring|summer|autumn|fall|winter)(?:\s+of)?|earlier\s+in|later\s+in|since|until|by|before|after)[\s-]+)",
    re.I,
)
_NUMERIC = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_RANGE = re.compile(r"^(.+?)\s*(?:[–—-]|\bto\b|\buntil\b|\band\b)\s*(.+)$")


def loose_date(text: str, published: DateValue | None) -> tuple[DateValue, str | None] | None:
    """A date, also where `parse_date` reads none: 'early 1963', 'autumn of 1963' and 'mid-1992' (at the
    precision they have), '17.04.2001' (day first), 'twenty-ninth of March 2017', '3 to 7 July 1973' (its
    first day), '2024–2026' (its first year)."""
    t = text.strip(" ,.")
    parsed = parse_date(t, published)
    if parsed is not None:
        return parsed
    m = _NUMERIC.match(t)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return (DateValue(year, month, day), None) if 1 <= month <= 12 and 1 <= day <= 31 else None
    words = t.split()
    if words and words[0].lower() in ORDINALS:
        return parse_date(" ".join([str(ORDINALS[words[0].lower()]), *words[1:]]), published)
    core = _QUALIFIED.sub("", t)
    if core != t:
        return loose_date(core, published)
    m = _RANGE.match(t)
    if m:
        first, last = m.group(1), m.group(2)
        end = parse_date(last, published)
        if end is not None and end[0].year is not None:
            start = parse_date(f"{first} {end[0].year}", published) or parse_date(first, published)
            if start is None and first.isdigit() and end[0].month is not None:
                start = parse_date(f"{first} {last.split(maxsplit=1)[-1]}", published)
            if start is not None:
                return start
    return None


# month names and their abbreviations, capitalised as a date writes them ('9 September 1983', 'Sept. 9, 1983')
_MONTH_NAME = "(?:" + "|".join(m.capitalize() for m in sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"
# Calendar dates written out, which the tagger sometimes labels an event or misses in a list line ('- 20 July
# 1936: Montreux Convention signed', 'until 9 September 1983').
_WRITTEN_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME},?\s+\d{{4}}|{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"\s+\d{{4}}|{_MONTH_NAME},?\s+\d{{4}})\b"
)


def _date_spans(sent: Sentence) -> Iterator[tuple[str, Token]]:
    """(text, head token) of every date in the sentence: those the tagger finds, then written-out ones it
    missed or labelled otherwise."""
    doc = sent.doc
    taken: list[tuple[int, int]] = []
    for ent in ents(doc):
        if ent.label_ == "DATE" or (ent.label_ == "CARDINAL" and _NUMERIC.match(ent.text)):
            taken.append((ent.start_char, ent.end_char))  # (a day-first date in figures, '17.04.2001', is a number)
            yield ent.text, ent.root
    for m in _WRITTEN_DATE.finditer(sent.text):
        if any(s <= m.start() and m.end() <= e for s, e in taken):
            continue  # the tagger's date holds it (a longer tagged date keeps its words)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            yield m.group(0), span.root


@sentence_extractor("any_dates", "date", generous=True)
def dates(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """Every date that can be placed on the calendar, with the clause it dates."""
    for found, root in _date_spans(sent):
        text = _LEADING.sub("", found).strip(" ,")
        parsed = loose_date(text, ctx.published)
        if parsed is None and "," in text:
            text = text.split(",", 1)[0].strip()
            parsed = loose_date(text, ctx.published)
        if parsed is None:
            continue
        text = sent.as_written(text)
        if text not in sent.text:
            continue
        date, relative = parsed
        verb = clause_head(root)
        subject, stype = _about(verb, sent, ctx)
        statement = clause_statement(verb, root.i) or _root_statement(sent, root.i)
        if not statement:
            continue
        subject = subject or text  # a date of something the clause does not name: the date is what it is about
        yield sent.candidate(
            "date", subject, text, statement, key=_key(sent, text, date.iso), rule="any_dates.date",
            date=date, entity=subject, entity_type=stype, event=verb.lemma_.lower(), relative=relative,
            anchor=root.i, trigger=verb.i,
        )  # fmt: skip


# ---- numbers: limits and figures --------------------------------------------------------------------------


def number_spans(sent: Sentence, ctx: ArticleContext) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a sentence's numbers: tagged amounts, durations the date tagger
    could not place ('30 days', 'every two years'), and number words it missed."""
    doc = sent.doc
    out: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for ent in ents(doc):
        if ent.label_ in NUMBER_LABELS:
            out.append((ent.start, ent.end, ent.label_))
        elif ent.label_ == "DATE" and any(t.like_num for t in ent):
            text = _LEADING.sub("", ent.text).strip(" ,")
            if loose_date(text, ctx.published) is None and not re.search(r"\b(?:1[89]|20)\d\d\b", text):
                out.append((ent.start, ent.end, "DURATION"))
        taken.update(range(ent.start, ent.end))
    i = 0
    while i < len(doc):
        t = doc[i]
        if i not in taken and (t.like_num or t.lower_ in NUMBER_WORDS) and t.pos_ in ("NUM", "NOUN", "ADJ", "ADV"):
            j = i + 1
            while j < len(doc) and j not in taken and doc[j].like_num:
                j += 1
            if not (t.like_num and re.fullmatch(r"(?:1[89]|20)\d\d", t.text)):
                out.append((i, j, "NUMBER"))
            i = j
            continue
        i += 1
    return sorted(out)


def _measure(doc, start: int, end: int) -> str:
    """What a number counts: the noun it modifies ('1,550 deployed warheads' → 'deployed warheads')."""
    head = doc[end - 1]
    if head.dep_ in ("nummod", "quantmod", "compound", "amod") and head.head.i >= end:
        return span_text(doc[end : head.head.i + 1])
    return ""


def _numbers(sent: Sentence, ctx: ArticleContext) -> list[tuple[str, str, Token, Token, str, str]]:
    """(answer, statement, anchor, clause verb, label, measure) of each number of the sentence, found once for
    both the limits and the figures proposed from them."""
    found = sent.doc.user_data.get("quizgen.numbers")
    if found is None:
        found = sent.doc.user_data["quizgen.numbers"] = list(_find_numbers(sent, ctx))
    return found


def _find_numbers(sent: Sentence, ctx: ArticleContext) -> Iterator[tuple[str, str, Token, Token, str, str]]:
    doc = sent.doc
    for start, end, label in number_spans(sent, ctx):
        span = doc[start:end]
        text = _LEADING.sub("", span.text).strip(" ,")
        if not text or text.lower() in ("one", "a", "an"):
            continue
        text = sent.as_written(text)
        if text not in sent.text:
            continue
        verb = clause_head(span.root)
        statement = clause_statement(verb, span.root.i) or _root_statement(sent, span.root.i)
        if statement:
            yield text, statement, span.root, verb, label, _measure(doc, start, end)


@sentence_extractor("amounts", "limit", generous=True)
def amounts(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """Every number of the sentence as a limit a treaty may set."""
    treaty = ctx.treaty() or ""
    for text, statement, anchor, verb, label, measure in _numbers(sent, ctx):
        value = parse_number(text)
        quantity = Quantity(value, text, measure) if value is not None and measure else None
        subject = treaty or _about(verb, sent, ctx)[0]
        yield sent.candidate(
            "limit", subject, text, statement, key=_key(sent, text), rule="amounts.number", quantity=quantity,
            anchor=anchor.i, trigger=verb.i, hints={"label": label},
        )  # fmt: skip


@sentence_extractor("figures", "event", generous=True)
def figures(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """Every number of the sentence as a figure worth asking about: a count, a tally, a share, a sum."""
    for text, statement, anchor, verb, label, _ in _numbers(sent, ctx):
        subject, stype = _about(verb, sent, ctx)
        yield sent.candidate(
            "event", subject or (ctx.treaty() or ""), text, statement, key=_key(sent, text), rule="figures.number",
            entity=subject or None, entity_type=stype, event=verb.lemma_.lower(), anchor=anchor.i, trigger=verb.i,
            hints={"label": label},
        )  # fmt: skip


@sentence_extractor("provisions", "limit", generous=True)
def provisions(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """What a treaty forbids or demands, with no number to it ('bans the placing of nuclear weapons in orbit',
    'states shall not …'): the clause, with what it bears on as the answer. One per sentence is kept."""
    treaty = ctx.treaty() or ""
    for tok in sent.tokens:
        binding = any(c.dep_ in ("aux", "auxpass") and c.lower_ in DEONTIC_MODALS for c in tok.children)
        if not is_verb(tok) or sent.token_quoted(tok) or not (tok.lemma_.lower() in PROVIDING or binding):
            continue
        answer, anchor = _event_answer(tok, sent)
        answer = sent.as_written(answer)
        statement = clause_statement(tok, anchor)
        if not statement or answer not in sent.text:
            continue
        yield sent.candidate(
            "limit", treaty or _about(tok, sent, ctx)[0], answer, statement, key=_key(sent, answer, "provision"),
            rule="provisions.binding" if binding else "provisions.verb", anchor=anchor, trigger=tok.i,
            group=f"provision|{sent.index}",
        )  # fmt: skip


# ---- actors: positions and signatories --------------------------------------------------------------------


def described_actor(tok: Token) -> Actor | None:
    """Someone the article describes instead of naming: 'a senior EU official', 'civil society groups', 'a
    group of developing countries'. The answer is the description as written, without its determiner."""
    if not (tok.pos_ == "NOUN" and tok.lemma_.lower() in GROUP_ACTOR_NOUNS or _plural_title(tok)):
        return None
    toks = trim(noun_phrase(tok, exclude_deps=("relcl", "acl", "appos", "punct", "cc", "conj", "prep")))
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "at")), None)
    if toks and of is not None and of.i == toks[-1].i + 1 and len(list(of.subtree)) <= 5:
        toks = toks + list(of.subtree)  # "a group of developing countries", "analysts in Tehran"
    toks = [t for t in toks if not (t.dep_ == "poss" and t.pos_ == "PRON")]
    if not toks or len(toks) > 8:
        return None
    text = span_text(toks)
    return Actor(text, text, "other")


def actor_of(tok: Token, sent: Sentence, ctx: ArticleContext) -> tuple[Actor, str] | None:
    """(actor, how it was found) of a subject or possessor: a named one, else a described one."""
    actor = resolve(tok, sent, ctx)
    if actor is not None and actor.type == "person" and _plural_title(tok) and tok.ent_type_ != "PERSON":
        actor = None  # "The Ministers welcomed …": all of them, not the one minister named last
    if actor is not None and actor.type in ("person", "country", "organization"):
        return actor, "named"
    described = described_actor(tok)
    return (described, "described") if described is not None else None


def _actor_tokens(sent: Sentence) -> Iterator[tuple[Token, Token, str]]:
    """(actor token, the verb or noun it acts on, how) for every subject, agent, possessor and 'according to'
    source outside quotation marks."""
    for tok in sent.tokens:
        if sent.token_quoted(tok):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and is_verb(tok.head):
            yield tok, tok.head, tok.dep_
        elif tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            yield tok, tok.head.head, "agent"
        elif tok.dep_ == "poss" and tok.head.pos_ == "NOUN":
            yield tok, tok.head, "poss"
        elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            yield tok, tok.head.head, "according"


_GROUP_PRONOUNS = {"it": False, "its": False, "they": True, "their": True}  # pronoun → plural


def _group_antecedent(tok: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """'it' or 'they' standing for a state, a body or a group: the nearest one named before it in the sentence
    ('Lavrov criticized the United States for its reluctance'), else, for a subject, the last one the sentence
    before made its subject ('Norway disagrees. The treaty, it argues, …')."""
    plural = _GROUP_PRONOUNS.get(tok.lower_)
    if plural is None:
        return None
    if tok.dep_ == "poss" and tok.head.dep_ not in ("nsubj", "nsubjpass"):
        return None  # 'its reluctance', 'their arsenal': a thing owned, no one acting
    if tok.dep_ == "poss":
        tok = tok.head  # 'its delegation argues': the state of the delegation, as the subject
    for t in reversed(sent.doc[: tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj") and not sent.token_quoted(t):
            found = actor_of(t, sent, ctx)
            if found is not None and found[0].type != "person" and _plural(t) == plural:
                return found[0]
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None  # 'its delegation argues': only what the sentence itself names
    fits = [a for _, a, p in ctx.state.get("actors.subjects", []) if p == plural]
    return fits[-1] if fits else None


def _plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _note_subjects(sent: Sentence, found: list[tuple[int, Actor]]) -> list[tuple[int, Actor, bool]]:
    """The states, bodies and groups this sentence made subjects, for the next sentence's 'it' and 'they'."""
    return [(i, actor, _plural(sent.doc[i])) for i, actor in found if actor.type != "person"]


def _around_aside(verb: Token, actor: Actor) -> str:
    """'<actor> argues: the treaty grants …' for the aside 'it argues' inside 'The treaty, it argues, grants …'."""
    doc = verb.doc
    clause = clause_tokens(verb.head)
    aside = list(verb.subtree)
    if len(clause) - len(aside) < 4:
        return ""
    text = doc.text
    a, b = aside[0].idx, aside[-1].idx + len(aside[-1].text)
    start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    said = re.sub(r"\s*,\s*,", ",", f"{text[start:a].rstrip(' ,')} {text[b:end].lstrip(' ,')}")
    said = said[:1].lower() + said[1:] if doc[clause[0].i].pos_ != "PROPN" else said
    return finish(f"{actor.shown} {verb.text}: {said.strip()}")


@sentence_extractor("actors", "position", generous=True)
def actors(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """Every actor of the sentence, with what its clause says: the model tells stances from other deeds."""
    seen: set[tuple[str, int]] = set()
    before = ctx.state.get("actors.subjects", [])  # what the sentence before made its subjects
    subjects: list[tuple[int, Actor]] = []
    for tok, trigger, how in _actor_tokens(sent):
        found = actor_of(tok, sent, ctx)
        if found is None:
            group = _group_antecedent(tok, sent, ctx)
            found = (group, "pronoun") if group is not None else None
        if found is None:
            continue
        actor, named = found
        if how in ("nsubj", "nsubjpass") and named != "pronoun":
            subjects.append((tok.i, actor))
        if (actor.name, trigger.i) in seen:
            continue
        seen.add((actor.name, trigger.i))
        verb = clause_head(trigger)
        statement = clause_statement(verb, tok.i)
        if not statement and verb.dep_ == "parataxis" and is_verb(verb.head):
            # 'The treaty, it argues, grants …': what is argued is the clause the aside sits in
            statement = _around_aside(verb, actor)
        pronoun = how in ("nsubj", "nsubjpass") and tok.lower_ in ("he", "she", "it", "they", "who", "which")
        if statement and pronoun and statement.lower().startswith(tok.lower_ + " "):
            statement = finish(f"{actor.shown} {statement[len(tok.text) + 1 :]}")  # the name, not the pronoun
        if not statement:
            continue
        yield sent.candidate(
            "position", actor.name, actor.answer, statement, key=_key(sent, actor.name, str(trigger.i)),
            rule=f"actors.{named}", entity=actor.name, entity_type=actor.type, stance=trigger.lemma_.lower(),
            anchor=tok.i, trigger=trigger.i, hints={"how": how}, group=f"position|{sent.index}|{actor.name}",
        )  # fmt: skip
    # a sentence without a state or group for subject keeps the last one's in mind
    ctx.state["actors.subjects"] = _note_subjects(sent, subjects) or before


def _treaty_in(sent: Sentence, ctx: ArticleContext) -> str:
    names = find_treaty_names(sent.text, ctx.names)
    if names:
        return ctx.names.canonical(names[0][0])
    return ctx.treaty() or "the treaty"


_LIST_MARK = "-–—•*·"


def _introduced_list(sent: Sentence, ctx: ArticleContext) -> bool:
    """A list item ('- France', '• Leonid Kuchma, president of Ukraine') under a line that speaks of signing or
    membership and ends in a colon ('The original signatories were:')."""
    if sent.text.lstrip()[:1] not in _LIST_MARK:
        return False
    for line in reversed(ctx.text[: sent.start].rstrip().splitlines()):
        line = line.strip()
        if not line or line[:1] in _LIST_MARK:
            continue
        words = set(re.findall(r"[a-z]+", line.lower()))
        return line.endswith(":") and bool(words & _PARTY_WORDS)
    return False


_PARTY_WORDS = frozenset(BECOMING_PARTY | PARTY_MARKS) | {
    "signed", "signatories", "ratified", "acceded", "joined", "members", "parties", "ratifications", "adopted",
}  # fmt: skip


@sentence_extractor("parties", "signatory", generous=True)
def parties(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """Every named state, body or person of a sentence that speaks of signing, ratifying or membership (or of a
    list item under such a line, or named as the other side of an agreement 'between' them)."""
    doc = sent.doc
    triggers = [
        t
        for t in tokens(doc)
        if (t.lemma_.lower() in BECOMING_PARTY and t.pos_ in ("VERB", "AUX"))
        or t.lemma_.lower() in PARTY_MARKS
        or t.lower_ in ("signatories", "ratifications")
        or t.lemma_.lower() == "name"
        and t.head.lemma_.lower() == "put"  # "put their names to it"
        or t.lower_ == "between"
        and t.head.lemma_.lower() in TREATY_WORDS  # "the treaty between A and B"
    ]
    listed = not triggers and _introduced_list(sent, ctx)
    if not triggers and not listed:
        return
    if listed:
        triggers = [
            next(t for t in tokens(doc) if not t.is_punct) if any(not t.is_punct for t in tokens(doc)) else doc[0]
        ]
    treaty = _treaty_in(sent, ctx)
    named = [e for e in ents(doc) if e.label_ in ACTOR_LABELS]
    if listed and not named:  # "- France": too short for the tagger; the item's name is the party
        root = sent.root
        if root is not None and root.pos_ == "PROPN":
            named = [doc[trim(compact_name(root))[0].i : root.i + 1]]
    for ent in named:
        actor = resolve(ent.root, sent, ctx)
        if actor is None or actor.type not in ("person", "country", "organization"):
            if ent.label_ == "NORP":
                continue
            actor = Actor(ent.text, ent.text, "country" if ent.label_ == "GPE" else "organization")
        answer = sent.as_written(re.sub(r"(?:'s|’s)$", "", ent.text))
        if answer not in sent.text or find_treaty_names(answer, ctx.names):
            continue
        if actor.type == "country" and answer != actor.name and _named_as_itself(actor.name, ent, named, sent, ctx):
            continue  # "the US and Russia … Moscow and Washington": the parties are the US and Russia
        above = {a.i for a in ent.root.ancestors}
        # the nearest verb above the name that it governs, an asserted one first ("Lithuania ratified it in 2003,
        # Estonia in 2004; Poland did not ratify it": Estonia hangs under both)
        trigger = min(triggers, key=lambda t: (t.i not in above, t.i in above and _denied(t), abs(t.i - ent.root.i)))
        if (trigger.i in above or trigger.head.i in above) and _denied(trigger):
            continue  # "The United States … did not ratify Trianon", "Iran refused to sign": no party
        if trigger.pos_ in ("VERB", "AUX"):
            statement = f"{actor.shown} {past(trigger.lemma_)} {with_the(treaty)}"
        else:
            statement = f"{actor.shown} is a party to {with_the(treaty)}"
        yield sent.candidate(
            # (keyed as the signatories extractor keys a party: one claim however many sentences make it)
            "signatory", treaty, answer, finish(statement), key=(treaty, actor.name),
            rule="parties.listed" if listed else "parties.named", entity=actor.name, entity_type=actor.type,
            anchor=ent.root.i, trigger=trigger.i,
        )  # fmt: skip


def _denied(verb: Token) -> bool:
    """'did not ratify', 'neither … nor … signed', 'declined to ratify': the act the sentence says did not happen."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSING
    return negated(verb) or negated_subject(verb) or refused


_REFUSING = frozenset({"decline", "refuse", "fail"})


def _named_as_itself(country: str, ent: Any, named: list[Any], sent: Sentence, ctx: ArticleContext) -> bool:
    """Whether the sentence also names `country` by its name or acronym ("Russia", "US"), besides `ent`
    (its capital, standing for it)."""
    for other in named:
        if other is ent or not (other.text == country or other.text.isupper()):
            continue
        actor = resolve(other.root, sent, ctx)
        if actor is not None and actor.name == country:
            return True
    return False


# ---- roles: what a named person is ---------------------------------------------------------------------------

_DESCRIPTOR_POS = ("NOUN", "PROPN", "ADJ")
_NARROW = ("relcl", "acl", "punct", "cc", "conj", "appos")


def _people(sent: Sentence, ctx: ArticleContext) -> Iterator[tuple[object, str]]:
    seen: set[int] = set()
    for ent in [*ents(sent.doc), *sent.untagged_names]:
        if ent.label_ not in ("PERSON", "ORG", "") or ent.start in seen:
            continue  # (a titled name the tagger took for an organization is still a person the article knows)
        full = ctx.person(ent.text)
        if full:
            seen.add(ent.start)
            yield ent, full


def _descriptions(ent, doc) -> Iterator[tuple[list[Token], str, int]]:
    """(tokens, how, trigger) of each phrase that says what the person `ent` is."""
    root = ent.root
    for c in root.children:
        if c.dep_ == "appos" and (c.pos_ == "NOUN" or _titled(c)):  # "X, Belgium's energy minister"
            yield trim(noun_phrase(c, _NARROW)), "appos", c.i
        elif c.dep_ == "relcl" and c.lemma_.lower() not in SAYING:  # "X, who chairs a business association"
            toks = [t for t in c.subtree if t.dep_ not in ("nsubj", "punct") or t.i > c.i]
            if 2 <= len(toks) <= 12:
                yield toks, "relative", c.i
        elif c.dep_ == "prep" and c.lower_ == "of":  # "X of the British Antarctic Survey"
            bodies = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ in ("ORG", "GPE")]
            if bodies:
                yield trim(noun_phrase(bodies[0])), "of_body", c.i
    # the name set off after its office: "the Foreign Secretary, Lord Curzon, who …"
    if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or _titled(root.head)) and root.head.i < ent.start:
        yield trim(noun_phrase(root.head, _NARROW)), "appos_of", root.head.i
    # words before the name, back to a determiner or punctuation: "the space-law scholar", "Belgian envoy",
    # "the President of the Republic of Kazakhstan"; for a second name of a list, the first one's words
    first = root
    while first.dep_ == "conj" and first.head.i != first.i and first.head.ent_type_ == "PERSON":
        first = first.head
    start = min(ent.start, first.left_edge.i if first is not root else ent.start)
    if first is not root:
        start = next((e.start for e in ents(doc) if e.start <= first.i < e.end), first.i)
    i = start - 1
    while (
        i >= 0
        and doc[i].ent_type_ != "PERSON"
        and (
            doc[i].pos_ in _DESCRIPTOR_POS
            or doc[i].text in ("-", "’s", "'s", "of")
            or doc[i].lower_ == "the"
            and i > 0
            and doc[i - 1].lower_ == "of"
        )
    ):
        i -= 1
    before = list(doc[i + 1 : start])
    while before and (before[0].lower_ == "of" or before[0].is_punct):
        if before[0].text in "-–" and before[0].i > 0 and doc[before[0].i - 1].lower_ in ("then", "ex", "former"):
            before = [doc[before[0].i - 1], *before]  # "then-US President": the office as it was then
            break
        before = before[1:]
    # (a list's first name shares its words with the others only when they are plural: "Generals Sherman,
    # Harney and Terry", but not "Senator Henderson, Tappan and Sanborn")
    shared = first is root or before and (before[-1].tag_ in ("NNS", "NNPS") or _plural_title(before[-1]))
    titled = any(t.pos_ == "NOUN" or t.lower_ in TITLE_WORDS or _plural_title(t) for t in before)
    if shared and before and titled and len(before) <= 8:
        yield before, "before", before[-1].i
    # "X became / is / was (the) Y"; "X served / resigned / stayed on as Y"
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
        attr = None
        if verb.lemma_.lower() in ("be", "become", "remain"):
            attr = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
        if attr is None:
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            attr = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
        if attr is not None and (attr.pos_ == "NOUN" or _titled(attr)):
            yield trim(noun_phrase(attr, _NARROW)), "became", attr.i


def _plural_title(tok: Token) -> bool:
    """A title in the plural ('Generals', 'Senators'; the tagger often takes them for singular names)."""
    return tok.lower_.endswith("s") and tok.lower_[:-1] in TITLE_WORDS


def _titled(tok: Token) -> bool:
    """A proper noun that is an office ('President of the Commission', 'First Vice President')."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "GPE") and tok.lower_ in TITLE_WORDS


@sentence_extractor("descriptions", "role", generous=True)
def descriptions(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """What a named person is, however the article says it: set off after the name ('X, Belgium's energy
    minister'), before it ('the philosopher Jan Patočka'), in a relative clause ('X, who chairs …'), or as
    what they became ('Tung Chee-hwa became the first chief executive')."""
    for ent, full in _people(sent, ctx):
        for toks, how, trigger in _descriptions(ent, sent.doc):
            if not toks:
                continue
            answer = sent.as_written(span_text(toks))
            if answer not in sent.text or len(answer) < 3:
                continue
            shown = with_the(answer) if answer[:1].isupper() else answer
            yield sent.candidate(
                "role", full, answer, finish(f"{full} {'was' if ctx.long_ago(sent) else 'is'} {shown}"),
                key=_key(sent, answer, full),
                rule=f"descriptions.{how}", entity=full, entity_type="person", anchor=toks[-1].i, trigger=trigger,
                hints={"ent": getattr(ent, "label_", "") or "untagged"},
            )  # fmt: skip


# ---- events -----------------------------------------------------------------------------------------------

_SPAN_LABELS = ("FAC", "EVENT", "ORG", "LOC", "GPE", "LAW", "WORK_OF_ART", "LANGUAGE", "NORP", "PRODUCT")


def _event_answer(verb: Token, sent: Sentence) -> tuple[str, int]:
    """The distinctive span of an event clause: a name it governs, else its object, else the verb. A name
    inside a clause of its own ('the agreement, signed between Moscow and Washington') is that clause's.
    Found once per verb (a sentence's root is asked for as a whole and as a clause)."""
    memo = verb.doc.user_data.setdefault("quizgen.event_answers", {})
    if verb.i not in memo:
        memo[verb.i] = _find_event_answer(verb, sent)
    return memo[verb.i]


def _find_event_answer(verb: Token, sent: Sentence) -> tuple[str, int]:
    clause: set[int] | None = None  # the clause's tokens: made only when a name may be in it
    for ent in ents(sent.doc):
        if ent.label_ in _SPAN_LABELS and ent.root.dep_ in ("dobj", "pobj", "attr", "nsubjpass"):
            if clause is None:
                clause = {t.i for t in clause_tokens(verb)}
            if ent.root.i in clause and not _nested(ent.root, verb):
                return ent.text, ent.root.i
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN"):
            toks = trim(noun_phrase(c))
            if toks and len(toks) <= 8:
                return span_text(toks), c.i
    for c in verb.children:
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    toks = trim(noun_phrase(p))
                    if toks and len(toks) <= 8:
                        return span_text(toks), p.i
    return verb.text, verb.i


def _nested(tok: Token, verb: Token) -> bool:
    """Whether a clause of its own (relative, participle, adverbial) lies between the token and the verb."""
    for t in (tok, *tok.ancestors):
        if t.i == verb.i:
            return False
        if t.dep_ in ("acl", "relcl", "advcl"):
            return True
    return False


def _main_clause(tok: Token) -> bool:
    """The sentence's own verb, or a verb joined to it with a subject of its own."""
    if not is_verb(tok):
        return False
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ in ("conj", "parataxis") and any(c.dep_ in SUBJECTS for c in tok.children)


@sentence_extractor("happenings", "event", generous=True)
def happenings(sent: Sentence, ctx: ArticleContext) -> Iterator[Candidate]:
    """Every clause on a verb or noun of a treaty's life or of diplomacy, and every main clause: the model
    tells the key events from the rest."""
    seen: set[int] = set()
    root = sent.root
    if root is not None and not is_verb(root):
        yield from _verbless(sent, ctx, root)
    elif root is not None:
        yield from _whole(sent, ctx, root)
    for tok in sent.tokens:
        lemma = tok.lemma_.lower()
        rule = "happenings.event"
        if is_verb(tok) and lemma in EVENT_VERBS:
            verb = tok
        elif tok.pos_ == "NOUN" and lemma in EVENT_NOUNS:
            verb = clause_head(tok)
        elif _main_clause(tok) and not sent.token_quoted(tok):
            verb, rule = tok, "happenings.clause"
        else:
            continue
        if verb.i in seen or lemma in SAYING:
            continue
        seen.add(verb.i)
        if tok.i == verb.i:
            answer, anchor = _event_answer(verb, sent)
        else:
            answer, anchor = span_text(trim(noun_phrase(tok))), tok.i
        answer = sent.as_written(answer)
        statement = clause_statement(verb, anchor)
        if not answer or answer not in sent.text or not statement:
            continue
        subject, stype = _about(verb, sent, ctx)
        yield sent.candidate(
            "event", subject or (ctx.treaty() or ""), answer, statement, key=_key(sent, answer), rule=rule,
            entity=subject or None, entity_type=stype, event=lemma, anchor=anchor, trigger=tok.i,
            group=f"event|{sent.index}",
        )  # fmt: skip


def _whole(sent: Sentence, ctx: ArticleContext, root: Token) -> Iterator[Candidate]:
    """The sentence's own statement as one event: what it says as a whole, all its clauses (the key fact of a
    sentence of several is often not one clause's)."""
    text = balanced(sent.text.strip().lstrip("-–—•*·").strip().strip("“”\"‘’' "))
    answer, anchor = _event_answer(root, sent)
    answer = sent.as_written(answer)
    if len(text.split()) < 4 or answer not in sent.text:
        return
    subject, stype = _about(root, sent, ctx)
    yield sent.candidate(
        "event", subject or (ctx.treaty() or ""), answer, finish(text), key=_key(sent, answer, "sentence"),
        rule="happenings.sentence", entity=subject or None, entity_type=stype, event=root.lemma_.lower(),
        anchor=anchor, trigger=root.i, group=f"event|{sent.index}",
    )  # fmt: skip


def _verbless(sent: Sentence, ctx: ArticleContext, root: Token) -> Iterator[Candidate]:
    """A line with no verb ('- Territorial sea: up to 12 nautical miles', '(I) sovereign equality …'): the line
    is the statement, its head phrase the answer."""
    text = sent.text.strip().lstrip("-–—•*·").strip()
    answer = sent.as_written(span_text(trim(noun_phrase(root))) or root.text)
    if len(text.split()) < 2 or answer not in sent.text:
        return
    yield sent.candidate(
        "event", ctx.treaty() or "", answer, finish(balanced(text)), key=_key(sent, answer, "line"),
        rule="happenings.line", event="line", anchor=root.i, group=f"event|{sent.index}",
    )  # fmt: skip
