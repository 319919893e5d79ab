/*
 * score — scores a sentence alignment against the gold of the mocorpus
 * benchmark.
 *
 * usage: score GOLD.tsv ALIGNMENT.json
 *
 * GOLD.tsv is mocorpus's (and mo_corpus.py's) gold: a header line, then
 * "link JA EN ...", "omit_en JA - ..." or "omit_ja - EN ..." rows with
 * 0-based line numbers; its rows cover every line of both files.
 * ALIGNMENT.json is taiyaku's output in this shape (other keys are skipped):
 *   {"pairs":[{"status":"content"|"matched"|"missing-en"|"missing-ja",
 *              "ja":{"line":L,...}|null, "en":{"line":L,...}|null}, ...], ...}
 * with L the 1-based line in the respective file (one sentence a line).
 *
 * Prints three lines:
 *   links: P R F1 over 1-1 links (a pair with both sides is a predicted link)
 *   omissions: P R over lines left wholly unpaired: a line the output lists
 *     in a missing-en/missing-ja pair and in no link counts as flagged; gold
 *     omissions are omit_en ja lines and omit_ja en lines
 *   unaccounted: lines of either file the output never mentions
 *
 * usage: score --clauses GOLD.tsv ALIGNMENT.json JA.txt EN.txt
 *
 * scores the sentence pairs inside matched clauses of mocorpus --clauses
 * files (JA.txt, EN.txt: each sentence one non-blank line, a clause's first
 * after its "C " label) against that mode's gold ("kind clause ja en", in-
 * clause indexes).  ALIGNMENT.json is `taiyaku align --format json
 * --sentences`: each pair's "key" is its clause number, and its
 * "sentences":[{"ja":TEXT|null,"en":TEXT|null},...] are mapped back to
 * sentence indexes by their text (a TEXT of several sentences holds them
 * one a line; a line that is only a piece of a sentence, where the aligner
 * cut one, counts as that sentence); a matched pair without "sentences" is
 * one sentence a side, a missing-en/missing-ja pair flags its clause's
 * sentences.  An entry of J ja and E en sentences predicts J x E links,
 * each distinct link counted once.  The same three lines are
 * printed, counting sentences instead of lines.
 *
 * Exits 0 when it scored, 2 on unreadable or malformed input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *json_path;

static void fail(const char *fmt, ...)
{
    va_list ap;
    fputs("score: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail("%s: cannot open", path);
    size_t cap = 1 << 16, n = 0, got;
    char *p = malloc(cap);
    while (p && (got = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *bigger = realloc(p, cap *= 2);
            if (!bigger)
                free(p);
            p = bigger;
        }
    }
    if (!p)
        fail("out of memory");
    if (ferror(f))
        fail("%s: read error", path);
    fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

/* One side of the files: what gold and the output say about each line. */
struct side {
    long lines;
    char *gold_omit;  /* gold: this line has no partner */
    char *linked;     /* output: in some 1-1 link */
    char *flagged;    /* output: in a missing-* pair */
};

static struct side ja, en;
static long *gold_link; /* gold_link[ja line] = en line, or -1 */
static long gold_links;

static void side_init(struct side *s, long lines)
{
    s->lines = lines;
    s->gold_omit = calloc((size_t)lines + 1, 1);
    s->linked = calloc((size_t)lines + 1, 1);
    s->flagged = calloc((size_t)lines + 1, 1);
    if (!s->gold_omit || !s->linked || !s->flagged)
        fail("out of memory");
}

static long field(const char *s, const char *path, long row)
{
    if (s[0] == '-' && (s[1] == '\t' || s[1] == '\n' || !s[1]))
        return -1;
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || v < 0 || (*end && *end != '\t' && *end != '\n'))
        fail("%s:%ld: bad line number", path, row);
    return v;
}

static void read_gold(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    long rows = 0, max_ja = -1, max_en = -1;
    /* two passes: the sizes first, then the rows */
    for (int pass = 0; pass < 2; pass++) {
        long row = 0;
        for (char *line = text; *line;) {
            char *nl = strchr(line, '\n');
            row++;
            if (row > 1) {
                char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
                if (!tab1 || !tab2 || (nl && tab2 > nl))
                    fail("%s:%ld: expected kind, ja, en", path, row);
                long j = field(tab1 + 1, path, row), e = field(tab2 + 1, path, row);
                int kind = !strncmp(line, "link\t", 5) ? 0 : !strncmp(line, "omit_en\t", 8) ? 1
                         : !strncmp(line, "omit_ja\t", 8) ? 2 : -1;
                if (kind < 0 || (kind != 2) != (j >= 0) || (kind != 1) != (e >= 0))
                    fail("%s:%ld: bad row", path, row);
                if (pass == 0) {
                    max_ja = j > max_ja ? j : max_ja;
                    max_en = e > max_en ? e : max_en;
                } else if (kind == 0) {
                    gold_link[j] = e;
                    gold_links++;
                } else if (kind == 1)
                    ja.gold_omit[j] = 1;
                else
                    en.gold_omit[e] = 1;
            }
            line = nl ? nl + 1 : line + strlen(line);
        }
        rows = row;
        if (pass == 0) {
            side_init(&ja, max_ja + 1);
            side_init(&en, max_en + 1);
            gold_link = malloc(((size_t)max_ja + 1) * sizeof *gold_link + 1);
            if (!gold_link)
                fail("out of memory");
            for (long i = 0; i <= max_ja; i++)
                gold_link[i] = -1;
        }
    }
    if (rows < 1)
        fail("%s: empty gold", path);
    free(text);
}

/* ---- a scanner for the one JSON shape above ---- */

static const char *start, *p;

static void bad(const char *what)
{
    fail("%s: byte %ld: %s", json_path, (long)(p - start), what);
}

static void ws(void)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
}

static void expect(char c)
{
    ws();
    if (*p != c) {
        char what[32];
        snprintf(what, sizeof what, "expected '%c'", c);
        bad(what);
    }
    p++;
}

/* A string's raw bytes (escapes left as they are) into buf, cut to fit. */
static void string(char *buf, size_t cap)
{
    size_t n = 0;
    expect('"');
    for (; *p != '"'; p++) {
        int escaped = *p == '\\';
        if (escaped)
            p++;
        if (!*p || (unsigned char)*p < 0x20)
            bad("unterminated string");
        if (n + 2 < cap) {
            if (escaped)
                buf[n++] = '\\';
            buf[n++] = *p;
        }
    }
    p++;
    buf[n] = '\0';
}

static void skip_value(int depth)
{
    char scratch[8];
    if (depth > 200)
        bad("nested too deeply");
    ws();
    if (*p == '"') {
        string(scratch, sizeof scratch);
    } else if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        p++;
        ws();
        if (*p == close) {
            p++;
            return;
        }
        for (;;) {
            if (close == '}') {
                string(scratch, sizeof scratch);
                expect(':');
            }
            skip_value(depth + 1);
            ws();
            if (*p != ',')
                break;
            p++;
        }
        expect(close);
    } else {
        const char *from = p;
        while (strchr("-+.0123456789eEtruefalsn", *p) && *p)
            p++;
        if (p == from)
            bad("expected a value");
    }
}

/* The "line" of {"line": L, ...}, or 0 for null. */
static long side_line(void)
{
    char key[64];
    long line = 0;
    ws();
    if (!strncmp(p, "null", 4)) {
        p += 4;
        return 0;
    }
    expect('{');
    ws();
    if (*p == '}')
        bad("a side without \"line\"");
    for (;;) {
        string(key, sizeof key);
        expect(':');
        if (!strcmp(key, "line")) {
            char *end;
            ws();
            line = strtol(p, &end, 10);
            if (end == p || line < 1)
                bad("\"line\" must be a number from 1");
            p = end;
        } else
            skip_value(1);
        ws();
        if (*p != ',')
            break;
        p++;
    }
    expect('}');
    if (!line)
        bad("a side without \"line\"");
    return line;
}

static long pred_links, correct_links;

static void record(const char *status, long jl, long el)
{
    int both = jl && el;
    if (!jl && !el)
        bad("a pair with neither side");
    if (both != (!strcmp(status, "content") || !strcmp(status, "matched")) ||
        (!both && strcmp(status, jl ? "missing-en" : "missing-ja")))
        bad("status does not fit the sides given");
    if (jl > ja.lines || el > en.lines)
        bad("line beyond the lines in gold");
    if (both) {
        pred_links++;
        correct_links += gold_link[jl - 1] == el - 1;
        ja.linked[jl - 1] = en.linked[el - 1] = 1;
    } else if (jl)
        ja.flagged[jl - 1] = 1;
    else
        en.flagged[el - 1] = 1;
}

static void read_alignment(const char *path)
{
    size_t len;
    char *text = slurp(path, &len), key[64];
    json_path = path;
    start = p = text;
    if (strlen(text) != len)
        bad("NUL byte");
    int seen_pairs = 0;
    expect('{');
    for (ws(); *p != '}';) {
        string(key, sizeof key);
        expect(':');
        if (strcmp(key, "pairs")) {
            skip_value(1);
        } else {
            seen_pairs = 1;
            expect('[');
            ws();
            while (*p != ']') {
                char status[32] = "";
                long jl = 0, el = 0;
                expect('{');
                for (ws(); *p != '}';) {
                    string(key, sizeof key);
                    expect(':');
                    if (!strcmp(key, "status"))
                        string(status, sizeof status);
                    else if (!strcmp(key, "ja"))
                        jl = side_line();
                    else if (!strcmp(key, "en"))
                        el = side_line();
                    else
                        skip_value(2);
                    ws();
                    if (*p == ',')
                        p++;
                    else if (*p != '}')
                        bad("expected ',' or '}'");
                    ws();
                }
                p++;
                record(status, jl, el);
                ws();
                if (*p == ',') {
                    p++;
                    ws();
                } else if (*p != ']')
                    bad("expected ',' or ']'");
            }
            p++;
        }
        ws();
        if (*p == ',') {
            p++;
            ws();
        } else if (*p != '}')
            bad("expected ',' or '}'");
    }
    p++;
    ws();
    if (*p)
        bad("trailing bytes");
    if (!seen_pairs)
        bad("no \"pairs\"");
    free(text);
}

/* ---- --clauses: sentence pairs inside the clauses of mocorpus --clauses ---- */

/* Per clause and side: the first global sentence index and the count. */
static long nclauses, *ja_off, *ja_cnt, *en_off, *en_cnt;
static char **ja_text, **en_text; /* global sentence index -> its text */

static void read_clause_gold(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    long cap = 0, row = 0;
    long *rows = NULL, nrows = 0; /* kind, clause, ja, en */
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        row++;
        if (row > 1) {
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL,
                 *t3 = t2 ? strchr(t2 + 1, '\t') : NULL;
            if (!t3 || (nl && t3 > nl))
                fail("%s:%ld: expected kind, clause, ja, en", path, row);
            int kind = !strncmp(line, "link\t", 5) ? 0 : !strncmp(line, "omit_en\t", 8) ? 1
                     : !strncmp(line, "omit_ja\t", 8) ? 2 : -1;
            long c = field(t1 + 1, path, row), j = field(t2 + 1, path, row), e = field(t3 + 1, path, row);
            if (kind < 0 || c < 1 || (kind != 2) != (j >= 0) || (kind != 1) != (e >= 0))
                fail("%s:%ld: bad row", path, row);
            if (nrows + 1 > cap) {
                cap = cap ? cap * 2 : 1024;
                rows = realloc(rows, (size_t)cap * 4 * sizeof *rows);
                if (!rows)
                    fail("out of memory");
            }
            rows[nrows * 4] = kind, rows[nrows * 4 + 1] = c, rows[nrows * 4 + 2] = j,
            rows[nrows * 4 + 3] = e;
            nrows++;
            if (c > nclauses)
                nclauses = c;
        }
        line = nl ? nl + 1 : line + strlen(line);
    }
    ja_off = calloc((size_t)nclauses + 2, sizeof *ja_off);
    ja_cnt = calloc((size_t)nclauses + 2, sizeof *ja_cnt);
    en_off = calloc((size_t)nclauses + 2, sizeof *en_off);
    en_cnt = calloc((size_t)nclauses + 2, sizeof *en_cnt);
    if (!ja_off || !ja_cnt || !en_off || !en_cnt)
        fail("out of memory");
    for (long i = 0; i < nrows; i++) {
        long c = rows[i * 4 + 1], j = rows[i * 4 + 2], e = rows[i * 4 + 3];
        if (j >= 0 && j + 1 > ja_cnt[c])
            ja_cnt[c] = j + 1;
        if (e >= 0 && e + 1 > en_cnt[c])
            en_cnt[c] = e + 1;
    }
    long tj = 0, te = 0;
    for (long c = 1; c <= nclauses; c++) {
        ja_off[c] = tj, en_off[c] = te;
        tj += ja_cnt[c], te += en_cnt[c];
    }
    side_init(&ja, tj);
    side_init(&en, te);
    gold_link = malloc(((size_t)tj + 1) * sizeof *gold_link);
    if (!gold_link)
        fail("out of memory");
    for (long i = 0; i < tj; i++)
        gold_link[i] = -1;
    for (long i = 0; i < nrows; i++) {
        long kind = rows[i * 4], c = rows[i * 4 + 1], j = rows[i * 4 + 2], e = rows[i * 4 + 3];
        if (kind == 0) {
            gold_link[ja_off[c] + j] = en_off[c] + e;
            gold_links++;
        } else if (kind == 1)
            ja.gold_omit[ja_off[c] + j] = 1;
        else
            en.gold_omit[en_off[c] + e] = 1;
    }
    free(rows);
    free(text);
}

/* The sentences of a clause file: one a non-blank line, the first of a
 * clause after its "C " label, in clause order (counts from the gold). */
static char **read_clause_text(const char *path, const long *off, const long *cnt, long total)
{
    size_t len;
    char *text = slurp(path, &len);
    char **out = calloc((size_t)total + 1, sizeof *out);
    if (!out)
        fail("out of memory");
    long c = 1, k = 0;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (*line) {
            while (c <= nclauses && k >= cnt[c])
                c++, k = 0;
            if (c > nclauses)
                fail("%s: more sentences than the gold holds", path);
            char *s = line;
            if (k == 0) {
                char label[32];
                int n = snprintf(label, sizeof label, "%ld ", c);
                if (strncmp(s, label, (size_t)n))
                    fail("%s: clause %ld does not start with its label", path, c);
                s += n;
            }
            out[off[c] + k++] = s;
        }
        line = nl ? nl + 1 : line + strlen(line);
    }
    return out; /* text stays allocated: the strings point into it */
}

/* JSON escapes of a raw string() buffer undone in place (\uXXXX to UTF-8). */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        switch (*r) {
        case 'n': *w++ = '\n'; break;
        case 't': *w++ = '\t'; break;
        case 'r': *w++ = '\r'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'u': {
            unsigned v = 0;
            int i;
            for (i = 1; i <= 4 && r[i]; i++) {
                char h = r[i];
                v = v * 16 + (unsigned)(h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
            }
            r += i - 1;
            if (v < 0x80)
                *w++ = (char)v;
            else if (v < 0x800)
                *w++ = (char)(0xC0 | v >> 6), *w++ = (char)(0x80 | (v & 63));
            else
                *w++ = (char)(0xE0 | v >> 12), *w++ = (char)(0x80 | ((v >> 6) & 63)),
                *w++ = (char)(0x80 | (v & 63));
            break;
        }
        case '\0': r--; break;
        default: *w++ = *r;
        }
    }
    *w = '\0';
}

/* The in-clause sentences a JSON sentence text holds, found by text among
 * clause C's sentences on one side: each line of TEXT (the aligner may cut
 * a line into several sentences, or join lines) is an exact sentence,
 * preferably one not yet seen, or else a piece of the first sentence that
 * contains it.  Returns how many, each sentence once, at most MAX. */
static int find_sentences(char *textbuf, char **texts, long off, long cnt, char *used, long *found, int max)
{
    int n = 0;
    for (char *line = textbuf; *line && n < max;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        while (*line == ' ')
            line++;
        long hit = -1;
        if (*line) {
            for (long k = 0; k < cnt && hit < 0; k++)
                if (!used[off + k] && !strcmp(texts[off + k], line))
                    hit = off + k;
            for (long k = 0; k < cnt && hit < 0; k++)
                if (!strcmp(texts[off + k], line))
                    hit = off + k;
            for (long k = 0; k < cnt && hit < 0; k++)
                if (strstr(texts[off + k], line))
                    hit = off + k;
        }
        if (hit >= 0) {
            used[hit] = 1;
            int dup = 0;
            for (int i = 0; i < n; i++)
                dup |= found[i] == hit;
            if (!dup)
                found[n++] = hit;
        }
        line = nl ? nl + 1 : line + strlen(line);
    }
    return n;
}

/* Predicted links (ja, en), each counted once however many sentence pairs
 * of the output state it. */
static long (*plinks)[2], nplinks, cap_plinks;

static void predict(long j, long e)
{
    if (nplinks == cap_plinks) {
        cap_plinks = cap_plinks ? cap_plinks * 2 : 4096;
        plinks = realloc(plinks, (size_t)cap_plinks * sizeof *plinks);
        if (!plinks)
            fail("out of memory");
    }
    plinks[nplinks][0] = j, plinks[nplinks][1] = e;
    nplinks++;
}

static int cmp_link(const void *a, const void *b)
{
    const long *x = a, *y = b;
    return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

static void count_links(void)
{
    qsort(plinks, (size_t)nplinks, sizeof *plinks, cmp_link);
    for (long i = 0; i < nplinks; i++)
        if (i == 0 || cmp_link(plinks[i], plinks[i - 1])) {
            pred_links++;
            correct_links += gold_link[plinks[i][0]] == plinks[i][1];
        }
}

static char *ja_used, *en_used;
static char *sbuf;
#define SBUF 1000000

/* One {"ja":TEXT|null,"en":TEXT|null} of clause C. */
static void clause_sentence(long c)
{
    char key[64];
    long js[64], es[64];
    int nj = 0, ne = 0;
    expect('{');
    for (ws(); *p != '}';) {
        string(key, sizeof key);
        expect(':');
        ws();
        int is_ja = !strcmp(key, "ja");
        if ((is_ja || !strcmp(key, "en")) && *p == '"') {
            string(sbuf, SBUF);
            unescape(sbuf);
            if (is_ja)
                nj = find_sentences(sbuf, ja_text, ja_off[c], ja_cnt[c], ja_used, js, 64);
            else
                ne = find_sentences(sbuf, en_text, en_off[c], en_cnt[c], en_used, es, 64);
        } else
            skip_value(4);
        ws();
        if (*p == ',')
            p++, ws();
    }
    p++;
    for (int a = 0; a < nj; a++)
        for (int b = 0; b < ne; b++)
            predict(js[a], es[b]);
    for (int a = 0; a < nj; a++)
        *(ne ? &ja.linked[js[a]] : &ja.flagged[js[a]]) = 1;
    for (int b = 0; b < ne; b++)
        *(nj ? &en.linked[es[b]] : &en.flagged[es[b]]) = 1;
}

static void read_clause_alignment(const char *path)
{
    size_t len;
    char *text = slurp(path, &len), key[64];
    json_path = path;
    start = p = text;
    sbuf = malloc(SBUF);
    ja_used = calloc((size_t)ja.lines + 1, 1);
    en_used = calloc((size_t)en.lines + 1, 1);
    if (!sbuf || !ja_used || !en_used)
        fail("out of memory");
    expect('{');
    for (ws(); *p != '}';) {
        string(key, sizeof key);
        expect(':');
        if (strcmp(key, "pairs")) {
            skip_value(1);
        } else {
            expect('[');
            ws();
            while (*p != ']') {
                char status[32] = "", pkey[64] = "";
                const char *sentences = NULL;
                int has_ja = 0, has_en = 0;
                expect('{');
                for (ws(); *p != '}';) {
                    string(key, sizeof key);
                    expect(':');
                    ws();
                    if (!strcmp(key, "status"))
                        string(status, sizeof status);
                    else if (!strcmp(key, "key"))
                        string(pkey, sizeof pkey);
                    else if (!strcmp(key, "sentences")) {
                        sentences = p;
                        skip_value(2);
                    } else {
                        if (!strcmp(key, "ja"))
                            has_ja = strncmp(p, "null", 4) != 0;
                        if (!strcmp(key, "en"))
                            has_en = strncmp(p, "null", 4) != 0;
                        skip_value(2);
                    }
                    ws();
                    if (*p == ',')
                        p++, ws();
                    else if (*p != '}')
                        bad("expected ',' or '}'");
                }
                p++;
                char *end;
                long c = strtol(pkey, &end, 10);
                if (*pkey && !*end && c >= 1 && c <= nclauses) {
                    if (sentences) {
                        const char *after = p;
                        p = sentences;
                        expect('[');
                        for (ws(); *p != ']';) {
                            clause_sentence(c);
                            ws();
                            if (*p == ',')
                                p++, ws();
                        }
                        p = after;
                    } else if (has_ja && has_en && ja_cnt[c] == 1 && en_cnt[c] == 1) {
                        /* one sentence a side: stored as no sentence pairs */
                        long j = ja_off[c], e = en_off[c];
                        predict(j, e);
                        ja.linked[j] = en.linked[e] = 1;
                    } else if (has_ja && !has_en) {
                        for (long k = 0; k < ja_cnt[c]; k++)
                            ja.flagged[ja_off[c] + k] = 1;
                    } else if (has_en && !has_ja) {
                        for (long k = 0; k < en_cnt[c]; k++)
                            en.flagged[en_off[c] + k] = 1;
                    }
                    (void)status;
                }
                ws();
                if (*p == ',')
                    p++, ws();
                else if (*p != ']')
                    bad("expected ',' or ']'");
            }
            p++;
        }
        ws();
        if (*p == ',')
            p++, ws();
        else if (*p != '}')
            bad("expected ',' or '}'");
    }
    free(sbuf);
    count_links();
}

static void ratio(long num, long den)
{
    if (den)
        printf(" %.3f", (double)num / (double)den);
    else
        fputs(" -", stdout);
}

int main(int argc, char **argv)
{
    if (argc == 6 && !strcmp(argv[1], "--clauses")) {
        read_clause_gold(argv[2]);
        ja_text = read_clause_text(argv[4], ja_off, ja_cnt, ja.lines);
        en_text = read_clause_text(argv[5], en_off, en_cnt, en.lines);
        read_clause_alignment(argv[3]);
    } else if (argc == 3) {
        read_gold(argv[1]);
        read_alignment(argv[2]);
    } else {
        fputs("usage: score GOLD.tsv ALIGNMENT.json\n"
              "       score --clauses GOLD.tsv ALIGNMENT.json JA.txt EN.txt\n", stderr);
        return 2;
    }

    long flagged = 0, correct_flags = 0, gold_omits = 0, loose_ja = 0, loose_en = 0;
    const struct side *sides[2] = {&ja, &en};
    for (int s = 0; s < 2; s++)
        for (long i = 0; i < sides[s]->lines; i++) {
            const struct side *d = sides[s];
            gold_omits += d->gold_omit[i];
            if (!d->linked[i] && d->flagged[i]) {
                flagged++;
                correct_flags += d->gold_omit[i];
            }
            if (!d->linked[i] && !d->flagged[i])
                *(s ? &loose_en : &loose_ja) += 1;
        }
    double prec = pred_links ? (double)correct_links / (double)pred_links : 0;
    double rec = gold_links ? (double)correct_links / (double)gold_links : 0;
    fputs("links: P", stdout);
    ratio(correct_links, pred_links);
    fputs(" R", stdout);
    ratio(correct_links, gold_links);
    if (prec + rec > 0)
        printf(" F1 %.3f", 2 * prec * rec / (prec + rec));
    else
        fputs(" F1 -", stdout);
    printf(" (%ld correct, %ld predicted, %ld gold)\n", correct_links, pred_links, gold_links);
    fputs("omissions: P", stdout);
    ratio(correct_flags, flagged);
    fputs(" R", stdout);
    ratio(correct_flags, gold_omits);
    printf(" (%ld correct, %ld flagged, %ld gold)\n", correct_flags, flagged, gold_omits);
    printf("unaccounted: %ld ja, %ld en lines\n", loose_ja, loose_en);
    return fflush(stdout) == 0 ? 0 : 2;
}
