"""The blocks of a workshop's materials: documents, links and recordings added after it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class MaterialDocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("rubrik"), max_length=200)
    document = DocumentChooserBlock(label=_("dokument"))
    description = blocks.CharBlock(label=_("beskrivning"), max_length=300, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "blocks/material_document_block.html"


class MaterialLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("rubrik"), max_length=200)
    url = blocks.URLBlock(label=_("adress"))
    description = blocks.CharBlock(label=_("beskrivning"), max_length=300, required=False)

    class Meta:
        icon = "link"
        label = _("Länk")
        template = "blocks/material_link_block.html"


class MaterialRecordingBlock(MaterialLinkBlock):
    class Meta:
        icon = "media"
        label = _("Inspelning")
        template = "blocks/material_recording_block.html"


class MaterialsBlock(blocks.StreamBlock):
    document = MaterialDocumentBlock()
    link = MaterialLinkBlock()
    recording = MaterialRecordingBlock()

    class Meta:
        icon = "folder-open-inverse"
