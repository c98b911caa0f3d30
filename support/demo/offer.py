"""Demo content: offer (to be written)."""


def build(home):
    pass


def counts():
    return {}
