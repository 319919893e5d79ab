#!/usr/bin/env python3
"""add_page_furniture.py IN.odt OUT.odt TITLE — gives every page of an
.odt (as LibreOffice writes it) a header line TITLE and a footer with the
page number, so that the PDF LibreOffice prints from it has the lines a
page repeats that the PDF reader must drop."""
import re
import sys
import zipfile

src, dst, title = sys.argv[1:4]
HEADER = ('<style:header><text:p>%s</text:p></style:header>'
          '<style:footer><text:p><text:page-number text:select-page="current"/>'
          '</text:p></style:footer>') % title
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'styles.xml':
            text = data.decode('utf-8')
            # every master page, written empty (<.../>) or with content
            text = re.sub(r'(<style:master-page [^>]*?)/>', r'\1>%s</style:master-page>' % HEADER, text)
            text = re.sub(r'(<style:master-page [^>]*[^/]>)', r'\1' + HEADER, text) \
                if HEADER not in text else text
            # a header and a footer need room on the page layout
            text = re.sub(r'(<style:page-layout [^>]*>)(.*?)(</style:page-layout>)',
                          lambda m: m.group(1) + re.sub(r'<style:(header|footer)-style/>|<style:(header|footer)-style>.*?</style:(header|footer)-style>', '', m.group(2)) +
                          '<style:header-style><style:header-footer-properties fo:min-height="0.5cm"/></style:header-style>'
                          '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm"/></style:footer-style>' + m.group(3),
                          text, flags=re.S)
            data = text.encode('utf-8')
        zout.writestr(item, data,
                      compress_type=zipfile.ZIP_STORED if item.filename == 'mimetype' else zipfile.ZIP_DEFLATED)
