"""Python bindings for TableStream (wrapping the Go implementation)."""

__version__ = "0.1.0"
