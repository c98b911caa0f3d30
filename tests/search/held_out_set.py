"""Held-out Swedish queries over the demo content, each with the pages a social worker
would expect in the top 5.

Written on 2026-11-25 on commit 1897a4c (main), before any tuning of search for issue 14,
and never tuned against: whoever changes search must not read these queries nor their
misses. bench/search_quality.py reports them as their own part (part=held_out), so that
a gain on the tuning set can be checked against queries nobody tuned for.

The queries are typed the way municipal social-services staff type: compounds the text
writes apart or in another compound, short first parts of compounds, synonyms the text
does not use, words a page shows that may not be indexed (partner labels, collaboration
forms, support formats, a workshop's theme and place), definite forms, words typed with
and without å/ä/ö, acronyms, misspellings and short phrases.
"""

GUIDANCE = "/stodomraden/"
KNOWLEDGE = GUIDANCE + "basta-tillgangliga-kunskap/"
SYSTEMATICS = GUIDANCE + "sammanhang-och-systematik/"
LOCAL = GUIDANCE + "lokal-utveckling/"
BUP = GUIDANCE + "samverkan-med-bup/"
EXAMPLES = "/goda-exempel/"
WORKSHOPS = "/workshoppar/"

LEAVING = [
    KNOWLEDGE + "barn-som-vill-lamna-kriminella-natverk/",
    EXAMPLES + "avhoppare-i-nationellt-natverk/",
]
GIRLS = [EXAMPLES + "en-blind-flack/", LOCAL + "flickor-i-kriminella-miljoer/"]

HELD_OUT_SET = [
    # compounds the text writes apart or in another compound
    ("skolfrånvaro", [SYSTEMATICS, LOCAL]),
    ("skolsocialt team", [SYSTEMATICS, LOCAL]),
    ("våldsförebyggande", ["/metoder/mvp/"]),
    ("avhopparnätverk", LEAVING),
    ("uppföljningssystem", [SYSTEMATICS + "systematisk-uppfoljning/"]),
    ("barnperspektivet", ["/metoder/signs-of-safety/"]),
    # a short first part
    ("tjejer i gäng", GIRLS),
    # synonyms the text does not use
    (
        "brottslighet bland unga",
        [SYSTEMATICS + "sociala-insatsgrupper/", KNOWLEDGE + "rbm-modellen/"],
    ),
    ("fältassistenter", [EXAMPLES + "gemensamma-lagesbilder/"]),
    ("bedömningsverktyg", [EXAMPLES + "bedomningsinstrument-atertogs/", "/metoder/ester/"]),
    ("HVB", [LOCAL + "placerade-barn/"]),
    ("barn med NPF", [LOCAL + "barn-med-funktionsnedsattning/"]),
    ("funktionshinderomsorgen", [LOCAL + "barn-med-funktionsnedsattning/"]),
    ("webbinarium bup", [EXAMPLES + "bup-konferens-tillsammans/", WORKSHOPS + "bup-mellanrummen/"]),
    ("utagerande ungdomar", ["/metoder/fft/"]),
    ("hoppa av gänget", LEAVING),
    ("träffa andra kommuner", ["/kommuner/natverk/pilotkommunernas-erfarenhetsutbyte/"]),
    # what a page shows: partners, support formats, collaboration forms, a workshop's
    # theme and place
    (
        "samverkan med regionen",
        [BUP + "samverkan-med-bup/", EXAMPLES + "bup-konferens-tillsammans/"],
    ),
    ("rådgivning", [SYSTEMATICS, LOCAL, BUP]),
    ("workshop kartläggning", [WORKSHOPS + "kartlaggning-workshop/"]),
    ("workshop växjö", [WORKSHOPS + "uppfoljning-sspf-sig/"]),
    ("organiserad brottslighet", [SYSTEMATICS + "roller-och-ansvar/", SYSTEMATICS]),
    ("statsbidrag utsatta områden", [EXAMPLES + "gemensamma-lagesbilder/"]),
    # definite forms
    (
        "mottaglighetsprincipen",
        [LOCAL + "barn-med-funktionsnedsattning/", KNOWLEDGE + "rbm-modellen/"],
    ),
    (
        "nya socialtjänstlagen",
        [
            SYSTEMATICS + "roller-och-ansvar/",
            SYSTEMATICS + "analys-per-malgrupp/",
            EXAMPLES + "malgrupper-som-inte-nas/",
        ],
    ),
    ("samverkansmötena", [SYSTEMATICS + "roller-och-ansvar/"]),
    # without å, ä, ö
    ("faltare", [EXAMPLES + "gemensamma-lagesbilder/"]),
    ("oppenvarden", [EXAMPLES + "rbm-for-hela-socialtjansten/"]),
    ("goteborg", ["/kommuner/goteborg/", EXAMPLES + "en-blind-flack/"]),
    ("vardnadshavare", [SYSTEMATICS + "sspf/", SYSTEMATICS + "sociala-insatsgrupper/"]),
    # with å: "vård" must not become "vard" (vardag)
    ("vård utanför hemmet", [LOCAL + "placerade-barn/"]),
    # acronyms; "sig" is also an everyday word
    ("SST", [SYSTEMATICS, LOCAL]),
    ("TSI", [LOCAL + "barn-med-funktionsnedsattning/", BUP + "samverkan-med-bup/"]),
    ("EST", [EXAMPLES + "gemensamma-lagesbilder/", SYSTEMATICS + "roller-och-ansvar/"]),
    (
        "sig uppföljning",
        [SYSTEMATICS + "sociala-insatsgrupper/", EXAMPLES + "uppfoljning-av-sspf-och-sig/"],
    ),
    # misspellings
    ("kriminela nätverk", [KNOWLEDGE + "barn-som-vill-lamna-kriminella-natverk/"]),
    ("famlijeterapi", ["/metoder/fft/"]),
    ("kronobarnmodellen", ["/metoder/kronobarnsmodellen/"]),
    ("ungdomspsykatri", [BUP + "samverkan-med-bup/"]),
    # a phrase
    ("nytt arbetssätt leva kvar", [LOCAL + "implementering-som-haller/"]),
]
