"""Data: add articles by upload (every format ingest reads), see what was added and rejected and
why, what the corpus holds and where it is stored."""

import streamlit as st

from components import data
from components.context import page_data
from components.metrics import count_metric
from components.uploads import FORMATS, add_uploads, scheduler_address, store_files
from newsquotes.analytics.export import without_controls
from newsquotes.analytics.flags import meaning

st.title("Data")
page = page_data()
loaded = page.loaded
path = data.store_path()

held = st.columns(5)
count_metric(held[0], "Articles stored", loaded.articles,
             help="Every article stored, whether or not a statement was found in it")
count_metric(held[1], "Articles quoted", loaded.quoted,
             help="Articles holding at least one statement: what Overview counts as "
                  "Articles when no filter is set")
count_metric(held[2], "Statements in corpus", loaded.statements)
count_metric(held[3], "Speakers in corpus", len(loaded.speakers))
held[4].metric("Topics", f"{len(loaded.topic_names):,}")
silent = loaded.articles - loaded.quoted
if silent:
    st.caption(f"{silent:,} stored article{' holds' if silent == 1 else 's hold'} no statement "
               "the extractor found (one not in English is stored, not yet searched).")
stale = data.stale_articles(*page.source) if not loaded.damage else 0
if stale:
    st.caption(f"{stale:,} stored article{' was' if stale == 1 else 's were'} not read by this "
               "version of the extractor: their statements are those an older version found "
               f"(if any). `python -m newsquotes reextract --store {path}` reads them again "
               "(rewriting only their batches).")
st.markdown(f"**Stored in** `{path}` (Parquet; set `NEWSQUOTES_STORE` to use another folder).")
if not loaded.damage and loaded.articles:
    counts, flagged = data.flags(*page.source, 200)
    if len(counts):
        with st.expander("Flagged articles"):
            st.caption("Articles stored with a note of what could not be read as it was: each "
                       "flag and what it means, then the latest flagged articles (open one on "
                       "**Articles** to see its flags beside its text).")
            counts["meaning"] = counts["flag"].map(meaning)
            st.dataframe(counts, hide_index=True, key="data_flags")
            st.dataframe(flagged.assign(**{c: without_controls(flagged[c]).to_numpy()
                                           for c in ("source", "title", "flags")}),
                         hide_index=True, key="data_flagged")
with st.expander("Files in the store"):
    st.dataframe(store_files(path), hide_index=True, key="data_files")

st.header("Add articles")
limit = st.get_option("server.maxUploadSize")
st.markdown(f"Text, HTML, JSON, JSON Lines, CSV, RSS/Atom, WARC (any gzipped), or a ZIP/TAR of "
            f"them; **up to {limit} MB "
            "per file**. An article already in the corpus is not added twice; a file that cannot "
            "be read is reported and leaves the corpus as it was.")
uploads = st.file_uploader("Files to add", type=FORMATS, accept_multiple_files=True,
                           key="data_upload", help=f"Up to {limit} MB per file")
scheduler = scheduler_address()
on_cluster = bool(scheduler) and st.toggle(
    f"Find the statements on the Dask cluster at `{scheduler}`", value=False,
    key="data_on_cluster", help="The scheduler set by NEWSQUOTES_SCHEDULER; off: on this server")
if st.button("Add to corpus", type="primary", disabled=not uploads, key="data_add",
             icon=":material/upload:"):
    progress = st.progress(0.0, text="Reading files…")
    try:
        report = add_uploads(uploads, path, progress, scheduler if on_cluster else None)
    except data.DAMAGE as error:
        st.error(f"Nothing was added, as the store cannot be written: "
                 f"{data.plain_damage(error, str(path))}")
    else:
        st.session_state["data_report"] = report
        data.forget_corpus()
        st.rerun()

report = st.session_state.get("data_report")
if report:
    st.subheader("Last upload")
    if report.error:
        st.error(report.error)
    st.success(f"Added {len(report.added)} articles; {len(report.present)} were already in "
               f"the corpus; {len(report.rejected)} rejected; {report.statements:,} statements "
               "in the corpus now.")
    if report.rejected:
        st.dataframe(report.rejected_frame(), hide_index=True, key="data_rejected")
