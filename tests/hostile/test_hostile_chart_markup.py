"""Issue 13.3 and 13.11 in charts: outlets named in markup or with bidi controls, ingested by
the command line, reach every chart of the dashboard as text. The chart builders' own tests:
tests/components/test_charts.py (test_names_in_markup_reach_a_chart_as_text, chart_labels); in a
browser: tests/browser/test_hostile_names.py."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from components import data
from tests.hostile.conftest import cli

OUTLETS = ['<a href="http://evil.example/">Reuters</a>', "<b>Wire</b>", "\u202eBBC\u202c News"]
SAID = ["“Fares will fall,” Ana Pell said on {}.", "“The port will reopen,” Ben Ruiz said on {}."]


def _articles() -> str:
    rows = [{"text": f"{SAID[n % 2].format(day)} The board met {n} times.", "source": outlet,
             "title": f"Fares {n}", "date": f"2024-0{1 + n % 6}-1{n % 9}"}
            for n, (outlet, day) in enumerate((o, d) for o in OUTLETS
                                              for d in ("Monday", "Tuesday", "Friday"))]
    return "".join(json.dumps(r) + "\n" for r in rows)


def test_outlets_in_markup_reach_every_chart_as_text(tmp_path, monkeypatch):
    path, store = tmp_path / "hostile.jsonl", tmp_path / "store"
    path.write_text(_articles(), encoding="utf-8")
    assert cli("ingest", "-q", "--processes", "1", "--store", store, path).code == 0
    monkeypatch.setenv(data.STORE_ENV, str(store))
    specs = []
    for page in ("overview", "sentiment", "timeline", "speakers"):
        at = AppTest.from_file("../../dashboard.py", default_timeout=300)
        at.run()
        if page != "overview":
            at.switch_page(f"pages/{page}.py").run()
        if page == "timeline":
            at.button_group(key="tl_by").select("outlet").run()  # a line per outlet
        assert not at.exception
        specs += [chart.proto.spec for chart in at.get("plotly_chart")]
    assert specs
    texts = [json.dumps(json.loads(s), ensure_ascii=False) for s in specs]
    raw = [t for t in texts if any(m in t for m in ('<a href="http', "<b>Wire", "\u202e"))]
    assert raw == []  # the app's own templates ("<b>%{y}</b>") aside, nothing renders as markup
    assert [n for n in ("&gt;Reuters&lt;/a&gt;", "&lt;b&gt;Wire&lt;/b&gt;", "BBC News")
            if any(n in t for t in texts)] == ["&gt;Reuters&lt;/a&gt;", "&lt;b&gt;Wire&lt;/b&gt;",
                                               "BBC News"]

