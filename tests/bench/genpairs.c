/*
 * genpairs — a synthetic Japanese/English clause-file pair for benchmarks.
 *
 * usage: genpairs [--ascii-ja] N OUTDIR   writes OUTDIR/ja.txt, OUTDIR/en.txt
 *
 * N numbered clauses a side, nested as in real documents: top-level clauses
 * "1 ", "2 ", ...; under some of them sub-clauses, "(1) " in English and
 * "（１）" in Japanese; under some sub-clauses items, "a. " in English and
 * "ア　" in Japanese (with --ascii-ja the Japanese side uses "(1) " and "a. "
 * as well). A one-line title before the first clause is front matter.
 * Every Japanese clause has its English counterpart under the same number, so
 * an aligner that reads the numbers correctly pairs all N of them.
 *
 * Clause bodies are one line each, built from parallel sentence templates:
 * Japanese with kanji and kana, Latin acronyms (ASEAN, ICT, ...) and ASCII
 * numbers; the English side holds the same acronyms and numbers. Clauses mix
 * short (one sentence) and long (up to 18 sentences) bodies, about 800 bytes
 * a clause pair on average. The output depends only on N and the options
 * (a fixed seed): the same arguments give the same bytes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state = 0x74616979616b7531ULL; /* fixed seed */

/* splitmix64 */
static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned below(unsigned n) { return (unsigned)(next_u64() % n); }

struct term {
    const char *ja, *en;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct term subjects[] = {
    {"双方は", "The two sides"},
    {"両国政府は", "The two Governments"},
    {"両閣僚は", "The Ministers"},
    {"日本国政府は", "The Government of Japan"},
    {"締約国は", "The Parties"},
    {"作業部会は", "The Working Group"},
    {"事務局は", "The Secretariat"},
    {"関係省庁は", "The relevant ministries and agencies"},
};

static const struct term topics[] = {
    {"サイバーセキュリティ協力", "cooperation on cybersecurity"},
    {"重要インフラの防護", "the protection of critical infrastructure"},
    {"情報共有の枠組み", "the framework for information sharing"},
    {"人材育成", "capacity building"},
    {"国際法の適用", "the application of international law"},
    {"信頼醸成措置", "confidence-building measures"},
    {"インシデント対応", "incident response"},
    {"研究開発", "research and development"},
    {"技術標準", "technical standards"},
    {"サプライチェーンの強靱性", "the resilience of supply chains"},
    {"個人情報の保護", "the protection of personal data"},
    {"電子商取引", "electronic commerce"},
    {"民間部門との連携", "partnership with the private sector"},
    {"地域の安定", "regional stability"},
    {"法執行機関間の協力", "cooperation between law enforcement agencies"},
    {"デジタル経済", "the digital economy"},
    {"海洋安全保障", "maritime security"},
    {"防災", "disaster risk reduction"},
    {"気候変動対策", "action on climate change"},
    {"エネルギー安全保障", "energy security"},
    {"宇宙空間の利用", "the use of outer space"},
    {"人工知能の開発", "the development of artificial intelligence"},
    {"データの自由な流通", "the free flow of data"},
    {"中小企業の支援", "support for small and medium-sized enterprises"},
};

/* Japanese: "<topic>を<verb>。"; English: "<verb> <topic>". */
static const struct term verbs[] = {
    {"確認した", "confirmed"},
    {"歓迎した", "welcomed"},
    {"再確認した", "reaffirmed"},
    {"強調した", "emphasized"},
    {"高く評価した", "highly appreciated"},
    {"推進することで一致した", "agreed to promote"},
    {"強化することを決定した", "decided to strengthen"},
    {"検討する", "shall consider"},
    {"引き続き支援する", "will continue to support"},
};

static const char *const acronyms[] = {"ASEAN", "ICT", "G7", "APEC", "CERT", "OECD",
                                       "WTO", "IAEA", "ISO", "CPTPP", "EPA", "UN"};

static const struct term leads[] = {
    {"双方は、次の事項について協力する。", "The two sides shall cooperate on the following matters:"},
    {"締約国は、次に掲げる措置をとる。", "The Parties shall take the following measures:"},
    {"この協定の適用上、次の定義を用いる。", "For the purposes of this Agreement, the following definitions apply:"},
    {"作業部会は、次の任務を行う。", "The Working Group shall carry out the following tasks:"},
};

struct out {
    FILE *ja, *en;
};

/* One sentence pair; English sentences after the first get a space. */
static void sentence(struct out *o, int first)
{
    const struct term *s = &subjects[below(COUNT(subjects))];
    const struct term *t = &topics[below(COUNT(topics))];
    const struct term *t2 = &topics[below(COUNT(topics))];
    const struct term *v = &verbs[below(COUNT(verbs))];
    const char *acr = acronyms[below(COUNT(acronyms))];
    unsigned year = 1990 + below(36), n = 2 + below(98), art = 1 + below(60);
    if (!first)
        fputc(' ', o->en);
    switch (below(7)) {
    case 0:
        fprintf(o->ja, "%s、%sを%s。", s->ja, t->ja, v->ja);
        fprintf(o->en, "%s %s %s.", s->en, v->en, t->en);
        break;
    case 1:
        fprintf(o->ja, "%s、%sの枠組みを通じた%sを%s。", s->ja, acr, t->ja, v->ja);
        fprintf(o->en, "%s %s %s through the %s framework.", s->en, v->en, t->en, acr);
        break;
    case 2:
        fprintf(o->ja, "%u年度の%sに関する予算は、前年度比%u%%増となった。", year, t->ja, n);
        fprintf(o->en, "The budget for %s in fiscal year %u increased by %u%% over the "
                       "previous year.", t->en, year, n);
        break;
    case 3:
        fprintf(o->ja, "%sとの%sに関する協議は、%u年以降%u回開催された。", acr, t->ja, year, n);
        fprintf(o->en, "Consultations with %s on %s have been held %u times since %u.", acr,
                t->en, n, year);
        break;
    case 4:
        fprintf(o->ja, "本項の規定は、第%u条に従い、%u日以内に見直される。", art, n);
        fprintf(o->en, "The provisions of this paragraph shall be reviewed within %u days in "
                       "accordance with Article %u.", n, art);
        break;
    case 5:
        fprintf(o->ja, "%s、%sに関する%sの取組を踏まえ、関係国と緊密に連携しつつ、%sの一層の推進に"
                       "向けた具体的な方策について検討を進めることで一致した。", s->ja, t->ja, acr, t2->ja);
        fprintf(o->en, "%s agreed to continue considering concrete measures to further promote %s "
                       "in close coordination with the countries concerned, building on the work "
                       "of %s on %s.", s->en, t2->en, acr, t->en);
        break;
    default:
        fprintf(o->ja, "%s、%sにおける%sに関する議論に積極的に参加し、その結果を%u日以内に報告する。",
                s->ja, acr, t->ja, n);
        fprintf(o->en, "%s shall actively participate in discussions on %s in %s and report "
                       "the results within %u days.", s->en, t->en, acr, n);
        break;
    }
}

/* A clause body: mostly short, sometimes long. */
static void body(struct out *o, int nested)
{
    unsigned r = below(100), count;
    if (r < 30)
        count = 1;
    else if (r < 65)
        count = 2 + below(4);
    else
        count = nested ? 4 + below(6) : 6 + below(13);
    for (unsigned i = 0; i < count; i++)
        sentence(o, i == 0);
    fputc('\n', o->ja);
    fputc('\n', o->en);
}

/* Full-width digits of n into buf. */
static const char *fullwidth(unsigned n, char *buf, size_t size)
{
    char ascii[16];
    size_t len = (size_t)snprintf(ascii, sizeof ascii, "%u", n), at = 0;
    for (size_t i = 0; i < len && at + 4 <= size; i++) {
        unsigned c = 0xff10 + (unsigned)(ascii[i] - '0'); /* U+FF10..FF19, 3 bytes */
        buf[at++] = (char)(0xe0 | (c >> 12));
        buf[at++] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[at++] = (char)(0x80 | (c & 0x3f));
    }
    buf[at] = '\0';
    return buf;
}

static FILE *create(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "genpairs: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    return f;
}

static void finish(FILE *f, const char *dir, const char *name)
{
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "genpairs: %s/%s: write error\n", dir, name);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    static const char *const aiueo[] = {"ア", "イ", "ウ", "エ", "オ", "カ", "キ"};
    int ascii_ja = argc > 1 && strcmp(argv[1], "--ascii-ja") == 0;
    char *end;
    if (argc != 3 + ascii_ja) {
        fputs("usage: genpairs [--ascii-ja] N OUTDIR\n", stderr);
        return 2;
    }
    errno = 0;
    long n = strtol(argv[1 + ascii_ja], &end, 10);
    const char *dir = argv[2 + ascii_ja];
    if (*end || end == argv[1 + ascii_ja] || errno || n < 0) {
        fputs("genpairs: N must be a count\n", stderr);
        return 2;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "genpairs: %s: %s\n", dir, strerror(errno));
        return 2;
    }
    struct out o = {create(dir, "ja.txt"), create(dir, "en.txt")};
    fputs("サイバー協議に関する共同声明（合成データ）\n", o.ja);
    fputs("Joint Statement on Cyber Consultations (synthetic data)\n", o.en);
    char fw[64];
    long made = 0;
    for (unsigned top = 1; made < n; top++) {
        made++;
        if (below(100) >= 30 || made == n) {
            fprintf(o.ja, "%u ", top);
            fprintf(o.en, "%u ", top);
            body(&o, 0);
            continue;
        }
        const struct term *lead = &leads[below(COUNT(leads))];
        fprintf(o.ja, "%u %s\n", top, lead->ja);
        fprintf(o.en, "%u %s\n", top, lead->en);
        unsigned subs = 2 + below(7);
        for (unsigned sub = 1; sub <= subs && made < n; sub++) {
            made++;
            if (ascii_ja)
                fprintf(o.ja, "(%u) ", sub);
            else
                fprintf(o.ja, "（%s）", fullwidth(sub, fw, sizeof fw));
            fprintf(o.en, "(%u) ", sub);
            if (below(100) >= 25) {
                body(&o, 1);
                continue;
            }
            const struct term *sublead = &leads[below(COUNT(leads))];
            fprintf(o.ja, "%s\n", sublead->ja);
            fprintf(o.en, "%s\n", sublead->en);
            unsigned items = 2 + below(COUNT(aiueo) - 1);
            for (unsigned item = 0; item < items && made < n; item++) {
                made++;
                if (ascii_ja)
                    fprintf(o.ja, "%c. ", 'a' + item);
                else
                    fprintf(o.ja, "%s　", aiueo[item]);
                fprintf(o.en, "%c. ", 'a' + item);
                body(&o, 1);
            }
        }
    }
    finish(o.ja, dir, "ja.txt");
    finish(o.en, dir, "en.txt");
    return 0;
}
