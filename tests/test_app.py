"""The dashboard run by Streamlit's AppTest from dashboard.py: every page on the sample corpus
and on an empty one, filters that change the numbers, filters set by a query string and kept
across pages, article text shown escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from streamlit.testing.v1 import AppTest

from components import data
from components.sidebar import SEEDED
from newsquotes.store.parquet import load_corpus
from newsquotes.synthstore import synth_store

PAGES = ["overview", "speakers", "sentiment", "keywords", "timeline", "statements", "articles",
         "data"]
TIMEOUT_S = 300  # the first run may load spaCy; later runs take well under a second
# Words of the hostile statement in sample_data (14_hostile_fixture...), free of markup: the
# quote holding `<script>alert("x")</script>` is itself a statement the extractor finds.
HOSTILE_WORDS = "ministry lies about the gas"


@pytest.fixture
def on_sample(monkeypatch, sample_store):
    monkeypatch.setenv(data.STORE_ENV, str(sample_store))


@pytest.fixture
def on_empty(monkeypatch, tmp_path):
    """A store folder that exists and holds a file but no article: nothing to show."""
    store = tmp_path / "store"
    store.mkdir()
    (store / "README").write_text("emptied on purpose\n")
    monkeypatch.setenv(data.STORE_ENV, str(store))


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    """A synthetic store of 40 articles (about 600 statements), as `newsquotes synth` writes."""
    path = tmp_path_factory.mktemp("synthetic") / "store"
    synth_store(path, 40)
    return path


@pytest.fixture
def on_synthetic(monkeypatch, synthetic_store):
    monkeypatch.setenv(data.STORE_ENV, str(synthetic_store))


def statements_read() -> pd.DataFrame:
    """Give the current store's statements joined to their articles, read by pandas."""
    return load_corpus(Path(data.source()[0])).view()


def run(page: str = "overview", **query) -> AppTest:
    """Give the app after running `page` (opened with `query` as its query string)."""
    at = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT_S)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


def metric(at: AppTest, label: str) -> int:
    """Give the integer of the metric labelled `label`."""
    (found,) = [m for m in at.metric if m.label == label]
    return int(found.value.replace(",", ""))


def assert_ran(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_the_sample_corpus(on_sample, page):
    at = run(page)
    assert_ran(at)
    assert at.title[0].value


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_an_empty_corpus(on_empty, page):
    at = run(page)
    assert_ran(at)
    if page == "data":
        assert [m.value for m in at.metric][:2] == ["0", "0"]
    else:
        assert "no statements yet" in at.info[0].value


def test_overview_counts_the_sample_corpus(on_sample):
    at = run()
    assert_ran(at)
    view = statements_read()
    assert metric(at, "Statements") == len(view) > 0
    assert metric(at, "Speakers") == view.loc[view["speaker"] != "", "speaker"].nunique()
    assert len(at.get("download_button")) >= 4


def with_filters(page: str = "overview", **state) -> AppTest:
    """Give the app run with sidebar widget values set (as a user's earlier change leaves them).

    AppTest (Streamlit 1.67) reruns only the page script after its first run, not the
    entrypoint that draws the sidebar, so a filter change is set before a fresh first run.
    """
    at = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT_S)
    at.session_state[SEEDED] = True
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


def test_a_speaker_filter_changes_the_numbers(on_synthetic):
    at = run()
    everything = metric(at, "Statements")
    speaker = at.multiselect(key="f_speakers").options[0]
    at = with_filters(f_speakers=[speaker])
    assert_ran(at)
    assert at.multiselect(key="f_speakers").value == [speaker]
    narrowed = metric(at, "Statements")
    assert 0 < narrowed < everything
    assert metric(at, "Speakers") == 1
    assert at.query_params["speaker"] == speaker


def test_a_search_that_matches_nothing_shows_the_empty_state(on_synthetic):
    at = with_filters(f_text="no statement says this")
    assert_ran(at)
    assert at.query_params["q"] == "no statement says this"
    assert "No statement matches these filters" in at.info[0].value
    assert at.button(key="empty_clear")


def test_the_query_string_sets_the_filters(on_synthetic):
    everything = metric(run(), "Statements")
    view = statements_read()
    two = view["speaker"].value_counts().index[:2].tolist()
    start, end = view["date"].quantile([0.1, 0.9]).dt.strftime("%Y-%m-%d").tolist()
    at = run(speaker=two, kind="direct", start=start, end=end, q="the")
    assert_ran(at)
    assert at.multiselect(key="f_speakers").value == two
    assert at.multiselect(key="f_kinds").value == ["direct"]
    assert [str(d) for d in at.date_input(key="f_dates").value] == [start, end]
    assert at.text_input(key="f_text").value == "the"
    assert 0 < metric(at, "Statements") < everything
    assert metric(at, "Speakers") == 2


def test_unknown_values_in_the_query_string_are_dropped(on_synthetic):
    at = run(speaker=["Nobody Known"], kind="sung", start="yesterday")
    assert_ran(at)
    assert at.multiselect(key="f_speakers").value == []
    assert metric(at, "Statements") == len(statements_read()) > 500


def test_filters_are_kept_on_other_pages(on_synthetic):
    speaker = run().multiselect(key="f_speakers").options[1]
    at = with_filters("statements", f_speakers=[speaker])
    assert_ran(at)
    assert set(at.dataframe[0].value["speaker"]) == {speaker}
    assert at.session_state["f_speakers"] == [speaker]


def test_the_narrowed_numbers_match_on_every_page(on_synthetic):
    at = with_filters("data", f_kinds=["mixed"])
    assert_ran(at)
    everything = metric(at, "Statements in corpus")
    at = with_filters("statements", f_kinds=["mixed"])
    table = at.dataframe[0].value
    assert set(table["kind"]) == {"mixed"} and 0 < len(table) < everything


def test_article_text_is_escaped_in_the_reader(on_sample):
    at = run("articles", q=HOSTILE_WORDS)
    assert_ran(at)
    shown = "".join(h.proto.body for h in at.get("html"))
    assert "&lt;script&gt;alert(" in shown
    assert "<script" not in shown and "<img" not in shown


def test_cached_keyword_counts_equal_the_core_on_the_filtered_sample(on_sample):
    from newsquotes.analytics.filters import Filters, apply_filters
    from newsquotes.analytics.keywords import distinctive_for, frequencies

    path, stamp = data.source()
    speaker, other = data.current().speakers[:2]
    filters = Filters(speakers=(speaker, other))
    view = apply_filters(statements_read(), filters)
    assert data.asked(path, stamp, "keyword_counts", filters) == frequencies(view["terms"],
                                                                             top=150)
    mine = view["speaker"] == speaker
    assert data.asked(path, stamp, "keyword_counts", filters, ("speaker", speaker), 20) == (
        frequencies(view.loc[mine, "terms"], top=20))
    expected = distinctive_for(view, mine, min_count=2)
    expected = expected[expected["z"] > 0].reset_index(drop=True)
    got = data.asked(path, stamp, "distinctive", filters, ("speaker", speaker))
    assert not got.empty
    assert_frame_equal(got, expected)


def test_the_timeline_opens_where_the_sample_statements_are(on_sample):
    at = run("timeline")
    assert_ran(at)
    dated = statements_read()["date"].dropna()
    seed = int((dated < "2024-01-01").sum())
    assert seed > 0  # the 2022 seed article
    note = at.caption[0].value
    assert note.startswith(f"The charts open on {dated[dated >= '2024-01-01'].min():%Y-%m-%d} "
                           f"– {dated.max():%Y-%m-%d}")
    assert f"{seed} dated far from them ({dated.min():%Y-%m-%d})" in note
    for chart in at.get("plotly_chart"):
        start, end = json.loads(chart.proto.spec)["layout"]["xaxis"]["range"]
        assert start.startswith("2024-12") and end.startswith("2025-07")


def test_overview_and_data_agree_on_the_articles_and_say_why_two_numbers(on_sample):
    overview, data_page = run(), run("data")
    assert_ran(overview)
    assert_ran(data_page)
    corpus = load_corpus(Path(data.source()[0]))
    stored, quoted = len(corpus.articles), corpus.view()["article_id"].nunique()
    assert stored > quoted  # the sample's French article holds no statement
    assert metric(overview, "Articles") == metric(data_page, "Articles quoted") == quoted
    assert metric(data_page, "Articles stored") == stored
    assert data_page.caption[0].value.startswith(f"{stored - quoted} stored article")
    assert f"the corpus stores {stored}" in overview.caption[0].value


def test_large_views_cap_the_table_and_the_article_picker_and_say_so(monkeypatch, tmp_path):
    synth_store(tmp_path / "store", 600)
    monkeypatch.setenv(data.STORE_ENV, str(tmp_path / "store"))
    loaded = data.current()
    assert loaded.statements > 5_000 and loaded.quoted > 500
    at = run("statements")
    assert_ran(at)
    assert len(at.dataframe[0].value) == 5_000
    assert at.caption[0].value.startswith(f"{loaded.statements:,} statements match the "
                                          "filters; the table shows the latest 5,000")
    at = run("articles")
    assert_ran(at)
    assert len(at.selectbox(key="art_pick").options) == 500
    assert at.caption[0].value.startswith(f"The latest 500 of the {loaded.quoted:,} articles")


def test_the_articles_page_opens_on_the_latest_article(on_sample):
    at = run("articles")
    assert_ran(at)
    corpus = load_corpus(Path(data.source()[0]))
    quoted = corpus.articles[corpus.articles["id"].isin(corpus.view()["article_id"])]
    latest = quoted.sort_values(["date", "id"], ascending=[False, True]).iloc[0]["id"]
    assert at.selectbox(key="art_pick").value == latest


def test_hostile_statement_is_listed_with_its_markup_as_data(on_sample):
    at = run("statements", q=HOSTILE_WORDS)
    assert_ran(at)
    texts = list(at.dataframe[0].value["text"])
    assert len(texts) == 1
    assert '<script>alert("x")</script>' in texts[0]
    assert "<img src=x onerror=alert(1)>" in texts[0]


def test_speaker_profile_shows_what_the_corpus_says_of_the_speaker(on_sample):
    from newsquotes.analytics.profiles import speaker_profiles

    at = run("speakers", speaker="Sergey Lavrov")
    assert_ran(at)
    lavrov = statements_read().query("speaker == 'Sergey Lavrov'")
    (profile,) = speaker_profiles(lavrov).to_dict("records")
    assert (profile["role"], profile["affiliation"]) == ("foreign minister", "Russia")
    shown = " ".join(h.proto.body for h in at.get("html"))
    for fact in (f"<b>Role:</b> {profile['role']}", f"<b>Affiliation:</b> {profile['affiliation']}",
                 f"<b>Type:</b> {profile['speaker_type']}", "<b>First quoted:</b> 2022-03-10"):
        assert fact in shown
    # the profile card and the side-by-side card of the one speaker
    counts = [int(m.value.replace(",", "")) for m in at.metric if m.label == "Statements"]
    assert counts == [profile["statements"]] * 2 and profile["statements"] == len(lavrov)


def _garbage(path) -> None:
    path.write_bytes(b"PAR1 not a parquet file")


def _truncated(path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _folder(path) -> None:
    path.unlink()
    path.mkdir()
    _garbage(path / "inside.parquet")


@pytest.mark.parametrize("damage", [_garbage, _truncated, _folder])
@pytest.mark.parametrize("page", ["overview", "timeline", "data"])
def test_a_damaged_store_says_so_plainly_and_data_stays_usable(
        monkeypatch, tmp_path, sample_store, damage, page):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(sample_store, store)
    parts = sorted(store.rglob("*.parquet"))
    assert parts
    for part in parts:
        damage(part)
    monkeypatch.setenv(data.STORE_ENV, str(store))
    at = run(page)
    assert_ran(at)
    (error,) = at.error
    assert error.value.startswith("The store cannot be read")
    assert str(tmp_path) not in error.value and "Traceback" not in error.value
    if page == "data":
        assert at.button(key="data_add") is not None


def test_a_long_speaker_list_is_searched_as_you_type(on_synthetic, monkeypatch):
    from components import sidebar

    monkeypatch.setattr(sidebar, "PICK", 5)
    at = run()
    assert_ran(at)
    speakers = data.current().speakers
    assert at.multiselect(key="f_speakers").options == list(speakers[:5])
    at.text_input(key="f_speakers_find").input("OR").run()
    holding = [s for s in speakers if "or" in s.lower()]
    assert len(holding) > 1
    assert at.multiselect(key="f_speakers").options == holding[:5]
    at.multiselect(key="f_speakers").select(holding[1]).run()
    at.text_input(key="f_speakers_find").input("zzz").run()
    assert at.multiselect(key="f_speakers").options == [holding[1]]  # the chosen one stays
    assert metric(at, "Statements") == int((statements_read()["speaker"] == holding[1]).sum())


def test_an_articles_flags_are_shown_beside_it_and_counted_on_the_data_page(on_sample):
    articles = load_corpus(Path(data.source()[0])).articles
    flagged = articles[articles["flags"].fillna("") != ""]
    assert len(flagged) >= 2  # the sample's French article, its undated one
    one = flagged.iloc[0]
    at = run("articles", article=one["id"])
    assert_ran(at)
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "Flagged when it was read" in shown
    assert f"<code>{one['flags'].split(';')[0]}</code>" in shown
    at = run("data")
    assert_ran(at)
    (counts,) = [d.value for d in at.dataframe if "meaning" in d.value.columns]
    names = {f.split("=")[0] for fs in flagged["flags"] for f in fs.split(";")}
    assert set(counts["flag"]) == names
    assert counts["articles"].sum() >= len(flagged)
    assert counts["meaning"].str.len().gt(0).all()


def test_the_data_page_counts_the_articles_an_older_extractor_read(
        monkeypatch, tmp_path, synthetic_store):
    import shutil

    from newsquotes.extract import pipeline as extraction

    shutil.copytree(synthetic_store, tmp_path / "store")
    monkeypatch.setenv(data.STORE_ENV, str(tmp_path / "store"))
    assert not [c for c in run("data").caption if "not read by this version" in c.value]
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "quotes-next")
    data.stale_articles.clear()
    at = run("data")
    assert_ran(at)
    (said,) = [c.value for c in at.caption if "not read by this version" in c.value]
    assert said.startswith(f"{data.current().articles:,} stored articles were not read")
    assert f"reextract --store {tmp_path / 'store'}" in said
