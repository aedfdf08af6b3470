#!/usr/bin/env bash
# Scans made as an office scanner makes them, from real Party and Front documents of corpus/,
# read back by trichdan (a PDF without a text layer goes through pdftoppm and tesseract), and
# measured against the text that was printed: character error rate and identifiers found.
#
#   bash eval/ocr/run.sh            # 300 dpi; DPI=200 bash eval/ocr/run.sh for 200 dpi
#
# Each document's text is printed to A4 PDF pages by Chromium (Liberation Serif 13 pt, as the
# documents are typed), rendered to grey images by pdftoppm at $DPI, turned 1 degree, given
# Gaussian noise and a slight blur with ImageMagick, and wrapped as an image-only PDF by
# img2pdf. Needs: chromium poppler-utils imagemagick img2pdf tesseract-ocr tesseract-ocr-vie
# (Debian), python3 (rapidfuzz is installed into a private venv from PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
DPI=${DPI:-300}
OUT=${OUT:-/tmp/trichdan-ocr-$DPI}
BIN=${BIN:-target/release/trichdan}
DOCS=(
  corpus/party/docs/CV-2449-CV-DU-2026-LaoCai.txt
  corpus/party/docs/NQ-34-NQ-TU-2025-LaoCai.txt
  corpus/party/docs/KL-75-KL-TW-2026.txt
  corpus/party2/docs/MTTQ-LuongMinh-KH-16-KH-MTTQ-BTT-2025.txt
  corpus/party2/docs/MTTQ-BacCamRanh-KH-KTGS-bau-cu-2025-11.txt
)
mkdir -p "$OUT"
[ -x "$OUT/venv/bin/python" ] || { python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" -q install rapidfuzz; }
test -x "$BIN" || cargo build --release
for src in "${DOCS[@]}"; do
  name=$(basename "$src" .txt)
  dir="$OUT/$name"
  mkdir -p "$dir"
  python3 eval/ocr/page.py "$src" > "$dir/print.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$dir/print.pdf" "$dir/print.html" 2>/dev/null
  rm -f "$dir"/p-*.png "$dir"/n-*.png
  pdftoppm -r "$DPI" -gray -png "$dir/print.pdf" "$dir/p"
  for p in "$dir"/p-*.png; do
    /usr/bin/convert "$p" -background white -rotate 1 -attenuate 0.5 +noise Gaussian \
      -blur 0x0.6 -colorspace Gray "$dir/n-${p##*/p-}"
  done
  img2pdf "$dir"/n-*.png -o "$dir/$name.pdf"
  "$BIN" extract --text "$src" > "$dir/source.json"
  "$BIN" extract --text "$dir/$name.pdf" > "$dir/scan.json"
done
"$OUT/venv/bin/python" eval/ocr/measure.py "$OUT" "${DOCS[@]}"
