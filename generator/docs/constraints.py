"""Constraint sentences → JSON-Schema keywords.

The generators of the reference print validation rules as fixed sentences ("The length
must be less than or equal to 50.", "1-63 characters long.", "Value must match the
regular expression `…`"). A description is cut into sentences (code spans protected);
a sentence that matches one of the forms below *as a whole* becomes keywords and leaves
the description; every other sentence stays. Matching whole sentences only is what
keeps "Must be 3-63 characters long and match …" (a rule about part of a filter string)
from turning into a length limit on the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.docs.markup import code_content, protect_code, restore_code, tidy

N = r"(-?\d+(?:\.\d+)?)"
CODE = "\x00(\\d+)\x00"
_CODES = "((?:\x00\\d+\x00)(?:(?:,|,? and|,? or)\\s*\x00\\d+\x00)*)"
_PIECES = re.compile(r"(?<=[.!?])[ \t]+|[ \t]*\n[ \t]*")
_CODE_INDEX = re.compile("\x00(\\d+)\x00")


@dataclass
class Found:
    """Keywords collected from one description (mutable while collecting)."""

    value: dict[str, Any] = field(default_factory=dict)
    count: dict[str, Any] = field(default_factory=dict)
    keys: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    required: bool = False
    oneof: tuple[str, ...] = ()
    default: str | None = None
    kinds: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Constraints:
    """What a description states as rules, and the prose that is left."""

    value: dict[str, Any]
    count: dict[str, Any]
    keys: dict[str, Any]
    values: dict[str, Any]
    required: bool
    oneof: tuple[str, ...]
    default: str | None
    text: str
    kinds: tuple[str, ...]  # one entry per converted sentence, for reports and tests


Apply = Callable[[Found, tuple[str, ...], list[str]], None]


def _num(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _set(target: str, *names: str) -> Apply:
    def apply(found: Found, groups: tuple[str, ...], spans: list[str]) -> None:
        bucket: dict[str, Any] = getattr(found, target)
        for name, group in zip(names, groups):
            bucket[name] = _num(group)

    return apply


def _pattern(target: str) -> Apply:
    def apply(found: Found, groups: tuple[str, ...], spans: list[str]) -> None:
        bucket: dict[str, Any] = getattr(found, target)
        bucket["pattern"] = code_content(spans[int(groups[0])])

    return apply


def _required(found: Found, groups: tuple[str, ...], spans: list[str]) -> None:
    found.required = True


def _default(found: Found, groups: tuple[str, ...], spans: list[str]) -> None:
    found.default = restore_code(groups[0], spans).strip().strip("`\"'")


def _oneof(found: Found, groups: tuple[str, ...], spans: list[str]) -> None:
    found.oneof = tuple(code_content(spans[int(i)]) for i in _CODE_INDEX.findall(groups[0]))


_FORMS: tuple[tuple[str, str, Apply], ...] = (
    ("required", r"Required(?: field)?\.|This field is required\.", _required),
    ("maxLength", rf"The length must be less than or equal to {N}\.", _set("value", "maxLength")),
    ("minLength", rf"The length must be greater than or equal to {N}\.", _set("value", "minLength")),
    ("length", rf"The length must be in the range {N}-{N}\.", _set("value", "minLength", "maxLength")),
    ("maxLength", rf"The maximum string length in characters is {N}\.", _set("value", "maxLength")),
    ("minLength", rf"The minimum string length in characters is {N}\.", _set("value", "minLength")),
    ("length", rf"The string length in characters must be {N}-{N}\.", _set("value", "minLength", "maxLength")),
    ("length", rf"{N}-{N} characters long\.?", _set("value", "minLength", "maxLength")),
    ("valueMaxLength", rf"The maximum string length in characters for each value is {N}\.", _set("values", "maxLength")),
    ("valueLength", rf"The string length in characters for each value must be {N}-{N}\.", _set("values", "minLength", "maxLength")),
    ("keyMaxLength", rf"The maximum string length in characters for each key is {N}\.", _set("keys", "maxLength")),
    ("keyLength", rf"The string length in characters for each key must be {N}-{N}\.", _set("keys", "minLength", "maxLength")),
    ("maximum", rf"The value must be less than or equal to {N}\.", _set("value", "maximum")),
    ("minimum", rf"The value must be greater than or equal to {N}\.", _set("value", "minimum")),
    ("range", rf"The value must be in the range {N}-{N}\.", _set("value", "minimum", "maximum")),
    ("maximum", rf"The maximum value is {N}\.", _set("value", "maximum")),
    ("minimum", rf"The minimum value is {N}\.", _set("value", "minimum")),
    ("range", rf"Acceptable values are {N} to {N}, inclusive\.", _set("value", "minimum", "maximum")),
    ("range", rf"Acceptable values are {N}-{N}, inclusive\.", _set("value", "minimum", "maximum")),
    ("maxItems", rf"The maximum number of elements is {N}\.", _set("count", "max")),
    ("minItems", rf"The minimum number of elements is {N}\.", _set("count", "min")),
    ("items", rf"The number of elements must be in the range {N}-{N}\.", _set("count", "min", "max")),
    ("maxItems", rf"The number of elements must be less than or equal to {N}\.", _set("count", "max")),
    ("minItems", rf"The number of elements must be greater than or equal to {N}\.", _set("count", "min")),
    ("maxItems", rf"(?:Maximum of|No more than) {N} per resource\.?", _set("count", "max")),
    ("pattern", rf"Value must match the regular expression {CODE}\.?", _pattern("value")),
    ("keyPattern", rf"Each key must match the regular expression {CODE}\.?", _pattern("keys")),
    ("valuePattern", rf"Each value must match the regular expression {CODE}\.?", _pattern("values")),
    ("default", r"Default value: (.+?)\.?", _default),
    ("oneof", rf"Includes only one of the fields {_CODES}\.?", _oneof),
)
_COMPILED = tuple((kind, re.compile(form, re.I), apply) for kind, form, apply in _FORMS)


def extract(description: str) -> Constraints:
    """Split ``description`` into rule sentences (as keywords) and the remaining prose."""
    protected, spans = protect_code(description)
    found = Found()
    kept: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", protected):
        kept_paragraph = _extract_paragraph(paragraph, spans, found)
        if kept_paragraph.strip():
            kept.append(kept_paragraph)
    text = tidy(restore_code("\n\n".join(kept), spans))
    return Constraints(
        found.value, found.count, found.keys, found.values, found.required,
        found.oneof, found.default, text, tuple(found.kinds),
    )


def _extract_paragraph(paragraph: str, spans: list[str], found: Found) -> str:
    pieces: list[str] = []
    separators: list[str] = []
    position = 0
    for match in _PIECES.finditer(paragraph):
        pieces.append(paragraph[position : match.start()])
        separators.append(match.group(0))
        position = match.end()
    pieces.append(paragraph[position:])
    separators.append("")
    out: list[str] = []
    for piece, separator in zip(pieces, separators):
        if _convert(piece.strip(), spans, found):
            if not separator and out:
                out[-1] = out[-1].rstrip(" \t")
            continue
        out.append(piece + separator)
    return "".join(out).rstrip()


def _convert(sentence: str, spans: list[str], found: Found) -> bool:
    if not sentence:
        return False
    for kind, form, apply in _COMPILED:
        match = form.fullmatch(sentence)
        if match:
            apply(found, match.groups(), spans)
            found.kinds.append(kind)
            return True
    return False
