"""Demo entries for other national support: the initiatives around the municipalities that
Ds 2025:19 names (sections 4.5, 5.6 and 6.5.1–6.5.2, with what other sections add).

Every text is the portal's own wording of what the report says, names no municipality and
says which sections it comes from. Links go only to the agencies' public home pages. Body
content uses the notation of knowledge.py, which the builder turns into StreamField blocks.
"""

OTHER_SUPPORT = [
    {
        "slug": "brottsforebyggande-ansvaret-och-bras-stod",
        "title": "Kommunens brottsförebyggande ansvar och Brås stöd",
        "actor_name": "Brottsförebyggande rådet (Brå)",
        "actor_kind": "agency",
        "summary": (
            "Kommunen har ett eget ansvar i lag för brottsförebyggande arbete, och Brå ger "
            "kommuner verksamhetsnära stöd i det arbetet. Socialtjänstens del behöver hänga "
            "ihop med kommunens övergripande arbete."
        ),
        "audience": "Kommuner, bland annat socialtjänstens verksamheter.",
        "body": [
            ("h", "Kommunens eget ansvar"),
            (
                "p",
                "<p>Enligt lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete "
                "ska kommunen bidra till att samhällets samlade arbete mot brott blir "
                "effektivt. Pilotkommunerna berättar att det övergripande arbetet i kommunen "
                "inte alltid tar med socialtjänsten. När socialtjänstlagen nu ger "
                "socialtjänsten ett eget brottsförebyggande ansvar blir samordningen inom "
                "kommunen ännu viktigare.</p>",
            ),
            ("h", "Vad Brå har gjort för kommunerna"),
            (
                "p",
                "<p>Brå ger kommuner verksamhetsnära stöd i brottsförebyggande frågor. Sedan "
                "Brå 2022 fick i uppdrag att utveckla stödet till kommuner med utsatta områden "
                "drev myndigheten ett projekt från 2023 till våren 2024. Fem kommuner var "
                "med. Projektet gav kunskapshöjande insatser, stöd i verksamhetsutveckling och "
                "hjälp att införa nya arbetsmetoder.</p>",
            ),
            (
                "p",
                "<p>Varje år samlar Brå dessutom in uppgifter från kommunerna, för att få en "
                "helhetsbild av hur det brottsförebyggande arbetet i landet bedrivs och "
                "utvecklas.</p>",
            ),
            (
                "callout",
                "Två stöd som kompletterade varandra",
                "<p>En pilotkommun hade fått utbildning och workshoppar i RBM-modellen av "
                "förstärkningsteamet. När kommunen sedan ville införa ett "
                "riskbedömningsinstrument sökte den och fick medel från Brå för att utbilda "
                "socialtjänstens medarbetare i det.</p>",
            ),
        ],
        "how_to_get": (
            "Rapporten berättar att en kommun har sökt och fått medel från Brå. Till projektet "
            "om utsatta områden valdes kommunerna ut i samråd med bland andra Polismyndigheten "
            "och länsstyrelserna, och efter dialog om kommunens vilja att delta och möjlighet "
            "att avsätta resurser. Vad Brå erbjuder i dag får du veta på Brås webbplats."
        ),
        "source": "Ds 2025:19, avsnitt 4.5, 5.6, 6.5.1 och 6.6",
        "link": "https://bra.se",
        "support_areas": [
            "basta-tillgangliga-kunskap",
            "sammanhang-och-systematik",
            "lokal-utveckling",
        ],
        "target_groups": ["barn-i-riskzon"],
    },
    {
        "slug": "lansstyrelserna",
        "title": "Länsstyrelsernas regionala arbete",
        "actor_name": "Länsstyrelserna",
        "actor_kind": "county_board",
        "summary": (
            "Länsstyrelserna har uppdrag som delvis ligger nära förstärkningsteamets och "
            "stöttar kommunerna i angränsande frågor. Rapporten ser dem som en väg att sprida "
            "stödet vidare i landet."
        ),
        "audience": "Kommunerna i länet.",
        "body": [
            ("h", "Ett uppdrag nära Socialstyrelsens"),
            (
                "p",
                "<p>När rapporten beskriver hur många statliga satsningar som pågår samtidigt "
                "nämns länsstyrelserna bland de aktörer vars uppdrag delvis ligger nära "
                "Socialstyrelsens. Den mängden satsningar har varit en utmaning både för "
                "kommunerna och för Socialstyrelsen.</p>",
            ),
            (
                "p",
                "<p>Under pilotverksamheten tog Socialstyrelsen kontakt med länsstyrelser, Brå "
                "och regionala utvecklingsledare. Syftet var att de som stöttar kommunerna i "
                "närliggande frågor skulle känna till förstärkningsteamets arbete, så att ingen "
                "gör samma sak två gånger. Länsstyrelserna var också med när kommunerna till "
                "Brås projekt om utsatta områden valdes ut.</p>",
            ),
            ("h", "En väg att sprida stödet"),
            (
                "p",
                "<p>Delegationen vill att man undersöker hur stödet kan nå fler kommuner, till "
                "exempel genom länsstyrelsernas och de regionala utvecklingsledarnas egna "
                "aktiviteter. Socialstyrelsen bedömer att dialogen med länsstyrelserna behöver "
                "fortsätta.</p>",
            ),
        ],
        "how_to_get": (
            "Vänd dig till länsstyrelsen i ditt län. Vilket stöd den erbjuder står på "
            "länsstyrelsernas webbplats."
        ),
        "source": "Ds 2025:19, avsnitt 4.3, 4.5, 6.5.1 och 6.6",
        "link": "https://www.lansstyrelsen.se",
        "support_areas": ["sammanhang-och-systematik"],
        "target_groups": [],
    },
    {
        "slug": "bob",
        "title": "Bob – barn och unga i organiserad brottslighet",
        "actor_name": "Myndigheter och kommuner i samverkan",
        "actor_kind": "other",
        "summary": (
            "En samverkansstruktur som gäller barn och unga i organiserad brottslighet. "
            "Strukturen håller på att utvecklas och det lokala arbetet i kommunerna ska komma "
            "i gång."
        ),
        "audience": "Kommunerna, som ska bygga upp det lokala arbetet i strukturen.",
        "body": [
            ("h", "En av flera satsningar samtidigt"),
            (
                "p",
                "<p>Rapporten räknar utvecklingen av Bob-strukturen till de många statliga "
                "satsningar kring brottsförebyggande arbete som pågår på samma gång.</p>",
            ),
            (
                "p",
                "<p>Pilotkommunerna berättar att det lokala arbetet med Bob ska ta fart "
                "samtidigt som det redan finns samverkan kring samma barn och unga med bland "
                "andra skola, fritid och polis. Flera av dem ser en risk att den tid som går åt "
                "till samverkansmöten tränger undan arbetet med andra målgrupper.</p>",
            ),
            ("h", "Behov av samordning"),
            (
                "p",
                "<p>Kommunerna efterfrågar därför att arbetet samordnas lokalt: det enligt "
                "lagen om kommuners ansvar för brottsförebyggande arbete, socialtjänstens "
                "brottsförebyggande ansvar i den nya socialtjänstlagen och Bob-strukturen.</p>",
            ),
        ],
        "how_to_get": "Ds 2025:19 beskriver inte hur en kommun tar del av strukturen.",
        "source": "Ds 2025:19, avsnitt 4.5, 5.6 och 6.5.5",
        "link": "",
        "support_areas": ["sammanhang-och-systematik"],
        "target_groups": ["barn-i-riskzon", "unga-som-begar-brott"],
    },
    {
        "slug": "ny-socialtjanstlag",
        "title": "Omställningen till den nya socialtjänstlagen",
        "actor_name": "Socialstyrelsen",
        "actor_kind": "agency",
        "summary": (
            "Den nya socialtjänstlagen ger socialnämnden ett uttalat ansvar för att förebygga "
            "och motverka brottslighet bland barn och unga. Stöd till det brottsförebyggande "
            "arbetet ingår i stödet till kommunernas omställning."
        ),
        "audience": "Kommunernas socialtjänst, särskilt den sociala barn- och ungdomsvården.",
        "body": [
            ("h", "Vad lagen säger om brottsförebyggande arbete"),
            (
                "p",
                "<p>Riksdagen antog den nya socialtjänstlagen (2025:400) i maj 2025, och den "
                "gäller från den 1 juli 2025. Den ger socialnämnden en särskild uppgift: att ta "
                "initiativ till och verka för att brottslighet bland barn och unga förebyggs "
                "och motverkas.</p>",
            ),
            (
                "p",
                "<p>Kommunen ska också, när den planerar insatser, ta särskild hänsyn till "
                "behovet av tidiga och förebyggande insatser. Socialnämnden ska följa upp, "
                "utveckla och säkra kvaliteten i verksamheten systematiskt, och arbetet ska "
                "vila på vetenskap och beprövad erfarenhet. Det brottsförebyggande arbetet är "
                "tänkt som ett komplement till det allmänt förebyggande arbete som redan hör "
                "till barn- och ungdomsvårdens huvuduppgifter.</p>",
            ),
            ("h", "Stöd i omställningen"),
            (
                "p",
                "<p>Enligt Socialstyrelsen är stödet till socialtjänstens brottsförebyggande "
                "arbete en del av stödet till omställningen, även om frågorna ofta hanteras var "
                "för sig. I flera pilotkommuner har arbetet med förstärkningsteamet blivit en "
                "del av kommunens omställning till den nya lagen.</p>",
            ),
            (
                "p",
                "<p>Pilotkommunerna tror att många kommuner kommer att behöva nationellt stöd "
                "för att se hur socialtjänstens nya ansvar hänger ihop med kommunens "
                "övergripande brottsförebyggande arbete.</p>",
            ),
        ],
        "how_to_get": (
            "Läs om omställningen på Socialstyrelsens webbplats. De behovs- och lägesanalyser "
            "som kommunen har gjort inför den nya lagen kan enligt Socialstyrelsen också "
            "användas som underlag när kommunen söker stöd från förstärkningsteamet."
        ),
        "source": "Ds 2025:19, avsnitt 2, 4.5, 5.6, 6.3, 6.5.4 och 6.6",
        "link": "https://www.socialstyrelsen.se",
        "support_areas": ["basta-tillgangliga-kunskap", "sammanhang-och-systematik"],
        "target_groups": ["barn-i-riskzon", "unga-som-begar-brott"],
    },
    {
        "slug": "skolverket-samverkan-for-basta-skola",
        "title": "Skolverkets Samverkan för bästa skola",
        "actor_name": "Skolverket",
        "actor_kind": "agency",
        "summary": (
            "Sedan 2017 ger Skolverket, genom regeringsuppdraget Samverkan för bästa skola, "
            "stöd till skolhuvudmän som behöver förbättra elevernas kunskapsresultat."
        ),
        "audience": (
            "Huvudmän vars skolor har låga kunskapsresultat och som bedöms ha svårt att "
            "förbättra resultaten på egen hand."
        ),
        "body": [
            ("h", "Vad stödet gäller"),
            (
                "p",
                "<p>Inom uppdraget erbjuder Skolverket bland annat stöd till huvudmän för att "
                "skolresultaten ska bli bättre. Vilka som får stödet avgörs av skolornas "
                "kunskapsresultat och av om huvudmannen bedöms kunna förbättra dem själv.</p>",
            ),
            ("h", "Varför det berör socialtjänsten"),
            (
                "p",
                "<p>Skolan ingår inte i Socialstyrelsens kompetensområde, men kommunerna ber "
                "om stöd i samverkan med verksamheter som berörs av det brottsförebyggande "
                "arbetet, och om bättre samordning med nationella myndigheter som Skolverket "
                "och Brå. Socialstyrelsen har tidigare genomfört ett utvecklingsarbete "
                "tillsammans med Skolverket om tidiga och samordnade insatser (TSI) i "
                "socialtjänst, skola och hälso- och sjukvård.</p>",
            ),
        ],
        "how_to_get": (
            "Enligt rapporten erbjuder Skolverket stödet till de huvudmän som uppfyller "
            "villkoren ovan. Läs mer på Skolverkets webbplats."
        ),
        "source": "Ds 2025:19, avsnitt 4.5, 4.7.1, 5.5.1 och 6.5.2",
        "link": "https://www.skolverket.se",
        "support_areas": ["sammanhang-och-systematik"],
        "target_groups": [],
    },
]
