/*
 * check_notifier_unload.c - a plugin that subscribes and is unloaded
 * without unsubscribing must not take its host down.  The test loads the
 * shared library that was just built (top_builddir/lib/.libs), subscribes
 * through it, dlclose()s it, and keeps updating the state files: the
 * watcher thread still runs, so its code must still be mapped.  The library
 * is linked with -z nodelete (see Makefile.am), so dlclose() leaves it
 * loaded; without that the thread would run unmapped code and the process
 * would die of SIGSEGV.
 *
 * It links neither the library nor the test helpers, whose copy of the
 * library's code would stand in for the one that is unloaded.
 */
#include "config.h"

#include <check.h>
#include <dlfcn.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "naputil.h"

/* Long enough for a loaded machine under valgrind or qemu; only a failing test waits this long. */
#define SIGNAL_TIMEOUT_MS 20000

typedef HRESULT(WINAPI *initialize_function)(NapNotifyType, HANDLE);
typedef VOID(WINAPI *uninitialize_function)(NapNotifyType);

/*
 * dlsym() returns an object pointer; ISO C has no conversion from it to a
 * function pointer, so the union reads it as one, as POSIX allows.
 */
union symbol {
    void *object;
    initialize_function initialize;
    uninitialize_function uninitialize;
};

static char root[PATH_MAX], runtime_dir[PATH_MAX], library[PATH_MAX];

/* The way an agent updates a state file: write a temporary file, rename it over. */
static void replace_isolation_state(void)
{
    char temporary[PATH_MAX], target[PATH_MAX];
    FILE *file;

    ck_assert_int_lt(snprintf(temporary, sizeof(temporary), "%s/.tmp", runtime_dir), PATH_MAX);
    ck_assert_int_lt(snprintf(target, sizeof(target), "%s/isolation.state", runtime_dir),
                     PATH_MAX);
    ck_assert_ptr_nonnull(file = fopen(temporary, "w"));
    fputs("restricted\n", file);
    ck_assert_int_eq(fclose(file), 0);
    ck_assert_int_eq(rename(temporary, target), 0);
}

/* Readable with a non-zero counter, which is all a signal is (its value is not portable). */
static int signalled(int fd)
{
    struct pollfd readable = { .fd = fd, .events = POLLIN };
    uint64_t counter = 0;

    return poll(&readable, 1, SIGNAL_TIMEOUT_MS) == 1 &&
           read(fd, &counter, sizeof(counter)) == (ssize_t)sizeof(counter) && counter != 0;
}

START_TEST(unloading_a_subscribed_library_is_harmless)
{
    const char *top_builddir = getenv("top_builddir");
    initialize_function initialize;
    union symbol symbol;
    void *handle;
    int fd, round;

    snprintf(library, sizeof(library), "%s/lib/.libs/libnaputil.so.0",
             top_builddir != NULL ? top_builddir : "..");
    if (access(library, R_OK) != 0) {
        fprintf(stderr, "# SKIP %s: no shared library (configured --disable-shared?)\n", library);
        return;
    }
    snprintf(root, sizeof(root), "%s/naputil-unload-XXXXXX",
             getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(root));
    ck_assert_int_lt(snprintf(runtime_dir, sizeof(runtime_dir), "%s/run", root), PATH_MAX);
    ck_assert_int_eq(mkdir(runtime_dir, 0755), 0);
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);

    handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(handle != NULL, "dlopen: %s", dlerror());
    symbol.object = dlsym(handle, "InitializeNapAgentNotifier");
    ck_assert_ptr_nonnull(symbol.object);
    initialize = symbol.initialize;
    fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(initialize(napNotifyTypeQuarState, (HANDLE)(intptr_t)fd), S_OK);
    ck_assert_int_eq(dlclose(handle), 0);

    /* The watcher wakes up for each update, in the library's code, and still signals. */
    for (round = 0; round < 5; round++) {
        replace_isolation_state();
        ck_assert_msg(signalled(fd), "round %d was not signalled", round);
    }
    /* The library is still loaded, as the manual says; the subscription ends through it. */
    handle = dlopen(library, RTLD_NOW | RTLD_NOLOAD);
    ck_assert_ptr_nonnull(handle);
    symbol.object = dlsym(handle, "UninitializeNapAgentNotifier");
    ck_assert_ptr_nonnull(symbol.object);
    symbol.uninitialize(napNotifyTypeQuarState);
    dlclose(handle);
    close(fd);
    if (snprintf(library, sizeof(library), "%s/isolation.state", runtime_dir) < PATH_MAX)
        unlink(library);
    rmdir(runtime_dir);
    rmdir(root);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("notifier unload");
    TCase *tcase = tcase_create("dlclose");
    SRunner *runner;
    int failed;

    tcase_add_test(tcase, unloading_a_subscribed_library_is_harmless);
    tcase_set_timeout(tcase, 60);
    suite_add_tcase(suite, tcase);
    runner = srunner_create(suite);
    srunner_run_all(runner, CK_ENV);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
