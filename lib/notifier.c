/*
 * notifier.c - InitializeNapAgentNotifier and UninitializeNapAgentNotifier.
 *
 * Linux has no NapAgent service, so an agent publishes its state as two
 * files in a runtime directory ($NAPUTIL_RUNTIME_DIR, else /run/naputil):
 * agent.state and isolation.state.  One watcher thread per process reads an
 * inotify descriptor on that directory and adds 1 to the eventfd of the
 * subscriber of the file's type whenever the file is created, renamed onto,
 * written and closed, or removed.  While the directory does not exist the
 * watcher waits on its nearest existing ancestor instead of polling.
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
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
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
#define DIRECTORY_WATCH_MASK (STATE_FILE_EVENTS | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
/* While the directory is missing: its next path component appearing, or the ancestor going. */
#define ANCESTOR_WATCH_MASK (IN_CREATE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
/* A watched directory that is gone, moved or unmounted sends the watcher back to waiting. */
#define WATCH_GONE_EVENTS (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)

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

/*
 * The process's one watcher.  Before the thread starts and after it is
 * joined only the lifecycle lock holder touches it; in between only the
 * watcher thread does (apart from running, stop_fd and thread).
 */
struct watcher {
    bool running;
    pthread_t thread;
    int inotify_fd;
    int stop_fd;                /* an eventfd the last Uninitialize writes to */
    int directory_wd;           /* the watch on the runtime directory, or -1 */
    int ancestor_wd;            /* while the directory is missing, the watch on its nearest ancestor */
    char awaited_name[NAME_MAX + 1]; /* the next path component the ancestor watch waits for */
    char directory[PATH_MAX];
};

static struct watcher watcher = { .inotify_fd = -1, .stop_fd = -1,
                                  .directory_wd = -1, .ancestor_wd = -1 };

static pthread_once_t fork_handlers_once = PTHREAD_ONCE_INIT;

static bool is_notify_type(NapNotifyType type)
{
    return type == napNotifyTypeServiceState || type == napNotifyTypeQuarState;
}

/*
 * Adds 1 to an eventfd counter.  The write is skipped when it would block
 * (a counter at its maximum, or a descriptor of another kind that is full),
 * because a blocked watcher would stall every subscriber and the last
 * Uninitialize.
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

/*
 * A directory watch was just placed on a runtime directory that appeared
 * while we waited: files an agent created in it before the watch existed
 * produced no event, so their subscribers are signalled now.
 */
static void signal_existing_state_files(const struct watcher *w)
{
    NapNotifyType type;
    int dir_fd = open(w->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dir_fd < 0)
        return;
    for (type = napNotifyTypeServiceState; type < NOTIFY_TYPE_COUNT; type++) {
        if (faccessat(dir_fd, state_file_names[type], F_OK, AT_SYMLINK_NOFOLLOW) == 0)
            signal_subscriber(type);
    }
    close(dir_fd);
}

static void remove_watches(struct watcher *w)
{
    /* A watch the kernel already dropped (its directory is gone) fails with EINVAL; that is fine. */
    if (w->directory_wd >= 0)
        inotify_rm_watch(w->inotify_fd, w->directory_wd);
    if (w->ancestor_wd >= 0)
        inotify_rm_watch(w->inotify_fd, w->ancestor_wd);
    w->directory_wd = -1;
    w->ancestor_wd = -1;
}

/*
 * Finds the nearest existing ancestor of the runtime directory (an absolute
 * name, so "/" ends the climb), and the name of its child on the way down.
 * Returns 0, or ENOTDIR when that ancestor is not a directory: nothing can
 * appear beneath it then.
 */
static int find_nearest_ancestor(const char *directory, char *ancestor, char *child_name)
{
    struct stat st;
    char *slash;

    strcpy(ancestor, directory);
    for (;;) {
        /* Trailing slashes name the same directory; drop them before cutting a component. */
        size_t length = strlen(ancestor);
        while (length > 1 && ancestor[length - 1] == '/')
            ancestor[--length] = '\0';

        slash = strrchr(ancestor, '/');
        snprintf(child_name, NAME_MAX + 1, "%s", slash + 1);
        if (slash == ancestor)
            slash[1] = '\0';
        else
            slash[0] = '\0';
        if (stat(ancestor, &st) == 0)
            return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
        if (errno != ENOENT || strcmp(ancestor, "/") == 0)
            return errno;
    }
}

static bool directory_exists_now(const char *directory)
{
    struct stat st;

    return stat(directory, &st) == 0;
}

/*
 * Watches the runtime directory or, while it does not exist, its nearest
 * existing ancestor.  Each placement is checked again after the watch is in
 * place, because a directory created in between would raise no event.
 * Returns 0 or an errno value.
 */
static int place_watches(struct watcher *w, bool directory_appeared)
{
    char ancestor[PATH_MAX];
    char child_name[NAME_MAX + 1];
    char nearest_now[PATH_MAX];
    char child_now[NAME_MAX + 1];
    int error;

    remove_watches(w);
    for (;;) {
        w->directory_wd = inotify_add_watch(w->inotify_fd, w->directory,
                                            DIRECTORY_WATCH_MASK);
        if (w->directory_wd >= 0) {
            if (directory_appeared)
                signal_existing_state_files(w);
            return 0;
        }
        if (errno != ENOENT)
            return errno;

        error = find_nearest_ancestor(w->directory, ancestor, child_name);
        if (error != 0)
            return error;
        w->ancestor_wd = inotify_add_watch(w->inotify_fd, ancestor, ANCESTOR_WATCH_MASK);
        if (w->ancestor_wd < 0) {
            if (errno == ENOENT)
                continue;       /* the ancestor went away meanwhile */
            return errno;
        }
        if (!directory_exists_now(w->directory) &&
            find_nearest_ancestor(w->directory, nearest_now, child_now) == 0 &&
            strcmp(nearest_now, ancestor) == 0) {
            strcpy(w->awaited_name, child_name);
            return 0;
        }
        /* Something appeared or vanished on the way down: look again. */
        inotify_rm_watch(w->inotify_fd, w->ancestor_wd);
        w->ancestor_wd = -1;
        directory_appeared = true;
    }
}

/*
 * Places the watches again after the directory or an ancestor changed.  If
 * that fails (say, the inotify watch limit is reached) the state may have
 * changed unseen, so every subscriber is told to look.
 */
static void replace_watches(struct watcher *w)
{
    if (place_watches(w, true) != 0)
        signal_every_subscriber();
}

static void handle_event(struct watcher *w, const struct inotify_event *event, const char *name)
{
    NapNotifyType type;

    if (event->mask & IN_Q_OVERFLOW) {
        /* Events were lost: anything may have changed, and the directory may be gone. */
        signal_every_subscriber();
        if (place_watches(w, false) != 0)
            signal_every_subscriber();
    } else if (event->wd == w->directory_wd && w->directory_wd >= 0) {
        if (event->mask & WATCH_GONE_EVENTS) {
            replace_watches(w);
        } else if (event->len > 0 && !(event->mask & IN_ISDIR)) {
            type = type_of_state_file(name);
            if (type != napNotifyTypeUnknown)
                signal_subscriber(type);
        }
    } else if (event->wd == w->ancestor_wd && w->ancestor_wd >= 0) {
        if ((event->mask & WATCH_GONE_EVENTS) ||
            (event->len > 0 && strcmp(name, w->awaited_name) == 0))
            replace_watches(w);
    }
    /* Anything else belongs to a watch we already removed. */
}

static void handle_pending_events(struct watcher *w)
{
    _Alignas(struct inotify_event) char buffer[4096];
    struct inotify_event event;
    ssize_t length = read(w->inotify_fd, buffer, sizeof(buffer));
    ssize_t offset = 0;

    while (length > 0 && offset + (ssize_t)sizeof(event) <= length) {
        /* The name follows the fixed part; the kernel pads it so events stay aligned. */
        memcpy(&event, buffer + offset, sizeof(event));
        handle_event(w, &event, buffer + offset + sizeof(event));
        offset += (ssize_t)(sizeof(event) + event.len);
    }
}

static void *watch_runtime_directory(void *arg)
{
    struct watcher *w = arg;
    struct pollfd sources[2] = {
        { .fd = w->inotify_fd, .events = POLLIN },
        { .fd = w->stop_fd, .events = POLLIN },
    };

    /*
     * Named so that ps, top and debuggers show whose thread it is.  The
     * thread names itself: glibc then sets the name with prctl, which works
     * where /proc is read-only (build chroots), unlike naming another thread.
     */
    pthread_setname_np(pthread_self(), "naputil-notify");
    for (;;) {
        if (poll(sources, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        /* Once stopped, pending events have no subscriber left to hear them. */
        if (sources[1].revents != 0)
            break;
        if (sources[0].revents & POLLIN)
            handle_pending_events(w);
        else if (sources[0].revents != 0)
            break;
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
    w->directory_wd = -1;
    w->ancestor_wd = -1;
}

/*
 * The runtime directory is read when the watcher starts, as the manual says.
 * A relative name is made absolute there and then, so that a later chdir()
 * of the program does not move what the watcher watches.
 */
static bool read_runtime_directory(struct watcher *w)
{
    const char *directory = getenv("NAPUTIL_RUNTIME_DIR");
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

static HRESULT start_watcher(struct watcher *w)
{
    if (!read_runtime_directory(w))
        return E_FAIL;
    w->inotify_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    w->stop_fd = eventfd(0, EFD_CLOEXEC);
    if (w->inotify_fd < 0 || w->stop_fd < 0 || place_watches(w, false) != 0 ||
        create_watcher_thread(w) != 0) {
        close_watcher_descriptors(w);
        return E_FAIL;
    }
    w->running = true;
    return S_OK;
}

static void stop_watcher(struct watcher *w)
{
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
        return errno == EBADF ? E_INVALIDARG : E_FAIL;
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
    HRESULT hr;

    if (!is_notify_type(type) || fd < 0)
        return E_INVALIDARG;
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
