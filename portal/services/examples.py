"""Queries over good examples that views and pages share."""


def filter_good_examples(
    examples,
    *,
    support_area=None,
    prevention_level=None,
    target_group=None,
    county=None,
    municipality=None,
    method=None,
    tag=None,
):
    """Narrow a queryset of good examples by the criteria given; None means "any"."""
    if support_area is not None:
        examples = examples.filter(support_areas=support_area)
    if prevention_level:
        # Stored as a comma-separated list of codes that never contain one another.
        examples = examples.filter(prevention_levels__contains=prevention_level)
    if target_group is not None:
        examples = examples.filter(target_groups=target_group)
    if county is not None:
        examples = examples.filter(municipality__county=county)
    if municipality is not None:
        examples = examples.filter(municipality=municipality)
    if method is not None:
        examples = examples.filter(methods=method)
    if tag:
        examples = examples.filter(tags__slug=tag)
    return examples.distinct()
