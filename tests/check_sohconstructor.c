/*
 * check_sohconstructor.c - tests of NapSoHConstructor (lib/sohconstructor.c):
 * the factory, reference counting and QueryInterface, Initialize putting the
 * System-Health-ID first, every error of each method (before Initialize,
 * twice Initialize, NULL arguments, each limit and one past it, a 101st
 * attribute), GetSoH's fresh copies, Validate, a failure at every
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
/* A non-NULL value the methods must overwrite on failure. */
#define STALE ((void *)(uintptr_t)0xDEADBEEF)

static BYTE bytes[maxSoHAttributeSize + 1];
static HRESULT codes[maxDwordCountPerSoHAttribute + 1];

/* The number of attributes the constructor holds, through GetSoH. */
static UINT16 attribute_count(INapSoHConstructor *constructor)
{
    SoH *soh = NULL;
    UINT16 count;

    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), S_OK);
    count = soh->count;
    FreeSoH(soh);
    return count;
}

START_TEST(factory_rejects_null)
{
    ck_assert_int_eq(CreateNapSoHConstructor(NULL), E_POINTER);
}
END_TEST

/* The object is freed by the last Release, and only then. */
START_TEST(reference_counting)
{
    long before = live_heap_blocks();
    INapSoHConstructor *constructor = NULL;
    ULONG counts[5];
    long during;
    long after;

    CreateNapSoHConstructor(&constructor);
    counts[0] = INapSoHConstructor_AddRef(constructor);
    counts[1] = INapSoHConstructor_Release(constructor);
    during = live_heap_blocks();
    counts[2] = INapSoHConstructor_AddRef(constructor);
    counts[3] = INapSoHConstructor_Release(constructor);
    counts[4] = INapSoHConstructor_Release(constructor);
    after = live_heap_blocks();
    ck_assert_uint_eq(counts[0], 2);
    ck_assert_uint_eq(counts[1], 1);
    ck_assert_uint_eq(counts[2], 2);
    ck_assert_uint_eq(counts[3], 1);
    ck_assert_uint_eq(counts[4], 0);
    ck_assert_int_eq(during, before + 1);
    ck_assert_int_eq(after, before);
}
END_TEST

/* Release frees what Initialize and AppendAttribute stored. */
START_TEST(release_frees_the_attributes)
{
    long before = live_heap_blocks();
    INapSoHConstructor *constructor = NULL;
    SoHAttributeValue value = {.octetStringVal = {3, bytes}};
    long after;

    CreateNapSoHConstructor(&constructor);
    INapSoHConstructor_Initialize(constructor, SHA_ID, TRUE);
    INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeProductName, &value);
    INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeClientId, &value);
    INapSoHConstructor_Release(constructor);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(query_interface)
{
    INapSoHConstructor *constructor = new_constructor();
    void *found = STALE;

    ck_assert_int_eq(INapSoHConstructor_QueryInterface(constructor, &IID_IUnknown, &found), S_OK);
    ck_assert_ptr_eq(found, constructor);
    found = STALE;
    ck_assert_int_eq(
        INapSoHConstructor_QueryInterface(constructor, &IID_INapSoHConstructor, &found), S_OK);
    ck_assert_ptr_eq(found, constructor);
    /* Each success added a reference. */
    ck_assert_uint_eq(INapSoHConstructor_AddRef(constructor), 4);

    found = STALE;
    ck_assert_int_eq(INapSoHConstructor_QueryInterface(constructor, &IID_INapSoHProcessor, &found),
                     E_NOINTERFACE);
    ck_assert_ptr_null(found);
    found = STALE;
    ck_assert_int_eq(INapSoHConstructor_QueryInterface(constructor,
                                                       &IID_INapEnforcementClientConnection,
                                                       &found),
                     E_NOINTERFACE);
    ck_assert_ptr_null(found);
    ck_assert_int_eq(INapSoHConstructor_QueryInterface(constructor, &IID_IUnknown, NULL),
                     E_POINTER);
    found = STALE;
    ck_assert_int_eq(INapSoHConstructor_QueryInterface(constructor, NULL, &found), E_POINTER);
    ck_assert_ptr_null(found);
    /* No failure added a reference. */
    ck_assert_uint_eq(INapSoHConstructor_Release(constructor), 3);
    INapSoHConstructor_Release(constructor);
    INapSoHConstructor_Release(constructor);
    ck_assert_uint_eq(INapSoHConstructor_Release(constructor), 0);
}
END_TEST

START_TEST(initialize_puts_the_id_first)
{
    static const BYTE id[4] = {0x00, 0x01, 0x37, 0xF0};
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    SoH *soh = NULL;

    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), S_OK);
    ck_assert_uint_eq(soh->count, 1);
    ck_assert_uint_eq(soh->attributes[0].type, sohAttributeTypeSystemHealthId);
    ck_assert_uint_eq(soh->attributes[0].size, 4);
    ck_assert_mem_eq(soh->attributes[0].value, id, 4);
    FreeSoH(soh);
    INapSoHConstructor_Release(constructor);
}
END_TEST

START_TEST(second_initialize_fails)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    SoH *soh = NULL;

    ck_assert_int_eq(INapSoHConstructor_Initialize(constructor, 0x00013780, FALSE),
                     ALREADY_INITIALIZED);
    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), S_OK);
    ck_assert_uint_eq(soh->count, 1);
    ck_assert_uint_eq(soh->attributes[0].value[3], 0xF0);
    FreeSoH(soh);
    INapSoHConstructor_Release(constructor);
}
END_TEST

START_TEST(methods_before_initialize)
{
    INapSoHConstructor *constructor = new_constructor();
    SoHAttributeValue value = {.uint8Val = 1};
    SoH *soh = STALE;

    ck_assert_int_eq(
        INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeHealthClass, &value),
        NAP_E_NOT_INITIALIZED);
    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), NAP_E_NOT_INITIALIZED);
    ck_assert_ptr_null(soh);
    /* Neither failure counts as an Initialize. */
    ck_assert_int_eq(INapSoHConstructor_Initialize(constructor, SHA_ID, TRUE), S_OK);
    INapSoHConstructor_Release(constructor);
}
END_TEST

START_TEST(null_arguments)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);

    ck_assert_int_eq(
        INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeHealthClass, NULL),
        E_POINTER);
    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, NULL), E_POINTER);
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, NULL, TRUE), E_POINTER);
    ck_assert_uint_eq(attribute_count(constructor), 1);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* One AppendAttribute call at a limit or one past it. */
struct limit {
    const char *name;
    UINT32 type;
    SoHAttributeValue value;
    HRESULT expected;
};

static const struct limit limits[] = {
    {"the System-Health-ID", sohAttributeTypeSystemHealthId, {.idVal = SHA_ID}, E_INVALIDARG},
    {"type 0", 0, {.octetStringVal = {1, bytes}}, E_INVALIDARG},
    {"type 1", 1, {.octetStringVal = {1, bytes}}, E_INVALIDARG},
    {"type 0x3FFF", 0x3FFF, {.octetStringVal = {1, bytes}}, S_OK},
    {"type 0x4000", 0x4000, {.octetStringVal = {1, bytes}}, E_INVALIDARG},
    {"1 IPv4 address", 3, {.v4AddressesVal = {1, (Ipv4Address *)bytes}}, S_OK},
    {"0 IPv4 addresses", 3, {.v4AddressesVal = {0, (Ipv4Address *)bytes}}, E_INVALIDARG},
    {"1000 IPv4 addresses", 3, {.v4AddressesVal = {1000, (Ipv4Address *)bytes}}, S_OK},
    {"1001 IPv4 addresses", 3, {.v4AddressesVal = {1001, (Ipv4Address *)bytes}}, E_INVALIDARG},
    {"NULL IPv4 addresses", 3, {.v4AddressesVal = {1, NULL}}, E_POINTER},
    {"1 IPv6 address", 15, {.v6AddressesVal = {1, (Ipv6Address *)bytes}}, S_OK},
    {"0 IPv6 addresses", 15, {.v6AddressesVal = {0, (Ipv6Address *)bytes}}, E_INVALIDARG},
    {"250 IPv6 addresses", 15, {.v6AddressesVal = {250, (Ipv6Address *)bytes}}, S_OK},
    {"251 IPv6 addresses", 15, {.v6AddressesVal = {251, (Ipv6Address *)bytes}}, E_INVALIDARG},
    {"NULL IPv6 addresses", 15, {.v6AddressesVal = {2, NULL}}, E_POINTER},
    {"0 result codes", 4, {.codesVal = {0, NULL}}, S_OK},
    {"1000 result codes", 4, {.codesVal = {1000, codes}}, S_OK},
    {"1001 result codes", 4, {.codesVal = {1001, codes}}, E_INVALIDARG},
    {"NULL result codes", 4, {.codesVal = {1, NULL}}, E_POINTER},
    {"1000 error codes", 13, {.codesVal = {1000, codes}}, S_OK},
    {"1001 error codes", 13, {.codesVal = {1001, codes}}, E_INVALIDARG},
    {"0 bytes of vendor data", 7, {.vendorSpecificVal = {SHA_ID, 0, NULL}}, S_OK},
    {"3996 bytes of vendor data", 7, {.vendorSpecificVal = {SHA_ID, 3996, bytes}}, S_OK},
    {"3997 bytes of vendor data", 7, {.vendorSpecificVal = {SHA_ID, 3997, bytes}}, E_INVALIDARG},
    {"NULL vendor data", 7, {.vendorSpecificVal = {SHA_ID, 1, NULL}}, E_POINTER},
    {"an empty octet string", 10, {.octetStringVal = {0, NULL}}, S_OK},
    {"4000 octets", 10, {.octetStringVal = {4000, bytes}}, S_OK},
    {"4001 octets", 10, {.octetStringVal = {4001, bytes}}, E_INVALIDARG},
    {"NULL octets", 11, {.octetStringVal = {4, NULL}}, E_POINTER},
    {"4001 octets of an unknown type", 200, {.octetStringVal = {4001, bytes}}, E_INVALIDARG},
};

/* A failure leaves the object as it was; a success adds exactly one attribute. */
START_TEST(append_limits)
{
    const struct limit *l = &limits[_i];
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    HRESULT hr;

    hr = INapSoHConstructor_AppendAttribute(constructor, (SoHAttributeType)l->type, &l->value);
    ck_assert_msg(hr == l->expected, "%s: got 0x%08X", l->name, (unsigned)hr);
    ck_assert_uint_eq(attribute_count(constructor), SUCCEEDED(l->expected) ? 2 : 1);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* The System-Health-ID counts: 99 appended attributes make 100, and no more fit. */
START_TEST(a_101st_attribute_is_refused)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    SoHAttributeValue value = {.uint8Val = 7};
    int appended = 0;
    int i;

    for (i = 1; i < maxSoHAttributeCount; i++)
        if (INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeHealthClass, &value) ==
            S_OK)
            appended++;
    ck_assert_int_eq(appended, maxSoHAttributeCount - 1);
    ck_assert_int_eq(
        INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeHealthClass, &value),
        E_INVALIDARG);
    ck_assert_uint_eq(attribute_count(constructor), maxSoHAttributeCount);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* Attributes keep their order; each GetSoH is a new, independent copy. */
START_TEST(get_soh_returns_fresh_copies)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    SoHAttributeValue health_class = {.uint8Val = 3};
    SoHAttributeValue name = {.octetStringVal = {4, bytes}};
    long before;
    long after;
    SoH *first = NULL;
    SoH *second = NULL;
    int same_before_change;
    int same_after_change;
    int shares_blocks;
    UINT16 types[3];

    INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeHealthClass, &health_class);
    INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeProductName, &name);
    /* No assertion inside the counted window. */
    before = live_heap_blocks();
    INapSoHConstructor_GetSoH(constructor, &first);
    INapSoHConstructor_GetSoH(constructor, &second);
    types[0] = first->count;
    types[1] = first->attributes[1].type;
    types[2] = first->attributes[2].type;
    same_before_change = same_soh(first, second);
    shares_blocks = first == second || first->attributes == second->attributes ||
                    first->attributes[2].value == second->attributes[2].value;
    first->attributes[2].value[0] ^= 0xFF;
    same_after_change = same_soh(first, second);
    FreeSoH(first);
    FreeSoH(second);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
    ck_assert_uint_eq(types[0], 3);
    ck_assert_uint_eq(types[1], sohAttributeTypeHealthClass);
    ck_assert_uint_eq(types[2], sohAttributeTypeProductName);
    ck_assert(same_before_change);
    ck_assert(!shares_blocks);
    ck_assert(!same_after_change);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* GetSoH does not validate: a response without a result is built, Validate refuses it. */
START_TEST(get_soh_does_not_validate)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, FALSE);
    SoHAttributeValue codes_value = {.codesVal = {1, codes}};
    SoH *soh = NULL;

    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), S_OK);
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, soh, FALSE), NAP_E_INVALID_PACKET);
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, soh, TRUE), S_OK);
    FreeSoH(soh);
    INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeComplianceResultCodes,
                                       &codes_value);
    INapSoHConstructor_GetSoH(constructor, &soh);
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, soh, FALSE), S_OK);
    FreeSoH(soh);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* Validate judges the SoH it is given, even on an object never initialized. */
START_TEST(validate_needs_no_initialize)
{
    INapSoHConstructor *constructor = new_constructor();
    BYTE id[4] = {0, 1, 0x37, 0xF0};
    BYTE category = failureCategoryClientComponent;
    SoHAttribute attributes[3] = {{2, 4, id}, {3, 4, id}, {3, 4, id}};
    SoH soh = {3, attributes};

    /* Two IPv4 fixup lists: fine in a request, not in a response. */
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, &soh, TRUE), S_OK);
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, &soh, FALSE), NAP_E_INVALID_PACKET);
    attributes[2].type = sohAttributeTypeFailureCategory;
    attributes[2].size = 1;
    attributes[2].value = &category;
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, &soh, FALSE), S_OK);
    attributes[1].type = sohAttributeTypeSystemHealthId;
    ck_assert_int_eq(INapSoHConstructor_Validate(constructor, &soh, TRUE), NAP_E_INVALID_PACKET);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* Allocation failures: the factory. */

static HRESULT attempt_create(void **out)
{
    return CreateNapSoHConstructor((INapSoHConstructor **)out);
}

static void release_constructor(void *out)
{
    INapSoHConstructor_Release((INapSoHConstructor *)out);
}

START_TEST(create_fails_cleanly)
{
    ck_assert_uint_eq(exercise_allocation_failures(attempt_create, release_constructor), 1);
}
END_TEST

static HRESULT attempt_initialize(void *context, void **out)
{
    (void)out;
    return INapSoHConstructor_Initialize((INapSoHConstructor *)context, SHA_ID, TRUE);
}

/* A failed Initialize leaves the object uninitialized, so the next one succeeds. */
START_TEST(initialize_fails_cleanly)
{
    INapSoHConstructor *constructor = new_constructor();

    ck_assert_uint_eq(exercise_method_allocation_failures(attempt_initialize, constructor, NULL),
                      1);
    ck_assert_uint_eq(attribute_count(constructor), 1);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* One value of every type, for the allocation failures of AppendAttribute. */
struct typed_value {
    UINT32 type;
    SoHAttributeValue value;
    unsigned allocations;
};

static const struct typed_value typed_values[] = {
    {3, {.v4AddressesVal = {2, (Ipv4Address *)bytes}}, 1},
    {4, {.codesVal = {3, codes}}, 1},
    {4, {.codesVal = {0, NULL}}, 0},
    {5, {.dateTimeVal = {1, 2}}, 1},
    {6, {.octetStringVal = {5, bytes}}, 1},
    {7, {.vendorSpecificVal = {SHA_ID, 2, bytes}}, 1},
    {7, {.vendorSpecificVal = {SHA_ID, 0, NULL}}, 1},
    {8, {.uint8Val = 1}, 1},
    {9, {.octetStringVal = {1, bytes}}, 1},
    {10, {.octetStringVal = {0, NULL}}, 0},
    {11, {.octetStringVal = {4, bytes}}, 1},
    {12, {.dateTimeVal = {3, 4}}, 1},
    {13, {.codesVal = {1, codes}}, 1},
    {14, {.uint8Val = 5}, 1},
    {15, {.v6AddressesVal = {1, (Ipv6Address *)bytes}}, 1},
    {16, {.uint8Val = 2}, 1},
    {1000, {.octetStringVal = {9, bytes}}, 1},
};

struct append_context {
    INapSoHConstructor *constructor;
    const struct typed_value *typed;
};

static HRESULT attempt_append(void *context, void **out)
{
    struct append_context *append = context;

    (void)out;
    return INapSoHConstructor_AppendAttribute(
        append->constructor, (SoHAttributeType)append->typed->type, &append->typed->value);
}

/* A failed append adds nothing: after the failures there is exactly one more attribute. */
START_TEST(append_fails_cleanly)
{
    struct append_context append = {initialized_constructor(SHA_ID, TRUE), &typed_values[_i]};

    ck_assert_uint_eq(exercise_method_allocation_failures(attempt_append, &append, NULL),
                      typed_values[_i].allocations);
    ck_assert_uint_eq(attribute_count(append.constructor), 2);
    INapSoHConstructor_Release(append.constructor);
}
END_TEST

static HRESULT attempt_get_soh(void *context, void **out)
{
    return INapSoHConstructor_GetSoH((INapSoHConstructor *)context, (SoH **)out);
}

static void release_soh(void *out)
{
    FreeSoH(out);
}

/* The SoH, its array and each non-empty value: 2 + 16 here (two values are empty). */
START_TEST(get_soh_fails_cleanly)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    SoH *soh = NULL;
    int i;

    for (i = 0; i < COUNT_OF(typed_values); i++)
        INapSoHConstructor_AppendAttribute(constructor, (SoHAttributeType)typed_values[i].type,
                                           &typed_values[i].value);
    ck_assert_uint_eq(
        exercise_method_allocation_failures(attempt_get_soh, constructor, release_soh), 18);
    /* Still usable: the whole SoH comes out. */
    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), S_OK);
    ck_assert_uint_eq(soh->count, 1 + COUNT_OF(typed_values));
    FreeSoH(soh);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* The methods that allocate nothing do not meet an armed failure. */
START_TEST(other_methods_do_not_allocate)
{
    INapSoHConstructor *constructor = initialized_constructor(SHA_ID, TRUE);
    BYTE id[4] = {0, 1, 0x37, 0xF0};
    SoHAttribute attribute = {2, 4, id};
    SoH soh = {1, &attribute};
    void *found = NULL;
    HRESULT validated, queried;
    int failed;

    /* No assertion while the failure is armed: Check's own allocate too. */
    fail_nth_allocation(1);
    validated = INapSoHConstructor_Validate(constructor, &soh, TRUE);
    queried = INapSoHConstructor_QueryInterface(constructor, &IID_IUnknown, &found);
    INapSoHConstructor_AddRef(constructor);
    INapSoHConstructor_Release(constructor);
    INapSoHConstructor_Release(constructor);
    failed = allocation_failure_happened();
    fail_nth_allocation(0);
    ck_assert_int_eq(validated, S_OK);
    ck_assert_int_eq(queried, S_OK);
    ck_assert(!failed);
    INapSoHConstructor_Release(constructor);
}
END_TEST

/* Threads: references shared between threads, and one object per thread. */

#define THREADS 4
#define ROUNDS 2000

static void *add_and_release_references(void *context)
{
    INapSoHConstructor *constructor = context;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        INapSoHConstructor_AddRef(constructor);
        INapSoHConstructor_Release(constructor);
    }
    return NULL;
}

START_TEST(reference_count_is_atomic)
{
    INapSoHConstructor *constructor = new_constructor();
    pthread_t threads[THREADS];
    int i;

    for (i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, add_and_release_references,
                                        constructor),
                         0);
    for (i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    ck_assert_uint_eq(INapSoHConstructor_AddRef(constructor), 2);
    INapSoHConstructor_Release(constructor);
    ck_assert_uint_eq(INapSoHConstructor_Release(constructor), 0);
}
END_TEST

/* Each thread builds its own SoHs; returns how many came out wrong. */
static void *build_own_sohs(void *context)
{
    uintptr_t wrong = 0;
    int i;

    (void)context;
    for (i = 0; i < ROUNDS / 10; i++) {
        INapSoHConstructor *constructor = NULL;
        SoHAttributeValue value = {.uint8Val = (UINT8)i};
        SoH *soh = NULL;

        if (FAILED(CreateNapSoHConstructor(&constructor))) {
            wrong++;
            continue;
        }
        INapSoHConstructor_Initialize(constructor, (SystemHealthEntityId)i, TRUE);
        INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeHealthClass, &value);
        if (FAILED(INapSoHConstructor_GetSoH(constructor, &soh)) || soh->count != 2 ||
            soh->attributes[0].value[3] != (BYTE)i || soh->attributes[1].value[0] != (BYTE)i)
            wrong++;
        FreeSoH(soh);
        INapSoHConstructor_Release(constructor);
    }
    return (void *)wrong;
}

START_TEST(distinct_objects_in_parallel)
{
    run_threads(build_own_sohs, NULL, THREADS);
}
END_TEST

static Suite *constructor_suite(void)
{
    Suite *suite = suite_create("sohconstructor");
    TCase *com = add_test_case(suite, "com");
    TCase *methods = add_test_case(suite, "methods");
    TCase *memory = add_test_case(suite, "out of memory");
    TCase *threads = add_test_case(suite, "threads");

    tcase_add_test(com, factory_rejects_null);
    tcase_add_test(com, reference_counting);
    tcase_add_test(com, release_frees_the_attributes);
    tcase_add_test(com, query_interface);

    tcase_add_test(methods, initialize_puts_the_id_first);
    tcase_add_test(methods, second_initialize_fails);
    tcase_add_test(methods, methods_before_initialize);
    tcase_add_test(methods, null_arguments);
    tcase_add_loop_test(methods, append_limits, 0, COUNT_OF(limits));
    tcase_add_test(methods, a_101st_attribute_is_refused);
    tcase_add_test(methods, get_soh_returns_fresh_copies);
    tcase_add_test(methods, get_soh_does_not_validate);
    tcase_add_test(methods, validate_needs_no_initialize);

    tcase_add_test(memory, create_fails_cleanly);
    tcase_add_test(memory, initialize_fails_cleanly);
    tcase_add_loop_test(memory, append_fails_cleanly, 0, COUNT_OF(typed_values));
    tcase_add_test(memory, get_soh_fails_cleanly);
    tcase_add_test(memory, other_methods_do_not_allocate);

    tcase_add_test(threads, reference_count_is_atomic);
    tcase_add_test(threads, distinct_objects_in_parallel);
    return suite;
}

int main(void)
{
    return run_suite(constructor_suite());
}
