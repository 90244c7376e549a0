"""The extractor's own bounds, so that no input under the file limit costs more than about
1 GB or 30 s: each bound, when reached, adds a flag to the article's extraction instead of
failing it.

Where a number comes from: polnear-dev, the seed and the sample corpus (570 real and written
articles) have at most a 1,516-character sentence, a 6,828-character quotation, 56 quotations
and 114 statements in one article, and 16,520 characters parsed in one article; each bound
is above that. spaCy's memory grows faster than the length of the pieces of a batch (200,000
characters in 5,000-character pieces peaked at 890 MB, in 2,000-character ones at 550 MB), its
time with all characters parsed (about 15 s for 200,000 characters of one article on one core, see
benchmarks/bench_extract_limits.py).
"""

from __future__ import annotations

from newsquotes.config import Limits

_LIMITS = Limits()
# Longest sentence parsed, in characters: a longer one (a run-on line, a table flattened to
# text) is skipped.
MAX_SENTENCE_CHARS = _LIMITS.max_sentence_chars
# Longest piece handed to the parser, in characters (a run of sentences is cut after a full
# stop to fit).
MAX_PIECE_CHARS = _LIMITS.max_piece_chars
# Longest quotation, in characters: a longer span is an unclosed mark, not a quotation.
MAX_QUOTE_CHARS = _LIMITS.max_quotation_chars
# Most quotations read in one article (the first ones are kept).
MAX_QUOTES = _LIMITS.max_quotations
# Most characters of one article read at all (the text's evidence about names is read from
# the whole text, parsed or not): the rest is left out.
MAX_TEXT_CHARS = _LIMITS.max_text_chars
# Most characters parsed in one article (the first pieces are kept).
MAX_PARSED_CHARS = _LIMITS.max_parsed_chars
# Most statements given for one article (the first ones are kept).
MAX_STATEMENTS = _LIMITS.max_statements

# The flag each bound adds to an article's extraction when reached.
SENTENCE_TOO_LONG = "sentence_too_long"
QUOTE_TOO_LONG = "quote_too_long"
TOO_MANY_QUOTES = "too_many_quotes"
TOO_MUCH_TEXT = "too_much_text"
TOO_MANY_STATEMENTS = "too_many_statements"
# Not a bound: the article's extraction failed and it has no statements.
FAILED = "extraction_failed"
