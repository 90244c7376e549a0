"""Whether a person's known role is another office than a role phrase (written for these
tests)."""

from __future__ import annotations

import pytest

from newsquotes.speakers.roles import other_role


@pytest.mark.parametrize("person_role, role, expected", [
    ("prime minister", "foreign minister", True),
    ("foreign minister", "foreign minister", False),
    ("sen.", "senator", False),
    ("ms.", "former first lady", False),  # a courtesy title is no office
    ("", "senator", False),
    ("governor", "former governor", False),
])
def test_other_role(person_role, role, expected):
    assert other_role(person_role, role) is expected
