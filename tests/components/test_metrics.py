"""A count metric fits its column: shortened from a million, exact in the tooltip."""

import pytest

from components.metrics import count_metric, short_count


class Column:
    """Stands in for a Streamlit column: keeps what `metric` was given."""

    def metric(self, label, value, help=None):
        self.shown = (label, value, help)


@pytest.mark.parametrize("n, shown", [
    (0, "0"), (11_520, "11,520"), (999_999, "999,999"), (1_000_000, "1.0 M"),
    (15_001_629, "15.0 M"), (1_250_000_000, "1,250.0 M"),
])
def test_short_count(n, shown):
    assert short_count(n) == shown


def test_shortened_count_gives_the_exact_figure_in_its_tooltip():
    column = Column()
    count_metric(column, "Statements", 15_001_629, help="Statements found")
    assert column.shown == ("Statements", "15.0 M", "Statements found (15,001,629 in all.)")


def test_exact_count_keeps_its_tooltip():
    column = Column()
    count_metric(column, "Articles", 98_765, help="Articles holding these statements")
    assert column.shown == ("Articles", "98,765", "Articles holding these statements")
    count_metric(column, "Speakers", 12)
    assert column.shown == ("Speakers", "12", None)
