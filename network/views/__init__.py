"""Views of the network app, one module per concern; the URLs name them by module."""
