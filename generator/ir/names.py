"""Python names for things named in a spec, decided once and validated.

Spec strings never reach generated code as names except through these functions:
``PythonIdentifier`` and ``ClassName`` values are guaranteed valid, non-keyword,
ASCII identifiers, so templates can print them without escaping.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable
from typing import NewType

PythonIdentifier = NewType("PythonIdentifier", str)
ClassName = NewType("ClassName", str)

_WORD_BOUNDARY = re.compile(r"[^0-9A-Za-z]+")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

BUILTIN_NAMES = frozenset(dir(builtins))
# names a generated method binds or calls in its body, so a parameter must not take them
RESERVED_PARAMETER_NAMES = frozenset(
    {
        "self", "cls", "timeout", "args", "body", "response", "page", "token", "warnings",
        "validate_arguments", "build_body", "parse_model", "parse_adapted", "to_wire", "expand_path",
        "annotations", "OperationHandle", "AsyncOperationHandle", "response_as", "metadata_as",
        "raw_response", "raw_metadata", "AnyMessage",
    }
)


def _ascii(text: str) -> str:
    """Transliterate what has an ASCII form (é → e) and drop the rest."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """Split any spelling (camelCase, kebab-case, dotted, spaced) into lowercase words."""
    result: list[str] = []
    for chunk in _WORD_BOUNDARY.split(_ascii(text)):
        if chunk:
            result.extend(part.lower() for part in _CAMEL_SPLIT.split(chunk) if part)
    return result


def _fix(name: str, fallback: str) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}" if not fallback[-1:].isdigit() else f"_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name = f"{name}_"
    assert _IDENTIFIER.match(name), name
    return name


def snake_case(text: str, *, fallback: str = "value") -> PythonIdentifier:
    """``imageId`` → ``image_id``; always a valid identifier, never a keyword."""
    return PythonIdentifier(_fix("_".join(words(text)), fallback))


def attribute_name(text: str, *, fallback: str = "value") -> PythonIdentifier:
    """A snake_case name that also does not shadow a builtin (``id`` stays: common and harmless as an attribute)."""
    name = snake_case(text, fallback=fallback)
    return name


def parameter_name(text: str, *, fallback: str = "value") -> PythonIdentifier:
    """A function parameter name: snake_case, not a builtin we would shadow in the body, not reserved."""
    name = snake_case(text, fallback=fallback)
    if name in RESERVED_PARAMETER_NAMES or (name in BUILTIN_NAMES and name not in {"id", "type", "format", "filter"}):
        name = PythonIdentifier(f"{name}_")
    return name


def pascal_case(text: str, *, fallback: str = "Model") -> ClassName:
    """``list-image operations`` → ``ListImageOperations``; valid, never a keyword."""
    parts = words(text)
    name = "".join(part[:1].upper() + part[1:] for part in parts)
    if name and name[0].isdigit():
        name = f"{fallback}{name}"
    return ClassName(_fix(name, fallback))


def pluralize(word: str) -> str:
    """English plural of the last word of a snake_case name, for resource attributes."""
    head, _, last = word.rpartition("_")
    if last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head}_{plural}" if head else plural


def unique(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name_2``, ``name_3`` … whichever is not taken yet."""
    used = set(taken)
    if name not in used:
        return name
    counter = 2
    while f"{name}_{counter}" in used:
        counter += 1
    return f"{name}_{counter}"


def unique_class(name: str, taken: Iterable[str]) -> str:
    """Like ``unique`` but without the underscore, so class names stay PascalCase."""
    used = set(taken)
    if name not in used:
        return name
    counter = 2
    while f"{name}{counter}" in used:
        counter += 1
    return f"{name}{counter}"
