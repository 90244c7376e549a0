"""Every word table of the extractor and the speakers code, once each (a base layer: it
imports nothing of the project, and any stage may import it)."""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """Give the whitespace-separated words of a table written as one block of text."""
    return frozenset(block.split())
