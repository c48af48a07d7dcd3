"""Anki markup in the text (#12, bug 4): an article or fact holding `{{c3::…}}`, `[sound:…]`, `[latex]`, `[$]`,
`[$$]`, `\\(` or `\\[` exports notes with exactly the cards quizgen meant, and Anki shows that text as text.

Every check is on real packages imported and rendered by the official `anki` package. MathJax runs in
Anki's reviewer, not in the `anki` package: `mathjax_delimiters` applies MathJax's rule for where it looks
(one run of text, which may cross `<br>`, `<wbr>` and comments but no other element)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki_items import sample_items
from hand_items import sample_deck
from hypothesis import given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.anki import MODEL_NAMES, DeckExport, esc, export_apkg, note_guid, tag
from quizgen.model import Evidence
from quizgen.questions import make_items

T0 = 1_700_000_000
HOSTILE = (
    "{{c3::START}}",
    "[sound:x.mp3]",
    "[latex]x^2[/latex]",
    "[$]y^2[/$]",
    "[$$]z^2[/$$]",
    "\\(a+b\\)",
    "\\[c+d\\]",
)
ALL = " ".join(HOSTILE)
BRACELESS = " ".join(HOSTILE[1:])
# An article whose sentences carry the markup: the extractor takes them as evidence (and into statements
# and questions), the cloze maker sees them.
ARTICLE = (
    "Harbour Accord signed\n\n"
    "The Harbour Accord {{c3::START}} was signed on 8 June 2031 by Kelmar and Norvald [sound:x.mp3]. "
    "It caps each navy at 18 patrol ships [latex]x^2[/latex] \\(a+b\\) under the {{c1::Harbour}} accord. "
    "The accord expires on 8 June 2041 [$]y^2[/$] [$$]z^2[/$$] \\[c+d\\], the ministry said.\n"
)


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path) -> None:
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    assert not log.conflicting and not log.missing_notetype and not log.empty_first_field


def visible(page: str) -> str:
    """The text a person reads: no stylesheet, no elements (an empty one shows nothing), entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    body = re.sub(r"<(\w+)[^>]*></\1>", "", body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


class _TextRuns(HTMLParser):
    """The runs of text MathJax searches for delimiters: entities decoded; a run ends at every element
    except `<br>` and `<wbr>` (and comments); nothing in a style, script or code element."""

    JOINED = {"br", "wbr"}
    SKIPPED = {"style", "script", "noscript", "textarea", "pre", "code"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = [""]
        self.skipping = 0

    def _tag(self, name: str, opening: bool) -> None:
        if name in self.SKIPPED:
            self.skipping += 1 if opening else -1
        if name not in self.JOINED:
            self.runs.append("")

    def handle_starttag(self, name, attrs):
        self._tag(name, True)

    def handle_endtag(self, name):
        self._tag(name, False)

    def handle_startendtag(self, name, attrs):
        if name not in self.JOINED:
            self.runs.append("")

    def handle_data(self, data):
        if not self.skipping:
            self.runs[-1] += data


def mathjax_delimiters(page: str) -> list[str]:
    parser = _TextRuns()
    parser.feed(page)
    parser.close()
    return [run for run in parser.runs if "\\(" in run or "\\[" in run]


def assert_no_markup_processed(card) -> tuple[str, str]:
    """The card's two sides as Anki renders them: no sound, no LaTeX image, no MathJax, no template left."""
    out = card.render_output(reload=True)
    assert not out.question_av_tags and not out.answer_av_tags, (out.question_av_tags, out.answer_av_tags)
    question, answer = card.question(), card.answer()
    for side in (question, answer):
        assert "[anki:play" not in side and "[anki:tts" not in side
        assert "class=latex" not in side and "latex-" not in side and "LaTeX" not in side
        assert "<anki-mathjax" not in side
        assert mathjax_delimiters(side) == [], mathjax_delimiters(side)
        assert "{{" not in side and "}}" not in side
    return question, answer


def cards_by_note(col: Collection) -> dict[str, list]:
    out: dict[str, list] = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        out.setdefault(card.note().guid, []).append(card)
    return out


def meant_cards(items, notes: str) -> dict[str, int]:
    """How many cards quizgen means each note to have: one per item, or one per item of a fact on its note
    (a timeline is a note of its own)."""
    if notes == "item":
        return {note_guid(i.id): 1 for i in items}
    out = Counter(note_guid(f"fact:{i.fact}") for i in items if i.type != "timeline")
    out.update(note_guid(i.id) for i in items if i.type == "timeline")
    return dict(out)


def hostile_items():
    """The sample items with the markup in every text quizgen writes: question, options, answer,
    explanation, sentence, title, cloze text, and (for fact notes and tags) statement and subject."""
    items = []
    for item in sample_items():
        marked = replace(
            item,
            prompt=f"{item.prompt} {ALL}",
            explanation=f"{item.explanation} {ALL}",
            evidence=Evidence(item.evidence.source, f"{item.evidence.text} {ALL}"),
            source_title=f"{item.source_title} {ALL}",
        )
        if item.type in ("multiple_choice", "who_said"):
            marked = replace(marked, answer=f"{item.answer} {ALL}", choices=tuple(f"{c} {ALL}" for c in item.choices))
        elif item.type == "typed":
            marked = replace(marked, answer=f"{item.answer} {ALL}")
        elif item.type == "cloze":
            # An item's cloze text is Anki's cloze syntax, its braces markers by definition (the cloze
            # maker makes none of a sentence holding braces: tested below): the rest of the markup here.
            marked = replace(marked, cloze=f"{BRACELESS} {item.cloze} {BRACELESS}")
        items.append(marked)
    return items


@pytest.mark.parametrize("notes", ["fact", "item"])
def test_markup_in_every_field_shows_as_text_on_exactly_the_cards_meant(tmp_path, col, notes):
    items = hostile_items()
    facts = {f.id for f in sample_deck().facts}
    subjects = dict.fromkeys(facts, f"Subject {ALL}")
    statements = {f: f"Statement of {f} {ALL}" for f in facts}
    path = tmp_path / "markup.apkg"
    export_apkg([DeckExport("quizgen::markup", items, subjects, statements)], path, T0, notes=notes)
    import_apkg(col, path)

    by_note = cards_by_note(col)
    assert {guid: len(cards) for guid, cards in by_note.items()} == meant_cards(items, notes)
    for cards in by_note.values():
        note = cards[0].note()
        for t in note.tags:
            assert not re.search(r"[{}\[\]\\<>\s]", t), t
        if notes == "fact" and "Fact" in note:
            assert visible(note["Fact"]).endswith(ALL)  # the sort field Anki's browser lists
        for card in cards:
            question, answer = assert_no_markup_processed(card)
            # Every side shows the markup literally: in the question (or the cloze text) on the front, and
            # on the back the explanation, sentence and title (and the answer) too.
            cloze = note.note_type()["name"] == MODEL_NAMES["cloze"]
            assert (BRACELESS if cloze else ALL) in visible(question), visible(question)
            assert visible(answer).count(ALL) >= 3, visible(answer)


def test_a_typed_answer_holding_markup_is_compared_as_its_text(col):
    """The type-in card compares what was typed with the answer field's text: the breaks are not in it."""
    typed = f"Dmitry Peskov {ALL}"
    comparison = col.compare_answer(esc(typed), typed)
    assert "typeBad" not in comparison and "typeMissed" not in comparison, comparison


@pytest.mark.parametrize("notes", ["fact", "item"])
def test_an_article_with_markup_exports_the_cards_meant_and_shows_it_as_text(tmp_path, col, notes):
    deck = quizgen.extract_texts({"harbour": ARTICLE})
    items = make_items(deck)
    assert any(ALL.split()[0] in i.evidence.text for i in items)  # the markup reached the items
    for item in (i for i in items if i.type == "cloze"):
        # A gap in a sentence holding braces would read them as gaps too: no such gap is made.
        assert item.cloze.count("{{") == 1 and item.cloze.count("}}") == 1, item.cloze
    path = tmp_path / "article.apkg"
    statements = {f.id: f.statement for f in deck.facts}
    export_apkg([DeckExport("quizgen::harbour", items, {}, statements)], path, T0, notes=notes)
    import_apkg(col, path)

    by_note = cards_by_note(col)
    assert {guid: len(cards) for guid, cards in by_note.items()} == meant_cards(items, notes)
    shown = ""
    for cards in by_note.values():
        for card in cards:
            question, answer = assert_no_markup_processed(card)
            shown += visible(question) + visible(answer)
            assert card.note()["Sentence"] in answer  # the back quotes the article's sentence
    for text in HOSTILE:
        assert text in shown, text


def test_the_cloze_maker_makes_no_gap_in_a_sentence_holding_braces():
    deck = sample_deck()
    warheads = deck.fact("limit-new-start-warheads")
    text = warheads.evidence[0].text
    for odd in ("{{c3::START}} ", "{{", "}} "):
        ev = replace(warheads.evidence[0], text=odd + text)
        fact = replace(warheads, evidence=(ev,))
        changed = replace(deck, facts=tuple(fact if f.id == fact.id else f for f in deck.facts))
        gaps = [i for i in make_items(changed, types=["cloze"]) if i.fact == fact.id]
        assert gaps == [], gaps
    gaps = [i for i in make_items(deck, types=["cloze"]) if i.fact == warheads.id]
    assert gaps and gaps[0].cloze.count("{{") == 1  # the same sentence without the braces has its gap


def test_escaped_text_and_tags_hold_no_anki_markup():
    out = esc(ALL)
    assert not re.search(r"\{\{|\}\}|\[|\\", out.replace("<span></span>", "")), out
    assert "&#92;<span></span>(" in out and "&#123;<span></span>&#123;" in out
    assert html.unescape(out.replace("<span></span>", "")) == ALL
    assert tag(f"Arms {ALL} <b>") == "Arms_c3:START_sound:x.mp3_latexx^2/latex_$y^2/$_$$z^2/$$_(a+b)_c+d_b"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab {}[]\\\n&<>\"'$:c1\u0301\u0338")), max_size=40) | st.text(max_size=40))
def test_escaping_skips_the_markup_pass_only_where_there_is_no_markup(text: str) -> None:
    """esc() breaks and encodes Anki's markup only in texts that hold some (a speed-up: the encoding pass cost
    most of an export of 50,000 items); the result is that of escaping every text in full."""
    full = html.escape(unicodedata.normalize("NFC", text), quote=True)
    full = re.sub(r"\\|\{(?=\{)|\}(?=\})", lambda m: m.group(0) + "<span></span>", full)
    refs = {"{": "&#123;", "}": "&#125;", "[": "&#91;", "\\": "&#92;", "\u0338": "&#824;"}
    full = full.translate(str.maketrans(refs))
    assert esc.__wrapped__(text) == full.replace("\n", "<br>")
