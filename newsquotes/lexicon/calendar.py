"""Names of days and months: they open sentences and lines but name no speaker."""

from __future__ import annotations

from newsquotes.lexicon import words

WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = words("january february march april may june july august september october november "
               "december")
# Words for a day relative to the article's date.
NEAR_DAYS = words("today tonight yesterday")
