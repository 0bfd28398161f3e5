/*
 * check_taskmem.c - tests of the COM task allocator (lib/taskmem.c): the
 * Windows edge cases of CoTaskMemAlloc/Realloc/Free on its checked path,
 * which this program takes because its malloc is the tests' wrapper, and
 * the tests' failure injection (testutil.h) that the other programs use.
 * check_taskmem_direct runs the same edge cases on the shared library.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "naputil.h"
#include "taskmem.h"
#include "taskmem_cases.h"
#include "testutil.h"

/* The library's zeroing allocation keeps the same rule for 0 bytes. */
START_TEST(zalloc_zero_gives_unique_blocks)
{
    void *a = taskmem_zalloc(0);
    void *b = taskmem_zalloc(0);

    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(a, b);
    taskmem_free(a);
    taskmem_free(b);
}
END_TEST

/*
 * The checked path: every call reaches the program's malloc, realloc and
 * free (the tests' counting wrappers), not glibc's own entry points, which
 * the direct binding would call and the counts would not see.
 */
START_TEST(calls_go_through_the_programs_allocator)
{
    long before = live_heap_blocks();
    void *p = CoTaskMemAlloc(16);
    long allocated = live_heap_blocks();
    void *q = CoTaskMemRealloc(NULL, 16);
    long reallocated = live_heap_blocks();
    long freed;

    CoTaskMemFree(p);
    CoTaskMemRealloc(q, 0);
    freed = live_heap_blocks();
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_nonnull(q);
    ck_assert_int_eq(allocated, before + 1);
    ck_assert_int_eq(reallocated, before + 2);
    ck_assert_int_eq(freed, before);
}
END_TEST

START_TEST(alloc_gives_writable_block)
{
    unsigned char *p = CoTaskMemAlloc(4096);

    ck_assert_ptr_nonnull(p);
    memset(p, 0x5A, 4096);
    ck_assert_int_eq(p[4095], 0x5A);
    CoTaskMemFree(p);
}
END_TEST

/* No hidden header: the two heaps are one. */
START_TEST(blocks_mix_with_malloc_and_free)
{
    long before = live_heap_blocks();
    void *from_com = CoTaskMemAlloc(32);
    void *from_c = malloc(32);
    long after;

    free(from_com);
    CoTaskMemFree(from_c);
    after = live_heap_blocks();
    ck_assert_ptr_nonnull(from_com);
    ck_assert_ptr_nonnull(from_c);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(realloc_to_zero_frees)
{
    long before = live_heap_blocks();
    void *p = CoTaskMemAlloc(1000);
    void *result = CoTaskMemRealloc(p, 0);
    long after = live_heap_blocks();

    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(result);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(realloc_failure_keeps_block)
{
    unsigned char *p = CoTaskMemAlloc(8);

    ck_assert_ptr_nonnull(p);
    memcpy(p, "napblock", 8);
    fail_nth_allocation(1);
    ck_assert_ptr_null(CoTaskMemRealloc(p, 64));
    ck_assert(allocation_failure_happened());
    ck_assert_mem_eq(p, "napblock", 8);
    CoTaskMemFree(p);
}
END_TEST

START_TEST(injection_fails_exactly_the_nth_allocation)
{
    void *first, *second, *third;
    int failed_after_first, failed_after_second;

    /* No assertion while the failure is armed: Check's own allocate too. */
    fail_nth_allocation(2);
    first = CoTaskMemAlloc(10);
    failed_after_first = allocation_failure_happened();
    second = CoTaskMemAlloc(10);
    failed_after_second = allocation_failure_happened();
    third = CoTaskMemAlloc(10);
    ck_assert(!failed_after_first);
    ck_assert(failed_after_second);
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_null(second);
    ck_assert_ptr_nonnull(third);
    CoTaskMemFree(first);
    CoTaskMemFree(third);
}
END_TEST

START_TEST(injection_disarmed_by_zero)
{
    void *p;

    fail_nth_allocation(1);
    fail_nth_allocation(0);
    p = CoTaskMemAlloc(10);
    ck_assert_ptr_nonnull(p);
    ck_assert(!allocation_failure_happened());
    CoTaskMemFree(p);
}
END_TEST

#define INJECTION_THREADS 4
#define INJECTION_ALLOCATIONS 2000

static void *allocate_many(void *failures)
{
    int i;

    for (i = 0; i < INJECTION_ALLOCATIONS; i++) {
        void *p = CoTaskMemAlloc(24);

        if (p == NULL)
            (*(int *)failures)++;
        CoTaskMemFree(p);
    }
    return NULL;
}

/* With threads racing to allocate, one and only one allocation fails. */
START_TEST(injection_fails_once_under_threads)
{
    pthread_t threads[INJECTION_THREADS];
    int failures[INJECTION_THREADS] = {0};
    int i, total = 0;

    fail_nth_allocation(INJECTION_THREADS * INJECTION_ALLOCATIONS / 2);
    for (i = 0; i < INJECTION_THREADS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, allocate_many, &failures[i]), 0);
    for (i = 0; i < INJECTION_THREADS; i++) {
        pthread_join(threads[i], NULL);
        total += failures[i];
    }
    ck_assert_int_eq(total, 1);
    ck_assert(allocation_failure_happened());
}
END_TEST

START_TEST(duplicate_copies_or_gives_no_block)
{
    static const unsigned char bytes[5] = { 1, 2, 3, 4, 5 };
    char sentinel;
    long before = live_heap_blocks();
    /* Non-NULL to start with, so that a NULL result shows the function wrote it. */
    void *copy = &sentinel, *empty = &sentinel, *failed = &sentinel;
    HRESULT copied, nothing, refused;
    long after;
    int same;

    copied = taskmem_duplicate(bytes, sizeof(bytes), &copy);
    nothing = taskmem_duplicate(bytes, 0, &empty);
    fail_nth_allocation(1);
    refused = taskmem_duplicate(bytes, sizeof(bytes), &failed);
    fail_nth_allocation(0);
    same = copy != NULL && copy != bytes && memcmp(copy, bytes, sizeof(bytes)) == 0;
    CoTaskMemFree(copy);
    /* No assertion before this count: a passing one allocates too. */
    after = live_heap_blocks();
    ck_assert_int_eq(copied, S_OK);
    ck_assert(same);
    ck_assert_int_eq(nothing, S_OK);
    ck_assert_ptr_null(empty);
    ck_assert_int_eq(refused, E_OUTOFMEMORY);
    ck_assert_ptr_null(failed);
    ck_assert_int_eq(after, before);
}
END_TEST

static Suite *taskmem_suite(void)
{
    Suite *suite = suite_create("taskmem");
    TCase *alloc = add_test_case(suite, "CoTaskMemAlloc");
    TCase *realloc_case = add_test_case(suite, "CoTaskMemRealloc");
    TCase *injection = add_test_case(suite, "failure injection");

    add_taskmem_edge_cases(add_test_case(suite, "Windows edge cases"));

    tcase_add_test(alloc, calls_go_through_the_programs_allocator);
    tcase_add_test(alloc, zalloc_zero_gives_unique_blocks);
    tcase_add_test(alloc, alloc_gives_writable_block);
    tcase_add_test(alloc, blocks_mix_with_malloc_and_free);
    tcase_add_test(alloc, duplicate_copies_or_gives_no_block);

    tcase_add_test(realloc_case, realloc_to_zero_frees);
    tcase_add_test(realloc_case, realloc_failure_keeps_block);

    tcase_add_test(injection, injection_fails_exactly_the_nth_allocation);
    tcase_add_test(injection, injection_disarmed_by_zero);
    tcase_add_test(injection, injection_fails_once_under_threads);
    return suite;
}

int main(void)
{
    return run_suite(taskmem_suite());
}
