/*
 * bench_sohmessage.c - how fast the SoH wire message codec is: decode+free
 * and encode+free of three messages, against a baseline of malloc + memcpy
 * + free of the same bytes.
 *
 * The messages span the sizes a health policy server meets: a 152-byte
 * message holding only the system entry (SSoH) with six of Microsoft's
 * type-values, built here from the tests' Windows 7 fixture; a
 * Windows-7-style message with two report entries (401 bytes); and a
 * message of 31 report entries close to the 4000-byte limit (3996 bytes).
 * The last two are hex text in bench/messages/, read at run time from the
 * directory named by NAPUTIL_BENCH_MESSAGES (make bench and make
 * bench-callgrind set it to the source tree's), so that an out-of-tree
 * build measures the same bytes.  Encode+free encodes what decoding the
 * bytes once gave, which must encode back to the very same bytes.
 *
 * Without arguments each operation is timed: the median of many batches,
 * in messages and megabytes per second.  With --callgrind, each side of
 * each case makes a fixed number of operations between callgrind client
 * requests that zero the counters and dump them under a name;
 * bench/bench-callgrind.sh --codec turns the dumps into instructions per
 * message.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <valgrind/callgrind.h>

#include "naputil.h"
#include "napsoh-input.h"
#include "windows7_entry.h"

/* Odd, so the median is one of the rounds. */
#define ROUNDS 21
/* Each timed batch lasts at least this long, well above the clock's grain. */
#define BATCH_NS 5000000.0
/*
 * Operations per side of a case under callgrind, after the warm-up: the
 * count of one message barely varies, and the large one costs about a
 * hundred thousand instructions, which callgrind runs slowly.
 */
#define CALLGRIND_OPERATIONS 200
/* Enough operations to bind every symbol and fill malloc's caches. */
#define WARM_UP_OPERATIONS 50

/* The size the built message must have (see ssoh_only_message). */
#define SSOH_ONLY_SIZE 152

/* Shows the block to the compiler as read, so no work is optimised away. */
static inline void publish(const void *block)
{
    __asm__ volatile("" : : "r"(block) : "memory");
}

/* Every failure ends the run: a figure for the wrong bytes is worse than none. */
static void fail(const char *format, ...)
{
    va_list args;

    fputs("bench_sohmessage: ", stderr);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    exit(EXIT_FAILURE);
}

static double now_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

/* ---- the messages ---- */

/* One message measured: its bytes, and the structure encode+free encodes. */
struct message {
    const char *name;
    NetworkSoH wire;
    const NapSoHMessage *decoded;
    /* What main releases at the end: exactly one of the two is set. */
    NetworkSoH *encoded;
    NapSoHMessage *owned;
};

/* The fixture's attribute of that type (it has one of each). */
static NapSoHMessageSystemAttribute windows7_attribute(NapSoHMessageSystemAttributeType type)
{
    NapSoHMessageSystemAttribute a[WINDOWS7_ENTRY_ATTRIBUTES];
    int i;

    fill_windows7_entry(a);
    for (i = 0; i < WINDOWS7_ENTRY_ATTRIBUTES; i++)
        if (a[i].type == type)
            return a[i];
    fail("the Windows 7 fixture has no type-value %d", (int)type);
    return a[0];
}

/*
 * The small end: format 2, the SSoH alone with six of the Windows 7
 * fixture's type-values in this order, no report entries.  The machine
 * name (22 bytes with its NUL) and the empty quarantine URL make it 152
 * bytes, a size checked here so that a change to the fixture or the encoder
 * cannot silently measure another message.
 */
static void ssoh_only_message(struct message *m)
{
    static const NapSoHMessageSystemAttributeType order[] = {
        napSoHMessagePacketInfo,      napSoHMessageMachineInventory,
        napSoHMessageMachineName,     napSoHMessageCorrelationId,
        napSoHMessageQuarantineState, napSoHMessageMachineInventoryEx,
    };
    static NapSoHMessageSystemAttribute system[sizeof(order) / sizeof(order[0])];
    static BYTE machine_name[] = "napclient.contoso.com";
    static NapSoHMessage message;
    size_t i;

    for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        system[i] = windows7_attribute(order[i]);
        if (order[i] == napSoHMessageMachineName) {
            system[i].value.machineName.size = sizeof(machine_name);
            system[i].value.machineName.bytes = machine_name;
        } else if (order[i] == napSoHMessageQuarantineState) {
            system[i].value.quarantineState.urlSize = 0;
            system[i].value.quarantineState.url = NULL;
        } else if (order[i] == napSoHMessageCorrelationId) {
            message.correlationId = system[i].value.correlationId;
        }
    }
    message.format = NAP_SOH_MESSAGE_FORMAT_2;
    message.intent = NAP_SOH_MESSAGE_INTENT_REQUEST;
    message.hasSystemEntry = TRUE;
    message.systemAttributeCount = (UINT16)(sizeof(order) / sizeof(order[0]));
    message.systemAttributes = system;

    m->name = "152-byte SSoH-only";
    if (NapSoHMessageEncode(&message, 0, &m->encoded) != S_OK)
        fail("encoding the %s message failed", m->name);
    if (m->encoded->size != SSOH_ONLY_SIZE)
        fail("the SSoH-only message is %u bytes, not %d", (unsigned)m->encoded->size,
             SSOH_ONLY_SIZE);
    m->wire = *m->encoded;
    m->decoded = &message;
}

/*
 * The bytes of a hex file, read as napsoh reads one (tools/napsoh-input.c):
 * anything it refuses, or a size other than the one the file is named
 * for, stops the run.  The text of a 4000-byte message takes some 8 KB.
 */
#define HEX_FILE_LIMIT 16384

static BYTE *read_hex(const char *path, size_t expected)
{
    unsigned char *text = malloc(HEX_FILE_LIMIT);
    FILE *file = fopen(path, "rb");
    struct napsoh_hex_error error;
    size_t size;

    if (text == NULL)
        fail("malloc failed");
    if (file == NULL)
        fail("cannot open %s (is NAPUTIL_BENCH_MESSAGES the source tree's bench/messages?)",
             path);
    size = fread(text, 1, HEX_FILE_LIMIT, file);
    if (ferror(file) || !feof(file))
        fail("reading %s failed, or it is longer than %d bytes", path, HEX_FILE_LIMIT);
    fclose(file);
    if (!napsoh_is_text(text, size))
        fail("%s: not hex text", path);
    if (napsoh_hex_to_binary(text, &size, &error) != 0)
        fail("%s: offset %zu: %s", path, error.offset, error.reason);
    if (size != expected)
        fail("%s: %zu bytes, expected %zu", path, size, expected);
    return text;
}

/*
 * A message from a hex file, decoded once for encode+free to encode.  The
 * encoder must give back the file's bytes exactly: otherwise encode+free
 * would measure another message than decode+free.
 */
static void file_message(struct message *m, const char *directory, const char *name,
                         size_t size)
{
    char path[4096];
    NetworkSoH *again = NULL;
    UINT16 offset = 0;
    HRESULT hr;
    size_t i;

    if (snprintf(path, sizeof(path), "%s/%s.hex", directory, name) >= (int)sizeof(path))
        fail("the path of %s.hex is too long", name);
    m->name = name;
    m->wire.size = (UINT16)size;
    m->wire.data = read_hex(path, size);
    hr = NapSoHMessageDecode(&m->wire, 0, &m->owned, &offset);
    if (hr != S_OK)
        fail("%s does not decode: 0x%08x at offset %u", path, (unsigned)hr,
             (unsigned)offset);
    m->decoded = m->owned;
    hr = NapSoHMessageEncode(m->decoded, 0, &again);
    if (hr != S_OK)
        fail("%s decoded does not encode: 0x%08x", path, (unsigned)hr);
    if (again->size != m->wire.size)
        fail("%s decoded encodes to %u bytes, not %u", path, (unsigned)again->size,
             (unsigned)m->wire.size);
    if (memcmp(again->data, m->wire.data, m->wire.size) != 0) {
        for (i = 0; again->data[i] == m->wire.data[i]; i++)
            ;
        fail("%s decoded encodes to other bytes, first at offset %zu", path, i);
    }
    FreeNetworkSoH(again);
}

static void release_message(struct message *m)
{
    if (m->owned != NULL) {
        NapSoHMessageFree(m->owned);
        free(m->wire.data);
    }
    FreeNetworkSoH(m->encoded);
}

/* ---- the operations ---- */

static void decode_and_free(const struct message *m)
{
    NapSoHMessage *message = NULL;

    if (NapSoHMessageDecode(&m->wire, 0, &message, NULL) != S_OK)
        fail("decoding %s failed", m->name);
    publish(message);
    NapSoHMessageFree(message);
}

static void encode_and_free(const struct message *m)
{
    NetworkSoH *soh = NULL;

    if (NapSoHMessageEncode(m->decoded, 0, &soh) != S_OK)
        fail("encoding %s failed", m->name);
    publish(soh->data);
    FreeNetworkSoH(soh);
}

/* The baseline: the same bytes copied into a fresh block. */
static void copy_and_free(const struct message *m)
{
    BYTE *copy = malloc(m->wire.size);

    if (copy == NULL)
        fail("malloc failed");
    memcpy(copy, m->wire.data, m->wire.size);
    publish(copy);
    free(copy);
}

typedef void (*operation)(const struct message *m);

static const struct {
    const char *name;
    operation run;
} operations[] = {
    {"decode+free", decode_and_free},
    {"encode+free", encode_and_free},
};

#define OPERATION_COUNT (sizeof(operations) / sizeof(operations[0]))
#define MESSAGE_COUNT 3

/* ---- timed ---- */

/* Nanoseconds per operation: batches of growing size, then the median of ROUNDS. */
static double time_operation(operation op, const struct message *m)
{
    double rounds[ROUNDS];
    unsigned long batch = 1;
    unsigned long i;
    double start;
    int r;
    int j;

    for (;;) {
        start = now_ns();
        for (i = 0; i < batch; i++)
            op(m);
        if (now_ns() - start >= BATCH_NS)
            break;
        batch *= 2;
    }
    for (r = 0; r < ROUNDS; r++) {
        start = now_ns();
        for (i = 0; i < batch; i++)
            op(m);
        rounds[r] = (now_ns() - start) / batch;
    }
    for (r = 1; r < ROUNDS; r++)
        for (j = r; j > 0 && rounds[j - 1] > rounds[j]; j--) {
            double t = rounds[j];

            rounds[j] = rounds[j - 1];
            rounds[j - 1] = t;
        }
    return rounds[ROUNDS / 2];
}

static int run_timed(const struct message *messages)
{
    size_t i, k;

    printf("SoH wire message codec, median of %d batches of >= %.0f ms; baseline: malloc + "
           "memcpy + free of the same bytes\n", ROUNDS, BATCH_NS / 1e6);
    printf("%-28s %-12s %5s %12s %10s %12s %9s\n", "message", "operation", "bytes", "messages/s",
           "MB/s", "memcpy MB/s", "ratio");
    for (i = 0; i < MESSAGE_COUNT; i++) {
        const struct message *m = &messages[i];
        double memcpy_ns = time_operation(copy_and_free, m);
        double size = m->wire.size;

        for (k = 0; k < OPERATION_COUNT; k++) {
            double ns = time_operation(operations[k].run, m);

            printf("%-28s %-12s %5u %12.0f %10.1f %12.1f %8.1fx\n", m->name, operations[k].name,
                   (unsigned)m->wire.size, 1e9 / ns, size * 1e3 / ns, size * 1e3 / memcpy_ns,
                   ns / memcpy_ns);
        }
    }
    return EXIT_SUCCESS;
}

/* ---- under callgrind ---- */

static void repeat(operation op, const struct message *m, unsigned long count)
{
    unsigned long n;

    for (n = 0; n < count; n++)
        op(m);
}

/*
 * Zeroes callgrind's counters, runs one side of a case and dumps the
 * counters under the name "side|operations|case" for bench-callgrind.sh.
 */
static void count_side(const char *side, operation op, const struct message *m,
                       const char *case_name)
{
    char label[128];

    snprintf(label, sizeof(label), "%s|%d|%s", side, CALLGRIND_OPERATIONS, case_name);
    CALLGRIND_ZERO_STATS;
    repeat(op, m, CALLGRIND_OPERATIONS);
    CALLGRIND_DUMP_STATS_AT(label);
}

/* Every decode+free case, then every encode+free case. */
static int run_under_callgrind(const struct message *messages)
{
    char case_name[64];
    size_t i, k;

    if (!RUNNING_ON_VALGRIND) {
        fprintf(stderr, "bench_sohmessage: --callgrind is for valgrind --tool=callgrind\n");
        return EXIT_FAILURE;
    }
    for (k = 0; k < OPERATION_COUNT; k++)
        for (i = 0; i < MESSAGE_COUNT; i++) {
            const struct message *m = &messages[i];

            snprintf(case_name, sizeof(case_name), "%s %s", operations[k].name, m->name);
            repeat(operations[k].run, m, WARM_UP_OPERATIONS);
            repeat(copy_and_free, m, WARM_UP_OPERATIONS);
            count_side("library", operations[k].run, m, case_name);
            count_side("baseline", copy_and_free, m, case_name);
        }
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    static struct message messages[MESSAGE_COUNT];
    const char *directory = getenv("NAPUTIL_BENCH_MESSAGES");
    int callgrind = argc == 2 && strcmp(argv[1], "--callgrind") == 0;
    int status;
    size_t i;

    if (argc != 1 && !callgrind) {
        fprintf(stderr, "usage: NAPUTIL_BENCH_MESSAGES=DIRECTORY bench_sohmessage [--callgrind]\n");
        return EXIT_FAILURE;
    }
    if (directory == NULL || *directory == '\0')
        fail("NAPUTIL_BENCH_MESSAGES must name the directory of the benchmark's messages "
             "(bench/messages in the source tree)");
    ssoh_only_message(&messages[0]);
    file_message(&messages[1], directory, "win7-style-401", 401);
    file_message(&messages[2], directory, "large-3996", 3996);
    status = callgrind ? run_under_callgrind(messages) : run_timed(messages);
    for (i = 0; i < MESSAGE_COUNT; i++)
        release_message(&messages[i]);
    return status;
}
