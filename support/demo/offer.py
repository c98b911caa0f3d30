"""Demo content: the offer page at /stod/ and the team's activities in each support area.

The portal's own wording of what Ds 2025:19 says the team offers and has done (sections
4.4.1 and 4.4.2). It names no municipality. Building is idempotent: the page and each
activity are found by slug and title and updated."""

from portal.demo.builder import publish, stream, upsert_child
from portal.models import SupportAreaPage
from support.models import SupportActivity, SupportOfferPage

SOURCE = "Ds 2025:19, avsnitt 4.4.1–4.4.2"

PAGE = {
    "slug": "stod",
    "title": "Stöd från förstärkningsteamet",
    "intro": (
        "Förstärkningsteamet arbetar nära ett fåtal kommuner åt gången, i högst två år. Här "
        "ser ni vad teamet kan göra inom vart och ett av de fyra stödområdena, vad det kräver "
        "av er och ungefär hur lång tid det tar."
    ),
    "body": [
        ("h", "Så brukar stödet gå till"),
        (
            "p",
            "<p>Det mesta av stödet ges på plats hos kommunen. Kommunen bjuder ofta in andra "
            "delar av socialtjänsten, andra förvaltningar och polisen, så att fler får samma "
            "kunskap och kan vara med i kartläggningar och analyser. Ett stöd som börjar inom "
            "ett område leder inte sällan vidare till ett annat: arbete med RBM-modellen kan "
            "övergå i en genomgång av vilka målgrupper insatserna når, och frågan om vilka "
            "insatser som ska väljas hänger ofta ihop med hur förvaltningarna samverkar.</p>",
        ),
        (
            "callout",
            "Innan ni ansöker",
            "<p>Gör gärna en nulägesanalys först: den hjälper er att se var ni står och vad ni "
            "behöver, och den kan bifogas ansökan. En ansökan ska vara förankrad hos "
            "förvaltningsledningen.</p>",
        ),
        ("p", f"<p>Källa: {SOURCE}.</p>"),
    ],
}

# Per support area (by slug): the activities, in the order they are shown.
ACTIVITIES = {
    "basta-tillgangliga-kunskap": [
        {
            "title": "Föreläsningar och workshoppar om RBM-modellen",
            "format": "lecture",
            "description": (
                "Teamet går igenom hur socialtjänsten systematiskt kan bedöma risk, behov och "
                "mottaglighet hos barn och unga med normbrytande beteende, och hur modellen kan "
                "bli ett gemensamt språk med till exempel funktionshinderverksamheten och "
                "psykiatrin."
            ),
            "asks_of_municipality": (
                "Handläggare och chefer i den sociala barn- och ungdomsvården deltar. Kommunen "
                "ordnar lokal och kan bjuda in andra förvaltningar och polisen."
            ),
            "duration": "En halvdag till två dagar, gärna i flera omgångar",
        },
        {
            "title": "Kartläggning och analys inför val av insatser",
            "format": "mapping",
            "description": (
                "Teamet läser kommunens egna styrdokument, intervjuar medarbetare och "
                "förtroendevalda och analyserar nationell och lokal statistik om barn och "
                "unga. Resultatet blir ett skriftligt underlag för att välja kunskapsbaserade "
                "insatser och planera hur de införs. Forskare inom implementering kan bistå."
            ),
            "asks_of_municipality": (
                "En kontaktperson som samlar dokument och bokar intervjuer, medarbetare som "
                "avsätter tid för att bli intervjuade, och ledningen med när resultatet "
                "presenteras och diskuteras på två workshoppar."
            ),
            "duration": "Tre till sex månader",
        },
        {
            "title": "Nätverk om barn och unga som vill lämna kriminella miljöer",
            "format": "dialogue",
            "description": (
                "Kommunen får vara med i Socialstyrelsens nätverk där kommuner delar "
                "erfarenheter av att stödja barn och unga som vill ta sig ur kriminella "
                "nätverk."
            ),
            "asks_of_municipality": (
                "En eller två medarbetare som deltar i nätverkets träffar och för "
                "erfarenheterna vidare i den egna verksamheten."
            ),
            "duration": "Löpande, några träffar per termin",
        },
    ],
    "sammanhang-och-systematik": [
        {
            "title": "Processtöd vid införande av SSPF och SIG",
            "format": "process_support",
            "description": (
                "Teamet, vid behov tillsammans med en extern expert, stöttar kommunen när "
                "samverkan mellan skola, socialtjänst, polis och fritid (SSPF) eller sociala "
                "insatsgrupper (SIG) ska komma i gång eller fungera bättre."
            ),
            "asks_of_municipality": (
                "En samordnare eller styrgrupp för samverkan, och att skolan, polisen och "
                "fritidsverksamheten deltar från början."
            ),
            "duration": "Sex till tolv månader",
        },
        {
            "title": "Dialog om systematisk uppföljning av SSPF och SIG",
            "format": "dialogue",
            "description": (
                "Samtal med teamet om hur kommunen över tid kan följa upp vad samverkan i SSPF "
                "och SIG ger de barn och unga som omfattas, och vad uppföljningen behöver "
                "bygga på."
            ),
            "asks_of_municipality": "Några timmar per dialogmöte, på plats eller digitalt.",
            "duration": "Två till tre möten under en termin",
        },
        {
            "title": "Överblick över kommunens förebyggande arbete",
            "format": "mapping",
            "description": (
                "Teamet kartlägger, genom intervjuer och dokumentstudier i flera förvaltningar, "
                "vad kommunen gör för barn och unga. Materialet sorteras efter preventionsnivå "
                "och målgrupp och visualiseras i en rapport, så att roller, ansvar och luckor "
                "blir synliga."
            ),
            "asks_of_municipality": (
                "Att flera förvaltningar lämnar underlag och ställer upp på intervjuer, och en "
                "kontaktperson som håller ihop arbetet. Resultatet diskuteras på två "
                "workshoppar."
            ),
            "duration": "Fyra till sex månader",
        },
        {
            "title": "Dragning för socialnämnden",
            "format": "lecture",
            "description": (
                "Teamet berättar för nämndens ledamöter om socialtjänstens brottsförebyggande "
                "arbete med barn och unga och om vad stödet kan ge kommunen."
            ),
            "asks_of_municipality": "En punkt på nämndens dagordning.",
            "duration": "En till två timmar",
        },
    ],
    "lokal-utveckling": [
        {
            "title": "Analys av vilka målgrupper insatserna når",
            "format": "mapping",
            "description": (
                "Teamet hjälper kommunen att gå igenom de egna brottsförebyggande insatserna "
                "med frågan vilka barn och unga de når och vilka som inte nås. Underlaget kan "
                "användas när arbetet ställs om efter den nya socialtjänstlagen."
            ),
            "asks_of_municipality": (
                "En sammanställning av kommunens insatser och medarbetare som teamet kan intervjua."
            ),
            "duration": "Tre till fem månader",
        },
        {
            "title": "Dialog om insatser för placerade barn och unga",
            "format": "dialogue",
            "description": (
                "Med Socialstyrelsens kunskapsstöd som grund samtalar teamet med kommunen om "
                "ett utvecklingsarbete den planerar, till exempel med behandlingsfamiljer."
            ),
            "asks_of_municipality": "Chef och utvecklare som leder utvecklingsarbetet.",
            "duration": "Några dialogmöten under ett halvår",
        },
    ],
    "samverkan-med-bup": [
        {
            "title": "Stöd i kontakterna med regionen och BUP",
            "format": "process_support",
            "description": (
                "Teamet hjälper kommunen och regionen att utveckla samverkan kring barn och "
                "unga med normbrytande beteende, bland annat vad ett bra underlag vid en "
                "remiss till barn- och ungdomspsykiatrin behöver innehålla."
            ),
            "asks_of_municipality": (
                "Att kommunen och regionen utser var sin kontaktperson och träffas "
                "regelbundet under tiden."
            ),
            "duration": "Sex till tolv månader",
        },
        {
            "title": "Konferens om socialtjänst och barn- och ungdomspsykiatri",
            "format": "lecture",
            "description": (
                "En webbsänd halvdag för kommuner, regioner och andra aktörer om hur den "
                "sociala barn- och ungdomsvården och BUP kan arbeta ihop. Inspelningen går att "
                "se i efterhand."
            ),
            "asks_of_municipality": "Att anmäla deltagare. Inget förarbete behövs.",
            "duration": "En halvdag",
        },
    ],
}


def build(home):
    page = upsert_child(
        home,
        SupportOfferPage,
        PAGE["slug"],
        title=PAGE["title"],
        intro=PAGE["intro"],
        body=stream(PAGE["body"]),
        show_in_menus=True,
    )
    publish(page)
    areas = {a.slug: a for a in SupportAreaPage.objects.filter(slug__in=ACTIVITIES)}
    for slug, activities in ACTIVITIES.items():
        area = areas.get(slug)
        if area is None:
            continue
        for order, activity in enumerate(activities):
            SupportActivity.objects.update_or_create(
                support_area=area,
                title=activity["title"],
                defaults={**activity, "sort_order": order, "is_offered": True},
            )


def counts():
    return {"aktiviteter i erbjudandet": SupportActivity.objects.filter(is_offered=True).count()}
