"""Read a YAML or JSON file as plain data, remembering the line of every value.

PyYAML's composer (the C one when present) builds the node tree; we construct the
values ourselves so that (a) scalars keep the text the author wrote unless it is a
plain JSON-compatible int/float/bool/null (no YAML 1.1 dates, sexagesimals or
``yes``/``no`` surprises), (b) every JSON pointer maps to a line for error messages,
and (c) alias expansion and nesting depth are bounded, so a YAML bomb or a
pathologically deep document fails with a located error instead of exhausting memory.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ClientgenError, Location

try:  # the C composer is several times faster on large specs
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_VALUES = 2_000_000
MAX_DEPTH = 400
MAX_BYTES = 64 * 1024 * 1024

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)\Z")
_HEX_OR_OCT = re.compile(r"[-+]?0(x[0-9a-fA-F_]+|o?[0-7_]+)\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf")}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass(frozen=True)
class SourceDocument:
    """A parsed file: its data and where each JSON pointer starts."""

    path: Path
    data: Any
    lines: Mapping[str, int] = field(default_factory=dict, repr=False)

    def line_of(self, pointer: str) -> int | None:
        """The line of ``pointer``, or of its nearest ancestor that has one."""
        current = pointer
        while True:
            if current in self.lines:
                return self.lines[current]
            if not current:
                return None
            current = current.rsplit("/", 1)[0]

    def locate(self, pointer: str) -> Location:
        return Location(file=str(self.path), line=self.line_of(pointer), pointer=pointer or "/")


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _scalar(node: yaml.ScalarNode) -> Any:
    """Plain scalars become JSON types; everything else stays the author's text."""
    text = node.value
    if node.style not in (None, ""):
        return text  # quoted or block scalars are strings by definition
    tag = node.tag
    if tag == "tag:yaml.org,2002:str":
        # the resolver says str, but YAML 1.1 resolves some JSON values as str too
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _HEX_OR_OCT.match(text) and tag == "tag:yaml.org,2002:int":
        return text
    if text.lower() in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text.lower()]
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return float(text.replace("_", ""))
    return text


class _Builder:
    """Turns a node tree into data with an explicit stack (no recursion limit)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[str, int] = {}
        self.count = 0

    def _error(self, message: str, node: yaml.Node, pointer: str) -> ClientgenError:
        return ClientgenError(
            message, Location(str(self.path), node.start_mark.line + 1, pointer or "/")
        )

    def build(self, root: yaml.Node) -> Any:
        result: list[Any] = [None]
        # each frame: (node, pointer, depth, container, key-in-container)
        stack: list[tuple[yaml.Node, str, int, Any, Any]] = [(root, "", 0, result, 0)]
        while stack:
            node, pointer, depth, parent, slot = stack.pop()
            self.count += 1
            if self.count > MAX_VALUES:
                raise self._error(
                    f"document expands to more than {MAX_VALUES} values (YAML alias bomb?)",
                    node,
                    pointer,
                )
            if depth > MAX_DEPTH:
                raise self._error(f"nesting deeper than {MAX_DEPTH} levels", node, pointer)
            self.lines.setdefault(pointer, node.start_mark.line + 1)
            if isinstance(node, yaml.ScalarNode):
                parent[slot] = _scalar(node)
            elif isinstance(node, yaml.SequenceNode):
                items: list[Any] = [None] * len(node.value)
                parent[slot] = items
                for index in reversed(range(len(node.value))):
                    stack.append((node.value[index], f"{pointer}/{index}", depth + 1, items, index))
            elif isinstance(node, yaml.MappingNode):
                mapping: dict[str, Any] = {}
                parent[slot] = mapping
                pending = []
                for key_node, value_node in node.value:
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        raise self._error("YAML merge keys (<<) are not supported", key_node, pointer)
                    if not isinstance(key_node, yaml.ScalarNode):
                        raise self._error("mapping keys must be plain scalars", key_node, pointer)
                    key = key_node.value
                    if key in mapping:
                        raise self._error(f"duplicate key {key!r}", key_node, pointer)
                    mapping[key] = None
                    pending.append((value_node, key))
                for value_node, key in reversed(pending):
                    child = f"{pointer}/{escape_pointer_token(key)}"
                    stack.append((value_node, child, depth + 1, mapping, key))
            else:  # pragma: no cover - PyYAML has no other node kinds
                raise self._error("unsupported YAML node", node, pointer)
        return result[0]


_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")


def _join_surrogate_escapes(text: str) -> str:
    """JSON writes astral characters as ``\\ud83d\\ude00``; YAML's escapes cannot, so join them."""

    def join(match: re.Match[str]) -> str:
        pair = (chr(int(match.group(2), 16)) + chr(int(match.group(3), 16))).encode("utf-16", "surrogatepass")
        return match.group(1) + pair.decode("utf-16")

    return _SURROGATE_PAIR.sub(join, text)


def parse_text(text: str, path: Path) -> SourceDocument:
    """Parse YAML/JSON text; raises ClientgenError with the file and line."""
    if "\\u" in text:
        text = _join_surrogate_escapes(text)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ClientgenError("NUL byte in document", Location(str(path), line))
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        error_line: int | None = mark.line + 1 if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise ClientgenError(f"not valid YAML/JSON: {problem}", Location(str(path), error_line)) from None
    except yaml.YAMLError as exc:
        raise ClientgenError(f"not valid YAML/JSON: {exc}", Location(str(path))) from None
    except RecursionError:
        raise ClientgenError(
            f"nesting deeper than {MAX_DEPTH} levels", Location(str(path))
        ) from None
    if root is None:
        raise ClientgenError("document is empty", Location(str(path), 1))
    builder = _Builder(path)
    data = builder.build(root)
    return SourceDocument(path=path, data=data, lines=builder.lines)


def read_document(path: Path) -> SourceDocument:
    """Read and parse one file, with a located error for every failure."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ClientgenError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB", Location(str(path)))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ClientgenError("file not found", Location(str(path))) from None
    except IsADirectoryError:
        raise ClientgenError("is a directory, expected a YAML or JSON file", Location(str(path))) from None
    except OSError as exc:
        raise ClientgenError(f"cannot read: {exc.strerror}", Location(str(path))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ClientgenError("not UTF-8 text", Location(str(path), line)) from None
    return parse_text(text, path)
