"""What every page starts from: the corpus, the sidebar's filters, the statements they select."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import data
from components.sidebar import clear_filters, current_filters
from newsquotes.analytics.filters import Filters


@dataclass(frozen=True)
class PageData:
    """The corpus, the filters in force and the filtered statements (joined to articles)."""

    loaded: data.Loaded
    filters: Filters
    view: pd.DataFrame
    source: tuple[str, str]  # (path, stamp) of the corpus: the cached loaders' key

    def keywords(self, group: tuple[str, str] | None = None, top: int = 150) -> dict[str, float]:
        """Give term -> count of the filtered statements (of `group`), cached per filter."""
        return data.keyword_weights(*self.source, self.filters, group, top)

    def profile(self, speaker: str) -> dict:
        """Give the profile of `speaker` over the filtered statements ({} if not quoted)."""
        found = data.profiles(*self.source, self.filters)
        rows = found[found["speaker"] == speaker]
        return rows.iloc[0].to_dict() if len(rows) else {}

    def distinctive(self, group: tuple[str, str]) -> pd.DataFrame:
        """Give the terms that set `group` apart from the other filtered statements, cached."""
        return data.distinctive(*self.source, self.filters, group)


def through_navigation() -> None:
    """Rerun through dashboard.py when a page file was run on its own.

    Streamlit runs a page of a `pages/` folder by itself (no sidebar filters, its own file
    names as navigation) while no session of the server has yet called `st.navigation`:
    so a shared link to /speakers on a freshly started server. Clearing the flag is what
    `st.navigation` does itself; the rerun then goes through dashboard.py to this page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_data() -> PageData:
    """Give the current corpus, filters and filtered statements (cached per filter state)."""
    through_navigation()
    path, version = data.source()
    loaded = data.current()
    filters = current_filters(loaded)
    view = data.filtered(path, version, filters)
    if loaded.damage:
        st.error("The store cannot be read, so the pages show nothing: "
                 f"{loaded.damage}. Run `python -m newsquotes check --store DIR` to see what "
                 "is damaged, and `--repair` to set it aside; the **Data** page still works.",
                 icon=":material/error:")
    return PageData(loaded, filters, view, (path, version))


def stop_if_empty(page: PageData) -> None:
    """Show a friendly note and end the page when there is nothing to show."""
    if page.loaded.damage:  # page_data said why already
        st.page_link("pages/data.py", label="Go to Data", icon=":material/database:")
        st.stop()
    if page.loaded.view.empty:
        st.info("The corpus holds no statements yet. Add articles on the **Data** page: "
                "text, HTML, JSON, JSON Lines, CSV files or a ZIP of them.",
                icon=":material/inbox:")
        st.page_link("pages/data.py", label="Go to Data", icon=":material/upload:")
        st.stop()
    if page.view.empty:
        st.info("No statement matches these filters. Widen the dates, remove a speaker, topic "
                "or outlet, or change the search.", icon=":material/filter_alt_off:")
        st.button("Clear filters", on_click=clear_filters, key="empty_clear")
        st.stop()
