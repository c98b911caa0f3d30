"""The API's own representations of what pages link to.

Each names exactly what it shows: a related page or term is given by its slug and name (and
where it has one, its address), a vocabulary code with its Swedish label. Nothing here
reads a person: no owner, author, email address or name of someone."""

from rest_framework import serializers
from wagtail.api.utils import get_full_url
from wagtail.models import Page


def _absolute(context, path):
    return get_full_url(context["request"], path) if path else None


class ChoicesField(serializers.Field):
    """A multiple-choice field ("selective,indicated") as [{code, label}], in the order of
    the field's choices. Give `choices` (the vocabulary's TextChoices.choices)."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        codes = value if isinstance(value, list | tuple) else [value] if value else []
        return [{"code": code, "label": str(self.labels.get(code, code))} for code in codes]


class ChoiceField(ChoicesField):
    """A single choice as {code, label}."""

    def to_representation(self, value):
        represented = super().to_representation(value)
        return represented[0] if represented else None


class TermsField(serializers.Field):
    """A many-to-many relation to a vocabulary term (method, target group, collaboration
    form, theme) as [{slug, name}], with `abbreviation` when the term has one."""

    def __init__(self, many=True, **kwargs):
        self.many = many
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    @staticmethod
    def term(item):
        data = {"slug": item.slug, "name": item.name}
        if hasattr(item, "abbreviation"):
            data["abbreviation"] = item.abbreviation
        return data

    def to_representation(self, value):
        if not self.many:
            return self.term(value)
        return [self.term(item) for item in value.all()]


class MethodsField(TermsField):
    """Methods also have a public page: [{slug, name, abbreviation, html_url}]."""

    def term(self, item):
        return {**super().term(item), "html_url": _absolute(self.context, item.get_absolute_url())}


class PagesField(serializers.Field):
    """Related pages (support areas) as [{id, slug, title, html_url}], live and public only.
    With many=False, one page or null."""

    def __init__(self, many=True, **kwargs):
        self.many = many
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def page(self, page):
        return {
            "id": page.pk,
            "slug": page.slug,
            "title": page.title,
            "html_url": page.full_url,
        }

    def public_ids(self):
        """The ids of live, public pages, read once per response (not once per item)."""
        if "_public_page_ids" not in self.context:
            self.context["_public_page_ids"] = set(
                Page.objects.live().public().values_list("pk", flat=True)
            )
        return self.context["_public_page_ids"]

    def to_representation(self, value):
        if not self.many:
            return self.page(value) if value.pk in self.public_ids() else None
        return [self.page(page) for page in value.all() if page.pk in self.public_ids()]


class CountyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, county):
        return {"code": county.code, "name": county.name}


class MunicipalityField(serializers.Field):
    """A municipality as {code, name, slug, county: {code, name}}: reference data from SCB."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, municipality):
        return {
            "code": municipality.code,
            "name": municipality.name,
            "slug": municipality.slug,
            "county": {"code": municipality.county.code, "name": municipality.county.name},
        }


class OrganisationsField(serializers.Field):
    """Organisations a good example names (regions, county boards, police): [{name, kind}]."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, organisations):
        return [
            {"name": organisation.name, "kind": organisation.kind}
            for organisation in organisations.all()
        ]


class OccasionsField(serializers.Field):
    """A workshop's dates: when, where and in which county, with their sessions. Never the
    meeting link (confirmed participants only), the seats or who has signed up."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.occasion_times

    def to_representation(self, occasions):
        return [
            {
                "starts_at": serializers.DateTimeField().to_representation(occasion.starts_at)
                if occasion.starts_at
                else None,
                "ends_at": serializers.DateTimeField().to_representation(occasion.ends_at)
                if occasion.ends_at
                else None,
                "place": occasion.place,
                "county": CountyField().to_representation(occasion.county)
                if occasion.county
                else None,
                "sessions": [
                    {
                        "starts_at": serializers.DateTimeField().to_representation(s.starts_at),
                        "ends_at": serializers.DateTimeField().to_representation(s.ends_at),
                    }
                    for s in occasion.session_times
                ],
            }
            for occasion in occasions
        ]


class AbsoluteUrlField(serializers.Field):
    """The object's public page (get_absolute_url), as a full URL."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.get_absolute_url()

    def to_representation(self, path):
        return _absolute(self.context, path)
