#!/usr/bin/env python3
"""mkpdf.py OUT.pdf < SPEC — writes a small PDF with a text layer in
Helvetica (ASCII): SPEC has one "X Y TEXT" line per line of text (points
from the bottom left of an A4 page) and "--" between pages.  Used for the
PDF reader's tests of what LibreOffice does not write (hyphenated lines)
and as fuzz seeds small enough to mutate."""
import sys


def esc(s):
    return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')


pages = [[]]
for line in sys.stdin.read().splitlines():
    if line.strip() == '--':
        pages.append([])
    elif line.strip():
        x, y, text = line.split(' ', 2)
        pages[-1].append((float(x), float(y), text))

objs = {1: b'<< /Type /Catalog /Pages 2 0 R >>',
        3: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'}
kids = []
for i, lines in enumerate(pages):
    page, content = 4 + 2 * i, 5 + 2 * i
    kids.append(b'%d 0 R' % page)
    body = b''.join(b'BT /F1 11 Tf %.1f %.1f Td (%s) Tj ET\n' % (x, y, esc(t).encode('latin-1'))
                    for x, y, t in lines)
    objs[page] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R '
                  b'/Resources << /Font << /F1 3 0 R >> >> >>' % content)
    objs[content] = b'<< /Length %d >>\nstream\n%s\nendstream' % (len(body), body)
objs[2] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(kids), len(kids))
out = bytearray(b'%PDF-1.4\n')
offsets = {}
for n in sorted(objs):
    offsets[n] = len(out)
    out += b'%d 0 obj\n%s\nendobj\n' % (n, objs[n])
xref = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
for n in sorted(objs):
    out += b'%010d 00000 n \n' % offsets[n]
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
open(sys.argv[1], 'wb').write(out)
