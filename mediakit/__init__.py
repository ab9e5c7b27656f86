"""mediakit: a creator's media kit (site and PDF) from one YAML file."""

# The one place the version is written: the build backend reads it from here.
__version__ = "0.1.0"
# The name to `pip install`: PyPI's `mediakit` is an unrelated project.
DISTRIBUTION = "creator-mediakit"
