/* main.c — the command-line interface: options, files, exit status.
 *
 *   taiyaku align [OPTIONS] JA EN        the pairs, side by side
 *   taiyaku align --batch JA_DIR EN_DIR -o OUT_DIR
 *   taiyaku check [OPTIONS] JA EN        the findings only
 *   taiyaku outline FILE                 how a file was understood
 *   taiyaku update OLD NEW TRANSLATION   what a revision asks of a translation
 *
 * Exit status as diff(1): 0 nothing at or above --fail-on, 1 findings at or
 * above it, 2 trouble. */
#include "cli.h"
#include "safe_write.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void usage(FILE *f) {
  fputs(
      "usage: taiyaku align [OPTIONS] JA EN\n"
      "       taiyaku align --batch JA_DIR EN_DIR -o OUT_DIR [OPTIONS]\n"
      "       taiyaku check [OPTIONS] JA EN\n"
      "       taiyaku outline [--encoding ENC] [--input-format F] FILE\n"
      "       taiyaku update [OPTIONS] OLD NEW TRANSLATION\n"
      "       taiyaku summary [--fail-on SEV] [--format json] REPORT.json...\n"
      "options:\n"
      "  -f, --format F[,F]  text md html csv tsv json yaml tmx xliff xliff12 "
      "xlsx\n"
      "                      docx\n"
      "  -o, --output PATH   write there atomically (a folder with --batch)\n"
      "  -w, --width N       columns of the text table\n"
      "      --sentences     show sentence pairs inside clauses\n"
      "      --config FILE   settings and glossary (default ./taiyaku.yaml)\n"
      "      --fail-on SEV   error (default), warning, info or never\n"
      "      --disable CODE  turn a check off (repeatable)\n"
      "      --no-checks     structure only\n"
      "      --by UNIT       number (default), paragraph or sentence\n"
      "      --prefer WHAT   renumbered clauses: number (default) or content\n"
      "      --dict FILE     EDICT or ja<TAB>en word list for anchors\n"
      "      --max-input SIZE  refuse larger inputs (default 1G; K, M, G)\n"
      "      --min-confidence X  drop findings less sure than X (0-1)\n"
      "      --encoding ENC  auto utf-8 shift_jis euc-jp iso-2022-jp utf-16\n"
      "      --input-format F  auto (default) text markdown html yaml egov\n"
      "                      docx odt pdf\n"
      "      --source LANG   xliff source language, update: the original's;\n"
      "                      ja (default) or en\n"
      "      --bom           csv/tsv: begin with a byte-order mark\n"
      "      --segments FORM tmx/xliff: document (default) or clause\n"
      "      --its-marks     xliff: quality issues also as inline <mrk>\n"
      "      --color WHEN    auto (default), always or never\n"
      "  -j, --jobs N        threads: --batch, pairs in parallel; one pair,\n"
      "                      its checks and sentence pairs (default: cores)\n"
      "  -h, --help          this help; the manual is taiyaku(1)\n"
      "  -V, --version       the version\n",
      f);
}

static int parse_encoding(const char *s) {
  static const struct {
    const char *name;
    ty_encoding enc;
  } t[] = {
      {"auto", TY_ENC_AUTO},      {"utf-8", TY_ENC_UTF8},
      {"utf8", TY_ENC_UTF8},      {"shift_jis", TY_ENC_SHIFT_JIS},
      {"sjis", TY_ENC_SHIFT_JIS}, {"cp932", TY_ENC_SHIFT_JIS},
      {"euc-jp", TY_ENC_EUC_JP},  {"iso-2022-jp", TY_ENC_ISO2022JP},
      {"utf-16", TY_ENC_UTF16},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++)
    if (strcasecmp(s, t[i].name) == 0) return (int)t[i].enc;
  return -1;
}

static int parse_formats(const char *s, cli_options *o) {
  o->nformats = 0;
  char *copy = cli_strdup(s), *save = NULL;
  for (char *tok = strtok_r(copy, ",", &save); tok;
       tok = strtok_r(NULL, ",", &save)) {
    int f = ty_format_from_name(tok);
    if (f < 0 || o->nformats == TY_FMT_COUNT) {
      cli_fail(2,
               "unknown format '%s' (text md html csv tsv json yaml tmx "
               "xliff)",
               tok);
      free(copy);
      return 2;
    }
    o->formats[o->nformats++] = (ty_format)f;
  }
  free(copy);
  return o->nformats ? 0 : cli_fail(2, "--format needs a format");
}

static int terminal_width(void) {
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col > 20)
    return ws.ws_col < CLI_MAX_WIDTH ? ws.ws_col : CLI_MAX_WIDTH;
  const char *c = getenv("COLUMNS");
  char *end;
  long n = c ? strtol(c, &end, 10) : 0;
  if (c && *c && !*end && n > 20 && n <= CLI_MAX_WIDTH) return (int)n;
  return 100;
}

enum {
  OPT_SENTENCES = 256,
  OPT_CONFIG,
  OPT_FAIL_ON,
  OPT_DISABLE,
  OPT_NO_CHECKS,
  OPT_ENCODING,
  OPT_SOURCE,
  OPT_BOM,
  OPT_COLOR,
  OPT_BATCH,
  OPT_BY,
  OPT_PREFER,
  OPT_DICT,
  OPT_MIN_CONFIDENCE,
  OPT_SEGMENTS,
  OPT_ITS_MARKS,
  OPT_INPUT_FORMAT,
  OPT_MAX_INPUT
};

static const struct option long_opts[] = {
    {"format", required_argument, 0, 'f'},
    {"output", required_argument, 0, 'o'},
    {"width", required_argument, 0, 'w'},
    {"jobs", required_argument, 0, 'j'},
    {"help", no_argument, 0, 'h'},
    {"version", no_argument, 0, 'V'},
    {"sentences", no_argument, 0, OPT_SENTENCES},
    {"config", required_argument, 0, OPT_CONFIG},
    {"fail-on", required_argument, 0, OPT_FAIL_ON},
    {"disable", required_argument, 0, OPT_DISABLE},
    {"no-checks", no_argument, 0, OPT_NO_CHECKS},
    {"encoding", required_argument, 0, OPT_ENCODING},
    {"source", required_argument, 0, OPT_SOURCE},
    {"bom", no_argument, 0, OPT_BOM},
    {"color", required_argument, 0, OPT_COLOR},
    {"batch", no_argument, 0, OPT_BATCH},
    {"by", required_argument, 0, OPT_BY},
    {"prefer", required_argument, 0, OPT_PREFER},
    {"dict", required_argument, 0, OPT_DICT},
    {"min-confidence", required_argument, 0, OPT_MIN_CONFIDENCE},
    {"segments", required_argument, 0, OPT_SEGMENTS},
    {"its-marks", no_argument, 0, OPT_ITS_MARKS},
    {"input-format", required_argument, 0, OPT_INPUT_FORMAT},
    {"max-input", required_argument, 0, OPT_MAX_INPUT},
    {0, 0, 0, 0}};

/* Index of arg among the NULL-terminated names, or -1. */
static int keyword(const char *arg, const char *const *names) {
  for (int i = 0; names[i]; i++)
    if (strcmp(arg, names[i]) == 0) return i;
  return -1;
}

/* The options whose value is one of a few words: sets o and returns 0, or
 * prints the choices and returns 2. */
static int parse_choice(int c, const char *arg, cli_options *o) {
  static const char *const fail_on[] = {"error", "warning", "info", "never",
                                        NULL};
  static const int fail_on_sev[] = {TY_SEV_ERROR, TY_SEV_WARNING, TY_SEV_INFO,
                                    TY_SEV_ERROR + 1};
  static const char *const source[] = {"ja", "en", NULL};
  static const char *const by[] = {"number", "paragraph", "sentence", NULL};
  static const ty_unit by_unit[] = {TY_BY_NUMBER, TY_BY_PARAGRAPH,
                                    TY_BY_SENTENCE};
  static const char *const prefer[] = {"number", "content", NULL};
  static const char *const segments[] = {"document", "clause", NULL};
  int i;
  switch (c) {
  case OPT_FAIL_ON:
    if ((i = keyword(arg, fail_on)) < 0)
      return cli_fail(2, "--fail-on: error, warning, info or never");
    o->fail_on = fail_on_sev[i];
    return 0;
  case OPT_SOURCE:
    if ((i = keyword(arg, source)) < 0)
      return cli_fail(2, "--source: ja or en");
    o->render.source = i == 0 ? TY_JA : TY_EN;
    return 0;
  case OPT_BY:
    if ((i = keyword(arg, by)) < 0)
      return cli_fail(2, "--by: number, paragraph or sentence");
    o->by = by_unit[i];
    return 0;
  case OPT_PREFER:
    if ((i = keyword(arg, prefer)) < 0)
      return cli_fail(2, "--prefer: number or content");
    o->prefer_content = i;
    return 0;
  default: /* OPT_SEGMENTS */
    if ((i = keyword(arg, segments)) < 0)
      return cli_fail(2, "--segments: document or clause");
    o->render.by_clause = i;
    return 0;
  }
}

/* Colour from --color (auto, always or never) and NO_COLOR: 0 or 2. */
static int set_color(const char *color, cli_options *o) {
  static const char *const names[] = {"auto", "always", "never", NULL};
  switch (keyword(color, names)) {
  case 0:
    o->render.color =
        !o->output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    break;
  case 1: o->render.color = 1; break;
  case 2: o->render.color = 0; break;
  default: return cli_fail(2, "--color: auto, always or never");
  }
  if (getenv("NO_COLOR") && *getenv("NO_COLOR")) o->render.color = 0;
  return 0;
}

/* Parses options into o; returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, cli_options *o) {
  const char *color = "auto";
  int c;
  while ((c = getopt_long(argc, argv, "f:o:w:j:hV", long_opts, NULL)) != -1) {
    switch (c) {
    case 'f':
      if (parse_formats(optarg, o)) return 2;
      break;
    case 'o': o->output = optarg; break;
    case 'w':
      if (cli_parse_int("--width", optarg, CLI_MIN_WIDTH, CLI_MAX_WIDTH,
                        &o->render.width))
        return 2;
      break;
    case 'j':
      if (cli_parse_int("--jobs", optarg, 1, CLI_MAX_JOBS, &o->jobs)) return 2;
      break;
    case 'h': usage(stdout); return cli_finish_stdout(0);
    case 'V': puts("taiyaku " TY_VERSION); return cli_finish_stdout(0);
    case OPT_SENTENCES: o->render.sentences = 1; break;
    case OPT_CONFIG: o->config_path = optarg; break;
    case OPT_FAIL_ON:
    case OPT_SOURCE:
    case OPT_BY:
    case OPT_PREFER:
    case OPT_SEGMENTS:
      if (parse_choice(c, optarg, o)) return 2;
      break;
    case OPT_DISABLE:
      if (o->ndisable == CLI_MAX_DISABLE)
        return cli_fail(2, "too many --disable");
      o->disable[o->ndisable++] = optarg;
      break;
    case OPT_NO_CHECKS: o->no_checks = 1; break;
    case OPT_ENCODING: {
      int e = parse_encoding(optarg);
      if (e < 0)
        return cli_fail(2, "--encoding: unknown encoding '%s'", optarg);
      o->read.encoding = (ty_encoding)e;
      break;
    }
    case OPT_INPUT_FORMAT: {
      int f = ty_input_format_parse(optarg);
      if (f < 0)
        return cli_fail(2, "--input-format: unknown format '%s'", optarg);
      o->read.format = (ty_input_format)f;
      break;
    }
    case OPT_BOM: o->render.bom = 1; break;
    case OPT_COLOR: color = optarg; break;
    case OPT_BATCH: o->batch = 1; break;
    case OPT_DICT: o->dict_path = optarg; break;
    case OPT_MAX_INPUT:
      if (cli_parse_size("--max-input", optarg, &o->read.max_input)) return 2;
      break;
    case OPT_MIN_CONFIDENCE: {
      char *end;
      errno = 0;
      o->min_confidence = strtod(optarg, &end);
      if (errno || end == optarg || *end || !(o->min_confidence >= 0) ||
          o->min_confidence > 1)
        return cli_fail(2, "--min-confidence: a number from 0 to 1");
      break;
    }
    case OPT_ITS_MARKS: o->render.its_marks = 1; break;
    default: usage(stderr); return 2;
    }
  }
  if (set_color(color, o)) return 2;
  if (!o->render.width) o->render.width = terminal_width();
  return -1;
}

static int cmd_outline(int argc, char **argv, cli_options *o) {
  if (argc - optind != 1) {
    usage(stderr);
    return 2;
  }
  ty_error err = {0};
  ty_doc *d = ty_doc_read(argv[optind], TY_JA, &o->read, &err);
  if (!d) return cli_report_error(&err);
  if (o->formats[0] == TY_FMT_JSON)
    ty_doc_write_outline_json(d, stdout);
  else
    ty_doc_write_outline(d, stdout);
  ty_doc_free(d);
  return cli_finish_stdout(0);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    usage(stdout);
    return cli_finish_stdout(0);
  }
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    puts("taiyaku " TY_VERSION);
    return cli_finish_stdout(0);
  }
  cli_remove_temps_on_signals();
  cli_options o = {0};
  o.fail_on = TY_SEV_ERROR;
  o.formats[0] = TY_FMT_TEXT;
  o.nformats = 1;
  optind = 2;
  int r = parse_options(argc, argv, &o);
  if (r >= 0) return r;
  if (strcmp(cmd, "outline") == 0) return cmd_outline(argc, argv, &o);
  if (strcmp(cmd, "update") == 0) return cli_update(argc, argv, &o);
  if (strcmp(cmd, "summary") == 0) return cli_summary(argc, argv, &o);
  if (strcmp(cmd, "check") == 0)
    o.render.findings_only = 1;
  else if (strcmp(cmd, "align") != 0)
    return cli_fail(
        2, "unknown command '%s' (align, check, outline, update, summary)",
        cmd);
  if (argc - optind != 2) {
    usage(stderr);
    return 2;
  }
  r = cli_refuse_output_onto_inputs(&o, argv[optind], argv[optind + 1]);
  if (r) return r;
  ty_config *cfg = cli_load_config(&o);
  if (!cfg) return 2;
  ty_config_set_by(cfg, o.by);
  ty_config_set_prefer_content(cfg, o.prefer_content);
  ty_dict *dict = NULL;
  if (o.dict_path) {
    ty_error err = {0};
    if (!(dict = ty_dict_load(o.dict_path, &err))) {
      ty_config_free(cfg);
      return cli_report_error(&err);
    }
    ty_config_set_dict(cfg, dict);
  }
  if (o.batch)
    r = cli_batch(argv[optind], argv[optind + 1], &o, cfg);
  else
    r = cli_align_pair(argv[optind], argv[optind + 1], &o, cfg);
  ty_config_free(cfg);
  ty_dict_free(dict);
  return r;
}
