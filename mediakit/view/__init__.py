"""The view model: the dataclasses themes rely on (`kit.*` in templates), built from
the kit and its figures, with every number formatted and every sentence worded."""
