/*
 * bench_sohmessage.c - how fast the SoH wire message codec is: decode+free
 * and encode+free of a typical message (a Windows-7-style system entry and
 * a Windows Security Health Agent entry as [MS-WSH] 2.2.2 lays it out) and
 * of a message of the full 4000 bytes, in messages and megabytes per
 * second, against a baseline in the same run: memcpy of the same bytes
 * into a fresh block.
 * Each figure is the median of many timed batches.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "naputil.h"
#include "windows7_entry.h"

/* Odd, so the median is one of the rounds. */
#define ROUNDS 21
/* Each timed batch lasts at least this long, well above the clock's grain. */
#define BATCH_NS 5000000.0

/* Shows the block to the compiler as read, so no work is optimised away. */
static inline void publish(const void *block)
{
    __asm__ volatile("" : : "r"(block) : "memory");
}

static void fail(const char *what)
{
    fprintf(stderr, "bench_sohmessage: %s failed\n", what);
    exit(EXIT_FAILURE);
}

static double now_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

/* ---- the messages ---- */

#define MAX_ATTRIBUTES 100
#define MAX_ENTRIES 60

/* A message under construction and the storage behind it. */
struct sample {
    NapSoHMessage message;
    NapSoHMessageSystemAttribute system[WINDOWS7_ENTRY_ATTRIBUTES];
    SoH entries[MAX_ENTRIES];
    SoH *entry_pointers[MAX_ENTRIES];
    SoHAttribute attributes[MAX_ENTRIES][MAX_ATTRIBUTES];
    NetworkSoH *encoded;
};

/* The SSoH of a Windows 7 x64 client: all eight Microsoft type-values. */
static void windows7_system_entry(struct sample *s)
{
    NapSoHMessageSystemAttribute *a = s->system;

    fill_windows7_entry(a);
    s->message.correlationId = a[5].value.correlationId;
    s->message.intent = NAP_SOH_MESSAGE_INTENT_REQUEST;
    s->message.hasSystemEntry = TRUE;
    s->message.systemAttributeCount = WINDOWS7_ENTRY_ATTRIBUTES;
    s->message.systemAttributes = a;
}

static BYTE wsha_id[] = {0x00, 0x01, 0x37, 0x80};
static BYTE wsha_flag[] = {0x00, 0x01, 0x37, 0x80, 0x03, 0x00, 0x00, 0x00};
static BYTE wsha_version[] = {0x00, 0x01, 0x37, 0x80, 0x01, 0x00, 0x06, 0x00};
static BYTE health_classes[5] = {0, 1, 2, 3, 4};
static BYTE statuses[5][4] = {{0, 0, 0, 7}, {0xc0, 0xff, 0, 2}, {0, 0, 0, 0x11},
                              {0, 0, 0, 4}, {0, 0xff, 0, 5}};
/* "Windows Firewall" in UTF-16LE with its NUL. */
static BYTE product_name[34] = {'W', 0, 'i', 0, 'n', 0, 'd', 0, 'o', 0, 'w', 0, 's', 0, ' ', 0,
                                'F', 0, 'i', 0, 'r', 0, 'e', 0, 'w', 0, 'a', 0, 'l', 0, 'l', 0};

static void set(SoHAttribute *a, UINT16 type, UINT16 size, BYTE *value)
{
    a->type = type;
    a->size = size;
    a->value = value;
}

/* The security agent's entry of [MS-WSH]: Flag, Version, five health classes. */
static void wsha_entry(struct sample *s, int index)
{
    SoHAttribute *a = s->attributes[index];
    UINT16 n = 0;
    int i;

    set(&a[n++], sohAttributeTypeSystemHealthId, sizeof(wsha_id), wsha_id);
    set(&a[n++], sohAttributeTypeVendorSpecific, sizeof(wsha_flag), wsha_flag);
    set(&a[n++], sohAttributeTypeVendorSpecific, sizeof(wsha_version), wsha_version);
    for (i = 0; i < 5; i++) {
        set(&a[n++], sohAttributeTypeHealthClass, 1, &health_classes[i]);
        if (i < 3)
            set(&a[n++], sohAttributeTypeProductName, sizeof(product_name), product_name);
        set(&a[n++], sohAttributeTypeHealthClassStatus, 4, statuses[i]);
    }
    s->entries[index].count = n;
    s->entries[index].attributes = a;
    s->entry_pointers[index] = &s->entries[index];
}

static void encode_sample(struct sample *s)
{
    FreeNetworkSoH(s->encoded);
    s->encoded = NULL;
    if (NapSoHMessageEncode(&s->message, 0, &s->encoded) != S_OK)
        fail("encoding the sample");
}

static void typical_message(struct sample *s)
{
    memset(s, 0, sizeof(*s));
    windows7_system_entry(s);
    wsha_entry(s, 0);
    s->message.entryCount = 1;
    s->message.entries = s->entry_pointers;
    encode_sample(s);
}

static BYTE filler[maxNetworkSoHSize];

/* Security-agent entries until the next would not fit, then one Client-Id pads to 4000. */
static void full_message(struct sample *s)
{
    SoHAttribute *pad;
    UINT16 count = 0;

    memset(s, 0, sizeof(*s));
    windows7_system_entry(s);
    s->message.entries = s->entry_pointers;
    do {
        wsha_entry(s, count);
        s->message.entryCount = ++count;
        encode_sample(s);
    } while (s->encoded->size + s->encoded->size / count < maxNetworkSoHSize);
    pad = &s->entries[count - 1].attributes[s->entries[count - 1].count++];
    set(pad, sohAttributeTypeClientId, 0, filler);
    encode_sample(s);
    pad->size = (UINT16)(maxNetworkSoHSize - s->encoded->size);
    encode_sample(s);
    if (s->encoded->size != maxNetworkSoHSize)
        fail("building the 4000-byte message");
}

/* ---- the operations ---- */

static void decode_and_free(const struct sample *s)
{
    NapSoHMessage *message = NULL;

    if (NapSoHMessageDecode(s->encoded, 0, &message, NULL) != S_OK)
        fail("decoding");
    publish(message);
    NapSoHMessageFree(message);
}

static void encode_and_free(const struct sample *s)
{
    NetworkSoH *soh = NULL;

    if (NapSoHMessageEncode(&s->message, 0, &soh) != S_OK)
        fail("encoding");
    publish(soh->data);
    FreeNetworkSoH(soh);
}

/* The baseline: the same bytes copied into a fresh block. */
static void copy_and_free(const struct sample *s)
{
    BYTE *copy = malloc(s->encoded->size);

    if (copy == NULL)
        fail("malloc");
    memcpy(copy, s->encoded->data, s->encoded->size);
    publish(copy);
    free(copy);
}

typedef void (*operation)(const struct sample *s);

/* Nanoseconds per operation: batches of growing size, then the median of ROUNDS. */
static double time_operation(operation op, const struct sample *s)
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
            op(s);
        if (now_ns() - start >= BATCH_NS)
            break;
        batch *= 2;
    }
    for (r = 0; r < ROUNDS; r++) {
        start = now_ns();
        for (i = 0; i < batch; i++)
            op(s);
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

static void report(const char *name, const char *what, operation op, const struct sample *s,
                   double memcpy_ns)
{
    double ns = time_operation(op, s);
    double size = s->encoded->size;

    printf("%-28s %-12s %5u %12.0f %10.1f %12.1f %8.1fx\n", name, what,
           (unsigned)s->encoded->size, 1e9 / ns, size * 1e3 / ns, size * 1e3 / memcpy_ns,
           ns / memcpy_ns);
}

static void bench_case(const char *name, const struct sample *s)
{
    double memcpy_ns = time_operation(copy_and_free, s);

    report(name, "decode+free", decode_and_free, s, memcpy_ns);
    report(name, "encode+free", encode_and_free, s, memcpy_ns);
}

int main(void)
{
    static struct sample typical;
    static struct sample full;

    typical_message(&typical);
    full_message(&full);
    printf("SoH wire message codec, median of %d batches of >= %.0f ms; baseline: malloc + "
           "memcpy + free of the same bytes\n", ROUNDS, BATCH_NS / 1e6);
    printf("%-28s %-12s %5s %12s %10s %12s %9s\n", "message", "operation", "bytes", "messages/s",
           "MB/s", "memcpy MB/s", "ratio");
    bench_case("Windows 7 SSoH + WSHA entry", &typical);
    bench_case("4000-byte message", &full);
    FreeNetworkSoH(typical.encoded);
    FreeNetworkSoH(full.encoded);
    return EXIT_SUCCESS;
}
