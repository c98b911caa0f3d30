"""StreamField blocks for body content. Every page body uses BaseStreamBlock."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("rubrik"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("nivå"),
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "blocks/heading_block.html"

    def get_searchable_content(self, value):
        # The heading's words, not its level's label ("Rubrik 2"), which the page never shows.
        return [value["text"]] if value.get("text") else []


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul", "h3"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Stycke")
        template = "blocks/paragraph_block.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box, e.g. "Att tänka på" or a key fact."""

    title = blocks.CharBlock(label=_("rubrik"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Faktaruta")
        template = "blocks/callout_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("steg"), max_length=120)
    text = blocks.TextBlock(label=_("vad som görs"))
    responsible = blocks.CharBlock(label=_("vem tar nästa steg"), max_length=120, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Steg")


class StepsBlock(blocks.StructBlock):
    """Phases of a piece of work, each saying who takes the next step."""

    title = blocks.CharBlock(label=_("rubrik"), max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("steg"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Steg för steg")
        template = "blocks/steps_block.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("länktext"), max_length=160)
    page = blocks.PageChooserBlock(label=_("sida på portalen"), required=False)
    url = blocks.URLBlock(label=_("eller extern adress"), required=False)

    class Meta:
        icon = "link"
        label = _("Länk")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Ange antingen en sida eller en extern adress."))
                }
            )
        return value


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("rubrik"), max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("länkar"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Länklista")
        template = "blocks/link_list_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    links = LinkListBlock()
