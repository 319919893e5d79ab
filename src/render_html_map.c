/* render_html_map.c — the alignment picture of the HTML page, made to stay
 * useful from 20 clauses to thousands:
 *
 *   overview   an SVG dot plot: Japanese clause index across, English
 *              clause index down, one mark per pair (circle = matched by
 *              number, square = paired by content); pairs missing a side
 *              are ticks on the edge strips (top: no English, left: no
 *              Japanese).  An unbroken diagonal means the texts run in
 *              step.  Over it, each problem region (below) is a numbered
 *              box, big enough to see at any size, linking to its detail.
 *   strip      the pairs in document order as one band of buckets, each
 *              coloured by the worst pair in it (a missing side or an
 *              error, a warning, a content pair, matched), linking to the
 *              bucket's first row: where the trouble is, at a glance.
 *   details    a ladder per problem region, at a readable scale whatever
 *              the document's length: the Japanese clauses of the region
 *              (and a few pairs either side) as boxes on top, the English
 *              below, a line per pair; a missing side is a red box with no
 *              line, a shift shows as slanting lines.  Every box links to
 *              its pair's row.
 *
 * A problem pair is one missing a side or holding a finding of warning or
 * error severity; problem pairs at most GAP pairs apart form one region.
 * Checked by eye and in headless Chromium (tests/browser) on the bundled
 * text (no region), the Debian constitution v1.4/v1.5 and a 1,200-clause
 * genpairs pair with clauses left out (tests/browser/large.sh). */
#include "internal.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* The overview: PLOT pixels square inside margins; strips for missing
 * sides. */
#define PLOT 400.0
#define LEFT 46.0
#define TOP 46.0
#define EDGE 16.0    /* centre of the edge strips, from the outer border */
#define MIN_TICK 2.0 /* half the least length of a tick on a strip */
#define MIN_BOX 9.0  /* the least side of a region's box in the overview */

#define GAP 3          /* problem pairs this close form one region */
#define CONTEXT 2      /* pairs shown either side of a region */
#define MAX_DETAILS 40 /* regions drawn in detail; the rest are listed */
#define MAX_WINDOW 48  /* pairs a detail shows at most */
#define BUCKETS 200    /* the strip's buckets at most */

enum { K_OK, K_CONTENT, K_WARN, K_BAD }; /* how a pair looks, worst last */
static const char *const kind_class[] = {"mm", "mc", "mw", "mx"};

typedef struct region {
  size_t first, last; /* pair indices, inclusive */
  size_t problems;
  int worst;
} region;

typedef struct map {
  const ty_alignment *al;
  const size_t *off, *idx;
  int *kind; /* per pair */
  region *r;
  size_t nr;
} map;

/* Where region k links to: its detail, or its first row when it has no
 * detail. */
static void region_href(FILE *f, const map *m, size_t k) {
  if (k < MAX_DETAILS)
    fprintf(f, "#zoom-%zu", k + 1);
  else
    fprintf(f, "#p-%zu", m->r[k].first + 1);
}

static int pair_kind(const map *m, size_t i) {
  const ty_pair *p = &m->al->pairs[i];
  if (p->ja < 0 || p->en < 0) return K_BAD;
  int k = p->status == TY_PAIR_CONTENT ? K_CONTENT : K_OK;
  for (size_t j = m->off[i]; j < m->off[i + 1]; j++) {
    ty_severity s = m->al->findings.v[m->idx[j]].severity;
    if (s == TY_SEV_ERROR) return K_BAD;
    if (s == TY_SEV_WARNING) k = K_WARN;
  }
  return k;
}

static void find_regions(map *m) {
  size_t n = m->al->npairs;
  m->kind = ty_xmalloc((n ? n : 1) * sizeof *m->kind);
  m->r = ty_xmalloc((n ? n : 1) * sizeof *m->r);
  m->nr = 0;
  for (size_t i = 0; i < n; i++) {
    m->kind[i] = pair_kind(m, i);
    if (m->kind[i] < K_WARN) continue;
    region *last = m->nr ? &m->r[m->nr - 1] : NULL;
    if (last && i - last->last <= GAP) {
      last->last = i;
    } else {
      last = &m->r[m->nr++];
      *last = (region){i, i, 0, K_WARN};
    }
    last->problems++;
    if (m->kind[i] > last->worst) last->worst = m->kind[i];
  }
}

/* The clause range [lo, hi) of side `ja` over pairs [a, b]; empty (lo ==
 * hi) when none of them has that side. */
static void clause_range(const map *m, size_t a, size_t b, int ja, size_t *lo,
                         size_t *hi) {
  *lo = SIZE_MAX;
  *hi = 0;
  for (size_t i = a; i <= b; i++) {
    const ty_pair *p = &m->al->pairs[i];
    int c = ja ? p->ja : p->en, k = ja ? p->nja : p->nen;
    if (c < 0) continue;
    if ((size_t)c < *lo) *lo = (size_t)c;
    if ((size_t)(c + k) > *hi) *hi = (size_t)(c + k);
  }
  if (*lo == SIZE_MAX) *lo = *hi = 0;
}

/* A region's box on the overview: the clauses of its pairs and of one
 * pair either side on each axis, never smaller than MIN_BOX. */
static void region_box(FILE *f, const map *m, size_t k, double sx, double sy) {
  const region *g = &m->r[k];
  size_t a = g->first ? g->first - 1 : 0;
  size_t b = g->last + 1 < m->al->npairs ? g->last + 1 : g->last;
  size_t x0, x1, y0, y1;
  clause_range(m, a, b, 1, &x0, &x1);
  clause_range(m, a, b, 0, &y0, &y1);
  double x = LEFT + x0 * sx, w = (x1 - x0) * sx;
  double y = TOP + y0 * sy, h = (y1 - y0) * sy;
  if (w < MIN_BOX) x -= (MIN_BOX - w) / 2, w = MIN_BOX;
  if (h < MIN_BOX) y -= (MIN_BOX - h) / 2, h = MIN_BOX;
  fputs("<a class=\"region\" href=\"", f);
  region_href(f, m, k);
  fprintf(f,
          "\"><rect class=\"rg %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
          "height=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\">%zu</text>"
          "<title>region %zu: ",
          kind_class[g->worst], x, y, w, h, x + w + 2, y + 9, k + 1, k + 1);
  ty_html_cstr(f, ty_pair_key(m->al, &m->al->pairs[g->first]));
  fputs(" \xE2\x80\xA6 ", f);
  ty_html_cstr(f, ty_pair_key(m->al, &m->al->pairs[g->last]));
  fprintf(f, ", %zu problem%s</title></a>\n", g->problems,
          g->problems == 1 ? "" : "s");
}

/* One pair's mark on the overview. */
static void overview_mark(FILE *f, const map *m, size_t i, double sx, double sy,
                          double r) {
  const ty_pair *p = &m->al->pairs[i];
  /* a circle for a one-to-one number match, a block otherwise */
  int circle = p->status == TY_PAIR_MATCHED && p->ja >= 0 && p->en >= 0 &&
               p->nja <= 1 && p->nen <= 1;
  fprintf(f, "<a href=\"#p-%zu\">", i + 1);
  if (p->ja >= 0 && p->en >= 0) {
    /* the block of clauses the pair joins (one cell for 1-1 pairs) */
    double x0 = LEFT + p->ja * sx, x1 = x0 + p->nja * sx;
    double y0 = TOP + p->en * sy, y1 = y0 + p->nen * sy;
    double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    if (circle) {
      fprintf(f, "<circle class=\"mm\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\">", cx,
              cy, r);
    } else {
      double hw = (x1 - x0) / 2 > r ? (x1 - x0) / 2 : r;
      double hh = (y1 - y0) / 2 > r ? (y1 - y0) / 2 : r;
      fprintf(f,
              "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
              "height=\"%.1f\">",
              p->status == TY_PAIR_MATCHED ? "mm" : "mc", cx - hw, cy - hh,
              2 * hw, 2 * hh);
    }
  } else if (p->ja >= 0) {
    double cx = LEFT + (p->ja + p->nja / 2.0) * sx;
    double hw = p->nja * sx / 2 > MIN_TICK ? p->nja * sx / 2 : MIN_TICK;
    fprintf(f,
            "<rect class=\"mx\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
            "height=\"14\">",
            cx - hw, EDGE - 7, 2 * hw);
  } else {
    double cy = TOP + (p->en + p->nen / 2.0) * sy;
    double hh = p->nen * sy / 2 > MIN_TICK ? p->nen * sy / 2 : MIN_TICK;
    fprintf(f,
            "<rect class=\"mx\" x=\"%.1f\" y=\"%.1f\" width=\"14\" "
            "height=\"%.1f\">",
            EDGE - 7, cy - hh, 2 * hh);
  }
  fputs("<title>", f);
  ty_html_cstr(f, ty_pair_key(m->al, p));
  fprintf(f, " \xE2\x80\x94 %s</title></%s></a>\n",
          ty_pair_status_name(p->status), circle ? "circle" : "rect");
}

static void overview(FILE *f, const map *m) {
  size_t nja = m->al->ja->ncl, nen = m->al->en->ncl;
  double sx = PLOT / (double)(nja ? nja : 1);
  double sy = PLOT / (double)(nen ? nen : 1);
  double cell = sx < sy ? sx : sy;
  double r = cell * 0.42;
  if (r < 1.6) r = 1.6;
  if (r > 5) r = 5;
  fprintf(f,
          "<svg class=\"overview-map\" xmlns=\"http://www.w3.org/2000/svg\" "
          "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"pic-cap\">"
          "\n",
          LEFT + PLOT + 24, TOP + PLOT + 18);
  fprintf(f,
          "<rect class=\"strip\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
          "height=\"16\"/>\n<rect class=\"strip\" x=\"%.1f\" y=\"%.1f\" "
          "width=\"16\" height=\"%.1f\"/>\n",
          LEFT, EDGE - 8, PLOT, EDGE - 8, TOP, PLOT);
  fprintf(f,
          "<rect class=\"grid\" fill=\"none\" x=\"%.1f\" y=\"%.1f\" "
          "width=\"%.1f\" height=\"%.1f\"/>\n<line class=\"diag\" x1=\"%.1f\" "
          "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
          LEFT, TOP, PLOT, PLOT, LEFT, TOP, LEFT + PLOT, TOP + PLOT);
  fprintf(f,
          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">Japanese clause "
          "1\xE2\x80\xA6%zu \xE2\x86\x92</text>\n<text transform=\"translate("
          "%.1f %.1f) rotate(90)\">English clause 1\xE2\x80\xA6%zu "
          "\xE2\x86\x92</text>\n",
          LEFT + PLOT, TOP + PLOT + 14, nja, LEFT - 14, TOP, nen);
  fputs("<text x=\"2\" y=\"12\">no EN</text>"
        "<text x=\"2\" y=\"38\">no JA</text>\n",
        f);
  for (size_t i = 0; i < m->al->npairs; i++)
    overview_mark(f, m, i, sx, sy, r);
  for (size_t k = 0; k < m->nr; k++)
    region_box(f, m, k, sx, sy);
  fputs("</svg>\n", f);
}

/* The band of buckets, in document order, with the regions' numbers. */
static void strip(FILE *f, const map *m) {
  size_t n = m->al->npairs;
  if (!n) return;
  size_t nb = n < BUCKETS ? n : BUCKETS;
  double bw = PLOT / (double)nb;
  fprintf(f,
          "<svg class=\"strip-map\" xmlns=\"http://www.w3.org/2000/svg\" "
          "viewBox=\"0 0 %.0f 40\" role=\"img\" aria-label=\"the pairs in "
          "document order, coloured by their worst problem\">\n",
          LEFT + PLOT + 24);
  for (size_t b = 0; b < nb; b++) {
    size_t a = b * n / nb, e = (b + 1) * n / nb; /* pairs [a, e) */
    int worst = K_OK;
    for (size_t i = a; i < e; i++)
      if (m->kind[i] > worst) worst = m->kind[i];
    fprintf(f,
            "<a href=\"#p-%zu\"><rect class=\"%s\" x=\"%.2f\" y=\"16\" "
            "width=\"%.2f\" height=\"18\"><title>",
            a + 1, kind_class[worst], LEFT + b * bw, bw);
    ty_html_cstr(f, ty_pair_key(m->al, &m->al->pairs[a]));
    if (e - a > 1) {
      fputs(" \xE2\x80\xA6 ", f);
      ty_html_cstr(f, ty_pair_key(m->al, &m->al->pairs[e - 1]));
    }
    fputs("</title></rect></a>\n", f);
  }
  for (size_t k = 0; k < m->nr; k++) {
    fputs("<a class=\"region\" href=\"", f);
    region_href(f, m, k);
    fprintf(f,
            "\"><text x=\"%.1f\" y=\"12\" text-anchor=\"middle\">%zu</text>"
            "</a>\n",
            LEFT + (m->r[k].first + 0.5) * PLOT / (double)n, k + 1);
  }
  fputs("<text x=\"2\" y=\"30\">pairs</text>\n</svg>\n", f);
}

/* One side of pair i in a detail, a box at x, y of width w showing that
 * side's own clause key (a shift shows as keys that differ), linking to
 * the pair's row. */
static void ladder_box(FILE *f, const map *m, size_t i, ty_lang side, double x,
                       double y, double w) {
  const ty_pair *p = &m->al->pairs[i];
  const char *key =
      side == TY_JA ? m->al->ja->cl[p->ja].key : m->al->en->cl[p->en].key;
  fprintf(f,
          "<a href=\"#p-%zu\"><rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" "
          "width=\"%.1f\" height=\"20\" rx=\"2\"><title>",
          i + 1, kind_class[m->kind[i]], x + 1, y, w - 2);
  ty_html_cstr(f, key);
  if (strcmp(key, ty_pair_key(m->al, p)) != 0) {
    fputs(" (pair ", f);
    ty_html_cstr(f, ty_pair_key(m->al, p));
    fputc(')', f);
  }
  fprintf(f, " \xE2\x80\x94 %s", ty_pair_status_name(p->status));
  for (size_t j = m->off[i]; j < m->off[i + 1]; j++)
    fprintf(f, j == m->off[i] ? ": %s" : ", %s",
            ty_code_name(m->al->findings.v[m->idx[j]].code));
  fputs("</title></rect>", f);
  /* the key, when it fits (about 6 px a character at 10 px) */
  size_t fit = (size_t)((w - 4) / 6);
  if (fit >= 2) {
    size_t n = strlen(key);
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + w / 2,
            y + 14);
    ty_html_text(f, key, n > fit ? fit : n, 0);
    fputs(n > fit ? "\xE2\x80\xA6</text>" : "</text>", f);
  }
  fputs("</a>", f);
}

/* The ladder of pairs [a, b]: Japanese clauses on top, English below. */
static void ladder(FILE *f, const map *m, size_t a, size_t b) {
  size_t jlo, jhi, elo, ehi;
  clause_range(m, a, b, 1, &jlo, &jhi);
  clause_range(m, a, b, 0, &elo, &ehi);
  size_t slots = jhi - jlo > ehi - elo ? jhi - jlo : ehi - elo;
  if (slots < b - a + 1) slots = b - a + 1;
  double w = 720.0 / (double)slots;
  if (w > 64) w = 64;
  if (w < 15) w = 15;
  double width = 30 + slots * w;
  fprintf(f,
          "<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\" "
          "viewBox=\"0 0 %.0f 100\" width=\"%.0f\" role=\"img\">\n"
          "<text x=\"0\" y=\"24\">JA</text><text x=\"0\" y=\"90\">EN</text>\n",
          width, width);
  for (size_t i = a; i <= b; i++) {
    const ty_pair *p = &m->al->pairs[i];
    /* each side at its clause's slot; a missing side is not drawn */
    double xj = 30 + (p->ja >= 0 ? (double)((size_t)p->ja - jlo) : 0) * w;
    double xe = 30 + (p->en >= 0 ? (double)((size_t)p->en - elo) : 0) * w;
    double wj = p->nja > 1 ? p->nja * w : w, we = p->nen > 1 ? p->nen * w : w;
    if (p->ja >= 0 && p->en >= 0)
      fprintf(f,
              "<line class=\"%s\" x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" "
              "y2=\"72\"/>\n",
              kind_class[m->kind[i]], xj + wj / 2, xe + we / 2);
    if (p->ja >= 0) ladder_box(f, m, i, TY_JA, xj, 10, wj);
    if (p->en >= 0) ladder_box(f, m, i, TY_EN, xe, 72, we);
    fputc('\n', f);
  }
  fputs("</svg>\n", f);
}

static void details(FILE *f, const map *m) {
  fprintf(f, "<section id=\"regions\">\n<h2>Problem regions (%zu)</h2>\n",
          m->nr);
  if (!m->nr) {
    fputs("<p>None: every pair has both sides and no finding above info."
          "</p>\n</section>\n",
          f);
    return;
  }
  for (size_t k = 0; k < m->nr && k < MAX_DETAILS; k++) {
    const region *g = &m->r[k];
    size_t a = g->first > CONTEXT ? g->first - CONTEXT : 0;
    size_t b = g->last + CONTEXT < m->al->npairs ? g->last + CONTEXT
                                                 : m->al->npairs - 1;
    size_t shown = b - a + 1 > MAX_WINDOW ? MAX_WINDOW : b - a + 1;
    fprintf(f, "<figure class=\"zoom\" id=\"zoom-%zu\">\n", k + 1);
    ladder(f, m, a, a + shown - 1);
    fprintf(f, "<figcaption><b>%zu</b> <a href=\"#p-%zu\">", k + 1,
            g->first + 1);
    ty_html_cstr(f, ty_pair_key(m->al, &m->al->pairs[g->first]));
    fprintf(f, "</a> \xE2\x80\xA6 <a href=\"#p-%zu\">", g->last + 1);
    ty_html_cstr(f, ty_pair_key(m->al, &m->al->pairs[g->last]));
    fprintf(f, "</a>: %zu problem pair%s", g->problems,
            g->problems == 1 ? "" : "s");
    if (shown < b - a + 1)
      fprintf(f, " (the first %zu of %zu pairs drawn)", shown, b - a + 1);
    fputs("</figcaption>\n</figure>\n", f);
  }
  if (m->nr > MAX_DETAILS)
    fprintf(f,
            "<p>%zu more regions, on the overview and the strip; their "
            "findings are listed below.</p>\n",
            m->nr - MAX_DETAILS);
  fputs("</section>\n", f);
}

void ty_html_picture(FILE *f, const ty_alignment *al, const size_t *off,
                     const size_t *idx) {
  map m = {.al = al, .off = off, .idx = idx};
  find_regions(&m);
  fputs("<section id=\"picture\">\n<h2>Alignment picture</h2>\n<figure>\n", f);
  overview(f, &m);
  strip(f, &m);
  fprintf(f,
          "<figcaption id=\"pic-cap\">Each mark is a pair: Japanese clause "
          "index across, English clause index down. Green circles are "
          "matched by section number, amber squares paired by content; red "
          "ticks on the top strip are Japanese clauses with no English, on "
          "the left strip English clauses with no Japanese. Pairs off the "
          "dashed diagonal mark a shifted region. The numbered boxes are the "
          "%zu problem region%s (a side missing, a warning or an error), "
          "drawn in detail under Problem regions; the band under the plot is "
          "the pairs in document order, coloured by their worst problem. "
          "Select a mark to go to its row.</figcaption>\n</figure>\n"
          "</section>\n",
          m.nr, m.nr == 1 ? "" : "s");
  free(m.kind);
  free(m.r);
}

void ty_html_regions(FILE *f, const ty_alignment *al, const size_t *off,
                     const size_t *idx) {
  map m = {.al = al, .off = off, .idx = idx};
  find_regions(&m);
  details(f, &m);
  free(m.kind);
  free(m.r);
}
