/*
 * mocorpus — builds taiyaku's sentence-alignment benchmark from the Japanese
 * gettext catalogs of this machine, byte for byte as ../shared/bench/
 * mo_corpus.py defines it, without msgunfmt or Python: it reads the GNU .mo
 * format itself (system-dependent strings such as %<PRIuMAX> included),
 * decodes each catalog from its charset (iconv for non-UTF-8, U+FFFD for bad
 * bytes) and reproduces CPython 3.11's random module (MT19937 seeded from a
 * string through SHA-512; getrandbits, _randbelow, sample, shuffle).
 *
 * usage: mocorpus [--out DIR] [--seed S] [--sizes N,N,...] [--en-drop F]
 *                 [--ja-drop F] [--strip-format] [--modir DIR] [--clauses]
 *
 * Pairs kept (msgid = English, msgstr = Japanese, msgstr[0] for plurals):
 * both sides non-blank, each a single line once stripped, inner whitespace
 * runs made one space, at least 3 English words holding a Latin letter, some
 * kana or kanji on the Japanese side; duplicate (en, ja) pairs kept once.
 * For each N: N pairs drawn with random.Random("SEED-N") (without
 * replacement when N <= unique pairs, else all of them plus N-U with
 * replacement, shuffled), then 5% of the English and, of the rest, 2% of the
 * Japanese lines deleted.
 *
 * Sentence mode (default) writes what mo_corpus.py writes:
 *   DIR/N/ja.txt, DIR/N/en.txt   one sentence a line
 *   DIR/N/gold.tsv               header "kind ja en catalog", then one row a
 *                                drawn pair: link JA EN CAT | omit_en JA - CAT
 *                                | omit_ja - EN CAT (0-based lines, tabs)
 *   DIR/N/meta.json, DIR/corpus.json   the counts
 *
 * Clause mode (--clauses) writes the same drawn pairs and deletions as
 * numbered clause files that taiyaku's plain-text reader understands. After
 * the deletions the same generator draws group sizes 3 + _randbelow(6)
 * (3..8 drawn pairs a clause; a remainder that would leave fewer than 3 is
 * split so that every clause keeps 3..8):
 *   DIR/N/ja.txt, DIR/N/en.txt   one clause a paragraph block: "C " and the
 *                                clause's first sentence on that side, then
 *                                each further sentence on a line of its own
 *                                after a blank line (a paragraph inside the
 *                                clause, so the sentence split is the true
 *                                one: most messages have no full stop and a
 *                                sentence segmenter could not find it);
 *                                a sentence that could read as a section
 *                                marker (a digit, a bracket, a bullet, "a.",
 *                                第, kanji numerals: see marker_like) goes on
 *                                the next line of the previous sentence's
 *                                paragraph instead, where a marker counts
 *                                only when it continues the open sequence;
 *                                so every sentence is one line, and a clause
 *                                line starts "C " or a paragraph or a line;
 *                                clauses follow each other line after line;
 *                                C counts clauses from 1; a clause whose
 *                                sentences were all deleted on one side has
 *                                no lines on that side
 *   DIR/N/gold.tsv               header "kind clause ja en", then one row a
 *                                drawn pair: link C J E | omit_en C J - |
 *                                omit_ja C - E, where J and E are 0-based
 *                                sentence indexes within clause C on each side
 * Nothing else is written in clause mode.
 *
 * Exit status: 0 done, 1 no pairs or a bad catalog, 2 usage or I/O trouble.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

static void die(int status, const char *fmt, ...)
{
    va_list ap;
    fputs("mocorpus: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die(2, "out of memory");
    return p;
}

static char *xmemdup(const char *s, size_t n)
{
    char *p = xrealloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* A growable byte string, always NUL-terminated once anything was added. */
struct buf {
    char *p;
    size_t n, cap;
};

static void buf_add(struct buf *b, const void *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void buf_addc(struct buf *b, char c) { buf_add(b, &c, 1); }

static void buf_reset(struct buf *b)
{
    b->n = 0;
    buf_add(b, "", 0);
}

/* ---- SHA-512 (FIPS 180-4), only to seed like random.Random(str) ---- */

static const uint64_t sha_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
    0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
    0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
    0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
    0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
    0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
    0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
    0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
    0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
    0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
    0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
    0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
    0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
    0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
    0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
    0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
    0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint64_t sha_h0[8] = {
    0x6a09e667f3bcc908ULL,
    0xbb67ae8584caa73bULL,
    0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL,
    0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL,
    0x5be0cd19137e2179ULL,
};

struct sha512 {
    uint64_t h[8];
    unsigned char block[128];
    size_t fill;
    uint64_t total;
};

static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha_compress(struct sha512 *s)
{
    uint64_t w[80], v[8];
    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int j = 0; j < 8; j++)
            w[i] = (w[i] << 8) | s->block[8 * i + j];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, s->h, sizeof v);
    for (int i = 0; i < 80; i++) {
        uint64_t e = v[4], a = v[0];
        uint64_t t1 = v[7] + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) +
                      ((e & v[5]) ^ (~e & v[6])) + sha_k[i] + w[i];
        uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) +
                      ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] += v[i];
}

static void sha_add(struct sha512 *s, const unsigned char *p, size_t n)
{
    s->total += n;
    while (n--) {
        s->block[s->fill++] = *p++;
        if (s->fill == 128) {
            sha_compress(s);
            s->fill = 0;
        }
    }
}

/* The 64-byte digest of p[0..n). */
static void sha512(const unsigned char *p, size_t n, unsigned char out[64])
{
    struct sha512 s = {.fill = 0, .total = 0};
    memcpy(s.h, sha_h0, sizeof s.h);
    sha_add(&s, p, n);
    uint64_t bits = s.total * 8;
    unsigned char pad = 0x80, zero = 0, len[16] = {0};
    sha_add(&s, &pad, 1);
    while (s.fill != 112)
        sha_add(&s, &zero, 1);
    for (int i = 0; i < 8; i++)
        len[15 - i] = (unsigned char)(bits >> (8 * i));
    sha_add(&s, len, 16);
    for (int i = 0; i < 64; i++)
        out[i] = (unsigned char)(s.h[i / 8] >> (56 - 8 * (i % 8)));
}

/* ---- CPython's random module: MT19937 and the draws the corpus uses ---- */

enum { MT_N = 624, MT_M = 397 };

struct pyrand {
    uint32_t mt[MT_N];
    int mti;
};

static void mt_init(struct pyrand *r, uint32_t s)
{
    r->mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->mti = MT_N;
}

static void mt_init_by_array(struct pyrand *r, const uint32_t *key, size_t len)
{
    mt_init(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1664525U)) +
                   key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            r->mt[0] = r->mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1566083941U)) -
                   (uint32_t)i;
        i++;
        if (i >= MT_N) {
            r->mt[0] = r->mt[MT_N - 1];
            i = 1;
        }
    }
    r->mt[0] = 0x80000000U;
}

static uint32_t mt_next(struct pyrand *r)
{
    static const uint32_t mag01[2] = {0, 0x9908b0dfU};
    if (r->mti >= MT_N) {
        int kk;
        uint32_t y;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (r->mt[kk] & 0x80000000U) | (r->mt[kk + 1] & 0x7fffffffU);
            r->mt[kk] = r->mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (r->mt[kk] & 0x80000000U) | (r->mt[kk + 1] & 0x7fffffffU);
            r->mt[kk] = r->mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (r->mt[MT_N - 1] & 0x80000000U) | (r->mt[0] & 0x7fffffffU);
        r->mt[MT_N - 1] = r->mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->mti = 0;
    }
    uint32_t y = r->mt[r->mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

/* random.Random(s) for a str s (seed version 2): the integer whose big-endian
 * bytes are s + sha512(s), fed to init_by_array as 32-bit words, least
 * significant first. */
static void py_seed_str(struct pyrand *r, const char *s)
{
    size_t n = strlen(s), len = n + 64;
    unsigned char *bytes = xrealloc(NULL, len);
    memcpy(bytes, s, n);
    sha512((const unsigned char *)s, n, bytes + n);
    size_t lead = 0;
    while (lead < len && bytes[lead] == 0)
        lead++;
    size_t sig = len - lead, words = sig ? (sig + 3) / 4 : 1;
    uint32_t *key = xrealloc(NULL, words * sizeof *key);
    for (size_t w = 0; w < words; w++) {
        key[w] = 0;
        for (size_t b = 0; b < 4; b++) {
            size_t from_end = 4 * w + b; /* byte weight 256^from_end */
            if (from_end < sig)
                key[w] |= (uint32_t)bytes[len - 1 - from_end] << (8 * b);
        }
    }
    mt_init_by_array(r, key, words);
    free(key);
    free(bytes);
}

/* _randbelow(n) for 1 <= n < 2^32: getrandbits(n.bit_length()) until < n. */
static uint32_t py_below(struct pyrand *r, uint32_t n)
{
    int k = 0;
    while (k < 32 && (n >> k))
        k++;
    uint32_t v;
    do
        v = mt_next(r) >> (32 - k);
    while (v >= n);
    return v;
}

/* random.sample(pop[0..n), k) into out[0..k), both of CPython's methods. */
static void py_sample(struct pyrand *r, const uint32_t *pop, size_t n, size_t k, uint32_t *out)
{
    if (k > n)
        die(2, "sample larger than population (%zu > %zu)", k, n);
    size_t setsize = 21;
    if (k > 5)
        setsize += (size_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    if (n <= setsize) {
        uint32_t *pool = xrealloc(NULL, n * sizeof *pool);
        memcpy(pool, pop, n * sizeof *pool);
        for (size_t i = 0; i < k; i++) {
            uint32_t j = py_below(r, (uint32_t)(n - i));
            out[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
        free(pool);
    } else {
        unsigned char *selected = calloc(n, 1);
        if (!selected)
            die(2, "out of memory");
        for (size_t i = 0; i < k; i++) {
            uint32_t j = py_below(r, (uint32_t)n);
            while (selected[j])
                j = py_below(r, (uint32_t)n);
            selected[j] = 1;
            out[i] = pop[j];
        }
        free(selected);
    }
}

static void py_shuffle(struct pyrand *r, uint32_t *x, size_t n)
{
    for (size_t i = n ? n - 1 : 0; i >= 1; i--) {
        uint32_t j = py_below(r, (uint32_t)(i + 1)), t = x[i];
        x[i] = x[j];
        x[j] = t;
    }
}

/* ---- Unicode as Python's str sees it ---- */

/* The code point at s[*i] (valid UTF-8), advancing *i past it. */
static uint32_t next_cp(const char *s, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    if (u[0] < 0x80) {
        *i += 1;
        return u[0];
    }
    if (u[0] < 0xe0) {
        *i += 2;
        return (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
    }
    if (u[0] < 0xf0) {
        *i += 3;
        return (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
    }
    *i += 4;
    return (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
           (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
}

/* str.isspace(), which is also what re's \s matches in a str pattern. */
static int is_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
           c == 0x202f || c == 0x205f || c == 0x3000;
}

/* re's \d in a str pattern: Unicode category Nd (Unicode 14, Python 3.11). */
static int is_digit(uint32_t c)
{
    static const uint32_t nd[][2] = {
        {0x30, 0x39}, {0x660, 0x669}, {0x6F0, 0x6F9}, {0x7C0, 0x7C9}, {0x966, 0x96F},
        {0x9E6, 0x9EF}, {0xA66, 0xA6F}, {0xAE6, 0xAEF}, {0xB66, 0xB6F}, {0xBE6, 0xBEF},
        {0xC66, 0xC6F}, {0xCE6, 0xCEF}, {0xD66, 0xD6F}, {0xDE6, 0xDEF}, {0xE50, 0xE59},
        {0xED0, 0xED9}, {0xF20, 0xF29}, {0x1040, 0x1049}, {0x1090, 0x1099}, {0x17E0, 0x17E9},
        {0x1810, 0x1819}, {0x1946, 0x194F}, {0x19D0, 0x19D9}, {0x1A80, 0x1A89},
        {0x1A90, 0x1A99}, {0x1B50, 0x1B59}, {0x1BB0, 0x1BB9}, {0x1C40, 0x1C49},
        {0x1C50, 0x1C59}, {0xA620, 0xA629}, {0xA8D0, 0xA8D9}, {0xA900, 0xA909},
        {0xA9D0, 0xA9D9}, {0xA9F0, 0xA9F9}, {0xAA50, 0xAA59}, {0xABF0, 0xABF9},
        {0xFF10, 0xFF19}, {0x104A0, 0x104A9}, {0x10D30, 0x10D39}, {0x11066, 0x1106F},
        {0x110F0, 0x110F9}, {0x11136, 0x1113F}, {0x111D0, 0x111D9}, {0x112F0, 0x112F9},
        {0x11450, 0x11459}, {0x114D0, 0x114D9}, {0x11650, 0x11659}, {0x116C0, 0x116C9},
        {0x11730, 0x11739}, {0x118E0, 0x118E9}, {0x11950, 0x11959}, {0x11C50, 0x11C59},
        {0x11D50, 0x11D59}, {0x11DA0, 0x11DA9}, {0x16A60, 0x16A69}, {0x16AC0, 0x16AC9},
        {0x16B50, 0x16B59}, {0x1D7CE, 0x1D7FF}, {0x1E140, 0x1E149}, {0x1E2F0, 0x1E2F9},
        {0x1E950, 0x1E959}, {0x1FBF0, 0x1FBF9},
    };
    for (size_t i = 0; i < sizeof nd / sizeof nd[0]; i++)
        if (c >= nd[i][0] && c <= nd[i][1])
            return 1;
    return 0;
}

/* JA_RE: some kana or kanji. */
static int has_japanese(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c = next_cp(s, &i);
        if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
            (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff66 && c <= 0xff9f))
            return 1;
    }
    return 0;
}

static size_t count_cps(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* ---- bytes to UTF-8 as bytes.decode(charset, errors="replace") ---- */

static const char REPLACEMENT[] = "\xef\xbf\xbd";

/* UTF-8 with each maximal invalid subpart replaced by U+FFFD, as CPython. */
static void utf8_repair(const unsigned char *s, size_t n, struct buf *out)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t need = 0;
        unsigned lo = 0x80, hi = 0xbf;
        if (c < 0x80) {
            buf_addc(out, (char)c);
            i++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf)
            need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            lo = c == 0xe0 ? 0xa0 : 0x80;
            hi = c == 0xed ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            lo = c == 0xf0 ? 0x90 : 0x80;
            hi = c == 0xf4 ? 0x8f : 0xbf;
        }
        size_t ok = 1;
        while (need && ok <= need && i + ok < n) {
            unsigned d = s[i + ok];
            if (d < (ok == 1 ? lo : 0x80) || d > (ok == 1 ? hi : 0xbf))
                break;
            ok++;
        }
        if (need && ok == need + 1)
            buf_add(out, s + i, ok);
        else
            buf_add(out, REPLACEMENT, 3);
        i += ok;
    }
}

static int is_utf8_name(const char *cs)
{
    char norm[16];
    size_t n = 0;
    for (const char *p = cs; *p && n + 1 < sizeof norm; p++)
        if (*p != '-' && *p != '_')
            norm[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    norm[n] = '\0';
    return strcmp(norm, "utf8") == 0 || strcmp(norm, "u8") == 0;
}

/* s[0..n) in charset cs, appended to out as UTF-8 (out is reset first). */
static void decode(const char *cs, iconv_t cd, const char *s, size_t n, struct buf *out)
{
    buf_reset(out);
    if (is_utf8_name(cs)) {
        utf8_repair((const unsigned char *)s, n, out);
        return;
    }
    struct buf tmp = {0};
    char chunk[4096];
    char *in = (char *)s;
    size_t left = n;
    iconv(cd, NULL, NULL, NULL, NULL);
    while (left) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t rc = iconv(cd, &in, &left, &o, &room);
        buf_add(&tmp, chunk, (size_t)(o - chunk));
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ or a truncated sequence at the end: one U+FFFD per bad byte. */
        buf_add(&tmp, REPLACEMENT, 3);
        in++;
        left--;
    }
    utf8_repair((const unsigned char *)tmp.p, tmp.n, out);
    free(tmp.p);
}

/* ---- the GNU .mo format ---- */

struct mo {
    const unsigned char *b;
    size_t size;
    int swap;
    const char *path;
};

static uint32_t mo_u32(const struct mo *m, size_t off)
{
    if (off > m->size || m->size - off < 4)
        die(1, "%s: truncated catalog", m->path);
    const unsigned char *p = m->b + off;
    if (m->swap)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static const char *mo_span(const struct mo *m, uint32_t off, uint32_t len)
{
    if (off > m->size || m->size - off < len)
        die(1, "%s: string outside the catalog", m->path);
    return (const char *)m->b + off;
}

/* The string of table entry i: (length, offset) at table + 8i. */
static void mo_plain(const struct mo *m, uint32_t table, uint32_t i, struct buf *out)
{
    uint32_t len = mo_u32(m, (size_t)table + 8 * (size_t)i);
    uint32_t off = mo_u32(m, (size_t)table + 8 * (size_t)i + 4);
    buf_reset(out);
    buf_add(out, mo_span(m, off, len), len);
}

/* A system-dependent string: segments with "<SEGMENT>" between them, as
 * msgunfmt prints them. */
static void mo_sysdep(const struct mo *m, uint32_t at, uint32_t nseg, uint32_t segtab,
                      struct buf *out)
{
    buf_reset(out);
    uint32_t data = mo_u32(m, at);
    for (size_t i = 4;; i += 8) {
        uint32_t size = mo_u32(m, at + i), ref = mo_u32(m, at + i + 4);
        buf_add(out, mo_span(m, data, size), size);
        data += size;
        if (ref == 0xffffffffU)
            break;
        if (ref >= nseg)
            die(1, "%s: bad system-dependent segment", m->path);
        uint32_t slen = mo_u32(m, (size_t)segtab + 8 * (size_t)ref);
        const char *seg = mo_span(m, mo_u32(m, (size_t)segtab + 8 * (size_t)ref + 4), slen);
        buf_addc(out, '<');
        buf_add(out, seg, strnlen(seg, slen));
        buf_addc(out, '>');
    }
}

typedef void (*pair_fn)(const char *en, size_t enlen, const char *ja, size_t jalen, void *ctx);

/* Calls fn(msgid, msgstr) for every message of the .mo at path, in msgunfmt's
 * order (the table, then the system-dependent strings), without the context,
 * the plural forms after the first, decoded from the catalog's charset. */
static void read_catalog(const char *path, pair_fn fn, void *ctx)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(1, "%s: %s", path, strerror(errno));
    struct buf raw = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&raw, chunk, got);
    if (ferror(f))
        die(1, "%s: read error", path);
    fclose(f);

    struct mo m = {(const unsigned char *)raw.p, raw.n, 0, path};
    uint32_t magic = mo_u32(&m, 0);
    if (magic == 0xde120495U)
        m.swap = 1;
    else if (magic != 0x950412deU)
        die(1, "%s: not a GNU .mo file", path);
    uint32_t rev = mo_u32(&m, 4), n = mo_u32(&m, 8), otab = mo_u32(&m, 12),
             ttab = mo_u32(&m, 16);
    if (rev >> 16 > 1)
        die(1, "%s: unknown .mo revision %u", path, rev >> 16);
    uint32_t nsys = 0, nseg = 0, segtab = 0, osys = 0, tsys = 0;
    if (rev & 0xffff) {
        nseg = mo_u32(&m, 28);
        segtab = mo_u32(&m, 32);
        nsys = mo_u32(&m, 36);
        osys = mo_u32(&m, 40);
        tsys = mo_u32(&m, 44);
    }

    struct buf id = {0}, str = {0}, en = {0}, ja = {0};
    char charset[64] = "utf-8";
    iconv_t cd = (iconv_t)-1;
    for (uint64_t i = 0; i < (uint64_t)n + nsys; i++) {
        if (i < n) {
            mo_plain(&m, otab, (uint32_t)i, &id);
            mo_plain(&m, ttab, (uint32_t)i, &str);
        } else {
            uint32_t k = (uint32_t)(i - n);
            mo_sysdep(&m, mo_u32(&m, (size_t)osys + 4 * (size_t)k), nseg, segtab, &id);
            mo_sysdep(&m, mo_u32(&m, (size_t)tsys + 4 * (size_t)k), nseg, segtab, &str);
        }
        if (i == 0 && id.n == 0) {
            const char *c = strstr(str.p, "charset=");
            if (c) {
                size_t len = strspn(c + 8, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                           "0123456789_.-");
                if (len >= sizeof charset)
                    die(1, "%s: charset name too long", path);
                memcpy(charset, c + 8, len);
                charset[len] = '\0';
            }
            if (!is_utf8_name(charset)) {
                cd = iconv_open("UTF-8", charset);
                if (cd == (iconv_t)-1)
                    die(1, "%s: unknown charset %s", path, charset);
            }
        }
        const char *msgid = id.p;
        size_t idlen = strlen(id.p); /* up to the plural or the end */
        const char *eot = memchr(id.p, '\x04', idlen);
        if (eot) {
            idlen -= (size_t)(eot + 1 - msgid);
            msgid = eot + 1;
        }
        decode(charset, cd, msgid, idlen, &en);
        decode(charset, cd, str.p, strlen(str.p), &ja);
        fn(en.p, en.n, ja.p, ja.n, ctx);
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    free(id.p);
    free(str.p);
    free(en.p);
    free(ja.p);
    free(raw.p);
}

/* ---- which pairs are kept ---- */

/* s stripped of outer whitespace with inner runs made one space, into out;
 * 0 when a newline or carriage return is left inside (a multi-line message). */
static int clean(const char *s, size_t n, struct buf *out)
{
    size_t i = 0, start = n, end = 0;
    while (i < n) {
        size_t at = i;
        if (!is_space(next_cp(s, &i))) {
            if (start == n)
                start = at;
            end = i;
        }
    }
    buf_reset(out);
    if (start == n)
        return 1;
    if (memchr(s + start, '\n', end - start) || memchr(s + start, '\r', end - start))
        return 0;
    int in_space = 0;
    for (i = start; i < end;) {
        size_t at = i;
        if (is_space(next_cp(s, &i))) {
            if (!in_space)
                buf_addc(out, ' ');
            in_space = 1;
        } else {
            buf_add(out, s + at, i - at);
            in_space = 0;
        }
    }
    return 1;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n;)
        if (!is_space(next_cp(s, &i)))
            return 0;
    return 1;
}

/* End of the run of \d at s[i], or i. */
static size_t digits(const char *s, size_t n, size_t i)
{
    while (i < n) {
        size_t j = i;
        if (!is_digit(next_cp(s, &j)))
            break;
        i = j;
    }
    return i;
}

static int is_conversion(char c) { return c && strchr("diouxXeEfFgGaAcspnCS%", c); }

/* End of a printf directive (mo_corpus.py's FMT_RE) starting with the '%' at
 * s[i], or 0. The regular expression never needs to backtrack into an
 * earlier part to match, so a greedy left-to-right scan finds its match. */
static size_t format_end(const char *s, size_t n, size_t i)
{
    size_t p = i + 1, q = digits(s, n, p);
    if (q > p && q < n && s[q] == '$')
        p = q + 1;
    while (p < n && s[p] && strchr("-+ #0'", s[p]))
        p++;
    q = digits(s, n, p);
    if (q > p)
        p = q;
    else if (p < n && s[p] == '*')
        p++;
    if (p < n && s[p] == '.') {
        q = digits(s, n, p + 1);
        if (q > p + 1)
            p = q;
        else if (p + 1 < n && s[p + 1] == '*')
            p += 2;
    }
    if (n - p >= 5 && memcmp(s + p, "<PRI", 4) == 0) {
        q = p + 4;
        while (q < n && ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z') ||
                         (s[q] >= '0' && s[q] <= '9')))
            q++;
        if (q > p + 4 && q < n && s[q] == '>')
            return q + 1;
    }
    static const char *const length[] = {"hh", "h", "ll", "l", "L", "q", "j", "z", "t", "I64", "I32"};
    for (size_t k = 0; k < sizeof length / sizeof length[0]; k++) {
        size_t len = strlen(length[k]);
        if (n - p > len && memcmp(s + p, length[k], len) == 0 && is_conversion(s[p + len]))
            return p + len + 1;
    }
    return p < n && is_conversion(s[p]) ? p + 1 : 0;
}

/* --strip-format: printf directives removed, then whitespace cleaned again. */
static void strip_format(struct buf *s, struct buf *tmp)
{
    buf_reset(tmp);
    for (size_t i = 0; i < s->n;) {
        size_t e = s->p[i] == '%' ? format_end(s->p, s->n, i) : 0;
        if (e) {
            i = e;
            continue;
        }
        size_t at = i;
        next_cp(s->p, &i);
        buf_add(tmp, s->p + at, i - at);
    }
    clean(tmp->p, tmp->n, s);
}

/* Whitespace-separated words holding an ASCII letter (s is cleaned). */
static int count_words(const char *s, size_t n)
{
    int words = 0, letter = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == ' ') {
            words += letter;
            letter = 0;
        } else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
            letter = 1;
    }
    return words;
}

/* ---- a set of strings or string pairs ---- */

struct slot {
    uint64_t h;
    const char *a, *b;
    size_t alen, blen;
};

struct set {
    struct slot *s;
    size_t cap, n;
};

static uint64_t hash2(const char *a, size_t alen, const char *b, size_t blen)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < alen; i++)
        h = (h ^ (unsigned char)a[i]) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
    for (size_t i = 0; i < blen; i++)
        h = (h ^ (unsigned char)b[i]) * 1099511628211ULL;
    return h | 1; /* 0 marks an empty slot */
}

/* Adds (a, b) unless present; 1 when added. The set keeps the pointers. */
static int set_add(struct set *t, const char *a, size_t alen, const char *b, size_t blen)
{
    if (2 * (t->n + 1) > t->cap) {
        struct set bigger = {NULL, t->cap ? 2 * t->cap : 1024, 0};
        bigger.s = calloc(bigger.cap, sizeof *bigger.s);
        if (!bigger.s)
            die(2, "out of memory");
        for (size_t i = 0; i < t->cap; i++)
            if (t->s[i].h) {
                size_t j = t->s[i].h & (bigger.cap - 1);
                while (bigger.s[j].h)
                    j = (j + 1) & (bigger.cap - 1);
                bigger.s[j] = t->s[i];
            }
        bigger.n = t->n;
        free(t->s);
        *t = bigger;
    }
    uint64_t h = hash2(a, alen, b, blen);
    size_t j = h & (t->cap - 1);
    for (; t->s[j].h; j = (j + 1) & (t->cap - 1)) {
        const struct slot *s = &t->s[j];
        if (s->h == h && s->alen == alen && s->blen == blen && !memcmp(s->a, a, alen) &&
            !memcmp(s->b, b, blen))
            return 0;
    }
    t->s[j] = (struct slot){h, a, b, alen, blen};
    t->n++;
    return 1;
}

/* ---- the corpus ---- */

struct pair {
    char *en, *ja;
    size_t enlen, jalen, cat;
};

struct corpus {
    int strip_format;
    struct pair *pairs;
    size_t npairs, cap;
    char **cats;
    size_t *per_cat, ncats;
    struct set seen, seen_en, seen_ja;
    long entries, empty, multiline, short_en, no_japanese, kept;
    struct buf en, ja, tmp;
};

static void take_pair(const char *en, size_t enlen, const char *ja, size_t jalen, void *ctx)
{
    struct corpus *c = ctx;
    if (enlen == 0) /* the header entry */
        return;
    c->entries++;
    if (is_blank(en, enlen) || is_blank(ja, jalen)) {
        c->empty++;
        return;
    }
    if (!clean(en, enlen, &c->en) || !clean(ja, jalen, &c->ja)) {
        c->multiline++;
        return;
    }
    if (c->strip_format) {
        strip_format(&c->en, &c->tmp);
        strip_format(&c->ja, &c->tmp);
    }
    if (count_words(c->en.p, c->en.n) < 3) {
        c->short_en++;
        return;
    }
    if (!has_japanese(c->ja.p, c->ja.n)) {
        c->no_japanese++;
        return;
    }
    c->kept++;
    char *e = xmemdup(c->en.p, c->en.n), *j = xmemdup(c->ja.p, c->ja.n);
    if (!set_add(&c->seen, e, c->en.n, j, c->ja.n)) {
        free(e);
        free(j);
        return;
    }
    set_add(&c->seen_en, e, c->en.n, "", 0);
    set_add(&c->seen_ja, j, c->ja.n, "", 0);
    if (c->npairs == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 4096;
        c->pairs = xrealloc(c->pairs, c->cap * sizeof *c->pairs);
    }
    c->pairs[c->npairs++] = (struct pair){e, j, c->en.n, c->ja.n, c->ncats - 1};
    c->per_cat[c->ncats - 1]++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.mo under modir, in sorted path order, into c. */
static void collect(struct corpus *c, const char *modir)
{
    DIR *d = opendir(modir);
    char **names = NULL;
    size_t n = 0;
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t len = strlen(e->d_name);
            if (e->d_name[0] != '.' && len > 3 && strcmp(e->d_name + len - 3, ".mo") == 0) {
                names = xrealloc(names, (n + 1) * sizeof *names);
                names[n++] = xmemdup(e->d_name, len);
            }
        }
        closedir(d);
    }
    qsort(names, n, sizeof *names, cmp_str);
    c->cats = xrealloc(NULL, n * sizeof *c->cats);
    c->per_cat = xrealloc(NULL, n * sizeof *c->per_cat);
    struct buf path = {0};
    for (size_t i = 0; i < n; i++) {
        c->cats[i] = xmemdup(names[i], strlen(names[i]) - 3);
        c->per_cat[i] = 0;
        c->ncats = i + 1;
        buf_reset(&path);
        buf_add(&path, modir, strlen(modir));
        if (path.n && path.p[path.n - 1] != '/')
            buf_addc(&path, '/');
        buf_add(&path, names[i], strlen(names[i]));
        read_catalog(path.p, take_pair, c);
        free(names[i]);
    }
    free(names);
    free(path.p);
}

/* ---- JSON as Python's json.dump(indent=1) writes it ---- */

static void json_str(FILE *f, const char *s, int ensure_ascii)
{
    fputc('"', f);
    for (size_t i = 0, n = strlen(s); i < n;) {
        size_t at = i;
        uint32_t c = next_cp(s, &i);
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\b' ? "\\b"
                        : c == '\f' ? "\\f" : NULL;
        if (esc)
            fputs(esc, f);
        else if (c < 0x20 || (ensure_ascii && c > 0x7e)) {
            if (c >= 0x10000) {
                c -= 0x10000;
                fprintf(f, "\\u%04x\\u%04x", 0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
            } else
                fprintf(f, "\\u%04x", c);
        } else
            fwrite(s + at, 1, i - at, f);
    }
    fputc('"', f);
}

/* repr(x) of a finite positive float: shortest digits that read back. */
static void json_float(FILE *f, double x)
{
    char buf[40], digits[24];
    int exp;
    for (int p = 0; p < 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    size_t nd = 0;
    for (const char *p = buf; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    exp = atoi(strchr(buf, 'e') + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    int point = exp + 1; /* digits before the decimal point */
    if (point > 16 || point < -3) {
        fprintf(f, "%c%s%se%c%02d", digits[0], nd > 1 ? "." : "", digits + 1,
                exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (point <= 0) {
        fprintf(f, "0.%.*s%s", -point, "0000", digits);
    } else if ((size_t)point >= nd) {
        fprintf(f, "%s%.*s.0", digits, point - (int)nd, "0000000000000000");
    } else {
        fprintf(f, "%.*s.%s", point, digits, digits + point);
    }
}

/* Python's round(x, places): correctly rounded, as glibc's printf is. */
static double round_to(double x, int places)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%.*f", places, x);
    return strtod(buf, NULL);
}

struct meta {
    long n, u, distinct, ja_lines, en_lines, omit_en, omit_ja, ambiguous;
};

static void write_meta(FILE *f, const struct meta *m, const char *seed, const char *pad,
                       int ensure_ascii)
{
    fprintf(f, "{\n%s \"n_pairs\": %ld,\n%s \"seed\": ", pad, m->n, pad);
    json_str(f, seed, ensure_ascii);
    fprintf(f, ",\n%s \"unique_pairs_available\": %ld,\n%s \"with_replacement\": %s,\n", pad,
            m->u, pad, m->n > m->u ? "true" : "false");
    fprintf(f, "%s \"distinct_pairs_used\": %ld,\n%s \"ja_lines\": %ld,\n", pad, m->distinct,
            pad, m->ja_lines);
    fprintf(f, "%s \"en_lines\": %ld,\n%s \"links\": %ld,\n%s \"omit_en\": %ld,\n", pad,
            m->en_lines, pad, m->ja_lines + m->en_lines - m->n, pad, m->omit_en);
    fprintf(f, "%s \"omit_ja\": %ld,\n%s \"omissions_next_to_identical_pair\": %ld\n%s}", pad,
            m->omit_ja, pad, m->ambiguous, pad);
}

/* ---- building one size ---- */

struct options {
    const char *out, *seed, *sizes, *modir;
    double en_drop, ja_drop;
    int strip_format, clauses;
};

static FILE *create(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        die(2, "%s: %s", path, strerror(errno));
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    return f;
}

static void finish(FILE *f, const char *dir, const char *name)
{
    if (ferror(f) | fclose(f))
        die(2, "%s/%s: write error", dir, name);
}

static void mkdirs(const char *path)
{
    char *p = xmemdup(path, strlen(path));
    for (char *s = p + 1;; s++) {
        char c = *s;
        if (c == '/' || c == '\0') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                die(2, "%s: %s", p, strerror(errno));
            *s = c;
        }
        if (!c)
            break;
    }
    free(p);
}

static void write_line(FILE *f, const char *s, size_t n)
{
    fwrite(s, 1, n, f);
    fputc('\n', f);
}

/* Could a line starting with S be read as a section marker (1, (a), A.,
 * 第N, 一, ○, a bullet)?  Such a sentence stays in the previous sentence's
 * paragraph, on a line of its own: inside a paragraph a marker counts only
 * when it continues the open sequence. */
static int marker_like(const char *s, size_t n)
{
    static const char *const lead[] = {"（", "［", "〔", "第", "○", "・", "●", "■", "◆",
                                       "一", "二", "三", "四", "五", "六", "七", "八",
                                       "九", "十", "０", "１", "２", "３", "４", "５",
                                       "６", "７", "８", "９", "①", "②", "③", "※"};
    if (n == 0)
        return 0;
    unsigned char c = (unsigned char)s[0];
    if ((c >= '0' && c <= '9') || strchr("([{-*#+>=~_<", c))
        return 1;
    if (((c | 32) >= 'a' && (c | 32) <= 'z') && n > 1 && strchr(".):", s[1]))
        return 1;
    if (((c | 32) >= 'a' && (c | 32) <= 'z')) {
        /* roman numerals: a run of ivxlcdm then '.' or ')' */
        size_t i = 0;
        while (i < n && strchr("ivxlcdmIVXLCDM", s[i]))
            i++;
        if (i > 0 && i < n && strchr(".)", s[i]))
            return 1;
    }
    for (size_t k = 0; k < sizeof lead / sizeof *lead; k++)
        if (n >= strlen(lead[k]) && memcmp(s, lead[k], strlen(lead[k])) == 0)
            return 1;
    return 0;
}

/* Clause mode: the drawn pairs in groups of 3..8 (see the top of the file). */
static void write_clauses(struct pyrand *r, const struct corpus *c, const uint32_t *idx,
                          long n, const unsigned char *del, const char *dir)
{
    FILE *fj = create(dir, "ja.txt"), *fe = create(dir, "en.txt"), *fg = create(dir, "gold.tsv");
    fputs("kind\tclause\tja\ten\n", fg);
    long clause = 0;
    for (long k = 0; k < n;) {
        long left = n - k, g = 3 + (long)py_below(r, 6);
        if (left - g < 3)
            g = left <= 8 ? left : left - 3;
        clause++;
        long ji = 0, ei = 0;
        for (long i = k; i < k + g; i++) {
            const struct pair *p = &c->pairs[idx[i]];
            if (del[i] != 2) {
                if (ji)
                    fputs(marker_like(p->ja, p->jalen) ? "\n" : "\n\n", fj);
                else
                    fprintf(fj, "%ld ", clause);
                fwrite(p->ja, 1, p->jalen, fj);
            }
            if (del[i] != 1) {
                if (ei)
                    fputs(marker_like(p->en, p->enlen) ? "\n" : "\n\n", fe);
                else
                    fprintf(fe, "%ld ", clause);
                fwrite(p->en, 1, p->enlen, fe);
            }
            if (del[i] == 1)
                fprintf(fg, "omit_en\t%ld\t%ld\t-\n", clause, ji++);
            else if (del[i] == 2)
                fprintf(fg, "omit_ja\t%ld\t-\t%ld\n", clause, ei++);
            else {
                fprintf(fg, "link\t%ld\t%ld\t%ld\n", clause, ji, ei);
                ji++;
                ei++;
            }
        }
        if (ji)
            fputc('\n', fj);
        if (ei)
            fputc('\n', fe);
        k += g;
    }
    finish(fj, dir, "ja.txt");
    finish(fe, dir, "en.txt");
    finish(fg, dir, "gold.tsv");
    printf("N=%ld: %ld clauses\n", n, clause);
}

static void build(const struct corpus *c, long n, const struct options *o, struct meta *m)
{
    char dir[4096], seed[256];
    snprintf(dir, sizeof dir, "%s/%ld", o->out, n);
    snprintf(seed, sizeof seed, "%s-%ld", o->seed, n);
    struct pyrand r;
    py_seed_str(&r, seed);

    long u = (long)c->npairs;
    uint32_t *range = xrealloc(NULL, (size_t)(n > u ? n : u) * sizeof *range);
    for (long i = 0; i < (n > u ? n : u); i++)
        range[i] = (uint32_t)i;
    uint32_t *idx = xrealloc(NULL, (size_t)n * sizeof *idx);
    if (n <= u)
        py_sample(&r, range, (size_t)u, (size_t)n, idx);
    else {
        memcpy(idx, range, (size_t)u * sizeof *idx);
        for (long i = u; i < n; i++)
            idx[i] = py_below(&r, (uint32_t)u);
        py_shuffle(&r, idx, (size_t)n);
    }
    long n_en = (long)nearbyint(o->en_drop * (double)n), n_ja = (long)nearbyint(o->ja_drop * (double)n);
    if (n_en < 0 || n_ja < 0)
        die(2, "negative drop rate");
    /* del[k]: 0 kept, 1 its English deleted (omit_en), 2 its Japanese deleted. */
    unsigned char *del = calloc((size_t)n, 1);
    uint32_t *drawn = xrealloc(NULL, (size_t)(n_en > n_ja ? n_en : n_ja) * sizeof *drawn);
    if (!del)
        die(2, "out of memory");
    py_sample(&r, range, (size_t)n, (size_t)n_en, drawn);
    for (long i = 0; i < n_en; i++)
        del[drawn[i]] = 1;
    size_t rest = 0;
    for (long k = 0; k < n; k++)
        if (!del[k])
            range[rest++] = (uint32_t)k;
    py_sample(&r, range, rest, (size_t)n_ja, drawn);
    for (long i = 0; i < n_ja; i++)
        del[drawn[i]] = 2;
    mkdirs(dir);

    if (o->clauses) {
        write_clauses(&r, c, idx, n, del, dir);
    } else {
        FILE *fj = create(dir, "ja.txt"), *fe = create(dir, "en.txt"),
             *fg = create(dir, "gold.tsv");
        long ji = 0, ei = 0, ambiguous = 0;
        fputs("kind\tja\ten\tcatalog\n", fg);
        for (long k = 0; k < n; k++) {
            const struct pair *p = &c->pairs[idx[k]];
            const char *cat = c->cats[p->cat];
            if (del[k] == 1) {
                write_line(fj, p->ja, p->jalen);
                fprintf(fg, "omit_en\t%ld\t-\t%s\n", ji++, cat);
            } else if (del[k] == 2) {
                write_line(fe, p->en, p->enlen);
                fprintf(fg, "omit_ja\t-\t%ld\t%s\n", ei++, cat);
            } else {
                write_line(fj, p->ja, p->jalen);
                write_line(fe, p->en, p->enlen);
                fprintf(fg, "link\t%ld\t%ld\t%s\n", ji++, ei++, cat);
            }
            /* an identical pair stands next to the omitted one */
            if (del[k] && ((k > 0 && idx[k - 1] == idx[k]) || (k + 1 < n && idx[k + 1] == idx[k])))
                ambiguous++;
        }
        finish(fj, dir, "ja.txt");
        finish(fe, dir, "en.txt");
        finish(fg, dir, "gold.tsv");
        unsigned char *used = calloc((size_t)u, 1);
        long distinct = 0;
        if (!used)
            die(2, "out of memory");
        for (long k = 0; k < n; k++)
            if (!used[idx[k]]) {
                used[idx[k]] = 1;
                distinct++;
            }
        free(used);
        *m = (struct meta){n, u, distinct, ji, ei, n_en, n_ja, ambiguous};
        FILE *fm = create(dir, "meta.json");
        write_meta(fm, m, o->seed, "", 1);
        finish(fm, dir, "meta.json");
    }
    free(del);
    free(drawn);
    free(idx);
    free(range);
}

static void corpus_free(struct corpus *c)
{
    for (size_t i = 0; i < c->npairs; i++) {
        free(c->pairs[i].en);
        free(c->pairs[i].ja);
    }
    for (size_t i = 0; i < c->ncats; i++)
        free(c->cats[i]);
    free(c->pairs);
    free(c->cats);
    free(c->per_cat);
    free(c->seen.s);
    free(c->seen_en.s);
    free(c->seen_ja.s);
    free(c->en.p);
    free(c->ja.p);
    free(c->tmp.p);
}

static void write_corpus_json(const struct corpus *c, const struct options *o,
                              const long *sizes, const struct meta *metas, size_t nsizes)
{
    FILE *f = create(o->out, "corpus.json");
    fprintf(f, "{\n \"entries\": %ld,\n \"empty\": %ld,\n \"multiline\": %ld,\n", c->entries,
            c->empty, c->multiline);
    fprintf(f, " \"short_en\": %ld,\n \"no_japanese\": %ld,\n \"kept\": %ld,\n", c->short_en,
            c->no_japanese, c->kept);
    fprintf(f, " \"unique_pairs\": %zu,\n \"unique_en\": %zu,\n \"unique_ja\": %zu,\n",
            c->npairs, c->seen_en.n, c->seen_ja.n);
    /* catalogs by falling count, ties in catalog order (a stable sort) */
    fputs(" \"per_catalog\": {", f);
    size_t top = 0, written = 0;
    for (size_t i = 0; i < c->ncats; i++)
        top = c->per_cat[i] > top ? c->per_cat[i] : top;
    for (size_t count = top; count > 0; count--)
        for (size_t i = 0; i < c->ncats; i++)
            if (c->per_cat[i] == count) {
                fputs(written++ ? ",\n  " : "\n  ", f);
                json_str(f, c->cats[i], 0);
                fprintf(f, ": %zu", count);
            }
    fputs("\n },\n", f);
    size_t cj = 0, ce = 0, bj = 0, be = 0;
    for (size_t i = 0; i < c->npairs; i++) {
        cj += count_cps(c->pairs[i].ja, c->pairs[i].jalen);
        ce += count_cps(c->pairs[i].en, c->pairs[i].enlen);
        bj += c->pairs[i].jalen;
        be += c->pairs[i].enlen;
    }
    const char *names[4] = {"ja_chars_per_en_char", "ja_bytes_per_en_byte", "mean_en_chars",
                            "mean_ja_chars"};
    double values[4] = {round_to((double)cj / (double)ce, 4), round_to((double)bj / (double)be, 4),
                        round_to((double)ce / (double)c->npairs, 2),
                        round_to((double)cj / (double)c->npairs, 2)};
    for (int i = 0; i < 4; i++) {
        fprintf(f, " \"%s\": ", names[i]);
        json_float(f, values[i]);
        fputs(",\n", f);
    }
    fputs(" \"sizes\": {", f);
    for (size_t i = 0; i < nsizes; i++) {
        fprintf(f, "%s\n  \"%ld\": ", i ? "," : "", sizes[i]);
        write_meta(f, &metas[i], o->seed, "  ", 0);
    }
    fputs(nsizes ? "\n }" : "}", f);
    fputs(",\n \"seed\": ", f);
    json_str(f, o->seed, 0);
    fprintf(f, ",\n \"strip_format\": %s,\n \"en_drop\": ", o->strip_format ? "true" : "false");
    json_float(f, o->en_drop);
    fputs(",\n \"ja_drop\": ", f);
    json_float(f, o->ja_drop);
    fputs("\n}", f);
    finish(f, o->out, "corpus.json");
}

static void usage(void)
{
    fputs("usage: mocorpus [--out DIR] [--seed S] [--sizes N,N,...] [--en-drop F]\n"
          "                [--ja-drop F] [--strip-format] [--modir DIR] [--clauses]\n",
          stderr);
    exit(2);
}

static double parse_rate(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end)
        usage();
    return v;
}

int main(int argc, char **argv)
{
    struct options o = {"bench-data", "1993", "1000,10000,100000",
                        "/usr/share/locale/ja/LC_MESSAGES", 0.05, 0.02, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *eq = strchr(a, '='), *val = NULL;
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        static const char *const valued[] = {"--out", "--seed", "--sizes", "--en-drop",
                                             "--ja-drop", "--modir"};
        int which = -1;
        for (int k = 0; k < 6; k++)
            if (strlen(valued[k]) == len && strncmp(a, valued[k], len) == 0)
                which = k;
        if (which >= 0) {
            val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                usage();
        }
        switch (which) {
        case 0: o.out = val; break;
        case 1: o.seed = val; break;
        case 2: o.sizes = val; break;
        case 3: o.en_drop = parse_rate(val); break;
        case 4: o.ja_drop = parse_rate(val); break;
        case 5: o.modir = val; break;
        default:
            if (strcmp(a, "--strip-format") == 0)
                o.strip_format = 1;
            else if (strcmp(a, "--clauses") == 0)
                o.clauses = 1;
            else
                usage();
        }
    }
    long *sizes = NULL;
    size_t nsizes = 0;
    for (const char *p = o.sizes;;) {
        char *end;
        errno = 0;
        long n = strtol(p, &end, 10);
        if (end == p || errno || n < 0 || n > 0x7fffffffL || (*end && *end != ','))
            usage();
        sizes = xrealloc(sizes, (nsizes + 1) * sizeof *sizes);
        sizes[nsizes++] = n;
        if (!*end)
            break;
        p = end + 1;
    }

    struct corpus c = {.strip_format = o.strip_format};
    collect(&c, o.modir);
    if (c.npairs == 0) {
        fprintf(stderr, "no pairs found under %s\n", o.modir);
        return 1;
    }
    mkdirs(o.out);
    struct meta *metas = xrealloc(NULL, nsizes * sizeof *metas);
    size_t built = 0;
    for (size_t i = 0; i < nsizes; i++) {
        size_t seen = 0;
        while (seen < built && sizes[seen] != sizes[i])
            seen++;
        build(&c, sizes[i], &o, &metas[seen]);
        if (seen == built)
            sizes[built++] = sizes[i];
    }
    if (!o.clauses)
        write_corpus_json(&c, &o, sizes, metas, built);
    printf("unique pairs: %zu (entries %ld, kept before dedup %ld)\n", c.npairs, c.entries, c.kept);
    for (size_t i = 0; !o.clauses && i < built; i++)
        printf("N=%ld: ja %ld lines, en %ld lines, %ld links, %ld omit_en, %ld omit_ja%s\n",
               metas[i].n, metas[i].ja_lines, metas[i].en_lines,
               metas[i].ja_lines + metas[i].en_lines - metas[i].n, metas[i].omit_en,
               metas[i].omit_ja, metas[i].n > metas[i].u ? " (with replacement)" : "");
    corpus_free(&c);
    free(metas);
    free(sizes);
    if (fflush(stdout) != 0 || ferror(stdout))
        die(2, "write error on stdout");
    return 0;
}
