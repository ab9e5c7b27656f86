"""Images: the Pillow pipeline (sizes, formats, metadata dropped) and its disk cache,
the accent colour, and the pictures mediakit draws (share card, favicons, QR code)."""
