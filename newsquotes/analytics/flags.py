"""What an article's flags mean, in plain words: the ingest's (a date it could not read, bytes
it had to replace) and the extractor's (a bound that cut what was searched: the names of
`extract.limits`, which a test holds this table to)."""

from __future__ import annotations

MEANINGS = {
    "no_date": "no date was found, so the article is on no timeline",
    "date_unparsed": "the date given could not be read (it is kept in the flag)",
    "date_crawled": "the date is when the page was crawled, not one the page gives",
    "bad_bytes": "bytes that were not valid text were replaced (the number in the flag)",
    "truncated": "the text is a shortened export (it ends in '[+N chars]')",
    "summary_only": "the feed gave only a summary, not the full text",
    "not_english": "not in English: stored, not searched for statements",
    "sentence_too_long": "a sentence over the length limit was not searched",
    "quote_too_long": "a quotation mark opened a span over the limit: not read as a quote",
    "too_many_quotes": "more quotations than the limit: only the first were read",
    "too_much_text": "longer than the limit: only the first part was searched",
    "too_many_statements": "more statements than the limit: only the first are kept",
    "extraction_failed": "the extractor failed on this article: it holds no statement",
}


def flag_name(flag: str) -> str:
    """Give a flag's name without its value ("bad_bytes=3" -> "bad_bytes")."""
    return flag.split("=", 1)[0]


def meaning(flag: str) -> str:
    """Give what `flag` (with or without its value) means."""
    return MEANINGS.get(flag_name(flag), "a flag of an earlier version")


def explained(flags: str | None) -> list[tuple[str, str]]:
    """Give (flag, meaning) for each flag of an article's `flags` ("a;b=1"), in their order."""
    return [(f, meaning(f)) for f in str(flags or "").split(";") if f]
