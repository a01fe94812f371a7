"""The two table syntaxes of the reference, read into one row model.

Current pages use YFM tables (``#|`` … ``|#`` with ``|| a | b ||`` rows that may span
lines); the older form uses pipe tables (``Field | Description`` / ``--- | ---``) whose
cells are HTML and whose nested field names are dotted paths joined by ``<br>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_SEPARATOR_CELL = re.compile(r"\s*:?-{3,}:?\s*")


@dataclass(frozen=True)
class Row:
    """One table row: its cells as written, and the page line it starts on."""

    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Table:
    """A table with its header cells; ``form`` is ``"yfm"`` or ``"pipe"``."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    line: int
    form: str


def is_yfm_start(line: str) -> bool:
    return line.strip() == "#|"


def is_pipe_header(lines: list[str], index: int) -> bool:
    """A pipe table starts with a header line followed by a ``--- | ---`` line."""
    if index + 1 >= len(lines) or "|" not in lines[index]:
        return False
    cells = _PIPE_SPLIT.split(lines[index + 1].strip().strip("|"))
    return len(cells) >= 2 and all(_SEPARATOR_CELL.fullmatch(c) for c in cells)


def read_yfm(lines: list[str], start: int, first_line: int) -> tuple[Table, int]:
    """Read a ``#|`` table starting at ``lines[start]``; returns it and the next index."""
    rows: list[Row] = []
    index = start + 1
    current: list[str] = []
    row_line = 0
    while index < len(lines) and lines[index].strip() != "|#":
        line = lines[index]
        if not current:
            stripped = line.lstrip()
            if not stripped.startswith("||"):
                index += 1
                continue
            row_line = first_line + index
            line = stripped[2:]
        current.append(line)
        if line.rstrip().endswith("||"):
            text = "\n".join(current).rstrip()[:-2]
            rows.append(Row(_split_yfm_cells(text), row_line))
            current = []
        index += 1
    if current:
        rows.append(Row(_split_yfm_cells("\n".join(current)), row_line))
    header = tuple(c.strip() for c in rows[0].cells) if rows else ()
    table = Table(header, tuple(rows[1:]), first_line + start, "yfm")
    return table, index + 1


def _split_yfm_cells(text: str) -> tuple[str, ...]:
    """Split on ``|`` outside code spans; the last cell keeps any further pipes."""
    cells: list[str] = []
    depth_tick = False
    buf: list[str] = []
    for char in text:
        if char == "`":
            depth_tick = not depth_tick
        if char == "|" and not depth_tick and len(cells) < 1:
            cells.append("".join(buf))
            buf = []
            continue
        buf.append(char)
    cells.append("".join(buf))
    return tuple(cell.strip() for cell in cells)


def read_pipe(lines: list[str], start: int, first_line: int) -> tuple[Table, int]:
    """Read a pipe table whose header is ``lines[start]``; ends at a blank line."""
    header = tuple(c.strip() for c in _PIPE_SPLIT.split(lines[start].strip().strip("|")))
    rows: list[Row] = []
    index = start + 2
    while index < len(lines) and lines[index].strip() and "|" in lines[index]:
        raw = lines[index].strip()
        if raw.startswith("|"):
            raw = raw[1:]
        parts = _PIPE_SPLIT.split(raw, maxsplit=len(header) - 1)
        cells = tuple(p.strip().replace("\\|", "|") for p in parts)
        rows.append(Row(cells, first_line + index))
        index += 1
    return Table(header, tuple(rows), first_line + start, "pipe"), index
