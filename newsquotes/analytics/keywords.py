"""Keywords of statements: content lemmas and bigrams, their frequencies, what is distinctive.

Lemmas come from a regex tokenizer and spaCy's own English lemma tables (the noun and verb
rules, exceptions and word lists of the installed model's rule lemmatizer), applied without
a tagger: running the tagger to choose the part of speech is what makes spaCy's lemmatizer
slow (figures in benchmarks/bench_analytics.py). A word is read as a noun first (plurals
are by far the commonest inflection in news), then as an irregular verb form, then as a
regular -s/-ed verb form; -ing forms are left alone ("meeting", "funding"), and so are a
few plurals whose news sense is the plural ("talks", "arms", "media"). Capitalised words
inside a sentence are taken as names and only lower-cased ("United States" stays
"united states").

A bigram is two adjacent content words with only white space between them. Every
statement keeps all its bigrams; `frequencies` and `distinctive_terms` keep only those
that recur (in at least two statements of the set counted), which drops one-off pairings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

import numpy as np
import pandas as pd
from spacy.lang.en.stop_words import STOP_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Speech verbs and news filler: words every quote in a news story carries.
NEWS_STOP_WORDS = _words("""
say said says saying tell told tells telling add added adds adding according accord
stated ask asked asks note noted explain explained claim claimed insist insisted
stress stressed warn warned warns announce announced comment commented remark remarked reply
replied respond responded declare declared mention mentioned quote quoted speak spoke spoken
think thought believe believed want wanted going get got thing things lot lots way really
mr mrs ms dr yes okay ok also just like well still even yet however
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
day week month year time come came
spokesman spokeswoman spokesperson interview statement
""")
STOP = frozenset(STOP_WORDS) | NEWS_STOP_WORDS

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# After one of these a capital letter may only start a sentence or a quote.
_OPENS_SENTENCE = re.compile(r"[.!?:;\"“‘(\[—–]")
_CONTRACTIONS = ("'t", "'re", "'ve", "'ll", "'d", "'m")
MIN_BIGRAM_STATEMENTS = 2
# Plurals whose sense in the news is the plural one, and Latin plurals spaCy would undo.
_KEEP = _words("""news arms talks means troops media data series species physics politics
economics affairs goods headquarters left ground""")


@cache
def _tables() -> dict[str, object]:
    """Give the lemma index, exceptions and rules of the English model's rule lemmatizer."""
    from newsquotes.nlp import load_model

    lookups = load_model().get_pipe("lemmatizer").lookups
    index, exc, rules = (lookups.get_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    return {
        "noun_index": set(index["noun"]), "verb_index": set(index["verb"]),
        "adj_index": set(index["adj"]), "noun_exc": dict(exc["noun"]),
        "verb_exc": dict(exc["verb"]), "noun_rules": [tuple(r) for r in rules["noun"]],
        # -ing forms are left alone (see the module docstring)
        "verb_rules": [tuple(r) for r in rules["verb"] if r[0] != "ing"],
    }


def _by_rules(word: str, rules: list[tuple[str, str]], index: set[str]) -> str | None:
    for old, new in rules:
        # "pass", "press", "congress": a double s ends a base form, not a plural
        if word.endswith(old) and not (old == "s" and word.endswith("ss")):
            form = word[: len(word) - len(old)] + new
            if form and form in index:
                return form
    return None


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Give the lemma of a lower-case word: noun reading first, then -s/-ed verb forms."""
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{lemma(last)}" if last else word
    t = _tables()
    if word in _KEEP:
        return word
    if word in t["noun_exc"]:
        return t["noun_exc"][word][0]
    form = _by_rules(word, t["noun_rules"], t["noun_index"])
    if form:
        return form
    # Irregular past forms before the word lists, which also hold "sent", "won", "held"
    # as nouns or adjectives.
    if word in t["verb_exc"]:
        return t["verb_exc"][word][0]
    if word in t["noun_index"] or word in t["adj_index"] or word in t["verb_index"]:
        return word
    return _by_rules(word, t["verb_rules"], t["verb_index"]) or word


def _content_word(token: str, opens_sentence: bool) -> str | None:
    """Give the term for a token, or None for a stop word, a contraction or a letter."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word, token = word[:-2], token[:-2]
    if word.endswith(_CONTRACTIONS) or len(word) < 2 or word in STOP:
        return None
    if token[0].isupper() and not opens_sentence:
        return word
    word = lemma(word)
    return None if word in STOP else word


def text_terms(text: str) -> list[str]:
    """Give the content lemmas of one text and the bigrams of adjacent ones, in text order."""
    terms: list[str] = []
    previous: str | None = None
    end = 0
    for m in _TOKEN.finditer(text):
        gap = text[end:m.start()]
        opens_sentence = end == 0 or _OPENS_SENTENCE.search(gap) is not None
        end = m.end()
        word = _content_word(m.group(), opens_sentence)
        if word is None:
            previous = None
            continue
        terms.append(word)
        if previous is not None and gap.isspace():
            terms.append(f"{previous} {word}")
        previous = word
    return terms


def statement_terms(texts: Iterable[str]) -> list[list[str]]:
    """Give the terms (content lemmas and bigrams) of each text."""
    return [text_terms(text) for text in texts]


def as_lists(terms: Iterable) -> list[list[str]]:
    """Give each statement's terms as a list; a missing value (None, NaN) is no terms."""
    # Terms read back from Parquet are numpy arrays; a row added without terms may be None.
    return [list(doc) if doc is not None and not isinstance(doc, float) else []
            for doc in terms]


def _recurring_bigrams(terms: list[list[str]]) -> set[str]:
    seen = Counter(t for doc in terms for t in {t for t in doc if " " in t})
    return {t for t, n in seen.items() if n >= MIN_BIGRAM_STATEMENTS}


def term_counts(terms: Iterable[list[str]]) -> Counter:
    """Give how often each term occurs, bigrams only where they recur across statements."""
    terms = as_lists(terms)
    keep = _recurring_bigrams(terms)
    return Counter(t for doc in terms for t in doc if " " not in t or t in keep)


def frequencies(terms: Iterable[list[str]], top: int | None = None) -> dict[str, float]:
    """Give term -> count (most frequent first), ready for `WordCloud.generate_from_frequencies`."""
    counts = sorted(term_counts(terms).items(), key=lambda kv: (-kv[1], kv[0]))
    return {term: float(n) for term, n in counts[:top]}


DISTINCTIVE_COLUMNS = ["term", "log_odds", "z", "count_a", "count_b"]


def distinctive_terms(
    terms_a: Iterable[list[str]],
    terms_b: Iterable[list[str]],
    prior: Mapping[str, float] | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Give the weighted log-odds of each term in a against b, with its z-score, highest z first.

    Monroe, Colaresi and Quinn (2008), "Fightin' Words", eq. 22, with an informative Dirichlet
    prior: alpha_w is the term's count in `prior` (default: the counts of a and b together,
    i.e. the corpus) and alpha_0 the prior's total. For term w with counts y_a, y_b and totals
    n_a, n_b:
        delta = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
              - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
        z = delta / sqrt(1 / (y_a + alpha_w) + 1 / (y_b + alpha_w))
    Terms the prior does not count, and terms seen fewer than `min_count` times in a and b,
    are left out.
    """
    terms_a, terms_b = as_lists(terms_a), as_lists(terms_b)
    keep = _recurring_bigrams(terms_a + terms_b)

    def count(docs: list[list[str]]) -> Counter:
        return Counter(t for doc in docs for t in doc if " " not in t or t in keep)

    a, b = count(terms_a), count(terms_b)
    prior = dict(prior) if prior is not None else a + b
    vocab = sorted(t for t in set(a) | set(b)
                   if a[t] + b[t] >= min_count and prior.get(t, 0) > 0)
    return _log_odds(vocab, np.array([a[t] for t in vocab], dtype=float),
                     np.array([b[t] for t in vocab], dtype=float),
                     np.array([prior[t] for t in vocab], dtype=float),
                     float(sum(prior.values())), float(sum(a.values())), float(sum(b.values())))


def _log_odds(
    vocab: list[str], y_a: np.ndarray, y_b: np.ndarray, alpha: np.ndarray, alpha0: float,
    n_a: float, n_b: float,
) -> pd.DataFrame:
    """Give the table of `distinctive_terms` from counts and prior per term of `vocab`."""
    if not vocab:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in DISTINCTIVE_COLUMNS}).astype(
            {"term": object, "count_a": "int64", "count_b": "int64"})
    delta = (np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
             - np.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha)))
    z = delta / np.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
    out = pd.DataFrame({"term": vocab, "log_odds": delta, "z": z,
                        "count_a": y_a.astype("int64"), "count_b": y_b.astype("int64")})
    return out.sort_values(["z", "term"], ascending=[False, True], kind="stable").reset_index(
        drop=True)


def log_odds(vocab: list[str], y_a: np.ndarray, y_b: np.ndarray,
             min_count: int = 1) -> pd.DataFrame:
    """Give `distinctive_terms` from the counts per term of `vocab` in a and in b, with the
    default prior (the counts of a and b together)."""
    prior = y_a + y_b
    keep = np.flatnonzero((prior >= min_count) & (prior > 0))
    return _log_odds([vocab[i] for i in keep], y_a[keep], y_b[keep], prior[keep],
                     float(prior.sum()), float(y_a.sum()), float(y_b.sum()))


def distinctive_for(view: pd.DataFrame, mask: pd.Series, **kwargs) -> pd.DataFrame:
    """Give `distinctive_terms` of the statements selected by `mask` against all the others."""
    mask = mask.astype(bool)
    return distinctive_terms(view.loc[mask, "terms"], view.loc[~mask, "terms"], **kwargs)
