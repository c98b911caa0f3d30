"""Demo content: one self-assessment questionnaire per support area, in the portal's own
words (after Ds 2025:19, 4.4.1–4.4.2 and 6.5.4–6.5.5: analysing one's starting point,
needs and local conditions before applying).

Building is idempotent: a questionnaire is found by its title and its questions by their
place in it."""

from portal.models import SupportAreaPage
from support.models import Question, Questionnaire

SCALE, TEXT = Question.Kind.SCALE, Question.Kind.TEXT

QUESTIONNAIRES = {
    "basta-tillgangliga-kunskap": {
        "title": "Nulägesanalys: bästa tillgängliga kunskap",
        "intro": (
            "Hur långt har ni kommit med att grunda arbetet med barn och unga i riskzonen för "
            "brott på bästa tillgängliga kunskap?"
        ),
        "questions": [
            (SCALE, "Bedömer ni risk, behov och mottaglighet på ett strukturerat sätt?", ""),
            (
                SCALE,
                "Använder ni ett gemensamt språk för bedömningarna med andra verksamheter?",
                "Till exempel RBM-modellen, med skola, funktionshinderverksamhet eller psykiatri.",
            ),
            (
                SCALE,
                "Grundar ni valet av insatser på en analys av lokala behov och kunskapsläget?",
                "",
            ),
            (SCALE, "Har ni en plan för hur nya insatser införs och följs upp?", ""),
            (
                SCALE,
                "Har ni ett arbetssätt för barn och unga som vill lämna kriminella miljöer?",
                "",
            ),
            (TEXT, "Vilken kunskap saknar ni mest i dag?", ""),
        ],
    },
    "sammanhang-och-systematik": {
        "title": "Nulägesanalys: sammanhang och systematik",
        "intro": (
            "Hur hänger kommunens brottsförebyggande arbete med barn och unga ihop, och hur "
            "systematiskt följs det upp?"
        ),
        "questions": [
            (SCALE, "Är roller och ansvar mellan förvaltningarna tydliga och kända?", ""),
            (SCALE, "Fungerar samverkan mellan skola, socialtjänst, polis och fritid?", ""),
            (SCALE, "Har ni sociala insatsgrupper som arbetar enligt en gemensam rutin?", ""),
            (
                SCALE,
                "Har ni en överblick över alla insatser per preventionsnivå och målgrupp?",
                "Universell, selektiv och indikerad nivå.",
            ),
            (SCALE, "Följer ni upp samverkan och insatserna systematiskt över tid?", ""),
            (TEXT, "Var uppstår glappen mellan verksamheterna i dag?", ""),
            (TEXT, "Vad skulle göra störst skillnad för samordningen?", ""),
        ],
    },
    "lokal-utveckling": {
        "title": "Nulägesanalys: lokal utveckling av insatser",
        "intro": (
            "Hur väl passar kommunens insatser och arbetsformer de barn och unga som behöver dem?"
        ),
        "questions": [
            (SCALE, "Vet ni vilka målgrupper era insatser når och vilka som inte nås?", ""),
            (SCALE, "Finns det insatser för placerade barn och unga med risk för brott?", ""),
            (SCALE, "Tar ni tillvara barnens och vårdnadshavarnas synpunkter?", ""),
            (SCALE, "Har ni tid och resurser avsatta för att utveckla arbetsformerna?", ""),
            (TEXT, "Vilken målgrupp är svårast att nå, och varför?", ""),
        ],
    },
    "samverkan-med-bup": {
        "title": "Nulägesanalys: samverkan med BUP",
        "intro": (
            "Hur fungerar kontakten mellan socialtjänsten och barn- och ungdomspsykiatrin när "
            "det gäller barn och unga med normbrytande beteende?"
        ),
        "questions": [
            (SCALE, "Finns en överenskommelse med regionen om samverkan kring målgruppen?", ""),
            (SCALE, "Vet handläggarna vad en remiss till BUP behöver innehålla?", ""),
            (SCALE, "Har ni kontaktpersoner hos varandra som ni träffar regelbundet?", ""),
            (SCALE, "Löser ni oenighet om ansvar utan att barnet blir utan stöd?", ""),
            (TEXT, "Vad fungerar bäst, och vad sämst, i kontakten med BUP i dag?", ""),
        ],
    },
}


def build(home):
    areas = {a.slug: a for a in SupportAreaPage.objects.filter(slug__in=QUESTIONNAIRES)}
    for slug, content in QUESTIONNAIRES.items():
        area = areas.get(slug)
        if area is None:
            continue
        questionnaire, _ = Questionnaire.objects.update_or_create(
            title=content["title"],
            defaults={"intro": content["intro"], "support_area": area, "is_active": True},
        )
        for order, (kind, text, help_text) in enumerate(content["questions"]):
            Question.objects.update_or_create(
                questionnaire=questionnaire,
                sort_order=order,
                defaults={"kind": kind, "text": text, "help_text": help_text},
            )


def counts():
    return {"formulär för nulägesanalys": Questionnaire.objects.count()}
