"""Merge two speaker names into one, or split a spelling back out of a merge: the user's
corrections go to the store's aliases.toml and names are settled again without re-extracting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from components.data import SAMPLE_DIR
from newsquotes import settling
from newsquotes.speakers import corrections
from newsquotes.speakers.aliases import AliasError, load_aliases
from newsquotes.store.parquet import Store

ALIAS_FILE = "aliases.toml"


def current_aliases(store_path: Path) -> dict[str, str]:
    """Give the alias table the store is settled with: its own file, else the sample's."""
    for path in (Path(store_path) / ALIAS_FILE, SAMPLE_DIR / ALIAS_FILE):
        if path.is_file():
            return load_aliases(path)
    return {}


def resettle(store_path: Path, aliases: dict[str, str]) -> int:
    """Write `aliases` to the store's alias file and settle its speakers' names again (the
    store keeps each name as its article gave it, so nothing is extracted again); give the
    statements whose speaker changed."""
    store = Store(store_path)
    corrections.write_aliases(store.path / ALIAS_FILE, aliases)
    before = store.statements()
    if before.empty:
        return 0
    with store.lock():
        settling.settle_all_if_needed(store, aliases)
    after = store.statements()
    return int((after["speaker"].fillna("") != before["speaker"].fillna("")).sum())


def split_choices(mentions: list[str], speaker: str, aliases: dict[str, str]) -> list[str]:
    """Give the spellings that can be split out of `speaker`: its alias-file variants and
    the other name-like `mentions` of its statements (`profiles.aliases_of`)."""
    found = set(mentions) | {v for v, c in aliases.items() if c == speaker and v != speaker}
    return sorted(found)


def name_editor(store_path: Path, speakers: list[str],
                mentions: Callable[[str], list[str]]) -> None:
    """Draw the merge and split forms over `speakers` (`mentions` gives a speaker's other
    spellings); on a change, write, re-settle and rerun."""
    try:
        aliases = current_aliases(store_path)
    except AliasError as exc:
        st.error(str(exc))
        return
    done = st.session_state.pop("ne_done", None)
    if done:
        st.success(done)
    with st.expander("Correct speaker names (merge, split)"):
        merge, split = st.tabs(["Merge names", "Split a spelling out"])
        with merge:
            names = st.multiselect("Names of one person", speakers, key="ne_merge")
            into = st.selectbox("Count them under", names, key="ne_into") if names else None
            if st.button("Merge", key="ne_merge_go", disabled=len(names) < 2 or not into):
                _apply(store_path, corrections.merged(aliases, names, into))
        with split:
            who = st.selectbox("Speaker", speakers, key="ne_who")
            choices = split_choices(mentions(who), who, aliases) if who else []
            spelling = st.selectbox("Spelling that is someone else", choices, key="ne_spelling")
            if st.button("Split out", key="ne_split_go", disabled=not spelling):
                _apply(store_path, corrections.split(aliases, spelling))


def _apply(store_path: Path, aliases: dict[str, str]) -> None:
    changed = resettle(store_path, aliases)
    st.session_state["ne_done"] = f"Names settled again: {changed} statements changed."
    st.rerun()
