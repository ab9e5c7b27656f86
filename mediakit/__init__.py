"""mediakit: a creator's media kit (site and PDF) from one YAML file."""

__version__ = "0.1.0"
