"""Open data about workshops, for anyone: aggregated feedback and follow-up, no names.
The format is documented in docs/open-data-workshops.md."""

import json

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control

from portal.exports import SafeCsvWriter

from .services.open_data import DATASETS


@cache_control(public=True, max_age=3600)
def export(request, level, fmt):
    if level not in DATASETS or fmt not in ("csv", "json"):
        raise Http404
    fields, rows = DATASETS[level]
    rows = rows()
    if fmt == "json":
        content = json.dumps({"fields": fields, "rows": rows}, ensure_ascii=False, indent=1)
        return HttpResponse(content, content_type="application/json; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{level}.csv"'
    writer = SafeCsvWriter(response)
    writer.writerow(fields)
    for row in rows:
        writer.writerow(["" if row[name] is None else row[name] for name in fields])
    return response
