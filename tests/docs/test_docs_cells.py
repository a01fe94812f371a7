"""Type cells, tables and enum lists in both page forms."""

from __future__ import annotations

from generator.docs.enums import find_enum
from generator.docs.markup import html_to_markdown, strip_links
from generator.docs.tables import read_pipe, read_yfm
from generator.docs.typecell import split_type


def test_scalar_with_format() -> None:
    ref, rest = split_type("**string** (int64)\n\nSize.")
    assert ref is not None and (ref.kind, ref.name, ref.detail) == ("scalar", "string", "int64")
    assert rest == "\n\nSize."


def test_message_reference_and_playground_name() -> None:
    ref, _ = split_type("**[Os](#yandex.cloud.compute.v1.Os2)**")
    assert ref is not None and (ref.kind, ref.name, ref.target) == ("message", "Os", "#yandex.cloud.compute.v1.Os2")
    tick, _ = split_type("**`Subject`**")
    assert tick is not None and (tick.kind, tick.name) == ("message", "Subject")


def test_map_and_enum() -> None:
    ref, _ = split_type("**object** (map<**string**, **[Value](#a.Value)**>)")
    assert ref is not None and ref.kind == "map"
    assert ref.key is not None and ref.key.name == "string"
    assert ref.value is not None and ref.value.target == "#a.Value"
    enum, _ = split_type("**enum** (Status)")
    assert enum is not None and (enum.kind, enum.name) == ("enum", "Status")


def test_no_type_prefix() -> None:
    assert split_type("<p>Required.</p>") == (None, "<p>Required.</p>")


def test_yfm_rows_span_lines() -> None:
    lines = ["#|", "||Field | Description ||", "|| a | **string**", "", "Text `x|y`. ||", "|| b | **boolean** ||", "|#"]
    table, end = read_yfm(lines, 0, 10)
    assert end == len(lines)
    assert table.header == ("Field", "Description")
    assert [r.cells for r in table.rows] == [("a", "**string**\n\nText `x|y`."), ("b", "**boolean**")]
    assert [r.line for r in table.rows] == [12, 15]


def test_pipe_rows_with_escaped_pipe() -> None:
    lines = ["Field | Description", "--- | ---", "a.<br>b | **string**<br><p>x ``\\|y``</p>", ""]
    table, _ = read_pipe(lines, 0, 1)
    assert table.rows[0].cells == ("a.<br>b", "**string**<br><p>x ``|y``</p>")


def test_html_cell_to_markdown() -> None:
    cell = '<p>Status.</p> <ul> <li>UP: <a href="/x">Up</a>.</li> <li>DOWN: Down.</li> </ul> <p>The end.</p>'
    assert html_to_markdown(cell) == "Status.\n\n- UP: Up.\n- DOWN: Down.\n\nThe end."


def test_links_become_text() -> None:
    assert strip_links("see [Operation](/docs/op#x) and [page_size] ok") == "see Operation and [page_size] ok"


def test_enum_lists() -> None:
    new = find_enum("Status.\n\n- `STATUS_UNSPECIFIED`\n- `UP`: Zone is\navailable.\n- `DOWN`: Not.", upper_only=False)
    assert new is not None and new.values == ("STATUS_UNSPECIFIED", "UP", "DOWN")
    assert dict(new.descriptions) == {"UP": "Zone is available.", "DOWN": "Not."}
    assert find_enum("- `allUsers`: anyone.", upper_only=True) is None
