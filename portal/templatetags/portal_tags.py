from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's children marked "show in menus", in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    pages = []
    if site is not None:
        pages = site.root_page.get_children().live().public().in_menu().order_by("path")
    current_path = getattr(context.get("page"), "path", "")
    items = [(page, current_path.startswith(page.path)) for page in pages]
    return {"request": request, "menu_items": items}


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so {% block %} inside is found and overridden

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is already escaped; strip() would lose that it is safe.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}...{% endcapture %}: the rendered text, kept for later in the
    template (base.html renders its title block once for <title> and for og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


DEFAULT_DESCRIPTION = _(
    "Vägledning, goda exempel och workshoppar för socialtjänstens brottsförebyggande arbete "
    "med barn och unga."
)


def page_description(page):
    """The page's search description, or its summary or intro, or None."""
    for name in ("search_description", "summary", "intro"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return value
    return None


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context, title="", description=""):
    """<meta name="description"> and Open Graph tags for the page being shown. The title and
    description a template gave win; else the page's own, else the portal's default."""
    from portal.models import HomePage, IndexPage

    request = context.get("request")
    page = context.get("page")
    page = getattr(page, "specific", page) if isinstance(page, Page) else None
    if not description:  # (a template's own is already escaped: kept as it is)
        description = Truncator(
            (page_description(page) if page is not None else None) or DEFAULT_DESCRIPTION
        ).chars(300)
    if isinstance(page, HomePage) or not title:
        title = settings.WAGTAIL_SITE_NAME  # the home page's title is "Start"
    is_article = page is not None and not isinstance(page, HomePage | IndexPage)
    return {
        "title": title,
        "description": description,
        "type": "article" if is_article else "website",
        "url": request.build_absolute_uri(request.path) if request else "",
        "site_name": settings.WAGTAIL_SITE_NAME,
        "image": request.build_absolute_uri(static("images/og-image.png")) if request else "",
    }
