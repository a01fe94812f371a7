"""What ``clientgen check`` reports: a unified diff and a summary of API changes."""

from __future__ import annotations

import ast
import difflib
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Drift:
    changed: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    diff: str
    api_changes: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not (self.changed or self.added or self.removed)


def _surface(files: Mapping[str, str]) -> dict[str, str]:
    """Public classes, methods and model fields → a printable signature."""
    surface: dict[str, str] = {}
    for name, text in files.items():
        if not name.endswith(".py") or ("/resources/" not in name and not name.endswith("/models.py")):
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in tree.body:
            if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
                continue
            surface[node.name] = "class"
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and not item.name.startswith("_"):
                    arguments = ast.unparse(item.args)
                    returns = ast.unparse(item.returns) if item.returns else "None"
                    surface[f"{node.name}.{item.name}"] = f"({arguments}) -> {returns}"
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    surface[f"{node.name}.{item.target.id}"] = ast.unparse(item.annotation)
    return surface


def api_changes(old: Mapping[str, str], new: Mapping[str, str]) -> tuple[str, ...]:
    before, after = _surface(old), _surface(new)
    lines: list[str] = []
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            lines.append(f"removed {key}")
        elif key not in before:
            lines.append(f"added   {key}")
        elif before[key] != after[key]:
            lines.append(f"changed {key}: {before[key]} → {after[key]}")
    return tuple(lines)


def compare(expected: Mapping[str, str], actual: Mapping[str, str], label: str) -> Drift:
    """``expected`` is what generation produces now; ``actual`` what is committed."""
    changed = tuple(sorted(n for n in expected.keys() & actual.keys() if expected[n] != actual[n]))
    added = tuple(sorted(expected.keys() - actual.keys()))
    removed = tuple(sorted(actual.keys() - expected.keys()))
    chunks: list[str] = []
    for name in sorted(set(changed) | set(added) | set(removed)):
        chunks.extend(
            difflib.unified_diff(
                actual.get(name, "").splitlines(keepends=True),
                expected.get(name, "").splitlines(keepends=True),
                fromfile=f"{label}/{name} (on disk)",
                tofile=f"{label}/{name} (generated)",
            )
        )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in chunks)
    return Drift(changed, added, removed, text, api_changes(actual, expected))
