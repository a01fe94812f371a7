"""Where the shared corpus is and which of its files are root OpenAPI documents."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OPENAPI = CORPUS / "openapi"
DOCS = CORPUS / "yandex-cloud-docs"

# entries whose root document is not the one spec file at the entry's top level
_ROOTS = {"digitalocean": "DigitalOcean-public.v2.yaml", "oai-petstore-separate": "spec/swagger.yaml"}
_SUFFIXES = (".yaml", ".yml", ".json")
_VERSION_KEY = re.compile(r'^(openapi|swagger)\s*:|"(openapi|swagger)"\s*:', re.MULTILINE)


def is_root_document(path: Path) -> bool:
    """Has a top-level ``openapi``/``swagger`` key; other files are fragments refs point into."""
    try:
        return bool(_VERSION_KEY.search(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return False


def openapi_documents(openapi: Path = OPENAPI) -> list[Path]:
    """Every root document: one per entry, every non-fragment file of dmcg-edge-cases."""
    if not openapi.is_dir():
        return []
    found: list[Path] = []
    for entry in sorted(p for p in openapi.iterdir() if p.is_dir()):
        if entry.name in _ROOTS:
            found.append(entry / _ROOTS[entry.name])
        elif entry.name == "dmcg-edge-cases":
            index = openapi / "dmcg-edge-cases.tsv"
            skip = set()
            if index.is_file():
                for row in index.read_text(encoding="utf-8").splitlines()[1:]:
                    name, version = row.split("\t")[:2]
                    if version in ("fragment", "unparseable"):
                        skip.add(name)
            found += sorted(
                p
                for p in entry.rglob("*")
                if p.is_file() and p.suffix in _SUFFIXES and p.name not in skip and is_root_document(p)
            )
        else:
            found += sorted(p for p in entry.iterdir() if p.is_file() and p.suffix in _SUFFIXES)
    return found


def entry_of(path: Path, openapi: Path = OPENAPI) -> Path:
    """The entry folder a document belongs to (the root its relative refs may use)."""
    return openapi / path.relative_to(openapi).parts[0]


def label(path: Path, openapi: Path = OPENAPI) -> str:
    return str(path.relative_to(openapi))
