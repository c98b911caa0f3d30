"""Demo content: rounds (to be written)."""


def build(home):
    pass


def counts():
    return {}
