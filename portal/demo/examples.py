"""Demo good examples, built from what Ds 2025:19 and Socialstyrelsen's 2021 report say.

The sources mostly speak of "a pilot municipality" without naming it; those examples name
no municipality either. Only what a source attributes to a named municipality is
attributed to it here. Likewise an example has a target group only where its text names
the group, or uses a collaboration form made for it (SSPF: children at risk; SIG: young
people who want to stop committing crimes).
"""

PILOT = "En pilotkommun"

GOOD_EXAMPLES = [
    {
        "slug": "rbm-for-hela-socialtjansten",
        "title": "RBM-utbildning för hela barn- och ungdomsvården på hemmaplan",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "Föreläsning och fördjupande workshoppar om RBM-modellen för många medarbetare "
            "på en gång gav ett gemensamt språk mellan enheterna."
        ),
        "problem": (
            "<p>Medarbetare i olika enheter bedömde risk och behov på olika sätt, och det "
            "fanns inte råd att skicka många på utbildning på annan ort.</p>"
        ),
        "what_was_done": (
            "<p>Förstärkningsteamet höll en föreläsning om RBM-modellen på plats i kommunen, "
            "följd av workshoppar om varje princip. Medarbetare från flera enheter deltog "
            "tillsammans.</p>"
        ),
        "partners": ["disability_services"],
        "partners_description": (
            "Barn- och ungdomsvården, öppenvården och funktionshindersverksamheten."
        ),
        "results": (
            "<p>Kommunen beskriver en skjuts i gemensamt synsätt och språk, och att behovet "
            "av ett bedömningsinstrument blev tydligt.</p>"
        ),
        "lessons": (
            "<p>Workshopparna efter föreläsningen var det som uppskattades mest. Att olika "
            "enheter sitter i samma rum har ett värde i sig.</p>"
        ),
        "support_areas": ["basta-tillgangliga-kunskap"],
        "prevention_levels": ["selective", "indicated"],
        "target_groups": [],
        "methods": ["rbm"],
        "collaboration_forms": [],
        "tags": ["RBM", "kompetensutveckling"],
    },
    {
        "slug": "bedomningsinstrument-atertogs",
        "title": "Ett avstannat införande av bedömningsinstrument kom i gång igen",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "Efter utbildningen om RBM återupptog kommunen införandet av ett "
            "bedömningsinstrument som hade stannat av."
        ),
        "problem": (
            "<p>Kommunen hade valt ett bedömningsinstrument, men införandet hade stannat upp.</p>"
        ),
        "what_was_done": (
            "<p>RBM-utbildningen visade varför strukturerade bedömningar behövs. Stödet från "
            "förstärkningsteamet gick sedan över till att stödja själva införandet.</p>"
        ),
        "partners": [],
        "partners_description": "",
        "results": "<p>Införandet återupptogs och har fått en tydlig plan.</p>",
        "lessons": (
            "<p>Ett instrument fastnar lätt om medarbetarna inte ser vad det ska användas "
            "till. Principerna först, verktyget sedan.</p>"
        ),
        "support_areas": ["basta-tillgangliga-kunskap"],
        "prevention_levels": ["indicated"],
        "target_groups": [],
        "methods": ["rbm"],
        "collaboration_forms": [],
        "tags": ["bedömning", "implementering"],
    },
    {
        "slug": "rbm-och-medel-fran-bra",
        "title": "Stöd från två håll: RBM-utbildning och medel för instrumentutbildning",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2025,
        "summary": (
            "Efter utbildning i RBM sökte och fick kommunen medel från Brå för att utbilda "
            "medarbetare i ett riskbedömningsinstrument."
        ),
        "problem": (
            "<p>Kommunen ville gå vidare från principer till ett instrument men saknade "
            "pengar till utbildningen.</p>"
        ),
        "what_was_done": (
            "<p>Förstärkningsteamet stod för utbildningen i RBM-modellen med workshoppar. "
            "Kommunen sökte därefter medel från Brå för utbildning i ett "
            "riskbedömningsinstrument.</p>"
        ),
        "partners": ["authorities"],
        "partners_description": "Socialstyrelsens förstärkningsteam och Brå.",
        "results": "<p>Medarbetarna i socialtjänsten utbildas i instrumentet.</p>",
        "lessons": (
            "<p>Statliga stöd kan komplettera varandra när kommunen själv håller ihop planen.</p>"
        ),
        "support_areas": ["basta-tillgangliga-kunskap"],
        "prevention_levels": ["indicated"],
        "target_groups": [],
        "methods": ["rbm"],
        "collaboration_forms": [],
        "tags": ["RBM", "bedömning", "finansiering"],
    },
    {
        "slug": "kartlaggning-infor-val-av-insatser",
        "title": "Kartläggning och analys som grund för val av insatser",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "Dokumentstudier, intervjuer och statistik om barn och unga gav ett underlag för "
            "vilka kunskapsbaserade insatser kommunen ska införa."
        ),
        "problem": (
            "<p>Kommunen behövde veta vilka insatser som bäst svarar mot de behov som finns "
            "bland barn och unga i kommunen.</p>"
        ),
        "what_was_done": (
            "<p>Förstärkningsteamet gick igenom lokala dokument, intervjuade medarbetare och "
            "socialnämndens ordförande, och analyserade nationella och lokala data. Extern "
            "expertis inom implementering bistod. Resultatet återkopplades skriftligt och "
            "på två workshoppar.</p>"
        ),
        "partners": ["authorities"],
        "partners_description": "Socialtjänsten, socialnämnden och extern forskare.",
        "results": (
            "<p>Ett kunskapsunderlag och analyser som kommunen använder för att välja och "
            "planera införandet av insatser.</p>"
        ),
        "lessons": "<p>Analysen fick tyngd av att någon utifrån gjorde den.</p>",
        "support_areas": ["basta-tillgangliga-kunskap"],
        "prevention_levels": ["selective", "indicated"],
        "target_groups": [],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["kartläggning", "analys"],
    },
    {
        "slug": "overblick-over-forebyggande-arbete",
        "title": "Överblick över allt förebyggande arbete i kommunen",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "En kartläggning över flera förvaltningar, sorterad efter preventionsnivå och "
            "målgrupp, visade att nya initiativ sällan föregicks av en behovsanalys."
        ),
        "problem": (
            "<p>Kommunen hade många förebyggande aktiviteter men ingen samlad bild av dem.</p>"
        ),
        "what_was_done": (
            "<p>Förstärkningsteamet intervjuade och läste dokument i flera förvaltningar, "
            "sorterade arbetssätt och aktiviteter med en analysmodell för preventionsnivåer "
            "och målgrupper och presenterade en rapport på två workshoppar.</p>"
        ),
        "partners": ["school", "leisure"],
        "partners_description": "Flera förvaltningar i kommunen.",
        "results": (
            "<p>Kommunen såg att den är snabb att starta nya arbetssätt men att behovs- och "
            "målgruppsanalyser ofta saknas, och att implementeringen behöver utvecklas.</p>"
        ),
        "lessons": "<p>Att se helheten gjorde det möjligt att prioritera.</p>",
        "support_areas": ["sammanhang-och-systematik"],
        "prevention_levels": ["universal", "selective", "indicated"],
        "target_groups": [],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["kartläggning", "preventionsnivåer"],
    },
    {
        "slug": "sspf-med-extern-expert",
        "title": "SSPF infört med stöd av extern expert",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "Med förstärkningsteamet och en anlitad expert fick kommunen ett gemensamt språk "
            "i SSPF och bättre samverkan."
        ),
        "problem": "<p>SSPF skulle införas men arbetssättet hade inte satt sig.</p>",
        "what_was_done": (
            "<p>Förstärkningsteamet och en expert som Socialstyrelsen anlitade stöttade "
            "införandet med utbildning och processtöd för alla fyra verksamheter.</p>"
        ),
        "partners": ["school", "police", "leisure"],
        "partners_description": "Skola, socialtjänst, polis och fritid.",
        "results": (
            "<p>Kommunen beskriver att arbetssättet har tagits om hand och att "
            "samverkansaktörerna nu har ett gemensamt språk.</p>"
        ),
        "lessons": "<p>Samma utbildning för alla parter lägger grunden.</p>",
        "support_areas": ["sammanhang-och-systematik"],
        "prevention_levels": ["selective"],
        "target_groups": ["barn-i-riskzon"],
        "methods": [],
        "collaboration_forms": ["sspf"],
        "tags": ["SSPF", "samverkan"],
    },
    {
        "slug": "uppfoljning-av-sspf-och-sig",
        "title": "Uppföljning av SSPF kom i gång genom dialog",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2025,
        "summary": (
            "Dialoger med förstärkningsteamet om individbaserad systematisk uppföljning fick "
            "uppföljningen av SSPF att starta, och sedan ytterligare en tidig insats."
        ),
        "problem": (
            "<p>Kommunen ville följa upp SSPF och SIG men kom inte i gång med uppföljningen.</p>"
        ),
        "what_was_done": (
            "<p>Förstärkningsteamet deltog i dialoger om hur uppföljningen kunde byggas upp "
            "och höll fokus på frågan över tid.</p>"
        ),
        "partners": [],
        "partners_description": "",
        "results": (
            "<p>Uppföljningen av SSPF startade och uppföljning av ytterligare en tidig insats "
            "påbörjades i samma kommun.</p>"
        ),
        "lessons": "<p>Någon utifrån som frågar efter uppföljningen gör att den blir av.</p>",
        "support_areas": ["sammanhang-och-systematik"],
        "prevention_levels": ["selective", "indicated"],
        "target_groups": ["barn-i-riskzon", "unga-som-begar-brott"],
        "methods": ["isu"],
        "collaboration_forms": ["sspf", "sig"],
        "tags": ["uppföljning", "SSPF", "SIG"],
    },
    {
        "slug": "malgrupper-som-inte-nas",
        "title": "Kartläggning av vilka målgrupper kommunens insatser når",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "Kommunen kartlade sina egna brottsförebyggande insatser för att hitta "
            "målgrupper som inte nås, inför den nya socialtjänstlagen."
        ),
        "problem": "<p>Kommunen visste inte vilka barn och unga som inte nåddes av insatserna.</p>",
        "what_was_done": (
            "<p>Med förstärkningsteamet intervjuades personal och insatserna analyserades "
            "utifrån vilka målgrupper de når.</p>"
        ),
        "partners": [],
        "partners_description": "",
        "results": "<p>Ett underlag för omställningen till den nya socialtjänstlagen.</p>",
        "lessons": "<p>Frågan ”vem når vi inte?” öppnade för nya prioriteringar.</p>",
        "support_areas": ["lokal-utveckling", "sammanhang-och-systematik"],
        "prevention_levels": ["universal", "selective"],
        "target_groups": [],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["målgrupper", "ny socialtjänstlag"],
    },
    {
        "slug": "dialog-om-behandlingsfamiljer",
        "title": "Dialog om behandlingsfamiljer för placerade unga",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2024,
        "summary": (
            "Återkommande dialoger med förstärkningsteamet gav ett planerat arbete med "
            "behandlingsfamiljer nytt fokus."
        ),
        "problem": (
            "<p>Kommunen planerade att utveckla behandlingsfamiljer men behövde bolla frågor "
            "om insatser för placerade barn och unga.</p>"
        ),
        "what_was_done": (
            "<p>Kommunen förde dialog med förstärkningsteamet utifrån Socialstyrelsens "
            "kunskapsstöd om placerade barn och unga.</p>"
        ),
        "partners": [],
        "partners_description": "",
        "results": (
            "<p>Arbetet fick ett nytt fokus och kommunen beskriver att dialogen gav mod att "
            "påbörja det.</p>"
        ),
        "lessons": "<p>Stöd behöver inte vara stort för att göra skillnad i rätt skede.</p>",
        "support_areas": ["lokal-utveckling"],
        "prevention_levels": ["indicated"],
        "target_groups": ["placerade-barn"],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["placering", "behandlingsfamiljer"],
    },
    {
        "slug": "bup-konferens-tillsammans",
        "title": "Regionen bjöds in att följa en konferens om BUP-samverkan tillsammans",
        "municipality": None,
        "unnamed_municipality": PILOT,
        "year": 2025,
        "summary": (
            "Kommunen bjöd in företrädare för regionen att se Socialstyrelsens webbsända "
            "konferens om samverkan med BUP tillsammans med socialtjänstens medarbetare."
        ),
        "problem": (
            "<p>Samverkan med barn- och ungdomspsykiatrin hade varit svår länge och inget "
            "bärande samarbete hade kommit till stånd.</p>"
        ),
        "what_was_done": (
            "<p>Kommunen samlade medarbetare och regionens representanter i socialtjänstens "
            "lokaler för att följa den webbsända halvdagskonferensen och samtala efteråt.</p>"
        ),
        "partners": ["child_psychiatry", "healthcare"],
        "partners_description": "Socialtjänsten och regionens barn- och ungdomspsykiatri.",
        "results": (
            "<p>Kommunen beskriver att mötet inte hade blivit av utan det fokus som arbetet "
            "med förstärkningsteamet gav frågan.</p>"
        ),
        "lessons": ("<p>En nationell myndighet i rummet ger mötet mandat och tyngd.</p>"),
        "support_areas": ["samverkan-med-bup"],
        "prevention_levels": ["selective", "indicated"],
        "target_groups": [],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["BUP", "region"],
    },
    {
        "slug": "avhoppare-i-nationellt-natverk",
        "title": "Stöd i arbetet med avhoppare genom ett nationellt nätverk",
        "municipality": None,
        "unnamed_municipality": "Två pilotkommuner",
        "year": 2024,
        "summary": (
            "Två pilotkommuner fick stöd i arbetet med barn som vill lämna kriminella "
            "nätverk genom att ingå i Socialstyrelsens kommunnätverk i frågan."
        ),
        "problem": (
            "<p>Kommunerna saknade erfarenhet av att stödja barn som vill lämna en kriminell "
            "miljö.</p>"
        ),
        "what_was_done": (
            "<p>Kommunerna anslöt till Socialstyrelsens nätverk för kommuner som arbetar med "
            "barn som avhoppare.</p>"
        ),
        "partners": ["authorities"],
        "partners_description": "Kommuner i Socialstyrelsens nätverk om barn som avhoppare.",
        "results": "<p>Tillgång till erfarenheter från kommuner som kommit längre.</p>",
        "lessons": (
            "<p>Att lära av andra kommuner sparar tid i ett område där få har erfarenhet.</p>"
        ),
        "support_areas": ["basta-tillgangliga-kunskap"],
        "prevention_levels": ["indicated"],
        "target_groups": ["avhoppare"],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["avhoppare", "nätverk"],
    },
    {
        "slug": "en-blind-flack",
        "title": "En blind fläck: arbete med tjejer i gängkriminella miljöer",
        "municipality": "Göteborg",
        "unnamed_municipality": "",
        "year": 2025,
        "summary": (
            "Göteborgs Stad och Västra Götalandsregionen startade ett utforskande arbete för "
            "tjejer i gängkriminella miljöer, en grupp som varken upptäcktes eller fick stöd."
        ),
        "problem": (
            "<p>Tjejer i den gängkriminella miljön upptäcktes inte och fick inget stöd.</p>"
        ),
        "what_was_done": (
            "<p>Göteborgs Stad startade projektet tillsammans med Västra Götalandsregionen, "
            "med Polismyndigheten som deltagare. Projektet presenterades vid en digital träff "
            "för pilotkommunerna.</p>"
        ),
        "partners": ["healthcare", "police"],
        "partners_description": "Göteborgs Stad, Västra Götalandsregionen och Polismyndigheten.",
        "results": (
            "<p>Pilotkommunerna fick genom presentationen och samtalet kunskap om ett pågående "
            "arbetssätt för målgruppen.</p>"
        ),
        "lessons": (
            "<p>En målgrupp som inte syns i statistiken behöver sökas upp med nya arbetssätt.</p>"
        ),
        "support_areas": ["lokal-utveckling"],
        "prevention_levels": ["selective", "indicated"],
        "target_groups": ["flickor"],
        "methods": [],
        "collaboration_forms": [],
        "tags": ["flickor", "jämställdhet"],
    },
    {
        "slug": "gemensamma-lagesbilder",
        "title": "Gemensamma lägesbilder med trygghetsfältare och skolfältare",
        "municipality": None,
        "unnamed_municipality": "Flera kommuner med statsbidrag för utsatta områden",
        "year": 2021,
        "summary": (
            "Iakttagelser från fältare och andra som möter unga i vardagen samlades till "
            "lägesbilder som socialtjänst, skola och polis arbetade utifrån."
        ),
        "problem": (
            "<p>Aktörerna saknade en gemensam bild av var unga i riskzon rör sig och vilka "
            "grupperingar som finns.</p>"
        ),
        "what_was_done": (
            "<p>Flera kommuner använde statsbidraget till att sammanställa lägesbilder "
            "utifrån iakttagelser från trygghetsfältare, skolfältare och andra som möter "
            "barn och unga i vardagen.</p>"
        ),
        "partners": ["school", "police", "leisure"],
        "partners_description": "Socialtjänst, skola, polis och fältverksamhet.",
        "results": (
            "<p>Socialtjänst, polis och skola kunde arbeta samordnat utifrån sina olika roller.</p>"
        ),
        "lessons": "<p>Lägesbilden behöver uppdateras kontinuerligt för att vara användbar.</p>",
        "support_areas": ["sammanhang-och-systematik"],
        "prevention_levels": ["universal", "selective"],
        "target_groups": ["barn-i-riskzon"],
        "methods": [],
        "collaboration_forms": ["est"],
        "tags": ["lägesbild", "fältarbete", "utsatta områden"],
    },
]
