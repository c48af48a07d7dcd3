"""A deck file's YAML as plain data, built straight from libyaml's event stream.

PyYAML's loader first builds a tree of nodes, then objects from the nodes: on a deck of 50,000 facts
(32 MB) that took 18 s, where the event stream alone takes under 3 s. Here mappings, lists and scalars are
built from the events as they come, each mapping keeping its line and the line of each key for `file:line`
errors. What comes out is what the safe loader gave: the same scalars resolved the same way (text, numbers,
booleans, nothing; dates stay text), anchors and aliases as before, and the same errors: a tag the deck
refuses (timestamp, binary, set, omap, pairs) or cannot build is one error with its line.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

# libyaml's C parser when PyYAML has it (the pure-Python one gives the same events, slower).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
REFUSED_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("timestamp", "binary", "set", "omap", "pairs"))


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, used here for its parser (events), its resolver (what a plain scalar is) and its
    constructors of scalars (`!!int 3`). Dates stay text: the deck reader checks them as calendar dates, where
    YAML's own conversion turned "2021-02-30" into a crash. A value YAML cannot build (`!!int nope`) is one
    error with its line, not a traceback."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node.tag in REFUSED_TAGS:
            raise yaml.constructor.ConstructorError(None, None, _refused(node.tag), node.start_mark)
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError, AttributeError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({exc})", node.start_mark
            ) from None


# (The resolvers are per class: a copy, without the timestamp one.)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def _refused(tag: str) -> str:
    return f"a deck holds no {tag.rsplit(':', 1)[-1]} values"


def load(text: str) -> Any:
    """The single document in `text` as plain data (None for an empty one). Raises yaml.YAMLError, marked
    with the line where it can be."""
    loader = _Loader(text)
    try:
        return _Builder(loader).document()
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.anchors: dict[str, Any] = {}
        self.open: set[str] = set()  # anchors of collections not yet finished: an alias to one is a cycle
        self.plain: dict[str, Any] = {}  # an untagged plain scalar's text -> its value: most values repeat
        # The first value that cannot be built. PyYAML builds values only once the whole document has parsed,
        # so a syntax error anywhere is reported before it: here too, it is raised at the document's end.
        self.failed: yaml.YAMLError | None = None

    def document(self) -> Any:
        get = self.loader.get_event
        get()  # stream start
        start = get()
        if type(start) is StreamEndEvent:
            return None
        root = self._node()
        get()  # document end
        event = get()
        if type(event) is not StreamEndEvent:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", start.start_mark, "but found another document",
                event.start_mark,
            )  # fmt: skip
        if self.failed is not None:
            raise self.failed
        return root

    def _defer(self, error: yaml.YAMLError) -> None:
        if self.failed is None:
            self.failed = error

    def _node(self) -> Any:
        """The next node, built without recursion (libyaml limits nesting, but a deep list must not reach
        Python's recursion limit): frames are [container, key or _NO_KEY, key line, start mark, anchor]."""
        get = self.loader.get_event
        plain = self.plain
        stack: list[list[Any]] = []
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                # (inlined: a deck is mostly untagged text, a million scalars in a large one)
                if event.tag is not None or event.anchor is not None:
                    value = self._scalar(event)
                elif not event.implicit[0]:
                    value = event.value  # quoted or a block: text
                else:
                    value = plain.get(event.value, _NO_KEY)
                    if value is _NO_KEY:
                        value = self._scalar(event)
                mark = event.start_mark
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                stack.append([self._collection(event), _NO_KEY, 0, event.start_mark, event.anchor])
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value, _, _, mark, anchor = stack.pop()
                if anchor is not None:
                    self.open.discard(anchor)
            elif kind is AliasEvent:
                value, mark = self._alias(event), event.start_mark
            else:  # (a parser gives nothing else inside a document)
                raise yaml.composer.ComposerError(None, None, f"unexpected {kind.__name__}", event.start_mark)
            if not stack:
                return value
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                container.append(value)
            elif frame[1] is _NO_KEY:
                if type(value) is not str or value in container:
                    self._defer(_bad_key(value, mark))
                    value = object()  # (a key of its own: the document is read on, to its end)
                frame[1] = value
                frame[2] = mark.line + 1
            else:
                container[frame[1]] = value
                container.key_lines[frame[1]] = frame[2]
                frame[1] = _NO_KEY

    def _scalar(self, event: ScalarEvent) -> Any:
        tag, text = event.tag, event.value
        if tag is None and not event.implicit[0]:
            value: Any = text  # quoted or a block: text
        elif tag is None or tag == "!":
            value = self._resolved(event, self.loader.resolve(yaml.ScalarNode, text, event.implicit))
            if tag is None:
                self.plain[text] = value  # (a plain scalar's value depends on its text alone)
        else:
            value = self._resolved(event, tag)
        if event.anchor is not None:
            self._anchor(event, value)
        return value

    def _resolved(self, event: ScalarEvent, tag: str) -> Any:
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            self._defer(exc)
            value = None
        self.loader.constructed_objects.clear()
        return value

    def _collection(self, event: MappingStartEvent | SequenceStartEvent) -> Any:
        is_map = type(event) is MappingStartEvent
        tag = event.tag
        if tag is not None and tag != "!" and tag != (_MAP if is_map else _SEQ):
            undefined = f"could not determine a constructor for the tag {tag!r}"
            problem = _refused(tag) if tag in REFUSED_TAGS else undefined
            self._defer(yaml.constructor.ConstructorError(None, None, problem, event.start_mark))
        value: Any
        if is_map:
            value = LineDict()
            value.line = event.start_mark.line + 1
            value.key_lines = {}
        else:
            value = []
        if event.anchor is not None:
            self._anchor(event, value)
            self.open.add(event.anchor)
        return value

    def _anchor(self, event: Any, value: Any) -> None:
        if event.anchor in self.anchors:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {event.anchor!r}; first occurrence", None, "second occurrence",
                event.start_mark,
            )  # fmt: skip
        self.anchors[event.anchor] = value

    def _alias(self, event: AliasEvent) -> Any:
        if event.anchor not in self.anchors:
            raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        if event.anchor in self.open:
            self._defer(
                yaml.constructor.ConstructorError(None, None, "found unconstructable recursive node", event.start_mark)
            )
            return None
        return self.anchors[event.anchor]


_NO_KEY = object()


def _bad_key(key: Any, mark: Any) -> yaml.YAMLError:
    if not isinstance(key, str):
        return yaml.MarkedYAMLError(problem=f"a key must be a name, found {kind_of(key)}", problem_mark=mark)
    return yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=mark)


def kind_of(value: Any) -> str:
    """What a value is, for a message: "a mapping", "int 3", never a whole long text."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    # Never the whole value: a long string here is a file's text (an article), not a typo to show.
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:37] + '…'}"
