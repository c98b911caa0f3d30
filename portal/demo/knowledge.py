"""Demo support areas and guidance, written from the facts in Ds 2025:19 (section 4.4).

Body content uses a small notation that the builder turns into StreamField blocks:
("h", text), ("p", html), ("callout", title, html), ("steps", title, [(step, text, who)]).
"""

import datetime

# The date the demo guidance was last looked over, shown to readers, and how often it is
# to be looked over again: the demo is not overdue until October 2027.
LAST_REVIEWED = datetime.date(2025, 10, 1)
REVIEW_INTERVAL_MONTHS = 24

SUPPORT_AREAS = [
    {
        "slug": "basta-tillgangliga-kunskap",
        "title": "Implementera bästa tillgängliga kunskap",
        "summary": (
            "Stöd för att föra in kunskapsbaserade arbetssätt i vardagen: RBM-modellen, "
            "kartläggning och analys inför val av insatser, och arbetet med barn som vill "
            "lämna kriminella nätverk."
        ),
        "support_formats": ["lecture", "workshop", "mapping"],
        "methods": ["rbm", "savry", "ester"],
        "collaboration_forms": [],
        "body": [
            ("h", "Vad stödet innehåller"),
            (
                "p",
                "<p>Förstärkningsteamet har kombinerat föreläsningar med workshoppar där "
                "medarbetare från flera enheter arbetar med egna frågor. I en del kommuner "
                "har stödet i stället varit en kartläggning av lokala dokument, intervjuer "
                "och statistik som underlag för vilka insatser kommunen ska välja.</p>",
            ),
            (
                "callout",
                "Bra att veta",
                "<p>Metoderna ägs av metodföreträdare som svarar för utbildning och "
                "licenser. Teamet utbildar i principerna som metoderna bygger på.</p>",
            ),
        ],
        "guidance": [
            {
                "slug": "rbm-modellen",
                "title": "RBM-modellen: risk, behov och mottaglighet i vardagen",
                "summary": (
                    "Hur principerna om risk, behov och mottaglighet kan bli ett gemensamt "
                    "språk i utredning, planering och uppföljning."
                ),
                "prevention_levels": ["selective", "indicated"],
                "target_groups": ["barn-i-riskzon", "unga-som-begar-brott"],
                "partners": ["disability_services", "child_psychiatry"],
                "collaboration_forms": [],
                "methods": ["rbm", "ester", "savry"],
                "tags": ["RBM", "bedömning", "kompetensutveckling"],
                "body": [
                    ("h", "Tre principer"),
                    (
                        "p",
                        "<ul><li><strong>Risk:</strong> ju högre risk för fortsatt "
                        "brottslighet, desto mer intensiv insats.</li><li><strong>Behov:"
                        "</strong> insatsen riktas mot de faktorer som driver beteendet, "
                        "till exempel kamratkrets, skola och familj.</li><li><strong>"
                        "Mottaglighet:</strong> insatsen anpassas till den unga, bland annat "
                        "till funktionsnedsättningar och motivation.</li></ul>",
                    ),
                    ("h", "Så har kommunerna arbetat"),
                    (
                        "p",
                        "<p>I tre pilotkommuner höll förstärkningsteamet föreläsningar "
                        "följda av fördjupande workshoppar. Att många medarbetare kunde "
                        "delta på hemmaplan, och att olika enheter satt tillsammans, lyftes "
                        "fram som särskilt värdefullt.</p>",
                    ),
                    (
                        "steps",
                        "Från utbildning till arbetssätt",
                        [
                            (
                                "Gemensam grund",
                                "Föreläsning om principerna för alla som möter målgruppen.",
                                "Enhetschef bjuder in",
                            ),
                            (
                                "Fördjupning",
                                "Workshoppar per princip med egna, avidentifierade exempel.",
                                "Verksamhetsutvecklare",
                            ),
                            (
                                "Välj instrument",
                                "Besluta om bedömningsinstrument och planera utbildning hos "
                                "metodföreträdaren.",
                                "Ledningsgruppen",
                            ),
                            (
                                "Följ upp",
                                "Stäm av efter ett halvår hur bedömningarna används.",
                                "Verksamhetsutvecklare",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "kartlaggning-och-analys",
                "title": "Kartläggning och analys före val av insatser",
                "summary": (
                    "Ta reda på vilka barn och unga kommunen behöver nå och vad som redan "
                    "görs, innan nya insatser väljs."
                ),
                "prevention_levels": ["universal", "selective", "indicated"],
                "target_groups": ["barn-i-riskzon"],
                "partners": ["school", "police", "leisure"],
                "collaboration_forms": [],
                "methods": [],
                "tags": ["kartläggning", "analys", "lägesbild"],
                "body": [
                    ("h", "Varför kartlägga först"),
                    (
                        "p",
                        "<p>Det är lätt att starta nya arbetssätt utan att först analysera "
                        "behov och målgrupper. En kartläggning visar styrkor, luckor och "
                        "dubbelarbete, och gör valet av insatser lättare att motivera.</p>",
                    ),
                    (
                        "steps",
                        "Arbetsgång",
                        [
                            (
                                "Samla underlag",
                                "Lokala styrdokument, nationell och lokal statistik om barn "
                                "och unga.",
                                "Kommunens kontaktperson",
                            ),
                            (
                                "Intervjua",
                                "Medarbetare, chefer och gärna nämndens ordförande.",
                                "Kartläggaren",
                            ),
                            (
                                "Analysera",
                                "Sortera arbetet efter preventionsnivå och målgrupp.",
                                "Kartläggaren",
                            ),
                            (
                                "Återkoppla",
                                "Skriftlig rapport och workshoppar där resultatet diskuteras.",
                                "Ledningen beslutar om nästa steg",
                            ),
                        ],
                    ),
                    (
                        "callout",
                        "Inga uppgifter om enskilda",
                        "<p>Kartläggningen gäller verksamheten. Den behöver aldrig "
                        "personuppgifter om enskilda barn.</p>",
                    ),
                ],
            },
            {
                "slug": "barn-som-vill-lamna-kriminella-natverk",
                "title": "Barn och unga som vill lämna kriminella nätverk",
                "summary": (
                    "Vad socialtjänsten behöver ha på plats för att kunna stödja ett barn "
                    "som vill ta sig ur en kriminell miljö."
                ),
                "prevention_levels": ["indicated"],
                "target_groups": ["avhoppare", "unga-som-begar-brott"],
                "partners": ["police", "school", "authorities"],
                "collaboration_forms": ["sig"],
                "methods": ["rbm"],
                "tags": ["avhoppare", "kriminella nätverk"],
                "body": [
                    (
                        "p",
                        "<p>Ett avhopp kräver ofta snabba beslut, skydd och ett samlat stöd "
                        "kring skola, boende och fritid. Kommunen behöver veta i förväg vem "
                        "som gör vad.</p>",
                    ),
                    ("h", "Att förbereda"),
                    (
                        "p",
                        "<ul><li>En rutin för första kontakten och vem som äger ärendet.</li>"
                        "<li>Överenskommelser med polis och andra kommuner om skydd och "
                        "boende.</li><li>Kunskap om hot och risker för familjen.</li></ul>",
                    ),
                    (
                        "callout",
                        "Nätverk för kommuner",
                        "<p>Socialstyrelsen har ett nätverk för kommuner som arbetar med "
                        "barn som avhoppare. Två pilotkommuner fick stöd genom att delta i "
                        "det.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "sammanhang-och-systematik",
        "title": "Sammanhang och systematik",
        "summary": (
            "Stöd för att kommunens brottsförebyggande arbete ska hänga ihop: SSPF och SIG, "
            "roller och ansvar, och analys av insatser för olika målgrupper."
        ),
        "support_formats": ["process_support", "dialogue", "mapping", "lecture"],
        "methods": ["isu"],
        "collaboration_forms": ["sspf", "sig", "est", "sst", "bob"],
        "body": [
            ("h", "Vad stödet innehåller"),
            (
                "p",
                "<p>Här ingår processtöd och kunskapshöjande insatser om hur förvaltningarna "
                "fördelar roller och ansvar, stöd vid införande och uppföljning av SSPF och "
                "SIG samt analys av vilka målgrupper kommunens insatser når.</p>",
            ),
        ],
        "guidance": [
            {
                "slug": "sspf",
                "title": "SSPF: samverkan mellan skola, socialtjänst, polis och fritid",
                "summary": (
                    "Så kan kommunen införa SSPF så att arbetssättet blir ett gemensamt språk "
                    "och inte en mötesform bland andra."
                ),
                "prevention_levels": ["selective"],
                "target_groups": ["barn-i-riskzon", "vardnadshavare"],
                "partners": ["school", "police", "leisure", "parents"],
                "collaboration_forms": ["sspf"],
                "methods": ["isu"],
                "tags": ["SSPF", "samverkan", "skola"],
                "body": [
                    (
                        "p",
                        "<p>I SSPF möts skola, socialtjänst, polis och fritid kring ett barn "
                        "som riskerar att dras in i kriminalitet eller missbruk, och arbetar "
                        "tillsammans med vårdnadshavarna. Av 26 kommuner med "
                        "statsbidrag för insatser i utsatta områden 2021 använde 16 SSPF.</p>",
                    ),
                    (
                        "steps",
                        "Införande",
                        [
                            (
                                "Förankra",
                                "Ledningarna för alla fyra verksamheter beslutar om "
                                "deltagande och resurser.",
                                "Kommunens brottsförebyggande samordnare",
                            ),
                            (
                                "Gemensam utbildning",
                                "Alla som ska delta får samma grund, gärna med extern expert.",
                                "Socialtjänsten",
                            ),
                            (
                                "Starta i liten skala",
                                "Pröva med några skolor och utvärdera innan utökning.",
                                "Arbetsgruppen",
                            ),
                            (
                                "Följ upp",
                                "Bestäm redan från början vad som ska följas upp och hur.",
                                "Verksamhetsutvecklare",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "sociala-insatsgrupper",
                "title": "Sociala insatsgrupper (SIG)",
                "summary": (
                    "Samverkan för unga som vill sluta begå brott, och hur den kan följas "
                    "upp systematiskt."
                ),
                "prevention_levels": ["indicated"],
                "target_groups": ["unga-som-begar-brott", "avhoppare"],
                "partners": ["police", "school"],
                "collaboration_forms": ["sig"],
                "methods": ["isu", "rbm"],
                "tags": ["SIG", "samverkan", "uppföljning"],
                "body": [
                    (
                        "p",
                        "<p>SIG bygger på samtycke från den unga eller vårdnadshavarna och "
                        "samlar socialtjänst, skola och polis kring en individuell plan.</p>",
                    ),
                    ("h", "Att följa upp SIG"),
                    (
                        "p",
                        "<p>Nio SIG-verksamheter i fyra län har arbetat med Socialstyrelsen "
                        "kring individbaserad systematisk uppföljning i SU-Reg. Två "
                        "pilotkommuner förde dialog med förstärkningsteamet om att följa "
                        "upp både SSPF och SIG.</p>",
                    ),
                ],
            },
            {
                "slug": "roller-och-ansvar",
                "title": "Roller och ansvar i kommunens brottsförebyggande arbete",
                "summary": (
                    "Hur socialtjänstens nya brottsförebyggande ansvar förhåller sig till "
                    "kommunens övergripande ansvar, och vem som tar nästa steg."
                ),
                "prevention_levels": ["universal", "selective", "indicated"],
                "target_groups": ["barn-i-riskzon"],
                "partners": ["school", "police", "leisure", "authorities"],
                "collaboration_forms": ["bob", "sspf", "est"],
                "methods": [],
                "tags": ["ansvar", "ny socialtjänstlag", "styrning"],
                "body": [
                    (
                        "p",
                        "<p>Kommunens övergripande brottsförebyggande arbete och "
                        "socialtjänstens verksamhet har inte alltid samordnats. Med den nya "
                        "socialtjänstlagen blir den interna samordningen viktigare, samtidigt "
                        "som Bob-samverkan och andra initiativ startar.</p>",
                    ),
                    (
                        "callout",
                        "Risk för undanträngning",
                        "<p>Flera kommuner beskriver att samverkansmöten tar så mycket tid "
                        "att andra målgrupper riskerar att få mindre. En samlad karta över "
                        "forum och uppdrag gör det lättare att prioritera.</p>",
                    ),
                    (
                        "steps",
                        "Reda ut vem som gör vad",
                        [
                            (
                                "Lista alla forum",
                                "Samla samverkansforum, uppdrag och ansvariga i en översikt.",
                                "Brottsförebyggande samordnare",
                            ),
                            (
                                "Pröva mot målgrupperna",
                                "Vilka barn når varje forum, och vilka når inget?",
                                "Socialtjänstens ledning",
                            ),
                            (
                                "Besluta",
                                "Slå ihop, lägg ner eller förtydliga ansvar.",
                                "Kommundirektörens ledningsgrupp",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "systematisk-uppfoljning",
                "title": "Systematisk uppföljning av insatser",
                "summary": (
                    "Att veta vilka som får insatser och vad som händer sedan, utan att "
                    "uppföljningen blir ett sidospår."
                ),
                "prevention_levels": ["selective", "indicated"],
                "target_groups": ["barn-i-riskzon", "unga-som-begar-brott"],
                "partners": [],
                "collaboration_forms": ["sspf", "sig"],
                "methods": ["isu"],
                "tags": ["uppföljning", "ISU", "SU-Reg"],
                "body": [
                    (
                        "p",
                        "<p>Alla pilotkommuner efterfrågade ett lättillgängligt nationellt "
                        "system för uppföljning. Dagens verktyg är svårt att föra över till "
                        "kommunernas egna system och uttagen kräver mycket handpåläggning.</p>",
                    ),
                    ("h", "Börja smått"),
                    (
                        "p",
                        "<p>Välj en insats och några få frågor som verksamheten faktiskt vill "
                        "ha svar på. Utse vem som ansvarar för att sammanställa och "
                        "presentera resultaten, och när.</p>",
                    ),
                ],
            },
            {
                "slug": "analys-per-malgrupp",
                "title": "Analys av insatser för olika målgrupper",
                "summary": (
                    "Kartlägg kommunens egna brottsförebyggande insatser för att hitta de "
                    "målgrupper som inte nås."
                ),
                "prevention_levels": ["universal", "selective", "indicated"],
                "target_groups": ["barn-i-riskzon", "flickor", "barn-med-funktionsnedsattning"],
                "partners": ["school", "leisure"],
                "collaboration_forms": [],
                "methods": [],
                "tags": ["målgrupper", "analys"],
                "body": [
                    (
                        "p",
                        "<p>En analys per målgrupp ställer frågan vilka barn och unga "
                        "kommunens insatser faktiskt når, på vilken preventionsnivå, och "
                        "vilka som faller mellan stolarna.</p>",
                    ),
                    (
                        "callout",
                        "Underlag inför ny lag",
                        "<p>En pilotkommun använder sin analys som underlag för "
                        "omställningen till den nya socialtjänstlagen.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "lokal-utveckling",
        "title": "Lokal utveckling av insatser och arbetsformer",
        "summary": (
            "Stöd i kommunens eget utvecklingsarbete, till exempel om insatser för placerade "
            "barn, barn med funktionsnedsättning och implementering som håller över tid."
        ),
        "support_formats": ["dialogue", "process_support", "mapping"],
        "methods": ["fft", "mvp", "signs-of-safety", "kronobarnsmodellen"],
        "collaboration_forms": ["sst", "tsi"],
        "body": [
            (
                "p",
                "<p>Stödet utgår från ett utvecklingsarbete som kommunen själv äger. "
                "Förstärkningsteamet bidrar med dialog, kunskapsunderlag och en blick "
                "utifrån.</p>",
            ),
        ],
        "guidance": [
            {
                "slug": "placerade-barn",
                "title": "Insatser för placerade barn och unga",
                "summary": (
                    "Vad kommunen kan tänka på när den utvecklar vård utanför hemmet för "
                    "unga med normbrytande beteende, till exempel behandlingsfamiljer."
                ),
                "prevention_levels": ["indicated"],
                "target_groups": ["placerade-barn", "unga-som-begar-brott"],
                "partners": ["school", "child_psychiatry"],
                "collaboration_forms": [],
                "methods": ["rbm"],
                "tags": ["placering", "behandlingsfamiljer"],
                "body": [
                    (
                        "p",
                        "<p>Placerade barn är en grupp med höga risker. Insatsen behöver "
                        "matcha barnets risker och behov, och skolgången måste fungera "
                        "under placeringen.</p>",
                    ),
                    (
                        "callout",
                        "Dialog som stöd",
                        "<p>En pilotkommun som planerade ett arbete med behandlingsfamiljer "
                        "beskrev att dialogen med teamet gav arbetet nytt fokus och mod att "
                        "komma i gång.</p>",
                    ),
                ],
            },
            {
                "slug": "barn-med-funktionsnedsattning",
                "title": "Barn med funktionsnedsättning i det brottsförebyggande arbetet",
                "summary": (
                    "Barn med funktionsnedsättning är en riskgrupp. Samverkan mellan "
                    "barn- och ungdomsvården, funktionshindersverksamheten och skolan behöver "
                    "en tydlig ägare."
                ),
                "prevention_levels": ["selective", "indicated"],
                "target_groups": ["barn-med-funktionsnedsattning", "barn-i-riskzon"],
                "partners": ["disability_services", "school", "child_psychiatry"],
                "collaboration_forms": ["tsi"],
                "methods": ["rbm"],
                "tags": ["funktionsnedsättning", "skola", "samverkan"],
                "body": [
                    (
                        "p",
                        "<p>Flera pilotkommuner saknar ett uttalat ansvar för samverkan "
                        "kring barn med funktionsnedsättning i brottsförebyggande syfte. "
                        "Kommuner som anslöt 2025 har bett om stöd för samverkan med skolan "
                        "så att barnen kan fullfölja skolgången.</p>",
                    ),
                    ("h", "Mottaglighet i praktiken"),
                    (
                        "p",
                        "<p>RBM-modellens mottaglighetsprincip ger ett gemensamt språk: "
                        "insatsen ska vara utformad så att barnet kan ta den till sig.</p>",
                    ),
                ],
            },
            {
                "slug": "barnets-delaktighet",
                "title": "Barnets delaktighet i det brottsförebyggande arbetet",
                "summary": (
                    "Barnet har rätt att säga sin mening i frågor som rör det. Vad källorna "
                    "säger om att låta barnets egen röst forma socialtjänstens "
                    "brottsförebyggande arbete, och var kommunen kan börja."
                ),
                "prevention_levels": ["universal", "selective", "indicated"],
                "target_groups": ["barn-i-riskzon", "unga-som-begar-brott", "avhoppare"],
                "partners": ["parents"],
                "collaboration_forms": [],
                "methods": ["kronobarnsmodellen", "signs-of-safety"],
                "tags": ["delaktighet", "barnkonventionen", "barnets röst"],
                "body": [
                    (
                        "p",
                        "<p>Under pilotverksamheten såg Socialstyrelsen att två frågor behöver "
                        "bli en tydligare del av förstärkningsteamets arbete: barnets "
                        "delaktighet och "
                        "funktionshinderperspektivet i den sociala barn- och ungdomsvårdens "
                        "brottsförebyggande arbete. Den här vägledningen samlar det som "
                        "källorna säger om den första frågan.</p>",
                    ),
                    ("h", "Barnkonventionen är lag"),
                    (
                        "p",
                        "<p>Sedan den 1 januari 2020 gäller barnkonventionen som svensk lag. "
                        "En av dess fyra grundprinciper är barnets rätt att bilda sig och "
                        "uttrycka egna åsikter (artikel 12). De andra tre är förbudet mot "
                        "diskriminering, barnets bästa och rätten till liv, överlevnad och "
                        "utveckling. Principerna ska vägleda hur övriga regler tolkas och "
                        "tillämpas.</p>",
                    ),
                    ("h", "Vad barn och unga själva har berättat"),
                    (
                        "p",
                        "<p>Delegationen bakom rapporten intervjuade inga barn, utan hämtade "
                        "deras erfarenheter "
                        "ur aktuella rapporter från Barnombudsmannen och Brå. I dem "
                        "framkommer bland annat detta:</p><ul>"
                        "<li>Barn säger att de behöver samhällets hjälp för att ta sig ur "
                        "kriminalitet, och att det är viktigt att förstå varför unga börjar "
                        "begå brott.</li>"
                        "<li>Barn som är frihetsberövade beskriver en otrygg uppväxt som "
                        "framför allt präglats av våld i hemmet. Socialtjänsten kände till "
                        "deras situation, men mötena "
                        "ledde inte till konkret hjälp.</li>"
                        "<li>Unga som vill lämna kriminella nätverk säger att personer utanför "
                        "nätverket, till exempel en kontaktperson i socialtjänsten, kan "
                        "påverka vad de bestämmer sig för.</li></ul>",
                    ),
                    (
                        "callout",
                        "Att lära av",
                        "<p>Berättelserna pekar på att det inte räcker att socialtjänsten "
                        "känner till ett barns utsatthet: kontakten behöver leda till konkreta "
                        "insatser. Enligt rapporten bekräftar barnens röster också hur viktigt "
                        "det är att arbetet är förebyggande, kunskapsbaserat och håller god "
                        "kvalitet.</p>",
                    ),
                    ("h", "Så har kommuner arbetat"),
                    (
                        "p",
                        "<p>I Socialstyrelsens uppföljning av statsbidraget för sociala "
                        "insatser i utsatta områden 2021 bedömde 69 procent av kommunerna att "
                        "bidraget hade stärkt barns rätt och delaktighet i det "
                        "brottsförebyggande arbetet. Kommunerna nämnde bland annat:</p><ul>"
                        "<li>uppsökande team vars uppgift är att möta barn och lyssna på "
                        "deras behov</li>"
                        "<li>arbetssätt som sätter barnets perspektiv i centrum, till exempel "
                        "Kronobarnsmodellen och Signs of Safety</li>"
                        "<li>utbildning för personal och föräldrar om barnkonventionen och om "
                        "risk- och skyddsfaktorer.</li></ul>",
                    ),
                    (
                        "callout",
                        "Pröva frågan lokalt",
                        "<p>När ni kartlägger kommunens insatser kan ni också fråga: i vilka "
                        "av dem får barnet säga sin mening, och hur syns det sedan i det som "
                        "görs? Barnens synpunkter hör hemma i ert eget arbete, aldrig som "
                        "uppgifter om enskilda barn på portalen.</p>",
                    ),
                    (
                        "p",
                        "<p><strong>Källor:</strong> Ds 2025:19, avsnitt 4.8 och 7.5; "
                        "Socialstyrelsens redovisning av 2021 års uppdrag om sociala insatser "
                        "i utsatta områden.</p>",
                    ),
                ],
            },
            {
                "slug": "flickor-i-kriminella-miljoer",
                "title": "Flickor i kriminella miljöer",
                "summary": (
                    "Flickor i gängkriminella miljöer upptäcks sällan och får sällan stöd. "
                    "Vad kommunen kan göra för att se dem."
                ),
                "prevention_levels": ["selective", "indicated"],
                "target_groups": ["flickor"],
                "partners": ["police", "healthcare", "civil_society"],
                "collaboration_forms": [],
                "methods": [],
                "tags": ["flickor", "jämställdhet", "kriminella nätverk"],
                "body": [
                    (
                        "p",
                        "<p>Den nya socialtjänstlagen säger att socialtjänsten ska främja "
                        "jämställda levnadsvillkor. Flickor som befinner sig i kriminella "
                        "miljöer har länge varit en blind fläck: de syns inte i samma "
                        "statistik och forum som pojkarna.</p>",
                    ),
                    (
                        "callout",
                        "Pröva frågan lokalt",
                        "<p>Fråga i kartläggningen: vilka av våra insatser når flickor, och "
                        "hur skulle vi upptäcka en flicka som utnyttjas av ett nätverk?</p>",
                    ),
                ],
            },
            {
                "slug": "implementering-som-haller",
                "title": "Implementering som håller över tid",
                "summary": (
                    "Varför utbildningsinsatser inte räcker, och hur kommunen planerar för "
                    "att ett nytt arbetssätt ska leva kvar."
                ),
                "prevention_levels": ["universal", "selective", "indicated"],
                "target_groups": [],
                "partners": [],
                "collaboration_forms": [],
                "methods": ["rbm", "isu"],
                "tags": ["implementering", "förändringsledning"],
                "body": [
                    (
                        "p",
                        "<p>Erfarenheten från pilotverksamheten är att stöd utifrån bara "
                        "ger varaktig effekt om kommunen själv håller i arbetet under lång "
                        "tid och har en plan för hur resultatet tas om hand.</p>",
                    ),
                    (
                        "steps",
                        "Innan ni börjar",
                        [
                            (
                                "Syfte och mål",
                                "Skriv ned vad ni vill uppnå och hur ni ser att det lyckats.",
                                "Ledningen",
                            ),
                            (
                                "Ägare",
                                "Utse en chef med mandat och en verksamhetsutvecklare.",
                                "Ledningen",
                            ),
                            (
                                "Plan för överlämning",
                                "Bestäm hur arbetet ska ingå i ordinarie verksamhet.",
                                "Projektägaren",
                            ),
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "samverkan-med-bup",
        "title": "Socialtjänstens kontakt med barn- och ungdomspsykiatrin",
        "summary": (
            "Stöd för samverkan mellan den sociala barn- och ungdomsvården och BUP om barn "
            "med normbrytande beteende, bland annat bättre underlag vid remisser."
        ),
        "support_formats": ["dialogue", "process_support", "lecture"],
        "methods": [],
        "collaboration_forms": ["tsi"],
        "body": [
            (
                "p",
                "<p>Förstärkningsteamet har haft kontakt med de flesta regioner där "
                "pilotkommunerna ligger och höll en webbsänd halvdagskonferens om samverkan "
                "mellan socialtjänst och barn- och ungdomspsykiatri.</p>",
            ),
        ],
        "guidance": [
            {
                "slug": "samverkan-med-bup",
                "title": "Samverkan med barn- och ungdomspsykiatrin",
                "summary": (
                    "Hur socialtjänsten och BUP kan komma överens om arbetet i mellanrummen, "
                    "där barn annars faller mellan verksamheterna."
                ),
                "prevention_levels": ["selective", "indicated"],
                "target_groups": ["barn-i-riskzon", "barn-med-funktionsnedsattning"],
                "partners": ["child_psychiatry", "healthcare"],
                "collaboration_forms": ["tsi"],
                "methods": ["rbm"],
                "tags": ["BUP", "region", "samverkan"],
                "body": [
                    (
                        "p",
                        "<p>Många kommuner beskriver långvariga svårigheter att samverka med "
                        "BUP. Båda parter säger att arbetet i mellanrummen behövs, men det "
                        "blir inte gjort, och det drabbar barnen.</p>",
                    ),
                    (
                        "steps",
                        "Ett första steg",
                        [
                            (
                                "Bjud in",
                                "Ta med regionens företrädare till ett gemensamt "
                                "kunskapstillfälle.",
                                "Socialtjänstens ledning",
                            ),
                            (
                                "Beskriv mellanrummen",
                                "Vilka barn hamnar mellan verksamheterna, och när?",
                                "Gemensam arbetsgrupp",
                            ),
                            (
                                "Skriv överenskommelse",
                                "Vem gör vad, och hur ni följer upp det.",
                                "Förvaltningschef och verksamhetschef BUP",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "remisser-till-bup",
                "title": "Bättre underlag vid remisser till BUP",
                "summary": (
                    "Vad en remiss från socialtjänsten behöver innehålla för att BUP ska "
                    "kunna ta ställning, och hur ni stämmer av det med regionen."
                ),
                "prevention_levels": ["indicated"],
                "target_groups": ["barn-i-riskzon"],
                "partners": ["child_psychiatry"],
                "collaboration_forms": [],
                "methods": [],
                "tags": ["BUP", "remiss"],
                "body": [
                    (
                        "p",
                        "<p>Ett tydligt underlag sparar tid för båda parter. Stäm av med "
                        "regionen vad som behövs, och gör en gemensam mall som båda "
                        "verksamheterna känner till.</p>",
                    ),
                    (
                        "callout",
                        "Om personuppgifter",
                        "<p>Mallen och rutinen kan delas här. Själva remisserna innehåller "
                        "uppgifter om enskilda barn och hör aldrig hemma på portalen.</p>",
                    ),
                ],
            },
        ],
    },
]
