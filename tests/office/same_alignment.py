#!/usr/bin/env python3
"""same_alignment.py A.json B.json — exits 0 when two `taiyaku align
--format json` results have the same pairs (key, status, both texts) and
the same findings (severity, code, key, message with line numbers left
out, since a .txt line and a paragraph or page position differ), else
prints the differences and exits 1."""
import json
import re
import sys


def norm_text(side):
    return None if side is None else side['text']


def pairs(j):
    return [(p['key'], p['status'], norm_text(p['ja']), norm_text(p['en']))
            for p in j['pairs']]


def findings(j):
    out = []
    for f in j['findings']:
        msg = re.sub(r'\bline \d+', 'line N', f['message'])
        msg = re.sub(r'\(line \d+\)', '(line N)', msg)
        out.append((f['severity'], f['code'], f['key'], msg))
    return sorted(out)


def main():
    a, b = (json.load(open(p, encoding='utf-8')) for p in sys.argv[1:3])
    bad = 0
    pa, pb = pairs(a), pairs(b)
    if pa != pb:
        bad = 1
        for x, y in zip(pa, pb):
            if x != y:
                print('pair differs:\n  %r\n  %r' % (x, y))
        if len(pa) != len(pb):
            print('%d pairs against %d' % (len(pa), len(pb)))
    fa, fb = findings(a), findings(b)
    for f in sorted(set(fa) - set(fb)):
        bad = 1
        print('only in %s: %r' % (sys.argv[1], f))
    for f in sorted(set(fb) - set(fa)):
        bad = 1
        print('only in %s: %r' % (sys.argv[2], f))
    sys.exit(bad)


main()
