"""Demo vocabularies: methods, collaboration forms, target groups and challenges.

Facts come from the source documents (Ds 2025:19; Socialstyrelsen's 2021 report on the
state grant for social measures in vulnerable areas); the wording is the portal's own.
"""

METHODS = [
    {
        "slug": "rbm",
        "name": "RBM-modellen",
        "abbreviation": "RBM",
        "kind": "model",
        "evidence_status": "research",
        "summary": (
            "Principerna om risk, behov och mottaglighet: insatsens intensitet ska motsvara "
            "risken, insatsen ska rikta sig mot de behov som driver det normbrytande "
            "beteendet och den ska utformas så att den unga kan ta den till sig."
        ),
        "body": (
            "<p>RBM är ingen enskild metod utan ett sätt att tänka när socialtjänsten "
            "bedömer och planerar insatser. Modellen ger ett gemensamt språk mellan "
            "enheter och kan användas som grund även i samverkan med till exempel "
            "funktionshindersverksamhet och psykiatri.</p>"
        ),
        "training_and_licences": (
            "Principerna är fria att använda och Socialstyrelsen kan utbilda i dem. "
            "Bedömningsinstrument som bygger på modellen har egna metodägare."
        ),
    },
    {
        "slug": "savry",
        "name": "SAVRY",
        "abbreviation": "SAVRY",
        "kind": "assessment",
        "evidence_status": "research",
        "summary": (
            "Strukturerad bedömning av risk för våld hos ungdomar, där risk- och "
            "skyddsfaktorer vägs samman till en professionell bedömning."
        ),
        "training_and_licences": "Metodföreträdaren svarar för utbildning och licenser.",
    },
    {
        "slug": "ester",
        "name": "ESTER-bedömning",
        "abbreviation": "ESTER",
        "kind": "assessment",
        "evidence_status": "research",
        "summary": (
            "Bedömningsinstrument för risk- och skyddsfaktorer hos barn och unga med "
            "normbrytande beteende, byggt på RBM-principerna."
        ),
        "training_and_licences": "Metodföreträdaren svarar för utbildning och licenser.",
    },
    {
        "slug": "fft",
        "name": "Funktionell familjeterapi (FFT)",
        "abbreviation": "FFT",
        "kind": "intervention",
        "evidence_status": "research",
        "summary": (
            "Manualbaserad familjebehandling för familjer med ungdomar som har ett "
            "utagerande beteende."
        ),
        "training_and_licences": (
            "Utbildning och certifiering sker genom metodföreträdaren; kräver "
            "handledning under införandet."
        ),
    },
    {
        "slug": "mvp",
        "name": "Mentorer i våldsprevention (MVP)",
        "abbreviation": "MVP",
        "kind": "intervention",
        "evidence_status": "promising",
        "summary": (
            "Förebyggande program för elever på högstadiet och gymnasiet som tar upp "
            "våld, kränkningar och normer kring maskulinitet."
        ),
        "training_and_licences": "Utbildning av mentorer och instruktörer via metodföreträdaren.",
    },
    {
        "slug": "signs-of-safety",
        "name": "Signs of Safety",
        "abbreviation": "",
        "kind": "model",
        "evidence_status": "practice",
        "summary": (
            "Ett arbetssätt i utredning och uppföljning som lyfter fram barnets perspektiv "
            "och familjens egna resurser."
        ),
        "training_and_licences": "Utbildning via licensierade utbildare.",
    },
    {
        "slug": "kronobarnsmodellen",
        "name": "Kronobarnsmodellen",
        "abbreviation": "",
        "kind": "model",
        "evidence_status": "practice",
        "summary": (
            "En modell för att göra barnets egen berättelse och delaktighet till en "
            "tydlig del av socialtjänstens arbete."
        ),
        "training_and_licences": "",
    },
    {
        "slug": "isu",
        "name": "Individbaserad systematisk uppföljning (ISU)",
        "abbreviation": "ISU",
        "kind": "follow_up",
        "evidence_status": "practice",
        "summary": (
            "Uppföljning där uppgifter om många enskilda insatser sammanställs, så att "
            "verksamheten kan se vilka som får insatser och vad som händer sedan."
        ),
        "body": (
            "<p>Socialstyrelsens tekniska stöd för uppföljningen kallas SU-Reg. Ett "
            "ISU-verktyg består av ett formulär med det verksamheten vill följa upp och "
            "registret där svaren sparas och sammanställs.</p>"
        ),
        "training_and_licences": "Socialstyrelsen tillhandahåller SU-Reg och stödmaterial.",
    },
]

COLLABORATION_FORMS = [
    {
        "slug": "sspf",
        "name": "Skola, socialtjänst, polis och fritid",
        "abbreviation": "SSPF",
        "participants": "Skola, socialtjänst, polis, fritid och vårdnadshavare",
        "description": (
            "Samverkan kring enskilda barn och unga i riskzonen för kriminalitet och "
            "missbruk, där aktörerna tillsammans med vårdnadshavarna försöker vända "
            "utvecklingen."
        ),
    },
    {
        "slug": "sig",
        "name": "Sociala insatsgrupper",
        "abbreviation": "SIG",
        "participants": "Socialtjänst, skola och polis",
        "description": (
            "Samverkan för unga som vill sluta begå brott. Bygger på samtycke från den "
            "unga eller vårdnadshavarna."
        ),
    },
    {
        "slug": "est",
        "name": "Effektiv samordning för trygghet",
        "abbreviation": "EST",
        "participants": "Kommun, polis, fastighetsägare och andra lokala aktörer",
        "description": (
            "Ett systematiskt arbetssätt för att tidigt upptäcka och agera på problem med "
            "brott och otrygghet på platser och i grupper."
        ),
    },
    {
        "slug": "sst",
        "name": "Skolsociala team",
        "abbreviation": "SST",
        "participants": "Skola och socialtjänst",
        "description": (
            "Samverkan och tidiga insatser för elever med upprepad eller lång frånvaro, "
            "så att de kommer tillbaka till undervisningen."
        ),
    },
    {
        "slug": "tsi",
        "name": "Tidiga och samordnade insatser",
        "abbreviation": "TSI",
        "participants": "Socialtjänst, skola och hälso- och sjukvård",
        "description": (
            "Ett utvecklingsarbete för att barn och unga ska få rätt stöd tidigt, genom "
            "att verksamheterna samordnar sina insatser."
        ),
    },
    {
        "slug": "bob",
        "name": "Barn och unga i organiserad brottslighet",
        "abbreviation": "Bob",
        "participants": "Myndigheter och kommuner på lokal och regional nivå",
        "description": (
            "En samverkansstruktur mellan myndigheter och kommuner för att förhindra att "
            "barn och unga dras in i organiserad brottslighet."
        ),
    },
]

TARGET_GROUPS = [
    ("barn-i-riskzon", "Barn och unga i riskzon för kriminalitet"),
    ("unga-som-begar-brott", "Unga som begår brott"),
    ("avhoppare", "Barn och unga som vill lämna kriminella nätverk"),
    ("placerade-barn", "Placerade barn och unga"),
    ("barn-med-funktionsnedsattning", "Barn och unga med funktionsnedsättning"),
    ("flickor", "Flickor i kriminella miljöer"),
    ("vardnadshavare", "Föräldrar och vårdnadshavare"),
    ("elever-med-franvaro", "Elever med hög frånvaro"),
]

CHALLENGES = [
    ("rekrytering", "Rekrytering till kriminella nätverk"),
    ("avhoppare", "Barn som vill lämna kriminella nätverk"),
    ("samverkan-bup", "Samverkan med BUP"),
    ("systematisk-uppfoljning", "Systematisk uppföljning"),
    ("implementering", "Implementering av kunskapsbaserade insatser"),
    ("intern-samverkan", "Samverkan inom kommunen"),
    ("funktionsnedsattning", "Barn med funktionsnedsättning"),
    ("flickor", "Flickor i kriminella miljöer"),
    ("placerade-barn", "Placerade barn och unga"),
    ("skolfranvaro", "Hög skolfrånvaro"),
    ("utsatta-omraden", "Utsatta områden"),
    ("personalomsattning", "Hög personalomsättning"),
]
