"""The field's acronyms, mapped to their words and back, applied when documents are indexed.

A document that says "BUP" also answers a search for "barn- och ungdomspsykiatri", and a
document that spells out "skola, socialtjänst, polis och fritid" also answers "SSPF".
"""

# acronym: (its words, substrings that all must occur for the words to mean the acronym)
ACRONYMS = {
    "sspf": ("skola socialtjänst polis fritid", ("skola", "socialtjänst", "polis", "fritid")),
    "sig": ("sociala insatsgrupper", ("insatsgrupp",)),
    "est": ("effektiv samordning för trygghet", ("samordning för trygghet",)),
    "sst": ("skolsociala team", ("skolsocial",)),
    "tsi": ("tidiga samordnade insatser", ("tidiga och samordnade insatser",)),
    "bob": ("barn och unga i organiserad brottslighet", ("organiserad brottslighet",)),
    "rbm": ("risk behov mottaglighet", ("risk", "behov", "mottaglighet")),
    "bup": ("barn- och ungdomspsykiatri", ("ungdomspsykiatri",)),
    "isu": ("individbaserad systematisk uppföljning", ("individbaserad systematisk",)),
    "sol": ("socialtjänstlagen", ("socialtjänstlag",)),
    "lvu": ("lagen om vård av unga", ("vård av unga",)),
    "hvb": ("hem för vård eller boende", ("hem för vård eller boende",)),
    "sis": ("statens institutionsstyrelse", ("institutionsstyrelse",)),
}


def synonyms_for(text):
    """Extra words for a document: acronyms spelled out, and spelled-out words as acronyms."""
    lowered = f" {text.lower()} "
    words = set(
        lowered.replace(",", " ").replace(".", " ").replace("(", " ").replace(")", " ").split()
    )
    extra = []
    for acronym, (spelled_out, triggers) in ACRONYMS.items():
        if acronym in words:
            extra.append(spelled_out)
        if all(trigger in lowered for trigger in triggers):
            extra.append(acronym)
    return " ".join(extra)
