#!/bin/sh
# The HTML page in a real browser: renders an alignment page in headless
# Chromium, checks from the DOM Chromium built that every pair has its row
# and every finding a link to an existing row, that the picture boxes
# every problem region and draws each in detail (EXPECT_REGIONS: at least
# that many regions), and saves screenshots (a desktop and a phone width)
# for a person to look at.
#
# Usage: sh tests/browser/run.sh [PAGE.html [PAIRS.json [OUT_DIR]]]
#   PAGE   default alignments/cyber-dialogue-2017.html
#   PAIRS  the same alignment as JSON (default: PAGE with .json); the
#          counts the page is checked against
#   OUT    where NAME.png and NAME-phone.png go (default build/browser)
# Installs Debian's chromium (with fonts-noto-cjk for the Japanese, and
# python3 for the checks) as root or through passwordless sudo; otherwise
# prints the apt-get command and fails.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PAGE=${1:-$ROOT/alignments/cyber-dialogue-2017.html}
JSON=${2:-${PAGE%.html}.json}
OUT=${3:-$ROOT/build/browser}
NAME=$(basename "$PAGE" .html)

die() {
  echo "browser-test: $*" >&2
  exit 1
}

[ -f "$PAGE" ] || die "$PAGE not found (make run writes it)"
[ -f "$JSON" ] || die "$JSON not found (make run writes it)"

# ---- the browser ----------------------------------------------------------
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if command -v fc-list >/dev/null 2>&1; then
  [ -n "$(fc-list :lang=ja 2>/dev/null)" ] || missing="$missing fonts-noto-cjk"
else
  missing="$missing fonts-noto-cjk"
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    die "needs:$missing; run: sudo apt-get install -y$missing"
  fi
  echo "browser-test: installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y $missing >/dev/null 2>&1 || {
    $SUDO apt-get update >/dev/null 2>&1
    $SUDO apt-get install -y $missing >&2 ||
      die "apt-get failed; run: sudo apt-get install -y$missing"
  }
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
URL="file://$(cd "$(dirname "$PAGE")" && pwd)/$(basename "$PAGE")"
mkdir -p "$OUT"

# A fresh profile per run and no network side channels: the page must
# stand alone.  `timeout` keeps a hung browser from hanging CI.
browser() {
  profile=$(mktemp -d "$TMP/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>>"$TMP/chromium.log"
}

browser --dump-dom "$URL" >"$TMP/dom.html" ||
  die "chromium failed (see below)
$(tail -20 "$TMP/chromium.log")"
[ -s "$TMP/dom.html" ] || die "chromium dumped an empty DOM"

# ---- the checks, over the DOM Chromium built ------------------------------
python3 - "$TMP/dom.html" "$JSON" <<'EOF' || exit 1
import json, re, sys
from html.parser import HTMLParser

class Page(HTMLParser):
    """Collects ids, pair rows, links, the findings list and scripts."""
    def __init__(self):
        super().__init__()
        self.ids, self.rows, self.hrefs, self.scripts = [], [], [], 0
        self.findings = []  # one per <li> of ol.findings: [classes, hrefs]
        self.in_findings = False
        self.li = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "tr" and re.fullmatch(r"p-[0-9]+", a.get("id", "")):
            self.rows.append(a["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "ol" and "findings" in a.get("class", "").split():
            self.in_findings = True
        if tag == "li" and self.in_findings:
            self.li = [a.get("class", "").split(), []]
            self.findings.append(self.li)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            if self.li is not None:
                self.li[1].append(a["href"])
    def handle_endtag(self, tag):
        if tag == "ol":
            self.in_findings = False
        if tag == "li":
            self.li = None

dom, data = open(sys.argv[1], encoding="utf-8").read(), json.load(open(sys.argv[2], encoding="utf-8"))
page = Page()
page.feed(dom)
errors = []
ids = set(page.ids)
if len(ids) != len(page.ids):
    errors.append("duplicate ids")
if len(page.rows) != len(data["pairs"]):
    errors.append(f"{len(page.rows)} pair rows, {len(data['pairs'])} pairs in the JSON")
if page.rows != [f"p-{i + 1}" for i in range(len(page.rows))]:
    errors.append("pair rows are not p-1 .. p-N in order")
if len(page.findings) != len(data["findings"]):
    errors.append(f"{len(page.findings)} findings listed, {len(data['findings'])} in the JSON")
for i, (li, f) in enumerate(zip(page.findings, data["findings"])):
    rows = [h for h in li[1] if re.fullmatch(r"#p-[0-9]+", h)]
    # only a finding about a whole file (no key, no line) may go unlinked
    whole_file = not f["key"] and not f["ja_line"] and not f["en_line"]
    if not rows and not whole_file:
        errors.append(f"finding {i + 1} [{f['code']}] {f['key']} has no link to a pair row")
    for h in rows:
        if h[1:] not in page.rows:
            errors.append(f"finding {i + 1} links to {h}, which is no row")
for h in page.hrefs:
    if h.startswith("#") and h[1:] not in ids:
        errors.append(f"link {h} goes nowhere")
    elif not h.startswith("#"):
        errors.append(f"link {h} leaves the page")
if page.scripts:
    errors.append(f"{page.scripts} script elements in the DOM")
for e in errors:
    print("browser-test: FAIL:", e, file=sys.stderr)
print(f"browser-test: {len(page.rows)} pair rows, {len(page.findings)} findings, "
      f"{len(page.hrefs)} links checked: {'FAILED' if errors else 'ok'}")
sys.exit(1 if errors else 0)
EOF

# ---- the picture: problem regions boxed, each with its detail -------------
# The regions computed from the JSON by the page's rule (a pair missing a
# side or holding a warning or an error is a problem; problems at most 3
# pairs apart are one region, render_html_map.c); with EXPECT_REGIONS, at
# least that many.  Boxes stay visible at any length (>= 9 px in the
# overview, >= 12 px a clause in the details).
EXPECT_REGIONS=${EXPECT_REGIONS:-0} python3 - "$TMP/dom.html" "$JSON" <<'EOF' || exit 1
import json, os, sys
from html.parser import HTMLParser

class Picture(HTMLParser):
    """The overview's region links and boxes, the strip, and the details
    (figure.zoom) with their links and clause widths."""
    def __init__(self):
        super().__init__()
        self.svg = self.zoom = None
        self.in_region = False
        self.region_links, self.region_boxes, self.ladder_widths = [], [], []
        self.zooms = {}  # figure id -> the hrefs in it
        self.strips = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "").split()
        if tag == "svg":
            self.svg = cls[0] if cls else ""
            self.strips += self.svg == "strip-map"
        if tag == "figure" and "zoom" in cls:
            self.zoom = a["id"]
            self.zooms[self.zoom] = []
        if tag == "a":
            if self.zoom is not None:
                self.zooms[self.zoom].append(a.get("href"))
            if self.svg == "overview-map" and "region" in cls:
                self.region_links.append(a.get("href"))
                self.in_region = True
        if tag == "rect" and self.svg == "overview-map" and self.in_region:
            self.region_boxes.append(min(float(a["width"]), float(a["height"])))
        if tag == "rect" and self.svg == "ladder":
            self.ladder_widths.append(float(a["width"]))
    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = None
        if tag == "figure":
            self.zoom = None
        if tag == "a":
            self.in_region = False

dom = open(sys.argv[1], encoding="utf-8").read()
data = json.load(open(sys.argv[2], encoding="utf-8"))
pic = Picture()
pic.feed(dom)
pairs = data["pairs"]
bad = {f["pair"] for f in data["findings"]
       if f["pair"] is not None and f["severity"] in ("error", "warning")}
problems = [i for i, p in enumerate(pairs)
            if not p["ja"] or not p["en"] or p["id"] in bad]
regions = []
for i in problems:
    if regions and i - regions[-1][-1] <= 3:
        regions[-1].append(i)
    else:
        regions.append([i])
errors = []
want = int(os.environ["EXPECT_REGIONS"])
if len(regions) < want:
    errors.append(f"{len(regions)} problem regions in the JSON, {want} planted")
if len(pic.region_links) != len(regions):
    errors.append(f"{len(pic.region_links)} regions boxed, {len(regions)} in the JSON")
if pic.strips != 1:
    errors.append(f"{pic.strips} strips of the pairs in document order")
for k, (href, region) in enumerate(zip(pic.region_links, regions)):
    rows = {f"#p-{i + 1}" for i in region}
    if href in rows:
        continue  # a region past the details links to its first row
    links = set(pic.zooms.get(href[1:], []))
    if not links:
        errors.append(f"region {k + 1} links to {href}, no detail")
    elif not rows <= links:
        errors.append(f"region {k + 1}: its detail lacks {sorted(rows - links)[:3]}")
if pic.region_boxes and min(pic.region_boxes) < 9:
    errors.append(f"a region box of {min(pic.region_boxes)} px")
if pic.ladder_widths and min(pic.ladder_widths) < 12:
    errors.append(f"a clause of {min(pic.ladder_widths)} px in a detail")
for e in errors:
    print("browser-test: FAIL:", e, file=sys.stderr)
print(f"browser-test: {len(pairs)} pairs, {len(regions)} problem regions boxed, "
      f"{len(pic.zooms)} details, {len(problems)} problem pairs linked: "
      f"{'FAILED' if errors else 'ok'}")
sys.exit(1 if errors else 0)
EOF

# ---- screenshots for a person ---------------------------------------------
browser --screenshot="$OUT/$NAME.png" --window-size=1200,2000 "$URL" ||
  die "chromium could not take the screenshot"
browser --screenshot="$OUT/$NAME-phone.png" --window-size=390,1600 "$URL" ||
  die "chromium could not take the phone screenshot"
echo "browser-test: screenshots in $OUT/$NAME.png and $OUT/$NAME-phone.png"
