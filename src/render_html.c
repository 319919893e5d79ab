/* render_html.c — one standalone HTML5 page for readers: no scripts, no
 * external resources, so it can be mailed, archived and opened offline.
 *
 *   header     the two file names and the summary counts
 *   figure     the alignment picture (render_html_map.c): a dot plot of
 *              the pairs with the problem regions boxed, and a strip of
 *              the pairs in document order coloured by their problems
 *   findings   each linking to its pair row (href="#p-N")
 *   regions    a detail of each problem region (render_html_map.c), its
 *              boxes linking to the pair rows
 *   table      one row per pair, id="p-N" with N its 1-based position:
 *              key, status, the Japanese (lang="ja") and English
 *              (lang="en") label and text.  The status is written out in
 *              its own column and the row is coloured by it; findings
 *              are listed in the status cell, linked back to the list.
 *              With o->sentences, a pair's sentence pairs follow it as
 *              rows of class "sent" (no id), keyed "#1", "#2"...
 *
 * The style sheet turns the table into stacked blocks on narrow screens
 * and keeps rows whole when printed.  Every string from the input is
 * escaped (ty_html_text, render_html_page.c). */
#include "internal.h"
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- page parts --------------------------------------------------------- */

static const char style[] =
    ":root{color-scheme:light;--ok:#1b7f3b;--content:#b26b00;--miss:#c62828;"
    "--err:#c62828;--warn:#b26b00;--info:#1565c0;--line:#d0d4da}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:1200px;padding:1rem;font:15px/1.55 "
    "system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330;"
    "background:#fff}\n"
    "h1{font-size:1.35rem;margin:.2rem 0 .8rem;overflow-wrap:anywhere}\n"
    "h2{font-size:1.1rem;margin:1.6rem 0 .6rem}\n"
    ":lang(ja){font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',"
    "'Noto Sans JP',sans-serif;line-break:strict}\n"
    ".summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0}\n"
    ".summary div{border:1px solid var(--line);border-radius:6px;"
    "padding:.3rem .7rem;min-width:6.5rem}\n"
    ".summary dt{font-size:.75rem;color:#555}\n"
    ".summary dd{margin:0;font-size:1.25rem;font-weight:600}\n"
    ".summary .bad dd{color:var(--miss)}\n"
    "figure{margin:1rem 0}\n"
    "@media (min-width:960px){.overview{display:grid;grid-template-columns:"
    "minmax(0,460px) minmax(0,1fr);gap:2.5rem;align-items:start}\n"
    " .overview ol.findings{max-height:80vh;overflow:auto}}\n"
    "figure svg{width:100%;max-width:460px;height:auto;display:block;"
    "border:1px solid var(--line);border-radius:6px}\n"
    "figcaption{font-size:.85rem;color:#444;max-width:460px}\n"
    "svg .grid{stroke:#eceff3}\n"
    "svg .diag{stroke:#c3c8cf;stroke-dasharray:4 4}\n"
    "svg .strip{fill:#f6f7f9}\n"
    "svg .mm{fill:var(--ok)}\n"
    "svg .mc{fill:var(--content)}\n"
    "svg .mx{fill:var(--miss)}\n"
    "svg .mw{fill:var(--warn)}\n"
    "svg .rg{fill:none;stroke-width:2.5}\n"
    "svg .rg.mx{stroke:var(--miss)}svg .rg.mw{stroke:var(--warn)}\n"
    "svg a.region text{font-weight:700;fill:#1d2330}\n"
    "svg line{stroke-width:1.5}svg line.mm{stroke:#9aa3ad}\n"
    "svg line.mc{stroke:var(--content)}svg line.mw{stroke:var(--warn)}"
    "svg line.mx{stroke:var(--miss)}\n"
    "figure svg.strip-map{border:none;margin-top:.4rem}\n"
    "figure.zoom{margin:.6rem 0 1rem;overflow-x:auto}\n"
    "figure svg.ladder{width:auto;max-width:100%;border:none}\n"
    "svg.ladder a text{font-size:10px;fill:#fff}\n"
    "svg text{font-size:11px;fill:#444}\n"
    "ol.findings{padding-left:2.2rem;margin:0}\n"
    "ol.findings li{margin:.2rem 0}\n"
    ".sev{display:inline-block;min-width:4.2rem;font-weight:600}\n"
    ".sev-error .sev,.fx.sev-error{color:var(--err)}\n"
    ".sev-warning .sev,.fx.sev-warning{color:var(--warn)}\n"
    ".sev-info .sev,.fx.sev-info{color:var(--info)}\n"
    "code{font-size:.9em}\n"
    ".loc{color:#666;font-size:.85em;overflow-wrap:anywhere}\n"
    ".conf{color:#666;font-size:.75em;border:1px solid var(--line);"
    "border-radius:3px;padding:0 .2em}\n"
    ".codes{margin-top:.5rem}.codes dd{font-size:1rem}\n"
    "table.pairs{border-collapse:collapse;width:100%;table-layout:fixed}\n"
    ".pairs th,.pairs td{border-bottom:1px solid var(--line);padding:.45rem "
    ".5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}\n"
    ".pairs thead th{position:sticky;top:0;background:#f1f3f6;z-index:1}\n"
    ".pairs col.k{width:7rem}.pairs col.s{width:9.5rem}\n"
    ".pairs tr{border-left:5px solid transparent}\n"
    ".pairs tr.st-content{background:#fff8e6;border-left-color:var(--content)}"
    "\n"
    ".pairs tr.st-missing-en,.pairs tr.st-missing-ja{background:#fdecec;"
    "border-left-color:var(--miss)}\n"
    ".pairs tr.fx-info.st-matched{border-left-color:var(--info)}\n"
    ".pairs tr.fx-warning.st-matched{border-left-color:var(--warn)}\n"
    ".pairs tr.fx-error.st-matched{border-left-color:var(--err)}\n"
    ".pairs tr:target{outline:3px solid var(--info);outline-offset:-3px}\n"
    ".st b{display:block}\n"
    ".fx{display:block;font-size:.8rem;text-decoration:none}\n"
    ".lbl{font-weight:600}\n"
    ".ln{display:block;color:#777;font-size:.75rem}\n"
    ".none{color:#999;font-style:italic}\n"
    ".pairs tr.sent td{font-size:.88em;color:#3b4250;border-bottom-style:"
    "dotted}\n"
    ".pairs tr.sent td.key{padding-left:1.2rem}\n"
    "a{color:#1554a3}\n"
    "@media (max-width:600px){body{padding:.6rem;font-size:14px}\n"
    " table.pairs,.pairs tbody,.pairs tr,.pairs td{display:block;width:auto}\n"
    " .pairs thead,.pairs colgroup{display:none}\n"
    " .pairs tr{border:1px solid var(--line);border-left-width:5px;"
    "border-radius:6px;margin:0 0 .8rem}\n"
    " .pairs td{border:0;padding:.3rem .6rem}\n"
    " .pairs td::before{content:attr(data-h);display:block;font-size:.7rem;"
    "color:#666;text-transform:uppercase;letter-spacing:.04em}\n"
    " .pairs td.key,.pairs td.st{display:inline-block;width:50%;"
    "vertical-align:top}\n"
    " .fx{display:inline;margin-right:.6em}}\n"
    "@media print{body{max-width:none;padding:0;font-size:9.5pt}\n"
    " *{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    " a{color:inherit;text-decoration:none}\n"
    " .pairs thead th{position:static}\n"
    " .overview ol.findings{max-height:none;overflow:visible}\n"
    " .pairs col.k{width:5rem}.pairs col.s{width:7.5rem}\n"
    " .pairs thead{display:table-header-group}\n"
    " .pairs tr,figure,ol.findings li{break-inside:avoid}\n"
    " h2{break-after:avoid}}\n";

static void put_head(FILE *f, const ty_alignment *al) {
  const char *const title[] = {al->ja->name, " \xE2\x86\x94 ", al->en->name,
                               " \xE2\x80\x94 taiyaku", NULL};
  ty_html_head(f, "en", title, style);
  fputs("<header>\n<h1>", f);
  ty_html_cstr(f, al->ja->name);
  fputs(" \xE2\x86\x94 ", f);
  ty_html_cstr(f, al->en->name);
  fputs("</h1>\n", f);
}

static const char *sev_class(ty_severity s);

static void put_count(FILE *f, const char *name, size_t n, int bad) {
  fprintf(f, "<div%s><dt>%s</dt><dd>%zu</dd></div>\n",
          bad && n ? " class=\"bad\"" : "", name, n);
}

/* The counts: pairs by status (a pair "with no English" is a clause left
 * unpaired; a clause renumbered and paired by content is a content pair),
 * findings by severity, then findings by code, so that the [missing-en]
 * findings of renumbered clauses are counted beside the pairs. */
static void put_summary(FILE *f, const ty_alignment *al) {
  ty_summary s;
  ty_alignment_summary(al, &s);
  fputs("<dl class=\"summary\" id=\"summary\">\n", f);
  put_count(f, "pairs", s.pairs, 0);
  put_count(f, "matched", s.matched, 0);
  put_count(f, "content", s.content, 0);
  put_count(f, "pairs with no English", s.missing_en, 1);
  put_count(f, "pairs with no Japanese", s.missing_ja, 1);
  put_count(f, "errors", s.errors, 1);
  put_count(f, "warnings", s.warnings, 0);
  put_count(f, "infos", s.infos, 0);
  fputs("</dl>\n", f);
  size_t by_code[TY_CODE_COUNT] = {0};
  ty_severity worst[TY_CODE_COUNT];
  for (int c = 0; c < TY_CODE_COUNT; c++)
    worst[c] = TY_SEV_INFO;
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *x = &al->findings.v[i];
    by_code[x->code]++;
    if (x->severity > worst[x->code]) worst[x->code] = x->severity;
  }
  if (al->findings.n) {
    fputs("<dl class=\"summary codes\" id=\"codes\">\n", f);
    for (int c = 0; c < TY_CODE_COUNT; c++)
      if (by_code[c])
        fprintf(f, "<div class=\"%s\"><dt>[%s]</dt><dd>%zu</dd></div>\n",
                worst[c] == TY_SEV_ERROR ? "bad" : sev_class(worst[c]),
                ty_code_name((ty_code)c), by_code[c]);
    fputs("</dl>\n", f);
  }
  fputs("</header>\n", f);
}

static const char *sev_class(ty_severity s) {
  return s == TY_SEV_ERROR     ? "sev-error"
         : s == TY_SEV_WARNING ? "sev-warning"
                               : "sev-info";
}

static void put_findings(FILE *f, const ty_alignment *al, const size_t *where) {
  fprintf(f, "<section id=\"findings\">\n<h2>Findings (%zu)</h2>\n",
          al->findings.n);
  if (!al->findings.n) {
    fputs("<p>No findings.</p>\n</section>\n", f);
    return;
  }
  fputs("<ol class=\"findings\">\n", f);
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *x = &al->findings.v[i];
    /* a finding no pair holds (about a whole file) is marked, not linked */
    fprintf(f, "<li id=\"f-%zu\" class=\"%s%s\"><span class=\"sev\">%s</span> ",
            i + 1, sev_class(x->severity), where[i] == SIZE_MAX ? " doc" : "",
            ty_severity_name(x->severity));
    if (where[i] != SIZE_MAX) fprintf(f, "<a href=\"#p-%zu\">", where[i] + 1);
    fprintf(f, "<code>[%s]</code>", ty_code_name(x->code));
    if (x->key && *x->key) {
      fputc(' ', f);
      ty_html_cstr(f, x->key);
    }
    if (where[i] != SIZE_MAX) fputs("</a>", f);
    fputs(": ", f);
    ty_html_cstr(f, x->message ? x->message : "");
    /* the files are named in the title; the side and line say where */
    if (x->ja_line)
      fprintf(f, " <span class=\"loc\">ja %d</span>", x->ja_line);
    else if (x->en_line)
      fprintf(f, " <span class=\"loc\">en %d</span>", x->en_line);
    fprintf(f, " <span class=\"conf\" title=\"confidence\">%.2f</span>",
            x->confidence);
    fputs("</li>\n", f);
  }
  fputs("</ol>\n</section>\n", f);
}

/* One language cell: label and text, or a note that the side is missing. */
static void put_side(FILE *f, const ty_alignment *al, const ty_pair *p,
                     ty_lang side, ty_buf *tmp) {
  /* the language the source marks the clause in, else the side's */
  const char *lang = ty_pair_lang(al, p, side);
  const char *head = side == TY_JA ? "Japanese" : "English";
  fputs("<td lang=\"", f);
  ty_html_cstr(f, lang ? lang : side == TY_JA ? "ja" : "en");
  fprintf(f, "\" data-h=\"%s\">", head);
  if ((side == TY_JA ? p->ja : p->en) < 0) {
    fprintf(f, "<span class=\"none\" lang=\"en\">no %s</span></td>", head);
    return;
  }
  ty_buf_clear(tmp);
  ty_pair_label(al, p, side, tmp);
  if (tmp->n) {
    fputs("<span class=\"lbl\">", f);
    ty_html_text(f, tmp->p, tmp->n, 0);
    fputs("</span> ", f);
  }
  ty_buf_clear(tmp);
  ty_pair_text(al, p, side, tmp);
  ty_html_text(f, tmp->p, tmp->n, 1);
  fputs("</td>", f);
}

/* A sentence cell: the span with its line breaks joined like a clause's. */
static void put_sentence(FILE *f, const char *s, size_t n, const char *lang,
                         const char *head, ty_buf *tmp) {
  fprintf(f, "<td lang=\"%s\" data-h=\"%s\">", lang, head);
  if (s) {
    ty_clause c = {.text = s, .text_len = n};
    ty_buf_clear(tmp);
    ty_clause_flat_text(&c, tmp);
    ty_html_text(f, tmp->p, tmp->n, 1);
  } else {
    fputs("<span class=\"none\" lang=\"en\">unpaired</span>", f);
  }
  fputs("</td>", f);
}

static void put_sentences(FILE *f, const ty_alignment *al, const ty_pair *p,
                          ty_buf *tmp) {
  for (size_t k = 0; k < p->nsent; k++) {
    const ty_sentpair *s = &al->sents[p->sent_off + k];
    fprintf(f,
            "<tr class=\"sent\"><td class=\"key\" data-h=\"Sentence\">#%zu</td>"
            "<td class=\"st\" data-h=\"Status\">%s</td>",
            k + 1, s->ja && s->en ? "sentence" : "unpaired sentence");
    put_sentence(f, s->ja, s->ja_len, "ja", "Japanese", tmp);
    put_sentence(f, s->en, s->en_len, "en", "English", tmp);
    fputs("</tr>\n", f);
  }
}

static void put_table(FILE *f, const ty_alignment *al, const size_t *off,
                      const size_t *idx, int sentences) {
  fputs("<section id=\"pairs\">\n<h2>Pairs</h2>\n<table class=\"pairs\">\n"
        "<colgroup><col class=\"k\"><col class=\"s\"><col><col></colgroup>\n"
        "<thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Status</th>"
        "<th scope=\"col\">Japanese</th><th scope=\"col\">English</th></tr>"
        "</thead>\n<tbody>\n",
        f);
  ty_buf tmp = {0};
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    const char *st = ty_pair_status_name(p->status);
    size_t nfx = off[i + 1] - off[i];
    /* the row's edge takes the colour of its worst finding */
    ty_severity worst = TY_SEV_OFF;
    for (size_t k = off[i]; k < off[i + 1]; k++)
      if (al->findings.v[idx[k]].severity > worst)
        worst = al->findings.v[idx[k]].severity;
    fprintf(f, "<tr id=\"p-%zu\" class=\"st-%s", i + 1, st);
    if (nfx) fprintf(f, " has-fx fx-%s", ty_severity_name(worst));
    fputs("\">", f);
    fputs("<td class=\"key\" data-h=\"Key\">", f);
    ty_html_cstr(f, ty_pair_key(al, p));
    int jl = ty_pair_line(al, p, TY_JA), el = ty_pair_line(al, p, TY_EN);
    fputs("<span class=\"ln\">", f);
    if (jl) fprintf(f, "ja %d", jl);
    if (jl && el) fputs(" \xC2\xB7 ", f);
    if (el) fprintf(f, "en %d", el);
    fputs("</span></td>", f);
    fprintf(f, "<td class=\"st\" data-h=\"Status\"><b>%s</b>", st);
    if (p->status == TY_PAIR_CONTENT)
      fprintf(f, "<span class=\"ln\">score %.2f</span>", p->score);
    for (size_t k = off[i]; k < off[i + 1]; k++) {
      const ty_finding *x = &al->findings.v[idx[k]];
      fprintf(f, "<a class=\"fx %s\" href=\"#f-%zu\">%s: %s</a>",
              sev_class(x->severity), idx[k] + 1, ty_severity_name(x->severity),
              ty_code_name(x->code));
    }
    fputs("</td>", f);
    put_side(f, al, p, TY_JA, &tmp);
    put_side(f, al, p, TY_EN, &tmp);
    fputs("</tr>\n", f);
    if (sentences) put_sentences(f, al, p, &tmp);
  }
  ty_buf_free(&tmp);
  fputs("</tbody>\n</table>\n</section>\n", f);
}

int ty_render_html(const ty_alignment *al, const ty_render_options *o,
                   FILE *f) {
  size_t nf = al->findings.n;
  size_t *where = ty_finding_pairs(al);
  /* the findings of pair i are idx[off[i] .. off[i+1]), in list order */
  size_t *off = ty_xcalloc(al->npairs + 2, sizeof *off);
  size_t *idx = ty_xmalloc((nf ? nf : 1) * sizeof *idx);
  for (size_t i = 0; i < nf; i++)
    if (where[i] != SIZE_MAX) off[where[i] + 2]++;
  for (size_t i = 2; i < al->npairs + 2; i++)
    off[i] += off[i - 1];
  for (size_t i = 0; i < nf; i++)
    if (where[i] != SIZE_MAX) idx[off[where[i] + 1]++] = i;

  put_head(f, al);
  put_summary(f, al);
  fputs("<main>\n", f);
  /* side by side on wide screens (see the style sheet) */
  fputs("<div class=\"overview\">\n", f);
  ty_html_picture(f, al, off, idx);
  put_findings(f, al, where);
  fputs("</div>\n", f);
  ty_html_regions(f, al, off, idx);
  put_table(f, al, off, idx, o->sentences);
  fputs("</main>\n<footer><p class=\"loc\">Made by taiyaku " TY_VERSION
        ".</p></footer>\n</body>\n</html>\n",
        f);
  free(where);
  free(off);
  free(idx);
  return ferror(f) ? -1 : 0;
}
