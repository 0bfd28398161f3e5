/*
 * check_stress.c - the library under threads.  Eight threads each make
 * 100,000 mixed Alloc* and Free* calls and caller-side CoTaskMem* calls, on
 * structures they keep and on structures handed over through a queue to
 * whichever thread takes them next; whoever frees a structure first checks
 * every byte of it.  A second test arms an allocation failure (testutil.h) again
 * and again while the threads run, and counts the failures they see.
 *
 * CI runs this under ThreadSanitizer and valgrind as well as natively.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "naputil.h"
#include "testutil.h"

#define THREADS 8
#define OPERATIONS_PER_THREAD 100000
#define QUEUE_CAPACITY 64
#define MAX_STRING_UNITS 64
#define MAX_ATTRIBUTES 4
#define MAX_BLOCK_BYTES 200
/* Armed failures in the failure test, each at one of the next 1 to 10 allocations. */
#define FAILURE_ROUNDS 300
/* Generous: valgrind and ThreadSanitizer slow the threads down tenfold. */
#define STRESS_TIMEOUT_SECONDS 300

/* What a queued structure is, so that the taker knows how to check it. */
enum item_kind {
    ITEM_CONNECTIONS,
    ITEM_STRING,
    ITEM_FIXUP_INFO,
    ITEM_SOH,
    ITEM_BLOCK,
    ITEM_KINDS
};

/* A structure and the seed its contents were derived from. */
struct item {
    enum item_kind kind;
    void *structure;
    uint32_t seed;
};

/* The hand-over queue: a ring of items behind one mutex. */
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item queue[QUEUE_CAPACITY];
static size_t queue_head, queue_length;

static int queue_push(const struct item *item)
{
    int pushed = 0;

    pthread_mutex_lock(&queue_lock);
    if (queue_length < QUEUE_CAPACITY) {
        queue[(queue_head + queue_length) % QUEUE_CAPACITY] = *item;
        queue_length++;
        pushed = 1;
    }
    pthread_mutex_unlock(&queue_lock);
    return pushed;
}

static int queue_pop(struct item *item)
{
    int popped = 0;

    pthread_mutex_lock(&queue_lock);
    if (queue_length > 0) {
        *item = queue[queue_head];
        queue_head = (queue_head + 1) % QUEUE_CAPACITY;
        queue_length--;
        popped = 1;
    }
    pthread_mutex_unlock(&queue_lock);
    return popped;
}

/*
 * Mismatches found by the worker threads.  Check's assertions belong to the
 * main thread, so the workers count and describe, and the test asserts.
 */
static atomic_int errors;

static void report(const char *what, uint32_t seed)
{
    if (atomic_fetch_add(&errors, 1) < 10)
        fprintf(stderr, "stress: %s (seed %lu)\n", what, (unsigned long)seed);
}

/* xorshift32: cheap, and each thread has its own state. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* One connection object shared by all threads, its count kept atomically. */
struct shared_connection {
    INapEnforcementClientConnection iface;
    atomic_ulong refs;
};

static ULONG STDMETHODCALLTYPE shared_add_ref(INapEnforcementClientConnection *This)
{
    return (ULONG)atomic_fetch_add(&((struct shared_connection *)This)->refs, 1) + 1;
}

static ULONG STDMETHODCALLTYPE shared_release(INapEnforcementClientConnection *This)
{
    return (ULONG)atomic_fetch_sub(&((struct shared_connection *)This)->refs, 1) - 1;
}

static const INapEnforcementClientConnectionVtbl shared_vtbl = {
    .AddRef = shared_add_ref,
    .Release = shared_release,
};

static struct shared_connection connection = {{&shared_vtbl}, 1};

/* Connections: seed % 21 slots, each holding a reference. */

static void *make_connections(uint32_t seed)
{
    UINT16 slots = (UINT16)(seed % (maxConnectionCountPerEnforcer + 1));
    Connections *list = NULL;
    UINT16 i;

    if (AllocConnections(&list, slots) != S_OK || list == NULL || list->count != slots) {
        report("AllocConnections", seed);
        FreeConnections(list);
        return NULL;
    }
    for (i = 0; i < slots; i++) {
        if (list->connections[i] != NULL)
            report("AllocConnections: slot not NULL", seed);
        connection.iface.lpVtbl->AddRef(&connection.iface);
        list->connections[i] = &connection.iface;
    }
    return list;
}

static void check_connections(Connections *list, uint32_t seed)
{
    UINT16 i;

    if (list->count != seed % (maxConnectionCountPerEnforcer + 1))
        report("Connections: count", seed);
    for (i = 0; i < list->count; i++)
        if (list->connections[i] != &connection.iface)
            report("Connections: slot", seed);
    FreeConnections(list);
}

/* Counted strings: seed % 65 units derived from the seed. */

static WCHAR string_unit(uint32_t seed, size_t i)
{
    return (WCHAR)(u'A' + (seed + i) % 26);
}

static void *make_string(uint32_t seed)
{
    size_t length = seed % (MAX_STRING_UNITS + 1), i;
    WCHAR text[MAX_STRING_UNITS + 1];
    CountedString *counted = NULL;

    for (i = 0; i < length; i++)
        text[i] = string_unit(seed, i);
    text[length] = 0;
    if (AllocCountedString(&counted, text) != S_OK || counted == NULL) {
        report("AllocCountedString", seed);
        return NULL;
    }
    return counted;
}

static void check_string(CountedString *counted, uint32_t seed)
{
    size_t length = seed % (MAX_STRING_UNITS + 1), i;

    if (counted->length != length || counted->string[length] != 0)
        report("CountedString: length", seed);
    for (i = 0; i < length && i < counted->length; i++)
        if (counted->string[i] != string_unit(seed, i))
            report("CountedString: contents", seed);
    FreeCountedString(counted);
}

/* Fix-up information: seed % 41 codes, now and then the most allowed. */

static UINT16 fixup_codes(uint32_t seed)
{
    if (seed % 97 == 0)
        return maxDwordCountPerSoHAttribute;
    return (UINT16)(seed % 41);
}

static void *make_fixup_info(uint32_t seed)
{
    UINT16 codes = fixup_codes(seed), i;
    FixupInfo *info = NULL;

    if (AllocFixupInfo(&info, codes) != S_OK || info == NULL || info->resultCodes.count != codes) {
        report("AllocFixupInfo", seed);
        FreeFixupInfo(info);
        return NULL;
    }
    if (info->state != 0 || info->percentage != 0 || info->fixupMsgId != 0)
        report("AllocFixupInfo: fields not zero", seed);
    for (i = 0; i < codes; i++) {
        if (info->resultCodes.results[i] != 0)
            report("AllocFixupInfo: code not zero", seed);
        info->resultCodes.results[i] = (HRESULT)(seed + i);
    }
    return info;
}

static void check_fixup_info(FixupInfo *info, uint32_t seed)
{
    UINT16 i;

    if (info->resultCodes.count != fixup_codes(seed))
        report("FixupInfo: count", seed);
    for (i = 0; i < info->resultCodes.count; i++)
        if (info->resultCodes.results[i] != (HRESULT)(seed + i))
            report("FixupInfo: code", seed);
    FreeFixupInfo(info);
}

/* A Statement of Health built by hand with CoTaskMemAlloc, as callers do. */

static UINT16 attribute_size(uint32_t seed, UINT16 i)
{
    return (UINT16)(1 + (seed + i) % 16);
}

static void *make_soh(uint32_t seed)
{
    SoH *soh = CoTaskMemAlloc(sizeof(*soh));
    UINT16 i;

    if (soh == NULL) {
        report("CoTaskMemAlloc", seed);
        return NULL;
    }
    soh->count = (UINT16)(seed % (MAX_ATTRIBUTES + 1));
    soh->attributes = CoTaskMemAlloc(soh->count * sizeof(*soh->attributes));
    if (soh->attributes == NULL) {
        report("CoTaskMemAlloc", seed);
        soh->count = 0;
        return soh;
    }
    for (i = 0; i < soh->count; i++) {
        SoHAttribute *attribute = &soh->attributes[i];

        attribute->type = sohAttributeTypeVendorSpecific;
        attribute->size = attribute_size(seed, i);
        attribute->value = CoTaskMemAlloc(attribute->size);
        if (attribute->value == NULL)
            report("CoTaskMemAlloc", seed);
        else
            memset(attribute->value, (int)((seed + i) & 0xFF), attribute->size);
    }
    return soh;
}

static void check_soh(SoH *soh, uint32_t seed)
{
    UINT16 i, j;

    if (soh->count != seed % (MAX_ATTRIBUTES + 1))
        report("SoH: count", seed);
    for (i = 0; i < soh->count; i++) {
        const SoHAttribute *attribute = &soh->attributes[i];

        if (attribute->size != attribute_size(seed, i))
            report("SoH: attribute size", seed);
        for (j = 0; j < attribute->size; j++)
            if (attribute->value[j] != (BYTE)(seed + i))
                report("SoH: attribute value", seed);
    }
    FreeSoH(soh);
}

/*
 * Caller-side task memory: a block of seed % 200 bytes, filled, grown with
 * CoTaskMemRealloc and checked; the taker frees it one of COM's two ways.
 */

static size_t block_bytes(uint32_t seed)
{
    return seed % MAX_BLOCK_BYTES;
}

static void *make_block(uint32_t seed)
{
    size_t bytes = block_bytes(seed), i;
    BYTE *block = CoTaskMemAlloc(bytes);
    BYTE *grown;

    if (block == NULL) {
        report("CoTaskMemAlloc", seed);
        return NULL;
    }
    memset(block, (int)(seed & 0xFF), bytes);
    grown = CoTaskMemRealloc(block, bytes + 1 + seed % 64);
    if (grown == NULL) {
        report("CoTaskMemRealloc", seed);
        return block;
    }
    for (i = 0; i < bytes; i++)
        if (grown[i] != (BYTE)seed)
            report("CoTaskMemRealloc: contents", seed);
    return grown;
}

static void check_block(BYTE *block, uint32_t seed)
{
    size_t i;

    for (i = 0; i < block_bytes(seed); i++)
        if (block[i] != (BYTE)seed)
            report("task memory block: contents", seed);
    if (seed & 1)
        CoTaskMemFree(block);
    else if (CoTaskMemRealloc(block, 0) != NULL)
        report("CoTaskMemRealloc to 0 bytes", seed);
}

static void *make_structure(enum item_kind kind, uint32_t seed)
{
    switch (kind) {
    case ITEM_CONNECTIONS:
        return make_connections(seed);
    case ITEM_STRING:
        return make_string(seed);
    case ITEM_FIXUP_INFO:
        return make_fixup_info(seed);
    case ITEM_SOH:
        return make_soh(seed);
    default:
        return make_block(seed);
    }
}

/* Checks the item's contents against its seed, then frees it. */
static void check_and_free(const struct item *item)
{
    switch (item->kind) {
    case ITEM_CONNECTIONS:
        check_connections(item->structure, item->seed);
        break;
    case ITEM_STRING:
        check_string(item->structure, item->seed);
        break;
    case ITEM_FIXUP_INFO:
        check_fixup_info(item->structure, item->seed);
        break;
    case ITEM_SOH:
        check_soh(item->structure, item->seed);
        break;
    default:
        check_block(item->structure, item->seed);
        break;
    }
}

/*
 * Each operation either takes an item from the queue, or makes one, which
 * half the time goes to the queue (or, when it is full, straight back) and
 * otherwise is checked and freed at once by the thread that made it.
 */
static void *stress_worker(void *seed)
{
    uint32_t state = (uint32_t)(uintptr_t)seed;
    unsigned long n;

    for (n = 0; n < OPERATIONS_PER_THREAD; n++) {
        uint32_t choice = next_random(&state);
        struct item item;

        if (choice % (ITEM_KINDS + 1) == ITEM_KINDS) {
            if (queue_pop(&item))
                check_and_free(&item);
            continue;
        }
        item.kind = (enum item_kind)(choice % (ITEM_KINDS + 1));
        item.seed = next_random(&state);
        item.structure = make_structure(item.kind, item.seed);
        if (item.structure == NULL)
            continue;
        if ((choice & 0x100) == 0 || !queue_push(&item))
            check_and_free(&item);
    }
    return NULL;
}

static void start_threads(pthread_t *threads, void *(*worker)(void *))
{
    uintptr_t i;

    for (i = 0; i < THREADS; i++)
        if (pthread_create(&threads[i], NULL, worker, (void *)(0x9E3779B9u * (i + 1))) != 0)
            ck_abort_msg("pthread_create failed");
}

static void join_threads(pthread_t *threads)
{
    int i;

    for (i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
}

START_TEST(threads_share_and_hand_over_structures)
{
    pthread_t threads[THREADS];
    long before = live_heap_blocks();
    struct item item;
    long after;

    start_threads(threads, stress_worker);
    join_threads(threads);
    while (queue_pop(&item))
        check_and_free(&item);
    after = live_heap_blocks();

    ck_assert_int_eq(atomic_load(&errors), 0);
    ck_assert_int_eq(after, before);
    ck_assert_uint_eq(atomic_load(&connection.refs), 1);
}
END_TEST

/*
 * The failure test.  The thread whose call an armed failure hits counts it and,
 * until all rounds are done, arms the next one: no failure is armed while
 * another is pending, and the rounds never wait for a thread to be
 * scheduled (valgrind runs one thread at a time, and a waiting main thread
 * could starve).
 */
static atomic_long failures_seen;

static void failure_seen(void)
{
    long seen = atomic_fetch_add(&failures_seen, 1) + 1;

    if (seen < FAILURE_ROUNDS)
        fail_nth_allocation(1 + (unsigned long)seen % 10);
}

/*
 * Whether an Alloc* call under an armed failure succeeded; a failure must be
 * E_OUTOFMEMORY with the out-pointer set to NULL.
 */
static int succeeded(HRESULT hr, const void *out, uint32_t seed)
{
    if (hr == S_OK && out != NULL)
        return 1;
    if (hr == E_OUTOFMEMORY && out == NULL)
        failure_seen();
    else
        report("Alloc* under an armed failure", seed);
    return 0;
}

/* A value no out-pointer holds after a call, success or failure. */
#define STALE ((void *)&connection)

/* The out-pointer is read only after the call has returned. */
static void allocate_under_armed_failure(uint32_t seed)
{
    Connections *list = STALE;
    CountedString *counted = STALE;
    FixupInfo *info = STALE;
    void *block, *grown;
    HRESULT hr;

    switch (seed % 4) {
    case 0:
        hr = AllocConnections(&list, (UINT16)(seed % 21));
        if (succeeded(hr, list, seed))
            FreeConnections(list);
        break;
    case 1:
        hr = AllocCountedString(&counted, u"stress");
        if (succeeded(hr, counted, seed))
            FreeCountedString(counted);
        break;
    case 2:
        hr = AllocFixupInfo(&info, (UINT16)(seed % 41));
        if (succeeded(hr, info, seed))
            FreeFixupInfo(info);
        break;
    default:
        block = CoTaskMemAlloc(32);
        if (block == NULL) {
            failure_seen();
            break;
        }
        grown = CoTaskMemRealloc(block, 64);
        if (grown == NULL)
            failure_seen();
        CoTaskMemFree(grown != NULL ? grown : block);
        break;
    }
}

static void *failure_worker(void *seed)
{
    uint32_t state = (uint32_t)(uintptr_t)seed;

    while (atomic_load(&failures_seen) < FAILURE_ROUNDS)
        allocate_under_armed_failure(next_random(&state));
    return NULL;
}

/*
 * Each armed failure happens exactly once, to one call: the threads must
 * see exactly one failed call per round, and leave nothing behind.
 */
START_TEST(failures_armed_while_threads_run)
{
    pthread_t threads[THREADS];
    long before = live_heap_blocks();
    long after;

    start_threads(threads, failure_worker);
    fail_nth_allocation(1);
    join_threads(threads);
    after = live_heap_blocks();

    ck_assert_int_eq(atomic_load(&errors), 0);
    ck_assert_int_eq(atomic_load(&failures_seen), FAILURE_ROUNDS);
    ck_assert(allocation_failure_happened());
    ck_assert_int_eq(after, before);
}
END_TEST

static Suite *stress_suite(void)
{
    Suite *suite = suite_create("stress");
    TCase *threads = add_test_case(suite, "threads");

    tcase_set_timeout(threads, STRESS_TIMEOUT_SECONDS);
    tcase_add_test(threads, threads_share_and_hand_over_structures);
    tcase_add_test(threads, failures_armed_while_threads_run);
    return suite;
}

int main(void)
{
    return run_suite(stress_suite());
}
