"""Rows → property schemas: types, maps, enums, wrappers, and where keywords land."""

from __future__ import annotations

from typing import Any

from generator.docs.fields import build_field
from generator.docs.scalars import well_known
from generator.docs.typecell import TypeRef, split_type
from generator.errors import Location

HERE = Location("page.md", 1)


def _no_refs(ref: TypeRef) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{ref.name}"}


def field(name: str, cell: str) -> Any:
    ref, rest = split_type(cell)
    return build_field(name, ref, rest.strip(), HERE, _no_refs)


def test_int64_is_a_string_with_numeric_bounds() -> None:
    f = field("pageSize", "**string** (int64)\n\nPage size.\nThe value must be less than or equal to 1000.")
    assert f.schema == {"type": "string", "format": "int64", "description": "Page size.", "maximum": 1000}


def test_formats() -> None:
    assert field("t", "**string** (date-time)").schema == {"type": "string", "format": "date-time"}
    assert field("m", "**string** (field-mask)").schema == {"type": "string", "format": "field-mask"}
    assert field("c", "**integer** (int32)").schema == {"type": "integer", "format": "int32"}
    assert field("w", "**integer** (int64)").schema == {"type": "string", "format": "int64", "nullable": True}
    any_ref, _ = split_type("**[Any](https://x/google.protobuf#google.protobuf.Any)**")
    assert any_ref is not None and well_known(any_ref) == {"type": "object"}


def test_maps_both_spellings_with_key_and_value_rules() -> None:
    typed = field("labels", "**object** (map<**string**, **string**>)\n\nLabels. No more than 64 per resource. "
                  "The string length in characters for each key must be 1-63. "
                  "The maximum string length in characters for each value is 63.")
    assert typed.schema == {
        "type": "object", "description": "Labels.",
        "additionalProperties": {"type": "string", "maxLength": 63},
        "x-property-names": {"minLength": 1, "maxLength": 63}, "maxProperties": 64,
    }
    lossy = field("labels", "**string**\n\nResource labels as `` key:value `` pairs. Maximum of 64 per resource.")
    assert lossy.schema["additionalProperties"] == {"type": "string"} and lossy.schema["maxProperties"] == 64


def test_array_rules_split_between_list_and_items() -> None:
    f = field("ids[]", "**string**\n\nIDs. The maximum number of elements is 10. The maximum string length in characters is 50.")
    assert f.name == "ids"
    assert f.schema == {"type": "array", "description": "IDs.", "items": {"type": "string", "maxLength": 50}, "maxItems": 10}


def test_enum_new_and_old_forms() -> None:
    new = field("status", "**enum** (Status)\n\nState.\n\n- `STATUS_UNSPECIFIED`\n- `UP`: Up.")
    assert new.schema["enum"] == ["STATUS_UNSPECIFIED", "UP"]
    assert new.schema["x-enum-descriptions"] == {"UP": "Up."}
    old = field("status", "**string**\n\nState.\n\n- UP: Up.\n- DOWN: Down.")
    assert old.schema["enum"] == ["UP", "DOWN"]


def test_required_default_and_message_reference() -> None:
    f = field("os", "**[Os](#a.Os)**\n\nRequired field. The OS.")
    assert f.required and f.schema == {"$ref": "#/components/schemas/Os", "description": "The OS."}
    d = field("pageSize", "**string** (int64)\n\nSize.\nDefault value: 100.")
    assert d.schema["default"] == "100"
    b = field("flag", "**boolean**\n\nDefault value: true.")
    assert b.schema["default"] is True


def test_untyped_parameter_of_older_form() -> None:
    ref, rest = split_type("<p>Page size.</p> <p>The maximum value is 1000.</p>")
    from generator.docs.markup import html_to_markdown

    f = build_field("pageSize", ref, html_to_markdown(rest), HERE, _no_refs)
    assert f.schema == {"type": "string", "format": "int64", "description": "Page size.", "maximum": 1000}


def test_rule_that_does_not_fit_is_reported() -> None:
    f = field("flag", "**boolean**\n\nThe maximum string length in characters is 5.")
    assert [d.kind for d in f.diagnostics] == ["unplaced-constraint"]
