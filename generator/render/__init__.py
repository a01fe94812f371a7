"""Render stage: IR → the generated project's files, formatted, in memory."""

from generator.render.package import RenderOptions, render_package

__all__ = ["RenderOptions", "render_package"]
