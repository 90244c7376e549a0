"""Speaker profiles: one row a speaker of a set of statements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from newsquotes.analytics.aggregates import counts_by
from newsquotes.analytics.timeseries import first_last_quoted
from newsquotes.schema import KINDS
from newsquotes.speakers.corpus import name_like, tidy

PROFILE_COLUMNS = [
    "speaker", "speaker_type", "role", "affiliation", "aliases", "first_quoted", "last_quoted",
    "statements", *KINDS,
]


def _most_common(named: pd.DataFrame, column: str) -> pd.Series:
    """Give per speaker the most common non-empty value of `column` (ties: alphabetical)."""
    counts = Counter(zip(named["speaker"].tolist(), named[column].fillna("").tolist(),
                         strict=True))
    best: dict[str, tuple[int, str]] = {}  # speaker -> (-count, value): the smallest wins
    for (speaker, value), n in counts.items():
        key = (-n, str(value))
        if key[1] and (speaker not in best or key < best[speaker]):
            best[speaker] = key
    return pd.Series({speaker: value for speaker, (_, value) in best.items()}, dtype=object)


def aliases_of(speaker: str, mentions: Iterable[str]) -> list[str]:
    """Give the sorted, distinct name-like `mentions` of `speaker` other than its own name."""
    names = {tidy(str(mention)) for mention in mentions}
    return sorted(n for n in names if name_like(n) and n.casefold() != speaker.casefold())


def _aliases(named: pd.DataFrame) -> dict[str, list[str]]:
    """Give per speaker the sorted name-like mentions other than the speaker's own name."""
    pairs = named[["speaker", "speaker_mention"]].dropna().astype(str).drop_duplicates()
    found = {speaker: aliases_of(speaker, group["speaker_mention"])
             for speaker, group in pairs.groupby("speaker")}
    return {speaker: names for speaker, names in found.items() if names}


def speaker_profiles(view: pd.DataFrame) -> pd.DataFrame:
    """Give one row a speaker: type, role, affiliation, aliases, first/last quoted, counts.

    `speaker_type`, `role` and `affiliation` are the most common non-empty values (ties:
    alphabetical); `aliases` the sorted, distinct name-like mentions other than the speaker's
    own name (pronouns and role phrases left out); dates from `date`, NaT when none is known.
    Rows: most statements first, then by name; statements without a speaker are left out.
    """
    named = view[view["speaker"].fillna("").astype(str) != ""]
    out = first_last_quoted(named).rename(columns={"first": "first_quoted",
                                                   "last": "last_quoted"})
    kinds = counts_by(named, "speaker", "kind", KINDS)
    out = out.join(kinds, on="speaker").fillna({kind: 0 for kind in KINDS})
    for column in ("speaker_type", "role", "affiliation"):
        most = out["speaker"].map(_most_common(named, column)).astype(object)
        out[column] = most.fillna("").astype(str)
    aliases = _aliases(named)
    out["aliases"] = [aliases.get(speaker, []) for speaker in out["speaker"]]
    out = out.astype({c: "int64" for c in ["statements", *KINDS]})
    out = out.sort_values(["statements", "speaker"], ascending=[False, True], kind="stable")
    return out[PROFILE_COLUMNS].reset_index(drop=True)
