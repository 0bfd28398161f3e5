/* testutil.c - helpers shared by the Check programs. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

/* More allocations than any single call of the library makes. */
#define MAX_ALLOCATION_POINTS 1000

static atomic_long live_blocks;

/* Allocations left before the armed failure; 0 when none is armed. */
static atomic_ulong allocations_before_failure;
static atomic_int failure_happened;

void fail_nth_allocation(unsigned long n)
{
    atomic_store(&failure_happened, 0);
    atomic_store(&allocations_before_failure, n);
}

int allocation_failure_happened(void)
{
    return atomic_load(&failure_happened);
}

/*
 * Counts one allocation against the armed failure; true if this one fails.
 * The count is taken with compare-and-swap, so that of threads allocating
 * at once exactly one meets the failure.
 */
static int allocation_fails(void)
{
    unsigned long left = atomic_load(&allocations_before_failure);

    while (left != 0) {
        if (atomic_compare_exchange_weak(&allocations_before_failure, &left, left - 1)) {
            if (left != 1)
                return 0;
            atomic_store(&failure_happened, 1);
            return 1;
        }
    }
    return 0;
}

/* What a C heap out of memory returns. */
static void *out_of_memory(void)
{
    errno = ENOMEM;
    return NULL;
}

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);

void *__wrap_malloc(size_t size)
{
    void *p;

    if (allocation_fails())
        return out_of_memory();
    p = __real_malloc(size);
    if (p != NULL)
        atomic_fetch_add(&live_blocks, 1);
    return p;
}

void *__wrap_calloc(size_t count, size_t size)
{
    void *p;

    if (allocation_fails())
        return out_of_memory();
    p = __real_calloc(count, size);
    if (p != NULL)
        atomic_fetch_add(&live_blocks, 1);
    return p;
}

/*
 * realloc(NULL, n) allocates and realloc(p, 0) frees; a move counts as
 * neither.  Only a call that allocates can be failed: one that frees never
 * fails.
 */
void *__wrap_realloc(void *p, size_t size)
{
    void *q;

    if ((p == NULL || size != 0) && allocation_fails())
        return out_of_memory();
    q = __real_realloc(p, size);
    if (p == NULL && q != NULL)
        atomic_fetch_add(&live_blocks, 1);
    else if (p != NULL && size == 0)
        atomic_fetch_sub(&live_blocks, 1);
    return q;
}

void __wrap_free(void *p)
{
    if (p != NULL)
        atomic_fetch_sub(&live_blocks, 1);
    __real_free(p);
}

static uint64_t random_state;

void test_random_seed(uint64_t seed)
{
    random_state = seed;
}

uint64_t test_random(void)
{
    uint64_t z = (random_state += 0x9E3779B97F4A7C15u);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

unsigned test_random_below(unsigned n)
{
    return (unsigned)(test_random() % n);
}

long live_heap_blocks(void)
{
    return atomic_load(&live_blocks);
}

static void disarm_allocation_failure(void)
{
    fail_nth_allocation(0);
}

TCase *add_test_case(Suite *suite, const char *name)
{
    TCase *tcase = tcase_create(name);

    tcase_add_checked_fixture(tcase, disarm_allocation_failure, disarm_allocation_failure);
    suite_add_tcase(suite, tcase);
    return tcase;
}

unsigned exercise_allocation_failures(alloc_attempt attempt, alloc_release release)
{
    unsigned n;

    for (n = 1; n <= MAX_ALLOCATION_POINTS; n++) {
        long before = live_heap_blocks();
        void *out = NULL;
        int failed;
        HRESULT hr;

        /* Nothing but the library runs between the two counts. */
        fail_nth_allocation(n);
        hr = attempt(&out);
        failed = allocation_failure_happened();
        fail_nth_allocation(0);
        if (!failed && out != NULL)
            release(out);
        ck_assert_int_eq(live_heap_blocks(), before);

        if (!failed) {
            ck_assert_int_eq(hr, S_OK);
            ck_assert_ptr_nonnull(out);
            return n - 1;
        }
        ck_assert_int_eq(hr, E_OUTOFMEMORY);
        ck_assert_ptr_null(out);
    }
    ck_abort_msg("the call never succeeded");
    return 0;
}

unsigned exercise_method_allocation_failures(method_attempt attempt, void *context,
                                             alloc_release release)
{
    unsigned n;

    for (n = 1; n <= MAX_ALLOCATION_POINTS; n++) {
        long before = live_heap_blocks();
        long after;
        void *out = NULL;
        int failed;
        HRESULT hr;

        fail_nth_allocation(n);
        hr = attempt(context, &out);
        failed = allocation_failure_happened();
        fail_nth_allocation(0);
        if (!failed && out != NULL && release != NULL)
            release(out);
        after = live_heap_blocks();

        if (!failed) {
            ck_assert_int_eq(hr, S_OK);
            if (release != NULL)
                ck_assert_int_eq(after, before);
            return n - 1;
        }
        ck_assert_int_eq(after, before);
        ck_assert_int_eq(hr, E_OUTOFMEMORY);
        ck_assert_ptr_null(out);
    }
    ck_abort_msg("the method never succeeded");
    return 0;
}

void run_threads(void *(*body)(void *), void *argument, int count)
{
    pthread_t threads[MAX_TEST_THREADS];
    void *result;
    int i, failures = 0;

    ck_assert_int_le(count, MAX_TEST_THREADS);
    for (i = 0; i < count; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, body, argument), 0);
    for (i = 0; i < count; i++) {
        ck_assert_int_eq(pthread_join(threads[i], &result), 0);
        failures += result != NULL;
    }
    ck_assert_int_eq(failures, 0);
}

int wait_signalled_and_drain(int fd, int timeout_ms)
{
    struct pollfd readable = { .fd = fd, .events = POLLIN };
    uint64_t counter = 0;
    int ready;

    do
        ready = poll(&readable, 1, timeout_ms);
    while (ready < 0 && errno == EINTR);
    if (ready != 1)
        return 0;
    /* Only whether the counter is zero is looked at: its value is not portable (see testutil.h). */
    if (read(fd, &counter, sizeof(counter)) != (ssize_t)sizeof(counter) || counter == 0)
        return -1;
    return 1;
}

void expect_signalled(int fd, int timeout_ms)
{
    int result = wait_signalled_and_drain(fd, timeout_ms);

    ck_assert_msg(result != 0, "descriptor %d was not signalled within %d ms", fd, timeout_ms);
    ck_assert_msg(result == 1, "descriptor %d was readable, but its counter read as zero", fd);
}

int is_signalled(int fd)
{
    struct pollfd readable = { .fd = fd, .events = POLLIN };

    return poll(&readable, 1, 0) == 1 && (readable.revents & POLLIN) != 0;
}

void drain_signals(int fd)
{
    uint64_t counter;

    /* A non-blocking eventfd whose counter is zero fails with EAGAIN, which is fine here. */
    if (is_signalled(fd) && read(fd, &counter, sizeof(counter)) < 0) {
        /* Nothing was pending after all. */
    }
}

int count_threads_named(const char *name)
{
    DIR *dir = opendir("/proc/self/task");
    struct dirent *entry;
    char path[PATH_MAX], comm_line[64];
    size_t length = strlen(name);
    int count = 0;

    ck_assert_ptr_nonnull(dir);
    while ((entry = readdir(dir)) != NULL) {
        FILE *comm;

        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "/proc/self/task/%s/comm", entry->d_name);
        comm = fopen(path, "r");
        if (comm == NULL)
            continue;           /* the thread has just ended */
        if (fgets(comm_line, sizeof(comm_line), comm) != NULL &&
            strncmp(comm_line, name, length) == 0 && strcmp(comm_line + length, "\n") == 0)
            count++;
        fclose(comm);
    }
    closedir(dir);
    return count;
}

int count_descriptors(void)
{
    DIR *dir = opendir("/proc/self/fd");
    struct dirent *entry;
    int count = 0;

    ck_assert_ptr_nonnull(dir);
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] != '.')
            count++;
    }
    closedir(dir);
    return count - 1;           /* the listing's own descriptor */
}

int count_descriptors_to(const char *target)
{
    DIR *dir = opendir("/proc/self/fd");
    struct dirent *entry;
    char link[PATH_MAX], to[PATH_MAX];
    int count = 0;

    ck_assert_ptr_nonnull(dir);
    while ((entry = readdir(dir)) != NULL) {
        ssize_t length;

        snprintf(link, sizeof(link), "/proc/self/fd/%s", entry->d_name);
        length = readlink(link, to, sizeof(to) - 1);
        if (length < 0)
            continue;
        to[length] = '\0';
        if (strcmp(to, target) == 0)
            count++;
    }
    closedir(dir);
    return count;
}

/* Milliseconds from start to now; time_t may be 32 or 64 bits wide, so only differences are used. */
static long long milliseconds_since(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)(now.tv_sec - start->tv_sec) * 1000 +
           (now.tv_nsec - start->tv_nsec) / 1000000;
}

/*
 * Polls count(argument) until it equals expected or COUNT_TIMEOUT_MS have
 * passed; the last count.  The deadline is measured, not derived from a
 * number of tries, so that a slow machine or an emulator still gets all of
 * it.  Between tries the thread yields a millisecond: it is waiting for
 * another thread, or the kernel, to finish.
 */
static int wait_for_count(int (*count)(const char *), const char *argument, int expected)
{
    const struct timespec pause = { .tv_sec = 0, .tv_nsec = 1000000 };
    struct timespec start;
    int now;

    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        now = count(argument);
        if (now == expected || milliseconds_since(&start) >= COUNT_TIMEOUT_MS)
            return now;
        nanosleep(&pause, NULL);
    }
}

static int count_all_descriptors(const char *unused)
{
    (void)unused;
    return count_descriptors();
}

int wait_for_threads_named(const char *name, int expected)
{
    return wait_for_count(count_threads_named, name, expected);
}

int wait_for_descriptors(int expected)
{
    return wait_for_count(count_all_descriptors, NULL, expected);
}

int wait_for_descriptors_to(const char *target, int expected)
{
    return wait_for_count(count_descriptors_to, target, expected);
}

int run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_ENV);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
