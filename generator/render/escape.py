"""The only ways a spec string reaches generated code.

Templates receive names already validated by the IR; every other spec value goes
through one of these filters, chosen by where it lands: a Python string literal, a
docstring body, a comment, or Markdown/TOML text. None of them can end the construct
they are in, so a description cannot inject code.
"""

from __future__ import annotations

import json
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def clean_text(text: str) -> str:
    """Normalise newlines, drop control characters and trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return _TRAILING_SPACE.sub("", text).strip()


def py_string(value: object) -> str:
    """A Python literal for ``value`` (strings, numbers, bools, None)."""
    if isinstance(value, str):
        return repr(clean_literal(value))
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return repr(value)
    raise TypeError(f"not a literal: {type(value).__name__}")


def clean_literal(value: str) -> str:
    """Literal strings keep their content exactly; repr escapes whatever needs it."""
    return value


def docstring(text: str, indent: str = "") -> str:
    """Text safe inside a triple-double-quoted docstring, re-indented."""
    text = clean_text(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    lines = text.split("\n")
    body = "\n".join((indent + line) if line else "" for line in lines).lstrip()
    return body + "\n" + indent if len(lines) > 1 else body


def comment(text: str) -> str:
    """One line fit for a ``#`` comment."""
    return " ".join(clean_text(text).split())


def toml_string(value: str) -> str:
    """A TOML basic string (JSON string syntax is a subset TOML accepts)."""
    return json.dumps(clean_text(value), ensure_ascii=True)


def markdown(text: str) -> str:
    """Prose for the generated README: no raw HTML, no template syntax surprises."""
    return clean_text(text).replace("<", "&lt;").replace(">", "&gt;")
