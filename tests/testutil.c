/* testutil.c - helpers shared by the Check programs. */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "taskmem.h"
#include "testutil.h"

/* More allocations than any single call of the library makes. */
#define MAX_ALLOCATION_POINTS 1000

static atomic_long live_blocks;

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
    void *p = __real_malloc(size);

    if (p != NULL)
        atomic_fetch_add(&live_blocks, 1);
    return p;
}

void *__wrap_calloc(size_t count, size_t size)
{
    void *p = __real_calloc(count, size);

    if (p != NULL)
        atomic_fetch_add(&live_blocks, 1);
    return p;
}

/* realloc(NULL, n) allocates and realloc(p, 0) frees; a move counts as neither. */
void *__wrap_realloc(void *p, size_t size)
{
    void *q = __real_realloc(p, size);

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

long live_heap_blocks(void)
{
    return atomic_load(&live_blocks);
}

static void reset_allocation_seam(void)
{
    taskmem_fail_nth_allocation(0);
}

TCase *add_test_case(Suite *suite, const char *name)
{
    TCase *tcase = tcase_create(name);

    tcase_add_checked_fixture(tcase, reset_allocation_seam, reset_allocation_seam);
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
        taskmem_fail_nth_allocation(n);
        hr = attempt(&out);
        failed = taskmem_failure_happened();
        taskmem_fail_nth_allocation(0);
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

        taskmem_fail_nth_allocation(n);
        hr = attempt(context, &out);
        failed = taskmem_failure_happened();
        taskmem_fail_nth_allocation(0);
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

int run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_ENV);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
