"""A count as a metric that fits its column: exact up to a million, shortened above it
("15.0 M"), with the exact figure in the metric's tooltip."""

SHORTENED_FROM = 1_000_000


def short_count(n: int) -> str:
    """Give `n` as a metric shows it: "987,654", "1.0 M", "15.0 M"."""
    return f"{n:,}" if n < SHORTENED_FROM else f"{n / 1_000_000:,.1f} M"


def count_metric(where, label: str, n: int, help: str | None = None) -> None:
    """Show `n` under `label` in `where` (a column or st); the exact figure is in the tooltip
    when the shown one is shortened."""
    if n >= SHORTENED_FROM:
        exact = f"{n:,} in all."
        help = f"{help} ({exact})" if help else exact
    where.metric(label, short_count(n), help=help)
