"""Word clouds: the same counts give the same picture, as PNG and as SVG."""

import io
import re

import pytest
from PIL import Image

from components import clouds

WEIGHTS = {"harbour": 9.0, "ferry": 5.0, "fare": 3.0, "captain": 1.0}


def test_png_has_the_asked_size_and_is_the_same_for_the_same_counts():
    first = clouds.png(WEIGHTS, width=300, height=150)
    assert Image.open(io.BytesIO(first)).size == (300, 150)
    assert clouds.png(WEIGHTS, width=300, height=150) == first


def test_svg_draws_every_word_the_largest_first():
    drawn = clouds.svg(WEIGHTS, width=300, height=150)
    assert drawn.startswith("<svg") and 'width="300.0"' in drawn
    sizes = dict(re.findall(r'font-size="([\d.]+)"[^>]*>(\w+)</text>', drawn))
    words = {word: float(size) for size, word in sizes.items()}
    assert sorted(words, key=words.get, reverse=True) == list(WEIGHTS)


def test_no_terms_is_a_clear_error():
    with pytest.raises(ValueError, match="at least one term"):
        clouds.png({})
