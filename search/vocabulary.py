"""The field's acronyms, mapped to their words and back, applied when documents are indexed.

A document that says "BUP" also answers a search for "barn- och ungdomspsykiatri", and a
document that spells out "skola, socialtjänst, polis och fritid" also answers "SSPF".
Acronyms are recognised in documents by their usual spelling, so the pronoun "sig" is not
taken for SIG.
"""

import re

# acronym as usually written: (its words, substrings that all must occur for the words
# to mean the acronym)
ACRONYMS = {
    "SSPF": ("skola socialtjänst polis fritid", ("skola", "socialtjänst", "polis", "fritid")),
    "SIG": ("sociala insatsgrupper", ("insatsgrupp",)),
    "EST": ("effektiv samordning för trygghet", ("samordning för trygghet",)),
    "SST": ("skolsociala team", ("skolsocial",)),
    "TSI": ("tidiga samordnade insatser", ("tidiga och samordnade insatser",)),
    "Bob": ("barn och unga i organiserad brottslighet", ("organiserad brottslighet",)),
    "RBM": ("risk behov mottaglighet", ("risk", "behov", "mottaglighet")),
    "BUP": ("barn- och ungdomspsykiatri", ("ungdomspsykiatri",)),
    "ISU": ("individbaserad systematisk uppföljning", ("individbaserad systematisk",)),
    "SoL": ("socialtjänstlagen", ("socialtjänstlag",)),
    "LVU": ("lagen om vård av unga", ("vård av unga",)),
    "HVB": ("hem för vård eller boende", ("hem för vård eller boende",)),
    "SiS": ("statens institutionsstyrelse", ("institutionsstyrelse",)),
}
LOWERCASE_ACRONYMS = {acronym.lower() for acronym in ACRONYMS}


def is_acronym(word):
    return word.lower() in LOWERCASE_ACRONYMS


def synonyms_for(text):
    """Extra words for a document: acronyms spelled out, and spelled-out words as acronyms."""
    tokens = set(re.findall(r"\w+", text))
    lowered = text.lower()
    extra = []
    for acronym, (spelled_out, triggers) in ACRONYMS.items():
        if acronym in tokens or acronym.upper() in tokens:
            extra += [acronym.lower(), spelled_out]
        elif all(trigger in lowered for trigger in triggers):
            extra.append(acronym.lower())
    return " ".join(extra)
