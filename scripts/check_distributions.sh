#!/usr/bin/env bash
# Build the sdist and the wheel into dist/ and check them as a release needs:
# metadata PyPI will accept (twine), every data file in the wheel, and the
# sample kit built by the installed wheel in a fresh virtual environment.
# The release workflow and .ci/run both run this.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf dist
python -m build --outdir dist . >/dev/null
python -m twine check --strict dist/*
python scripts/check_wheel.py dist/*.whl

smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
python -m venv "$smoke/venv"
"$smoke/venv/bin/python" -m pip install -q dist/*.whl
# From another folder, so nothing of this checkout can stand in for the wheel.
(cd "$smoke" && venv/bin/mediakit --version && venv/bin/mediakit build \
  "$OLDPWD/sample_data/maya-okafor/mediakit.yaml" -o "$smoke/site")
test -s "$smoke/site/index.html"
test -s "$smoke/site/maya-okafor-media-kit.pdf"
echo "the wheel builds the sample kit in a fresh environment"
