"""Word clouds drawn from term weights the core counted (`keywords.frequencies`)."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.pyplot import get_cmap
from wordcloud import WordCloud

# A fixed layout seed: the same frequencies always give the same picture (and the same file).
RANDOM_STATE = 0
# A hundred words stay readable at 900 × 420; more only adds specks.
MAX_WORDS = 100
# Viridis without its light end: its last quarter (yellow-green to yellow) is hard to read on
# white, the rest stays dark enough.
COLORS = ListedColormap(get_cmap("viridis")(np.linspace(0.0, 0.68, 64)), name="viridis_dark")
# Words are placed on a canvas SCALE times smaller than the picture and drawn SCALE times
# larger: placing is what takes the time, the fonts stay sharp. Words smaller than 4 canvas
# pixels are left out, so SCALE also sets the smallest word (12 px at 3: readable when shown
# in a half-width column). Seven sample-corpus clouds of 100 words took 0.15 s each at 2.5
# (92 words placed, the last ones specks), 0.11 s at 3 (68 words).
SCALE = 3.0


def cloud(frequencies: dict[str, float], width: int = 800, height: int = 400) -> WordCloud:
    """Give the laid-out WordCloud of `frequencies` (term -> weight); needs at least one term."""
    if not frequencies:
        raise ValueError("a word cloud needs at least one term")
    maker = WordCloud(width=round(width / SCALE), height=round(height / SCALE), scale=SCALE,
                      background_color="white", random_state=RANDOM_STATE, max_words=MAX_WORDS,
                      colormap=COLORS, prefer_horizontal=0.95)
    return maker.generate_from_frequencies(frequencies)


def png(frequencies: dict[str, float], width: int = 800, height: int = 400) -> bytes:
    """Give the PNG bytes of the word cloud of `frequencies` (fast zlib level: shown at once)."""
    buffer = io.BytesIO()
    cloud(frequencies, width, height).to_image().save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def svg(frequencies: dict[str, float], width: int = 800, height: int = 400) -> str:
    """Give the SVG text of the word cloud of `frequencies`: the same layout as `png` (fixed
    seed), made only when it is downloaded."""
    return cloud(frequencies, width, height).to_svg(embed_font=False)
