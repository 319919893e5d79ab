/* safe_write.h — the CLI's guards around writing files (safe_write.c). */
#ifndef TY_SAFE_WRITE_H
#define TY_SAFE_WRITE_H

#include <stddef.h>

/* At most this many files written at once (--jobs is capped to it). */
#define CLI_MAX_JOBS 256

/* True when a and b both exist and are the same file (same device and
 * inode: through symlinks and hard links). */
int cli_same_file(const char *a, const char *b);

/* The path a write to `path` lands on: symlinks followed, also to a file
 * that does not exist yet.  malloc'd; NULL when out of memory. */
char *cli_link_target(const char *path);

/* A set of existing files by identity (device, inode). */
typedef struct cli_file_set {
  struct cli_file_id *v;
  size_t n, cap;
  int sorted;
} cli_file_set;

/* Adds the file at `path` (if it exists). */
void cli_file_set_add(cli_file_set *s, const char *path);
/* True when `path` exists and is one of the set's files. */
int cli_file_set_has(cli_file_set *s, const char *path);
void cli_file_set_free(cli_file_set *s);

/* Makes SIGINT, SIGTERM and SIGHUP (unless ignored) remove the temporary
 * files of unfinished atomic writes before the process dies of them. */
void cli_remove_temps_on_signals(void);

/* An atomic write in progress: a temporary file beside the target. */
typedef struct cli_atomic {
  char *target; /* the file replaced: the path with symlinks followed */
  char *tmp;    /* the temporary file */
  int fd;       /* open for writing on tmp */
  int slot;     /* its place among the files removed on a signal */
} cli_atomic;

/* Creates the temporary file for replacing `path`, in the folder of the
 * file `path` finally names (so a symlink stays a symlink), with the mode
 * and owner of the file it will replace (or the umask's mode).  Returns 0,
 * or -1 with errno set. */
int cli_atomic_open(cli_atomic *a, const char *path);

/* After the caller has written and closed a->fd: when `ok`, renames the
 * temporary file onto the target, otherwise removes it.  Frees a's paths.
 * Returns 0, or -1 with errno set (the temporary file is removed). */
int cli_atomic_finish(cli_atomic *a, int ok);

#endif
