"""Panels of the support app on Mina sidor, one module per part."""
