/*
 * peakrss — runs a command once and reports its exit status, wall time and
 * peak resident set size, for tests/bench/run.sh (which cannot count on
 * /usr/bin/time being installed).
 *
 * usage: peakrss CMD [ARG...]
 *
 * CMD runs with stdin and stdout on /dev/null (stderr is left alone). Prints
 * one line on stdout: "STATUS SECONDS MAXRSS_KIB", where STATUS is CMD's exit
 * status, 128 + the signal number if a signal ended it, or 127 if it could
 * not be started; SECONDS is the wall time from fork to wait; MAXRSS_KIB is
 * getrusage(RUSAGE_CHILDREN).ru_maxrss, the largest resident set of the one
 * child. Exits 0 when it could measure, 2 otherwise.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: peakrss CMD [ARG...]\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "peakrss: fork: %s\n", strerror(errno));
        return 2;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0)
            _exit(127);
        execvp(argv[1], argv + 1);
        fprintf(stderr, "peakrss: %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            fprintf(stderr, "peakrss: wait: %s\n", strerror(errno));
            return 2;
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage ru;
    if (getrusage(RUSAGE_CHILDREN, &ru) != 0) {
        fprintf(stderr, "peakrss: getrusage: %s\n", strerror(errno));
        return 2;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%d %.6f %ld\n", code, secs, ru.ru_maxrss);
    return fflush(stdout) == 0 ? 0 : 2;
}
