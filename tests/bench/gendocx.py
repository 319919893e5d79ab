#!/usr/bin/env python3
"""gendocx.py MB OUT.docx — writes a Word file of about MB megabytes (the
archive's size) for `make bench`: numbered clauses a level deep or two
whose numbers exist only as Word numbering (第%1条, (%2), %3.), each a
paragraph of pseudo-random Japanese and English words (seeded, so every
run writes the same file), with the styles and numbering parts a real
file has."""
import io
import random
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん'
KANJI = '日米両国政府協力情報共有強化安全保障国際社会平和繁栄安定技術革新民間連携取組発展'


def words(rng):
    vocab = []
    for _ in range(3000):
        if rng.random() < 0.5:
            vocab.append(''.join(rng.choice(KANJI + KANA) for _ in range(rng.randint(2, 6))))
        else:
            vocab.append(''.join(rng.choice('abcdefghijklmnopqrstuvwxyz')
                                 for _ in range(rng.randint(3, 10))))
    return vocab


# the paragraph and run properties LibreOffice writes (its .docx files are
# about 45% text, Word's less): a style, the numbering, tabs, indents;
# runs with fonts and language, a paragraph split into a few runs
PPR = ('<w:pPr><w:pStyle w:val="TextBody"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/>'
       '</w:numPr><w:tabs><w:tab w:val="clear" w:pos="1134"/><w:tab w:val="left" w:pos="709" '
       'w:leader="none"/></w:tabs><w:bidi w:val="0"/><w:ind w:left="709" w:hanging="283"/>'
       '<w:jc w:val="left"/><w:rPr></w:rPr></w:pPr>')
RUN = ('<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/>'
       '</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>')


def paragraph(rng, vocab, level):
    runs = []
    for _ in range(rng.randint(1, 4)):
        runs.append(RUN % ' '.join(rng.choice(vocab) for _ in range(rng.randint(6, 20))))
    return '<w:p>%s%s</w:p>\n' % (PPR % level, ''.join(runs))


def body(rng, vocab, target):
    """Clauses as a statute nests them: an article, then its items and
    their sub-items, each level entered from the one above."""
    out = io.StringIO()
    size, level = 0, 0
    while size < target:
        level = rng.choice([l for l in (0, 1, 2) if l <= level + 1])
        p = paragraph(rng, vocab, level)
        out.write(p)
        size += len(p.encode('utf-8'))
    return out.getvalue()


def main():
    mb, path = float(sys.argv[1]), sys.argv[2]
    rng = random.Random(13)
    vocab = words(rng)
    # how much document.xml makes MB of archive: measure a sample
    sample = body(random.Random(1), vocab, 1 << 20).encode('utf-8')
    import zlib
    ratio = len(sample) / len(zlib.compress(sample, 6))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s"><w:body>\n%s<w:sectPr/></w:body></w:document>\n'
           % (W, body(rng, vocab, int(mb * 1e6 * ratio))))
    numbering = ('<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="%s">'
                 '<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/><w:lvlText w:val="第%%1条"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%%2)"/></w:lvl>'
                 '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%3."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % W)
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '</Relationships>')
    pkg = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
           '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/></Types>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', types)
        z.writestr('_rels/.rels', pkg)
        z.writestr('word/_rels/document.xml.rels', rels)
        z.writestr('word/numbering.xml', numbering)
        z.writestr('word/document.xml', xml)


main()
