"""Seconds to compute sentiment, keywords, topics and aggregates for a synthetic corpus.

Run: python benchmarks/bench_analytics.py [--n 100000] [--spacy-repeat 5]

The synthetic statements (newsquotes.synthetic) repeat a small word pool, so
`score_texts`, which scores each distinct text once, is also timed on texts made distinct
by a numbered suffix. The synthetic pool has a tiny vocabulary, so keywords are also timed
on the paragraphs of sample_data's .txt articles (repeated `--spacy-repeat` times), next to
spaCy's own lemmatizer (tagger + attribute ruler + rule lemmatizer) on the same text, with
how often the two give the same lemma for a lower-case content word.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.analytics.aggregates import extremes, sentiment_summary  # noqa: E402
from newsquotes.analytics.keywords import STOP, _tables, lemma, statement_terms  # noqa: E402
from newsquotes.analytics.sentiment import score_texts  # noqa: E402
from newsquotes.analytics.topics import (  # noqa: E402
    assign_defined,
    discover_topics,
    load_topics,
    topics_key,
)
from newsquotes.synthetic import synthetic_corpus  # noqa: E402

SAMPLE = ROOT / "sample_data"
TOPICS = SAMPLE / "topics.toml"
SAMPLE_TXT = SAMPLE / "articles" / "txt"


def timed(label: str, func, *args, **kwargs):
    """Give func(*args, **kwargs), printing the seconds it took."""
    start = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s")
    return result


def _sample_paragraphs() -> list[str]:
    """Give the paragraphs of the sample corpus's UTF-8 .txt articles (real news prose)."""
    paragraphs = []
    for path in sorted(SAMPLE_TXT.glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # the sample's deliberately hostile fixtures
            continue
        paragraphs.extend(p.strip() for p in text.split("\n\n") if p.strip())
    return paragraphs


def spacy_comparison(repeat: int) -> None:
    """Print spaCy's lemmatizer and `statement_terms` times on sample prose, and agreement."""
    from newsquotes.nlp import load_model

    nlp = load_model(disable=("parser", "ner"))
    texts = _sample_paragraphs() * repeat
    lemma.cache_clear()
    timed(f"statement_terms, {len(texts):,} sample paragraphs", statement_terms, texts)
    docs = timed(f"spaCy tagger+lemmatizer, the same {len(texts):,}", list,
                 nlp.pipe(texts, batch_size=256))
    pairs = [(t.lower_, t.lemma_.lower()) for doc in docs for t in doc
             if t.is_alpha and t.lower_ not in STOP and not t.text[0].isupper()]
    same = sum(lemma(word) == theirs for word, theirs in pairs)
    print(f"{'lemma agreement with spaCy (content words)':<44} {same / max(1, len(pairs)):8.1%}"
          f"  of {len(pairs):,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="statements")
    parser.add_argument("--spacy-repeat", type=int, default=5,
                        help="times to repeat the sample prose for the spaCy comparison (0: skip)")
    args = parser.parse_args()

    articles, statements = timed(f"synthetic corpus, {args.n:,} statements",
                                 synthetic_corpus, args.n)
    texts = statements["text"].tolist()
    print(f"{'distinct statement texts':<44} {len(set(texts)):8,}")
    timed("VADER analyzer made afresh (lexicon read)", SentimentIntensityAnalyzer)
    timed("sentiment, score_texts", score_texts, texts)
    distinct = [f"{text} Item {i}." for i, text in enumerate(texts)]
    timed("sentiment, score_texts, all texts distinct", score_texts, distinct)

    timed("keyword tables (spaCy model load)", _tables)
    statements["terms"] = timed("keywords, statement_terms", statement_terms, texts)

    topics = load_topics(TOPICS)
    defined = timed(f"defined topics ({len(topics)} from sample_data)", assign_defined,
                    statements, topics)
    discovered, table = timed("discovered topics (TF-IDF + NMF, 8)", discover_topics,
                              statements, 8)
    timed("topics_key", topics_key, statements, TOPICS)

    view = statements.merge(
        articles[["id", "date", "source"]].rename(columns={"id": "article_id",
                                                          "source": "outlet"}),
        on="article_id")
    assigned = pd.concat([defined, discovered], ignore_index=True)

    def aggregates() -> None:
        for by in ("speaker", "outlet", "period"):
            sentiment_summary(view, by)
            extremes(view, by)
        sentiment_summary(view, "topic", topics=assigned)
        extremes(view, "topic", topics=assigned)

    timed("aggregates (4 groupings: summary + extremes)", aggregates)
    print(f"{'topic assignments defined / discovered':<44} {len(defined):,} / {len(discovered):,}")
    if args.spacy_repeat:
        spacy_comparison(args.spacy_repeat)


if __name__ == "__main__":
    main()
