#!/usr/bin/env bash
# Regenerates Tests/Fixtures/formats/ from the five samples in corpus/ (the files are committed;
# CI does not run this). Needs pandoc and LibreOffice (Debian: pandoc, libreoffice-writer-nogui).
#
#   docx/  pandoc from the markdown; 000 with its agenda headings as numbered list items, so
#          that its numbers exist only as Word list numbering (numbering.xml)
#   pdf/   LibreOffice headless from those DOCX files
#   html/  pandoc, standalone pages
#   bad/encrypted.pdf  a PDF that needs a password to open (LibreOffice's export encryption)
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/Fixtures/formats
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/docx" "$out/pdf" "$out/html" "$out/bad"
for sample in corpus/[0-9]*.txt; do
    name=$(basename "$sample" .txt)
    markdown="$work/$name.md"
    if [ "$name" = 000_9285af0b1d2d00d2 ]; then
        # "## **2. Title**" → "2. **Title**": an ordered list starting at 2 (pandoc writes a
        # numbering instance with that start), the title bold as the heading was.
        sed -E 's/^#{1,6} (\*\*)?([0-9]+)\. (.*[^*])(\*\*)?$/\2. **\3**/' "$sample" >"$markdown"
    else
        cp "$sample" "$markdown"
    fi
    pandoc -f markdown -t docx "$markdown" -o "$out/docx/$name.docx"
    pandoc -f markdown -t html --standalone --metadata title="$name" "$sample" -o "$out/html/$name.html"
done
soffice --headless --convert-to pdf --outdir "$out/pdf" "$out"/docx/*.docx >/dev/null
printf '# Referat\n\nHemmeligt indhold om sundhed.\n' >"$work/encrypted.md"
pandoc "$work/encrypted.md" -o "$work/encrypted.docx"
soffice --headless --convert-to \
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"hemmelig"}}' \
    --outdir "$out/bad" "$work/encrypted.docx" >/dev/null
ls -l "$out"/*/
