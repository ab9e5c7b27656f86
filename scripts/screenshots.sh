#!/usr/bin/env bash
# Rebuild the README's pictures: each sample's site (1280 px and 390 px wide)
# and its PDF pages, in every built-in theme. Needs Chromium and poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# This checkout's mediakit, not whichever copy is installed.
mediakit() { python -m mediakit "$@"; }
shoot() {  # shoot URL WIDTH HEIGHT FILE (flags as in tests/chromium.py)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size="$2,$3" --screenshot="$4" "$1" 2>/dev/null
}
for kit in sample_data/*/mediakit.yaml; do
  name=$(basename "$(dirname "$kit")")
  short=${name%%-*}
  # Every built-in theme: default as maya-site.png..., the others as
  # maya-editorial-site.png...; only default gets every PDF page.
  for theme in $(mediakit themes 2>/dev/null | awk '/\(built-in/ {print $1}'); do
    prefix=$short
    [ "$theme" = default ] || prefix=$short-$theme
    site="$work/$short-$theme"
    mediakit build "$kit" -o "$site" --theme "$theme" >/dev/null
    shoot "file://$site/index.html" 1280 2400 "$out/$prefix-site.png"
    shoot "file://$site/index.html" 390 2400 "$out/$prefix-phone.png"
    if [ "$theme" = default ]; then
      pdftoppm -png -r 50 "$site"/*.pdf "$out/$prefix-pdf"
    else
      pdftoppm -png -r 50 -f 1 -l 1 "$site"/*.pdf "$out/$prefix-pdf"
    fi
  done
done
ls -1 "$out"
