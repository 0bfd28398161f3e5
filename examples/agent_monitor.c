/*
 * agent_monitor.c - subscribes to both NAP agent notifications and prints
 * each one with the state it announces, as read from the agent's state
 * files.  The demonstration of InitializeNapAgentNotifier(3).
 *
 *   agent_monitor [COUNT]
 *
 * Runs until interrupted, or until COUNT notifications have been printed
 * (COUNT is a whole number; 0 or none means no limit).  It prints "ready"
 * once both subscriptions are in place.
 */
#define _GNU_SOURCE             /* secure_getenv */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <naputil.h>

static volatile sig_atomic_t interrupted;

static void on_signal(int signal_number)
{
    (void)signal_number;
    interrupted = 1;
}

/* The directory the library watches, chosen the same way it does. */
static const char *runtime_directory(void)
{
    const char *directory = secure_getenv("NAPUTIL_RUNTIME_DIR");

    return directory != NULL && directory[0] != '\0' ? directory : "/run/naputil";
}

/*
 * The first word of a state file, or "" when there is no such regular file.
 * Whoever can write the runtime directory decides what stands at the name,
 * so the file is opened without blocking (a FIFO would otherwise wait for a
 * writer forever) and read only if it is a regular file.
 */
static void read_first_word(const char *name, char *word, size_t size)
{
    char path[4096];
    char format[16];
    struct stat status;
    FILE *file;
    int fd;

    word[0] = '\0';
    snprintf(path, sizeof(path), "%s/%s", runtime_directory(), name);
    fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return;
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) ||
        (file = fdopen(fd, "r")) == NULL) {
        close(fd);
        return;
    }
    snprintf(format, sizeof(format), "%%%zus", size - 1);
    if (fscanf(file, format, word) != 1)
        word[0] = '\0';
    fclose(file);
}

static void print_service_state(void)
{
    char word[64];

    read_first_word("agent.state", word, sizeof(word));
    if (word[0] == '\0')
        printf("service state: agent stopped\n");
    else
        printf("service state: agent %s\n", word);
}

/* The isolation.state keywords are the IsolationState values of naptypes.h. */
static void print_isolation_state(void)
{
    static const struct {
        const char *keyword;
        IsolationState state;
    } states[] = {
        { "notrestricted", isolationStateNotRestricted },
        { "inprobation", isolationStateInProbation },
        { "restricted", isolationStateRestrictedAccess },
    };
    char word[64];
    size_t i;

    read_first_word("isolation.state", word, sizeof(word));
    for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
        if (strcmp(word, states[i].keyword) == 0) {
            printf("isolation state: %s (%d)\n", word, (int)states[i].state);
            return;
        }
    }
    printf("isolation state: unknown\n");
}

static int subscribe(NapNotifyType type, int *fd)
{
    HRESULT hr;

    *fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (*fd < 0) {
        perror("eventfd");
        return -1;
    }
    hr = InitializeNapAgentNotifier(type, (HANDLE)(intptr_t)*fd);
    if (FAILED(hr)) {
        fprintf(stderr, "InitializeNapAgentNotifier(%d) failed: 0x%08x\n", (int)type,
                (unsigned)hr);
        close(*fd);
        return -1;
    }
    return 0;
}

/* Waits for notifications and prints them; returns when interrupted or after count of them. */
static void monitor(int service_fd, int isolation_fd, long count)
{
    struct pollfd sources[2] = {
        { .fd = service_fd, .events = POLLIN },
        { .fd = isolation_fd, .events = POLLIN },
    };
    long printed = 0;
    uint64_t changes;

    while (!interrupted && (count == 0 || printed < count)) {
        if (poll(sources, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            perror("poll");
            return;
        }
        /* Reading the counter resets it; the state is read afresh after it. */
        if ((sources[0].revents & POLLIN) &&
            read(service_fd, &changes, sizeof(changes)) == (ssize_t)sizeof(changes)) {
            print_service_state();
            printed++;
        }
        if ((sources[1].revents & POLLIN) &&
            read(isolation_fd, &changes, sizeof(changes)) == (ssize_t)sizeof(changes)) {
            print_isolation_state();
            printed++;
        }
        fflush(stdout);
    }
}

/* COUNT as a whole number of notifications, 0 for no limit; -1 if it is not one. */
static long parse_count(const char *text)
{
    char *end;
    long count;

    errno = 0;
    count = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || count < 0)
        return -1;
    return count;
}

int main(int argc, char **argv)
{
    struct sigaction action;
    int service_fd, isolation_fd;
    long count = argc > 1 ? parse_count(argv[1]) : 0;

    if (argc > 2 || count < 0) {
        fprintf(stderr, "usage: agent_monitor [COUNT]\n"
                        "COUNT: how many notifications to print before exiting, 0 for no limit\n");
        return 2;
    }
    memset(&action, 0, sizeof(action));
    action.sa_handler = on_signal;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);

    if (subscribe(napNotifyTypeServiceState, &service_fd) != 0)
        return EXIT_FAILURE;
    if (subscribe(napNotifyTypeQuarState, &isolation_fd) != 0) {
        UninitializeNapAgentNotifier(napNotifyTypeServiceState);
        close(service_fd);
        return EXIT_FAILURE;
    }
    printf("ready\n");
    fflush(stdout);

    monitor(service_fd, isolation_fd, count);

    UninitializeNapAgentNotifier(napNotifyTypeServiceState);
    UninitializeNapAgentNotifier(napNotifyTypeQuarState);
    close(service_fd);
    close(isolation_fd);
    return EXIT_SUCCESS;
}
