"""Check that every local ``$ref`` of the bundled document lands somewhere real.

The IR follows ``#/…`` refs blindly; a dangling one, or a ring of refs that never
reaches a value (``A → B → A``), must stop the load here with the referring location
rather than surface later as a KeyError or an endless loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from generator.errors import ClientgenError, Location
from generator.spec import contexts
from generator.spec.pointers import child, resolve_pointer


def _refs(document: Any) -> list[tuple[str, str]]:
    """(pointer of the ref object, ref) for every structural ``$ref``."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, str, bool]] = [(document, "", False)]
    while stack:
        value, pointer, name_map = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str) and not name_map:
                found.append((pointer, ref))
            for key, item in value.items():
                if not name_map and (key in contexts.LITERAL_KEYS or key == "examples" and isinstance(item, list)):
                    continue
                child_map = not name_map and key in contexts.NAME_MAP_KEYS and isinstance(item, dict)
                stack.append((item, child(pointer, key), child_map))
        elif isinstance(value, list):
            stack.extend((item, f"{pointer}/{index}", False) for index, item in enumerate(value))
    return found


def _target(document: Any, ref: str, where: Location) -> Any:
    if not ref.startswith("#"):
        raise ClientgenError(f"$ref {ref!r} is not local after bundling", where)
    pointer = unquote(ref[1:])
    try:
        return resolve_pointer(document, pointer)
    except KeyError as exc:
        raise ClientgenError(f"$ref {ref!r} points nowhere: no {exc.args[0]!r}", where) from None


def check_local_refs(document: Any, locate: Callable[[str], Location]) -> None:
    """Raise a located ClientgenError for a dangling ref or a ring of bare refs."""
    for pointer, ref in sorted(_refs(document)):
        where = locate(child(pointer, "$ref"))
        seen = {ref}
        target = _target(document, ref, where)
        while isinstance(target, dict) and len(target) == 1 and isinstance(target.get("$ref"), str):
            next_ref = target["$ref"]
            if next_ref in seen:
                raise ClientgenError(f"$ref loop: {' → '.join(sorted(seen))} never reaches a value", where)
            seen.add(next_ref)
            target = _target(document, next_ref, where)
