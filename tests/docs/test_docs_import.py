"""import_docs end to end: the founding page in both forms, merging, errors, strictness."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.docs import dump_spec, import_docs
from generator.errors import ClientgenError, StrictModeError
from helpers import REPO, SEED, check_golden, corpus

OP = "/compute/v1/images/{imageId}/operations"


def test_seed_golden(request: pytest.FixtureRequest) -> None:
    result = import_docs([SEED])
    validate(result.spec)
    assert (result.pages, result.operations, result.warnings) == (1, 1, ())
    check_golden(request, "Image.ListOperations.rendered.yaml", dump_spec(result.spec))


def test_source_form_golden(request: pytest.FixtureRequest) -> None:
    page = corpus() / "compute/api-ref/Image/listOperations.md"
    result = import_docs([page])
    validate(result.spec)
    check_golden(request, "Image.ListOperations.source.yaml", dump_spec(result.spec))


def _without_lengths(spec: dict[str, Any]) -> dict[str, Any]:
    params = spec["paths"][OP]["get"]["parameters"]
    for param in params:
        param["schema"].pop("maxLength", None)
        param["schema"].pop("maximum", None)
    return spec


def test_both_forms_agree_apart_from_rules_only_the_rendered_form_states() -> None:
    rendered = import_docs([SEED]).spec
    source = import_docs([corpus() / "compute/api-ref/Image/listOperations.md"]).spec
    assert rendered != source
    assert _without_lengths(rendered) == _without_lengths(source)


def test_seed_matches_the_hand_written_spec_where_it_follows_the_conventions() -> None:
    hand = yaml.safe_load((REPO / "specs/compute/openapi.yaml").read_text(encoding="utf-8"))
    spec = import_docs([SEED]).spec
    assert spec["servers"] == hand["servers"]
    assert spec["paths"][OP]["get"]["parameters"] == hand["paths"][OP]["get"]["parameters"]
    assert spec["paths"][OP]["get"]["responses"] == hand["paths"][OP]["get"]["responses"]
    assert spec["components"]["schemas"]["Status"] == hand["components"]["schemas"]["Status"]
    assert spec["components"]["schemas"]["ListImageOperationsResponse"] == hand["components"]["schemas"]["ListImageOperationsResponse"]
    ours, theirs = spec["components"]["schemas"]["Operation"], hand["components"]["schemas"]["Operation"]
    assert ours["x-oneof-groups"] == theirs["x-oneof-groups"]
    assert list(ours["properties"]) == list(theirs["properties"])


def test_index_page_gives_the_tag_description() -> None:
    root = corpus() / "compute/api-ref/Image"
    spec = import_docs([SEED, root / "index.md"]).spec
    assert spec["tags"] == [{"name": "Image", "description": "A set of methods for managing Image resources."}]


def test_dump_is_deterministic_and_round_trips() -> None:
    spec = import_docs([SEED]).spec
    text = dump_spec(spec)
    assert text == dump_spec(import_docs([SEED]).spec)
    assert yaml.safe_load(text) == spec
    assert "description: |-\n" in text


def _page(tmp_path: Path, name: str, status_field: str, host: str = "{{ api-host }}") -> Path:
    path = tmp_path / "svc" / "api-ref" / "Thing" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"# Svc API, REST: Thing.{name.title()}\n\nDoes {name}.\n\n## HTTP request\n\n```\n"
        f"GET https://svc.{host}/svc/v1/things/{name}\n```\n\n"
        "## Response {#yandex.cloud.svc.v1.Thing}\n\n**HTTP Code: 200 - OK**\n\n#|\n||Field | Description ||\n"
        f"|| state | {status_field} ||\n|#\n",
        encoding="utf-8",
    )
    return path


def test_same_name_different_schema_names_both_pages(tmp_path: Path) -> None:
    _page(tmp_path, "get", "**string**\n\nState.")
    _page(tmp_path, "list", "**boolean**\n\nState.")
    with pytest.raises(ClientgenError) as info:
        import_docs([tmp_path])
    assert "Thing" in info.value.message and "get.md" in info.value.message and "list.md" in str(info.value.location)


def test_equal_schemas_are_shared_and_hosts_become_servers(tmp_path: Path) -> None:
    _page(tmp_path, "get", "**string**\n\nState.")
    _page(tmp_path, "list", "**string**\n\nState. 1-10 characters long.", host="other.example")
    result = import_docs([tmp_path])
    validate(result.spec)
    assert result.spec["components"]["schemas"]["Thing"]["properties"]["state"]["maxLength"] == 10
    assert result.spec["servers"] == [{"url": "https://svc.api.cloud.yandex.net"}]
    assert result.spec["paths"]["/svc/v1/things/list"]["get"]["servers"] == [{"url": "https://svc.other.example"}]


def test_variables_table_and_unknown_variable(tmp_path: Path) -> None:
    page = _page(tmp_path, "get", "**string**", host="{{ region-host }}")
    with pytest.raises(ClientgenError) as info:
        import_docs([page])
    assert "region-host" in info.value.message and info.value.location.line == 8
    spec = import_docs([page], variables={"region-host": "example.org"}).spec
    assert spec["servers"] == [{"url": "https://svc.example.org"}]


def test_unknown_construct_is_a_warning_and_strict_makes_it_an_error(tmp_path: Path) -> None:
    page = _page(tmp_path, "get", "**string**")
    page.write_text(page.read_text(encoding="utf-8") + "\n## Notes\n\nSomething new.\n", encoding="utf-8")
    result = import_docs([page])
    assert [w.kind for w in result.warnings] == ["unknown-construct"]
    assert result.warnings[0].location.line is not None
    with pytest.raises(StrictModeError):
        import_docs([page], strict=True)


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ClientgenError):
        import_docs([tmp_path / "nope.md"])
