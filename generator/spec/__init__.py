"""Spec stage: a file on disk becomes one validated OpenAPI document in memory."""

from generator.spec.loader import Spec, load_spec

__all__ = ["Spec", "load_spec"]
