from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """What the portal offers other sites and machines: a read-only API for public
    content, Atom and RSS feeds, the sitemap and robots.txt."""

    name = "opendata"
    verbose_name = "Öppna gränssnitt"
