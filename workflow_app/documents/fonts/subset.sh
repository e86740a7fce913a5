#!/usr/bin/env bash
# Make the -VN fonts used by generated decisions and notices: DejaVu Sans cut down to Latin,
# Vietnamese and common punctuation (100 KB instead of 750 KB). fpdf2 subsets the font for every
# document (layout.py parses it once per process), so the smaller file makes each PDF faster
# (84 -> 36 ms; 27 ms with the parse done once, bench/pdf_render.py).
# The audit and statistics exports, which print arbitrary text, keep the full fonts.
#   bash workflow_app/documents/fonts/subset.sh      (needs fontTools: pip install fonttools)
set -euo pipefail
cd "$(dirname "$0")"
ranges="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20AB,U+2116,U+2190-2193,U+2212,U+25A1,U+25CF,U+2022"
for name in DejaVuSans DejaVuSans-Bold; do
    pyftsubset "$name.ttf" --unicodes="$ranges" --layout-features='*' --output-file="$name-VN.ttf"
done
