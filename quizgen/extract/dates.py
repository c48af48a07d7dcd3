"""`date` facts: when something happens, normalized to ISO at its precision.

Relative dates ("Thursday", "next year") become absolute only with a publication date; without one
they are left out, never guessed.
"""

from __future__ import annotations

import datetime as _dt
import re

from ..english import MONTH_NAMES, MONTH_PATTERN, month_number, past, with_the
from ..model import DateValue
from ..text import normalize
from .actors import Actor, resolve
from .clauses import negated, subject_of
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .lexicon import (
    DATE_EVENTS,
    DATED_HAPPENINGS,
    MEETING_WORDS,
    ONCE_EVENTS,
    OTHER_INSTRUMENTS,
    TREATY_VERBS,
    TREATY_WORDS,
    WEEKDAYS,
)
from .protocol import sentence_extractor
from .statements import finish
from .syntax import Token, clause_after, compact_name, ents, noun_phrase, span_text, trim, verb_group

_MONTH = r"(?P<{n}>" + MONTH_PATTERN + r")\.?"
_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"),
    re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(n='mon')},?\s+(?P<y>\d{{4}})$", re.I),
    re.compile(rf"^{_MONTH.format(n='mon')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$", re.I),
    re.compile(rf"^{_MONTH.format(n='mon')},?\s+(?:of\s+)?(?P<y>\d{{4}})$", re.I),
    re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(n='mon')}$", re.I),
    re.compile(rf"^{_MONTH.format(n='mon')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?$", re.I),
    re.compile(rf"^(?:early\s+|late\s+|mid-?)?{_MONTH.format(n='mon')}$", re.I),
    re.compile(r"^(?:in\s+)?(?P<y>(?:1[89]|20)\d{2})$"),
]
_RELATIVE = re.compile(
    r"^(?:(?:on|last|this|next|earlier|later)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
    r"|^(?P<rel>yesterday|today|tomorrow)$"
    r"|^(?P<which>last|next|this)\s+(?P<unit>year|month)$"
    r"|^(?:in\s+)?(?P<mon2>" + "|".join(MONTH_NAMES) + ")"
    r"\s+(?P<which2>next|last|this)\s+year$",
    re.I,
)


def parse_date(text: str, published: DateValue | None = None) -> tuple[DateValue, str | None] | None:
    """(date, relative expression or None), or None when the text is no calendar date we can place."""
    t = re.sub(r"^(?:the\s+)", "", text.strip(), flags=re.I).strip(" ,.")
    for pat in _PATTERNS:
        m = pat.match(t)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else (month_number(g["mon"]) if g.get("mon") else None)
        year = int(g["y"]) if g.get("y") else None
        day = int(g["d"]) if g.get("d") else None
        try:
            if year and month and day:
                _dt.date(year, month, day)
            elif month and day:
                _dt.date(2000, month, day)  # a leap year, so 29 February is allowed
        except ValueError:
            return None
        return DateValue(year, month, day), None
    m = _RELATIVE.match(t)
    if not m or published is None or published.day is None or published.year is None:
        return None
    assert published.month is not None
    pub = _dt.date(published.year, published.month, published.day)
    g = m.groupdict()
    if g["wd"]:
        # News reports speak of the past week: the latest such weekday on or before publication.
        back = (pub.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        d = pub - _dt.timedelta(days=back)
        return DateValue(d.year, d.month, d.day), t
    if g["rel"]:
        d = pub + _dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["rel"].lower()])
        return DateValue(d.year, d.month, d.day), t
    if g["which"]:
        shift = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        if g["unit"].lower() == "year":
            return DateValue(pub.year + shift), t
        month0 = pub.month - 1 + shift
        return DateValue(pub.year + month0 // 12, month0 % 12 + 1), t
    if g["mon2"]:
        shift = {"last": -1, "this": 0, "next": 1}[g["which2"].lower()]
        return DateValue(pub.year + shift, MONTH_NAMES[g["mon2"].lower()]), t
    return None


def _action_noun(tok: Token) -> bool:
    """'the poisoning of Alexei Navalny (in 2020)': an action named by a noun, dated as such."""
    return bool(re.search(r"(?:ing|tion|sion|ment)$", tok.lower_)) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _governing_verb(root: Token) -> tuple[Token | None, str]:
    """The verb a date phrase attaches to, and its preposition ('on', 'in', …)."""
    tok = root
    prep = ""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep = tok.head.lower_
        tok = tok.head.head
    elif tok.dep_ in ("npadvmod", "tmod", "obl"):
        tok = tok.head
    else:
        return None, prep
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and hops < 4 and tok.head.i != tok.i:
        if tok.pos_ == "NOUN" and (tok.lemma_ in DATE_EVENTS or tok.lemma_ in MEETING_WORDS or _action_noun(tok)):
            break
        tok = tok.head
        hops += 1
    return (tok if tok.pos_ in ("VERB", "AUX", "NOUN") else None), prep


@sentence_extractor("dates", kind="date")
def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in ents(sent.doc):
        if ent.label_ != "DATE":
            continue
        text = ent.text
        # spaCy includes "the" and trailing commas at times; the answer is the date words only.
        text = re.sub(r"^(?:the|on|in)\s+", "", text, flags=re.I).strip(" ,")
        if parse_date(text, ctx.published) is None and "," in text:
            text = text.split(",", 1)[0].strip()  # "October 2001, weeks after …": the tagger ran on
        text = sent.as_written(text)
        parsed = parse_date(text, ctx.published)
        if parsed is None:
            continue
        date, relative = parsed
        if text not in sent.text:
            continue
        head = ent.root.head
        if (
            ent.root.dep_ in ("nummod", "compound", "amod", "nmod")
            and head.pos_ in ("NOUN", "PROPN")
            and head.i >= ent.end
        ):
            dated = _dated_noun(head, ent, text, sent, ctx)
            if dated is not None:
                actor, event, statement, verb, rule = dated
            else:
                continue
        else:
            verb, prep = _governing_verb(ent.root)
            if verb is None:
                continue
            found = _who(verb, sent, ctx) if verb.pos_ != "NOUN" else _noun_itself(verb)
            if found is None:
                continue
            actor, said_by, rule = found
            lemma = verb.lemma_.lower()
            event = DATE_EVENTS.get(lemma, lemma)
            if negated(said_by) and prep != "since":
                continue  # "has not signed on Monday": nothing happened then ("not … since 1992" says when it last did)
            statement = finish(_statement(sent, actor.shown, said_by, ent, prep, text, ctx.treaty()))
        out.append(
            sent.candidate(
                "date",
                actor.name,
                text,
                statement,
                key=(actor.name, event, normalize(_object_key(verb))),
                rule=f"dates.{rule}",
                date=date,
                entity=actor.name,
                entity_type=actor.type,
                event=event,
                relative=relative,
            )
        )
    return out


def _who(verb: Token, sent: Sentence, ctx: ArticleContext) -> tuple[Actor, Token, str] | None:
    """Who or what the dated verb is about, the verb the statement is built on, and how it was found."""
    subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None and verb.dep_ in ("relcl", "acl"):
        subj = verb.head
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD") and not own_subject:
        # "Under the JCPOA, agreed in Vienna on 14 July 2015, …": the participle tells of the treaty
        for tok in sent.tokens:
            if tok.lower_ == "under" and tok.dep_ == "prep":
                for p in tok.children:
                    treaty = resolve(p, sent, ctx, allow_treaty=True)
                    if treaty is not None and treaty.type == "treaty":
                        return treaty, verb, "under_treaty"
    actor = resolve(subj, sent, ctx, allow_treaty=True) if subj is not None else None
    if actor is not None:
        return actor, verb, "governed"
    # "announced its intention to leave the treaty on 1 February 2019": the announcer's date
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "acl", "advcl"):
        upper = verb.head.head if verb.head.pos_ == "NOUN" else verb.head
        if upper.pos_ in ("VERB", "AUX"):
            subj2 = subject_of(upper)
            actor = resolve(subj2, sent, ctx, allow_treaty=True) if subj2 is not None else None
            if actor is not None:
                return actor, upper, "announcer"
    # "The withdrawal took effect …", "The last Soviet nuclear test was conducted …": the thing itself
    if subj is not None and subj.pos_ == "NOUN" and subj.lower_ not in ("which", "that"):
        phrase = trim(noun_phrase(subj))
        if phrase and phrase[0].lower_ in ("whose", "which", "that", "who"):
            return None  # "whose party walked out …": whose, the clause does not say
        if phrase and len(phrase) <= 8:
            text = span_text(phrase)
            the = phrase[0].i > 0 and phrase[0].doc[phrase[0].i - 1].lower_ == "the"
            return Actor(text, text, "other", the), verb, "thing"
    return None


def _noun_itself(noun: Token) -> tuple[Actor, Token, str] | None:
    """'before the next UN summit in Glasgow in November': the summit is what is dated."""
    phrase = [t for t in trim(noun_phrase(noun)) if t.ent_type_ != "DATE"]
    if not phrase:
        return None
    text = span_text(phrase).strip(" ,")
    return Actor(text, text, "other", True), noun, "event_noun"


def _dated_noun(noun: Token, ent, text: str, sent: Sentence, ctx: ArticleContext):
    """'the 2015 nuclear deal', 'the 2015 talks': a year that dates the noun it modifies."""
    # (not "the 2010 protocol" or "amendment": often another instrument than the treaty the article is about)
    common = noun.pos_ == "NOUN" and (
        noun.lemma_.lower() in OTHER_INSTRUMENTS
        or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)  # "a 2015 agreement on …"
    )
    if not common and (
        noun.lemma_.lower() in TREATY_WORDS or find_treaty_names(span_text(compact_name(noun)), ctx.names)
    ):
        actor = resolve(noun, sent, ctx, allow_treaty=True)
        if actor is None or actor.type != "treaty":
            # "the 1972 Simla Agreement": a treaty named only here, by its name with the year before it
            names = find_treaty_names(span_text([t for t in compact_name(noun) if t not in ent]), ctx.names)
            if not names:
                return None
            name = ctx.names.canonical(names[0][0])
            actor = Actor(name, name, "treaty", True)
        return actor, "agreement", finish(f"{with_the(actor.name)} dates from {text}"), noun, "treaty_year"
    if common and noun.lemma_.lower() in TREATY_WORDS:
        # "a 1959 treaty with Sudan": that treaty, as the sentence describes it (not the article's own)
        phrase = [t for t in trim(noun_phrase(noun, exclude_deps=("relcl", "acl", "appos"))) if t not in ent]
        phrase = [t for t in phrase if not (t.dep_ == "det" and t.head.i == noun.i)]
        what = span_text(phrase) if phrase else noun.text
        if len(phrase) > 8:
            return None
        statement = finish(f"The {what} dates from {text}")
        return Actor(what, what, "other", True), "agreement", statement, noun, "described_treaty_year"
    if noun.lemma_ in DATED_HAPPENINGS:
        phrase = [t for t in trim(noun_phrase(noun)) if t not in ent]
        what = span_text(phrase) if phrase else noun.text
        actor = Actor(what, what, "other", True)
        return actor, noun.lemma_, finish(f"The {what} took place in {text}"), noun, "happening_year"
    return None


def _object_key(verb: Token) -> str:
    """What the event is about, so two different announcements by one person stay apart."""
    if verb.lemma_ in ONCE_EVENTS:
        return ""
    for child in verb.children:
        if child.dep_ in ("dobj", "ccomp", "xcomp", "attr"):
            return child.lemma_
    return ""


def _statement(sent: Sentence, subject: str, verb: Token, ent, prep: str, date_text: str, treaty: str | None) -> str:
    if verb.pos_ == "NOUN":
        date_phrase = ent.root.head if prep and ent.root.head.dep_ == "prep" else ent.root
        drop = {t.i for t in date_phrase.subtree}
        what = span_text([t for t in trim(noun_phrase(verb)) if t.i not in drop]).strip(" ,")
        happened = "took place" if _action_noun(verb) else "is"
        return f"The {what or verb.text} {happened} {prep or 'in'} {date_text}"
    group = " ".join(t.text for t in verb_group(verb))
    if group.startswith("to "):  # "(calls for prisoners) to be freed by 10 March": what is to happen
        group = f"{'are' if subject.endswith('s') else 'is'} {group}"
    participle = verb.dep_ in ("acl", "advcl") and not any(c.dep_.startswith("nsubj") for c in verb.children)
    if (verb.tag_ == "VBN" or participle and verb.tag_ == "VBD") and group == verb.text:
        group = "was " + group  # "the agreement, signed in 2010" → "was signed"
    # the date's own phrase goes; so does a trailing apposition to it ("…, his first day in office")
    date_phrase = ent.root.head if prep and ent.root.head.dep_ == "prep" else ent.root
    drop = {t.i for t in date_phrase.subtree}
    drop |= {c.i for c in verb.children if c.dep_ == "prt"}  # in the verb group already: not "broke up up over"
    rest = clause_after(verb, drop)
    if treaty and re.fullmatch(r"it|its", rest.split(" ")[0] if rest else "") and verb.lemma_ in TREATY_VERBS:
        rest = with_the(treaty) + rest[len(rest.split(" ")[0]) :]
    if re.match(r"(?i)(?:yesterday|today|tomorrow|(?:last|next|this|earlier|later)\b)", date_text):
        prep = ""  # "yesterday", "last year": no preposition
    elif re.match(r"(?i)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", date_text):
        prep = prep or "on"
    else:
        prep = prep or ("on" if ent_precision_day(date_text) else "in")
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl") and group == verb.text:
        group = past(verb.lemma_)  # "Arriving in Belfast on Tuesday, Blair …" → "Blair arrived in Belfast"
    when = f"{prep} {date_text}".strip()
    if rest and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return f"{when[:1].upper()}{when[1:]}, {subject} {group} {rest}"
    return f"{subject} {group} {rest + ' ' if rest else ''}{when}"


def ent_precision_day(text: str) -> bool:
    parsed = parse_date(text)
    return parsed is not None and parsed[0].day is not None
