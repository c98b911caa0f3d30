from django import template
from wagtail.models import Site

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
