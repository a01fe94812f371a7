"""The corpus, table-driven: what the tables state is what the spec holds.

For every page, rows are counted and their rule sentences classified by this test's own
scanner (independent of the importer's grammar); the spec imported from that page alone
is walked from its operation. Both sides must agree. Then each service's pages import
together into a document that openapi-spec-validator accepts.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from generator.docs import import_docs
from helpers import CORPUS, corpus

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_SEP = re.compile(r"^-{3,} \| -{3,}$")
_RULES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p), k)
    for p, k in (
        (r"The length must be less than or equal to \d+\.", ("maxLength",)),
        (r"The maximum string length in characters is \d+\.", ("maxLength",)),
        (r"(?:^|[.>]\s+|\n)[1-9]\d*-\d+ characters long", ("minLength", "maxLength")),
        (r"(?:^|[.>]\s+|\n)0-\d+ characters long", ("maxLength",)),
        (r"The value must be less than or equal to", ("maximum",)),
        (r"The maximum value is \d+", ("maximum",)),
        (r"Acceptable values are \d+ to \d+", ("minimum", "maximum")),
        (r"The maximum number of elements is", ("maxItems",)),
        (r"number of elements must be in the range [1-9]\d*-", ("minItems", "maxItems")),
        (r"(?:Maximum of|No more than) \d+ per resource", ("maxProperties",)),
        (r"(?:Value|Each key|Each value) must match the regular expression", ("pattern",)),
        (r"for each key must be [1-9]\d*-\d+", ("minLength", "maxLength")),
        (r"maximum string length in characters for each value is", ("maxLength",)),
        (r"Default value: ", ("default",)),
    )
)
_KEYWORDS = {k for _, ks in _RULES for k in ks}
_REQUIRED = re.compile(r"Required(?: field)?\.|This field is required\.")


def _pages() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")


def _rows(page: Path) -> list[tuple[str, str, str]]:
    """(section title, field name, cell text) of every field row, by a plain line scan."""
    text = _FRONT.sub("", page.read_text(encoding="utf-8"))
    rows: list[tuple[str, str, str]] = []
    section, in_pipe, in_yfm, header_seen = "", False, False, False
    current: list[str] | None = None
    for line in text.split("\n"):
        if line.startswith("## "):
            section = line[3:]
        if section.lower().startswith(("methods", "json representation")):
            continue
        if line.strip() == "#|":
            in_yfm, header_seen = True, False
            continue
        if line.strip() == "|#":
            in_yfm = False
            continue
        if in_yfm:
            if current is None and line.startswith("||"):
                if not header_seen:
                    header_seen = True
                    continue
                current = [line[2:]]
            elif current is not None:
                current.append(line)
            if current is not None and line.rstrip().endswith("||"):
                name, _, cell = "\n".join(current).partition("|")
                rows.append((section, name.strip(), cell))
                current = None
            continue
        if _SEP.match(line.strip()):
            in_pipe = True
            continue
        if in_pipe:
            if not line.strip():
                in_pipe = False
                continue
            name, _, cell = line.partition(" | ")
            rows.append((section, name.replace("<br>", "").strip(), cell))
    return rows


def _coarse_row(name: str, cell: str) -> str | None:
    if name.endswith("[]"):
        return "array"
    match = re.match(r"\s*\*\*(\[|`)?([A-Za-z]+)", cell)
    if match is None:
        return None
    if match.group(1):
        return "object"
    word = match.group(2)
    if word == "string" and re.search(r"key:value", cell):
        return "object"
    return {"enum": "string"}.get(word, word)


def _coarse(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return "object"
    return str(schema.get("type", "object"))


def _walk(spec: dict[str, Any]) -> tuple[list[tuple[str, str]], Counter[str], int]:
    """(name, coarse type) of every field reached from the operation, rule keywords, required count."""
    schemas = spec["components"]["schemas"]
    fields: list[tuple[str, str]] = []
    keywords: Counter[str] = Counter()
    required = 0

    def rules(schema: dict[str, Any]) -> None:
        keywords.update(k for k in schema if k in _KEYWORDS)
        for inner in ("items", "additionalProperties", "x-property-names"):
            if isinstance(schema.get(inner), dict):
                rules(schema[inner])

    def target(schema: dict[str, Any]) -> str | None:
        for candidate in (schema, schema.get("items") or {}, schema.get("additionalProperties") or {}):
            if isinstance(candidate, dict) and "$ref" in candidate:
                return str(candidate["$ref"]).rsplit("/", 1)[-1]
        return None

    def message(name: str, stack: tuple[str, ...]) -> None:
        nonlocal required
        if name in stack:
            return
        schema = schemas[name]
        required += len(schema.get("required", []))
        for prop, sub in schema.get("properties", {}).items():
            fields.append((prop, _coarse(sub)))
            rules(sub)
            inner = target(sub)
            if inner:
                message(inner, stack + (name,))

    for path_item in spec["paths"].values():
        for op in path_item.values():
            for param in op.get("parameters", []):
                fields.append((param["name"], _coarse(param["schema"])))
                rules(param["schema"])
                required += param["in"] != "path" and bool(param.get("required"))
            roots = [op["responses"]["200"]["content"]["application/json"]["schema"]]
            if "requestBody" in op:
                roots.append(op["requestBody"]["content"]["application/json"]["schema"])
            roots.extend(v for v in op.get("x-long-running-operation", {}).values() if "$ref" in v)
            for root in roots:
                message(str(root["$ref"]).rsplit("/", 1)[-1], ())
    return fields, keywords, required


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_page_tables_match_the_spec(page: Path) -> None:
    result = import_docs([page])
    assert not [w for w in result.warnings if w.kind in ("unknown-construct", "unknown-type", "unplaced-constraint")]
    if not result.operations:
        pytest.skip("index page: only gives the tag description")
    rows = _rows(page)
    in_path = {name for section, name, _ in rows if section.lower().startswith("path parameters")}
    fields, keywords, required = _walk(result.spec)
    seen = [(n.split(".")[-1].removesuffix("[]"), _coarse_row(n.split(".")[-1], c)) for _, n, c in rows]
    assert len(fields) == len(rows)
    typed_seen = Counter(x for x in seen if x[1] is not None)
    typed_emitted = Counter(f for f in fields if f[0] in {n for n, t in typed_seen})
    assert typed_seen <= typed_emitted + Counter({(n, "object"): 0 for n, _ in typed_seen})
    expected: Counter[str] = Counter()
    for _, _, cell in rows:
        for pattern, names in _RULES:
            for _ in pattern.finditer(cell):
                expected.update(names)
    assert keywords == expected
    stated = sum(1 for s, n, c in rows if _REQUIRED.search(c) and n not in in_path)
    assert required == stated


def test_each_service_imports_and_validates() -> None:
    root = corpus()
    services = sorted(p for p in root.iterdir() if p.is_dir())
    assert services
    for service in services:
        result = import_docs([service])
        validate(result.spec)
        assert not [w for w in result.warnings if w.kind == "unknown-construct"], service


def test_numbered_sections_are_one_schema() -> None:
    spec = import_docs([corpus() / "compute/api-ref/Image/create.md"]).spec
    names = set(spec["components"]["schemas"])
    assert {"Os", "HardwareGeneration", "LegacyHardwareFeatures"} <= names
    assert not any(re.fullmatch(r"(Os|HardwareGeneration|LegacyHardwareFeatures)\d+", n) for n in names)


def test_long_running_operation_is_typed() -> None:
    root = corpus()
    op = import_docs([root / "compute/api-ref/Image/create.md"]).spec["paths"]["/compute/v1/images"]["post"]
    assert op["x-long-running-operation"] == {
        "metadata": {"$ref": "#/components/schemas/CreateImageMetadata"},
        "response": {"$ref": "#/components/schemas/Image"},
    }
    assert op["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Operation"}
    delete = import_docs([root / "compute/api-ref/Disk/delete.md"]).spec["paths"]["/compute/v1/disks/{diskId}"]["delete"]
    assert delete["x-long-running-operation"]["response"] == {"type": "object"}


def test_older_form_objects_share_the_documented_schemas() -> None:
    spec = import_docs([corpus() / "compute/api-ref/Disk/create.md"]).spec
    schemas = spec["components"]["schemas"]
    assert schemas["CreateDiskRequest"]["x-oneof-groups"] == [["imageId", "snapshotId"]]
    assert schemas["Operation"]["properties"]["error"]["$ref"] == "#/components/schemas/Status"
    assert schemas["CreateDiskRequest"]["properties"]["diskPlacementPolicy"]["$ref"].endswith("/DiskPlacementPolicy")
