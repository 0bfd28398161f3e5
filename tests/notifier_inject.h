/*
 * notifier_inject.h - failure injection for the notifier's system calls,
 * after SQLite's test_syscall.c: check_notifier is linked with
 * -Wl,--wrap=NAME for each call below (see ld(1), --wrap), so every call
 * of NAME in the program, the library's code included (the test links it
 * statically), goes through __wrap_NAME in notifier_inject.c.  Disarmed,
 * a wrapper only calls the real function; the shipped library has no
 * wrapper at all, so this costs it nothing.
 */
#ifndef NAPUTIL_NOTIFIER_INJECT_H
#define NAPUTIL_NOTIFIER_INJECT_H

#include <stdbool.h>

enum injected_call {
    INJECT_INOTIFY_INIT1,
    INJECT_EVENTFD,
    INJECT_PTHREAD_CREATE,
    INJECT_INOTIFY_ADD_WATCH,
    INJECT_READ,                /* only the watcher thread's reads */
    INJECT_POLL,                /* only the watcher thread's wait, the poll of two descriptors */
    INJECT_READLINK,
    INJECT_CALL_COUNT
};

/*
 * Makes the next `times` calls of `call` fail with `error`, after letting
 * `skip` calls through.  With watcher_only, only calls made by the
 * library's watcher thread (named naputil-notify) count; INJECT_READ and
 * INJECT_POLL are always watcher_only, as the tests read and poll too.
 */
void inject_failure(enum injected_call call, int skip, int times, int error, bool watcher_only);

/* How many failures of call were injected since it was last armed. */
int injected_failures(enum injected_call call);

/* Disarms everything, the hooks below included, and sets watcher_waits() back to 0. */
void inject_reset(void);

/*
 * A function run before each real inotify_add_watch(), with its path: a
 * test changes the file system there to stage a race between two system
 * calls of the library (a directory that vanishes between its look-up and
 * its watch).  NULL removes it.
 */
void inject_before_add_watch(void (*hook)(const char *path));

/*
 * The watcher's next read of its inotify descriptor returns a lone
 * IN_Q_OVERFLOW event.  With swallow, it first reads (and drops) what the
 * descriptor holds, as an overflowing queue loses events; without, the
 * queued events stay for the next read.
 */
void inject_queue_overflow(bool swallow);

/* Whether the armed overflow was delivered. */
bool queue_overflow_delivered(void);

/*
 * How many times the watcher thread has begun to wait for an event (its
 * poll of two descriptors).  A watcher that is idle, with nothing timed,
 * begins its next wait only once it has handled what woke it: a test that
 * reads this before a change of the file system and waits for it to grow
 * knows the watcher has acted on the change before the test makes the next.
 */
int watcher_waits(void);

/*
 * Watches the watcher's reads for an event on a file named name (a file a
 * test then creates in the runtime directory).  marker_handled() is true
 * once the watcher has read that event and begun its next wait, so it has
 * handled every event queued before it, and sent every signal they cause.
 */
void inject_mark(const char *name);
bool marker_handled(void);

#endif /* NAPUTIL_NOTIFIER_INJECT_H */
