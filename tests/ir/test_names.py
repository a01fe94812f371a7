"""Names decided once in the IR: always valid, stable and readable."""

from __future__ import annotations

import keyword

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.ir.names import RESERVED_PARAMETER_NAMES, parameter_name, pascal_case, pluralize, snake_case, unique


@pytest.mark.parametrize(
    ("raw", "snake", "pascal"),
    [
        ("imageId", "image_id", "ImageId"),
        ("ListOperations", "list_operations", "ListOperations"),
        ("HTTPServer", "http_server", "HttpServer"),
        ("pet-store.v2", "pet_store_v2", "PetStoreV2"),
        ("class", "class_", "Class"),
        ("123abc", "value_123abc", "Model123abc"),
        ("Größe", "groe", "Groe"),
        ("日本", "value", "Model"),
        ("", "value", "Model"),
        ("../../etc/passwd", "etc_passwd", "EtcPasswd"),
        ('"""; import os', "import_os", "ImportOs"),
    ],
)
def test_spellings(raw: str, snake: str, pascal: str) -> None:
    assert snake_case(raw) == snake
    assert pascal_case(raw) == pascal


def test_parameters_never_take_names_the_method_body_uses() -> None:
    for name in RESERVED_PARAMETER_NAMES:
        assert parameter_name(name) != name
    assert parameter_name("type") == "type"  # common and harmless: kept readable
    assert parameter_name("print") == "print_"


def test_pluralize_and_unique() -> None:
    assert [pluralize(w) for w in ("image", "disk_type", "policy", "address", "key")] == [
        "images", "disk_types", "policies", "addresses", "keys",
    ]
    assert unique("get", {"get", "get_2"}) == "get_3"


@given(st.text())
def test_any_text_gives_a_python_identifier(text: str) -> None:
    for name in (snake_case(text), pascal_case(text), parameter_name(text)):
        assert name.isidentifier() and name.isascii()
        assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name)


@given(st.text())
def test_names_are_stable(text: str) -> None:
    assert snake_case(text) == snake_case(text) and pascal_case(text) == pascal_case(text)
