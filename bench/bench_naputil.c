/*
 * bench_naputil.c - what the library costs over the C heap.
 *
 * Each case runs twice: through the library, and as a baseline written here
 * that does the least work COM's memory rules allow for the same result: the
 * same number of blocks of the same sizes, straight from malloc, realloc
 * and free, with the same bytes copied or zeroed.  Structures the
 * caller fills (connections, hand-built structures) are filled by the same
 * code on both sides, so only the library's share differs.
 *
 * Without arguments, the two sides are timed in alternation over many rounds
 * and the medians are printed.  With --callgrind, each side of each case
 * makes a fixed number of operations between callgrind client requests that
 * zero the counters and dump them under a name; bench/bench-callgrind.sh
 * turns the dumps into instructions per operation.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <valgrind/callgrind.h>

#include "naputil.h"

/* Rounds of the timed mode; odd, so the median is one of the rounds. */
#define ROUNDS 31
/* Each timed batch lasts at least this long, well above the clock's grain. */
#define BATCH_NS 1000000.0
/* Operations per side of a case under callgrind, after the warm-up. */
#define CALLGRIND_OPERATIONS 1000
/* Enough operations to bind every symbol and fill malloc's caches. */
#define WARM_UP_OPERATIONS 100

/*
 * Shows the block to the compiler as read by unknown code before it is
 * freed, at no cost: otherwise it may drop the baseline's malloc/free pairs
 * and its copies into blocks that are never read, and hoist its reading of
 * the source text out of the loop.
 */
static inline void publish(const void *block)
{
    __asm__ volatile("" : : "r"(block) : "memory");
}

static void out_of_memory(const char *what)
{
    fprintf(stderr, "bench_naputil: %s failed\n", what);
    exit(EXIT_FAILURE);
}

static void *must(void *block, const char *what)
{
    if (block == NULL)
        out_of_memory(what);
    return block;
}

/*
 * The cheapest zeroed blocks: malloc and memset, which with glibc cost
 * about half what calloc does for small blocks (before glibc 2.41, calloc
 * bypasses malloc's per-thread cache).  The empty asm keeps the compiler
 * from turning the pair back into calloc.  A structure is zeroed with the
 * stores the compiler picks for its known size; an array's size is hidden,
 * so that glibc's memset zeroes it and not an inline string instruction.
 * The library zeroes its blocks the same way.
 */
static inline void *zeroed_structure(size_t size)
{
    void *block = must(malloc(size), "malloc");

    __asm__("" : "+r"(block));
    return memset(block, 0, size);
}

static void *zeroed_array(size_t size)
{
    void *block = must(malloc(size), "malloc");

    __asm__("" : "+r"(block), "+r"(size));
    return memset(block, 0, size);
}

/* A connection that only counts references, as a caller's would. */
struct bench_connection {
    INapEnforcementClientConnection iface;
    ULONG refs;
};

static ULONG STDMETHODCALLTYPE connection_add_ref(INapEnforcementClientConnection *This)
{
    return ++((struct bench_connection *)This)->refs;
}

static ULONG STDMETHODCALLTYPE connection_release(INapEnforcementClientConnection *This)
{
    return --((struct bench_connection *)This)->refs;
}

static const INapEnforcementClientConnectionVtbl connection_vtbl = {
    .AddRef = connection_add_ref,
    .Release = connection_release,
};

static struct bench_connection the_connection = {{&connection_vtbl}, 1};

/* What the caller does with a fresh list: one reference in every slot. */
static void fill_connections(Connections *list)
{
    UINT16 i;

    for (i = 0; i < list->count; i++) {
        INapEnforcementClientConnection *connection = &the_connection.iface;

        connection->lpVtbl->AddRef(connection);
        list->connections[i] = connection;
    }
}

/*
 * Every side of every case runs `operations` times on a structure of the
 * case's size: a count of slots, characters, codes or elements, or bytes.
 */

/* AllocConnections + FreeConnections, each slot holding a reference. */

static void library_connections(unsigned long operations, size_t slots)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        Connections *list;

        if (FAILED(AllocConnections(&list, (UINT16)slots)))
            out_of_memory("AllocConnections");
        fill_connections(list);
        publish(list);
        FreeConnections(list);
    }
}

static void release_connections(Connections *list)
{
    UINT16 i;

    for (i = 0; i < list->count; i++)
        list->connections[i]->lpVtbl->Release(list->connections[i]);
}

static void baseline_connections(unsigned long operations, size_t slots)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        Connections *list = zeroed_structure(sizeof(*list));

        if (slots > 0)
            list->connections = zeroed_array(slots * sizeof(*list->connections));
        list->count = (UINT16)slots;
        fill_connections(list);
        publish(list);
        release_connections(list);
        free(list->connections);
        free(list);
    }
}

/* AllocCountedString + FreeCountedString, on a text of `length` characters. */

static WCHAR text[maxStringLength + 1];

/* text ends with the longest string the library accepts. */
static void fill_text(void)
{
    size_t i;

    for (i = 0; i < maxStringLength; i++)
        text[i] = (WCHAR)('a' + i % 26);
    text[maxStringLength] = 0;
}

static const WCHAR *text_of_length(size_t length)
{
    return &text[maxStringLength - length];
}

static void library_counted_string(unsigned long operations, size_t length)
{
    const WCHAR *string = text_of_length(length);
    unsigned long n;

    for (n = 0; n < operations; n++) {
        CountedString *counted;

        if (FAILED(AllocCountedString(&counted, string)))
            out_of_memory("AllocCountedString");
        publish(counted);
        FreeCountedString(counted);
    }
}

/*
 * The baseline still has to find the length of the NUL-terminated string,
 * with the library's scan of 8 units per step but without its bound.
 */
static size_t unbounded_length(const WCHAR *string)
{
    size_t length = 0, i;

    for (;; length += 8)
#pragma GCC unroll 8
        for (i = 0; i < 8; i++)
            if (string[length + i] == 0)
                return length + i;
}

static void baseline_counted_string(unsigned long operations, size_t text_length)
{
    const WCHAR *string = text_of_length(text_length);
    unsigned long n;

    for (n = 0; n < operations; n++) {
        CountedString *counted = zeroed_structure(sizeof(*counted));
        size_t length = unbounded_length(string);

        counted->string = must(malloc((length + 1) * sizeof(WCHAR)), "malloc");
        memcpy(counted->string, string, (length + 1) * sizeof(WCHAR));
        counted->length = (UINT16)length;
        publish(counted);
        free(counted->string);
        free(counted);
    }
}

/* AllocFixupInfo + FreeFixupInfo. */

static void library_fixup_info(unsigned long operations, size_t codes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        FixupInfo *info;

        if (FAILED(AllocFixupInfo(&info, (UINT16)codes)))
            out_of_memory("AllocFixupInfo");
        publish(info);
        FreeFixupInfo(info);
    }
}

static void baseline_fixup_info(unsigned long operations, size_t codes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        FixupInfo *info = zeroed_structure(sizeof(*info));

        if (codes > 0)
            info->resultCodes.results = zeroed_array(codes * sizeof(*info->resultCodes.results));
        info->resultCodes.count = (UINT16)codes;
        publish(info);
        free(info->resultCodes.results);
        free(info);
    }
}

/*
 * Structures built by hand, as Microsoft's samples do: the library side
 * allocates with CoTaskMemAlloc, as COM requires of anything a Free*
 * function will release, and the baseline with malloc.  The builders are
 * shared and always inlined, so each side calls its allocator directly.
 * They set only the fields that the Free* functions read: zeroing the rest
 * with memset would let the compiler turn the baseline's malloc into calloc.
 */
typedef void *(*allocator)(size_t size);

#define ALWAYS_INLINE static inline __attribute__((always_inline))

ALWAYS_INLINE void *allocate_block(allocator allocate, size_t size)
{
    return must(allocate(size), "allocation");
}

ALWAYS_INLINE FixupInfo *build_fixup_info(allocator allocate, size_t codes)
{
    FixupInfo *info = allocate_block(allocate, sizeof(*info));

    info->resultCodes.count = (UINT16)codes;
    info->resultCodes.results = allocate_block(allocate, codes * sizeof(HRESULT));
    return info;
}

ALWAYS_INLINE Connections *build_connections(allocator allocate, size_t slots)
{
    Connections *list = allocate_block(allocate, sizeof(*list));

    list->count = (UINT16)slots;
    list->connections = allocate_block(allocate, slots * sizeof(*list->connections));
    fill_connections(list);
    return list;
}

ALWAYS_INLINE void build_string(CountedString *counted, allocator allocate, size_t length)
{
    counted->length = (UINT16)length;
    counted->string = allocate_block(allocate, (length + 1) * sizeof(WCHAR));
    counted->string[length] = 0;
}

ALWAYS_INLINE IsolationInfo *build_isolation_info(allocator allocate, size_t length)
{
    IsolationInfo *info = allocate_block(allocate, sizeof(*info));

    build_string(&info->failureUrl, allocate, length);
    return info;
}

ALWAYS_INLINE IsolationInfoEx *build_isolation_info_ex(allocator allocate, size_t length)
{
    IsolationInfoEx *info = allocate_block(allocate, sizeof(*info));

    build_string(&info->failureUrl, allocate, length);
    return info;
}

ALWAYS_INLINE CountedString *build_counted_string(allocator allocate, size_t length)
{
    CountedString *counted = allocate_block(allocate, sizeof(*counted));

    build_string(counted, allocate, length);
    return counted;
}

ALWAYS_INLINE SoH *build_soh(allocator allocate, size_t attributes)
{
    SoH *soh = allocate_block(allocate, sizeof(*soh));
    size_t i;

    soh->count = (UINT16)attributes;
    soh->attributes = allocate_block(allocate, attributes * sizeof(*soh->attributes));
    for (i = 0; i < attributes; i++) {
        soh->attributes[i].type = sohAttributeTypeVendorSpecific;
        soh->attributes[i].size = 8;
        soh->attributes[i].value = allocate_block(allocate, 8);
    }
    return soh;
}

ALWAYS_INLINE NetworkSoH *build_network_soh(allocator allocate, size_t bytes)
{
    NetworkSoH *network_soh = allocate_block(allocate, sizeof(*network_soh));

    network_soh->size = (UINT16)bytes;
    network_soh->data = allocate_block(allocate, bytes);
    return network_soh;
}

ALWAYS_INLINE PrivateData *build_private_data(allocator allocate, size_t bytes)
{
    PrivateData *data = allocate_block(allocate, sizeof(*data));

    data->size = (UINT16)bytes;
    data->data = allocate_block(allocate, bytes);
    return data;
}

ALWAYS_INLINE SoHAttributeValue *build_attribute_value(allocator allocate, size_t bytes)
{
    SoHAttributeValue *value = allocate_block(allocate, sizeof(*value));

    value->vendorSpecificVal.vendorId = 311;
    value->vendorSpecificVal.size = (UINT16)bytes;
    value->vendorSpecificVal.vendorSpecificData = allocate_block(allocate, bytes);
    return value;
}

/* Each element's four strings are 16 characters long. */
ALWAYS_INLINE NapComponentRegistrationInfo *build_registration_array(allocator allocate,
                                                                     size_t elements)
{
    NapComponentRegistrationInfo *array = allocate_block(allocate, elements * sizeof(*array));
    size_t i;

    for (i = 0; i < elements; i++) {
        build_string(&array[i].friendlyName, allocate, 16);
        build_string(&array[i].description, allocate, 16);
        build_string(&array[i].version, allocate, 16);
        build_string(&array[i].vendorName, allocate, 16);
    }
    return array;
}

/* Both lists of codes hold `codes` codes. */
ALWAYS_INLINE SystemHealthAgentState *build_agent_state(allocator allocate, size_t codes)
{
    SystemHealthAgentState *state = allocate_block(allocate, sizeof(*state));

    state->shaResultCodes.count = (UINT16)codes;
    state->shaResultCodes.results = allocate_block(allocate, codes * sizeof(HRESULT));
    state->fixupInfo.resultCodes.count = (UINT16)codes;
    state->fixupInfo.resultCodes.results = allocate_block(allocate, codes * sizeof(HRESULT));
    return state;
}

static void library_free_fixup_info(unsigned long operations, size_t codes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        FixupInfo *info = build_fixup_info(CoTaskMemAlloc, codes);

        publish(info);
        FreeFixupInfo(info);
    }
}

static void baseline_free_fixup_info(unsigned long operations, size_t codes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        FixupInfo *info = build_fixup_info(malloc, codes);

        publish(info);
        free(info->resultCodes.results);
        free(info);
    }
}

static void library_free_connections(unsigned long operations, size_t slots)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        Connections *list = build_connections(CoTaskMemAlloc, slots);

        publish(list);
        FreeConnections(list);
    }
}

static void baseline_free_connections(unsigned long operations, size_t slots)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        Connections *list = build_connections(malloc, slots);

        publish(list);
        release_connections(list);
        free(list->connections);
        free(list);
    }
}

static void library_free_isolation_info(unsigned long operations, size_t length)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        IsolationInfo *info = build_isolation_info(CoTaskMemAlloc, length);

        publish(info);
        FreeIsolationInfo(info);
    }
}

static void baseline_free_isolation_info(unsigned long operations, size_t length)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        IsolationInfo *info = build_isolation_info(malloc, length);

        publish(info);
        free(info->failureUrl.string);
        free(info);
    }
}

static void library_free_isolation_info_ex(unsigned long operations, size_t length)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        IsolationInfoEx *info = build_isolation_info_ex(CoTaskMemAlloc, length);

        publish(info);
        FreeIsolationInfoEx(info);
    }
}

static void baseline_free_isolation_info_ex(unsigned long operations, size_t length)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        IsolationInfoEx *info = build_isolation_info_ex(malloc, length);

        publish(info);
        free(info->failureUrl.string);
        free(info);
    }
}

static void library_free_counted_string(unsigned long operations, size_t length)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        CountedString *counted = build_counted_string(CoTaskMemAlloc, length);

        publish(counted);
        FreeCountedString(counted);
    }
}

static void baseline_free_counted_string(unsigned long operations, size_t length)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        CountedString *counted = build_counted_string(malloc, length);

        publish(counted);
        free(counted->string);
        free(counted);
    }
}

static void library_free_soh(unsigned long operations, size_t attributes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        SoH *soh = build_soh(CoTaskMemAlloc, attributes);

        publish(soh);
        FreeSoH(soh);
    }
}

static void baseline_free_soh(unsigned long operations, size_t attributes)
{
    unsigned long n;
    UINT16 i;

    for (n = 0; n < operations; n++) {
        SoH *soh = build_soh(malloc, attributes);

        publish(soh);
        for (i = 0; i < soh->count; i++)
            free(soh->attributes[i].value);
        free(soh->attributes);
        free(soh);
    }
}

static void library_free_network_soh(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        NetworkSoH *network_soh = build_network_soh(CoTaskMemAlloc, bytes);

        publish(network_soh);
        FreeNetworkSoH(network_soh);
    }
}

static void baseline_free_network_soh(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        NetworkSoH *network_soh = build_network_soh(malloc, bytes);

        publish(network_soh);
        free(network_soh->data);
        free(network_soh);
    }
}

static void library_free_private_data(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        PrivateData *data = build_private_data(CoTaskMemAlloc, bytes);

        publish(data);
        FreePrivateData(data);
    }
}

static void baseline_free_private_data(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        PrivateData *data = build_private_data(malloc, bytes);

        publish(data);
        free(data->data);
        free(data);
    }
}

static void library_free_attribute_value(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        SoHAttributeValue *value = build_attribute_value(CoTaskMemAlloc, bytes);

        publish(value);
        FreeSoHAttributeValue(sohAttributeTypeVendorSpecific, value);
    }
}

static void baseline_free_attribute_value(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        SoHAttributeValue *value = build_attribute_value(malloc, bytes);

        publish(value);
        free(value->vendorSpecificVal.vendorSpecificData);
        free(value);
    }
}

static void library_free_registration_array(unsigned long operations, size_t elements)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        NapComponentRegistrationInfo *array = build_registration_array(CoTaskMemAlloc, elements);

        publish(array);
        FreeNapComponentRegistrationInfoArray((UINT16)elements, &array);
    }
}

static void baseline_free_registration_array(unsigned long operations, size_t elements)
{
    unsigned long n;
    size_t i;

    for (n = 0; n < operations; n++) {
        NapComponentRegistrationInfo *array = build_registration_array(malloc, elements);

        publish(array);
        for (i = 0; i < elements; i++) {
            free(array[i].friendlyName.string);
            free(array[i].description.string);
            free(array[i].version.string);
            free(array[i].vendorName.string);
        }
        free(array);
    }
}

static void library_free_agent_state(unsigned long operations, size_t codes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        SystemHealthAgentState *state = build_agent_state(CoTaskMemAlloc, codes);

        publish(state);
        FreeSystemHealthAgentState(state);
    }
}

static void baseline_free_agent_state(unsigned long operations, size_t codes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        SystemHealthAgentState *state = build_agent_state(malloc, codes);

        publish(state);
        free(state->shaResultCodes.results);
        free(state->fixupInfo.resultCodes.results);
        free(state);
    }
}

/* The COM task allocator against malloc, realloc and free. */

static void library_task_memory(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        void *block = must(CoTaskMemAlloc(bytes), "CoTaskMemAlloc");

        publish(block);
        CoTaskMemFree(block);
    }
}

/* glibc's malloc(0) is already a unique block, as COM wants. */
static void baseline_task_memory(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        void *block = must(malloc(bytes), "malloc");

        publish(block);
        free(block);
    }
}

/* A 16-byte block grown to `bytes`. */
static void library_task_realloc(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        void *block = must(CoTaskMemAlloc(16), "CoTaskMemAlloc");

        block = must(CoTaskMemRealloc(block, bytes), "CoTaskMemRealloc");
        publish(block);
        CoTaskMemFree(block);
    }
}

static void baseline_task_realloc(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        void *block = must(malloc(16), "malloc");

        block = must(realloc(block, bytes), "realloc");
        publish(block);
        free(block);
    }
}

/* CoTaskMemRealloc(NULL, n) allocates and CoTaskMemRealloc(p, 0) frees. */
static void library_task_realloc_edges(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        void *block = must(CoTaskMemRealloc(NULL, bytes), "CoTaskMemRealloc");

        publish(block);
        if (CoTaskMemRealloc(block, 0) != NULL)
            out_of_memory("CoTaskMemRealloc to 0 bytes");
    }
}

/*
 * The C library's own realloc, which has the same two edge cases: each
 * CoTaskMem* function is measured against its C counterpart.
 */
static void baseline_task_realloc_edges(unsigned long operations, size_t bytes)
{
    unsigned long n;

    for (n = 0; n < operations; n++) {
        void *block = must(realloc(NULL, bytes), "realloc");

        publish(block);
        if (realloc(block, 0) != NULL)
            out_of_memory("realloc to 0 bytes");
    }
}

/* One function pair, or one Free* function, measured against its baseline. */
struct bench_case {
    const char *name;
    void (*library)(unsigned long operations, size_t size);
    void (*baseline)(unsigned long operations, size_t size);
    size_t size;
};

static const struct bench_case cases[] = {
    {"AllocConnections+Free, 0 slots", library_connections, baseline_connections, 0},
    {"AllocConnections+Free, 1 slot", library_connections, baseline_connections, 1},
    {"AllocConnections+Free, 20 slots", library_connections, baseline_connections, 20},
    {"AllocCountedString+Free, 0 chars", library_counted_string, baseline_counted_string, 0},
    {"AllocCountedString+Free, 16 chars", library_counted_string, baseline_counted_string, 16},
    {"AllocCountedString+Free, 1024 chars", library_counted_string, baseline_counted_string,
     1024},
    {"AllocFixupInfo+Free, 0 codes", library_fixup_info, baseline_fixup_info, 0},
    {"AllocFixupInfo+Free, 8 codes", library_fixup_info, baseline_fixup_info, 8},
    {"AllocFixupInfo+Free, 1000 codes", library_fixup_info, baseline_fixup_info, 1000},
    {"FreeFixupInfo, built, 8 codes", library_free_fixup_info, baseline_free_fixup_info, 8},
    {"FreeConnections, built, 2 slots", library_free_connections, baseline_free_connections,
     2},
    {"FreeIsolationInfo, built, 32 chars", library_free_isolation_info,
     baseline_free_isolation_info, 32},
    {"FreeIsolationInfoEx, built, 32 chars", library_free_isolation_info_ex,
     baseline_free_isolation_info_ex, 32},
    {"FreeCountedString, built, 16 chars", library_free_counted_string,
     baseline_free_counted_string, 16},
    {"FreeSoH, built, 4 attributes", library_free_soh, baseline_free_soh, 4},
    {"FreeNetworkSoH, built, 64 bytes", library_free_network_soh, baseline_free_network_soh,
     64},
    {"FreePrivateData, built, 64 bytes", library_free_private_data, baseline_free_private_data,
     64},
    {"FreeSoHAttributeValue, built, 64 bytes", library_free_attribute_value,
     baseline_free_attribute_value, 64},
    {"FreeNapComponentReg...Array, built, 2", library_free_registration_array,
     baseline_free_registration_array, 2},
    {"FreeSystemHealthAgentState, built, 8", library_free_agent_state,
     baseline_free_agent_state, 8},
    {"CoTaskMemAlloc+Free, 0 bytes", library_task_memory, baseline_task_memory, 0},
    {"CoTaskMemAlloc+Free, 16 bytes", library_task_memory, baseline_task_memory, 16},
    {"CoTaskMemAlloc+Free, 4096 bytes", library_task_memory, baseline_task_memory, 4096},
    {"CoTaskMemAlloc 16+Realloc 256+Free", library_task_realloc, baseline_task_realloc, 256},
    {"CoTaskMemRealloc (NULL, 64) + (p, 0)", library_task_realloc_edges,
     baseline_task_realloc_edges, 64},
};

#define CASE_COUNT (sizeof(cases) / sizeof(cases[0]))

static double now_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* One batch of one side of a case, in nanoseconds per operation. */
static double time_batch(void (*run)(unsigned long, size_t), const struct bench_case *c,
                         unsigned long operations)
{
    double start = now_ns();

    run(operations, c->size);
    return (now_ns() - start) / (double)operations;
}

/* Operations in a batch of the case's library side that lasts BATCH_NS. */
static unsigned long batch_size(const struct bench_case *c)
{
    unsigned long operations = 16;

    while (time_batch(c->library, c, operations) * (double)operations < BATCH_NS)
        operations *= 2;
    return operations;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double median(double *values, size_t count)
{
    qsort(values, count, sizeof(*values), compare_doubles);
    return values[count / 2];
}

static void print_header(const char *unit)
{
    printf("%-40s %12s %12s %7s\n", "case", "library", "baseline", "ratio");
    printf("%-40s %12s %12s %7s\n", "", unit, unit, "");
}

static void print_row(const char *name, double library, double baseline)
{
    printf("%-40s %12.1f %12.1f %7.3f\n", name, library, baseline, library / baseline);
}

static void print_worst(const double *ratios)
{
    size_t worst = 0, i;

    for (i = 1; i < CASE_COUNT; i++)
        if (ratios[i] > ratios[worst])
            worst = i;
    printf("worst ratio: %.3f (%s)\n", ratios[worst], cases[worst].name);
}

/*
 * Every round runs each case on both sides; the side that goes first
 * alternates, so that neither profits from caches warmed, or a clock sped
 * up, by the other.
 */
static int run_timed(void)
{
    static double library_ns[CASE_COUNT][ROUNDS], baseline_ns[CASE_COUNT][ROUNDS];
    unsigned long batch[CASE_COUNT];
    double ratios[CASE_COUNT];
    size_t i;
    int round;

    for (i = 0; i < CASE_COUNT; i++)
        batch[i] = batch_size(&cases[i]);
    for (round = 0; round < ROUNDS; round++) {
        for (i = 0; i < CASE_COUNT; i++) {
            const struct bench_case *c = &cases[i];

            if (round % 2 == 0) {
                library_ns[i][round] = time_batch(c->library, c, batch[i]);
                baseline_ns[i][round] = time_batch(c->baseline, c, batch[i]);
            } else {
                baseline_ns[i][round] = time_batch(c->baseline, c, batch[i]);
                library_ns[i][round] = time_batch(c->library, c, batch[i]);
            }
        }
    }

    printf("wall time: median of %d interleaved rounds\n", ROUNDS);
    print_header("ns/op");
    for (i = 0; i < CASE_COUNT; i++) {
        double library = median(library_ns[i], ROUNDS);
        double baseline = median(baseline_ns[i], ROUNDS);

        print_row(cases[i].name, library, baseline);
        ratios[i] = library / baseline;
    }
    print_worst(ratios);
    return EXIT_SUCCESS;
}

/*
 * Zeroes callgrind's counters, runs one side of a case and dumps the
 * counters under the name "side|operations|case" for bench-callgrind.sh.
 */
static void count_side(const char *side, void (*run)(unsigned long, size_t),
                       const struct bench_case *c)
{
    char label[128];

    snprintf(label, sizeof(label), "%s|%d|%s", side, CALLGRIND_OPERATIONS, c->name);
    CALLGRIND_ZERO_STATS;
    run(CALLGRIND_OPERATIONS, c->size);
    CALLGRIND_DUMP_STATS_AT(label);
}

static int run_under_callgrind(void)
{
    size_t i;

    if (!RUNNING_ON_VALGRIND) {
        fprintf(stderr, "bench_naputil: --callgrind is for valgrind --tool=callgrind\n");
        return EXIT_FAILURE;
    }
    for (i = 0; i < CASE_COUNT; i++) {
        const struct bench_case *c = &cases[i];

        c->library(WARM_UP_OPERATIONS, c->size);
        c->baseline(WARM_UP_OPERATIONS, c->size);
        count_side("library", c->library, c);
        count_side("baseline", c->baseline, c);
    }
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    fill_text();
    if (argc == 2 && strcmp(argv[1], "--callgrind") == 0)
        return run_under_callgrind();
    if (argc != 1) {
        fprintf(stderr, "usage: bench_naputil [--callgrind]\n");
        return EXIT_FAILURE;
    }
    return run_timed();
}
