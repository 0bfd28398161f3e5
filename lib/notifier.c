/*
 * notifier.c - InitializeNapAgentNotifier and UninitializeNapAgentNotifier.
 *
 * Linux has no NapAgent service, so an agent publishes its state as two
 * files in a runtime directory ($NAPUTIL_RUNTIME_DIR, else /run/naputil):
 * agent.state and isolation.state.  One watcher thread per process reads an
 * inotify descriptor and adds 1 to the eventfd of the subscriber of the
 * file's type whenever the file is created, renamed onto, written and
 * closed, or removed.
 *
 * The watcher follows the runtime directory's name, not an inode.  It
 * resolves the name one component at a time, as the kernel would, and
 * watches every directory on the way for the entry it passes through
 * (inotify(7) reports a change of a name to the watch on the directory that
 * holds it, never to a watch on the named inode), so that a moved, removed
 * or replaced directory, or a re-pointed symbolic link, anywhere on the
 * path, sends it back to resolving the name.  Whatever stops it from
 * watching the whole path (a missing or unreadable component, a file where
 * a directory should be, the watch limit, a lost event) is retried: by an
 * inotify event where one can say when to look again, else by a timer whose
 * delay doubles up to a cap.  It never gives up while a subscriber remains.
 *
 * The watcher lives exactly as long as there is a subscriber: the first
 * Initialize starts it, the last Uninitialize stops and joins it, so a
 * program that has unsubscribed holds no thread and no descriptor of ours.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "naputil.h"

#define DEFAULT_RUNTIME_DIR "/run/naputil"

/* Indexed by NapNotifyType; napNotifyTypeUnknown (0) has no file. */
#define NOTIFY_TYPE_COUNT (napNotifyTypeQuarState + 1)
static const char *const state_file_names[NOTIFY_TYPE_COUNT] = {
    NULL, "agent.state", "isolation.state"
};

/* What happens to a state file that its subscribers hear about. */
#define STATE_FILE_EVENTS (IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM)
/*
 * What happens to the entry a directory on the way holds for the next
 * component: created, renamed onto, removed or renamed away (the path now
 * leads elsewhere), or its mode or owner changed (it may be readable now).
 */
#define ENTRY_EVENTS (IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)
#define COMPONENT_WATCH_MASK (ENTRY_EVENTS | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
#define DIRECTORY_WATCH_MASK (STATE_FILE_EVENTS | IN_DELETE_SELF | IN_MOVE_SELF)
/*
 * IN_ONLYDIR and IN_DONT_FOLLOW: the watcher resolves the name itself, so a
 * name that became a file or a symbolic link since it looked must fail
 * rather than be followed; the change raised an event it will act on.
 */
#define WATCH_FLAGS (IN_ONLYDIR | IN_DONT_FOLLOW)
/* A watched directory that is gone, moved or unmounted: resolve the name again. */
#define WATCH_GONE_EVENTS (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)

/* As path_resolution(7): more symbolic links than this on one path is a loop (ELOOP). */
#define MAX_SYMLINKS 40
/* Directories watched at once: every one on the way, symbolic links' targets included. */
#define MAX_WATCHES 64

/*
 * The retry timer while the path cannot be watched: a first retry soon, as
 * most such states are brief (an agent's mkdir then chmod), then less and
 * less often, but never less often than the cap, so that a subscriber hears
 * of a path that became watchable within a few seconds.
 */
#define RETRY_FIRST_MS 50
#define RETRY_CAP_MS 3200

/*
 * Each subscriber's own duplicate of the descriptor it gave, or -1.  A
 * duplicate, because the caller keeps ownership of its descriptor: should it
 * close that one too early, we still write to the same eventfd and never to
 * an unrelated file that reused the number.  Written only with both locks
 * held; the watcher reads it under subscribers_lock.
 */
static int subscriber_fds[NOTIFY_TYPE_COUNT] = { -1, -1, -1 };
static pthread_mutex_t subscribers_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * Serializes Initialize and Uninitialize as a whole, including starting and
 * joining the watcher.  The watcher never takes it, so joining under it
 * cannot deadlock.
 */
static pthread_mutex_t lifecycle_lock = PTHREAD_MUTEX_INITIALIZER;

/* One directory watched for one reason: a component on the way, or the runtime directory. */
struct watch_entry {
    int wd;
    uint32_t mask;
    bool is_runtime_directory;
    char child[NAME_MAX + 1];   /* the component looked up in it, for a directory on the way */
};

/* How far resolving the name got. */
enum path_state {
    PATH_WATCHED,               /* the runtime directory is watched */
    PATH_WAITING,               /* a component is missing or not a directory; its parent is watched */
    PATH_BLOCKED,               /* something else failed: retried by the timer */
};

/*
 * The process's one watcher.  Before the thread starts and after it is
 * joined only the lifecycle lock holder touches it; in between only the
 * watcher thread does (apart from running, stop_requested, stop_fd and
 * thread).
 */
struct watcher {
    bool running;
    atomic_bool stop_requested;
    pthread_t thread;
    int inotify_fd;
    int stop_fd;                /* an eventfd the last Uninitialize writes to */
    enum path_state state;
    int runtime_wd;             /* the runtime directory's watch, or -1 */
    bool read_failed;           /* the inotify descriptor is rested until the next retry */
    int retry_delay_ms;         /* 0 while no retry is due */
    struct timespec retry_at;
    int watch_count;
    struct watch_entry watches[MAX_WATCHES];
    char directory[PATH_MAX];
};

static struct watcher watcher = { .inotify_fd = -1, .stop_fd = -1, .runtime_wd = -1 };

/* The table being built by a resolution, swapped in when it is done. */
static struct watch_entry new_watches[MAX_WATCHES];

static pthread_once_t fork_handlers_once = PTHREAD_ONCE_INIT;

static bool is_notify_type(NapNotifyType type)
{
    return type == napNotifyTypeServiceState || type == napNotifyTypeQuarState;
}

/*
 * Adds 1 to an eventfd counter.  The write is skipped when it would block
 * (a counter at its maximum), because a blocked watcher would stall every
 * subscriber and the last Uninitialize.
 */
static void add_one(int fd)
{
    const uint64_t one = 1;
    struct pollfd writable = { .fd = fd, .events = POLLOUT };

    if (poll(&writable, 1, 0) == 1 && (writable.revents & POLLOUT)) {
        if (write(fd, &one, sizeof(one)) != (ssize_t)sizeof(one)) {
            /* Nothing to do: the subscriber re-reads the state on its next signal. */
        }
    }
}

static void signal_subscriber(NapNotifyType type)
{
    pthread_mutex_lock(&subscribers_lock);
    if (subscriber_fds[type] >= 0)
        add_one(subscriber_fds[type]);
    pthread_mutex_unlock(&subscribers_lock);
}

/* "Look again": anything may have changed unseen. */
static void signal_every_subscriber(void)
{
    signal_subscriber(napNotifyTypeServiceState);
    signal_subscriber(napNotifyTypeQuarState);
}

/* The type whose state file this name is, or napNotifyTypeUnknown. */
static NapNotifyType type_of_state_file(const char *name)
{
    NapNotifyType type;

    for (type = napNotifyTypeServiceState; type < NOTIFY_TYPE_COUNT; type++) {
        if (strcmp(name, state_file_names[type]) == 0)
            return type;
    }
    return napNotifyTypeUnknown;
}

/* ---- resolving the name ---- */

struct resolution {
    int count;
    int runtime_wd;
};

/*
 * Watches directory for one more reason.  Watching an inode that is watched
 * already gives the same watch descriptor and replaces its mask
 * (inotify(7)), so a directory met twice on the way (through "..", or a
 * symbolic link) is watched with the union of its reasons.  Returns 0 or an
 * errno value.
 */
static int add_watch(struct watcher *w, struct resolution *r, const char *directory,
                     uint32_t mask, const char *child)
{
    struct watch_entry *entry;
    uint32_t union_mask = mask;
    int wd, i;

    if (r->count == MAX_WATCHES)
        return ENAMETOOLONG;
    wd = inotify_add_watch(w->inotify_fd, directory, mask | WATCH_FLAGS);
    if (wd < 0)
        return errno;
    for (i = 0; i < r->count; i++) {
        if (new_watches[i].wd == wd)
            union_mask |= new_watches[i].mask;
    }
    if (union_mask != mask && inotify_add_watch(w->inotify_fd, directory,
                                                union_mask | WATCH_FLAGS) != wd)
        return errno != 0 ? errno : EAGAIN;
    entry = &new_watches[r->count++];
    entry->wd = wd;
    entry->mask = mask;
    entry->is_runtime_directory = child == NULL;
    snprintf(entry->child, sizeof(entry->child), "%s", child != NULL ? child : "");
    return 0;
}

/*
 * Cuts the first component off *rest into component: 1, or 0 when none is
 * left, or -1 when it is longer than any name can be (NAME_MAX), which a
 * symbolic link's target may hold.
 */
static int next_component(char **rest, char component[NAME_MAX + 1])
{
    char *start = *rest + strspn(*rest, "/");
    size_t length = strcspn(start, "/");

    if (length == 0)
        return 0;
    if (length > NAME_MAX)
        return -1;
    memcpy(component, start, length);
    component[length] = '\0';
    *rest = start + length;
    return 1;
}

/* Replaces the remaining components with target followed by them, as a symbolic link asks. */
static bool splice_link(char *remaining, const char *rest, const char *target)
{
    char spliced[PATH_MAX];
    int length = snprintf(spliced, sizeof(spliced), "%s/%s", target, rest);

    if (length < 0 || (size_t)length >= sizeof(spliced))
        return false;
    memcpy(remaining, spliced, (size_t)length + 1);
    return true;
}

/*
 * Walks the name from "/", as path_resolution(7) describes, watching each
 * directory on the way before it looks up the next component in it:
 * whatever happens to that component afterwards raises an event on the
 * watch, so nothing can change unseen between the look-up and the watch.
 * current is always free of symbolic links.  Returns how far it got.
 */
static enum path_state walk(struct watcher *w, struct resolution *r)
{
    char current[PATH_MAX] = "/";
    char remaining[PATH_MAX];
    char component[NAME_MAX + 1];
    char target[PATH_MAX];
    char *rest = remaining;
    int links = 0;
    struct stat st;
    size_t base;
    ssize_t target_length;
    int found, error;

    snprintf(remaining, sizeof(remaining), "%s", w->directory);
    while ((found = next_component(&rest, component)) != 0) {
        if (found < 0)
            return PATH_WAITING;        /* a link to a name that cannot exist, until it changes */
        if (strcmp(component, ".") == 0)
            continue;
        if (strcmp(component, "..") == 0) {
            char *slash = strrchr(current, '/');

            slash[slash == current ? 1 : 0] = '\0';
            continue;
        }
        if (add_watch(w, r, current, COMPONENT_WATCH_MASK, component) != 0)
            return PATH_BLOCKED;
        base = strlen(current);
        if (snprintf(current + base, sizeof(current) - base, "%s%s",
                     base > 1 ? "/" : "", component) >= (int)(sizeof(current) - base))
            return PATH_BLOCKED;
        if (lstat(current, &st) != 0)
            return errno == ENOENT ? PATH_WAITING : PATH_BLOCKED;
        if (S_ISLNK(st.st_mode)) {
            target_length = readlink(current, target, sizeof(target) - 1);
            /* Too many links is a loop, which only a change of one of them ends. */
            if (target_length < 0)
                return PATH_BLOCKED;
            target[target_length] = '\0';
            if (++links > MAX_SYMLINKS || !splice_link(remaining, rest, target))
                return PATH_BLOCKED;
            current[base] = '\0';
            if (target[0] == '/')
                strcpy(current, "/");
            rest = remaining;
        } else if (!S_ISDIR(st.st_mode)) {
            /* A file where a directory should be; its removal or replacement is an event. */
            return PATH_WAITING;
        }
    }
    error = add_watch(w, r, current, DIRECTORY_WATCH_MASK, NULL);
    if (error == ENOENT || error == ENOTDIR)
        return PATH_WAITING;    /* it went between the look-up and the watch: an event says so */
    if (error != 0)
        return PATH_BLOCKED;
    r->runtime_wd = new_watches[r->count - 1].wd;
    return PATH_WATCHED;
}

static bool table_has_wd(const struct watch_entry *table, int count, int wd)
{
    int i;

    for (i = 0; i < count; i++) {
        if (table[i].wd == wd)
            return true;
    }
    return false;
}

static long long monotonic_ms(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* The next retry by the timer: soon after the first failure, then twice as late each time. */
static void schedule_retry(struct watcher *w)
{
    long long at;

    if (w->retry_delay_ms == 0)
        w->retry_delay_ms = RETRY_FIRST_MS;
    else if (w->retry_delay_ms < RETRY_CAP_MS / 2)
        w->retry_delay_ms *= 2;
    else
        w->retry_delay_ms = RETRY_CAP_MS;
    at = monotonic_ms() + w->retry_delay_ms;
    w->retry_at.tv_sec = (time_t)(at / 1000);
    w->retry_at.tv_nsec = (long)(at % 1000) * 1000000;
}

/*
 * Resolves the name again, watches the directories on the way now, drops
 * the watches nothing needs any more, and arms the timer if the path cannot
 * be followed by events alone.  The watches still needed are never removed,
 * so no event is lost on them meanwhile.  When the runtime directory
 * watched is not the one watched before (it appeared, vanished, or another
 * took its name), every subscriber is told to look again.
 */
static void resolve(struct watcher *w, bool initial)
{
    struct resolution r = { .count = 0, .runtime_wd = -1 };
    int i;

    w->state = walk(w, &r);
    for (i = 0; i < w->watch_count; i++) {
        int wd = w->watches[i].wd;

        /* A watch the kernel already dropped fails with EINVAL, which is fine. */
        if (!table_has_wd(new_watches, r.count, wd) && !table_has_wd(w->watches, i, wd))
            inotify_rm_watch(w->inotify_fd, wd);
    }
    memcpy(w->watches, new_watches, sizeof(new_watches[0]) * (size_t)r.count);
    w->watch_count = r.count;
    if (!initial && r.runtime_wd != w->runtime_wd)
        signal_every_subscriber();
    w->runtime_wd = r.runtime_wd;
    if (w->state == PATH_BLOCKED)
        schedule_retry(w);
    else
        w->retry_delay_ms = 0;
}

/* ---- the watcher thread ---- */

/* Acts on one event; sets *must_resolve when the path may lead elsewhere now. */
static void handle_event(struct watcher *w, const struct inotify_event *event, const char *name,
                         bool *must_resolve)
{
    NapNotifyType type;
    int i;

    if (event->mask & IN_Q_OVERFLOW) {
        /* Events were lost: anything may have changed, and the path may lead elsewhere. */
        signal_every_subscriber();
        *must_resolve = true;
        return;
    }
    for (i = 0; i < w->watch_count; i++) {
        const struct watch_entry *entry = &w->watches[i];

        if (entry->wd != event->wd)
            continue;
        if (event->mask & WATCH_GONE_EVENTS) {
            *must_resolve = true;
        } else if (event->len == 0) {
            /* Only the events above concern the directory itself. */
        } else if (entry->is_runtime_directory) {
            type = type_of_state_file(name);
            if (type != napNotifyTypeUnknown && !(event->mask & IN_ISDIR) &&
                (event->mask & STATE_FILE_EVENTS))
                signal_subscriber(type);
        } else if (strcmp(name, entry->child) == 0) {
            /* A change of mode matters only while the path is blocked, say by EACCES. */
            if ((event->mask & ENTRY_EVENTS) || w->state == PATH_BLOCKED)
                *must_resolve = true;
        }
    }
}

/*
 * Reads and handles what the inotify descriptor holds.  A read that fails
 * for another reason than having nothing to read may have lost events: the
 * subscribers are told to look again, and the descriptor is rested until
 * the timer's next retry, so that a lasting failure is not a busy loop.
 */
static void handle_pending_events(struct watcher *w)
{
    _Alignas(struct inotify_event) char buffer[4096];
    struct inotify_event event;
    ssize_t length = read(w->inotify_fd, buffer, sizeof(buffer));
    ssize_t offset = 0;
    bool must_resolve = false;

    if (length < 0) {
        if (errno != EAGAIN && errno != EINTR) {
            signal_every_subscriber();
            w->read_failed = true;
            schedule_retry(w);
        }
        return;
    }
    while (offset + (ssize_t)sizeof(event) <= length) {
        /* The name follows the fixed part; the kernel pads it so events stay aligned. */
        memcpy(&event, buffer + offset, sizeof(event));
        handle_event(w, &event, buffer + offset + sizeof(event), &must_resolve);
        offset += (ssize_t)(sizeof(event) + event.len);
    }
    if (must_resolve)
        resolve(w, false);
}

/* How long poll() may wait: until the timer's retry, or for ever while none is due. */
static int poll_timeout(const struct watcher *w)
{
    long long left;

    if (w->retry_delay_ms == 0)
        return -1;
    left = ((long long)w->retry_at.tv_sec * 1000 + w->retry_at.tv_nsec / 1000000) -
           monotonic_ms();
    return left < 0 ? 0 : (int)left;
}

static void *watch_runtime_directory(void *arg)
{
    struct watcher *w = arg;
    struct pollfd sources[2] = {
        { .fd = w->inotify_fd, .events = POLLIN },
        { .fd = w->stop_fd, .events = POLLIN },
    };
    int ready;

    /*
     * Named so that ps, top and debuggers show whose thread it is.  The
     * thread names itself: glibc then sets the name with prctl, which works
     * where /proc is read-only (build chroots), unlike naming another thread.
     */
    pthread_setname_np(pthread_self(), "naputil-notify");
    while (!atomic_load(&w->stop_requested)) {
        /* poll() ignores a negative descriptor: a rested inotify descriptor is not read. */
        sources[0].fd = w->read_failed ? -1 : w->inotify_fd;
        ready = poll(sources, 2, poll_timeout(w));
        if (ready < 0) {
            /*
             * poll() fails only for want of memory (or a signal, which
             * this thread blocks): wait for the timer as a failed read does.
             */
            if (errno != EINTR) {
                struct timespec pause;

                schedule_retry(w);
                pause.tv_sec = w->retry_delay_ms / 1000;
                pause.tv_nsec = (long)(w->retry_delay_ms % 1000) * 1000000;
                nanosleep(&pause, NULL);
            }
            continue;
        }
        /* Once stopped, pending events have no subscriber left to hear them. */
        if (sources[1].revents != 0)
            break;
        if (ready == 0) {
            /* The timer: look at the path again, and at the rested descriptor. */
            w->read_failed = false;
            resolve(w, false);
        } else {
            handle_pending_events(w);
        }
    }
    return NULL;
}

static void close_watcher_descriptors(struct watcher *w)
{
    if (w->inotify_fd >= 0)
        close(w->inotify_fd);
    if (w->stop_fd >= 0)
        close(w->stop_fd);
    w->inotify_fd = -1;
    w->stop_fd = -1;
    w->watch_count = 0;
    w->runtime_wd = -1;
    w->read_failed = false;
    w->retry_delay_ms = 0;
}

/*
 * The runtime directory is read when the watcher starts, as the manual says.
 * secure_getenv(3): in a set-user-ID, set-group-ID or capability-raised
 * program it returns NULL, so any user who can run such a program cannot
 * point its subscriptions at a directory of their own, where they could
 * signal it at will; it watches the default directory, which only root
 * writes.  A relative name is made absolute there and then, so that a
 * later chdir() of the program does not move what the watcher watches.
 */
static bool read_runtime_directory(struct watcher *w)
{
    const char *directory = secure_getenv("NAPUTIL_RUNTIME_DIR");
    char cwd[PATH_MAX];
    int length;

    if (directory == NULL || directory[0] == '\0')
        directory = DEFAULT_RUNTIME_DIR;
    if (directory[0] == '/') {
        length = snprintf(w->directory, sizeof(w->directory), "%s", directory);
    } else {
        if (getcwd(cwd, sizeof(cwd)) == NULL)
            return false;
        length = snprintf(w->directory, sizeof(w->directory), "%s/%s", cwd, directory);
    }
    return length > 0 && (size_t)length < sizeof(w->directory);
}

/*
 * The watcher thread blocks every signal, so that signals meant for the
 * program are never delivered to a thread it does not know about.
 */
static int create_watcher_thread(struct watcher *w)
{
    sigset_t all_signals, previous;
    int error;

    sigfillset(&all_signals);
    pthread_sigmask(SIG_SETMASK, &all_signals, &previous);
    error = pthread_create(&w->thread, NULL, watch_runtime_directory, w);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return error;
}

/*
 * A path that cannot be watched yet is no reason to fail: the watcher
 * waits for it.  Only a name that can never exist, and want of
 * descriptors or threads, are.
 */
static HRESULT start_watcher(struct watcher *w)
{
    if (!read_runtime_directory(w))
        return E_FAIL;
    w->inotify_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    w->stop_fd = eventfd(0, EFD_CLOEXEC);
    if (w->inotify_fd < 0 || w->stop_fd < 0) {
        close_watcher_descriptors(w);
        return E_FAIL;
    }
    atomic_store(&w->stop_requested, false);
    resolve(w, true);
    if (create_watcher_thread(w) != 0) {
        close_watcher_descriptors(w);
        return E_FAIL;
    }
    w->running = true;
    return S_OK;
}

static void stop_watcher(struct watcher *w)
{
    atomic_store(&w->stop_requested, true);
    add_one(w->stop_fd);
    pthread_join(w->thread, NULL);
    close_watcher_descriptors(w);
    w->running = false;
}

/*
 * fork() copies our state but not the watcher thread.  The child starts
 * with no subscription: it closes its copies of our descriptors (the
 * parent's stay open and its watcher keeps running) and may subscribe anew.
 * Holding both locks across fork() means the child never inherits a lock
 * held by a thread that does not exist there.
 */
static void before_fork(void)
{
    pthread_mutex_lock(&lifecycle_lock);
    pthread_mutex_lock(&subscribers_lock);
}

static void after_fork_in_parent(void)
{
    pthread_mutex_unlock(&subscribers_lock);
    pthread_mutex_unlock(&lifecycle_lock);
}

static void after_fork_in_child(void)
{
    NapNotifyType type;

    for (type = napNotifyTypeServiceState; type < NOTIFY_TYPE_COUNT; type++) {
        if (subscriber_fds[type] >= 0)
            close(subscriber_fds[type]);
        subscriber_fds[type] = -1;
    }
    if (watcher.running) {
        close_watcher_descriptors(&watcher);
        watcher.running = false;
    }
    pthread_mutex_unlock(&subscribers_lock);
    pthread_mutex_unlock(&lifecycle_lock);
}

static void install_fork_handlers(void)
{
    pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
}

/* ---- the subscriber's descriptor ---- */

/*
 * Whether fd is an eventfd: 1, 0, or -1 when that cannot be told.  Only an
 * eventfd is accepted: the watcher writes 8-byte counts to it, which would
 * be appended to a regular file, and a pipe's read end would never become
 * readable.
 *
 * The link /proc/self/fd/N names what the descriptor is (proc(5)); for an
 * eventfd it reads "anon_inode:[eventfd]".  Reading a link needs no write
 * access, so this works where /proc is mounted read-only.  Without /proc,
 * the descriptor's inode is compared with that of an eventfd of our own:
 * every eventfd is the same anonymous inode, shared with the other kinds of
 * anonymous descriptor (signalfd, timerfd, epoll, inotify), so those are
 * accepted then too, but never a file, pipe, socket or device.
 */
static int is_eventfd(int fd)
{
    static const char eventfd_link[] = "anon_inode:[eventfd]";
    char link[32], target[sizeof(eventfd_link) + 1];
    struct stat given, ours;
    ssize_t length;
    int probe;

    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    length = readlink(link, target, sizeof(target));
    if (length >= 0)
        return length == (ssize_t)sizeof(eventfd_link) - 1 &&
               memcmp(target, eventfd_link, sizeof(eventfd_link) - 1) == 0;
    probe = eventfd(0, EFD_CLOEXEC);
    if (probe < 0)
        return -1;
    length = fstat(probe, &ours) == 0 && fstat(fd, &given) == 0 &&
             given.st_dev == ours.st_dev && given.st_ino == ours.st_ino;
    close(probe);
    return (int)length;
}

/* The descriptor a HANDLE carries, or -1 when it cannot be an open one. */
static int descriptor_of(HANDLE handle)
{
    intptr_t value = (intptr_t)handle;

    /* A NULL HANDLE is never valid on Windows, so descriptor 0 cannot be used. */
    if (value <= 0 || value > INT_MAX)
        return -1;
    if (fcntl((int)value, F_GETFD) < 0)
        return -1;
    return (int)value;
}

static bool has_subscribers(void)
{
    NapNotifyType type;

    for (type = napNotifyTypeServiceState; type < NOTIFY_TYPE_COUNT; type++) {
        if (subscriber_fds[type] >= 0)
            return true;
    }
    return false;
}

/* Called with the lifecycle lock held, for a type nobody subscribed to. */
static HRESULT subscribe(NapNotifyType type, int fd)
{
    int own_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    HRESULT hr;

    if (own_fd < 0)
        return E_FAIL;
    if (!watcher.running) {
        hr = start_watcher(&watcher);
        if (FAILED(hr)) {
            close(own_fd);
            return hr;
        }
    }
    pthread_mutex_lock(&subscribers_lock);
    subscriber_fds[type] = own_fd;
    pthread_mutex_unlock(&subscribers_lock);
    return S_OK;
}

HRESULT WINAPI InitializeNapAgentNotifier(NapNotifyType type, HANDLE hNotifyEvent)
{
    int fd = descriptor_of(hNotifyEvent);
    int kind;
    HRESULT hr;

    if (!is_notify_type(type) || fd < 0)
        return E_INVALIDARG;
    kind = is_eventfd(fd);
    if (kind <= 0)
        return kind == 0 ? E_INVALIDARG : E_FAIL;
    pthread_once(&fork_handlers_once, install_fork_handlers);

    pthread_mutex_lock(&lifecycle_lock);
    if (subscriber_fds[type] >= 0)
        hr = HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED);
    else
        hr = subscribe(type, fd);
    pthread_mutex_unlock(&lifecycle_lock);
    return hr;
}

VOID WINAPI UninitializeNapAgentNotifier(NapNotifyType type)
{
    int own_fd;

    if (!is_notify_type(type))
        return;
    pthread_mutex_lock(&lifecycle_lock);
    /* Once this returns, the watcher never writes to the subscriber's eventfd again. */
    pthread_mutex_lock(&subscribers_lock);
    own_fd = subscriber_fds[type];
    subscriber_fds[type] = -1;
    pthread_mutex_unlock(&subscribers_lock);
    if (own_fd >= 0) {
        close(own_fd);
        if (!has_subscribers())
            stop_watcher(&watcher);
    }
    pthread_mutex_unlock(&lifecycle_lock);
}
