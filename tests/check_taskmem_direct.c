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
#include "taskmem_cases.h"

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
    add_taskmem_edge_cases(edges);
    tcase_add_test(edges, realloc_to_zero_frees);
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
