"""OpenAPI Overlay 1.0: fixes a user keeps beside a spec, applied after bundling.

Each action's ``target`` is an RFC 9535 JSONPath evaluated on the document as the
previous actions left it. ``update`` deep-merges an object into each selected object
(nested objects merge, everything else — arrays included — is replaced) or appends
to a selected array; ``remove: true`` deletes each selected node. A target that
selects nothing is a warning, since it usually means the spec changed under the fix.
The input document is never modified: containers on the way to a change are copied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath

from generator.errors import ClientgenError, Diagnostic
from generator.spec.pointers import Origin, child, join
from generator.spec.source import SourceDocument, read_document

Key = str | int


@dataclass(frozen=True)
class OverlayResult:
    document: dict[str, Any]
    warnings: tuple[Diagnostic, ...]
    origins: dict[str, Origin]  # changed pointer → pointer in the overlay file
    source: SourceDocument


def read_overlay(path: Path) -> SourceDocument:
    """Parse and shape-check an overlay file; errors are located in it."""
    source = read_document(path)
    data = source.data
    if not isinstance(data, dict) or "overlay" not in data:
        raise ClientgenError("not an Overlay document: no 'overlay' version field", source.locate(""))
    if not str(data["overlay"]).startswith("1."):
        raise ClientgenError(f"unsupported Overlay version {data['overlay']!r}", source.locate("/overlay"))
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        raise ClientgenError("'actions' must be a non-empty list", source.locate("/actions"))
    for index, action in enumerate(actions):
        pointer = f"/actions/{index}"
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise ClientgenError("each action needs a 'target' JSONPath string", source.locate(pointer))
        if "update" not in action and action.get("remove") is not True:
            raise ClientgenError("action has neither 'update' nor 'remove: true'", source.locate(pointer))
        if "remove" in action and not isinstance(action["remove"], bool):
            raise ClientgenError("'remove' must be true or false", source.locate(f"{pointer}/remove"))
        try:
            jsonpath.compile(action["target"])
        except jsonpath.JSONPathError as exc:
            raise ClientgenError(f"bad JSONPath target: {exc}", source.locate(f"{pointer}/target")) from None
    return source


def apply_overlay(document: dict[str, Any], overlay: SourceDocument) -> OverlayResult:
    """Apply every action in order; pure with respect to ``document``."""
    editor = _Editor(document)
    warnings: list[Diagnostic] = []
    origins: dict[str, Origin] = {}
    for index, action in enumerate(overlay.data["actions"]):
        pointer = f"/actions/{index}"
        try:
            nodes = jsonpath.find(action["target"], editor.root)
        except jsonpath.JSONPathError as exc:
            raise ClientgenError(f"JSONPath target failed: {exc}", overlay.locate(f"{pointer}/target")) from None
        locations = [tuple(node.location) for node in nodes]
        if not locations:
            warnings.append(Diagnostic(overlay.locate(f"{pointer}/target"), "overlay target matches nothing", "overlay"))
            continue
        if action.get("remove") is True:
            for location in sorted(locations, key=_sort_key, reverse=True):
                if location:
                    editor.remove(location)
            continue
        for location in locations:
            note = editor.update(location, action["update"])
            if note:
                warnings.append(Diagnostic(overlay.locate(f"{pointer}/update"), note, "overlay"))
            else:
                _record(origins, location, action["update"], f"{pointer}/update")
    return OverlayResult(editor.root, tuple(warnings), origins, overlay)


def _sort_key(location: tuple[Key, ...]) -> tuple[tuple[int, Any], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, str(part)) for part in location)


def _record(origins: dict[str, Origin], location: Iterable[Key], update: Any, pointer: str) -> None:
    base = join(location)
    if isinstance(update, dict):
        for key in update:
            origins[child(base, key)] = Origin("", child(pointer, key))
    else:
        origins[base] = Origin("", pointer)


def deep_merge(target: Any, update: Any) -> Any:
    """``update`` merged into ``target`` as new containers: objects recurse, rest replaces."""
    if not (isinstance(target, dict) and isinstance(update, dict)):
        return update
    merged = dict(target)
    for key, value in update.items():
        merged[key] = deep_merge(merged[key], value) if key in merged else value
    return merged


class _Editor:
    """Copy-on-write edits by location; containers it copied are its own to mutate."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.root: Any = dict(document)
        self.owned = {id(self.root)}

    def _container(self, location: tuple[Key, ...]) -> Any:
        current = self.root
        for part in location:
            value = current[part]
            if isinstance(value, (dict, list)) and id(value) not in self.owned:
                value = dict(value) if isinstance(value, dict) else list(value)
                current[part] = value
                self.owned.add(id(value))
            current = value
        return current

    def update(self, location: tuple[Key, ...], update: Any) -> str | None:
        if not location:
            if not isinstance(update, dict):
                return "update of the document root must be an object"
            self.root = deep_merge(self.root, update)
            self.owned.add(id(self.root))
            return None
        parent = self._container(location[:-1])
        current = parent[location[-1]]
        if isinstance(current, list):
            parent[location[-1]] = [*current, update]
        elif isinstance(current, dict) and isinstance(update, dict):
            parent[location[-1]] = deep_merge(current, update)
        else:
            return "target selects a scalar or the update is not an object; skipped"
        return None

    def remove(self, location: tuple[Key, ...]) -> None:
        parent = self._container(location[:-1])
        del parent[location[-1]]
