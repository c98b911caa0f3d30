from django.shortcuts import get_object_or_404, render

from portal.models import GoodExamplePage

from .models import County, Municipality


def municipality_list(request):
    counties = County.objects.prefetch_related("municipalities")
    return render(request, "network/municipality_list.html", {"counties": counties})


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.select_related("county"), slug=slug)
    examples = GoodExamplePage.objects.for_listing().filter(municipality=municipality)
    return render(
        request,
        "network/municipality_detail.html",
        {"municipality": municipality, "examples": examples},
    )
