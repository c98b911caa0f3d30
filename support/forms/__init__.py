"""Forms of the support app, one module per part; every one has the privacy guard."""
