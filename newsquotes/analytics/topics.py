"""Topics of statements: defined by the user's file of phrases, and discovered by NMF.

Defined topics match their words and phrases case-insensitively on word boundaries; a
statement can have several. Discovered topics are NMF over TF-IDF of the statements'
keyword terms (`keywords.statement_terms`), initialised by NNDSVD, so the same corpus gives
the same topics; each statement goes to its strongest discovered topic, and each topic is
named by its top three terms.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from newsquotes.schema import TOPIC_COLUMNS

# Bump when assignment changes, so stored topics made by an older rule are recomputed.
TOPICS_VERSION = "1"
TOP_TERMS = 10
TOPIC_TABLE_COLUMNS = ["topic", "top_terms", "statements"]


def load_topics(path: str | Path) -> dict[str, list[str]]:
    """Give topic -> lower-case words and phrases from a TOML file with a [topics] table.

    Raises:
        ValueError: naming the file and what is wrong with it.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ValueError(f"{path}: cannot read the topics file: {err.strerror}") from err
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: the topics file is not UTF-8 text") from err
    except tomllib.TOMLDecodeError as err:
        raise ValueError(f"{path}: not valid TOML: {err}") from err
    table = data.get("topics")
    if not isinstance(table, dict) or not table:
        raise ValueError(
            f"{path}: expected a [topics] table of name = [\"word\", \"a phrase\", ...]"
        )
    topics = {}
    for name, phrases in table.items():
        if isinstance(phrases, str):
            phrases = [phrases]
        if (not isinstance(phrases, list) or not phrases
                or not all(isinstance(p, str) and p.strip() for p in phrases)):
            raise ValueError(
                f"{path}: topic {name!r}: expected a list of non-empty words and phrases"
            )
        topics[name] = [" ".join(p.lower().split()) for p in phrases]
    return topics


def _pattern(phrases: list[str]) -> re.Pattern:
    # A phrase matches across any white space between its words; (?<!\w)/(?!\w) rather than
    # \b so phrases that start or end with punctuation ("u.s.") still match whole words.
    alternatives = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases},
                          key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str") for c in TOPIC_COLUMNS})


def assign_defined(statements: pd.DataFrame, topics: dict[str, list[str]]) -> pd.DataFrame:
    """Give (statement_id, topic, "defined") for each topic whose phrases a statement contains."""
    patterns = [(name, _pattern(phrases)) for name, phrases in topics.items() if phrases]
    rows = []
    for sid, text in zip(statements["statement_id"], statements["text"], strict=True):
        text = text.replace("’", "'")  # a typographic apostrophe matches a typed one
        rows.extend((sid, name) for name, pattern in patterns if pattern.search(text))
    if not rows:
        return _empty()
    out = pd.DataFrame(rows, columns=["statement_id", "topic"], dtype="str")
    out["topic_kind"] = "defined"
    return out


def _documents(statements: pd.DataFrame) -> list[list[str]]:
    """Give the statements' stored terms, or compute them when none are stored."""
    from newsquotes.analytics.keywords import as_lists, statement_terms

    if "terms" in statements.columns:
        stored = as_lists(statements["terms"])
        if any(stored):
            return stored
    return statement_terms(statements["text"])


def _identity(doc: list[str]) -> list[str]:
    return doc


def discover_topics(
    statements: pd.DataFrame, n_topics: int = 8, random_state: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give (assignments, topic table): each statement's strongest NMF topic, and the topics.

    The topic table has `topic` (its top three terms joined by " / ", a word left out when
    a bigram among the top terms holds it), `top_terms` (the
    ten heaviest) and `statements` (how many statements it got). A corpus smaller than
    `n_topics` gets fewer topics; one with no recurring terms gets none.
    """
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    no_topics = (_empty(), pd.DataFrame({c: pd.Series(dtype=object)
                                         for c in TOPIC_TABLE_COLUMNS}))
    docs = _documents(statements)
    # Terms in one statement only say nothing about topics once there are enough statements.
    min_df = 2 if len(docs) >= 20 else 1
    vectorizer = TfidfVectorizer(analyzer=_identity, min_df=min_df, sublinear_tf=True)
    try:
        tfidf = vectorizer.fit_transform(docs)
    except ValueError:  # no statements, or no term in enough of them
        return no_topics
    k = min(n_topics, tfidf.shape[0], tfidf.shape[1])
    if k < 1 or tfidf.nnz == 0:
        return no_topics
    # tol 1e-3: on 100,000 statements the reconstruction error moves in the sixth digit
    # after ~100 iterations, while the default 1e-4 runs to max_iter.
    model = NMF(n_components=k, init="nndsvd", random_state=random_state, tol=1e-3,
                max_iter=200)
    with warnings.catch_warnings():
        # Not converging within max_iter still gives a fixed, usable factorisation.
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(tfidf)
    vocab = vectorizer.get_feature_names_out()
    top = [[str(vocab[j]) for j in np.argsort(-row, kind="stable")[:TOP_TERMS] if row[j] > 0]
           for row in model.components_]
    names = _unique([_name(terms) for terms in top])

    strongest = weights.argmax(axis=1)
    has_topic = weights.max(axis=1) > 0
    assignments = pd.DataFrame({
        "statement_id": statements["statement_id"].to_numpy()[has_topic],
        "topic": np.asarray(names, dtype=object)[strongest[has_topic]],
        "topic_kind": "discovered",
    }).astype("str")
    counts = np.bincount(strongest[has_topic], minlength=k)
    table = pd.DataFrame({"topic": names, "top_terms": top, "statements": counts})
    return assignments.reset_index(drop=True), table


def _name(top_terms: list[str]) -> str:
    """Give a topic's name: its top three terms, leaving out words its top bigrams hold."""
    in_bigrams = {w for t in top_terms if " " in t for w in t.split()}
    shown = [t for t in top_terms if " " in t or t not in in_bigrams]
    return " / ".join(shown[:3])


def _unique(names: list[str]) -> list[str]:
    """Give the names with repeats told apart by a number ("war / peace (2)")."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def topics_for(
    statements: pd.DataFrame, topics_path: str | Path | None = None, n_topics: int = 8
) -> pd.DataFrame:
    """Give the topics table for the store: defined topics (given a file), then discovered."""
    parts = []
    if topics_path is not None:
        parts.append(assign_defined(statements, load_topics(topics_path)))
    parts.append(discover_topics(statements, n_topics=n_topics)[0])
    parts = [p for p in parts if not p.empty]
    if not parts:
        return _empty()
    return pd.concat(parts, ignore_index=True)[TOPIC_COLUMNS]


def topics_key(statements: pd.DataFrame, topics_path: str | Path | None = None) -> str:
    """Give a fingerprint of what topics depend on: the statements, the topic file, this code."""
    digest = hashlib.sha1(f"topics {TOPICS_VERSION}\n".encode())
    hashed = pd.util.hash_pandas_object(statements[["statement_id", "text"]], index=False)
    digest.update(hashed.to_numpy().tobytes())
    if topics_path is not None:
        path = Path(topics_path)
        digest.update(path.read_bytes() if path.exists() else f"missing {path}".encode())
    return digest.hexdigest()
