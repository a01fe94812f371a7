"""Bundle a spec split over files into one document whose every ``$ref`` is local.

The IR stage follows only ``#/…`` refs, so every ref into another file is replaced:
objects that have a components section (schemas, parameters, responses, request
bodies, headers, examples, links, callbacks) are hoisted there under a name taken
from the target (its last pointer token, else the file's stem; ``_2``, ``_3``… on a
collision) — one component per target however often it is referenced, which also
makes cycles across files terminate. Everything else (path items, operations,
descriptions, vendor extensions) is copied in place; a loop through such copies is
an error. Nothing is dropped: a ref that cannot be resolved stops the load with the
referring file, line and pointer.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from generator.errors import ClientgenError, Location
from generator.spec import contexts
from generator.spec.documents import DocumentStore, RefTarget
from generator.spec.locator import Locator
from generator.spec.pointers import Origin, OriginMap, child, join, resolve_pointer
from generator.spec.source import MAX_DEPTH

MAX_BUNDLED_VALUES = 1_000_000
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_FILE_REF = re.compile(r"\.(ya?ml|json)(#|$)", re.IGNORECASE)

Tokens = tuple[str, ...]


@dataclass(frozen=True)
class Bundle:
    """The bundled document and the way back to the files its parts came from."""

    document: dict[str, Any]
    locator: Locator


def bundle(store: DocumentStore, version: str, *, max_values: int = MAX_BUNDLED_VALUES) -> Bundle:
    """Bundle the store's root document (``version`` picks the components layout)."""
    root = store.documents[store.root_key]
    bundler = _Bundler(store, version, max_values)
    document = bundler.run(root.data)
    names = {key: store.display(key) for key in store.documents}
    locator = Locator(OriginMap(dict(bundler.origins)), dict(store.documents), names)
    return Bundle(document, locator)


def _name_base(target: RefTarget) -> str:
    if target.pointer:
        base = target.pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
    else:
        base = PurePosixPath(target.document.split("?", 1)[0]).stem
    return _UNSAFE_NAME.sub("_", base).strip("_") or "Component"


class _Bundler:
    """One bundling run; its tables live only as long as the run."""

    def __init__(self, store: DocumentStore, version: str, max_values: int) -> None:
        self.store = store
        self.max_values = max_values
        self.version = version
        self.root = store.root_key
        self.memo: dict[tuple[str, str, str], str] = {}
        self.taken: dict[str, set[str]] = {}
        self.hoisted: dict[str, dict[str, Any]] = {}
        self.queue: deque[tuple[str, str, str, str]] = deque()
        self.origins: dict[str, Origin] = {"": Origin(self.root, "")}
        self.inlining: list[tuple[str, str]] = []
        self.count = 0

    # -- driver -----------------------------------------------------------------
    def run(self, data: dict[str, Any]) -> dict[str, Any]:
        self._reserve_root_components(data)
        document = self._walk(data, self.root, "", (), False, 0)
        while self.queue:
            doc, pointer, section, name = self.queue.popleft()
            content = resolve_pointer(self.store.documents[doc].data, pointer)
            tokens = (*contexts.section_path(section, self.version), name)
            self.hoisted.setdefault(section, {})[name] = self._walk(
                content, doc, pointer, tokens, False, len(tokens)
            )
            self.origins[join(tokens)] = Origin(doc, pointer)
        self._attach(document)
        return dict(document)

    def _sections(self, data: Mapping[str, Any]) -> dict[str, Any]:
        if self.version == "2.0":
            return {name: data.get(name) for name in ("definitions", "parameters", "responses")}
        components = data.get("components")
        return dict(components) if isinstance(components, dict) else {}

    def _reserve_root_components(self, data: Mapping[str, Any]) -> None:
        """Root components that are bare refs to other files keep their own name."""
        for section, entries in self._sections(data).items():
            if not isinstance(entries, dict):
                continue
            self.taken[section] = set(entries)
            for name, entry in entries.items():
                if not (isinstance(entry, dict) and len(entry) == 1 and isinstance(entry.get("$ref"), str)):
                    continue
                try:
                    target = self.store.resolve(entry["$ref"], self.root, Location())
                except ClientgenError:
                    continue  # reported with its location when the walk reaches it
                if target.document != self.root:
                    self.memo.setdefault((target.document, target.pointer, section), name)

    def _attach(self, document: dict[str, Any]) -> None:
        for section, entries in self.hoisted.items():
            container: Any = document
            for token in contexts.section_path(section, self.version):
                if container.get(token) is None:
                    container[token] = {}
                container = container[token]
                if not isinstance(container, dict):
                    raise ClientgenError(
                        f"'{token}' must be a mapping to hold bundled components",
                        self.store.locate(self.root, "/" + token),
                    )
            container.update(entries)

    # -- walking ----------------------------------------------------------------
    def _walk(self, value: Any, doc: str, src: str, tokens: Tokens, name_map: bool, depth: int) -> Any:
        self.count += 1
        if self.count > self.max_values:
            raise ClientgenError(
                f"bundled document exceeds {self.max_values} values ($ref expansion bomb?)",
                self.store.locate(doc, src),
            )
        if depth > MAX_DEPTH:
            raise ClientgenError(f"bundled document nests deeper than {MAX_DEPTH} levels", self.store.locate(doc, src))
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str) and (not name_map or len(value) == 1):
                return self._reference(value, ref, doc, src, tokens, name_map, depth)
            out: dict[str, Any] = {}
            for key, item in value.items():
                if not name_map and (key in contexts.LITERAL_KEYS or (key == "examples" and isinstance(item, list))):
                    # data, not structure: shared and never rewritten, unless the whole
                    # value is a ref to another file (DigitalOcean keeps examples apart)
                    if not _is_file_ref(item):
                        out[key] = item
                        continue
                child_map = not name_map and key in contexts.NAME_MAP_KEYS and isinstance(item, dict)
                out[key] = self._walk(item, doc, child(src, key), (*tokens, key), child_map, depth + 1)
                if key == "discriminator" and not name_map and isinstance(item, dict):
                    out[key] = self._discriminator(out[key], doc, child(src, key))
            return out
        if isinstance(value, list):
            return [
                self._walk(item, doc, f"{src}/{index}", (*tokens, str(index)), False, depth + 1)
                for index, item in enumerate(value)
            ]
        return value

    def _reference(
        self, value: dict[str, Any], ref: str, doc: str, src: str, tokens: Tokens, name_map: bool, depth: int
    ) -> Any:
        where = self.store.locate(doc, child(src, "$ref"))
        target = self.store.resolve(ref, doc, where)
        siblings = {key: item for key, item in value.items() if key != "$ref"}
        walked = self._walk(siblings, doc, src, tokens, False, depth) if siblings else {}
        if doc == self.root and target.document == self.root:
            return {"$ref": ref, **walked}  # already local; checked after bundling
        source = self.store.get(target.document, where)
        try:
            content = resolve_pointer(source.data, target.pointer)
        except KeyError as exc:
            raise ClientgenError(
                f"$ref {ref!r}: {self.store.display(target.document)} has no {exc.args[0]!r} "
                f"on the way to #{target.pointer}",
                where,
            ) from None
        if target.document == self.root:
            return {"$ref": _fragment(target.pointer), **walked}
        kind = contexts.kind_at(tokens, self.version)
        section = contexts.section_for(kind, self.version)
        owned = (
            section is not None
            and not siblings
            and tokens == (*contexts.section_path(section, self.version), tokens[-1])
            and self.memo.get((target.document, target.pointer, section)) == tokens[-1]
        )
        if section is None or owned:
            return self._inline(content, target, tokens, name_map, depth, walked, where)
        name = self._component(target, section)
        pointer = join((*contexts.section_path(section, self.version), name))
        return {"$ref": "#" + pointer, **walked}

    def _inline(
        self,
        content: Any,
        target: RefTarget,
        tokens: Tokens,
        name_map: bool,
        depth: int,
        walked: dict[str, Any],
        where: Location,
    ) -> Any:
        key = (target.document, target.pointer)
        if key in self.inlining:
            raise ClientgenError(
                f"circular $ref: {self.store.display(target.document)}#{target.pointer} "
                "includes itself where a copy (not a named component) is needed",
                where,
            )
        self.inlining.append(key)
        body = self._walk(content, target.document, target.pointer, tokens, name_map, depth)
        self.inlining.pop()
        self.origins[join(tokens)] = Origin(target.document, target.pointer)
        if walked and isinstance(body, dict):
            body.update(walked)
        return body

    def _component(self, target: RefTarget, section: str) -> str:
        key = (target.document, target.pointer, section)
        if key in self.memo:
            return self.memo[key]
        taken = self.taken.setdefault(section, set())
        base = _name_base(target)
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name)
        self.memo[key] = name
        self.queue.append((target.document, target.pointer, section, name))
        return name

    def _discriminator(self, value: Any, doc: str, src: str) -> Any:
        """External discriminator mappings (``other.yaml#/X``) become local refs too."""
        mapping = value.get("mapping") if isinstance(value, dict) else None
        if not isinstance(mapping, dict):
            return value
        rewritten: dict[str, Any] = {}
        for label, ref in mapping.items():
            external = isinstance(ref, str) and (_FILE_REF.search(ref) or (doc != self.root and ref.startswith("#")))
            if not external:
                rewritten[label] = ref
                continue
            entry_src = f"{src}/mapping/{child('', label)[1:]}"
            local = self._reference({"$ref": ref}, ref, doc, entry_src, ("x", "schema"), False, 0)
            rewritten[label] = local["$ref"]
        return {**value, "mapping": rewritten}


def _is_file_ref(value: Any) -> bool:
    if not (isinstance(value, dict) and len(value) == 1):
        return False
    ref = value.get("$ref")
    return isinstance(ref, str) and not ref.startswith("#")


def _fragment(pointer: str) -> str:
    return "#" + quote(pointer, safe="/~!$&'()*+,;=:@-._")
