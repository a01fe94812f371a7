"""Putting a rendered tree on disk: all or nothing, inside the output directory only.

The new tree is written to a temporary sibling directory and swapped in with renames,
so an interrupted run leaves the previous output intact. A manifest of what clientgen
wrote last time tells generated files (replaced or removed) from hand-made ones (kept).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from generator.errors import ClientgenError, Location

MANIFEST = ".clientgen-manifest"


def safe_relative(name: str) -> PurePosixPath:
    """A generated path, refused if it could land outside the output directory."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or "\x00" in name:
        raise ClientgenError(f"refusing to write {name!r}: outside the output directory", Location(file=name))
    return path


def manifest_text(files: Mapping[str, str]) -> str:
    lines = [f"{hashlib.sha256(text.encode()).hexdigest()}  {name}" for name, text in sorted(files.items())]
    return "# files written by clientgen; the rest of this folder is left alone\n" + "\n".join(lines) + "\n"


def read_manifest(output: Path) -> set[str]:
    try:
        text = (output / MANIFEST).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return set()
    names = set()
    for line in text.splitlines():
        if line and not line.startswith("#") and "  " in line:
            names.add(line.split("  ", 1)[1])
    return names


def with_manifest(files: Mapping[str, str]) -> dict[str, str]:
    """The tree as it will stand on disk, manifest included."""
    complete = dict(files)
    complete[MANIFEST] = manifest_text(files)
    return complete


def read_tree(output: Path, names: set[str]) -> dict[str, str]:
    """The current contents of ``names`` under ``output`` (missing files are absent)."""
    found: dict[str, str] = {}
    for name in names:
        path = output / name
        if path.is_file() and not path.is_symlink():
            try:
                found[name] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                found[name] = "\x00<unreadable>"
    return found


def _hand_made(output: Path, generated_before: set[str]) -> list[PurePosixPath]:
    kept: list[PurePosixPath] = []
    if not output.is_dir():
        return kept
    for root, dirs, names in os.walk(output):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            relative = PurePosixPath(Path(root, name).relative_to(output).as_posix())
            if str(relative) != MANIFEST and str(relative) not in generated_before:
                kept.append(relative)
    return kept


def write_tree(files: Mapping[str, str], output: Path) -> bool:
    """Replace the generated part of ``output`` with ``files``; False when nothing changed."""
    complete = with_manifest(files)
    checked = {name: safe_relative(name) for name in complete}
    if output.exists() and not output.is_dir():
        raise ClientgenError("output exists and is not a directory", Location(file=str(output)))
    previous = read_manifest(output)
    if previous | {MANIFEST} == set(complete) and read_tree(output, set(complete)) == complete:
        return False
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".new", dir=output.parent))
    try:
        for name, relative in checked.items():
            target = staging.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(complete[name])
        for relative in _hand_made(output, previous):
            if str(relative) in complete:
                continue  # a generated file now takes this name; the new content wins
            source = output.joinpath(*relative.parts)
            target = staging.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return True


def write_file(path: Path, text: str) -> bool:
    """Write one file atomically (temp file + rename); False when it already holds ``text``."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    except IsADirectoryError:
        raise ClientgenError("is a directory", Location(file=str(path))) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _swap(staging: Path, output: Path) -> None:
    """Rename the staged tree into place; the old tree is removed only after that worked."""
    if not output.exists():
        os.replace(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old", dir=output.parent))
    os.rmdir(retired)
    os.replace(output, retired)
    try:
        os.replace(staging, output)
    except BaseException:
        os.replace(retired, output)
        raise
    shutil.rmtree(retired, ignore_errors=True)
