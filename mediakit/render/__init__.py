"""Stage 5: the outputs written from the view model: HTML pages (Jinja, with the themes
that supply their templates), the PDF (WeasyPrint), the site's support files, the pitch
email and the stats table."""
