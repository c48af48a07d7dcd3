"""A stand-in for Anki with the AnkiConnect add-on, for the tests of `quizgen push`.

An HTTP server on 127.0.0.1 (a free port) over a real collection opened with the official `anki` package. It
answers the protocol-6 requests `push` makes (`version`, `requestPermission`, `importPackage`, `findNotes`,
`notesInfo`, `modelTemplates`, `modelStyling`) as the add-on documents and implements them: a reply
`{"result", "error"}`, an error reply for a wrong key ("valid api key must be provided") or an unknown
action, `null` for a body that is not JSON. `importPackage` imports through the importer the add-on calls,
`anki.importing.AnkiPackageImporter(col, path).run()`: in current Anki, the package importer with the
add-on's options (merge note types, with scheduling), which updates a note only when the package's copy is
newer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from anki.collection import Collection
from anki.errors import NotFoundError


class AnkiConnectServer:
    """`with AnkiConnectServer(col) as server:` serves at `server.url` until the block ends.

    `api_key`: the key the add-on's configuration sets (None: none). `permission`: what `requestPermission`
    answers. `fail`: action → the error message that action replies with instead of running."""

    def __init__(
        self,
        col: Collection,
        api_key: str | None = None,
        permission: str = "granted",
        fail: dict[str, str] | None = None,
    ) -> None:
        self.col = col
        self.api_key = api_key
        self.permission = permission
        self.fail = fail or {}
        self.requests: list[dict[str, Any]] = []
        self.imported: list[str] = []  # the paths importPackage was given
        self.lock = threading.Lock()  # one request at a time, as the add-on runs them on Anki's main thread
        self._httpd = HTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> AnkiConnectServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    # ---- the protocol -----------------------------------------------------------------------------------

    def handle(self, request: Any) -> Any:
        if not isinstance(request, dict):
            return None
        self.requests.append(request)
        action = request.get("action", "")
        params = request.get("params", {})
        try:
            if request.get("key") != self.api_key and action != "requestPermission":
                raise Exception("valid api key must be provided")
            if action in self.fail:
                raise Exception(self.fail[action])
            method: Callable[..., Any] | None = getattr(self, f"action_{action}", None)
            if method is None:
                raise Exception("unsupported action")
            return {"result": method(**params), "error": None}
        except Exception as exc:  # the add-on replies with the message of whatever was raised
            return {"result": None, "error": str(exc)}

    def action_version(self) -> int:
        return 6

    def action_requestPermission(self) -> dict[str, Any]:
        if self.permission != "granted":
            return {"permission": "denied"}
        return {"permission": "granted", "requireApikey": bool(self.api_key), "version": 6}

    def action_importPackage(self, path: str) -> bool:
        self.imported.append(path)
        from anki.importing import AnkiPackageImporter  # the add-on's name for it (Anki prints that it is old)

        AnkiPackageImporter(self.col, path).run()
        return True

    def action_findNotes(self, query: str) -> list[int]:
        return list(self.col.find_notes(query))

    def action_notesInfo(self, notes: list[int]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for nid in notes:
            try:
                note = self.col.get_note(nid)
            except NotFoundError:
                out.append({})  # the add-on's answer for a note that does not exist
                continue
            model = note.note_type()
            fields = {f["name"]: {"value": note.fields[f["ord"]], "order": f["ord"]} for f in model["flds"]}
            cards = [card.id for card in sorted(note.cards(), key=lambda c: c.ord)]
            out.append(
                {
                    "noteId": note.id,
                    "profile": "User 1",
                    "tags": note.tags,
                    "fields": fields,
                    "modelName": model["name"],
                    "mod": note.mod,
                    "cards": cards,
                }
            )
        return out

    def action_modelTemplates(self, modelName: str) -> dict[str, dict[str, str]]:
        model = self._model(modelName)
        return {t["name"]: {"Front": t["qfmt"], "Back": t["afmt"]} for t in model["tmpls"]}

    def action_modelStyling(self, modelName: str) -> dict[str, str]:
        return {"css": self._model(modelName)["css"]}

    def _model(self, name: str) -> dict[str, Any]:
        model = self.col.models.by_name(name)
        if model is None:
            raise Exception(f"model was not found: {name}")
        return model

    # ---- HTTP -------------------------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # what a browser sees at the address
                self._send(b"AnkiConnect v.6")

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    request = json.loads(body)
                except ValueError:
                    request = None
                with server.lock:
                    reply = server.handle(request)
                self._send(json.dumps(reply).encode())

            def _send(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler
