/*
 * notifier_inject.c - the wrappers of notifier_inject.h.  Each wrapper
 * looks at one atomic word first, so that a disarmed wrapper costs the
 * tests one load; an armed one takes a lock, because the watcher thread and
 * the test's thread call the same functions.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "notifier_inject.h"

int __real_inotify_init1(int flags);
int __real_eventfd(unsigned int initval, int flags);
int __real_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg);
int __real_inotify_add_watch(int fd, const char *path, uint32_t mask);
ssize_t __real_read(int fd, void *buffer, size_t size);
int __real_poll(struct pollfd *fds, nfds_t count, int timeout);
ssize_t __real_readlink(const char *path, char *buffer, size_t size);

int __wrap_inotify_init1(int flags);
int __wrap_eventfd(unsigned int initval, int flags);
int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg);
int __wrap_inotify_add_watch(int fd, const char *path, uint32_t mask);
ssize_t __wrap_read(int fd, void *buffer, size_t size);
int __wrap_poll(struct pollfd *fds, nfds_t count, int timeout);
ssize_t __wrap_readlink(const char *path, char *buffer, size_t size);

struct injection {
    int skip;
    int times;
    int error;
    bool watcher_only;
    int injected;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct injection injections[INJECT_CALL_COUNT];
/* Non-zero while anything is armed: the wrappers' fast path. */
static atomic_int armed;
static void (*_Atomic add_watch_hook)(const char *path);
static atomic_bool overflow_armed, overflow_swallows, overflow_delivered;
static atomic_int waits;
/* The marker's name, and the watcher's wait count when it read it (-1 before). */
static char marker[64];
static atomic_bool marker_armed;
static atomic_int marker_read_at = -1;

static bool on_watcher_thread(void)
{
    char name[16] = "";

    /* glibc reads the calling thread's own name with prctl(2), without /proc. */
    pthread_getname_np(pthread_self(), name, sizeof(name));
    return strcmp(name, "naputil-notify") == 0;
}

static void update_armed(void)
{
    int call, any = 0;

    for (call = 0; call < INJECT_CALL_COUNT; call++)
        any |= injections[call].times > 0;
    atomic_store(&armed, any || atomic_load(&overflow_armed) ||
                         atomic_load(&add_watch_hook) != NULL);
}

void inject_failure(enum injected_call call, int skip, int times, int error, bool watcher_only)
{
    pthread_mutex_lock(&lock);
    injections[call].skip = skip;
    injections[call].times = times;
    injections[call].error = error;
    injections[call].watcher_only = watcher_only || call == INJECT_READ || call == INJECT_POLL;
    injections[call].injected = 0;
    update_armed();
    pthread_mutex_unlock(&lock);
}

int injected_failures(enum injected_call call)
{
    int injected;

    pthread_mutex_lock(&lock);
    injected = injections[call].injected;
    pthread_mutex_unlock(&lock);
    return injected;
}

void inject_reset(void)
{
    pthread_mutex_lock(&lock);
    memset(injections, 0, sizeof(injections));
    atomic_store(&add_watch_hook, NULL);
    atomic_store(&overflow_armed, false);
    atomic_store(&waits, 0);
    update_armed();
    pthread_mutex_unlock(&lock);
}

void inject_before_add_watch(void (*hook)(const char *path))
{
    pthread_mutex_lock(&lock);
    atomic_store(&add_watch_hook, hook);
    update_armed();
    pthread_mutex_unlock(&lock);
}

void inject_queue_overflow(bool swallow)
{
    pthread_mutex_lock(&lock);
    atomic_store(&overflow_swallows, swallow);
    atomic_store(&overflow_delivered, false);
    atomic_store(&overflow_armed, true);
    update_armed();
    pthread_mutex_unlock(&lock);
}

bool queue_overflow_delivered(void)
{
    return atomic_load(&overflow_delivered);
}

/* Whether this call of call fails; sets errno to the armed error when it does. */
static bool should_fail(enum injected_call call)
{
    struct injection *injection = &injections[call];
    bool fail = false, watcher_only;
    int error = 0;

    if (atomic_load(&armed) == 0)
        return false;
    pthread_mutex_lock(&lock);
    watcher_only = injection->watcher_only;
    pthread_mutex_unlock(&lock);
    /* The thread's name is looked up outside the lock: it makes a system call. */
    if (watcher_only && !on_watcher_thread())
        return false;
    pthread_mutex_lock(&lock);
    if (injection->times > 0) {
        if (injection->skip > 0) {
            injection->skip--;
        } else {
            injection->times--;
            injection->injected++;
            error = injection->error;
            fail = true;
            update_armed();
        }
    }
    pthread_mutex_unlock(&lock);
    if (fail)
        errno = error;
    return fail;
}

void inject_mark(const char *name)
{
    pthread_mutex_lock(&lock);
    snprintf(marker, sizeof(marker), "%s", name);
    atomic_store(&marker_read_at, -1);
    atomic_store(&marker_armed, true);
    pthread_mutex_unlock(&lock);
}

bool marker_handled(void)
{
    int at = atomic_load(&marker_read_at);

    return at >= 0 && atomic_load(&waits) > at;
}

/* Called with what the watcher read: notes the marker's event, if it is there. */
static void look_for_marker(const char *buffer, ssize_t length)
{
    struct inotify_event event;
    ssize_t offset = 0;

    pthread_mutex_lock(&lock);
    while (offset + (ssize_t)sizeof(event) <= length) {
        memcpy(&event, buffer + offset, sizeof(event));
        if (event.len > 0 && strcmp(buffer + offset + sizeof(event), marker) == 0) {
            atomic_store(&marker_read_at, atomic_load(&waits));
            atomic_store(&marker_armed, false);
        }
        offset += (ssize_t)(sizeof(event) + event.len);
    }
    pthread_mutex_unlock(&lock);
}

int __wrap_inotify_init1(int flags)
{
    return should_fail(INJECT_INOTIFY_INIT1) ? -1 : __real_inotify_init1(flags);
}

int __wrap_eventfd(unsigned int initval, int flags)
{
    return should_fail(INJECT_EVENTFD) ? -1 : __real_eventfd(initval, flags);
}

/* pthread_create() reports its error as its result, not in errno. */
int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg)
{
    if (should_fail(INJECT_PTHREAD_CREATE))
        return errno;
    return __real_pthread_create(thread, attr, start, arg);
}

int __wrap_inotify_add_watch(int fd, const char *path, uint32_t mask)
{
    void (*hook)(const char *) = atomic_load(&add_watch_hook);

    if (should_fail(INJECT_INOTIFY_ADD_WATCH))
        return -1;
    if (hook != NULL)
        hook(path);
    return __real_inotify_add_watch(fd, path, mask);
}

ssize_t __wrap_read(int fd, void *buffer, size_t size)
{
    struct inotify_event overflow = { .wd = -1, .mask = IN_Q_OVERFLOW };
    ssize_t length;

    if (atomic_load(&overflow_armed) && size >= sizeof(overflow) && on_watcher_thread() &&
        atomic_exchange(&overflow_armed, false)) {
        if (atomic_load(&overflow_swallows))
            (void)!__real_read(fd, buffer, size);
        memcpy(buffer, &overflow, sizeof(overflow));
        atomic_store(&overflow_delivered, true);
        return (ssize_t)sizeof(overflow);
    }
    if (should_fail(INJECT_READ))
        return -1;
    length = __real_read(fd, buffer, size);
    if (length > 0 && atomic_load(&marker_armed) && on_watcher_thread())
        look_for_marker(buffer, length);
    return length;
}

int watcher_waits(void)
{
    return atomic_load(&waits);
}

/* Only the watcher's wait polls two descriptors; its writes to subscribers poll one. */
int __wrap_poll(struct pollfd *fds, nfds_t count, int timeout)
{
    if (count == 2 && on_watcher_thread())
        atomic_fetch_add(&waits, 1);
    if (count == 2 && should_fail(INJECT_POLL))
        return -1;
    return __real_poll(fds, count, timeout);
}

ssize_t __wrap_readlink(const char *path, char *buffer, size_t size)
{
    return should_fail(INJECT_READLINK) ? -1 : __real_readlink(path, buffer, size);
}
