/*
 * check_sohprocessor.c - tests of NapSoHProcessor (lib/sohprocessor.c): the
 * factory, reference counting and QueryInterface, Initialize's validation
 * and private copy, FindNextAttribute (a miss is 0x80070002), GetAttribute
 * for every type including unknown ones, GetNumberOfAttributes counting the
 * System-Health-ID, every error of each method, a failure at every
 * allocation of every method, and objects used from several threads.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define COBJMACROS
#include "naputil.h"
#include "sohtest.h"
#include "testutil.h"

#define SHA_ID 0x000137F0
#define ALREADY_INITIALIZED HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED)
#define NOT_FOUND ((HRESULT)0x80070002)
#define STALE ((void *)(uintptr_t)0xDEADBEEF)

/* The wire bytes of a sample SoH with one attribute of nearly every type. */
static BYTE id_bytes[4] = {0x00, 0x01, 0x37, 0xF0};
static BYTE v4_bytes[8] = {192, 0, 2, 1, 198, 51, 100, 7};
static BYTE codes_bytes[8] = {0x80, 0x27, 0x00, 0x50, 0x00, 0x00, 0x00, 0x00};
static BYTE time_bytes[8] = {0x01, 0xCA, 0x78, 0xD8, 0x58, 0xEE, 0x1E, 0xF0};
static BYTE vendor_bytes[6] = {0x00, 0x01, 0x37, 0xF0, 0xBA, 0xAD};
static BYTE class_byte[1] = {healthClassAntiVirus};
static BYTE name_bytes[4] = {'A', 0, 'V', 0};
static BYTE status_bytes[4] = {0xC0, 0xFF, 0x00, 0x02};
static BYTE category_byte[1] = {failureCategoryClientComponent};
static BYTE v6_bytes[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
static BYTE unknown_bytes[3] = {1, 2, 3};

static SoHAttribute sample_attributes[] = {
    {sohAttributeTypeSystemHealthId, 4, id_bytes},                 /* 0 */
    {sohAttributeTypeVendorSpecific, 6, vendor_bytes},             /* 1 */
    {sohAttributeTypeHealthClass, 1, class_byte},                  /* 2 */
    {sohAttributeTypeProductName, 4, name_bytes},                  /* 3 */
    {sohAttributeTypeHealthClassStatus, 4, status_bytes},          /* 4 */
    {sohAttributeTypeComplianceResultCodes, 8, codes_bytes},       /* 5 */
    {sohAttributeTypeIpv4FixupServers, 8, v4_bytes},               /* 6 */
    {sohAttributeTypeIpv6FixupServers, 16, v6_bytes},              /* 7 */
    {sohAttributeTypeTimeOfLastUpdate, 8, time_bytes},             /* 8 */
    {sohAttributeTypeHealthClass, 1, class_byte},                  /* 9 */
    {sohAttributeTypeFailureCategory, 1, category_byte},           /* 10 */
    {sohAttributeTypeClientId, 0, NULL},                           /* 11 */
    {777, 3, unknown_bytes},                                       /* 12 */
    {sohAttributeTypeExtendedIsolationState, 1, category_byte},    /* 13 */
    {sohAttributeTypeErrorCodes, 0, NULL},                         /* 14 */
    {sohAttributeTypeSoHGenerationTime, 8, time_bytes},            /* 15 */
    {sohAttributeTypeSoftwareVersion, 1, unknown_bytes},           /* 16 */
};

static const SoH sample = {COUNT_OF(sample_attributes), sample_attributes};

/* A processor initialized on the sample, as a response. */
static INapSoHProcessor *sample_processor(void)
{
    INapSoHProcessor *processor = new_processor();
    SystemHealthEntityId id = 0;

    if (INapSoHProcessor_Initialize(processor, &sample, FALSE, &id) != S_OK || id != SHA_ID)
        ck_abort_msg("Initialize on the sample SoH failed");
    return processor;
}

START_TEST(factory_rejects_null)
{
    ck_assert_int_eq(CreateNapSoHProcessor(NULL), E_POINTER);
}
END_TEST

START_TEST(reference_counting)
{
    long before = live_heap_blocks();
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id;
    ULONG counts[3];
    long after;

    CreateNapSoHProcessor(&processor);
    INapSoHProcessor_Initialize(processor, &sample, TRUE, &id);
    counts[0] = INapSoHProcessor_AddRef(processor);
    counts[1] = INapSoHProcessor_Release(processor);
    /* The last Release also frees the private copy of the SoH. */
    counts[2] = INapSoHProcessor_Release(processor);
    after = live_heap_blocks();
    ck_assert_uint_eq(counts[0], 2);
    ck_assert_uint_eq(counts[1], 1);
    ck_assert_uint_eq(counts[2], 0);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(query_interface)
{
    INapSoHProcessor *processor = new_processor();
    void *found = STALE;

    ck_assert_int_eq(INapSoHProcessor_QueryInterface(processor, &IID_IUnknown, &found), S_OK);
    ck_assert_ptr_eq(found, processor);
    found = STALE;
    ck_assert_int_eq(INapSoHProcessor_QueryInterface(processor, &IID_INapSoHProcessor, &found),
                     S_OK);
    ck_assert_ptr_eq(found, processor);
    ck_assert_uint_eq(INapSoHProcessor_AddRef(processor), 4);
    found = STALE;
    ck_assert_int_eq(INapSoHProcessor_QueryInterface(processor, &IID_INapSoHConstructor, &found),
                     E_NOINTERFACE);
    ck_assert_ptr_null(found);
    found = STALE;
    ck_assert_int_eq(INapSoHProcessor_QueryInterface(processor, &CLSID_NapSoHProcessor, &found),
                     E_NOINTERFACE);
    ck_assert_ptr_null(found);
    ck_assert_int_eq(INapSoHProcessor_QueryInterface(processor, &IID_IUnknown, NULL), E_POINTER);
    found = STALE;
    ck_assert_int_eq(INapSoHProcessor_QueryInterface(processor, NULL, &found), E_POINTER);
    ck_assert_ptr_null(found);
    ck_assert_uint_eq(INapSoHProcessor_Release(processor), 3);
    INapSoHProcessor_Release(processor);
    INapSoHProcessor_Release(processor);
    ck_assert_uint_eq(INapSoHProcessor_Release(processor), 0);
}
END_TEST

START_TEST(initialize_returns_the_id)
{
    INapSoHProcessor *processor = new_processor();
    SystemHealthEntityId id = 0;
    UINT16 count = 0;

    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &sample, TRUE, &id), S_OK);
    ck_assert_uint_eq(id, SHA_ID);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count), S_OK);
    ck_assert_uint_eq(count, COUNT_OF(sample_attributes));
    INapSoHProcessor_Release(processor);
}
END_TEST

START_TEST(second_initialize_fails)
{
    INapSoHProcessor *processor = sample_processor();
    SoHAttribute only_id = {sohAttributeTypeSystemHealthId, 4, id_bytes};
    SoH other = {1, &only_id};
    SystemHealthEntityId id = 0x1234;
    UINT16 count = 0;

    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &other, TRUE, &id),
                     ALREADY_INITIALIZED);
    ck_assert_uint_eq(id, 0x1234);
    INapSoHProcessor_GetNumberOfAttributes(processor, &count);
    ck_assert_uint_eq(count, COUNT_OF(sample_attributes));
    INapSoHProcessor_Release(processor);
}
END_TEST

START_TEST(methods_before_initialize)
{
    INapSoHProcessor *processor = new_processor();
    SoHAttributeType type;
    SoHAttributeValue *value = STALE;
    UINT16 location = 7;
    UINT16 count = 7;

    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 0,
                                                        sohAttributeTypeSystemHealthId, &location),
                     NAP_E_NOT_INITIALIZED);
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 0, &type, &value),
                     NAP_E_NOT_INITIALIZED);
    ck_assert_ptr_null(value);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count),
                     NAP_E_NOT_INITIALIZED);
    ck_assert_uint_eq(location, 7);
    ck_assert_uint_eq(count, 7);
    INapSoHProcessor_Release(processor);
}
END_TEST

START_TEST(null_arguments)
{
    INapSoHProcessor *processor = new_processor();
    SystemHealthEntityId id;
    SoHAttributeType type;
    SoHAttributeValue *value = STALE;

    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, NULL, TRUE, &id), E_POINTER);
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &sample, TRUE, NULL), E_POINTER);
    /* Neither counted as an Initialize. */
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &sample, TRUE, &id), S_OK);
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 0,
                                                        sohAttributeTypeSystemHealthId, NULL),
                     E_POINTER);
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 0, NULL, &value), E_POINTER);
    ck_assert_ptr_null(value);
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 0, &type, NULL), E_POINTER);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, NULL), E_POINTER);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* An invalid SoH for Initialize, built from (type, size) pairs over big_value. */
struct bad_soh {
    const char *name;
    BOOL isRequest;
    UINT16 count;
    UINT16 types_and_sizes[5][2];
};

static BYTE big_value[maxSoHAttributeSize + 1];

static const struct bad_soh bad_sohs[] = {
    {"a second System-Health-ID", TRUE, 3, {{2, 4}, {7, 6}, {2, 4}}},
    {"no System-Health-ID first", TRUE, 2, {{7, 6}, {2, 4}}},
    {"a 2-byte health class", TRUE, 2, {{2, 4}, {8, 2}}},
    {"an empty failure category", FALSE, 3, {{2, 4}, {4, 4}, {14, 0}}},
    {"a 6-byte FILETIME", TRUE, 2, {{2, 4}, {5, 6}}},
    {"a 3-byte ID", TRUE, 1, {{2, 3}}},
    {"a response without result codes or failure category", FALSE, 2, {{2, 4}, {7, 6}}},
    {"two IPv4 fixup lists in a response", FALSE, 4, {{2, 4}, {4, 4}, {3, 4}, {3, 4}}},
    {"a 4001-byte attribute", TRUE, 2, {{2, 4}, {10, 4001}}},
    {"no attribute", TRUE, 0, {{0, 0}}},
    {"an unknown type with M set", TRUE, 2, {{2, 4}, {0x8100, 1}}},
};

/* NAP_E_INVALID_PACKET, nothing allocated, and the object still uninitialized. */
START_TEST(initialize_rejects_invalid_sohs)
{
    const struct bad_soh *bad = &bad_sohs[_i];
    INapSoHProcessor *processor = new_processor();
    SoHAttribute attributes[5];
    SoH soh = {bad->count, attributes};
    SystemHealthEntityId id = 0x1234;
    UINT16 count;
    long before;
    long after;
    HRESULT hr;
    int i;

    for (i = 0; i < bad->count; i++) {
        attributes[i].type = bad->types_and_sizes[i][0];
        attributes[i].size = bad->types_and_sizes[i][1];
        attributes[i].value = big_value;
    }
    before = live_heap_blocks();
    hr = INapSoHProcessor_Initialize(processor, &soh, bad->isRequest, &id);
    after = live_heap_blocks();
    ck_assert_msg(hr == NAP_E_INVALID_PACKET, "%s: 0x%08X", bad->name, (unsigned)hr);
    ck_assert_int_eq(after, before);
    ck_assert_uint_eq(id, 0x1234);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count),
                     NAP_E_NOT_INITIALIZED);
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &sample, FALSE, &id), S_OK);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* 101 attributes: one too many, even though each is valid. */
START_TEST(initialize_rejects_101_attributes)
{
    static SoHAttribute attributes[maxSoHAttributeCount + 1];
    INapSoHProcessor *processor = new_processor();
    SoH soh = {maxSoHAttributeCount + 1, attributes};
    SystemHealthEntityId id;
    UINT16 count = 0;
    int i;

    attributes[0] = sample_attributes[0];
    for (i = 1; i <= maxSoHAttributeCount; i++)
        attributes[i] = sample_attributes[2];
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &soh, TRUE, &id),
                     NAP_E_INVALID_PACKET);
    soh.count = maxSoHAttributeCount;
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, &soh, TRUE, &id), S_OK);
    INapSoHProcessor_GetNumberOfAttributes(processor, &count);
    ck_assert_uint_eq(count, maxSoHAttributeCount);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* The processor keeps its own copy: the caller may change or free its SoH. */
START_TEST(initialize_copies_the_soh)
{
    INapSoHProcessor *processor = new_processor();
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    SoHAttributeValue name = {.octetStringVal = {4, name_bytes}};
    SoHAttributeType type;
    SoHAttributeValue *value = NULL;
    SystemHealthEntityId id;
    SoH *soh = NULL;

    INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeProductName, &name);
    INapSoHConstructor_GetSoH(constructor, &soh);
    INapSoHConstructor_Release(constructor);
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, soh, TRUE, &id), S_OK);
    soh->attributes[1].value[0] = 'X';
    FreeSoH(soh);
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 1, &type, &value), S_OK);
    ck_assert_mem_eq(value->octetStringVal.data, name_bytes, 4);
    FreeSoHAttributeValue(type, value);
    INapSoHProcessor_Release(processor);
}
END_TEST

START_TEST(number_of_attributes_counts_the_id)
{
    SoHAttribute only_id = {sohAttributeTypeSystemHealthId, 4, id_bytes};
    SoH soh = {1, &only_id};
    INapSoHProcessor *processor = new_processor();
    SystemHealthEntityId id;
    UINT16 count = 0;

    INapSoHProcessor_Initialize(processor, &soh, TRUE, &id);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count), S_OK);
    ck_assert_uint_eq(count, 1);
    INapSoHProcessor_Release(processor);
}
END_TEST

START_TEST(find_next_attribute)
{
    INapSoHProcessor *processor = sample_processor();
    UINT16 location = 99;

    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 0,
                                                        sohAttributeTypeSystemHealthId, &location),
                     S_OK);
    ck_assert_uint_eq(location, 0);
    ck_assert_int_eq(
        INapSoHProcessor_FindNextAttribute(processor, 0, sohAttributeTypeHealthClass, &location),
        S_OK);
    ck_assert_uint_eq(location, 2);
    /* The search includes its starting location. */
    ck_assert_int_eq(
        INapSoHProcessor_FindNextAttribute(processor, 2, sohAttributeTypeHealthClass, &location),
        S_OK);
    ck_assert_uint_eq(location, 2);
    ck_assert_int_eq(
        INapSoHProcessor_FindNextAttribute(processor, 3, sohAttributeTypeHealthClass, &location),
        S_OK);
    ck_assert_uint_eq(location, 9);
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 0, (SoHAttributeType)777,
                                                        &location),
                     S_OK);
    ck_assert_uint_eq(location, 12);
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 16,
                                                        sohAttributeTypeSoftwareVersion,
                                                        &location),
                     S_OK);
    ck_assert_uint_eq(location, 16);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* A miss is a failure HRESULT (the samples test FAILED()), and leaves the location alone. */
START_TEST(find_next_attribute_misses)
{
    INapSoHProcessor *processor = sample_processor();
    UINT16 location = 99;

    ck_assert_int_eq(
        INapSoHProcessor_FindNextAttribute(processor, 10, sohAttributeTypeHealthClass, &location),
        NOT_FOUND);
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 0, (SoHAttributeType)778,
                                                        &location),
                     NOT_FOUND);
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 1,
                                                        sohAttributeTypeSystemHealthId, &location),
                     NOT_FOUND);
    /* From the count on, and far past it. */
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, COUNT_OF(sample_attributes),
                                                        sohAttributeTypeSoftwareVersion,
                                                        &location),
                     NOT_FOUND);
    ck_assert_int_eq(INapSoHProcessor_FindNextAttribute(processor, 0xFFFF,
                                                        sohAttributeTypeSoftwareVersion,
                                                        &location),
                     NOT_FOUND);
    ck_assert(FAILED(NOT_FOUND));
    ck_assert_uint_eq(NOT_FOUND, HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    ck_assert_uint_eq(location, 99);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* What GetAttribute must return at each location of the sample. */
static Ipv4Address expected_v4[2] = {{{192, 0, 2, 1}}, {{198, 51, 100, 7}}};
static Ipv6Address expected_v6[1] = {{{0x20, 0x01, 0x0d, 0xb8, [15] = 1}}};
static HRESULT expected_codes[2] = {(HRESULT)0x80270050, S_OK};
static BYTE expected_vendor_data[2] = {0xBA, 0xAD};

static const SoHAttributeValue expected_values[] = {
    {.idVal = SHA_ID},
    {.vendorSpecificVal = {SHA_ID, 2, expected_vendor_data}},
    {.uint8Val = healthClassAntiVirus},
    {.octetStringVal = {4, name_bytes}},
    {.octetStringVal = {4, status_bytes}},
    {.codesVal = {2, expected_codes}},
    {.v4AddressesVal = {2, expected_v4}},
    {.v6AddressesVal = {1, expected_v6}},
    {.dateTimeVal = {0x58EE1EF0, 0x01CA78D8}},
    {.uint8Val = healthClassAntiVirus},
    {.uint8Val = failureCategoryClientComponent},
    {.octetStringVal = {0, NULL}},
    {.octetStringVal = {3, unknown_bytes}},
    {.uint8Val = failureCategoryClientComponent},
    {.codesVal = {0, NULL}},
    {.dateTimeVal = {0x58EE1EF0, 0x01CA78D8}},
    {.octetStringVal = {1, unknown_bytes}},
};

/* Every location, types known and unknown; FreeSoHAttributeValue frees it all. */
START_TEST(get_attribute)
{
    INapSoHProcessor *processor = sample_processor();
    SoHAttributeType type = (SoHAttributeType)0;
    SoHAttributeValue *value = NULL;
    long before = live_heap_blocks();
    long after;
    HRESULT hr;
    int same;

    hr = INapSoHProcessor_GetAttribute(processor, (UINT16)_i, &type, &value);
    same = value != NULL && same_value(type, value, &expected_values[_i]);
    FreeSoHAttributeValue(type, value);
    after = live_heap_blocks();
    ck_assert_int_eq(hr, S_OK);
    ck_assert_uint_eq(type, sample_attributes[_i].type);
    ck_assert(same);
    ck_assert_int_eq(after, before);
    INapSoHProcessor_Release(processor);
}
END_TEST

START_TEST(get_attribute_past_the_end)
{
    INapSoHProcessor *processor = sample_processor();
    SoHAttributeType type = (SoHAttributeType)5;
    SoHAttributeValue *value = STALE;

    ck_assert_int_eq(
        INapSoHProcessor_GetAttribute(processor, COUNT_OF(sample_attributes), &type, &value),
        E_INVALIDARG);
    ck_assert_ptr_null(value);
    value = STALE;
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 0xFFFF, &type, &value),
                     E_INVALIDARG);
    ck_assert_ptr_null(value);
    ck_assert_uint_eq(type, 5);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* Empty values come back with no buffer, as the sample SHV's checks expect. */
START_TEST(empty_values_have_no_buffer)
{
    INapSoHProcessor *processor = sample_processor();
    SoHAttributeType type;
    SoHAttributeValue *value = NULL;

    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 11, &type, &value), S_OK);
    ck_assert_uint_eq(value->octetStringVal.size, 0);
    ck_assert_ptr_null(value->octetStringVal.data);
    FreeSoHAttributeValue(type, value);
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, 14, &type, &value), S_OK);
    ck_assert_uint_eq(value->codesVal.count, 0);
    ck_assert_ptr_null(value->codesVal.results);
    FreeSoHAttributeValue(type, value);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* Allocation failures. */

static HRESULT attempt_create(void **out)
{
    return CreateNapSoHProcessor((INapSoHProcessor **)out);
}

static void release_processor(void *out)
{
    INapSoHProcessor_Release((INapSoHProcessor *)out);
}

START_TEST(create_fails_cleanly)
{
    ck_assert_uint_eq(exercise_allocation_failures(attempt_create, release_processor), 1);
}
END_TEST

static HRESULT attempt_initialize(void *context, void **out)
{
    SystemHealthEntityId id;

    (void)out;
    return INapSoHProcessor_Initialize((INapSoHProcessor *)context, &sample, FALSE, &id);
}

/* The SoH, its array, and the 15 non-empty values of the sample. */
START_TEST(initialize_fails_cleanly)
{
    INapSoHProcessor *processor = new_processor();
    UINT16 count = 0;

    ck_assert_uint_eq(exercise_method_allocation_failures(attempt_initialize, processor, NULL),
                      2 + COUNT_OF(sample_attributes) - 2);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count), S_OK);
    ck_assert_uint_eq(count, COUNT_OF(sample_attributes));
    INapSoHProcessor_Release(processor);
}
END_TEST

struct get_context {
    INapSoHProcessor *processor;
    UINT16 location;
    SoHAttributeType type;
};

static HRESULT attempt_get_attribute(void *context, void **out)
{
    struct get_context *get = context;

    return INapSoHProcessor_GetAttribute(get->processor, get->location, &get->type,
                                         (SoHAttributeValue **)out);
}

static struct get_context *releasing;

static void release_value(void *out)
{
    FreeSoHAttributeValue(releasing->type, out);
}

/* The value block, plus one buffer for each non-empty array or string. */
static const unsigned get_allocations[] = {1, 2, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2, 1, 1, 1, 2};

START_TEST(get_attribute_fails_cleanly)
{
    struct get_context get = {sample_processor(), (UINT16)_i, (SoHAttributeType)0};
    SoHAttributeValue *value = NULL;

    releasing = &get;
    ck_assert_uint_eq(exercise_method_allocation_failures(attempt_get_attribute, &get,
                                                          release_value),
                      get_allocations[_i]);
    /* Still usable. */
    ck_assert_int_eq(INapSoHProcessor_GetAttribute(get.processor, get.location, &get.type,
                                                   &value),
                     S_OK);
    ck_assert(same_value(get.type, value, &expected_values[_i]));
    FreeSoHAttributeValue(get.type, value);
    INapSoHProcessor_Release(get.processor);
}
END_TEST

START_TEST(other_methods_do_not_allocate)
{
    INapSoHProcessor *processor = sample_processor();
    UINT16 location;
    UINT16 count;
    void *found = NULL;
    HRESULT located, counted, queried;
    int failed;

    /* No assertion while the failure is armed: Check's own allocate too. */
    fail_nth_allocation(1);
    located =
        INapSoHProcessor_FindNextAttribute(processor, 0, sohAttributeTypeHealthClass, &location);
    counted = INapSoHProcessor_GetNumberOfAttributes(processor, &count);
    queried = INapSoHProcessor_QueryInterface(processor, &IID_IUnknown, &found);
    INapSoHProcessor_AddRef(processor);
    INapSoHProcessor_Release(processor);
    INapSoHProcessor_Release(processor);
    failed = allocation_failure_happened();
    fail_nth_allocation(0);
    ck_assert_int_eq(located, S_OK);
    ck_assert_int_eq(counted, S_OK);
    ck_assert_int_eq(queried, S_OK);
    ck_assert(!failed);
    INapSoHProcessor_Release(processor);
}
END_TEST

/* Threads: one processor per thread, and one shared for reading references. */

#define THREADS 4
#define ROUNDS 200

static void *read_own_sohs(void *context)
{
    uintptr_t wrong = 0;
    int i;

    (void)context;
    for (i = 0; i < ROUNDS; i++) {
        INapSoHProcessor *processor = NULL;
        SystemHealthEntityId id = 0;
        SoHAttributeType type = (SoHAttributeType)0;
        SoHAttributeValue *value = NULL;

        if (FAILED(CreateNapSoHProcessor(&processor))) {
            wrong++;
            continue;
        }
        if (FAILED(INapSoHProcessor_Initialize(processor, &sample, FALSE, &id)) || id != SHA_ID ||
            FAILED(INapSoHProcessor_GetAttribute(processor, 1, &type, &value)) ||
            !same_value(type, value, &expected_values[1]))
            wrong++;
        FreeSoHAttributeValue(type, value);
        INapSoHProcessor_AddRef(processor);
        INapSoHProcessor_Release(processor);
        INapSoHProcessor_Release(processor);
    }
    return (void *)wrong;
}

START_TEST(distinct_objects_in_parallel)
{
    run_threads(read_own_sohs, NULL, THREADS);
}
END_TEST

static Suite *processor_suite(void)
{
    Suite *suite = suite_create("sohprocessor");
    TCase *com = add_test_case(suite, "com");
    TCase *methods = add_test_case(suite, "methods");
    TCase *memory = add_test_case(suite, "out of memory");
    TCase *threads = add_test_case(suite, "threads");

    tcase_add_test(com, factory_rejects_null);
    tcase_add_test(com, reference_counting);
    tcase_add_test(com, query_interface);

    tcase_add_test(methods, initialize_returns_the_id);
    tcase_add_test(methods, second_initialize_fails);
    tcase_add_test(methods, methods_before_initialize);
    tcase_add_test(methods, null_arguments);
    tcase_add_loop_test(methods, initialize_rejects_invalid_sohs, 0, COUNT_OF(bad_sohs));
    tcase_add_test(methods, initialize_rejects_101_attributes);
    tcase_add_test(methods, initialize_copies_the_soh);
    tcase_add_test(methods, number_of_attributes_counts_the_id);
    tcase_add_test(methods, find_next_attribute);
    tcase_add_test(methods, find_next_attribute_misses);
    tcase_add_loop_test(methods, get_attribute, 0, COUNT_OF(sample_attributes));
    tcase_add_test(methods, get_attribute_past_the_end);
    tcase_add_test(methods, empty_values_have_no_buffer);

    tcase_add_test(memory, create_fails_cleanly);
    tcase_add_test(memory, initialize_fails_cleanly);
    tcase_add_loop_test(memory, get_attribute_fails_cleanly, 0, COUNT_OF(sample_attributes));
    tcase_add_test(memory, other_methods_do_not_allocate);

    tcase_add_test(threads, distinct_objects_in_parallel);
    return suite;
}

int main(void)
{
    return run_suite(processor_suite());
}
