"""Text with highlighted spans as safe HTML: every piece of the text is escaped before any markup
is added around it, so an article or statement holding `<script>` shows it as text.

Used by the article reader (statements coloured by speaker, the speaker named after each) and
the Sentiment page (the words that carried a score).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from newsquotes.analytics.flags import explained

# Light fills that keep black text readable; a speaker keeps its colour within one article.
PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6", "#a0c4ff",
           "#ffadad", "#d0f4de", "#e4c1f9", "#f1c0e8", "#b9fbc0")
POSITIVE_FILL = "#b7e4c7"
NEGATIVE_FILL = "#f4b6a6"


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight: [start, end), its fill, a tooltip, a tag shown after."""

    start: int
    end: int
    color: str
    title: str = ""
    tag: str = ""
    underline: bool = False


def speaker_colors(speakers: Iterable[str]) -> dict[str, str]:
    """Give each distinct speaker a fill from the palette, in the order first given."""
    names = list(dict.fromkeys(s for s in speakers if s))
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def _accepted(marks: Sequence[Mark], length: int) -> list[Mark]:
    """Give the marks to draw: inside the text, non-empty, not overlapping an earlier mark."""
    taken: list[Mark] = []
    for mark in marks:
        if not 0 <= mark.start < mark.end <= length:
            continue
        if any(mark.start < t.end and t.start < mark.end for t in taken):
            continue
        taken.append(mark)
    return sorted(taken, key=lambda m: m.start)


def _open(mark: Mark) -> str:
    title = f' title="{html.escape(mark.title)}"' if mark.title else ""
    if mark.underline:
        style = f"border-bottom:3px solid {mark.color};font-weight:600"
        return f'<span class="nq-mention" style="{style}"{title}>'
    style = f"background:{mark.color};border-radius:3px;padding:0 1px"
    return f'<mark class="nq-mark" style="{style}"{title}>'


def _close(mark: Mark) -> str:
    tag = ""
    if mark.tag:
        style = (f"background:{mark.color};border:1px solid #0003;border-radius:8px;"
                 "padding:0 5px;margin-left:3px;font-size:0.72em;font-weight:600")
        tag = f'<sup class="nq-tag" style="{style}">{html.escape(mark.tag)}</sup>'
    return ("</span>" if mark.underline else "</mark>") + tag


def marked_html(text: str, marks: Sequence[Mark]) -> str:
    """Give `text` escaped, with each mark wrapped around its escaped span.

    Earlier marks win: a mark overlapping one before it in `marks` is left out, so a caller
    lists what matters most first. Line breaks stay as they are (show it with pre-wrap).
    """
    parts, pos = [], 0
    for mark in _accepted(marks, len(text)):
        parts.append(html.escape(text[pos:mark.start]))
        parts.append(_open(mark) + html.escape(text[mark.start:mark.end]) + _close(mark))
        pos = mark.end
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def statement_marks(statements: pd.DataFrame, colors: dict[str, str]) -> list[Mark]:
    """Give the marks of an article's statements (tagged with the speaker), then their mentions."""
    marks, mentions = [], []
    for row in statements.itertuples(index=False):
        speaker = row.speaker or "unknown speaker"
        color = colors.get(row.speaker, "#e0e0e0")
        tone = f"{row.compound:+.2f}" if pd.notna(row.compound) else "?"
        title = f"{speaker} · {row.kind} · {row.cue or 'no cue'} · tone {tone}"
        marks.append(Mark(int(row.start), int(row.end), color, title=title, tag=speaker))
        start, end = row.speaker_mention_start, row.speaker_mention_end
        if pd.notna(start) and pd.notna(end):
            mentions.append(Mark(int(start), int(end), color, title=f"speaker: {speaker}",
                                 underline=True))
    return marks + mentions


def effect_marks(effects: Iterable) -> list[Mark]:
    """Give a mark per word VADER scored (`sentiment.WordEffect`), green up, red down."""
    return [
        Mark(e.start, e.end, POSITIVE_FILL if e.valence > 0 else NEGATIVE_FILL,
             title=f"{e.valence:+.2f} (lexicon {e.lexicon_valence:+.1f})")
        for e in effects if e.valence != 0
    ]


def article_html(body: str, marks: Sequence[Mark]) -> str:
    """Give the article body as a block of escaped, highlighted text that keeps its lines."""
    return ('<div class="nq-article" style="white-space:pre-wrap;line-height:1.75;'
            f'font-size:1.02rem">{marked_html(body, marks)}</div>')


def legend_html(colors: dict[str, str], counts: dict[str, int] | None = None) -> str:
    """Give a row of speaker chips in their colours (names escaped), with statement counts."""
    chips = []
    for name, color in colors.items():
        n = f" · {counts[name]}" if counts and name in counts else ""
        chips.append(f'<span style="background:{color};border-radius:10px;padding:2px 8px;'
                     f'margin:2px;display:inline-block">{html.escape(name)}{n}</span>')
    return '<div class="nq-legend">' + "".join(chips) + "</div>"


def flags_html(flags: str | None) -> str:
    """Give the article's flags and what each means as an escaped list ("" when none)."""
    found = explained(flags)
    if not found:
        return ""
    items = "".join(f"<li><code>{html.escape(flag)}</code>: {html.escape(meaning)}</li>"
                    for flag, meaning in found)
    return ("<div style='color:#8a5a00;margin:0.3rem 0'>Flagged when it was read:"
            f"<ul style='margin:0.1rem 0 0 1rem;padding:0'>{items}</ul></div>")
