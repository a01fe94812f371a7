"""Time load + bundle + validate for the big corpus specs (not part of the test run).

Usage: PYTHONPATH=. .venv/bin/python benchmarks/load_spec.py [CORPUS_OPENAPI_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.errors import ClientgenError
from generator.spec.bundle import bundle
from generator.spec.documents import DocumentStore
from generator.spec.loader import load_spec
from generator.spec.source import read_document
from generator.spec.validate import validate_document

SPECS = (
    ("openai", "openapi.yaml"),
    ("digitalocean", "DigitalOcean-public.v2.yaml"),
    ("twilio-api-v2010", "twilio_api_v2010.yaml"),
    ("argo-workflows", "swagger.json"),
    ("adyen-checkout", "CheckoutService-v72.yaml"),
    ("discourse", "openapi.yml"),
    ("netlify", "swagger.yml"),
)


def _time(root: Path) -> str:
    started = time.perf_counter()
    source = read_document(root)
    read = time.perf_counter()
    version = "2.0" if "swagger" in source.data else "3"
    bundled = bundle(DocumentStore(source, ref_root=root.parent, fetch=None), version)
    bundled_at = time.perf_counter()
    validated = ""
    if version != "2.0":
        validate_document(bundled.document, bundled.locator.locate)
        validated = f"{time.perf_counter() - bundled_at:6.2f}"
    total_start = time.perf_counter()
    spec = load_spec(root, ref_root=root.parent)
    total = time.perf_counter() - total_start
    return (
        f"{read - started:6.2f} {bundled_at - read:7.2f} {validated:>9} {total:7.2f}  "
        f"{len(spec.warnings)} warnings"
    )


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared/corpus/openapi"
    print(f"{'spec':18} {'read':>6} {'bundle':>7} {'validate':>9} {'load':>7}  (seconds; load = whole load_spec)")
    for name, root in SPECS:
        path = corpus / name / root
        if not path.exists():
            print(f"{name:18} missing")
            continue
        try:
            print(f"{name:18} {_time(path)}")
        except ClientgenError as exc:
            print(f"{name:18} error: {exc}")


if __name__ == "__main__":
    main()
