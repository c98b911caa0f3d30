"""Demo texts for the home page, the index pages and the information pages."""

HOME = {
    "title": "Kunskapsnätverket",
    "intro": (
        "Vägledning, goda exempel och metoder för socialtjänstens brottsförebyggande arbete "
        "med barn och unga, samlade per stödområde, för alla landets 290 kommuner."
    ),
    "body": [
        (
            "callout",
            "Om portalen",
            "<p>Förstärkningsteamet kan bara besöka ett fåtal kommuner per år. Här delas "
            "det teamet och pilotkommunerna har lärt sig, så att fler kan ta del av det.</p>",
        ),
    ],
}

SUPPORT_AREA_INDEX = {
    "slug": "stodomraden",
    "title": "Stödområden",
    "intro": (
        "Förstärkningsteamets stöd är ordnat i fyra områden som kompletterar varandra. "
        "Under varje område finns vägledning, metoder och samverkansformer."
    ),
}

EXAMPLE_INDEX = {
    "slug": "goda-exempel",
    "title": "Goda exempel",
    "intro": (
        "Vad kommuner har gjort, vad som kom ut av det och vad de lärde sig. Filtrera på "
        "stödområde, preventionsnivå, län, kommun, metod eller tagg."
    ),
}

OTHER_SUPPORT_INDEX = {
    "slug": "annat-nationellt-stod",
    "title": "Annat nationellt stöd",
    "intro": (
        "Stöd som andra myndigheter och aktörer ger kommunerna i samma arbete, samlat på "
        "ett ställe. Filtrera på stödområde, slag av aktör eller målgrupp."
    ),
}

INFORMATION_PAGES = [
    {
        "slug": "om-portalen",
        "title": "Om portalen",
        "intro": (
            "Kunskapsnätverket är en portal för kommunernas socialtjänst om brottsförebyggande "
            "arbete med barn och unga."
        ),
        "body": [
            ("h", "Varför portalen finns"),
            (
                "p",
                "<p>Pilotkommunerna i arbetet med förstärkningsteam efterfrågade vägledning per "
                "stödområde, goda exempel från andra kommuner, tematiska workshoppar som alla "
                "kommuner kan anmäla sig till och nätverk mellan kommuner med liknande "
                "utmaningar (Ds 2025:19).</p>",
            ),
            ("h", "Inga personuppgifter om barn"),
            (
                "p",
                "<p>Förstärkningsteamet arbetar med organisationer, aldrig med enskilda ärenden. "
                "Portalen tar därför aldrig emot uppgifter om enskilda barn eller klienter.</p>",
            ),
            (
                "callout",
                "Demoinnehåll",
                "<p>Innehållet i denna version är exempel som bygger på offentliga rapporter. "
                "Goda exempel namnger bara en kommun när källan gör det.</p>",
            ),
        ],
    },
]
