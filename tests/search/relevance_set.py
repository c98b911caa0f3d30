"""Swedish queries over the demo content, each with the pages a social worker would expect
in the top 5.

Two parts; the third, the held-out set, lives apart in held_out_set.py.

- RELEVANCE_SET ("established"): inflected forms, compound parts, acronyms (both ways),
  words typed without å/ä/ö, and misspellings. tests/search/test_relevance.py requires
  every one of them in the top 5.
- TUNING_SET ("tuning"): typed the way municipal social-services staff type: compounds the
  text writes apart, short first parts of compounds, synonyms the text does not use, words
  a page shows that may not be indexed, definite forms, missing or needed å/ä/ö, acronyms,
  misspellings, short phrases. Those tuning search may look at these.

Used by tests/search/test_relevance.py and bench/search_quality.py.
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

KNOWLEDGE = GUIDANCE + "basta-tillgangliga-kunskap/"
SYSTEMATICS = GUIDANCE + "sammanhang-och-systematik/"
LOCAL = GUIDANCE + "lokal-utveckling/"
BUP = GUIDANCE + "samverkan-med-bup/"
EXAMPLES = "/goda-exempel/"

TUNING_SET = [
    # compounds the text writes apart or in another compound: the school-social teams
    # (SST) are described on the two support areas as "elever med upprepad eller lång
    # frånvaro"
    ("skolnärvaro", [SYSTEMATICS, LOCAL]),
    ("gängkriminalitet", [LOCAL + "flickor-i-kriminella-miljoer/", EXAMPLES + "en-blind-flack/"]),
    ("riskfaktorer", ["/metoder/ester/", "/metoder/savry/"]),
    # a short first part, typed with å: "våld" must not become "vald"/"val"
    ("våld", ["/metoder/savry/", "/metoder/mvp/"]),
    # synonyms the text does not use
    ("ungdomsbrottslighet", [SYSTEMATICS + "sociala-insatsgrupper/"]),
    ("missbruk", [SYSTEMATICS + "sspf/", SYSTEMATICS]),
    ("samordnad individuell plan", [SYSTEMATICS + "sociala-insatsgrupper/"]),
    ("familjehem", [LOCAL + "placerade-barn/", EXAMPLES + "dialog-om-behandlingsfamiljer/"]),
    # what a page shows: a partner label, a support format, a workshop's theme and format
    ("civilsamhället", [LOCAL + "flickor-i-kriminella-miljoer/"]),
    ("föräldrar", [SYSTEMATICS + "sspf/"]),
    ("processtöd", [SYSTEMATICS, LOCAL, BUP]),
    ("workshop uppföljning", ["/workshoppar/uppfoljning-sspf-sig/"]),
    ("digital workshop BUP", ["/workshoppar/bup-mellanrummen/"]),
    # definite forms
    (
        "behandlingsfamiljerna",
        [LOCAL + "placerade-barn/", EXAMPLES + "dialog-om-behandlingsfamiljer/"],
    ),
    # without å, ä, ö
    ("lagesbild", [EXAMPLES + "gemensamma-lagesbilder/"]),
    ("valdsprevention", ["/metoder/mvp/"]),
    # acronyms; "Brå" must not become "bra"
    ("Brå", [EXAMPLES + "rbm-och-medel-fran-bra/"]),
    ("FFT", ["/metoder/fft/"]),
    ("SU-Reg", ["/metoder/isu/", SYSTEMATICS + "systematisk-uppfoljning/"]),
    # misspellings
    ("jämnställdhet", [LOCAL + "flickor-i-kriminella-miljoer/", EXAMPLES + "en-blind-flack/"]),
    ("uppföljnig", [SYSTEMATICS + "systematisk-uppfoljning/"]),
    # a short phrase
    (
        "stöd till avhoppare",
        [
            KNOWLEDGE + "barn-som-vill-lamna-kriminella-natverk/",
            EXAMPLES + "avhoppare-i-nationellt-natverk/",
        ],
    ),
    # -- written before tuning, 2026-12-03 (issue 14, relevance) --
    # compounds the text writes apart or in another compound
    ("remissunderlag", [BUP + "remisser-till-bup/"]),
    (
        "kommunens brottsprevention",
        [
            "/annat-nationellt-stod/brottsforebyggande-ansvaret-och-bras-stod/",
            SYSTEMATICS + "roller-och-ansvar/",
        ],
    ),
    (
        "samverkansrutin bup",
        [
            "/fragor-och-svar/vem-tar-nasta-steg-mellan-socialtjanst-och-bup/",
            BUP + "samverkan-med-bup/",
        ],
    ),
    # short parts of compounds
    ("fält", [EXAMPLES + "gemensamma-lagesbilder/"]),
    ("gäng", [LOCAL + "flickor-i-kriminella-miljoer/", EXAMPLES + "en-blind-flack/"]),
    ("skyddsfaktor", ["/metoder/savry/", "/metoder/ester/"]),
    ("psykiatri", [BUP + "samverkan-med-bup/"]),
    ("funktionshinder", [LOCAL + "barn-med-funktionsnedsattning/"]),
    (
        "instrument",
        [
            EXAMPLES + "bedomningsinstrument-atertogs/",
            "/fragor-och-svar/rbm-nar-vi-redan-har-ett-bedomningsinstrument/",
        ],
    ),
    # synonyms the text does not use
    ("unga som begår brott", [SYSTEMATICS + "sociala-insatsgrupper/"]),
    ("beroende", [SYSTEMATICS + "sspf/"]),
    ("SIP", [SYSTEMATICS + "sociala-insatsgrupper/"]),
    ("utvärdering", [SYSTEMATICS + "systematisk-uppfoljning/"]),
    ("samarbete med psykiatrin", [BUP + "samverkan-med-bup/"]),
    ("föräldrastöd", [SYSTEMATICS + "sspf/"]),
    ("webbinarium", ["/workshoppar/webbsandning-tidiga-signaler/"]),
    # what a page shows: a workshop's format, a partner label, support formats
    ("hybrid", ["/workshoppar/uppfoljning-sspf-sig/"]),
    ("fritidsgård", [SYSTEMATICS + "sspf/"]),
    ("föreläsning RBM", [KNOWLEDGE + "rbm-modellen/", EXAMPLES + "rbm-for-hela-socialtjansten/"]),
    # definite forms
    ("lägesbilden", [EXAMPLES + "gemensamma-lagesbilder/"]),
    ("remissen", [BUP + "remisser-till-bup/"]),
    ("länsstyrelsen", ["/annat-nationellt-stod/lansstyrelserna/"]),
    ("insatsgrupperna", [SYSTEMATICS + "sociala-insatsgrupper/"]),
    # without å, ä, ö
    ("lansstyrelsen", ["/annat-nationellt-stod/lansstyrelserna/"]),
    ("barnets rost", [LOCAL + "barnets-delaktighet/"]),
    # misspellings
    ("delaktihet", [LOCAL + "barnets-delaktighet/"]),
    ("insatsgruper", [SYSTEMATICS + "sociala-insatsgrupper/"]),
    ("kartläging", [KNOWLEDGE + "kartlaggning-och-analys/"]),
    # the way staff type: short, lowercase, colloquial
    (
        "följa upp sspf",
        [
            "/fragor-och-svar/uppfoljning-av-sspf-utan-extra-administration/",
            EXAMPLES + "uppfoljning-av-sspf-och-sig/",
        ],
    ),
    ("unga som vill sluta", [SYSTEMATICS + "sociala-insatsgrupper/"]),
]
