"""Fixtures shared by the test modules."""

import pytest

from components import data


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store built from sample_data/ the way the dashboard builds it on first start."""
    path = tmp_path_factory.mktemp("sample") / "store"
    data.build_sample_store(path)
    return path
