#!/usr/bin/env bash
# Renders the app icon from its SVG sources into every file the installers use. The rendered files are
# committed, so building the installers does not need these tools; run this again only after changing an SVG.
#
# Needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"

big=imr-workbench.svg          # 48 px and up: the letter with a balance scale
small=imr-workbench-small.svg  # 16 and 32 px: the letter with a check mark, legible at that size

for size in 16 32 48 64 128 256 512; do
  src=$big
  if [ "$size" -le 32 ]; then src=$small; fi
  rsvg-convert -w "$size" -h "$size" "$src" -o "imr-workbench-$size.png"
done

# Windows: one .ico holding 16..256 (jpackage --icon on Windows takes an .ico)
convert imr-workbench-16.png imr-workbench-32.png imr-workbench-48.png imr-workbench-64.png \
        imr-workbench-128.png imr-workbench-256.png imr-workbench.ico

# macOS: .icns (jpackage --icon on macOS takes an .icns). png2icns takes 16, 32, 48, 128, 256 and 512.
png2icns imr-workbench.icns imr-workbench-16.png imr-workbench-32.png imr-workbench-48.png \
         imr-workbench-128.png imr-workbench-256.png imr-workbench-512.png >/dev/null

# Linux: jpackage takes one PNG for the menu entry, imr-workbench-256.png
ls -l imr-workbench-*.png imr-workbench.ico imr-workbench.icns
