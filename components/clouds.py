"""Word clouds drawn from term weights the core counted (`keywords.frequencies`)."""

from __future__ import annotations

import io

from wordcloud import WordCloud

# A fixed layout seed: the same frequencies always give the same picture (and the same file).
RANDOM_STATE = 0


def cloud(frequencies: dict[str, float], width: int = 800, height: int = 400) -> WordCloud:
    """Give the laid-out WordCloud of `frequencies` (term -> weight); needs at least one term."""
    if not frequencies:
        raise ValueError("a word cloud needs at least one term")
    maker = WordCloud(width=width, height=height, background_color="white",
                      random_state=RANDOM_STATE, max_words=150, colormap="viridis",
                      prefer_horizontal=0.95)
    return maker.generate_from_frequencies(frequencies)


def render(frequencies: dict[str, float], width: int = 800, height: int = 400) -> tuple[bytes, str]:
    """Give (PNG bytes, SVG text) of the word cloud of `frequencies`."""
    drawn = cloud(frequencies, width, height)
    buffer = io.BytesIO()
    drawn.to_image().save(buffer, format="PNG")
    return buffer.getvalue(), drawn.to_svg(embed_font=False)
