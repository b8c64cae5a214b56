"""What the pages' Altair charts share: an axis that names every segment."""

from __future__ import annotations

import altair as alt

# Up to this many segments their names fit level under the bars; more are slanted, since
# Vega silently drops every other label that would overlap (the demo chain has 20).
LEVEL_LABELS_UP_TO = 8


def segment_axis(segments: int) -> alt.Axis:
    """An x axis that shows every segment's name, however many there are."""
    if segments <= LEVEL_LABELS_UP_TO:
        return alt.Axis(labelAngle=0)
    return alt.Axis(labelAngle=-35, labelOverlap=False, labelLimit=160)
