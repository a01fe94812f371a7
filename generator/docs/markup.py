"""Inline markup of table cells and paragraphs, reduced to plain markdown text.

The three page forms write the same prose differently: the older generator emits HTML
(``<p>``, ``<br>``, ``<ul><li>``, ``<a href>``) and double backticks, the current one
markdown. Descriptions in the spec are markdown with links reduced to their text and
code spans kept, so both forms end up as the same string.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*[^()\s]*(?:\([^()]*\)[^()\s]*)*\s*\)")
_HTML_LINK = re.compile(r"<a\s+[^>]*>(.*?)</a>", re.S | re.I)
_PARA_BREAK = re.compile(r"</p>\s*<p>|</p>\s*(?=<[uo]l>)|(?<=</[uo]l>)\s*<p>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_LIST = re.compile(r"<(ul|ol)>(.*?)</\1>", re.S | re.I)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S | re.I)
_TAG = re.compile(r"</?(?:p|ul|ol|li)>", re.I)
_DOUBLE_TICK = re.compile(r"``(.+?)``", re.S)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_MANY_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+\n")
_PLACEHOLDER = re.compile("\x00(\\d+)\x00")


def strip_links(text: str) -> str:
    """``[Text](target)`` → ``Text``; a bracket that is not a link stays."""
    return _LINK.sub(lambda m: m.group(1), text)


def html_to_markdown(text: str) -> str:
    """Rewrite the older form's HTML cell markup as markdown paragraphs and lists."""
    text = _HTML_LINK.sub(lambda m: m.group(1), text)
    text = _DOUBLE_TICK.sub(lambda m: "`" + m.group(1) + "`", text)
    text = _PARA_BREAK.sub("\n\n", text)

    def _list(match: re.Match[str]) -> str:
        ordered = match.group(1).lower() == "ol"
        items = [i.strip() for i in _ITEM.findall(match.group(2))]
        lines = [f"{n}. {item}" if ordered else f"- {item}" for n, item in enumerate(items, 1)]
        return "\n\n" + "\n".join(lines) + "\n\n"

    text = _LIST.sub(_list, text)
    text = _BR.sub("\n", text)
    text = _TAG.sub("", text)
    return tidy(text)


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line between paragraphs, no outer blanks."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines)
    text = _MANY_BLANKS.sub("\n\n", text)
    return _TRAILING.sub("\n", text).strip()


def protect_code(text: str) -> tuple[str, list[str]]:
    """Hide code spans behind placeholders so their dots and pipes are not syntax."""
    spans: list[str] = []

    def _hide(match: re.Match[str]) -> str:
        spans.append(match.group(0))
        return f"\x00{len(spans) - 1}\x00"

    return _CODE_SPAN.sub(_hide, text), spans


def restore_code(text: str, spans: list[str]) -> str:
    """Undo :func:`protect_code`."""
    return _PLACEHOLDER.sub(lambda m: spans[int(m.group(1))], text)


def code_content(span: str) -> str:
    """The text inside a code span, with CommonMark's one-space padding removed."""
    match = _CODE_SPAN.fullmatch(span.strip())
    if match is None:
        return span.strip()
    inner = match.group(2)
    if len(inner) > 2 and inner.startswith(" ") and inner.endswith(" ") and inner.strip():
        inner = inner[1:-1]
    return inner


def one_line(text: str) -> str:
    """Collapse all whitespace: for summaries and comparisons."""
    return " ".join(text.split())
