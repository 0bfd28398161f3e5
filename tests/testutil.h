/*
 * testutil.h - helpers shared by the Check programs: running a suite,
 * counting heap blocks so that a test fails on a leak even without valgrind,
 * and driving a call through every allocation failure it can meet.
 */
#ifndef NAPUTIL_TESTUTIL_H
#define NAPUTIL_TESTUTIL_H

#include <check.h>
#include <stddef.h>

#include "naputil.h"

/*
 * Blocks of the C heap allocated and not yet freed by this program.  The
 * test programs are linked with --wrap for malloc, calloc, realloc and free,
 * so every allocation of the library and of the tests is counted; a window
 * that starts and ends with the same count leaked nothing.
 */
long live_heap_blocks(void);

/* The number of elements of an array. */
#define COUNT_OF(array) ((int)(sizeof(array) / sizeof((array)[0])))

/*
 * Creates a test case in the suite, with the allocation seam disarmed
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

/* The most threads run_threads starts. */
#define MAX_TEST_THREADS 16

/*
 * Runs body(argument) in count threads at once and waits for them all;
 * asserts that each returned NULL, which is how a body reports success.
 */
void run_threads(void *(*body)(void *), void *argument, int count);

/* Runs the suite as CK_ENV says; the process exit status. */
int run_suite(Suite *suite);

#endif /* NAPUTIL_TESTUTIL_H */
