"""Stage 1: the kit's files read and validated (YAML with positions, posts CSV, the
starter kit, the JSON Schema), and the platforms' analytics exports imported into them."""
