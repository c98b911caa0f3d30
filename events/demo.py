"""Demo workshops and themes, on the themes pilot municipalities asked for (Ds 2025:19).

Dates are set relative to the first day of the current month, so running the demo again
on the same day gives the same site, and there are always upcoming workshops to try.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from organisations.models import County, Organisation
from portal.demo.builder import publish, stream, upsert_child
from portal.models import Method, SupportAreaPage

from .models import (
    MaterialsFor,
    Occasion,
    Registration,
    Theme,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopSession,
)

THEMES = [
    (
        "rbm",
        "RBM-modellen i vardagen",
        "basta-tillgangliga-kunskap",
        "Risk, behov och mottaglighet som gemensamt språk i utredning och uppföljning.",
    ),
    (
        "kartlaggning",
        "Kartläggning och analys",
        "basta-tillgangliga-kunskap",
        "Att ta reda på vilka barn kommunen behöver nå innan insatser väljs.",
    ),
    (
        "uppfoljning",
        "Systematisk uppföljning av SSPF och SIG",
        "sammanhang-och-systematik",
        "Att följa upp samverkan kring enskilda utan att uppföljningen blir ett sidospår.",
    ),
    (
        "bup",
        "Samverkan med BUP",
        "samverkan-med-bup",
        "Arbetet i mellanrummen mellan socialtjänst och barn- och ungdomspsykiatri.",
    ),
    (
        "funktionsnedsattning",
        "Barn med funktionsnedsättning",
        "lokal-utveckling",
        "Brottsförebyggande samverkan för barn med funktionsnedsättning, med skolan.",
    ),
    (
        "avhoppare",
        "Barn som vill lämna kriminella nätverk",
        "basta-tillgangliga-kunskap",
        "Vad kommunen behöver ha på plats innan ett barn vill hoppa av.",
    ),
]

# (slug, title, theme, format, place, county code, days from anchor, hours, capacity, cap, methods)
# A workshop with more dates in LATER_DATES is given further occasions like its first.
WORKSHOPS = [
    (
        "rbm-grund",
        "RBM-modellen: från principer till vardag",
        "rbm",
        "digital",
        "",
        None,
        40,
        3,
        40,
        4,
        ["rbm"],
    ),
    (
        "kartlaggning-workshop",
        "Kartlägg innan ni väljer insatser",
        "kartlaggning",
        "on_site",
        "Socialstyrelsen, Stockholm",
        "01",
        55,
        6,
        24,
        3,
        [],
    ),
    (
        "uppfoljning-sspf-sig",
        "Uppföljning av SSPF och SIG som håller",
        "uppfoljning",
        "hybrid",
        "Växjö",
        "07",
        70,
        4,
        30,
        3,
        ["isu"],
    ),
    (
        "bup-mellanrummen",
        "Arbetet i mellanrummen: socialtjänst och BUP",
        "bup",
        "digital",
        "",
        None,
        85,
        3,
        60,
        None,
        [],
    ),
    (
        "webbsandning-tidiga-signaler",
        "Webbsändning: tidiga signaler och vad kommunen gör med dem",
        "kartlaggning",
        "digital",
        "",
        None,
        30,
        3,
        None,
        None,
        [],
    ),
    (
        "rbm-varen",
        "RBM-modellen: erfarenheter från pilotkommunerna",
        "rbm",
        "digital",
        "",
        None,
        -20,
        3,
        40,
        None,
        ["rbm"],
    ),
]


# Further dates (days from the anchor, place, county code) of popular workshops: one theme
# run several times, so that more than 30 municipalities can take part.
LATER_DATES = {
    "rbm-grund": [(68, "", None), (96, "", None)],
    "kartlaggning-workshop": [(83, "Länsstyrelsen, Göteborg", "14")],
}

# Who may sign up, when not municipalities only. Collaboration with child and adolescent
# psychiatry (BUP) needs the regions in the room too.
OPEN_TO = {
    "bup-mellanrummen": [Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION],
}


# Open format: a webcast anyone may follow; registering only brings the link and reminders.
OPEN_FORMAT = {"webbsandning-tidiga-signaler"}

# Materials added after a workshop, for its participants only.
MATERIALS = {
    "rbm-varen": {
        "document": (
            "Sammanfattning: RBM-modellen, erfarenheter från pilotkommunerna",
            "rbm-sammanfattning.txt",
            "Sammanfattning av workshoppen\n\n"
            "1. Risk: vilka faktorer tar ni upp i utredningen, och hur?\n"
            "2. Behov: hur knyts insatsen till de behov som utredningen visar?\n"
            "3. Mottaglighet: vad behöver anpassas för att insatsen ska nå fram?\n\n"
            "Övningarna gjordes på avidentifierade exempel.\n",
        ),
        "recording": ("Inspelningen av inledningarna", "https://play.example.se/rbm-varen"),
    },
}


def _materials(slug):
    """The StreamField data of a workshop's materials (the document made once)."""
    spec = MATERIALS.get(slug)
    if spec is None:
        return []
    title, filename, text = spec["document"]
    document = get_document_model().objects.filter(title=title).first()
    if document is None:
        document = get_document_model().objects.create(
            title=title, file=ContentFile(text.encode(), name=filename)
        )
    recording_title, recording_url = spec["recording"]
    return [
        ("document", {"title": title, "document": document, "description": ""}),
        ("recording", {"title": recording_title, "url": recording_url, "description": ""}),
    ]


def _anchor():
    today = timezone.localdate()
    start = datetime.datetime(today.year, today.month, 1, 9, 0)
    return timezone.make_aware(start)


def build(home):
    themes = {}
    for slug, name, area_slug, description in THEMES:
        themes[slug], _created = Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "support_area": SupportAreaPage.objects.filter(slug=area_slug).first(),
            },
        )
    index = upsert_child(
        home,
        WorkshopIndexPage,
        "workshoppar",
        title="Workshoppar",
        intro=(
            "Tematiska workshoppar som alla kommuner kan anmäla sig till, och ibland regioner "
            "och andra organisationer: det står på varje workshop vem den är öppen för. "
            "Anmälan öppnar och stänger på angivna tider; blir det fullt hamnar du på "
            "väntelistan."
        ),
        show_in_menus=True,
    )
    publish(index)
    anchor = _anchor()
    for slug, title, theme, form, place, county, days, hours, capacity, cap, methods in WORKSHOPS:
        starts = anchor + datetime.timedelta(days=days)
        starts += datetime.timedelta(days=(1 - starts.weekday()) % 7)  # the next Tuesday
        page = upsert_child(
            index,
            WorkshopPage,
            slug,
            title=title,
            theme=themes[theme],
            support_area=themes[theme].support_area,
            summary=themes[theme].description,
            target_audience="Socialsekreterare, enhetschefer och verksamhetsutvecklare",
            body=stream(
                [
                    ("h", "Upplägg"),
                    (
                        "p",
                        "<p>Korta inledningar från förstärkningsteamet varvas med "
                        "övningar på egna, avidentifierade exempel och samtal mellan "
                        "kommunerna.</p>",
                    ),
                    (
                        "callout",
                        "Inga personuppgifter",
                        "<p>Ta med frågor om verksamheten, aldrig uppgifter om enskilda barn.</p>",
                    ),
                ]
            ),
            format=form,
            open_format=slug in OPEN_FORMAT,
            materials=_materials(slug),
            materials_for=MaterialsFor.PARTICIPANTS,
            open_to=[str(kind) for kind in OPEN_TO.get(slug, [Organisation.Kind.MUNICIPALITY])],
            registration_opens=starts - datetime.timedelta(days=60),
            registration_closes=starts
            - datetime.timedelta(days=3)
            + datetime.timedelta(days=max([0] + [d - days for d, *_ in LATER_DATES.get(slug, [])])),
        )
        dates = [(days, place, county), *LATER_DATES.get(slug, [])]
        # Running the demo again keeps each date (and whoever signed up for it).
        existing = {o.sort_order: o for o in page.occasions.all()} if page.pk else {}
        page.occasions = [
            _occasion(
                existing.get(number, Occasion()),
                slug,
                form,
                anchor,
                day,
                where,
                code,
                hours,
                capacity,
                cap,
                number,
            )
            for number, (day, where, code) in enumerate(dates)
        ]
        publish(page, methods=list(Method.objects.filter(slug__in=methods)))


def _occasion(occasion, slug, form, anchor, days, place, county, hours, capacity, cap, number):
    starts = anchor + datetime.timedelta(days=days)
    starts += datetime.timedelta(days=(1 - starts.weekday()) % 7)  # the next Tuesday
    occasion.sort_order = number
    occasion.place = place
    occasion.county = County.objects.filter(code=county).first() if county else None
    occasion.meeting_link = (
        "" if form == "on_site" else f"https://mote.example.se/{slug}-{number + 1}"
    )
    occasion.capacity = capacity
    occasion.per_organisation_cap = cap
    session = occasion.sessions.first() if occasion.pk else None
    session = session or WorkshopSession()
    session.starts_at, session.ends_at = starts, starts + datetime.timedelta(hours=hours)
    occasion.sessions = [session]
    return occasion


def counts():
    return {
        "workshoppar": WorkshopPage.objects.live().count(),
        "teman": Theme.objects.count(),
        "anmälningar": Registration.objects.count(),
    }
