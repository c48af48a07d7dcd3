"""`quizgen extract` on web pages (#13): a saved .html file and an http:// address give a titled, dated deck of
the story alone; an address that cannot be fetched, is no HTML page or holds no story is one error line.

Pages are served from a local http.server on 127.0.0.1 (port 0) in a thread; no test reaches the internet.
The pages in tests/data/html are invented (see its README).
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, run_cli

import quizgen
from quizgen.corpus import read_articles

PAGES = DATA / "html"
STORY = (PAGES / "kessel-bay.html").read_bytes()
NO_STORY = (PAGES / "furniture-only.html").read_bytes()
# The story in Windows-1252, its apostrophes and quotation marks as bytes, not entities, and no <meta charset>.
STORY_CP1252 = (
    STORY.decode("utf-8")
    .replace('<meta charset="utf-8">', "")
    .replace("&rsquo;", "’")
    .replace("&ldquo;", "“")
    .replace("&rdquo;", "”")
    .encode("cp1252")
)
TITLE = "Velmark and Ostrava sign Kessel Bay treaty"
PUBLISHED = "2025-03-14"  # the page's article:published_time; "on Thursday" in it is 2025-03-13
# Words of the menu, header, sidebar and footer around the story: none may reach the deck.
FURNITURE = ("Subscribe", "Home", "read by harbour towns", "Most read", "Ferry timetable", "cookies", "Contact us")
# Addresses on 127.0.0.1 are never sent to a proxy the environment may name.
NO_PROXY = {"no_proxy": "*", "NO_PROXY": "*"}
TIMEOUT = "0.5"  # --timeout for the slow pages: small, so the tests are quick
RELEASE = threading.Event()  # set when the server stops: the slow pages stop waiting


class Pages(http.server.BaseHTTPRequestHandler):
    """The pages the tests fetch, one per path."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        # quizgen hangs up on a page over the limit, or too slow: as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._page()

    def _page(self) -> None:
        path = self.path.split("?")[0]
        if path == "/news/kessel-bay.html":
            self._send(200, "text/html; charset=utf-8", STORY)
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/kessel-bay.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/windows-1252":
            self._send(200, "text/html; charset=windows-1252", STORY_CP1252)
        elif path == "/no-story":
            self._send(200, "text/html; charset=utf-8", NO_STORY)
        elif path == "/gone":
            self._send(404, "text/html", b"<html><body><p>Not here.</p></body></html>")
        elif path == "/chart.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        elif path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        elif path == "/endless":
            # No Content-Length: only reading shows the page is too large (and it never ends).
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><article>")
            filler = b"<p>The harbour was quiet.</p>\n" * 4096
            while not RELEASE.is_set():
                self.wfile.write(filler)
        elif path == "/declared-large":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(11 * 2**20))
            self.end_headers()
            self.wfile.write(b"<html><body>")
        elif path == "/silent":
            RELEASE.wait(30)  # never answers (within the test)
        elif path == "/drip":
            # An answer at once, then a byte a tenth of a second: each read is quick, the page never done.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(300):
                if RELEASE.is_set():
                    break
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self._send(404, "text/plain", b"no such page")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The address of the local server: http://127.0.0.1:PORT."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    server.daemon_threads = True
    server.block_on_close = False
    RELEASE.clear()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def _check_story_deck(deck: quizgen.Deck, path: str) -> None:
    [source] = deck.sources
    assert (source.path, source.title, source.published) == (path, TITLE, PUBLISHED)
    answers = {(f.kind, f.answer) for f in deck.facts}
    assert {("signatory", "Velmark"), ("signatory", "Ostrava"), ("date", "1 June 2025")} <= answers
    assert ("quote", "Anneke Dorval") in answers
    evidence = [e.text for f in deck.facts for e in f.evidence]
    # The story's sentences, its entities and quotation marks decoded and its markup gone.
    assert any("each country’s fishing fleet" in e for e in evidence)
    assert any("called the agreement a fair bargain" in e for e in evidence)
    for text in evidence + [f.answer for f in deck.facts] + [e.name for e in deck.entities]:
        assert "<" not in text and "&" not in text, text
        assert not any(word.lower() in text.lower() for word in FURNITURE), text


# -- a saved page ----------------------------------------------------------------------------------------


def test_a_saved_page_gives_a_titled_dated_deck_of_the_story_alone(tmp_path: Path):
    page = tmp_path / "kessel-bay.html"
    page.write_bytes(STORY)
    out = tmp_path / "deck.yaml"
    result = run_cli("extract", str(page), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # (nothing from trafilatura's loggers either)
    facts = len(quizgen.load_deck(out).facts)
    assert result.stdout.strip() == f"{out}: {facts} fact{'s' * (facts != 1)} from 1 article"
    _check_story_deck(quizgen.load_deck(out), "kessel-bay.html")
    # check rereads the page as extract read it: "country’s" is "country&rsquo;s" in the file itself.
    checked = run_cli("check", str(out))
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr


def test_a_folder_of_saved_pages_and_text_articles_reads_both(tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "kessel-bay.htm").write_bytes(STORY)
    (tmp_path / "pages" / "notes.txt").write_text(
        "Harbour notes\n\nThe joint harbour authority of Velmark and Ostrava met for the first time in Lisgard.\n",
        encoding="utf-8",
    )
    articles = read_articles([tmp_path / "pages"], relative_to=tmp_path)
    assert [(a.source.id, a.source.path) for a in articles] == [
        ("kessel-bay", "pages/kessel-bay.htm"),
        ("notes", "pages/notes.txt"),
    ]
    page = articles[0]
    assert page.source.title == TITLE and "Subscribe" not in page.text
    # The story's five paragraphs, each set off by a blank line, as a .txt article's are; the headline first.
    assert page.text.startswith(TITLE + "\n\nOn Thursday, Velmark and Ostrava signed")
    assert [page.text[s:e].split()[0] for s, e in page.paragraphs] == ["On", "The", "“This", "Ostrava’s", "The"]


def test_a_page_s_date_places_relative_dates_and_published_overrides_it(tmp_path: Path):
    """The trained model keeps few relative dates, so the rule extractors show what the date placed: the
    articles are the ones `extract` reads, the page's own date on them."""
    from quizgen.extract.nlp import load_pipeline
    from quizgen.extract.pipeline import extract_articles

    page = tmp_path / "kessel-bay.html"
    page.write_bytes(STORY)
    nlp = load_pipeline(None)
    for given, thursday in ((None, quizgen.DateValue(2025, 3, 13)), ("2025-04-05", quizgen.DateValue(2025, 4, 3))):
        articles = read_articles([page], published={"kessel-bay": given} if given else None)
        assert articles[0].source.published == (given or PUBLISHED)
        deck = extract_articles(articles, nlp, title="t", rules_only=True)
        dates = {f.relative: f.date for f in deck.facts if f.kind == "date"}
        assert dates["Thursday"] == thursday


def test_a_saved_page_without_a_story_is_one_error_line(tmp_path: Path):
    page = tmp_path / "sorry.html"
    page.write_bytes(NO_STORY)
    out = tmp_path / "deck.yaml"
    result = run_cli("extract", str(page), "-o", str(out))
    assert result.returncode == 2
    message = "no article text in the page (only headings, menus or page furniture)"
    assert result.stderr.splitlines() == [f"quizgen: error: {page}: {message}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sorry.html"]


# -- an address ------------------------------------------------------------------------------------------


def test_an_address_gives_a_titled_dated_deck_and_check_says_it_is_not_fetched(site: str, tmp_path: Path):
    url = f"{site}/news/kessel-bay.html"
    out = tmp_path / "deck.yaml"
    result = run_cli("extract", url, "-o", str(out), env=NO_PROXY)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    deck = quizgen.load_deck(out)
    _check_story_deck(deck, url)
    assert deck.sources[0].id == "kessel-bay"
    checked = run_cli("check", str(out), env=NO_PROXY)
    assert checked.returncode == 0
    assert checked.stderr.splitlines() == [
        f"quizgen: warning: {out}: evidence from web pages is not checked (check does not fetch them): 'kessel-bay'"
    ]


def test_a_redirected_address_is_followed_and_recorded_as_given(site: str, tmp_path: Path):
    articles = read_articles([f"{site}/moved", f"{site}/news/kessel-bay.html"])
    # Two pages, one id each: the second address does not take the first's.
    assert [(a.source.id, a.source.path, a.source.title) for a in articles] == [
        ("moved", f"{site}/moved", TITLE),
        ("kessel-bay", f"{site}/news/kessel-bay.html", TITLE),
    ]
    assert articles[0].text == articles[1].text


def test_a_page_is_read_in_the_charset_its_server_or_its_meta_tag_names(site: str, tmp_path: Path):
    saved = tmp_path / "saved.html"
    saved.write_bytes(STORY_CP1252.replace(b"<head>", b'<head>\n<meta charset="windows-1252">'))
    warnings: list[str] = []
    articles = read_articles([f"{site}/windows-1252", saved], warn=warnings.append)
    assert warnings == []  # named, so not guessed (a guess says so in a warning)
    for article in articles:
        assert "each country’s fishing fleet" in article.text
        assert "“This is a good day for the fishermen of both nations,” said Anneke Dorval" in article.text


def _refused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed on leaving: nothing listens there


def _bad_addresses(site: str) -> list[tuple[str, str]]:
    no_story = "no article text in the page (only headings, menus or page furniture)"
    return [
        (f"http://127.0.0.1:{_refused_port()}/news/story.html", "cannot fetch the page: connection refused"),
        (f"{site}/gone", "the server answered HTTP 404 (Not Found)"),
        (f"{site}/chart.png", "not an HTML page (the server sent image/png)"),
        (f"{site}/report.pdf", "not an HTML page (the server sent application/pdf)"),
        (f"{site}/endless", "larger than the 10 MiB a web page may have"),
        (f"{site}/declared-large", "11,534,336 bytes: larger than the 10 MiB a web page may have"),
        (f"{site}/silent", f"no complete answer within {TIMEOUT} seconds"),
        (f"{site}/drip", f"no complete answer within {TIMEOUT} seconds"),
        (f"{site}/no-story", no_story),
        ("ftp://127.0.0.1/story.html", "not an http:// or https:// address (only web pages are fetched)"),
        ("http://[::1/story.html", "not a web address: invalid IPv6 URL"),
        ("http://127.0.0.1/kessel bay.html", "not a web address: it holds a space"),
        ("http://127.0.0.1:99999/", "not a web address: port out of range 0-65535"),
    ]


@pytest.mark.parametrize("n", range(13))
def test_a_bad_address_is_one_error_line_exit_2_and_writes_nothing(site: str, tmp_path: Path, n: int):
    url, message = _bad_addresses(site)[n]
    out = tmp_path / "deck.yaml"
    result = run_cli("extract", url, "-o", str(out), "--timeout", TIMEOUT, env=NO_PROXY)
    assert result.returncode == 2, (url, result.stderr)
    assert result.stderr.splitlines() == [f"quizgen: error: {url}: {message}"]
    assert list(tmp_path.iterdir()) == []  # no deck, no temporary file


def test_a_bad_page_among_good_articles_writes_nothing(site: str, tmp_path: Path):
    shutil.copy(PAGES / "kessel-bay.html", tmp_path / "kessel-bay.html")
    out = tmp_path / "deck.yaml"
    out.write_text("an older deck\n", encoding="utf-8")
    result = run_cli("extract", str(tmp_path / "kessel-bay.html"), f"{site}/gone", "-o", str(out), env=NO_PROXY)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"quizgen: error: {site}/gone: the server answered HTTP 404 (Not Found)"]
    assert out.read_text(encoding="utf-8") == "an older deck\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml", "kessel-bay.html"]


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf"])
def test_timeout_must_be_a_positive_number(tmp_path: Path, value: str):
    result = run_cli("extract", "http://127.0.0.1:9/x", "-o", str(tmp_path / "d.yaml"), "--timeout", value)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("quizgen: error: --timeout: must be a number of seconds more than 0")
