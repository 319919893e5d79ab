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

static void ratio(long num, long den)
{
    if (den)
        printf(" %.3f", (double)num / (double)den);
    else
        fputs(" -", stdout);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: score GOLD.tsv ALIGNMENT.json\n", stderr);
        return 2;
    }
    read_gold(argv[1]);
    read_alignment(argv[2]);

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
