"""Demo content: "Frågor och svar", with three questions the team has answered, in the
portal's own words on themes of Ds 2025:19 (the RBM model, SSPF follow-up, contact with
BUP). They come from no named municipality and show no organisation."""

from portal.demo.builder import publish, upsert_child
from portal.models import Method, SupportAreaPage, TargetGroup

from ..models import QuestionAnswerIndexPage, QuestionAnswerPage

INDEX = {
    "slug": "fragor-och-svar",
    "title": "Frågor och svar",
    "intro": (
        "Kommuner frågar förstärkningsteamet om sitt arbete. Med frågeställarens samtycke "
        "publicerar teamet frågan och svaret här, omskrivna så att ingen kan pekas ut."
    ),
}

# (slug, title, support area slug, method slug or None, target group slug or None,
#  question, answer)
ANSWERS = [
    (
        "rbm-nar-vi-redan-har-ett-bedomningsinstrument",
        "Hur hänger RBM ihop med det bedömningsinstrument vi redan använder?",
        "basta-tillgangliga-kunskap",
        "rbm",
        "unga-som-begar-brott",
        "Vår enhet använder ett strukturerat bedömningsinstrument i utredningar av unga. Nu "
        "vill ledningen att vi arbetar enligt RBM. Måste vi byta instrument, eller går det "
        "att kombinera?",
        "RBM är inget instrument utan tre principer: insatsens intensitet ska stå i "
        "proportion till risken, den ska rikta sig mot de behov som hänger ihop med "
        "brottsligheten, och den ska utformas så att den unge kan ta till sig den. Ett "
        "strukturerat bedömningsinstrument är ofta det som gör principerna möjliga att följa "
        "i praktiken, så ni behöver inte byta. Börja med att gå igenom hur bedömningen i dag "
        "leder vidare till valet av insats och till uppföljningen. Där brukar glappen finnas.",
    ),
    (
        "uppfoljning-av-sspf-utan-extra-administration",
        "Hur följer vi upp SSPF utan att det blir ett eget administrativt spår?",
        "sammanhang-och-systematik",
        None,
        "barn-i-riskzon",
        "Vi har haft SSPF i några år men vet inte om samverkan gör skillnad. Varje försök "
        "till uppföljning har blivit extra blanketter som ingen orkar fylla i. Hur kan vi "
        "göra i stället?",
        "Utgå från de frågor ni faktiskt vill ha svar på, till exempel om rätt barn når "
        "SSPF, hur lång tid det tar från oro till åtgärd och om de planerade åtgärderna blir "
        "av. Välj sedan några få uppgifter som redan finns i ert ordinarie arbete och samla "
        "in dem på gruppnivå, aldrig om enskilda i portalen. Gå igenom resultatet i "
        "styrgruppen två gånger om året, så att uppföljningen leder till beslut och inte "
        "bara till rapporter.",
    ),
    (
        "vem-tar-nasta-steg-mellan-socialtjanst-och-bup",
        "Vem tar nästa steg när både socialtjänsten och BUP är inblandade?",
        "samverkan-med-bup",
        None,
        None,
        "Vi upplever att ärenden blir liggande när både socialtjänsten och barn- och "
        "ungdomspsykiatrin har kontakt med samma familjer. Hur kan vi tydliggöra vem som "
        "gör vad?",
        "Det vanligaste hindret är inte viljan utan att ingen har bestämt vem som äger "
        "nästa steg. Skriv en gemensam rutin på verksamhetsnivå som säger vem som kallar "
        "till samordnad planering, inom vilken tid och hur ni återkopplar till varandra när "
        "något ändras. Träffas regelbundet på chefsnivå för att lösa det som rutinen inte "
        "räcker till, och följ upp rutinen efter ett halvår.",
    ),
]


def build(home):
    index = upsert_child(
        home, QuestionAnswerIndexPage, INDEX["slug"], title=INDEX["title"], intro=INDEX["intro"]
    )
    publish(index)
    areas = {area.slug: area for area in SupportAreaPage.objects.all()}
    methods = {method.slug: method for method in Method.objects.all()}
    groups = {group.slug: group for group in TargetGroup.objects.all()}
    for slug, title, area, method, group, question, answer in ANSWERS:
        page = upsert_child(
            index,
            QuestionAnswerPage,
            slug,
            title=title,
            question=question,
            answer=answer,
            support_area=areas.get(area),
            method=methods.get(method),
            target_group=groups.get(group),
        )
        publish(page)


def counts():
    return {
        "frågor och svar": QuestionAnswerPage.objects.live().count(),
    }
