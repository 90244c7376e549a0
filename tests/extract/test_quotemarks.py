"""Quotation-mark spans on raw text: every kind of mark, apostrophes, broken pairs."""

import pytest

from newsquotes.extract.quotemarks import find_quotes, for_parser, paragraphs


def contents(text: str) -> list[str]:
    return [text[q.content_start:q.content_end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “we will win the vote.”", ["we will win the vote."]),
        ('He said "the bridge is closed."', ["the bridge is closed."]),
        ("Elle a dit « nous partons demain ».", ["nous partons demain"]),
        ("‘We are ready,’ said Ana Pell.", ["We are ready"]),
        # mismatched marks: an opening mark used again to close
        ("They rejected “our offer on grain prices“.", ["our offer on grain prices"]),
        # interrupted quote: two spans
        ("“First part,” he said. “Second part.”", ["First part", "Second part."]),
        # apostrophes are not quotation marks
        ("Borland’s mayor doesn’t agree with the councils’ plan.", []),
        ("It's the mayor's view that rock 'n' roll won't stop.", []),
        # a single-quoted subhead is a quotation span (the extractor decides it is no statement)
        ("Tried ‘peaceful means’", ["peaceful means"]),
        # nested single quotes stay inside their double-quoted parent
        ("“He told me ‘never again’ twice,” she said.", ["He told me ‘never again’ twice"]),
        ("A 6'2\" guard and a 12\" pipe.", []),
        # straight quotes nested in straight quotes, glued to the word before: one span
        ('The sign read: "Keep out. print("hi") We mean it."',
         ['Keep out. print("hi") We mean it.']),
        ('The banner read: "Go home. <a href="x">here</a> Now."',
         ['Go home. <a href="x">here</a> Now.']),
        # ...while quotes after a space still pair as they come
        ('"We tried," Ana Pell said, "and we failed."', ["We tried", "and we failed."]),
        ('He said "yes" and she said "no" to it.', ["yes", "no"]),
        ("''We are ready,'' she said.", ["We are ready"]),
        ("", []),
    ],
)
def test_quote_contents(text, expected):
    assert contents(text) == expected


def test_multi_paragraph_quote_is_one_span():
    text = "Tam Orrel said:\n\n“The first part goes on.\n\n“The second part ends here.”\n\nNext."
    (q,) = find_quotes(text)
    assert text[q.content_start:q.content_end] == (
        "The first part goes on.\n\n“The second part ends here."
    )
    assert q.closed


def test_unclosed_quote_ends_at_paragraph_end():
    text = "She said “this one never closes at all\n\nA new paragraph."
    (q,) = find_quotes(text)
    assert text[q.content_start:q.content_end] == "this one never closes at all"
    assert not q.closed


def test_paragraphs_skip_blank_lines():
    assert paragraphs("a\n\n  \nbc\n") == [(0, 1), (6, 8)]


@pytest.mark.parametrize(("text", "expected"), [
    ("taxes ― as was true ― he said", "taxes — as was true — he said"),
    ("pages 10‒12", "pages 10–12"),
    ("no dash here, “or” here", "no dash here, “or” here"),
])
def test_for_parser_replaces_misread_dashes_one_for_one(text, expected):
    assert for_parser(text) == expected
