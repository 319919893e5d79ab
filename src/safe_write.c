/* safe_write.c — the CLI's guards around writing a file: never onto an
 * input, through symlinks to the file they name, keeping the mode and owner
 * of the file replaced, and no temporary file left behind by SIGINT,
 * SIGTERM or SIGHUP.  Uses only libc (no library internals). */
#include "safe_write.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int cli_same_file(const char *a, const char *b) {
  struct stat sa, sb;
  if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0) return 0;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

char *cli_link_target(const char *path) {
  char *cur = strdup(path);
  /* as many hops as the kernel follows (MAXSYMLINKS) */
  for (int hop = 0; cur && hop < 40; hop++) {
    struct stat st;
    if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) return cur;
    char link[PATH_MAX];
    ssize_t n = readlink(cur, link, sizeof link - 1);
    if (n < 0) return cur;
    link[n] = '\0';
    char *next;
    const char *slash = strrchr(cur, '/');
    if (link[0] == '/' || !slash) {
      next = strdup(link);
    } else {
      size_t dir = (size_t)(slash - cur) + 1;
      next = malloc(dir + (size_t)n + 1);
      if (next) {
        memcpy(next, cur, dir);
        memcpy(next + dir, link, (size_t)n + 1);
      }
    }
    free(cur);
    cur = next;
  }
  return cur;
}

/* ---- temporary files removed on a signal ------------------------------- */

/* One slot per temporary file being written (a thread writes one at a
 * time, so CLI_MAX_JOBS slots are enough).  The handler reads only these
 * fixed arrays: no malloc'd memory that a thread could free under it. */
static char temp_path[CLI_MAX_JOBS][PATH_MAX];
static volatile sig_atomic_t temp_used[CLI_MAX_JOBS];
static pthread_mutex_t temp_lock = PTHREAD_MUTEX_INITIALIZER;

static void remove_temps(int sig) {
  for (int i = 0; i < CLI_MAX_JOBS; i++)
    if (temp_used[i]) unlink(temp_path[i]); /* async-signal-safe */
  /* the handler was installed with SA_RESETHAND: die of the signal */
  raise(sig);
}

void cli_remove_temps_on_signals(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
    struct sigaction old, sa;
    /* a signal the caller ignores (nohup) stays ignored */
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temps;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(sigs[i], &sa, NULL);
  }
}

/* Claims a slot for `path`; -1 when the path is too long or all are used. */
static int temp_claim(const char *path) {
  if (strlen(path) >= PATH_MAX) return -1;
  int slot = -1;
  pthread_mutex_lock(&temp_lock);
  for (int i = 0; i < CLI_MAX_JOBS && slot < 0; i++)
    if (!temp_used[i]) slot = i;
  if (slot >= 0) {
    strcpy(temp_path[slot], path);
    temp_used[slot] = 1;
  }
  pthread_mutex_unlock(&temp_lock);
  return slot;
}

static void temp_release(int slot) {
  if (slot < 0) return;
  pthread_mutex_lock(&temp_lock);
  temp_used[slot] = 0;
  pthread_mutex_unlock(&temp_lock);
}

/* ---- the atomic write -------------------------------------------------- */

/* Creates a new file ".NAME.XXXXXX" beside `target` (its folder, its
 * name), exclusively, with mode 0666 less the umask: the kernel applies
 * it, so no process-wide umask() call races with other threads.  Stores
 * the name in *tmp (malloc'd).  Returns the descriptor, or -1. */
static int create_beside(const char *target, char **tmp) {
  static const char digits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static unsigned long counter; /* distinct names across threads */
  const char *slash = strrchr(target, '/');
  size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
  const char *base = target + dir;
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  *tmp = malloc(dir + strlen(base) + 9);
  if (!*tmp) return -1;
  for (int tries = 0; tries < 100; tries++) {
    unsigned long v = __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
    v = v * 2654435761UL ^ (unsigned long)getpid() * 40503UL ^
        (unsigned long)now.tv_nsec;
    char x[7];
    for (int i = 0; i < 6; i++, v /= 62)
      x[i] = digits[v % 62];
    x[6] = '\0';
    sprintf(*tmp, "%.*s.%s.%s", (int)dir, target, base, x);
    int fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

/* Gives the new file fd the mode and owner of the file it replaces. */
static void copy_attributes(int fd, const struct stat *st) {
  /* the owner only root can give away; a group we are in, we can (what
   * sed -i does too) */
  if (fchown(fd, st->st_uid, st->st_gid) != 0)
    (void)!fchown(fd, (uid_t)-1, st->st_gid);
  fchmod(fd, st->st_mode & 07777);
}

int cli_atomic_open(cli_atomic *a, const char *path) {
  memset(a, 0, sizeof *a);
  a->fd = -1;
  a->slot = -1;
  a->target = cli_link_target(path);
  if (!a->target) return -1;
  /* signals wait while the file exists but is not yet registered */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  a->fd = create_beside(a->target, &a->tmp);
  int e = errno;
  if (a->fd >= 0 && (a->slot = temp_claim(a->tmp)) < 0) {
    close(a->fd);
    unlink(a->tmp);
    a->fd = -1;
    e = ENAMETOOLONG;
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (a->fd < 0) {
    free(a->tmp);
    free(a->target);
    a->tmp = a->target = NULL;
    errno = e;
    return -1;
  }
  struct stat st;
  if (stat(a->target, &st) == 0 && S_ISREG(st.st_mode))
    copy_attributes(a->fd, &st);
  return 0;
}

int cli_atomic_finish(cli_atomic *a, int ok) {
  int r = ok ? 0 : -1;
  if (r == 0 && rename(a->tmp, a->target) != 0) r = -1;
  int e = errno;
  if (r != 0) unlink(a->tmp);
  temp_release(a->slot);
  free(a->tmp);
  free(a->target);
  a->tmp = a->target = NULL;
  errno = e;
  return r;
}

/* ---- sets of files ----------------------------------------------------- */

struct cli_file_id {
  dev_t dev;
  ino_t ino;
};

static int id_cmp(const void *a, const void *b) {
  const struct cli_file_id *x = a, *y = b;
  if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
  return x->ino < y->ino ? -1 : x->ino > y->ino;
}

void cli_file_set_add(cli_file_set *s, const char *path) {
  struct stat st;
  if (!path || stat(path, &st) != 0) return;
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 16;
    struct cli_file_id *v = realloc(s->v, cap * sizeof *v);
    if (!v) abort();
    s->v = v;
    s->cap = cap;
  }
  s->v[s->n].dev = st.st_dev;
  s->v[s->n].ino = st.st_ino;
  s->n++;
  s->sorted = 0;
}

int cli_file_set_has(cli_file_set *s, const char *path) {
  struct stat st;
  if (!path || s->n == 0 || stat(path, &st) != 0) return 0;
  if (!s->sorted) {
    qsort(s->v, s->n, sizeof *s->v, id_cmp);
    s->sorted = 1;
  }
  struct cli_file_id key = {st.st_dev, st.st_ino};
  return bsearch(&key, s->v, s->n, sizeof *s->v, id_cmp) != NULL;
}

void cli_file_set_free(cli_file_set *s) {
  free(s->v);
  memset(s, 0, sizeof *s);
}
