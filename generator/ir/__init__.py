"""IR stage: a loaded spec becomes frozen dataclasses the renderers lay out."""

from generator.ir.normalize import Normalized, Target, normalize

__all__ = ["Normalized", "Target", "normalize"]
