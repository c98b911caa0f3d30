from django.shortcuts import get_object_or_404, render

from .models import GoodExamplePage, GuidancePage, Method


def method_list(request):
    methods = Method.objects.order_by("name")
    return render(request, "portal/method_list.html", {"methods": methods})


def method_detail(request, slug):
    method = get_object_or_404(Method, slug=slug)
    context = {
        "method": method,
        "support_areas": method.support_areas.live().public().order_by("path"),
        "guidance_pages": GuidancePage.objects.live().public().filter(methods=method),
        "examples": GoodExamplePage.objects.for_listing().filter(methods=method)[:6],
    }
    return render(request, "portal/method_detail.html", context)
