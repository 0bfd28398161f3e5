/*
 * check_notifier.c - tests of the agent notifier (lib/notifier.c): the
 * return values, which state-file event signals which subscriber, a runtime
 * directory that appears late or is replaced, the watcher's thread and
 * descriptors, repeated and concurrent use, and fork().
 *
 * Every test has its own runtime directory under a temporary root, named by
 * NAPUTIL_RUNTIME_DIR.  Tests wait for signals by polling the eventfd with a
 * generous timeout, and never sleep for a fixed time instead.
 *
 * A signal is an eventfd that became readable with a non-zero counter; no
 * test looks at how many signals arrived.  The manual promises no count
 * (several changes may be folded into one wake-up, one change may be
 * reported more than once), and under qemu-user the counter's value is not
 * portable (see testutil.h).  So, to show that an event did NOT signal a
 * subscriber, a test follows it with a later event whose signal can only
 * come from that later event: the watcher is one thread that handles events
 * in order, so once that signal is seen the first event was handled
 * entirely, and a wrong signal of it would be pending.
 *
 * Thread and descriptor counts are waited for, bounded (testutil.h): a
 * watcher thread that the last Uninitialize has joined may still be listed
 * in /proc for a moment, which under qemu-user can be long enough to see.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/auxv.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "naputil.h"
#include "notifier_inject.h"
#include "testutil.h"

/* Long enough for a loaded machine under valgrind or qemu; only a failing test waits this long. */
#define SIGNAL_TIMEOUT_MS 20000
/*
 * How long the end of a test listens for a signal that should not come.  A
 * safety net only: a working library has sent every signal, and the test
 * has taken it, by then, so this cannot fail it; a wrong signal later than
 * this slips through, and the checks that matter do not depend on it.
 */
#define QUIET_PERIOD_MS 100
/*
 * Check's own limit per test, in seconds.  Above the waits of the tests
 * (SIGNAL_TIMEOUT_MS, COUNT_TIMEOUT_MS), so that a failing test reports
 * the assertion that failed rather than a timeout, and so that a slow
 * emulator is not mistaken for a failure.
 */
#define TEST_TIMEOUT_SECONDS 60

/* The name the library gives its watcher thread (see the manual's NOTES). */
#define WATCHER_THREAD_NAME "naputil-notify"

#define ALREADY_INITIALIZED HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED)

static char root[PATH_MAX];        /* the temporary root of this test */
static char runtime_dir[PATH_MAX]; /* root/run: NAPUTIL_RUNTIME_DIR */

static const char *const file_of_type[] = { NULL, "agent.state", "isolation.state" };

static HANDLE as_handle(int fd)
{
    return (HANDLE)(intptr_t)fd;
}

static int new_eventfd(void)
{
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

    ck_assert_int_ge(fd, 0);
    return fd;
}

/*
 * Waits for fd to be signalled, and takes the signal: its counter is read,
 * which resets it.  However many signals were pending, they count as one.
 */
static void await_signal(int fd)
{
    expect_signalled(fd, SIGNAL_TIMEOUT_MS);
}

/* Nothing is pending on fd now (a subscriber that must not have been signalled). */
static void expect_unsignalled(int fd)
{
    ck_assert_msg(!is_signalled(fd), "descriptor %d was signalled", fd);
}

/* A signal that should never come: listens for a short while. */
static void expect_quiet(int fd)
{
    struct pollfd readable = { .fd = fd, .events = POLLIN };

    ck_assert_int_eq(poll(&readable, 1, QUIET_PERIOD_MS), 0);
}

/* The library's watcher threads, once their number is expected (waited for, bounded). */
static int watcher_threads_become(int expected)
{
    return wait_for_threads_named(WATCHER_THREAD_NAME, expected);
}

static void path_in(char *path, const char *directory, const char *name)
{
    ck_assert_int_lt(snprintf(path, PATH_MAX, "%s/%s", directory, name), PATH_MAX);
}

/* The way an agent updates a state file: write a temporary file, rename it over. */
static void replace_file(const char *name, const char *line)
{
    char temporary[PATH_MAX], target[PATH_MAX];
    FILE *file;

    path_in(temporary, runtime_dir, ".tmp");
    path_in(target, runtime_dir, name);
    file = fopen(temporary, "w");
    ck_assert_ptr_nonnull(file);
    fputs(line, file);
    ck_assert_int_eq(fclose(file), 0);
    ck_assert_int_eq(rename(temporary, target), 0);
}

/* Creates the file and closes it unwritten: an IN_CREATE alone, as inotify(7) describes. */
static void create_empty_file(const char *name)
{
    char path[PATH_MAX];
    int fd;

    path_in(path, runtime_dir, name);
    fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(close(fd), 0);
}

static void write_file(const char *name, int flags)
{
    char path[PATH_MAX];
    int fd;

    path_in(path, runtime_dir, name);
    fd = open(path, O_WRONLY | O_CLOEXEC | flags, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "x\n", 2), 2);
    ck_assert_int_eq(close(fd), 0);
}

/* A regular file at path, where the runtime directory or one above it should be. */
static void write_file_at(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(close(fd), 0);
}

static void remove_file(const char *name)
{
    char path[PATH_MAX];

    path_in(path, runtime_dir, name);
    ck_assert_int_eq(unlink(path), 0);
}

/*
 * One more event on a state file that leaves it present or absent as it
 * was: a new version renamed onto it, or, when it is absent, a create and a
 * removal.  Either signals the file's subscriber at least once (the latter
 * maybe twice).
 */
static void touch_state_file(const char *name)
{
    char path[PATH_MAX];

    path_in(path, runtime_dir, name);
    if (access(path, F_OK) == 0) {
        replace_file(name, "marker\n");
    } else {
        create_empty_file(name);
        remove_file(name);
    }
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void make_runtime_root(void)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(root, sizeof(root), "%s/naputil-notifier-XXXXXX", tmp != NULL ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(root));
    path_in(runtime_dir, root, "run");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);
}

static void set_up(void)
{
    make_runtime_root();
    ck_assert_int_eq(mkdir(runtime_dir, 0755), 0);
}

static void set_up_without_directory(void)
{
    make_runtime_root();
}

/* Each test leaves no subscription behind, even when it failed half-way (CK_FORK=no). */
static void tear_down(void)
{
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    inject_reset();
    remove_tree(root);
}

/* Subscribes both types; fds[1] and fds[2] are their eventfds. */
static void subscribe_both(int fds[3])
{
    fds[0] = -1;
    fds[napNotifyTypeServiceState] = new_eventfd();
    fds[napNotifyTypeQuarState] = new_eventfd();
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState,
                                                as_handle(fds[napNotifyTypeServiceState])), S_OK);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState,
                                                as_handle(fds[napNotifyTypeQuarState])), S_OK);
}

static void unsubscribe_and_close(int fds[3])
{
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    close(fds[napNotifyTypeServiceState]);
    close(fds[napNotifyTypeQuarState]);
}

/* Unsubscribes both, then checks that nothing was signalled beyond what the test took. */
static void unsubscribe_both(int fds[3])
{
    expect_quiet(fds[napNotifyTypeServiceState]);
    expect_quiet(fds[napNotifyTypeQuarState]);
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    expect_unsignalled(fds[napNotifyTypeServiceState]);
    expect_unsignalled(fds[napNotifyTypeQuarState]);
    close(fds[napNotifyTypeServiceState]);
    close(fds[napNotifyTypeQuarState]);
}

static NapNotifyType other_type(NapNotifyType type)
{
    return type == napNotifyTypeServiceState ? napNotifyTypeQuarState : napNotifyTypeServiceState;
}

/*
 * After the test's last action, an event on type's file, that must signal
 * type and never the other type.  Both subscribers must have had nothing
 * pending or on its way before that event.
 *
 * 1. type is signalled: the event signalled its own type.
 * 2. type's file is touched, and type is signalled again.  That signal was
 *    sent after step 1 took the first one, so it comes from an event the
 *    watcher handled later; as it handles events one at a time, in order,
 *    the event that sent the first signal has been handled entirely.
 * 3. So the other type must have nothing pending: a wrong signal of that
 *    event would be there now.  This replaces an exact count of type's
 *    signals, which the manual does not promise and qemu-user garbles (see
 *    the top of the file), without losing what the count proved.
 * 4. A new version of the other type's file is renamed onto it (one
 *    signalling inotify event, whether or not the file existed) and its
 *    signal awaited; in a working library that signal can only come from
 *    this rename, so everything before it has been handled, and what type
 *    still has pending (a second inotify event of the same action, say a
 *    create's close-after-write, or of step 2's touch) can be dropped.
 *    Both subscribers are clean again for the next event.
 */
static void expect_signalled_alone(int fds[3], NapNotifyType type)
{
    NapNotifyType other = other_type(type);

    await_signal(fds[type]);
    touch_state_file(file_of_type[type]);
    await_signal(fds[type]);
    expect_unsignalled(fds[other]);
    replace_file(file_of_type[other], "marker\n");
    await_signal(fds[other]);
    drain_signals(fds[type]);
}

/*
 * Shows that neither subscriber has anything pending or on its way, once
 * each has taken every signal the test's events should have sent.  First
 * nothing may be pending now.  Then isolation.state is updated: in a
 * working library only that update signals its subscriber, so once the
 * signal is seen the watcher has handled every earlier event, and
 * agent.state's subscriber must still have nothing; and the same the other
 * way round.  Without counts this is certain only for a wrong signal that
 * fell on agent.state's subscriber alone: one that reached isolation.state's
 * subscriber after the first look may be taken along with that update's own
 * signal, unseen; the quiet period of unsubscribe_both is the net there.
 */
static void expect_nothing_else_pending(int fds[3])
{
    expect_unsignalled(fds[napNotifyTypeServiceState]);
    expect_unsignalled(fds[napNotifyTypeQuarState]);
    replace_file("isolation.state", "settle\n");
    await_signal(fds[napNotifyTypeQuarState]);
    expect_unsignalled(fds[napNotifyTypeServiceState]);
    replace_file("agent.state", "settle\n");
    await_signal(fds[napNotifyTypeServiceState]);
    expect_unsignalled(fds[napNotifyTypeQuarState]);
}

/*
 * Waits (bounded) until the watcher has handled every event so far, and
 * sent every signal they cause: a file the watcher ignores is created in
 * the runtime directory, which must be watched, and the watcher's reads
 * are watched for its event (notifier_inject.h).  No signal is used, as
 * one cannot tell a signal of that event from a late one of an earlier.
 */
static void wait_until_handled(void)
{
    struct timespec pause = { .tv_sec = 0, .tv_nsec = 1000000 };
    int waited;

    inject_mark(".handled");
    create_empty_file(".handled");
    remove_file(".handled");
    for (waited = 0; !marker_handled() && waited < SIGNAL_TIMEOUT_MS; waited++)
        nanosleep(&pause, NULL);
    ck_assert_msg(marker_handled(), "the watcher did not handle its events in time");
}

/* Takes what is pending on both subscribers once every earlier event has been handled. */
static void settle(int fds[3])
{
    wait_until_handled();
    drain_signals(fds[napNotifyTypeServiceState]);
    drain_signals(fds[napNotifyTypeQuarState]);
}

/*
 * Shows that the runtime directory (runtime_dir, as it is named now) is
 * watched, whatever signals are still pending or on their way from what
 * the test did before: agent.state is updated twice, and each update must
 * be followed by a signal.  The watcher sends a "look again" signal when the
 * path becomes watchable, and a signal for each update it sees, so in a
 * working library the first signal means the directory is watched by then
 * and the second update is seen.  A watcher that gave up, or watches
 * another directory, may have one stale signal to give, never two.
 */
static void expect_watched(int fds[3])
{
    replace_file("agent.state", "look\n");
    await_signal(fds[napNotifyTypeServiceState]);
    replace_file("agent.state", "again\n");
    await_signal(fds[napNotifyTypeServiceState]);
    settle(fds);
}

/* An update of a state file in a directory that is no longer the runtime directory signals nobody. */
static void expect_not_followed(int fds[3], const char *old_directory)
{
    char file[PATH_MAX];
    FILE *f;

    path_in(file, old_directory, "agent.state");
    ck_assert_ptr_nonnull(f = fopen(file, "w"));
    ck_assert_int_eq(fclose(f), 0);
    /* Once the watcher has handled the write above, a signal of it would be pending. */
    wait_until_handled();
    expect_unsignalled(fds[napNotifyTypeServiceState]);
    expect_unsignalled(fds[napNotifyTypeQuarState]);
}

/* ---- return values ---- */

START_TEST(unknown_types_are_invalid)
{
    static const int types[] = { napNotifyTypeUnknown, 3, 100, -1 };
    int fd = new_eventfd();
    int i;

    for (i = 0; i < COUNT_OF(types); i++)
        ck_assert_int_eq(InitializeNapAgentNotifier((NapNotifyType)types[i], as_handle(fd)),
                         E_INVALIDARG);
    /* Nothing subscribed, so no watcher runs (the previous test's may take a moment to go). */
    ck_assert_int_eq(watcher_threads_become(0), 0);
    close(fd);
}
END_TEST

START_TEST(descriptors_that_are_not_open_are_invalid)
{
    int closed = new_eventfd();
    int descriptors;

    close(closed);
    descriptors = count_descriptors();
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, NULL), E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, (HANDLE)(intptr_t)-1),
                     E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(closed)),
                     E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState,
                                                (HANDLE)(intptr_t)((int64_t)INT_MAX + 1)),
                     E_INVALIDARG);
    ck_assert_int_eq(wait_for_descriptors(descriptors), descriptors);
}
END_TEST

START_TEST(second_subscription_of_a_type_is_refused)
{
    int fds[3];
    int second = new_eventfd();

    subscribe_both(fds);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(second)),
                     ALREADY_INITIALIZED);
    ck_assert_int_eq((uint32_t)ALREADY_INITIALIZED, 0x800704DFu);
    ck_assert(FAILED(ALREADY_INITIALIZED));
    /* The first subscription is untouched, and the refused descriptor is never signalled. */
    replace_file("agent.state", "1\n");
    expect_signalled_alone(fds, napNotifyTypeServiceState);
    expect_unsignalled(second);
    unsubscribe_both(fds);
    close(second);
}
END_TEST

START_TEST(uninitialize_without_initialize_does_nothing)
{
    int descriptors;
    int fd;

    ck_assert_int_eq(watcher_threads_become(0), 0);
    descriptors = count_descriptors();
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    UninitializeNapAgentNotifier(napNotifyTypeUnknown);
    UninitializeNapAgentNotifier((NapNotifyType)42);
    ck_assert_int_eq(watcher_threads_become(0), 0);
    ck_assert_int_eq(wait_for_descriptors(descriptors), descriptors);

    fd = new_eventfd();
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(fd)), S_OK);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    close(fd);
}
END_TEST

/*
 * A runtime directory beneath a regular file cannot exist yet, but it can
 * once the file is replaced: the subscription is made, and the watcher
 * waits for that (it used to fail with E_FAIL, and then never look again).
 */
START_TEST(runtime_directory_beneath_a_file_is_waited_for)
{
    char file[PATH_MAX], beneath[PATH_MAX], a[PATH_MAX];
    int fds[3];

    write_file("plain", O_CREAT | O_EXCL);
    path_in(file, runtime_dir, "plain");
    path_in(a, file, "a");
    path_in(beneath, a, "b");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", beneath, 1), 0);
    subscribe_both(fds);
    ck_assert_int_eq(watcher_threads_become(1), 1);

    ck_assert_int_eq(unlink(file), 0);
    ck_assert_int_eq(mkdir(file, 0755), 0);
    ck_assert_int_eq(mkdir(a, 0755), 0);
    ck_assert_int_eq(mkdir(beneath, 0755), 0);
    snprintf(runtime_dir, sizeof(runtime_dir), "%s", beneath);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

START_TEST(runtime_directory_name_too_long_fails)
{
    char *name = malloc(PATH_MAX + 16);
    int fd = new_eventfd();

    memset(name, 'a', PATH_MAX + 15);
    name[0] = '/';
    name[PATH_MAX + 15] = '\0';
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", name, 1), 0);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(fd)), E_FAIL);
    free(name);
    close(fd);
}
END_TEST

/*
 * Initialize creates three descriptors: its duplicate of the eventfd, the
 * inotify descriptor and the watcher's stop eventfd.  With the descriptor
 * limit set so that the first, second or third cannot be created, it fails
 * with E_FAIL and leaves nothing open; with room for all three it works.
 */
START_TEST(descriptor_exhaustion_fails_cleanly)
{
    struct rlimit saved, limited;
    int fd = new_eventfd();
    int next_free = dup(fd);
    int room;

    close(next_free);
    ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &saved), 0);
    for (room = 0; room <= 3; room++) {
        int descriptors = count_descriptors();
        HRESULT hr;

        limited = saved;
        limited.rlim_cur = (rlim_t)(next_free + room);
        ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &limited), 0);
        hr = InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd));
        ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &saved), 0);
        if (room < 3) {
            ck_assert_int_eq(hr, E_FAIL);
            ck_assert_int_eq(wait_for_descriptors(descriptors), descriptors);
        } else {
            ck_assert_int_eq(hr, S_OK);
        }
    }
    replace_file("agent.state", "1\n");
    await_signal(fd);
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    close(fd);
}
END_TEST

/* ---- which event signals whom ---- */

/*
 * _i is the type under test: 1 (agent.state) or 2 (isolation.state).
 *
 * This test used to count a create-and-write as two signals (IN_CREATE and
 * IN_CLOSE_WRITE) and the other events as one each.  The counts are gone,
 * as the manual promises none and under qemu-user the counter's value
 * cannot be trusted (see the top of the file); what they proved stays:
 * each kind of inotify event the library follows is produced alone once
 * (a create of an empty file, a removal, a write-and-close, a rename onto;
 * a rename away is the next test's), so a kind that stopped signalling
 * would time out here, and expect_signalled_alone shows after each that
 * the other type heard nothing.
 */
START_TEST(each_state_file_event_signals_its_type_only)
{
    NapNotifyType type = (NapNotifyType)_i;
    const char *name = file_of_type[type];
    int fds[3];

    subscribe_both(fds);

    /* Creating it and closing it unwritten: an IN_CREATE alone. */
    create_empty_file(name);
    expect_signalled_alone(fds, type);

    /* Deleting it: an IN_DELETE alone. */
    remove_file(name);
    expect_signalled_alone(fds, type);

    /* Creating it with open(), writing and closing: a create and a close-after-write. */
    write_file(name, O_CREAT | O_EXCL);
    expect_signalled_alone(fds, type);

    /* Writing to the existing file and closing it: an IN_CLOSE_WRITE alone. */
    write_file(name, O_TRUNC);
    expect_signalled_alone(fds, type);

    /* Renaming a new version onto it, as agents do: an IN_MOVED_TO alone. */
    replace_file(name, "2\n");
    expect_signalled_alone(fds, type);

    /* Deleting it once more, after all of that. */
    remove_file(name);
    expect_signalled_alone(fds, type);

    unsubscribe_both(fds);
}
END_TEST

START_TEST(renaming_a_state_file_away_signals)
{
    char from[PATH_MAX], to[PATH_MAX];
    int fds[3];

    subscribe_both(fds);
    replace_file("isolation.state", "restricted\n");
    expect_signalled_alone(fds, napNotifyTypeQuarState);
    path_in(from, runtime_dir, "isolation.state");
    path_in(to, runtime_dir, "isolation.old");
    /* An IN_MOVED_FROM alone. */
    ck_assert_int_eq(rename(from, to), 0);
    expect_signalled_alone(fds, napNotifyTypeQuarState);
    unsubscribe_both(fds);
}
END_TEST

START_TEST(other_files_signal_nobody)
{
    static const char *const others[] = {
        "agent.stat", "agent.state.new", "Agent.state", "isolation", "xagent.state",
        ".agent.state",
    };
    char subdirectory[PATH_MAX];
    int fds[3];
    int i;

    subscribe_both(fds);
    for (i = 0; i < COUNT_OF(others); i++) {
        write_file(others[i], O_CREAT | O_EXCL);
        replace_file(others[i], "y\n");
        remove_file(others[i]);
    }
    /* A directory that takes a state file's name is not a state file. */
    path_in(subdirectory, runtime_dir, "agent.state");
    ck_assert_int_eq(mkdir(subdirectory, 0755), 0);
    ck_assert_int_eq(rmdir(subdirectory), 0);

    /* None of that may have signalled either subscriber. */
    expect_nothing_else_pending(fds);
    unsubscribe_both(fds);
}
END_TEST

START_TEST(two_subscribers_each_hear_their_own_file)
{
    int fds[3];
    int round;

    subscribe_both(fds);
    for (round = 0; round < 20; round++) {
        replace_file("agent.state", "1\n");
        replace_file("isolation.state", "restricted\n");
        await_signal(fds[napNotifyTypeServiceState]);
        await_signal(fds[napNotifyTypeQuarState]);
    }
    /*
     * Each round sends each subscriber one signal, which the round took.
     * The rounds used to count exactly one per subscriber; without counts,
     * the end shows that no round left a signal, its own or the other
     * file's, behind.
     */
    expect_nothing_else_pending(fds);
    unsubscribe_both(fds);
}
END_TEST

/* After Uninitialize of one type, its eventfd hears nothing, while the other type still does. */
START_TEST(unsubscribed_type_hears_nothing)
{
    int fds[3];

    subscribe_both(fds);
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    /* The watcher carries on for the other subscriber. */
    ck_assert_int_eq(watcher_threads_become(1), 1);
    replace_file("agent.state", "1\n");
    replace_file("isolation.state", "restricted\n");
    /*
     * isolation.state changed last; once its subscriber is signalled, the
     * change of agent.state was handled too, and would have signalled its
     * former subscriber by now.
     */
    await_signal(fds[napNotifyTypeQuarState]);
    expect_unsignalled(fds[napNotifyTypeServiceState]);

    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState,
                                                as_handle(fds[napNotifyTypeServiceState])), S_OK);
    replace_file("agent.state", "1\n");
    expect_signalled_alone(fds, napNotifyTypeServiceState);
    unsubscribe_both(fds);
}
END_TEST

/* The library signals its own duplicate, never a file that reused the caller's number. */
START_TEST(caller_may_close_its_descriptor_early)
{
    int event = new_eventfd();
    int view = dup(event);
    int pipe_fds[2];
    char byte;

    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(event)), S_OK);
    close(event);
    ck_assert_int_eq(pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC), 0);
    replace_file("isolation.state", "restricted\n");
    await_signal(view);
    ck_assert_int_eq(read(pipe_fds[0], &byte, 1), -1);
    ck_assert_int_eq(errno, EAGAIN);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    close(view);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
}
END_TEST

/* ---- a runtime directory that is missing, appears or is replaced ---- */

/*
 * Puts the runtime directory in place at once, with the given state files
 * already in it, the way an agent that prepares its directory elsewhere
 * does.  The files raise no event of their own: their subscribers hear of
 * them because the watcher looks into the directory when it appears.
 */
static void move_in_runtime_dir(const char *const files[], int count)
{
    char prepared[PATH_MAX], file[PATH_MAX];
    int i;

    path_in(prepared, root, "prepared");
    ck_assert_int_eq(mkdir(prepared, 0755), 0);
    for (i = 0; i < count; i++) {
        FILE *f;

        path_in(file, prepared, files[i]);
        ck_assert_ptr_nonnull(f = fopen(file, "w"));
        fclose(f);
    }
    ck_assert_int_eq(rename(prepared, runtime_dir), 0);
}

static const char *const both_state_files[] = { "agent.state", "isolation.state" };

START_TEST(missing_directory_is_waited_for)
{
    char a[PATH_MAX], b[PATH_MAX];
    int fds[3];

    /* Three levels are missing: root/a/b/run. */
    path_in(a, root, "a");
    path_in(b, a, "b");
    path_in(runtime_dir, b, "run");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);
    subscribe_both(fds);

    ck_assert_int_eq(mkdir(a, 0755), 0);
    ck_assert_int_eq(mkdir(b, 0755), 0);
    move_in_runtime_dir(both_state_files, 1);
    await_signal(fds[napNotifyTypeServiceState]);

    /* The directory is watched now. */
    replace_file("isolation.state", "restricted\n");
    await_signal(fds[napNotifyTypeQuarState]);
    unsubscribe_and_close(fds);
}
END_TEST

START_TEST(directory_arriving_with_state_files_signals)
{
    int fds[3];

    subscribe_both(fds);
    ck_assert_int_eq(rmdir(runtime_dir), 0);
    move_in_runtime_dir(both_state_files, 2);
    await_signal(fds[napNotifyTypeServiceState]);
    await_signal(fds[napNotifyTypeQuarState]);
    replace_file("agent.state", "2\n");
    await_signal(fds[napNotifyTypeServiceState]);
    unsubscribe_and_close(fds);
}
END_TEST

START_TEST(directory_removed_and_created_again)
{
    int fds[3];
    int round;

    subscribe_both(fds);
    ck_assert_int_eq(rmdir(runtime_dir), 0);
    for (round = 0; round < 5; round++) {
        move_in_runtime_dir(both_state_files, 1);
        await_signal(fds[napNotifyTypeServiceState]);
        replace_file("agent.state", "1\n");
        await_signal(fds[napNotifyTypeServiceState]);
        /* The agent stops: its file goes, then its directory. */
        remove_file("agent.state");
        await_signal(fds[napNotifyTypeServiceState]);
        ck_assert_int_eq(rmdir(runtime_dir), 0);
    }
    move_in_runtime_dir(both_state_files + 1, 1);
    await_signal(fds[napNotifyTypeQuarState]);
    unsubscribe_and_close(fds);
}
END_TEST

START_TEST(directory_named_with_trailing_slash)
{
    char with_slash[PATH_MAX];
    int fds[3];

    ck_assert_int_lt(snprintf(with_slash, sizeof(with_slash), "%s//", runtime_dir), PATH_MAX);
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", with_slash, 1), 0);
    subscribe_both(fds);
    move_in_runtime_dir(both_state_files + 1, 1);
    await_signal(fds[napNotifyTypeQuarState]);
    replace_file("isolation.state", "inprobation\n");
    await_signal(fds[napNotifyTypeQuarState]);
    unsubscribe_and_close(fds);
}
END_TEST

/* A relative name is taken from the working directory at the first subscription. */
START_TEST(relative_directory_is_waited_for)
{
    char saved_cwd[PATH_MAX];
    int fds[3];

    ck_assert_ptr_nonnull(getcwd(saved_cwd, sizeof(saved_cwd)));
    ck_assert_int_eq(chdir(root), 0);
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", "run", 1), 0);
    subscribe_both(fds);
    ck_assert_int_eq(chdir(saved_cwd), 0);
    move_in_runtime_dir(both_state_files + 1, 1);
    await_signal(fds[napNotifyTypeQuarState]);
    unsubscribe_and_close(fds);
}
END_TEST

/*
 * With NAPUTIL_RUNTIME_DIR unset or empty the watcher follows /run/naputil,
 * or waits for it; a directory right beneath / is waited for on / itself.
 * Only whether the subscription works can be checked here, as the test
 * must not create directories outside its own.
 */
START_TEST(default_and_top_level_directories_are_accepted)
{
    static const char *const names[] = { NULL, "", "/naputil-test-absent-directory" };
    int fd = new_eventfd();
    int i;

    for (i = 0; i < COUNT_OF(names); i++) {
        if (names[i] == NULL)
            ck_assert_int_eq(unsetenv("NAPUTIL_RUNTIME_DIR"), 0);
        else
            ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", names[i], 1), 0);
        ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)),
                         S_OK);
        /* Waited for, as the previous round's watcher, joined, may still be listed. */
        ck_assert_int_eq(watcher_threads_become(1), 1);
        UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    }
    ck_assert_int_eq(watcher_threads_become(0), 0);
    close(fd);
}
END_TEST

/* A relative name needs the working directory; once that is removed, it cannot be followed. */
START_TEST(relative_directory_without_working_directory_fails)
{
    char saved_cwd[PATH_MAX], gone[PATH_MAX];
    int fd = new_eventfd();
    HRESULT hr;

    ck_assert_ptr_nonnull(getcwd(saved_cwd, sizeof(saved_cwd)));
    path_in(gone, root, "gone");
    ck_assert_int_eq(mkdir(gone, 0755), 0);
    ck_assert_int_eq(chdir(gone), 0);
    ck_assert_int_eq(rmdir(gone), 0);
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", "run", 1), 0);
    hr = InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd));
    ck_assert_int_eq(chdir(saved_cwd), 0);
    ck_assert_int_eq(hr, E_FAIL);
    ck_assert_int_eq(watcher_threads_become(0), 0);
    close(fd);
}
END_TEST

/* ---- the watcher's lifetime ---- */

START_TEST(last_uninitialize_leaves_no_thread_or_descriptor)
{
    int descriptors;
    int fds[3];

    /* Without a subscriber there is no watcher, so the counts below are absolute. */
    ck_assert_int_eq(watcher_threads_become(0), 0);
    fds[napNotifyTypeServiceState] = new_eventfd();
    fds[napNotifyTypeQuarState] = new_eventfd();
    descriptors = count_descriptors();

    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState,
                                                as_handle(fds[napNotifyTypeServiceState])), S_OK);
    /* One watcher thread; an inotify descriptor, a stop eventfd and our duplicate. */
    ck_assert_int_eq(watcher_threads_become(1), 1);
    ck_assert_int_eq(wait_for_descriptors(descriptors + 3), descriptors + 3);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState,
                                                as_handle(fds[napNotifyTypeQuarState])), S_OK);
    ck_assert_int_eq(watcher_threads_become(1), 1);
    ck_assert_int_eq(wait_for_descriptors(descriptors + 4), descriptors + 4);

    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    ck_assert_int_eq(watcher_threads_become(1), 1);
    ck_assert_int_eq(wait_for_descriptors(descriptors + 3), descriptors + 3);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    ck_assert_int_eq(watcher_threads_become(0), 0);
    ck_assert_int_eq(wait_for_descriptors(descriptors), descriptors);
    close(fds[napNotifyTypeServiceState]);
    close(fds[napNotifyTypeQuarState]);
}
END_TEST

START_TEST(thousand_cycles_leak_nothing)
{
    int fd = new_eventfd();
    int descriptors = count_descriptors();
    long blocks = live_heap_blocks();
    int threads_after, descriptors_after;
    long blocks_after;
    int cycle, failures = 0;

    for (cycle = 0; cycle < 1000; cycle++) {
        NapNotifyType type = cycle % 2 ? napNotifyTypeQuarState : napNotifyTypeServiceState;

        if (InitializeNapAgentNotifier(type, as_handle(fd)) != S_OK)
            failures++;
        UninitializeNapAgentNotifier(type);
    }
    blocks_after = live_heap_blocks();
    threads_after = watcher_threads_become(0);
    descriptors_after = wait_for_descriptors(descriptors);
    ck_assert_int_eq(failures, 0);
    ck_assert_int_eq(blocks_after, blocks);
    ck_assert_int_eq(threads_after, 0);
    ck_assert_int_eq(descriptors_after, descriptors);

    /* And the notifier still works afterwards. */
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)), S_OK);
    replace_file("agent.state", "1\n");
    await_signal(fd);
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    close(fd);
}
END_TEST

#define RACING_THREADS 4
#define RACING_CYCLES 250

struct racer {
    int fd;
    NapNotifyType type;
    int unexpected;             /* results other than S_OK and "already initialized" */
};

/*
 * Two threads race on each type.  Whoever gets S_OK owns the subscription
 * and ends it; the other is told the type is taken.
 */
static void *race_initialize_uninitialize(void *arg)
{
    struct racer *racer = arg;
    int cycle;

    for (cycle = 0; cycle < RACING_CYCLES; cycle++) {
        HRESULT hr = InitializeNapAgentNotifier(racer->type, as_handle(racer->fd));

        if (hr == S_OK)
            UninitializeNapAgentNotifier(racer->type);
        else if (hr != ALREADY_INITIALIZED)
            racer->unexpected++;
    }
    return NULL;
}

START_TEST(concurrent_initialize_and_uninitialize)
{
    struct racer racers[RACING_THREADS];
    pthread_t threads[RACING_THREADS];
    int descriptors;
    int i;

    for (i = 0; i < RACING_THREADS; i++) {
        racers[i].fd = new_eventfd();
        racers[i].type = i % 2 ? napNotifyTypeQuarState : napNotifyTypeServiceState;
        racers[i].unexpected = 0;
    }
    descriptors = count_descriptors();
    for (i = 0; i < RACING_THREADS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, race_initialize_uninitialize,
                                        &racers[i]), 0);
    /* An agent keeps working meanwhile, so the watcher signals while subscriptions come and go. */
    for (i = 0; i < 50; i++) {
        replace_file("agent.state", "1\n");
        replace_file("isolation.state", "restricted\n");
    }
    for (i = 0; i < RACING_THREADS; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);

    ck_assert_int_eq(watcher_threads_become(0), 0);
    ck_assert_int_eq(wait_for_descriptors(descriptors), descriptors);
    for (i = 0; i < RACING_THREADS; i++) {
        ck_assert_int_eq(racers[i].unexpected, 0);
        close(racers[i].fd);
    }
}
END_TEST

/* ---- fork() ---- */

/*
 * ThreadSanitizer cannot follow a thread started in the child of a threaded
 * process (it still knows the parent's threads), so built with it, the
 * child does not subscribe.
 */
#if defined(__SANITIZE_THREAD__)
#define CHILD_MAY_START_THREADS 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CHILD_MAY_START_THREADS 0
#endif
#endif
#ifndef CHILD_MAY_START_THREADS
#define CHILD_MAY_START_THREADS 1
#endif

/* The child subscribes on its own and hears its own update; 0 when it does. */
static int child_subscribes_and_hears(void)
{
    int fd = eventfd(0, EFD_NONBLOCK);

    if (InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)) != S_OK)
        return 3;
    if (watcher_threads_become(1) != 1)
        return 4;
    replace_file("agent.state", "from the child\n");
    if (wait_signalled_and_drain(fd, SIGNAL_TIMEOUT_MS) != 1)
        return 5;
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    close(fd);
    return 0;
}

/*
 * What the child of a subscribed process finds, as its exit status: 0 when
 * all is as documented.  It has no watcher thread, none of the library's
 * descriptors (no inotify descriptor, and of the five eventfds only the two
 * the test created), no subscription, and it can subscribe on its own.  Its
 * update of agent.state is for the parent to hear.
 */
static int child_sees_no_subscription(void)
{
    int status = 0;

    if (watcher_threads_become(0) != 0)
        return 1;
    if (wait_for_descriptors_to("anon_inode:inotify", 0) != 0 ||
        wait_for_descriptors_to("anon_inode:[eventfd]", 2) != 2)
        return 2;
    if (CHILD_MAY_START_THREADS)
        status = child_subscribes_and_hears();
    else
        replace_file("agent.state", "from the child\n");
    if (status != 0)
        return status;
    /* After the child's own last Uninitialize: waited for, as its joined watcher may linger. */
    if (watcher_threads_become(0) != 0 || wait_for_descriptors_to("anon_inode:inotify", 0) != 0 ||
        wait_for_descriptors_to("anon_inode:[eventfd]", 2) != 2)
        return 6;
    return 0;
}

START_TEST(fork_child_starts_unsubscribed)
{
    int fds[3];
    int status;
    pid_t child;

    subscribe_both(fds);
    ck_assert_int_eq(count_descriptors_to("anon_inode:inotify"), 1);
    ck_assert_int_eq(count_descriptors_to("anon_inode:[eventfd]"), 5);

    /* The child ends with exit(), which writes a coverage build's counters; nothing is buffered. */
    fflush(NULL);
    child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0)
        exit(child_sees_no_subscription());
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);

    /* The child's update reached the parent's subscriber too, and the parent still hears. */
    await_signal(fds[napNotifyTypeServiceState]);
    replace_file("agent.state", "from the parent\n");
    expect_signalled_alone(fds, napNotifyTypeServiceState);
    unsubscribe_both(fds);
}
END_TEST

/* ---- endurance: the watcher follows the name, and never gives up ---- */

static void make_directory_in(char *path, const char *directory, const char *name)
{
    path_in(path, directory, name);
    ck_assert_int_eq(mkdir(path, 0755), 0);
}

/* Points the symbolic link at target atomically, as ln -sfn does: a new link renamed over it. */
static void point_link(const char *link, const char *target)
{
    char temporary[PATH_MAX];

    ck_assert_int_lt(snprintf(temporary, sizeof(temporary), "%s.new", link), PATH_MAX);
    ck_assert_int_eq(symlink(target, temporary), 0);
    ck_assert_int_eq(rename(temporary, link), 0);
}

/*
 * Makes the file system change that change() makes, and waits (bounded)
 * until the watcher has acted on it, so that the next change is not seen
 * together with this one: the watcher must be idle (waiting for an event,
 * with no timer due) before.  Returns whether the watcher acted in time.
 */
static bool watcher_acts_on(void (*change)(void))
{
    struct timespec pause = { .tv_sec = 0, .tv_nsec = 1000000 };
    int waited, before;

    for (waited = 0; watcher_waits() == 0 && waited < COUNT_TIMEOUT_MS; waited++)
        nanosleep(&pause, NULL);
    before = watcher_waits();
    change();
    for (waited = 0; watcher_waits() == before && waited < COUNT_TIMEOUT_MS; waited++)
        nanosleep(&pause, NULL);
    return watcher_waits() != before;
}

static void make_runtime_path_a_file(void)
{
    write_file_at(runtime_dir);
}

/*
 * For a moment the runtime path is a regular file, then the agent makes it
 * a directory.  The watcher must have seen the file before it goes.
 */
START_TEST(runtime_path_briefly_a_regular_file)
{
    int fds[3];

    subscribe_both(fds);
    ck_assert(watcher_acts_on(make_runtime_path_a_file));
    ck_assert_int_eq(unlink(runtime_dir), 0);
    ck_assert_int_eq(mkdir(runtime_dir, 0755), 0);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/*
 * The parent of the runtime directory is renamed, and a new one takes its
 * name: the new directory is followed, the moved one no longer is.  Then
 * the parent's name is, for a moment, a regular file.
 */
START_TEST(renamed_parent_is_not_followed)
{
    char parent[PATH_MAX], moved[PATH_MAX], moved_run[PATH_MAX];
    int fds[3];

    path_in(parent, root, "p");
    path_in(moved, root, "moved");
    path_in(moved_run, moved, "run");
    ck_assert_int_eq(mkdir(parent, 0755), 0);
    make_directory_in(runtime_dir, parent, "run");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);
    subscribe_both(fds);

    ck_assert_int_eq(rename(parent, moved), 0);
    ck_assert_int_eq(mkdir(parent, 0755), 0);
    ck_assert_int_eq(mkdir(runtime_dir, 0755), 0);
    expect_watched(fds);
    expect_not_followed(fds, moved_run);

    /* The parent's name becomes a file, then a directory again. */
    remove_tree(parent);
    write_file_at(parent);
    ck_assert_int_eq(unlink(parent), 0);
    ck_assert_int_eq(mkdir(parent, 0755), 0);
    ck_assert_int_eq(mkdir(runtime_dir, 0755), 0);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/*
 * The runtime directory is reached through a symbolic link that is
 * re-pointed, by a relative and then an absolute target: the watcher
 * follows the link, not the directory it first led to.
 */
START_TEST(repointed_symlink_is_followed)
{
    char link[PATH_MAX], a[PATH_MAX], b[PATH_MAX], c[PATH_MAX], run_in_a[PATH_MAX];
    int fds[3];

    make_directory_in(a, root, "a");
    make_directory_in(b, root, "b");
    make_directory_in(c, root, "c");
    make_directory_in(run_in_a, a, "run");
    make_directory_in(runtime_dir, b, "run");
    make_directory_in(runtime_dir, c, "run");
    path_in(link, root, "link");
    ck_assert_int_eq(symlink("a", link), 0);
    path_in(runtime_dir, link, "run");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);
    subscribe_both(fds);
    expect_watched(fds);

    point_link(link, "b");
    expect_watched(fds);
    expect_not_followed(fds, run_in_a);

    /* readlink() fails once while the link is followed: the timer tries again. */
    inject_failure(INJECT_READLINK, 0, 1, EIO, true);
    point_link(link, c);
    expect_watched(fds);
    ck_assert_int_eq(injected_failures(INJECT_READLINK), 1);
    unsubscribe_both(fds);
}
END_TEST

/* A symbolic link that points at itself is a loop (ELOOP) until it is replaced. */
START_TEST(symlink_loop_is_waited_out)
{
    char link[PATH_MAX], prepared[PATH_MAX], run[PATH_MAX];
    int fds[3];

    path_in(link, root, "loop");
    ck_assert_int_eq(symlink("loop", link), 0);
    path_in(runtime_dir, link, "run");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);
    subscribe_both(fds);

    make_directory_in(prepared, root, "prepared");
    make_directory_in(run, prepared, "run");
    ck_assert_int_eq(unlink(link), 0);
    ck_assert_int_eq(rename(prepared, link), 0);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/*
 * Links to names that cannot be followed: a component longer than NAME_MAX,
 * and a target so long that, with the rest of the name, it exceeds
 * PATH_MAX.  Each is waited out until the link is re-pointed.
 */
START_TEST(links_to_impossible_names_are_waited_out)
{
    char link[PATH_MAX], real[PATH_MAX], run[PATH_MAX];
    char *target = malloc(PATH_MAX);
    int fds[3];
    int i;

    make_directory_in(real, root, "real");
    make_directory_in(run, real, "run");
    path_in(link, root, "link");
    memset(target, 'x', NAME_MAX + 10);
    target[NAME_MAX + 10] = '\0';
    ck_assert_int_eq(symlink(target, link), 0);
    path_in(runtime_dir, link, "run");
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", runtime_dir, 1), 0);
    subscribe_both(fds);
    point_link(link, "real");
    expect_watched(fds);

    /* "/a/a/.../a", with the rest of the name too long for PATH_MAX. */
    for (i = 0; i + 2 <= PATH_MAX - 2; i += 2)
        memcpy(target + i, "/a", 2);
    target[i] = '\0';
    point_link(link, target);
    point_link(link, "real");
    expect_watched(fds);
    unsubscribe_both(fds);
    free(target);
}
END_TEST

/*
 * "." and ".." in the name: root/run/sub/../. is root/run, which is also a
 * directory on the way, so it is watched for both reasons.  A change of
 * mode of a directory on the way signals nobody.
 */
START_TEST(dot_and_dot_dot_are_resolved)
{
    char sub[PATH_MAX], name[PATH_MAX];
    int fds[3];

    make_directory_in(sub, runtime_dir, "sub");
    ck_assert_int_lt(snprintf(name, sizeof(name), "%s/./sub/../.", runtime_dir), PATH_MAX);
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", name, 1), 0);
    subscribe_both(fds);
    ck_assert_int_eq(chmod(root, 0711), 0);
    ck_assert_int_eq(chmod(sub, 0700), 0);
    ck_assert_int_eq(chmod(runtime_dir, 0755), 0);
    expect_watched(fds);
    expect_nothing_else_pending(fds);
    unsubscribe_both(fds);
}
END_TEST

/* A path deeper than the watcher's table of watches is retried by the timer, and harms nothing. */
START_TEST(deeper_path_than_the_watch_table)
{
    char path[PATH_MAX];
    int fd = new_eventfd();
    int level;

    snprintf(path, sizeof(path), "%s", runtime_dir);
    for (level = 0; level < 80; level++) {
        ck_assert_int_lt(strlen(path) + 3, sizeof(path));
        strcat(path, "/d");
        ck_assert_int_eq(mkdir(path, 0755), 0);
    }
    ck_assert_int_eq(setenv("NAPUTIL_RUNTIME_DIR", path, 1), 0);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)), S_OK);
    ck_assert_int_eq(watcher_threads_become(1), 1);
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    ck_assert_int_eq(watcher_threads_become(0), 0);
    close(fd);
}
END_TEST

/* The user nobody: a subscriber that is not root, whom permissions apply to. */
#define NOBODY 65534

/*
 * Runs body in a child that is the user nobody; its exit status, or -1
 * when privileges cannot be dropped (the test is not run as root), which
 * the caller reports as a skip.  root is made nobody's, so that the child
 * may create its runtime directory there.
 */
static int run_as_nobody(int (*body)(void))
{
    int status;
    pid_t child;

    if (geteuid() != 0)
        return -1;
    ck_assert_int_eq(chown(root, NOBODY, NOBODY), 0);
    ck_assert_int_eq(chmod(root, 0755), 0);
    fflush(NULL);
    child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        if (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
            _exit(100);
        exit(body());
    }
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* Waits for a signal in a child, where Check's assertions cannot be used: 1 when signalled. */
static int child_awaits(int fd)
{
    return wait_signalled_and_drain(fd, SIGNAL_TIMEOUT_MS) == 1;
}

/*
 * As nobody: the runtime directory is created unreadable (mode 0300, as an
 * agent's mkdir under umask 077 is for anyone but the agent), a state file
 * is written into it, and then it is made readable.  The watcher cannot
 * watch it meanwhile (EACCES), and must pick it up once it can.
 */
static void make_unreadable_runtime_dir(void)
{
    if (mkdir(runtime_dir, 0) != 0)
        exit(6);
}

static int unreadable_directory_as_nobody(void)
{
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    char file[PATH_MAX];
    int out;

    if (InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)) != S_OK)
        return 1;
    /* The watcher must have met the unreadable directory before it is made readable. */
    if (!watcher_acts_on(make_unreadable_runtime_dir) || chmod(runtime_dir, 0300) != 0)
        return 2;
    if (snprintf(file, sizeof(file), "%s/agent.state", runtime_dir) >= (int)sizeof(file))
        return 2;
    out = open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (out < 0 || close(out) != 0 || chmod(runtime_dir, 0755) != 0)
        return 3;
    /* As expect_watched: two updates, each followed by a signal. */
    replace_file("agent.state", "look\n");
    if (!child_awaits(fd))
        return 4;
    replace_file("agent.state", "again\n");
    if (!child_awaits(fd))
        return 5;
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    close(fd);
    return 0;
}

START_TEST(directory_unreadable_for_a_while)
{
    int status;

    ck_assert_int_eq(rmdir(runtime_dir), 0);
    status = run_as_nobody(unreadable_directory_as_nobody);
    if (status < 0) {
        fprintf(stderr, "# SKIP directory_unreadable_for_a_while: not root, cannot become nobody\n");
        return;
    }
    ck_assert_int_eq(status, 0);
}
END_TEST

/* ---- trust: whose descriptors, whose directory ---- */

/* Descriptors that are not eventfds are refused, and nothing is written to them. */
START_TEST(only_eventfds_are_accepted)
{
    char file[PATH_MAX];
    int pipe_fds[2], sockets[2];
    int regular, null, inotify;
    struct stat st;

    path_in(file, root, "regular");
    regular = open(file, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    ck_assert_int_ge(regular, 0);
    ck_assert_int_eq(pipe2(pipe_fds, O_CLOEXEC), 0);
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets), 0);
    null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    ck_assert_int_ge(null, 0);
    inotify = inotify_init1(IN_CLOEXEC);
    ck_assert_int_ge(inotify, 0);

    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(regular)),
                     E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState,
                                                as_handle(pipe_fds[0])), E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState,
                                                as_handle(pipe_fds[1])), E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(sockets[0])),
                     E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(null)),
                     E_INVALIDARG);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(inotify)),
                     E_INVALIDARG);
    ck_assert_int_eq(watcher_threads_become(0), 0);

    /* Had one been accepted, this update would have written 8 bytes to it. */
    replace_file("agent.state", "1\n");
    ck_assert_int_eq(fstat(regular, &st), 0);
    ck_assert_int_eq(st.st_size, 0);
    close(regular);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    close(sockets[0]);
    close(sockets[1]);
    close(null);
    close(inotify);
}
END_TEST

/*
 * Without /proc (readlink() of /proc/self/fd/N fails), an eventfd is told
 * by its inode: a regular file is still refused, an eventfd accepted; and
 * when no eventfd can be made to compare with, the call fails.
 */
START_TEST(eventfds_are_told_without_proc)
{
    char file[PATH_MAX];
    int fd = new_eventfd();
    int regular;

    path_in(file, root, "regular");
    regular = open(file, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    ck_assert_int_ge(regular, 0);

    inject_failure(INJECT_READLINK, 0, 1, ENOENT, false);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(regular)),
                     E_INVALIDARG);
    ck_assert_int_eq(injected_failures(INJECT_READLINK), 1);
    inject_failure(INJECT_READLINK, 0, 1, ENOENT, false);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)), S_OK);
    ck_assert_int_eq(injected_failures(INJECT_READLINK), 1);
    replace_file("agent.state", "1\n");
    await_signal(fd);
    UninitializeNapAgentNotifier(napNotifyTypeServiceState);

    inject_failure(INJECT_READLINK, 0, 1, ENOENT, false);
    inject_failure(INJECT_EVENTFD, 0, 1, EMFILE, false);
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)), E_FAIL);
    ck_assert_int_eq(injected_failures(INJECT_EVENTFD), 1);
    ck_assert_int_eq(watcher_threads_become(0), 0);
    close(regular);
    close(fd);
}
END_TEST

/* The argument with which check_notifier runs as the set-user-ID helper below. */
#define SETUID_HELPER "--secure-runtime-dir-helper"

/*
 * Whether the inotify descriptor fd watches the inode of path, going by
 * the "inotify wd:... ino:... sdev:..." lines of /proc/self/fdinfo/fd
 * (proc(5)); sdev is the kernel's device number, major << 20 | minor.
 */
static bool watches_inode_of(int fd, const char *path)
{
    char name[64], line[512];
    unsigned long long ino;
    unsigned int sdev;
    struct stat st;
    bool found = false;
    FILE *info;

    if (stat(path, &st) != 0)
        return false;
    snprintf(name, sizeof(name), "/proc/self/fdinfo/%d", fd);
    info = fopen(name, "r");
    if (info == NULL)
        return false;
    while (fgets(line, sizeof(line), info) != NULL) {
        const char *at = strstr(line, "ino:");

        if (strncmp(line, "inotify ", 8) == 0 && at != NULL &&
            sscanf(at, "ino:%llx sdev:%x", &ino, &sdev) == 2 && ino == (unsigned long long)st.st_ino &&
            sdev == ((major(st.st_dev) << 20) | minor(st.st_dev)))
            found = true;
    }
    fclose(info);
    return found;
}

/* The process's inotify descriptor, found by its link in /proc/self/fd. */
static int inotify_descriptor(void)
{
    char link[64], target[64];
    int fd;

    for (fd = 3; fd < 1024; fd++) {
        ssize_t length;

        snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
        length = readlink(link, target, sizeof(target) - 1);
        if (length > 0) {
            target[length] = '\0';
            if (strcmp(target, "anon_inode:inotify") == 0)
                return fd;
        }
    }
    return -1;
}

/*
 * Runs in a set-user-ID-root copy of this program, started by the user
 * nobody with NAPUTIL_RUNTIME_DIR naming a directory of nobody's.  The
 * exit status: 77 when the kernel did not run it as a secure program
 * (AT_SECURE unset: a nosuid file system, an emulator), 0 when the
 * subscription watches the default directory, or the nearest existing
 * directory above it, and not nobody's; otherwise what went wrong.
 */
static int secure_runtime_dir_helper(void)
{
    const char *theirs = getenv("NAPUTIL_RUNTIME_DIR");
    const char *defaults[] = { "/run/naputil", "/run", "/" };
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    int inotify, i;

    if (getauxval(AT_SECURE) == 0)
        return 77;
    if (theirs == NULL || InitializeNapAgentNotifier(napNotifyTypeServiceState, as_handle(fd)) != S_OK)
        return 2;
    inotify = inotify_descriptor();
    if (inotify < 0)
        return 3;
    if (watches_inode_of(inotify, theirs))
        return 4;               /* the variable was followed */
    for (i = 0; i < COUNT_OF(defaults); i++) {
        struct stat st;

        if (stat(defaults[i], &st) == 0)
            return watches_inode_of(inotify, defaults[i]) ? 0 : 5;
    }
    return 6;
}

/*
 * A set-user-ID program ignores NAPUTIL_RUNTIME_DIR: a copy of this
 * program, owned by root and set-user-ID, is run by nobody with the
 * variable naming nobody's own directory, and must watch the default one.
 * Skipped when the test is not root, or the copy does not run set-user-ID.
 */
START_TEST(setuid_program_ignores_the_variable)
{
    char copy[PATH_MAX], buffer[65536];
    int in, out, status;
    ssize_t length;
    pid_t child;

    if (geteuid() != 0) {
        fprintf(stderr, "# SKIP setuid_program_ignores_the_variable: not root\n");
        return;
    }
    path_in(copy, root, "helper");
    in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    ck_assert_int_ge(in, 0);
    out = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0700);
    ck_assert_int_ge(out, 0);
    while ((length = read(in, buffer, sizeof(buffer))) > 0)
        ck_assert_int_eq(write(out, buffer, (size_t)length), length);
    ck_assert_int_eq(close(out), 0);
    close(in);
    ck_assert_int_eq(chown(copy, 0, 0), 0);
    ck_assert_int_eq(chmod(copy, 04755), 0);
    ck_assert_int_eq(chmod(root, 0755), 0);
    ck_assert_int_eq(chown(runtime_dir, NOBODY, NOBODY), 0);

    fflush(NULL);
    child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        if (setgroups(0, NULL) == 0 && setgid(NOBODY) == 0 && setuid(NOBODY) == 0)
            execl(copy, copy, SETUID_HELPER, (char *)NULL);
        _exit(126);
    }
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77 || WEXITSTATUS(status) == 126) {
        fprintf(stderr, "# SKIP setuid_program_ignores_the_variable: the copy %s\n",
                WEXITSTATUS(status) == 77 ? "did not run set-user-ID" : "could not be run");
        return;
    }
    ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

/* ---- failure injection: every system call of the watcher may fail ---- */

/* Initialize fails cleanly, leaving no descriptor or thread, when each resource cannot be had. */
START_TEST(start_failures_leave_nothing)
{
    static const enum injected_call calls[] = {
        INJECT_INOTIFY_INIT1, INJECT_EVENTFD, INJECT_PTHREAD_CREATE,
    };
    static const int errors[] = { EMFILE, ENFILE, EAGAIN };
    int fd = new_eventfd();
    int descriptors = count_descriptors();
    int i;

    for (i = 0; i < COUNT_OF(calls); i++) {
        inject_failure(calls[i], 0, 1, errors[i], false);
        ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(fd)), E_FAIL);
        ck_assert_int_eq(injected_failures(calls[i]), 1);
        ck_assert_int_eq(watcher_threads_become(0), 0);
        ck_assert_int_eq(wait_for_descriptors(descriptors), descriptors);
    }
    ck_assert_int_eq(InitializeNapAgentNotifier(napNotifyTypeQuarState, as_handle(fd)), S_OK);
    replace_file("isolation.state", "restricted\n");
    await_signal(fd);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    close(fd);
}
END_TEST

/*
 * _i is the errno inotify_add_watch() fails with: ENOSPC (the watch limit),
 * EACCES, ENOMEM.  At the first subscription the watcher cannot watch
 * anything for five tries; the subscription is made all the same, the
 * timer retries, and once the watches are placed every subscriber is told
 * to look again.
 */
START_TEST(watch_failures_at_start_are_retried)
{
    /* ENOSPC for long enough that the timer's delay reaches its cap (3.2 s), as a lasting limit would. */
    int failures = _i == ENOSPC ? 8 : 5;
    int fds[3];

    inject_failure(INJECT_INOTIFY_ADD_WATCH, 0, failures, _i, false);
    subscribe_both(fds);
    await_signal(fds[napNotifyTypeServiceState]);
    await_signal(fds[napNotifyTypeQuarState]);
    ck_assert_int_eq(injected_failures(INJECT_INOTIFY_ADD_WATCH), failures);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/* The same mid-run: a new runtime directory that cannot be watched for three tries. */
START_TEST(watch_failures_mid_run_are_retried)
{
    int fds[3];

    subscribe_both(fds);
    ck_assert_int_eq(rmdir(runtime_dir), 0);
    inject_failure(INJECT_INOTIFY_ADD_WATCH, 0, 3, _i, true);
    move_in_runtime_dir(both_state_files, 2);
    expect_watched(fds);
    ck_assert_int_eq(injected_failures(INJECT_INOTIFY_ADD_WATCH), 3);
    unsubscribe_both(fds);
}
END_TEST

static char vanishing[PATH_MAX];

/* Run before inotify_add_watch(): the directory it is about to watch goes, once. */
static void remove_before_watch(const char *path)
{
    if (vanishing[0] != '\0' && strcmp(path, vanishing) == 0) {
        vanishing[0] = '\0';
        rmdir(path);
    }
}

/* ... or is replaced by a regular file. */
static void replace_by_file_before_watch(const char *path)
{
    if (vanishing[0] != '\0' && strcmp(path, vanishing) == 0) {
        vanishing[0] = '\0';
        if (rmdir(path) == 0)
            close(open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    }
}

/*
 * The runtime directory vanishes, or becomes a file, between the watcher's
 * look-up of it and its watch (ENOENT, ENOTDIR from inotify_add_watch);
 * the watcher waits for it, and follows it when it is back.
 */
START_TEST(directory_vanishing_between_two_calls)
{
    int fds[3];

    snprintf(vanishing, sizeof(vanishing), "%s", runtime_dir);
    inject_before_add_watch(_i == 0 ? remove_before_watch : replace_by_file_before_watch);
    subscribe_both(fds);
    ck_assert_str_eq(vanishing, "");
    if (_i == 1)
        ck_assert_int_eq(unlink(runtime_dir), 0);
    ck_assert_int_eq(mkdir(runtime_dir, 0755), 0);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/*
 * The inotify queue overflows (IN_Q_OVERFLOW) while the runtime directory
 * is replaced, and the events of the replacement are lost: the watcher
 * tells everyone to look again and resolves the name afresh.
 */
START_TEST(queue_overflow_is_recovered)
{
    char moved[PATH_MAX];
    int fds[3];

    subscribe_both(fds);
    inject_queue_overflow(true);
    path_in(moved, root, "moved");
    ck_assert_int_eq(rename(runtime_dir, moved), 0);
    move_in_runtime_dir(both_state_files, 0);
    await_signal(fds[napNotifyTypeServiceState]);
    await_signal(fds[napNotifyTypeQuarState]);
    ck_assert(queue_overflow_delivered());
    expect_watched(fds);
    expect_not_followed(fds, moved);

    /* An overflow that lost nothing costs a look-again signal, and nothing else. */
    inject_queue_overflow(false);
    replace_file("agent.state", "1\n");
    await_signal(fds[napNotifyTypeQuarState]);
    ck_assert(queue_overflow_delivered());
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/* A failed read of the inotify descriptor: everyone looks again, and events are read again later. */
START_TEST(read_error_is_survived)
{
    int fds[3];

    subscribe_both(fds);
    /* Nothing to read after all (EAGAIN): the event is read on the next wake-up. */
    inject_failure(INJECT_READ, 0, 1, EAGAIN, true);
    replace_file("agent.state", "1\n");
    await_signal(fds[napNotifyTypeServiceState]);
    ck_assert_int_eq(injected_failures(INJECT_READ), 1);

    inject_failure(INJECT_READ, 0, 1, EIO, true);
    replace_file("agent.state", "1\n");
    await_signal(fds[napNotifyTypeQuarState]);
    ck_assert_int_eq(injected_failures(INJECT_READ), 1);
    expect_watched(fds);
    unsubscribe_both(fds);
}
END_TEST

/* A failed wait (poll() out of memory) is waited out. */
START_TEST(poll_error_is_survived)
{
    int fds[3];

    subscribe_both(fds);
    inject_failure(INJECT_POLL, 0, 1, EINTR, true);
    replace_file("agent.state", "1\n");
    await_signal(fds[napNotifyTypeServiceState]);
    inject_failure(INJECT_POLL, 0, 2, ENOMEM, true);
    replace_file("agent.state", "1\n");
    await_signal(fds[napNotifyTypeServiceState]);
    expect_watched(fds);
    ck_assert_int_eq(injected_failures(INJECT_POLL), 2);
    unsubscribe_both(fds);
}
END_TEST

static Suite *notifier_suite(void)
{
    Suite *suite = suite_create("notifier");
    TCase *results = add_test_case(suite, "return values");
    TCase *events = add_test_case(suite, "events");
    TCase *directory = add_test_case(suite, "runtime directory");
    TCase *lifetime = add_test_case(suite, "watcher lifetime");
    TCase *missing = add_test_case(suite, "missing directory");
    TCase *endurance = add_test_case(suite, "endurance");
    TCase *trust = add_test_case(suite, "trust");
    TCase *injection = add_test_case(suite, "failure injection");

    tcase_add_checked_fixture(results, set_up, tear_down);
    tcase_add_test(results, unknown_types_are_invalid);
    tcase_add_test(results, descriptors_that_are_not_open_are_invalid);
    tcase_add_test(results, second_subscription_of_a_type_is_refused);
    tcase_add_test(results, uninitialize_without_initialize_does_nothing);
    tcase_add_test(results, runtime_directory_beneath_a_file_is_waited_for);
    tcase_add_test(results, runtime_directory_name_too_long_fails);
    tcase_add_test(results, descriptor_exhaustion_fails_cleanly);

    tcase_add_checked_fixture(events, set_up, tear_down);
    tcase_add_loop_test(events, each_state_file_event_signals_its_type_only,
                        napNotifyTypeServiceState, napNotifyTypeQuarState + 1);
    tcase_add_test(events, renaming_a_state_file_away_signals);
    tcase_add_test(events, other_files_signal_nobody);
    tcase_add_test(events, two_subscribers_each_hear_their_own_file);
    tcase_add_test(events, unsubscribed_type_hears_nothing);
    tcase_add_test(events, caller_may_close_its_descriptor_early);

    tcase_add_checked_fixture(directory, set_up, tear_down);
    tcase_add_test(directory, directory_arriving_with_state_files_signals);
    tcase_add_test(directory, directory_removed_and_created_again);

    tcase_add_checked_fixture(missing, set_up_without_directory, tear_down);
    tcase_add_test(missing, missing_directory_is_waited_for);
    tcase_add_test(missing, directory_named_with_trailing_slash);
    tcase_add_test(missing, relative_directory_is_waited_for);
    tcase_add_test(missing, default_and_top_level_directories_are_accepted);
    tcase_add_test(missing, relative_directory_without_working_directory_fails);

    tcase_add_checked_fixture(lifetime, set_up, tear_down);
    tcase_add_test(lifetime, last_uninitialize_leaves_no_thread_or_descriptor);
    tcase_add_test(lifetime, thousand_cycles_leak_nothing);
    tcase_add_test(lifetime, concurrent_initialize_and_uninitialize);
    tcase_add_test(lifetime, fork_child_starts_unsubscribed);

    tcase_add_checked_fixture(endurance, set_up, tear_down);
    tcase_add_test(endurance, renamed_parent_is_not_followed);
    tcase_add_test(endurance, repointed_symlink_is_followed);
    tcase_add_test(endurance, symlink_loop_is_waited_out);
    tcase_add_test(endurance, links_to_impossible_names_are_waited_out);
    tcase_add_test(endurance, dot_and_dot_dot_are_resolved);
    tcase_add_test(endurance, deeper_path_than_the_watch_table);
    tcase_add_test(endurance, directory_unreadable_for_a_while);
    tcase_add_test(missing, runtime_path_briefly_a_regular_file);

    tcase_add_checked_fixture(trust, set_up, tear_down);
    tcase_add_test(trust, only_eventfds_are_accepted);
    tcase_add_test(trust, eventfds_are_told_without_proc);
    tcase_add_test(trust, setuid_program_ignores_the_variable);

    tcase_add_checked_fixture(injection, set_up, tear_down);
    tcase_add_test(injection, start_failures_leave_nothing);
    tcase_add_loop_test(injection, watch_failures_at_start_are_retried, ENOSPC, ENOSPC + 1);
    tcase_add_loop_test(injection, watch_failures_at_start_are_retried, EACCES, EACCES + 1);
    tcase_add_loop_test(injection, watch_failures_mid_run_are_retried, ENOSPC, ENOSPC + 1);
    tcase_add_loop_test(injection, watch_failures_mid_run_are_retried, ENOMEM, ENOMEM + 1);
    tcase_add_loop_test(injection, directory_vanishing_between_two_calls, 0, 2);
    tcase_add_test(injection, queue_overflow_is_recovered);
    tcase_add_test(injection, read_error_is_survived);
    tcase_add_test(injection, poll_error_is_survived);

    /*
     * Above the tests' own bounded waits (see TEST_TIMEOUT_SECONDS); and
     * thread start-up is slow under valgrind and qemu, where the lifetime
     * tests start a thousand watchers.
     */
    tcase_set_timeout(results, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(events, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(directory, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(missing, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(lifetime, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(endurance, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(trust, TEST_TIMEOUT_SECONDS);
    tcase_set_timeout(injection, TEST_TIMEOUT_SECONDS);
    return suite;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], SETUID_HELPER) == 0)
        return secure_runtime_dir_helper();
    return run_suite(notifier_suite());
}
