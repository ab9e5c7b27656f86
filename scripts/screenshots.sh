#!/usr/bin/env bash
# Rebuild the README's pictures: each sample's site (1280 px and 390 px wide)
# and its PDF pages. Needs Chromium and poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
mkdir -p "$out"
shoot() {  # shoot URL WIDTH HEIGHT FILE
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --hide-scrollbars \
    --window-size="$2,$3" --screenshot="$4" "$1" 2>/dev/null
}
for kit in sample_data/*/mediakit.yaml; do
  name=$(basename "$(dirname "$kit")")
  short=${name%%-*}
  site=$(mktemp -d)/site
  mediakit build "$kit" -o "$site" 2>/dev/null
  shoot "file://$site/index.html" 1280 2400 "$out/$short-site.png"
  shoot "file://$site/index.html" 390 2400 "$out/$short-phone.png"
  pdftoppm -png -r 50 "$site"/*.pdf "$out/$short-pdf"
done
ls -1 "$out"
