"""Map a pointer in the final document back to the file and line it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.errors import Location
from generator.spec.pointers import Origin, OriginMap, PointerMoves
from generator.spec.source import SourceDocument


@dataclass(frozen=True)
class Locator:
    """Undo the moves of conversion, then follow bundling origins to a source file.

    ``sources`` maps a document key to its parsed file and ``names`` gives the file
    name to show for it.
    """

    origins: OriginMap
    sources: Mapping[str, SourceDocument]
    names: Mapping[str, str]
    moves: PointerMoves = field(default_factory=PointerMoves)
    overrides: OriginMap = field(default_factory=OriginMap)

    def locate(self, pointer: str) -> Location:
        origin = self.overrides.find(pointer) or self.origins.find(self.moves.back(pointer))
        if origin is None or origin.document not in self.sources:
            return Location("", None, pointer or "/")
        source = self.sources[origin.document]
        name = self.names.get(origin.document, str(source.path))
        return Location(name, source.line_of(origin.pointer), origin.pointer or "/")

    def with_moves(self, moves: PointerMoves) -> Locator:
        return Locator(self.origins, self.sources, self.names, moves, self.overrides)

    def with_overrides(self, overrides: Mapping[str, Origin], source: SourceDocument, name: str) -> Locator:
        """Parts replaced after conversion (overlays) point at their own file."""
        key = f"overlay:{source.path}"
        table = {**self.overrides.origins, **{p: Origin(key, o.pointer) for p, o in overrides.items()}}
        return Locator(
            self.origins, {**self.sources, key: source}, {**self.names, key: name}, self.moves, OriginMap(table)
        )
