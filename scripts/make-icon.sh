#!/usr/bin/env bash
# Renders the marketplace icon, media/icon.png (128×128), from media/datagouv.svg: the
# activity-bar mask drawn in white, centred on a rounded square of the French state's
# blue (#000091, "bleu France"). Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
# Run it again after changing media/datagouv.svg, then commit media/icon.png.
set -euo pipefail
cd "$(dirname "$0")/.."
# The icon's drawing, without its own <svg> element, its comment, or currentColor.
inner=$(sed -e '/<svg\b/d' -e '/<\/svg>/d' -e '/<!--/d' media/datagouv.svg)
rsvg-convert --width 128 --height 128 --format png --output media/icon.png /dev/stdin <<SVG
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="22" fill="#000091"/>
  <svg x="16" y="16" width="96" height="96" viewBox="0 0 24 24" fill="none" stroke="#ffffff"
       stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
$inner
  </svg>
</svg>
SVG
echo "wrote media/icon.png"
