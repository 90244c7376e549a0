"""VADER sentiment per statement, and the words that carried each score.

Scores are vaderSentiment's `polarity_scores`, unchanged. `explain` reruns VADER's own
per-word steps (`sentiment_valence`, which applies negation, boosters and idioms, then
`_but_check`) so the valences it reports are the ones VADER summed into the compound.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from newsquotes.schema import SENTIMENT_COLUMNS

# VADER's own thresholds for its labels (vaderSentiment README, "About the Scoring").
POSITIVE_AT = 0.05
NEGATIVE_AT = -0.05
LABELS = ("positive", "neutral", "negative")

_analyzer: SentimentIntensityAnalyzer | None = None


def analyzer() -> SentimentIntensityAnalyzer:
    """Give the one VADER analyzer of this process (made on first use: it reads the lexicon)."""
    global _analyzer
    if _analyzer is None:
        _analyzer = SentimentIntensityAnalyzer()
    return _analyzer


def label(compound: float) -> str:
    """Give VADER's label for a compound score: positive, negative or neutral."""
    if compound >= POSITIVE_AT:
        return "positive"
    if compound <= NEGATIVE_AT:
        return "negative"
    return "neutral"


def score_texts(texts: Iterable[str]) -> pd.DataFrame:
    """Give one row per text: VADER's compound, pos, neu, neg and its label."""
    texts = list(texts)
    sia = analyzer()
    # Statements repeat (a quote carried by several stories); score each distinct text once.
    scores = {text: sia.polarity_scores(text) for text in dict.fromkeys(texts)}
    frame = pd.DataFrame(
        [scores[text] for text in texts], columns=["compound", "pos", "neu", "neg"], dtype=float
    )
    frame["label"] = [label(c) for c in frame["compound"]]
    return frame[SENTIMENT_COLUMNS]


@dataclass(frozen=True)
class WordEffect:
    """A word VADER found in its lexicon, where it is in the text, and what it added.

    `valence` is what VADER summed for this word after negation, boosters, idioms and
    "but"; `lexicon_valence` is the word's own rating in the lexicon.
    """

    token: str
    start: int
    end: int
    valence: float
    lexicon_valence: float


def _without_emoji(text: str, emojis: dict[str, str]) -> tuple[str, list[int]]:
    """Give VADER's emoji-free text and, for each of its characters, its index in `text`."""
    # Mirrors the first loop of `polarity_scores`, keeping where each character came from.
    out: list[str] = []
    origin: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch in emojis:
            piece = ("" if prev_space else " ") + emojis[ch]
            out.append(piece)
            origin.extend([i] * len(piece))
            prev_space = False
        else:
            out.append(ch)
            origin.append(i)
            prev_space = ch == " "
    converted = "".join(out)
    lead = len(converted) - len(converted.lstrip())
    stripped = converted.strip()
    return stripped, origin[lead:lead + len(stripped)]


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Give the span of each of VADER's words in `text` (`SentiText._words_and_emoticons`)."""
    spans = []
    for m in re.finditer(r"\S+", text):
        token = m.group()
        stripped = token.strip(string.punctuation)
        if len(stripped) <= 2:  # VADER keeps short tokens whole: likely emoticons
            spans.append((m.start(), m.end()))
        else:
            start = m.start() + len(token) - len(token.lstrip(string.punctuation))
            spans.append((start, start + len(stripped)))
    return spans


def word_valences(text: str) -> list[float]:
    """Give the valence VADER summed for each of its words in `text`, in order."""
    return _valences(text)[1]


def _valences(text: str) -> tuple[SentiText, list[float], str, list[int]]:
    sia = analyzer()
    clean, origin = _without_emoji(text, sia.emojis)
    senti = SentiText(clean)
    words = senti.words_and_emoticons
    sentiments: list[float] = []
    # The same loop as `polarity_scores`: boosters and "kind of" add nothing themselves.
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = sia.sentiment_valence(0, senti, item, i, sentiments)
    sentiments = sia._but_check(words, sentiments)
    return senti, sentiments, clean, origin


def explain(text: str) -> list[WordEffect]:
    """Give the lexicon words of `text` with the valence VADER gave each, in text order."""
    sia = analyzer()
    senti, valences, clean, origin = _valences(text)
    effects = []
    spans = _word_spans(clean)
    for word, valence, (start, end) in zip(senti.words_and_emoticons, valences, spans,
                                           strict=True):
        rating = sia.lexicon.get(word.lower())
        if rating is None:
            continue
        first, last = origin[start], origin[end - 1]
        effects.append(WordEffect(text[first:last + 1], first, last + 1, float(valence), rating))
    return effects
