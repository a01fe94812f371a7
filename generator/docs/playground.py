"""The ``apiPlayground`` JSON Schema of source pages, checked against the tables."""

from __future__ import annotations

from typing import Any

from generator.docs.model import OperationDef, SchemaDef
from generator.errors import Diagnostic


def check_playground(
    playground: Any, op: OperationDef, schemas: tuple[SchemaDef, ...], path: str, variables: Any
) -> list[Diagnostic]:
    return []
