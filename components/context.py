"""What every page starts from: what the corpus holds, the sidebar's filters, and the questions
a page asks of the statements they select (answered in DuckDB, cached per filter state)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from components import data
from components.sidebar import clear_filters, current_filters
from newsquotes.analytics.filters import Filters


@dataclass(frozen=True)
class PageData:
    """What the corpus holds, the filters in force, and where the corpus is read."""

    loaded: data.Loaded
    filters: Filters
    source: tuple[str, str]  # (path, stamp) of the store: the cached loaders' key

    def ask(self, name: str, *args):
        """Give the answer of question `name` (`data.asked`) about the filtered statements."""
        return data.asked(*self.source, name, self.filters, *args)

    def totals(self) -> dict:
        """Give statements, speakers, articles, undated, first and last date of the filtered."""
        return self.ask("totals")

    def count(self) -> int:
        """Give how many statements the filters select."""
        return self.ask("count")

    def of_speaker(self, speaker: str) -> PageData:
        """Give this page's data narrowed to the statements of `speaker`."""
        return replace(self, filters=replace(self.filters, speakers=(speaker,)))


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
    """Give what the current corpus holds, the filters and where to ask about them."""
    through_navigation()
    source = data.source()
    loaded = data.corpus(*source)
    filters = current_filters(loaded)
    if loaded.damage:
        st.error("The store cannot be read, so the pages show nothing: "
                 f"{loaded.damage}. Run `python -m newsquotes check --store DIR` to see what "
                 "is damaged, and `--repair` to set it aside; the **Data** page still works.",
                 icon=":material/error:")
    return PageData(loaded, filters, source)


def stop_if_empty(page: PageData) -> None:
    """Show a friendly note and end the page when there is nothing to show."""
    if page.loaded.damage:  # page_data said why already
        st.page_link("pages/data.py", label="Go to Data", icon=":material/database:")
        st.stop()
    if page.loaded.statements == 0:
        st.info("The corpus holds no statements yet. Add articles on the **Data** page: "
                "text, HTML, JSON, JSON Lines, CSV files or a ZIP of them.",
                icon=":material/inbox:")
        st.page_link("pages/data.py", label="Go to Data", icon=":material/upload:")
        st.stop()
    if page.count() == 0:
        st.info("No statement matches these filters. Widen the dates, remove a speaker, topic "
                "or outlet, or change the search.", icon=":material/filter_alt_off:")
        st.button("Clear filters", on_click=clear_filters, key="empty_clear")
        st.stop()
