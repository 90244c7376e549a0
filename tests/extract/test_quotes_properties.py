"""Properties of the extractor on any input: no exception, valid offsets, no overlaps."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsquotes.extract.pipeline import extract_statements
from newsquotes.extract.quotemarks import find_quotes

# Text built from the pieces that make quotation and attribution hard, plus any characters.
PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "«", "»", " said ", " he said.", "Pell Marrow", " told ",
    " according to ", ",", ".", ":", "\n", "\n\n", " the harbour is closed", "We tried",
    " added Tavi Rennick.", "Borland’s", " don’t ", " ",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES | st.text(max_size=5),
                                                   max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_statements_have_valid_offsets_and_never_overlap(text):
    statements = extract_statements(text)
    for s in statements:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        if s.speaker_mention_start is not None:
            assert text[s.speaker_mention_start:s.speaker_mention_end] == s.speaker_mention
    spans = sorted((s.start, s.end) for s in statements)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_quote_spans_are_ordered_and_disjoint(text):
    quotes = find_quotes(text)
    for q in quotes:
        assert q.start <= q.content_start < q.content_end <= q.end <= len(text)
    for a, b in zip(quotes, quotes[1:], strict=False):
        assert a.end <= b.start
