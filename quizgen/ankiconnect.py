"""A client of AnkiConnect, the Anki add-on that lets other programs use a running Anki over HTTP.

Protocol version 6 (the add-on's README): a POST of `{"action", "version": 6, "params", "key"}` is answered
with `{"result", "error"}`; `error` is null on success. `requestPermission` is the one action that needs no
API key, so it comes first: it says whether a key is wanted. Every failure here is a QuizgenError naming the
URL and saying what to do, since the usual causes (Anki closed, add-on missing, wrong key) are the user's to
fix.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from dataclasses import dataclass
from typing import Any

from .errors import QuizgenError

DEFAULT_URL = "http://127.0.0.1:8765"
URL_ENV = "QUIZGEN_ANKICONNECT_URL"
KEY_ENV = "QUIZGEN_ANKICONNECT_KEY"
API_VERSION = 6
ADDON_CODE = "2055492159"  # what Anki's Tools > Add-ons > Get Add-ons asks for
START_ANKI = f"start Anki with the AnkiConnect add-on (code {ADDON_CODE}) installed"
# The add-on's reply to a request whose key is not its configured one.
BAD_KEY = "valid api key must be provided"
# Queries answer at once; an import of a large deck takes a while. Anki answers on its main thread, so a
# request waits while a dialog is open there.
QUERY_TIMEOUT = 60.0
IMPORT_TIMEOUT = 600.0


@dataclass
class AnkiConnect:
    url: str = DEFAULT_URL
    key: str | None = None  # sent only when the add-on asks for one (it refuses a key it did not ask for)
    send_key: bool = False

    def call(self, action: str, timeout: float = QUERY_TIMEOUT, **params: Any) -> Any:
        """The result of one action, or a QuizgenError saying what went wrong and what to do."""
        request: dict[str, Any] = {"action": action, "version": API_VERSION, "params": params}
        if self.send_key and self.key is not None:
            request["key"] = self.key
        body = self._post(json.dumps(request).encode(), timeout)
        try:
            reply = json.loads(body)
        except (UnicodeDecodeError, ValueError):
            reply = None
        if not isinstance(reply, dict) or set(reply) != {"result", "error"}:
            raise QuizgenError(
                f"the reply is not AnkiConnect's: is another program using this address? {START_ANKI}", where=self.url
            )
        error = reply["error"]
        if error is not None:
            if str(error) == BAD_KEY:
                raise QuizgenError(
                    f"AnkiConnect refused the API key: give the key set in AnkiConnect's configuration "
                    f"(apiKey) with --api-key or {KEY_ENV}",
                    where=self.url,
                )
            raise QuizgenError(f"AnkiConnect: {action} failed: {error}", where=self.url)
        return reply["result"]

    def _post(self, data: bytes, timeout: float) -> bytes:
        # Imported here: `push --help` and the other commands' start-up need none of the HTTP client.
        import http.client
        import urllib.error
        import urllib.request

        request = urllib.request.Request(self.url, data=data, headers={"Content-Type": "application/json"})
        # No proxy from http_proxy and the like: AnkiConnect is reached directly, and its key goes nowhere else.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise QuizgenError(f"not AnkiConnect (HTTP status {exc.code}): {START_ANKI}", where=self.url) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, ConnectionRefusedError):
                raise QuizgenError(f"nothing is listening: {START_ANKI}", where=self.url) from None
            if isinstance(reason, TimeoutError):
                raise _timed_out(self.url, timeout) from None
            text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
            raise QuizgenError(f"cannot reach AnkiConnect ({text}): {START_ANKI}", where=self.url) from None
        except TimeoutError:
            raise _timed_out(self.url, timeout) from None
        except http.client.HTTPException:  # something that does not speak HTTP, or stopped halfway
            raise QuizgenError(f"not AnkiConnect (no HTTP reply): {START_ANKI}", where=self.url) from None
        except ValueError as exc:  # a malformed URL: urllib says "unknown url type" and the like
            raise QuizgenError(f"not an AnkiConnect URL ({exc})", where="--url") from None
        except OSError as exc:  # the connection dropped mid-reply, and the like
            raise QuizgenError(
                f"AnkiConnect did not answer ({exc.strerror or exc}): {START_ANKI}", where=self.url
            ) from None

    def connect(self) -> None:
        """Ask for access and check the key and the version, before anything is changed."""
        answer = self.call("requestPermission")
        if not isinstance(answer, dict) or answer.get("permission") not in ("granted", "denied"):
            raise QuizgenError(f"the reply is not AnkiConnect's: {START_ANKI}", where=self.url)
        if answer["permission"] != "granted":
            raise QuizgenError(
                "AnkiConnect denied access: allow it when Anki asks (the add-on's webCorsOriginList and "
                "ignoreOriginList say who may ask)",
                where=self.url,
            )
        self.send_key = bool(answer.get("requireApikey"))
        if self.send_key and not self.key:
            raise QuizgenError(
                f"AnkiConnect wants an API key: give the one set in its configuration (apiKey) with --api-key "
                f"or {KEY_ENV}",
                where=self.url,
            )
        version = self.call("version")
        if not isinstance(version, int) or version < API_VERSION:
            raise QuizgenError(
                f"AnkiConnect is too old (API version {version}; quizgen needs {API_VERSION}): update the add-on",
                where=self.url,
            )


def _timed_out(url: str, timeout: float) -> QuizgenError:
    return QuizgenError(f"no answer in {timeout:g} seconds: is a dialog open in Anki?", where=url)


def from_options(url: str | None, key: str | None) -> AnkiConnect:
    """The client for the command's options, falling back to the environment, then to the default."""
    where = "--url" if url else URL_ENV
    url = url or os.environ.get(URL_ENV, "").strip() or DEFAULT_URL
    if urllib.parse.urlsplit(url).scheme not in ("http", "https") or not urllib.parse.urlsplit(url).hostname:
        raise QuizgenError(f"not an AnkiConnect URL {url!r} (expected one like {DEFAULT_URL})", where=where)
    if key is None:
        key = os.environ.get(KEY_ENV) or None
    return AnkiConnect(url=url, key=key)
