/*
 * notify_latency.c - how long an agent's rename of isolation.state takes to
 * make a subscriber's eventfd readable, through InitializeNapAgentNotifier.
 *
 * The baseline, measured in the same run and interleaved with it, is the
 * least any notifier can do: the program's own inotify watch on the same
 * directory, read in the same thread, for the rename of another file.  The
 * library adds a thread hop (its watcher) and an eventfd write on top.
 * Prints the median and the 90th and 99th percentiles of each, in
 * microseconds, and the ratio of the medians.  Then it counts the process's
 * threads and descriptors before and after 1000 Initialize/Uninitialize
 * cycles, and while subscribed.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "naputil.h"

#define EVENTS 2000
#define TIMEOUT_MS 10000

static char directory[PATH_MAX];

static double now_us(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static void die(const char *what)
{
    perror(what);
    exit(EXIT_FAILURE);
}

/* Writes the new version of a file under a temporary name; the rename is what is timed. */
static void prepare(const char *temporary)
{
    char path[PATH_MAX + 32];
    int fd;

    snprintf(path, sizeof(path), "%s/%s", directory, temporary);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, "restricted\n", 11) != 11 || close(fd) != 0)
        die("prepare");
}

static void publish(const char *temporary, const char *name)
{
    char from[PATH_MAX + 32], to[PATH_MAX + 32];

    snprintf(from, sizeof(from), "%s/%s", directory, temporary);
    snprintf(to, sizeof(to), "%s/%s", directory, name);
    if (rename(from, to) != 0)
        die("rename");
}

static void remove_file(const char *name)
{
    char path[PATH_MAX + 32];

    snprintf(path, sizeof(path), "%s/%s", directory, name);
    unlink(path);
}

static void wait_readable(int fd)
{
    struct pollfd readable = { .fd = fd, .events = POLLIN };

    if (poll(&readable, 1, TIMEOUT_MS) != 1) {
        fprintf(stderr, "no notification within %d ms\n", TIMEOUT_MS);
        exit(EXIT_FAILURE);
    }
}

static double time_library(int event_fd)
{
    uint64_t count;
    double start, end;

    prepare(".isolation.tmp");
    start = now_us();
    publish(".isolation.tmp", "isolation.state");
    wait_readable(event_fd);
    end = now_us();
    if (read(event_fd, &count, sizeof(count)) != (ssize_t)sizeof(count))
        die("read eventfd");
    return end - start;
}

/* Waits for the rename of our own file to reach our own inotify descriptor. */
static double time_baseline(int inotify_fd)
{
    _Alignas(struct inotify_event) char buffer[4096];
    struct inotify_event event;
    double start, end = 0;
    int seen = 0;

    prepare(".baseline.tmp");
    start = now_us();
    publish(".baseline.tmp", "baseline.state");
    while (!seen) {
        ssize_t length, offset;

        wait_readable(inotify_fd);
        end = now_us();
        length = read(inotify_fd, buffer, sizeof(buffer));
        for (offset = 0; offset + (ssize_t)sizeof(event) <= length;
             offset += (ssize_t)(sizeof(event) + event.len)) {
            memcpy(&event, buffer + offset, sizeof(event));
            if ((event.mask & IN_MOVED_TO) &&
                strcmp(buffer + offset + sizeof(event), "baseline.state") == 0)
                seen = 1;
        }
    }
    return end - start;
}

static int count_entries(const char *directory_name)
{
    DIR *dir = opendir(directory_name);
    struct dirent *entry;
    int count = 0;

    if (dir == NULL)
        die(directory_name);
    while ((entry = readdir(dir)) != NULL)
        count += entry->d_name[0] != '.';
    closedir(dir);
    return count;
}

/* Descriptors, not counting the one that lists them. */
static int count_descriptors(void)
{
    return count_entries("/proc/self/fd") - 1;
}

static void report_cycles(int event_fd)
{
    int threads = count_entries("/proc/self/task"), descriptors = count_descriptors();
    int subscribed_threads, subscribed_descriptors, cycle, failures = 0;
    double start, elapsed;

    start = now_us();
    for (cycle = 0; cycle < 1000; cycle++) {
        failures += FAILED(InitializeNapAgentNotifier(napNotifyTypeServiceState,
                                                      (HANDLE)(intptr_t)event_fd));
        UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    }
    elapsed = now_us() - start;
    InitializeNapAgentNotifier(napNotifyTypeServiceState, (HANDLE)(intptr_t)event_fd);
    subscribed_threads = count_entries("/proc/self/task");
    subscribed_descriptors = count_descriptors();
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);

    printf("1000 Initialize/Uninitialize cycles: %d failed, %.1f us per cycle\n", failures,
           elapsed / 1000);
    printf("  threads:     %d before, %d after (%d while subscribed)\n", threads,
           count_entries("/proc/self/task"), subscribed_threads);
    printf("  descriptors: %d before, %d after (%d while subscribed)\n", descriptors,
           count_descriptors(), subscribed_descriptors);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double percentile(double *sorted, int count, int p)
{
    return sorted[(count - 1) * p / 100];
}

static void report(const char *name, double *samples)
{
    qsort(samples, EVENTS, sizeof(samples[0]), compare_doubles);
    printf("%-40s %10.1f %10.1f %10.1f\n", name, percentile(samples, EVENTS, 50),
           percentile(samples, EVENTS, 90), percentile(samples, EVENTS, 99));
}

int main(void)
{
    static double library[EVENTS], baseline[EVENTS];
    const char *tmp = getenv("TMPDIR");
    int event_fd, inotify_fd, i;
    double median_library, median_baseline;

    snprintf(directory, sizeof(directory), "%s/naputil-latency-XXXXXX", tmp ? tmp : "/tmp");
    if (mkdtemp(directory) == NULL)
        die("mkdtemp");
    setenv("NAPUTIL_RUNTIME_DIR", directory, 1);

    event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (event_fd < 0 || inotify_fd < 0 ||
        inotify_add_watch(inotify_fd, directory, IN_MOVED_TO) < 0)
        die("setup");
    if (FAILED(InitializeNapAgentNotifier(napNotifyTypeQuarState, (HANDLE)(intptr_t)event_fd))) {
        fprintf(stderr, "InitializeNapAgentNotifier failed\n");
        return EXIT_FAILURE;
    }

    for (i = 0; i < EVENTS; i++) {
        /* Alternate which goes first, so that neither always runs on a warmer cache. */
        if (i % 2) {
            library[i] = time_library(event_fd);
            baseline[i] = time_baseline(inotify_fd);
        } else {
            baseline[i] = time_baseline(inotify_fd);
            library[i] = time_library(event_fd);
        }
    }
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);

    printf("notifier latency, rename to readable, %d events each (microseconds)\n", EVENTS);
    printf("%-40s %10s %10s %10s\n", "", "median", "p90", "p99");
    report("library: rename -> eventfd readable", library);
    report("baseline: rename -> own inotify readable", baseline);
    median_library = library[EVENTS / 2];
    median_baseline = baseline[EVENTS / 2];
    printf("ratio of medians (library / baseline): %.2f\n", median_library / median_baseline);

    report_cycles(event_fd);
    close(event_fd);
    close(inotify_fd);
    remove_file("isolation.state");
    remove_file("baseline.state");
    rmdir(directory);
    return EXIT_SUCCESS;
}
