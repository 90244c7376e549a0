"""Helpers for the ingest tests: read paths into (articles, rejections)."""

from __future__ import annotations

import pytest

from newsquotes.ingest.files import read_paths
from newsquotes.records import Article

STORY = ("Ferry fares rise\n\nBy Jane Doe\n\nMarch 10, 2022\n\n"
         "Ferry fares rose by a tenth on Monday, the harbour board said, blaming the price "
         "of fuel.\n")
BODY = ("Ferry fares rose by a tenth on Monday, the harbour board said, blaming the price "
        "of fuel.")


def read_all(*paths, limits=None):
    """Give ([articles], [(origin, reason)]) of everything in `paths`."""
    items = list(read_paths(paths, limits))
    return ([i for i in items if isinstance(i, Article)],
            [(i.origin, i.reason) for i in items if not isinstance(i, Article)])


@pytest.fixture
def read():
    return read_all
