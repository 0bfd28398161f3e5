/*
 * testutil.h - helpers shared by the Check programs: running a suite,
 * counting heap blocks so that a test fails on a leak even without valgrind,
 * driving a call through every allocation failure it can meet, waiting for
 * eventfd signals, and counting threads and descriptors with bounded waits.
 */
#ifndef NAPUTIL_TESTUTIL_H
#define NAPUTIL_TESTUTIL_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "naputil.h"

/*
 * Blocks of the C heap allocated and not yet freed by this program.  The
 * test programs are linked with --wrap for malloc, calloc, realloc and free,
 * so every allocation of the library and of the tests is counted; a window
 * that starts and ends with the same count leaked nothing.
 */
long live_heap_blocks(void);

/*
 * Failure injection, through the same wrappers: makes the nth allocation
 * (malloc, calloc, or realloc that allocates) from now on fail as an
 * exhausted heap does (1 = the next one); 0 disarms.  Only the program's
 * own calls are wrapped - the tests', the library code linked into it,
 * and Check's - not those made inside the C library (strdup, fopen) or
 * other shared libraries.  Safe to call while other threads allocate.
 */
void fail_nth_allocation(unsigned long n);
/* Whether the failure armed by the last fail_nth_allocation happened. */
int allocation_failure_happened(void);

/* The number of elements of an array. */
#define COUNT_OF(array) ((int)(sizeof(array) / sizeof((array)[0])))

/*
 * Creates a test case in the suite, with allocation failures disarmed
 * before and after each test so that no armed failure leaks between tests.
 */
TCase *add_test_case(Suite *suite, const char *name);

/*
 * One attempt of an allocating call: stores what the call returned through
 * its out-pointer in *out, and returns the call's HRESULT.
 */
typedef HRESULT (*alloc_attempt)(void **out);
/* Releases what a successful attempt returned. */
typedef void (*alloc_release)(void *out);

/*
 * Makes the 1st, 2nd, ... allocation of attempt fail in turn until the call
 * succeeds.  Asserts that every failure gives E_OUTOFMEMORY, a NULL
 * out-pointer and an unchanged heap, and that the final success releases
 * cleanly.  Returns the number of allocation points that were failed.
 */
unsigned exercise_allocation_failures(alloc_attempt attempt, alloc_release release);

/*
 * One attempt of a method on an object (context): returns the method's
 * HRESULT and stores in *out what it returned through a pointer
 * out-parameter, if it has one (else *out stays NULL).
 */
typedef HRESULT (*method_attempt)(void *context, void **out);

/*
 * As exercise_allocation_failures, for a method of an object: each failure
 * must give E_OUTOFMEMORY, a NULL *out and an unchanged heap, and leave the
 * object able to take the next attempt.  With release, the final success's
 * *out is released and the heap must be back where it was; without it
 * (NULL), what the success allocated stays in the object.  Returns the
 * number of allocation points that were failed.
 */
unsigned exercise_method_allocation_failures(method_attempt attempt, void *context,
                                             alloc_release release);

/*
 * A seeded pseudo-random sequence (splitmix64), for the generated-message
 * tests: the same seed gives the same sequence on every machine, so a
 * failure names a case that can be run again.  Not thread-safe.
 */
void test_random_seed(uint64_t seed);
uint64_t test_random(void);
/* A number in 0..n-1. */
unsigned test_random_below(unsigned n);

/* The most threads run_threads starts. */
#define MAX_TEST_THREADS 16

/*
 * Runs body(argument) in count threads at once and waits for them all;
 * asserts that each returned NULL, which is how a body reports success.
 */
void run_threads(void *(*body)(void *), void *argument, int count);

/*
 * Eventfd signals.  A test asks only whether an eventfd was signalled: it
 * became readable and its counter, read, is not zero.  It never asks how
 * many times, for two reasons.  The library's manual promises no count
 * ("several changes may be folded into one wake-up, and one change may be
 * reported more than once").  And the counter's value is not portable
 * under emulation: eventfd(2) defines the counter as a native 8-byte
 * integer, but qemu-user (7.2) does not byte-swap a write made through a
 * copy of the descriptor taken with fcntl(F_DUPFD_CLOEXEC), as the library
 * takes one, so on a big-endian guest such as s390x a 1 written there
 * reads back as 1 << 56.
 */

/*
 * Waits up to timeout_ms for fd to become readable, then reads it once,
 * which resets an eventfd's counter (see eventfd(2)).  Returns 1 when fd
 * was signalled (readable, with a non-zero counter), 0 when the time ran
 * out, -1 when the read failed or returned zero.  Asserts nothing, so that
 * a forked child that must not use Check's assertions can call it.
 */
int wait_signalled_and_drain(int fd, int timeout_ms);

/* As wait_signalled_and_drain, asserting that fd was signalled in time. */
void expect_signalled(int fd, int timeout_ms);

/* Whether fd is readable now, without waiting and without reading it. */
int is_signalled(int fd);

/* Resets an eventfd's counter, whatever it holds (nothing, too). */
void drain_signals(int fd);

/*
 * Threads and descriptors of this process, as /proc/self lists them.  The
 * counts may include helpers of the tools that run the tests (valgrind,
 * ThreadSanitizer), which is why threads are counted by name.
 */
int count_threads_named(const char *name);
/* Open descriptors, not counting the one that lists them. */
int count_descriptors(void);
/* Open descriptors whose link target is target, such as "anon_inode:inotify". */
int count_descriptors_to(const char *target);

/*
 * How long the wait_for_* functions wait.  Generous, because only a
 * failing test waits this long.
 */
#define COUNT_TIMEOUT_MS 10000

/*
 * Bounded waits for a count to reach an expected value: each polls until
 * the count equals expected or COUNT_TIMEOUT_MS have passed, and returns
 * the last count taken, for the caller to assert on.  Counts are waited
 * for, rather than taken once, because a thread that pthread_join() has
 * reported ended may still be listed in /proc/self/task for a moment: the
 * join returns as soon as the thread has cleared its thread ID
 * (CLONE_CHILD_CLEARTID in clone(2)), which comes before the thread is
 * gone, and under qemu-user, which clears it itself before its host thread
 * finishes, that moment can be long enough to be seen.  A count that is
 * never reached still fails the test, after the deadline.
 */
int wait_for_threads_named(const char *name, int expected);
int wait_for_descriptors(int expected);
int wait_for_descriptors_to(const char *target, int expected);

/* Runs the suite as CK_ENV says; the process exit status. */
int run_suite(Suite *suite);

#endif /* NAPUTIL_TESTUTIL_H */
