#!/usr/bin/env python3
"""clauses2doc.py — writes a clause file (paragraphs separated by blank
lines, as ja/ and en/ hold) as the HTML or Markdown a user would give a
word processor, so that the office-format tests convert the bundled pair
with real producers (LibreOffice, pandoc) instead of hand-made files.

  clauses2doc.py html|md FILE > OUT

Top-level clauses written "N text" become ordered lists (a list broken by
other paragraphs starts again at its number: <ol start>, "8." in
Markdown); an item written "b. text" without a bullet becomes a
lower-alpha ordered list item (so the producer computes the letter);
"(1) text" becomes a "(1)" list in Markdown (pandoc's fancy lists) and
stays typed in HTML (which has no such list type).  Everything else,
"- a. text" included, is a paragraph as typed."""
import html
import re
import sys

TOP = re.compile(r'^(\d+) (.*)$')
LETTER = re.compile(r'^([a-z])\. (.*)$')
PAREN = re.compile(r'^\((\d+)\) (.*)$')


def paragraphs(text):
    out = []
    for block in re.split(r'\n\s*\n', text):
        for line in block.split('\n'):
            # a line starting with a bullet or a marker is its own paragraph
            if out and line and not re.match(r'^(- |\(?\d+[\). ]|[a-z]\. )', line) \
                    and out[-1][1] == 'cont':
                out[-1][0] += ' ' + line
            elif line.strip():
                out.append([line, 'cont'])
        if out:
            out[-1][1] = 'end'
    return [p for p, _ in out]


def md_escape(s):
    return re.sub(r'([\\`*_\[\]<>#|])', r'\\\1', s)


def write_html(paras, lang):
    print('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8">'
          '<title>clauses</title></head><body>' % lang)
    open_list = None
    for p in paras:
        m, l = TOP.match(p), LETTER.match(p)
        kind = 'top' if m else 'letter' if l else None
        if open_list and open_list != kind:
            print('</ol>')
            open_list = None
        if kind == 'top' and not open_list:
            print('<ol start="%s">' % m.group(1))
        elif kind == 'letter' and not open_list:
            print('<ol type="a" start="%d">' % (ord(l.group(1)) - 96))
        if kind:
            open_list = kind
            print('<li><p>%s</p></li>' % html.escape((m or l).group(2)))
        else:
            print('<p>%s</p>' % html.escape(p))
    if open_list:
        print('</ol>')
    print('</body></html>')


def write_md(paras):
    for p in paras:
        m, l, q = TOP.match(p), LETTER.match(p), PAREN.match(p)
        if m:
            print('%s. %s\n' % (m.group(1), md_escape(m.group(2))))
        elif l:
            print('%s. %s\n' % (l.group(1), md_escape(l.group(2))))
        elif q:
            print('(%s) %s\n' % (q.group(1), md_escape(q.group(2))))
        elif p.startswith('- '):
            print('\\- %s\n' % md_escape(p[2:]))
        else:
            print('%s\n' % md_escape(p))


def main():
    mode, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding='utf-8').read()
    lang = 'ja' if re.search(r'[\u3040-\u30ff\u4e00-\u9fff]', text) else 'en'
    paras = paragraphs(text)
    if mode == 'html':
        write_html(paras, lang)
    else:
        write_md(paras)


main()
