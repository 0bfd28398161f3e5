/*
 * taskmem_cases.c - the Windows edge cases of CoTaskMemAlloc,
 * CoTaskMemRealloc and CoTaskMemFree that hold on either of the task
 * allocator's paths: one list, run by check_taskmem on the checked path
 * and by check_taskmem_direct on the shared library's.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "naputil.h"
#include "taskmem_cases.h"

START_TEST(alloc_zero_gives_unique_blocks)
{
    void *a = CoTaskMemAlloc(0);
    void *b = CoTaskMemAlloc(0);

    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(a, b);
    CoTaskMemFree(a);
    CoTaskMemFree(b);
}
END_TEST

START_TEST(free_null_does_nothing)
{
    CoTaskMemFree(NULL);
}
END_TEST

START_TEST(realloc_null_allocates)
{
    unsigned char *p = CoTaskMemRealloc(NULL, 64);
    void *empty_a = CoTaskMemRealloc(NULL, 0);
    void *empty_b = CoTaskMemRealloc(NULL, 0);

    ck_assert_ptr_nonnull(p);
    memset(p, 1, 64);
    ck_assert_ptr_nonnull(empty_a);
    ck_assert_ptr_nonnull(empty_b);
    ck_assert_ptr_ne(empty_a, empty_b);
    CoTaskMemFree(p);
    CoTaskMemFree(empty_a);
    CoTaskMemFree(empty_b);
}
END_TEST

START_TEST(realloc_keeps_contents)
{
    unsigned char *p = CoTaskMemAlloc(16);
    unsigned char *q;
    int i;

    ck_assert_ptr_nonnull(p);
    for (i = 0; i < 16; i++)
        p[i] = (unsigned char)i;
    q = CoTaskMemRealloc(p, 100000);
    ck_assert_ptr_nonnull(q);
    for (i = 0; i < 16; i++)
        ck_assert_int_eq(q[i], i);
    q = CoTaskMemRealloc(q, 4);
    ck_assert_ptr_nonnull(q);
    ck_assert_int_eq(q[3], 3);
    CoTaskMemFree(q);
}
END_TEST

/*
 * The sizes go through volatile variables: given a constant, the compiler
 * rightly rejects the call at compile time thanks to CoTaskMemAlloc's
 * alloc_size attribute.  On the direct path glibc refuses them itself.
 */
static volatile SIZE_T just_too_big = (SIZE_T)PTRDIFF_MAX + 1;
static volatile SIZE_T largest_size = SIZE_MAX;

START_TEST(huge_sizes_are_refused)
{
    ck_assert_ptr_null(CoTaskMemAlloc(just_too_big));
    ck_assert_ptr_null(CoTaskMemAlloc(largest_size));
    ck_assert_ptr_null(CoTaskMemRealloc(NULL, just_too_big));
    ck_assert_ptr_null(CoTaskMemRealloc(NULL, largest_size));
}
END_TEST

START_TEST(realloc_refusal_keeps_block)
{
    unsigned char *p = CoTaskMemAlloc(8);

    ck_assert_ptr_nonnull(p);
    memcpy(p, "napblock", 8);
    ck_assert_ptr_null(CoTaskMemRealloc(p, just_too_big));
    ck_assert_ptr_null(CoTaskMemRealloc(p, largest_size));
    ck_assert_mem_eq(p, "napblock", 8);
    CoTaskMemFree(p);
}
END_TEST

void add_taskmem_edge_cases(TCase *tcase)
{
    tcase_add_test(tcase, alloc_zero_gives_unique_blocks);
    tcase_add_test(tcase, free_null_does_nothing);
    tcase_add_test(tcase, realloc_null_allocates);
    tcase_add_test(tcase, realloc_keeps_contents);
    tcase_add_test(tcase, huge_sizes_are_refused);
    tcase_add_test(tcase, realloc_refusal_keeps_block);
}
