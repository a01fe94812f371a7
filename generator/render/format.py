"""Formatting generated Python in-process, in one fixed mode.

The user's own black/isort configuration is never read, so the bytes depend only on
the pinned versions of black and isort.
"""

from __future__ import annotations

import functools

import black
import isort
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from generator.errors import ClientgenError, Location

LINE_LENGTH = 100
BLACK_MODE = Mode(target_versions={TargetVersion.PY310}, line_length=LINE_LENGTH)


@functools.lru_cache(maxsize=32)
def isort_config(package: str) -> isort.Config:
    """The generated package is first-party: its imports form their own block, as by hand."""
    return isort.Config(profile="black", line_length=LINE_LENGTH, quiet=True, known_first_party=[package] if package else [])


def format_python(source: str, name: str) -> str:
    """isort then black; a syntax error here is a generator bug, reported with the file name."""
    return _format(source, name)


@functools.lru_cache(maxsize=256)
def _format(source: str, name: str) -> str:
    """Memoised: the runtime modules render to the same text for every target of one package name."""
    try:
        package = name.split("/", 1)[0] if "/" in name else ""
        sorted_source = isort.code(source, config=isort_config(package))
        return black.format_str(sorted_source, mode=BLACK_MODE)
    except InvalidInput as exc:
        raise ClientgenError(f"internal error: generated invalid Python: {exc}", Location(file=name)) from None
