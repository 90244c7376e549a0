"""Which language an article is written in, told by py3langid (langid.py's naive Bayes
model, shipped in its wheel: nothing is downloaded) on the start of the body.

A language is set only when the model is sure of it; a short or unclear text gets "" (not
known), which the store extracts as English, so a terse English brief is never skipped.
"""

from __future__ import annotations

import functools
import re

# Characters of the body the model reads: a few paragraphs tell the language, and the model's
# cost grows with the text.
SAMPLE_CHARS = 4000
# Below this many words a language is not called (a headline, a caption).
MIN_WORDS = 8
# The normalised probability the model must give its best language.
MIN_CONFIDENCE = 0.9
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> tuple[str, bool]:
    """Give (ISO 639-1 code or "" when unsure, is English or not known)."""
    sample = text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return "", True
    lang, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return "", True
    return lang, lang == "en"
