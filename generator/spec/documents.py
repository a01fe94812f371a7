"""The files a specification is made of: where a ``$ref`` points, and reading it once.

A ``$ref`` may name another file only inside the *reference root* (by default the
root spec's own directory; the caller may widen it, e.g. to the spec's parent when a
spec refers to ``../common/``). A ref that resolves outside it — ``../../etc/passwd``,
an absolute path, a symlink leading out — is refused with a located error, because a
spec is untrusted input and reading arbitrary local files on its say-so would leak
them into generated code. Remote (http/https) refs are refused unless the caller
allows them; then they are fetched with a timeout and a size limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from generator.errors import ClientgenError, Location
from generator.spec.source import SourceDocument, parse_text, read_document

MAX_FILES = 10_000

Fetch = Callable[[str], str]


@dataclass(frozen=True)
class RefTarget:
    """A resolved reference: which document (by key) and which pointer inside it."""

    document: str
    pointer: str


def is_remote(key: str) -> bool:
    return key.startswith(("http://", "https://"))


def split_ref(ref: str, where: Location) -> tuple[str, str]:
    """``"a.yaml#/b%20c"`` → ``("a.yaml", "/b c")``, refusing non-pointer fragments."""
    location, _, fragment = ref.partition("#")
    pointer = unquote(fragment)
    if pointer and not pointer.startswith("/"):
        raise ClientgenError(
            f"$ref {ref!r}: only JSON-pointer fragments ('#/…') are supported", where
        )
    return location, pointer


class DocumentStore:
    """Reads each referenced document once and enforces where refs may lead.

    One store lives for one ``load_spec`` call; it is the bundler's only way to the
    disk or the network.
    """

    def __init__(
        self,
        root: SourceDocument,
        *,
        ref_root: Path,
        fetch: Fetch | None,
    ) -> None:
        self.root_key = str(root.path.resolve())
        self.root_display = root.path
        self.ref_root = ref_root.resolve()
        self.fetch = fetch
        self.documents: dict[str, SourceDocument] = {self.root_key: root}

    def display(self, key: str) -> str:
        """A file name for messages: relative to where the user pointed us."""
        if key == self.root_key or is_remote(key):
            return str(self.root_display) if key == self.root_key else key
        root_dir = self.root_display.parent
        try:
            relative = Path(key).relative_to(self.root_display.resolve().parent)
            return str(root_dir / relative)
        except ValueError:
            return key

    def locate(self, key: str, pointer: str) -> Location:
        source = self.documents.get(key)
        line = source.line_of(pointer) if source is not None else None
        return Location(self.display(key), line, pointer or "/")

    def resolve(self, ref: str, base: str, where: Location) -> RefTarget:
        """Where ``ref``, written in document ``base``, points; refuses what it may not."""
        location, pointer = split_ref(ref, where)
        if not location:
            return RefTarget(base, pointer)
        scheme = urlsplit(location).scheme.lower()
        if scheme in ("http", "https") or (is_remote(base) and not scheme):
            url = urljoin(base, location) if is_remote(base) else location
            if self.fetch is None:
                raise ClientgenError(
                    f"$ref {ref!r} is remote; remote refs are only fetched when allowed "
                    "explicitly (allow_remote_refs)",
                    where,
                )
            return RefTarget(url.partition("#")[0], pointer)
        if len(scheme) > 1 or is_remote(base):
            raise ClientgenError(f"$ref {ref!r}: unsupported reference scheme", where)
        path = (Path(base).parent / unquote(location)).resolve()
        if not path.is_relative_to(self.ref_root):
            raise ClientgenError(
                f"$ref {ref!r} leads outside the reference root {self.ref_root}; "
                "refused (pass a wider ref_root to allow it)",
                where,
            )
        return RefTarget(str(path), pointer)

    def get(self, key: str, where: Location) -> SourceDocument:
        """The parsed document ``key``; errors carry the referring location."""
        if key in self.documents:
            return self.documents[key]
        if len(self.documents) >= MAX_FILES:
            raise ClientgenError(f"more than {MAX_FILES} referenced documents", where)
        try:
            if is_remote(key):
                assert self.fetch is not None
                source = parse_text(self.fetch(key), Path(key))
            else:
                path = Path(key)
                if not path.is_file():
                    raise ClientgenError(f"$ref target file not found: {self.display(key)}", where)
                source = read_document(path)
        except ClientgenError as exc:
            if exc.location is where or exc.location == where:
                raise
            inner = Location(self.display(key), exc.location.line, exc.location.pointer)
            raise ClientgenError(f"{exc.message} (referenced from {where})", inner) from None
        self.documents[key] = source
        return source
