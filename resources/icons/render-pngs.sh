#!/usr/bin/env bash
# render-pngs.sh: renders the PNG sizes of the icon from the SVG (librsvg2-bin's rsvg-convert).
# The PNGs are committed, so the build does not need librsvg; run this again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" fr.ac-amiens.AmiensMail.svg \
        -o "hicolor/${size}x${size}/apps/fr.ac-amiens.AmiensMail.png"
done
