"""Queries over other national support that pages share."""


def filter_other_support(supports, *, support_area=None, actor_kind=None, target_group=None):
    """Narrow a queryset of support pages by the criteria given; None means "any"."""
    if support_area is not None:
        supports = supports.filter(support_areas=support_area)
    if actor_kind:
        supports = supports.filter(actor_kind=actor_kind)
    if target_group is not None:
        supports = supports.filter(target_groups=target_group)
    return supports.distinct()
