"""Finding and loading the Jinja templates, in a repo checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.render import escape

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"  # inside a built wheel
REPO_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"  # a source checkout


def templates_dir() -> Path:
    for candidate in (PACKAGE_TEMPLATES, REPO_TEMPLATES):
        if (candidate / "package").is_dir():
            return candidate
    raise FileNotFoundError("clientgen templates are missing; reinstall clientgen")


def environment(directory: Path | None = None) -> jinja2.Environment:
    """Strict (undefined names fail), no autoescaping (it is Python, not HTML), fixed filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory or templates_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["docstring"] = escape.docstring
    env.filters["py"] = escape.py_string
    env.filters["comment"] = escape.comment
    return env
