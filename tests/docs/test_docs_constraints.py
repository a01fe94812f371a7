"""Constraint sentences: each form → its keywords, and prose that only looks similar stays."""

from __future__ import annotations

from typing import Any

import pytest

from generator.docs.constraints import extract


@pytest.mark.parametrize(
    ("sentence", "bucket", "expected"),
    [
        ("The length must be less than or equal to 50.", "value", {"maxLength": 50}),
        ("The maximum string length in characters is 100.", "value", {"maxLength": 100}),
        ("1-63 characters long.", "value", {"minLength": 1, "maxLength": 63}),
        ("The value must be less than or equal to 1000.", "value", {"maximum": 1000}),
        ("The value must be greater than or equal to 1.", "value", {"minimum": 1}),
        ("The maximum value is 1000.", "value", {"maximum": 1000}),
        ("Acceptable values are 0 to 1000, inclusive.", "value", {"minimum": 0, "maximum": 1000}),
        ("The maximum number of elements is 1000.", "count", {"max": 1000}),
        ("The number of elements must be in the range 1-1000.", "count", {"min": 1, "max": 1000}),
        ("Maximum of 64 per resource.", "count", {"max": 64}),
        ("No more than 64 per resource.", "count", {"max": 64}),
        ("Value must match the regular expression `[a-z]*`.", "value", {"pattern": "[a-z]*"}),
        ("Value must match the regular expression ``\\|[a-z]``.", "value", {"pattern": "\\|[a-z]"}),
        ("Each key must match the regular expression ` [a-z][-_0-9a-z]* `.", "keys", {"pattern": "[a-z][-_0-9a-z]*"}),
        ("The string length in characters for each key must be 1-63.", "keys", {"minLength": 1, "maxLength": 63}),
        ("The maximum string length in characters for each value is 63.", "values", {"maxLength": 63}),
    ],
)
def test_sentence_becomes_keywords(sentence: str, bucket: str, expected: dict[str, Any]) -> None:
    found = extract(f"Some prose. {sentence} More prose.")
    assert getattr(found, bucket) == expected
    assert found.text == "Some prose. More prose."


@pytest.mark.parametrize("sentence", ["Required field.", "Required.", "This field is required."])
def test_required(sentence: str) -> None:
    found = extract(f"{sentence} ID of the disk.")
    assert found.required and found.text == "ID of the disk."


def test_rule_about_part_of_the_value_stays_prose() -> None:
    text = "3. The value in double quotes. Must be 3-63 characters long and match the regular expression `[a-z]`."
    found = extract(text)
    assert found.value == {} and found.text == text


def test_oneof_both_spellings() -> None:
    assert extract("Includes only one of the fields `a`, `b`, `c`.").oneof == ("a", "b", "c")
    old = extract("includes only one of the fields `imageId`, `snapshotId`\n\nID of the image.")
    assert old.oneof == ("imageId", "snapshotId") and old.text == "ID of the image."


def test_default_and_line_structure_kept() -> None:
    found = extract("The maximum number of results.\nIf larger, a token is returned.\nDefault value: 100.")
    assert found.default == "100"
    assert found.text == "The maximum number of results.\nIf larger, a token is returned."


def test_code_span_dots_do_not_split_sentences() -> None:
    found = extract("Each value must match the regular expression `[-_./\\@0-9a-z]*`. Done.")
    assert found.values == {"pattern": "[-_./\\@0-9a-z]*"} and found.text == "Done."
