"""clientgen: API documentation in, typed Python clients out."""

__version__ = "0.1.0"
