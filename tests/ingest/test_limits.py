"""The one table of limits, and the places that must agree with it."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from newsquotes.config import MB, Limits

ROOT = Path(__file__).resolve().parents[2]


def test_the_upload_limit_of_the_server_is_the_table_s():
    toml = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert toml["server"]["maxUploadSize"] * MB == Limits().max_upload_bytes


def test_an_upload_may_be_as_large_as_a_file_and_no_larger():
    assert Limits().max_upload_bytes == Limits().max_file_bytes == 20 * MB


def test_the_table_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Limits().max_members = 5  # type: ignore[misc]


def test_the_upload_accepts_exactly_the_types_ingest_reads():
    from components.uploads import FORMATS
    from newsquotes.ingest.files import UPLOAD_TYPES

    assert FORMATS is UPLOAD_TYPES
    assert {"txt", "html", "json", "jsonl", "csv", "rss", "atom", "xml", "gz", "zip", "tar",
            "tgz", "warc"} <= set(FORMATS)
