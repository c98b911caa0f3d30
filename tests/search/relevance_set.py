"""Swedish queries over the demo content, each with the pages it must find in the top 5.

Used by tests/search/test_relevance.py and bench/search_quality.py. The kinds of query:
inflected forms, compound parts, acronyms (both ways), words typed without å/ä/ö, and
misspellings.
"""

GUIDANCE = "/stodomraden/"
RELEVANCE_SET = [
    # plain words and inflected forms
    (
        "avhoppare",
        [GUIDANCE + "basta-tillgangliga-kunskap/barn-som-vill-lamna-kriminella-natverk/"],
    ),
    ("avhopp", [GUIDANCE + "basta-tillgangliga-kunskap/barn-som-vill-lamna-kriminella-natverk/"]),
    ("kartläggningar", [GUIDANCE + "basta-tillgangliga-kunskap/kartlaggning-och-analys/"]),
    ("placerade barn", [GUIDANCE + "lokal-utveckling/placerade-barn/"]),
    ("remisser", [GUIDANCE + "samverkan-med-bup/remisser-till-bup/"]),
    ("roller och ansvar", [GUIDANCE + "sammanhang-och-systematik/roller-och-ansvar/"]),
    ("implementeringen", [GUIDANCE + "lokal-utveckling/implementering-som-haller/"]),
    ("flickor", [GUIDANCE + "lokal-utveckling/flickor-i-kriminella-miljoer/"]),
    ("uppföljning", [GUIDANCE + "sammanhang-och-systematik/systematisk-uppfoljning/"]),
    ("mottaglighet", [GUIDANCE + "basta-tillgangliga-kunskap/rbm-modellen/"]),
    ("lägesbilder", ["/goda-exempel/gemensamma-lagesbilder/"]),
    ("tjejer gängkriminella", ["/goda-exempel/en-blind-flack/"]),
    # compound parts
    ("behandlingsfamilj", ["/goda-exempel/dialog-om-behandlingsfamiljer/"]),
    ("riskbedömning", ["/goda-exempel/rbm-och-medel-fran-bra/"]),
    ("bedömningsinstrument", ["/goda-exempel/bedomningsinstrument-atertogs/"]),
    ("trygghet", ["/goda-exempel/gemensamma-lagesbilder/"]),
    # acronyms, and their words
    ("SSPF", [GUIDANCE + "sammanhang-och-systematik/sspf/"]),
    ("skola socialtjänst polis fritid", [GUIDANCE + "sammanhang-och-systematik/sspf/"]),
    ("SIG", [GUIDANCE + "sammanhang-och-systematik/sociala-insatsgrupper/"]),
    ("sociala insatsgrupper", [GUIDANCE + "sammanhang-och-systematik/sociala-insatsgrupper/"]),
    ("BUP", [GUIDANCE + "samverkan-med-bup/samverkan-med-bup/"]),
    ("barn- och ungdomspsykiatri", [GUIDANCE + "samverkan-med-bup/samverkan-med-bup/"]),
    ("RBM", ["/metoder/rbm/"]),
    ("risk behov mottaglighet", [GUIDANCE + "basta-tillgangliga-kunskap/rbm-modellen/"]),
    ("ISU", ["/metoder/isu/"]),
    ("MVP", ["/metoder/mvp/"]),
    ("workshop RBM", ["/workshoppar/rbm-grund/"]),
    # without å, ä, ö
    ("kartlaggning", [GUIDANCE + "basta-tillgangliga-kunskap/kartlaggning-och-analys/"]),
    ("funktionsnedsattning", [GUIDANCE + "lokal-utveckling/barn-med-funktionsnedsattning/"]),
    ("vaxjo", ["/kommuner/vaxjo/"]),
    ("goteborg blind flack", ["/goda-exempel/en-blind-flack/"]),
    ("uppfoljning sspf", ["/goda-exempel/uppfoljning-av-sspf-och-sig/"]),
    # misspellings
    ("avhopare", [GUIDANCE + "basta-tillgangliga-kunskap/barn-som-vill-lamna-kriminella-natverk/"]),
    ("implementring", [GUIDANCE + "lokal-utveckling/implementering-som-haller/"]),
    ("funktionsnedsätning", [GUIDANCE + "lokal-utveckling/barn-med-funktionsnedsattning/"]),
    (
        "pilotkommunernas erfarenhetsutbyte",
        ["/kommuner/natverk/pilotkommunernas-erfarenhetsutbyte/"],
    ),
]
