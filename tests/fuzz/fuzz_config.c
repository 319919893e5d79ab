/* fuzz_config.c — the taiyaku.yaml reader on arbitrary bytes. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[] = "/tmp/taiyaku-fuzz-config-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  ty_config_load(cfg, path, &err);
  ty_config_free(cfg);
  unlink(path);
  return 0;
}
