"""What the browser tests do again and again: sign in, audit a page with axe-core."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "Ett-långt-lösenord-42"


def log_in(page, user, password=PASSWORD):
    page.goto("/konto/login/")
    page.get_by_label("E-post").fill(user.email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/mina-sidor/")


def axe_violations(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """axe-core's violations on the page as it is now, at WCAG 2.1 A and AA."""
    # Evaluated through the DevTools protocol, which the page's CSP does not govern.
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def tab_to(page, target, limit=120):
    """Press Tab until `target` (a locator) has the focus, as a keyboard user would, and
    check that the focus can be seen. Fails if the element cannot be reached."""
    element = target.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(el) => el === document.activeElement", element):
            outline = page.evaluate("(el) => getComputedStyle(el).outlineStyle", element)
            assert outline != "none", "the keyboard focus is not visible"
            return
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def make_workshop(title, capacity, *, cap=None, dates=1):
    """A published digital workshop in the demo's workshop index, open for registration,
    with `dates` occasions a week apart (the first in 30 days), each with `capacity` seats."""
    import datetime
    import uuid

    from django.utils import timezone

    from events.models import Occasion, Theme, WorkshopIndexPage, WorkshopPage, WorkshopSession

    now = timezone.now()
    workshop = WorkshopPage(
        title=title,
        slug=f"workshop-{uuid.uuid4().hex[:8]}",
        theme=Theme.objects.order_by("pk").first(),
        summary="En workshop för testerna.",
        target_audience="Socialsekreterare och chefer",
        format="digital",
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=20),
    )
    occasions = []
    for number in range(dates):
        starts = now + datetime.timedelta(days=30 + 7 * number)
        occasion = Occasion(
            sort_order=number,
            meeting_link=f"https://mote.example.se/test-{number + 1}",
            capacity=capacity,
            per_organisation_cap=cap,
        )
        occasion.sessions = [
            WorkshopSession(starts_at=starts, ends_at=starts + datetime.timedelta(hours=3))
        ]
        occasions.append(occasion)
    workshop.occasions = occasions
    WorkshopIndexPage.objects.get().add_child(instance=workshop)
    workshop.save_revision().publish()
    return workshop
