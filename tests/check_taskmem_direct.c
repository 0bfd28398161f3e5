/*
 * check_taskmem_direct.c - the Windows edge cases of CoTaskMemAlloc,
 * CoTaskMemRealloc and CoTaskMemFree in the shared library, as a user's
 * program calls them.
 *
 * The other Check programs link the library's code with the tests' malloc
 * wrappers and so always take the task allocator's checked path.  This one
 * links the shared library and nothing of the tests', so natively, with
 * glibc, it takes the direct path (CoTaskMemAlloc is glibc's malloc); under
 * valgrind's memcheck or a sanitizer it takes the checked path again.  It
 * says which path it took, and asserts the path where it can tell.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(HAVE_VALGRIND_MEMCHECK_H)
#include <valgrind/valgrind.h>
#endif

#include "naputil.h"

/* The address a name has for the program, as the dynamic linker binds it. */
static void *address_of(const char *name)
{
    return dlsym(RTLD_DEFAULT, name);
}

/*
 * Whether CoTaskMemAlloc is glibc's own malloc (CoTaskMemRealloc is then
 * the library's branch to glibc's functions): dlsym resolves an indirect
 * function as a call would.
 */
static int direct_path(void)
{
    void *libc_malloc = address_of("__libc_malloc");

    return libc_malloc != NULL && address_of("CoTaskMemAlloc") == libc_malloc;
}

static int running_on_valgrind(void)
{
#if defined(HAVE_VALGRIND_MEMCHECK_H)
    return RUNNING_ON_VALGRIND != 0;
#else
    return 0;
#endif
}

/*
 * The direct path is expected where the library was built for it (glibc,
 * indirect functions, valgrind's headers), malloc is glibc's own (no
 * sanitizer put its allocator there) and no valgrind runs.
 */
static int direct_path_expected(void)
{
#if defined(__GLIBC__) && defined(HAVE_GNU_IFUNC) && defined(HAVE_VALGRIND_MEMCHECK_H) && \
    defined(HAVE_VALGRIND_DRD_H)
    return address_of("malloc") == address_of("__libc_malloc") && !running_on_valgrind();
#else
    return 0;
#endif
}

START_TEST(path_is_the_expected_one)
{
    if (running_on_valgrind())
        return;                 /* which tools check sizes is the library's business */
    ck_assert_int_eq(direct_path(), direct_path_expected());
    /* CoTaskMemFree is always the program's free, whichever the path. */
    ck_assert_ptr_eq(address_of("CoTaskMemFree"), address_of("free"));
}
END_TEST

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

/*
 * Larger than any threshold glibc's malloc may raise its mmap threshold
 * to, so the block is always mapped on its own and counted in hblks.
 */
#define MAPPED_BLOCK_SIZE ((SIZE_T)64 << 20)

/*
 * The block is released, not only forgotten: on the direct path glibc's
 * count of mapped blocks shows it; on the checked path valgrind's leak
 * check and the sanitizers, which replace that count, do.
 */
START_TEST(realloc_to_zero_frees)
{
    void *p = CoTaskMemRealloc(NULL, MAPPED_BLOCK_SIZE);
#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)
    size_t mapped = mallinfo2().hblks;
#endif

    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(CoTaskMemRealloc(p, 0));
#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)
    if (direct_path())
        ck_assert_uint_eq(mallinfo2().hblks, mapped - 1);
#endif
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
    CoTaskMemFree(q);
}
END_TEST

/*
 * Through volatile variables, or the compiler would reject the constant
 * sizes (alloc_size).  On the direct path glibc itself refuses them, which
 * is a realloc failure that keeps the block.
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

START_TEST(realloc_failure_keeps_block)
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

START_TEST(free_null_does_nothing)
{
    CoTaskMemFree(NULL);
}
END_TEST

/* No hidden header: the two heaps are one. */
START_TEST(blocks_mix_with_malloc_and_free)
{
    void *from_com = CoTaskMemAlloc(32);
    void *from_c = malloc(32);

    ck_assert_ptr_nonnull(from_com);
    ck_assert_ptr_nonnull(from_c);
    free(from_com);
    CoTaskMemFree(from_c);
}
END_TEST

static Suite *taskmem_direct_suite(void)
{
    Suite *suite = suite_create("taskmem in the shared library");
    TCase *edges = tcase_create("edge cases");

    tcase_add_test(edges, path_is_the_expected_one);
    tcase_add_test(edges, alloc_zero_gives_unique_blocks);
    tcase_add_test(edges, realloc_null_allocates);
    tcase_add_test(edges, realloc_to_zero_frees);
    tcase_add_test(edges, realloc_keeps_contents);
    tcase_add_test(edges, huge_sizes_are_refused);
    tcase_add_test(edges, realloc_failure_keeps_block);
    tcase_add_test(edges, free_null_does_nothing);
    tcase_add_test(edges, blocks_mix_with_malloc_and_free);
    suite_add_tcase(suite, edges);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(taskmem_direct_suite());
    int failed;

    printf("# CoTaskMemAlloc/Realloc take the %s path\n",
           direct_path() ? "direct (glibc's malloc, realloc and free)" : "checked");
    fflush(stdout);
    srunner_run_all(runner, CK_ENV);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
