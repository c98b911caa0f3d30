"""Small server-rendered SVG charts: no JavaScript, no outside services."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

COLOURS = ("#1d4f91", "#7a3b00")


def bar_chart(rows, *, series, maximum, width=640, bar_height=14):
    """Grouped horizontal bars: rows are (label, value, value, ...) with one value per series.

    Returns SVG markup with a title and a description, so it is readable without sight;
    the page shows the same numbers in a table next to it."""
    label_width = 220
    plot_width = width - label_width - 40
    group_height = bar_height * len(series) + 12
    height = max(1, len(rows)) * group_height + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="chart-title chart-desc">',
        '<title id="chart-title">Medelvärden per tema</title>',
        f'<desc id="chart-desc">Staplar för {escape(", ".join(map(str, series)))} '
        f"på en skala 1–{maximum}; samma siffror finns i tabellen.</desc>",
    ]
    for index, (label, *values) in enumerate(rows):
        top = index * group_height
        label_text = escape(str(label)[:34])
        parts.append(f'<text x="0" y="{top + bar_height}" class="chart-label">{label_text}</text>')
        for number, value in enumerate(values):
            y = top + number * bar_height
            length = plot_width * (float(value) / maximum)
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height - 2}" '
                f'fill="{COLOURS[number % len(COLOURS)]}"></rect>'
                f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height - 3}" '
                f'class="chart-label">{float(value):.1f}</text>'
            )
    legend_y = height - 8
    for number, name in enumerate(series):
        x = label_width + number * 140
        parts.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" '
            f'fill="{COLOURS[number % len(COLOURS)]}"></rect>'
            f'<text x="{x + 16}" y="{legend_y}" class="chart-label">{escape(str(name))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part above is escaped
