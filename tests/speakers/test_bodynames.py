"""One body, one name: a campaign's and an outlet's forms settled across a corpus."""

import pandas as pd
import pytest

from newsquotes.speakers.corpus import canonicalize

ORG = "organisation"


@pytest.mark.parametrize(("rows", "expected"), [
    # a sentence's first word capitalised "The": the body keeps its lower-case "the"
    ([("a", "The Halvan campaign", ORG)], ["the Halvan campaign"]),
    ([("a", "The Kestra Times", ORG)], ["Kestra Times"]),  # a name: "the" goes
    # an owner's possessive is the corpus's "the ..." form
    ([("a", "Halvan's campaign", ORG), ("b", "The Halvan campaign", ORG),
      ("c", "Mrs. Mira Halvan’s campaign", ORG)], ["the Halvan campaign"] * 3),
    ([("a", "Halvan's campaign", ORG)], ["Halvan's campaign"]),  # no other form to join
    ([("a", "Halvan's former campaign", ORG), ("b", "the Halvan campaign", ORG)],
     ["Halvan's former campaign", "the Halvan campaign"]),
    # "the Times" is the one "... Times" its article names ...
    ([("a", "the Kestra Times", ORG), ("a", "The Times", ORG), ("b", "the Velora Times", ORG),
      ("c", "the Times", ORG)], ["Kestra Times", "Kestra Times", "Velora Times", "Times"]),
    # ... or the one the corpus names, where its article names none
    ([("a", "the Kestra Times", ORG), ("b", "the Times", ORG)], ["Kestra Times"] * 2),
    # a bare plural or a described body is no outlet's short name
    ([("a", "Senate Orlovians", ORG), ("b", "Orlovians", ORG),
      ("c", "the two leading Orlovians", ORG)], ["Senate Orlovians", "Orlovians", "Orlovians"]),
])
def test_a_body_has_one_name(rows, expected):
    frame = pd.DataFrame(rows, columns=["article_id", "speaker", "speaker_type"])
    assert canonicalize(frame)["speaker"].tolist() == expected
