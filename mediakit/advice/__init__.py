"""What a brand would question in a kit: the concerns `validate` warns about, the
starter's examples still in it, and `mediakit audit`. Advice only: nothing is built from it."""
