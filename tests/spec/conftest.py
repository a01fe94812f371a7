"""Helpers for spec-stage tests: write small spec trees into tmp_path."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

Write = Callable[[str, str], Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text.startswith(HEAD):
            text = HEAD + textwrap.dedent(text[len(HEAD) :]).lstrip("\n")
        else:
            text = textwrap.dedent(text).lstrip()
        path.write_text(text, encoding="utf-8")
        return path

    return _write


HEAD = """\
openapi: 3.0.3
info: {title: t, version: "1"}
"""
