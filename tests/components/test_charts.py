"""Figure builders and highlighted HTML, checked on their output without
Streamlit: fig.data, exact HTML strings, exact frames."""

import datetime as dt
import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from components import charts, reader, timecharts
from components.downloads import file_stem, plotly_config
from components.tables import SHOWN_ORDER, TABLE_COLUMNS, article_link, statement_rows

VIEW = pd.DataFrame({
    "statement_id": ["a:0", "a:40", "b:0", "b:30", "c:0"],
    "article_id": ["a", "a", "b", "b", "c"],
    "speaker": ["Ada Moss", "Ben Ruiz", "Ada Moss", "Ada Moss", "Ben Ruiz"],
    "kind": ["direct", "indirect", "direct", "mixed", "direct"],
    "label": ["positive", "negative", "neutral", "positive", "positive"],
    "compound": [0.5, -0.25, 0.0, 0.75, 0.125],
    "date": pd.to_datetime(["2025-03-03", "2025-03-03", "2025-03-04", "2025-03-04",
                            "2025-03-12"]),
    "text": ["We <script>win</script>.", "It fails.", "Maybe.", "Good & fine.", "Yes."],
})


def test_ranked_bars_puts_the_largest_on_top_and_carries_names():
    summary = pd.DataFrame({"speaker": ["Ada Moss", "Ben Ruiz", "Cy Lund"],
                            "statements": [3, 2, 1], "mean": [0.4, -0.1, 0.0]})
    fig = charts.ranked_bars(summary, "speaker", "Top", top=2)
    (bar,) = fig.data
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.y) == ["Ben Ruiz", "Ada Moss"]
    assert list(bar.x) == [2, 3]
    assert list(bar.customdata) == ["Ben Ruiz", "Ada Moss"]
    assert list(bar.marker.color) == [-0.1, 0.4]
    assert fig.layout.title.text == "Top"


def test_label_mix_colours_each_label():
    fig = charts.label_mix(pd.DataFrame({"label": ["positive", "neutral", "negative"],
                                            "statements": [3, 1, 1]}))
    (bar,) = fig.data
    assert list(bar.x) == ["positive", "neutral", "negative"]
    assert list(bar.y) == [3, 1, 1]
    assert list(bar.marker.color) == ["#2a9d8f", "#9aa5b1", "#e76f51"]


KIND_COUNTS = pd.DataFrame({"speaker": ["Ada Moss", "Ben Ruiz"], "direct": [2, 1],
                            "indirect": [0, 1], "mixed": [1, 0]})


def test_kind_bars_one_trace_per_kind():
    fig = charts.kind_bars(KIND_COUNTS)
    assert [t.name for t in fig.data] == ["direct", "indirect", "mixed"]
    assert list(fig.data[0].y) == ["Ben Ruiz", "Ada Moss"]
    assert [list(t.x) for t in fig.data] == [[1, 2], [1, 0], [0, 1]]
    assert fig.layout.barmode == "stack"


def test_statement_points_escape_hover_text():
    fig = charts.statement_points(VIEW, ["Ada Moss", "Ben Ruiz"], "Points")
    (points,) = fig.data
    assert points.type == "scatter"
    assert list(points.x) == [0.5, -0.25, 0.0, 0.75, 0.125]
    assert points.hovertext[0] == "We &lt;script&gt;win&lt;/script&gt;."
    assert points.hovertext[3] == "Good &amp; fine."


def test_statement_points_say_when_they_are_a_sample():
    # the store samples (measures.points); the chart draws what it gets and says of how many
    rows = VIEW[VIEW["speaker"].isin(["Ada Moss", "Ben Ruiz"])]
    fig = charts.statement_points(rows.head(3), ["Ada Moss", "Ben Ruiz"], "Points", len(rows))
    assert len(fig.data[0].x) == 3
    assert fig.layout.title.text == f"Points (a sample of 3 of {len(rows)})"
    whole = charts.statement_points(rows, ["Ada Moss", "Ben Ruiz"], "Points", len(rows))
    assert len(whole.data[0].x) == len(rows) and whole.layout.title.text == "Points"


def test_hover_text_wraps_and_shortens():
    assert charts.hover_text("one two three four", width=9) == "one two<br>three<br>four"
    assert charts.hover_text("x" * 300).endswith("…")
    assert len(charts.hover_text("x " * 200)) < 300


def test_tone_distribution_one_box_of_the_speakers():
    boxes = pd.DataFrame({"speaker": ["Ada Moss", "Ben Ruiz"], "statements": [3, 2],
                          "q1": [0.0, -0.1], "median": [0.5, 0.0], "q3": [0.6, 0.1],
                          "lowerfence": [0.0, -0.25], "upperfence": [0.75, 0.125],
                          "mean": [0.42, -0.06]})
    fig = charts.tone_distribution(boxes, ["Ben Ruiz"], "Tone")
    (box,) = fig.data
    assert box.type == "box" and box.orientation == "h"
    assert list(box.y) == ["Ben Ruiz"]
    assert (list(box.q1), list(box.median), list(box.q3)) == ([-0.1], [0.0], [0.1])
    assert (list(box.lowerfence), list(box.upperfence)) == ([-0.25], [0.125])


def test_term_bars_top_terms_largest_on_top():
    terms = pd.DataFrame({"term": ["gas", "war", "peace"], "z": [3.0, 2.0, 1.0]})
    (bar,) = charts.term_bars(terms, "Terms", top=2).data
    assert list(bar.y) == ["war", "gas"] and list(bar.x) == [2.0, 3.0]


COUNTS = pd.DataFrame({
    "period": pd.to_datetime(["2025-03-03", "2025-03-10"] * 3),
    "group": ["Ada Moss", "Ada Moss", "Ben Ruiz", "Ben Ruiz", "Cy Lund", "Cy Lund"],
    "statements": [3, 0, 1, 1, 2, 2],
})


def test_time_figures():
    fig = timecharts.counts_over_time(COUNTS, "Over time")
    assert [t.name for t in fig.data] == ["Ada Moss", "Ben Ruiz", "Cy Lund"]
    assert list(fig.data[0].y) == [3, 0]
    summary = pd.DataFrame({"period": pd.to_datetime(["2025-03-03", "2025-03-10"]),
                            "n": [4, 1], "mean": [0.25, 0.125],
                            "low": [-0.5, float("nan")], "high": [0.9, float("nan")]})
    (line,) = timecharts.tone_over_time(summary, "Tone").data
    assert list(line.y) == [0.25, 0.125]
    # error bars up to high and down to low; a one-statement period has none
    assert list(line.error_y.array)[0] == 0.65 and math.isnan(list(line.error_y.array)[1])
    assert list(line.error_y.arrayminus)[0] == 0.75
    volume = pd.DataFrame({"period": pd.to_datetime(["2025-03-03", "2025-03-10"]),
                           "articles": [2, 1]})
    assert list(timecharts.volume_bars(volume, "Volume").data[0].y) == [2, 1]


@pytest.mark.parametrize(("text", "marks", "expected"), [
    ("a <b> c", [], "a &lt;b&gt; c"),
    ('say "<script>x</script>"', [reader.Mark(4, 24, "#fff")],
     'say <mark class="nq-mark" style="background:#fff;border-radius:3px;padding:0 1px">'
     "&quot;&lt;script&gt;x&lt;/script&gt;&quot;</mark>"),
    # Overlapping later marks and marks outside the text are left out.
    ("abcdef", [reader.Mark(1, 3, "#f00"), reader.Mark(2, 5, "#0f0"), reader.Mark(4, 9, "#00f")],
     'a<mark class="nq-mark" style="background:#f00;border-radius:3px;padding:0 1px">bc'
     "</mark>def"),
])
def test_marked_html(text, marks, expected):
    assert reader.marked_html(text, marks) == expected


def test_marked_html_escapes_titles_and_tags():
    mark = reader.Mark(0, 2, "#fff", title='"><img src=x>', tag="<i>Eve</i>")
    html = reader.marked_html("hi", [mark])
    assert "<img" not in html and "<i>" not in html
    assert 'title="&quot;&gt;&lt;img src=x&gt;"' in html
    assert "&lt;i&gt;Eve&lt;/i&gt;</sup>" in html


def test_statement_marks_tag_speakers_and_underline_mentions():
    rows = pd.DataFrame({"start": [10], "end": [20], "speaker": ["Ada Moss"], "kind": ["direct"],
                         "cue": ["said"], "compound": [0.5], "speaker_mention_start": [0],
                         "speaker_mention_end": [3]})
    colors = reader.speaker_colors(["Ada Moss", "Ada Moss", "Ben Ruiz"])
    assert colors == {"Ada Moss": reader.PALETTE[0], "Ben Ruiz": reader.PALETTE[1]}
    stmt, mention = reader.statement_marks(rows, colors)
    assert (stmt.start, stmt.end, stmt.tag) == (10, 20, "Ada Moss")
    assert stmt.title == "Ada Moss · direct · said · tone +0.50"
    assert (mention.start, mention.end, mention.underline) == (0, 3, True)


def test_effect_marks_colour_by_direction():
    class Effect:
        def __init__(self, start, end, valence):
            self.start, self.end, self.valence, self.lexicon_valence = start, end, valence, 1.0

    marks = reader.effect_marks([Effect(0, 4, 1.5), Effect(5, 8, -2.0), Effect(9, 10, 0.0)])
    assert [(m.start, m.color) for m in marks] == [(0, reader.POSITIVE_FILL),
                                                   (5, reader.NEGATIVE_FILL)]


def test_download_names_and_links():
    assert file_stem("Top speakers: 2025!") == "top_speakers_2025"
    assert plotly_config("Top speakers")["toImageButtonOptions"]["filename"] == "top_speakers"
    assert article_link("ab12", 40) == "articles?article=ab12&statement=40"


def test_tone_is_not_drawn_across_periods_without_statements():
    summary = pd.DataFrame({
        "period": pd.to_datetime(["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"]),
        "mean": [0.2, float("nan"), 0.1, 0.3],
        "low": [0.0, float("nan"), -0.1, 0.1],
        "high": [0.4, float("nan"), 0.3, 0.5],
        "n": [3, 0, 4, 2],
    })
    (line,) = timecharts.tone_over_time(summary, "Tone").data
    assert line.connectgaps is False and math.isnan(list(line.y)[1])
    assert list(line.error_y.array)[2:] == [0.2, 0.2]


def test_focus_opens_the_time_axis_on_a_span():
    fig = timecharts.focus(go.Figure(), (dt.date(2025, 1, 1), dt.date(2025, 5, 1)))
    # 3% of 120 days (3.6 days) either side
    assert list(fig.layout.xaxis.range) == [pd.Timestamp("2024-12-28 09:36"),
                                            pd.Timestamp("2025-05-04 14:24")]
    assert timecharts.focus(go.Figure(), None).layout.xaxis.range is None
    # by month the view starts with the month holding the first day, less 3% of 151 days
    fig = timecharts.focus(go.Figure(), (dt.date(2025, 1, 8), dt.date(2025, 6, 1), 3), "MS")
    assert list(fig.layout.xaxis.range)[0] == pd.Timestamp("2025-01-01") - pd.Timedelta(
        days=151) * 0.03


@pytest.mark.parametrize(("text", "expected"), [
    ("one two three four", "one two<br>three<br>four"),
    ("  spaced   out  words ", "spaced<br>out<br>words"),
    ("abcdefghijkl mn", "abcdefghi<br>jkl mn"),  # a word longer than a line is cut
    ("a <b> & c d", "a &lt;b&gt; &amp; c<br>d"),  # escaped after wrapping
    ("", ""),
])
def test_hover_texts_wrap_escape_like_textwrap(text, expected):
    assert charts.hover_texts([text], width=9) == [expected]


def test_statement_rows_link_each_row_to_its_article():
    view = VIEW.assign(start=[0, 40, 0, 30, 0], cue="said", outlet="Post", title="T",
                       article_id=["a b", "a b", "b/1", "b/1", "c"])
    rows = statement_rows(view)
    assert rows["read"].tolist() == [article_link(a, s) for a, s in
                                     zip(view["article_id"], view["start"], strict=True)]
    assert rows["read"][0] == "articles?article=a+b&statement=0"


def test_statement_rows_latest_first_then_by_id():
    view = VIEW.assign(start=0, cue="said", outlet="Post", title="T")
    rows = statement_rows(view, latest_first=True)
    assert rows["statement_id"].tolist() == ["c:0", "b:0", "b:30", "a:0", "a:40"]
    assert list(rows.columns) == TABLE_COLUMNS


@pytest.mark.parametrize(("largest", "dtick"), [(3, 1), (6, 2), (7, 2), (40, 10), (0, 1),
                                               (144, 50), (1_200, 500)])
def test_count_axes_tick_whole_numbers(largest, dtick):
    volume = pd.DataFrame({"period": pd.to_datetime(["2025-03-03", "2025-03-10"]),
                           "articles": [0, largest]})
    fig = timecharts.volume_bars(volume, "Volume")
    assert (fig.layout.yaxis.tick0, fig.layout.yaxis.dtick) == (0, dtick)


def test_count_bars_tick_whole_numbers_on_their_count_axis():
    # two speakers with 1 + 1 statements: no "0.5 statements" tick
    counts = pd.DataFrame({"speaker": ["Ada Moss", "Ben Ruiz"], "direct": [1, 0],
                           "indirect": [1, 2], "mixed": [0, 0]})
    fig = charts.kind_bars(counts)
    assert (fig.layout.xaxis.tick0, fig.layout.xaxis.dtick) == (0, 1)
    summary = pd.DataFrame({"speaker": ["Ada Moss", "Ben Ruiz"], "statements": [14, 3],
                            "mean": [0.1, -0.2]})
    fig = charts.ranked_bars(summary, "speaker", "Top")
    assert (fig.layout.xaxis.tick0, fig.layout.xaxis.dtick) == (0, 5)
    labels = pd.DataFrame({"label": ["positive", "neutral", "negative"], "statements": [2, 5, 1]})
    assert charts.label_mix(labels).layout.yaxis.dtick == 1


def test_the_table_shows_every_column_but_the_id_statement_first():
    assert set(SHOWN_ORDER) == set(TABLE_COLUMNS) - {"statement_id"}
    assert SHOWN_ORDER[:3] == ["date", "speaker", "text"]


def test_time_lines_escape_group_names_and_keep_every_point():
    counts = COUNTS.assign(group=COUNTS["group"].replace("Cy Lund", "<b>Cy</b>"))
    fig = timecharts.counts_over_time(counts, "Over time")
    assert [t.name for t in fig.data] == ["Ada Moss", "Ben Ruiz", "&lt;b&gt;Cy&lt;/b&gt;"]
    assert fig.data[2].hovertemplate.startswith("%{fullData.name}<br>")
    assert [list(t.y) for t in fig.data] == [[3, 0], [1, 1], [2, 2]]
    assert [str(x)[:10] for x in fig.data[0].x] == ["2025-03-03", "2025-03-10"]


OUTLET = '<a href="http://x">Reuters</a>'
SPEAKER = "<b>X</b>"


def _strings(node) -> list[str]:
    """Give every string in a figure's JSON (data and layout), however deep, but customdata:
    never drawn (no template here reads it), it gives a click the name as stored."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, value in node.items() if key != "customdata"
                for s in _strings(value)]
    if isinstance(node, list | tuple):
        return [s for value in node for s in _strings(value)]
    if hasattr(node, "tolist"):
        return _strings(node.tolist())
    return []


def hostile_figures() -> list[go.Figure]:
    """Give every figure builder's figure over an outlet and a speaker named in markup."""
    summary = pd.DataFrame({"outlet": [OUTLET, "AP"], "statements": [2, 1], "mean": [0.1, 0.2]})
    by_kind = pd.DataFrame({"speaker": [SPEAKER], "direct": [2], "indirect": [1], "mixed": [0]})
    view = VIEW.assign(speaker=VIEW["speaker"].replace("Ada Moss", SPEAKER))
    boxes = pd.DataFrame({"speaker": [SPEAKER], "q1": [0.0], "median": [0.1], "q3": [0.2],
                          "lowerfence": [-0.1], "upperfence": [0.3], "mean": [0.1]})
    terms = pd.DataFrame({"term": [SPEAKER, "gas"], "z": [2.0, 1.0]})
    counts = COUNTS.assign(group=COUNTS["group"].replace("Cy Lund", OUTLET))
    return [
        charts.ranked_bars(summary, "outlet", f"Outlets like {OUTLET}"),
        charts.kind_bars(by_kind, f"Kinds of {SPEAKER}"),
        charts.statement_points(view, [SPEAKER, "Ben Ruiz"], "Points"),
        charts.tone_distribution(boxes, [SPEAKER], "Boxes"),
        charts.term_bars(terms, f"What sets {SPEAKER} apart"),
        timecharts.counts_over_time(counts, "Over time"),
    ]


@pytest.mark.parametrize("index", range(6))
def test_names_in_markup_reach_a_chart_as_text(index):
    fig = hostile_figures()[index]
    texts = _strings(fig.to_plotly_json())
    assert not [t for t in texts if "<a" in t or SPEAKER in t]
    assert [t for t in texts if "&lt;a href" in t or "&lt;b&gt;X&lt;/b&gt;" in t]


def test_clicked_bars_give_back_the_name_as_stored():
    summary = pd.DataFrame({"outlet": [OUTLET], "statements": [2], "mean": [0.1]})
    assert list(charts.ranked_bars(summary, "outlet", "t").data[0].customdata) == [OUTLET]


@pytest.mark.parametrize(("name", "expected"), [
    ("\u202eevil\u202c", "evil"),
    ("Ann\u2066a\u2069 Lee", "Anna Lee"),
    ("A\x00B\x1b[2JC\u200f", "AB[2JC"),
    ("Zoë & <Co>", "Zoë &amp; &lt;Co&gt;"),
    (None, ""),
])
def test_chart_labels_drop_controls_and_escape(name, expected):
    assert charts.chart_labels([name]) == [expected]


def test_statement_rows_show_names_without_bidi_controls():
    view = VIEW.assign(start=0, cue="said", outlet="\u202eBBC\u202c", title="T\u2066x\u2069",
                       article_id="a")
    rows = statement_rows(view)
    assert set(rows["outlet"]) == {"BBC"} and set(rows["title"]) == {"Tx"}
    assert rows["speaker"].tolist() == VIEW["speaker"].tolist()
