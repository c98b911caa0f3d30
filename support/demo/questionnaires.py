"""Demo content: questionnaires (to be written)."""


def build(home):
    pass


def counts():
    return {}
