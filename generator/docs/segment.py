"""Page segmentation: headings with anchors, prose, code blocks and tables.

A page is a title, a lead, and ``##`` sections. Each section keeps its blocks in order
with their line numbers, so every later diagnostic can point at the page line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.docs.tables import Table, is_pipe_header, is_yfm_start, read_pipe, read_yfm

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{#([^}\s]+)\})?[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([\w+-]*)")


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True)
class CodeBlock:
    lang: str
    text: str
    line: int


Block = Paragraph | CodeBlock | Table


@dataclass(frozen=True)
class Section:
    """A heading and what follows it up to the next heading of the same or higher level."""

    title: str
    anchor: str | None
    level: int
    line: int
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def code_blocks(self) -> tuple[CodeBlock, ...]:
        return tuple(b for b in self.blocks if isinstance(b, CodeBlock))


@dataclass(frozen=True)
class Document:
    """The markdown body: text before the first heading, the title section, the rest."""

    preamble: tuple[Block, ...]
    title: Section | None
    sections: tuple[Section, ...]


def segment(body: str, first_line: int) -> Document:
    """Split a markdown body (whose first line is page line ``first_line``) into sections."""
    lines = body.split("\n")
    heads: list[tuple[int, int, str, str | None]] = []  # (index, level, title, anchor)
    blocks_by_head: list[list[Block]] = [[]]
    paragraph: list[str] = []
    para_start = 0
    index = 0

    def flush() -> None:
        nonlocal paragraph
        text = "\n".join(paragraph).strip()
        if text:
            blocks_by_head[-1].append(Paragraph(text, first_line + para_start))
        paragraph = []

    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            end = index + 1
            while end < len(lines) and not lines[end].strip().startswith(marker):
                end += 1
            text = "\n".join(lines[index + 1 : end])
            blocks_by_head[-1].append(CodeBlock(fence.group(2).lower(), text, first_line + index))
            index = end + 1
            continue
        if is_yfm_start(line):
            flush()
            table, index = read_yfm(lines, index, first_line)
            blocks_by_head[-1].append(table)
            continue
        if is_pipe_header(lines, index):
            flush()
            table, index = read_pipe(lines, index, first_line)
            blocks_by_head[-1].append(table)
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            heads.append((index, len(heading.group(1)), heading.group(2).strip(), heading.group(3)))
            blocks_by_head.append([])
            index += 1
            continue
        if not line.strip():
            flush()
        else:
            if not paragraph:
                para_start = index
            paragraph.append(line)
        index += 1
    flush()

    sections = [
        Section(title, anchor, level, first_line + idx, tuple(blocks_by_head[n + 1]))
        for n, (idx, level, title, anchor) in enumerate(heads)
    ]
    title = next((s for s in sections if s.level == 1), None)
    rest = tuple(s for s in sections if s is not title)
    return Document(tuple(blocks_by_head[0]), title, rest)
