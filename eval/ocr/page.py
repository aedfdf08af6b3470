"""A document's text as an HTML page to print: each line as written, in the documents' type."""
import html
import sys

text = open(sys.argv[1], encoding="utf-8").read()
lines = "".join(
    f"<p>{html.escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>" for line in text.split("\n")
)
print(
    """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 13pt; line-height: 1.35; }
p { margin: 0; white-space: pre-wrap; }
</style></head><body>"""
    + lines
    + "</body></html>"
)
