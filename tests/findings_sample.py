#!/usr/bin/env python3
"""Draws N warning/error findings at random from `taiyaku check` on the
five faithful corpus pairs; prints each with the two texts around it."""
import json, random, subprocess, sys
BIN, SEED, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
C = "../shared/corpus/"  # from the repository root
PAIRS = [("debian-constitution/ja-v1.7.txt", "debian-constitution/en-v1.7.txt"),
         ("debian-social-contract/ja.txt", "debian-social-contract/en.txt"),
         ("constitution-of-japan/ja.egov.txt", "constitution-of-japan/en.pg612.txt"),
         ("debian-faq/ja.txt", "debian-faq/en.txt"),
         ("developers-reference/ja.txt", "developers-reference/en.txt")]
allf = []
for ja, en in PAIRS:
    out = subprocess.run([BIN, "check", "--format", "json", "--fail-on", "never", C + ja, C + en],
                         capture_output=True, text=True).stdout
    for f in json.loads(out)["findings"]:
        if f["severity"] in ("warning", "error"):
            allf.append((ja, en, f))
N = min(N, len(allf))  # fewer than N in all: every one, in a random order
print("# %d warning/error findings in all; %d drawn with random.Random(%d).sample" % (len(allf), N, SEED))
for k, (ja, en, f) in enumerate(random.Random(SEED).sample(allf, N), 1):
    print("\n## %d. %s %s [%s] %s (ja:%s en:%s, confidence %.2f)" % (k, ja.split('/')[0], f["severity"], f["code"], f["key"], f["ja_line"], f["en_line"], f.get("confidence", 1)))
    print(f["message"])
