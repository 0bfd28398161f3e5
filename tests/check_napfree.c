/*
 * check_napfree.c - tests of the Free* functions (lib/napfree.c): NULL
 * tolerance, structures built by hand with CoTaskMemAlloc, embedded blocks
 * replaced by the caller, the Release of every connection, and every arm of
 * FreeSoHAttributeValue.  Each test counts heap blocks around the free, so a
 * block left behind fails it.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "naputil.h"
#include "testutil.h"

/*
 * A task-memory block of size bytes, filled with a recognisable pattern.
 * Check is called only on failure: a passing Check assertion frees memory
 * of its own and would upset the block counts.
 */
static void *block(size_t size)
{
    void *p = CoTaskMemAlloc(size);

    if (p == NULL)
        ck_abort_msg("out of memory building a test structure");
    memset(p, 0xA5, size);
    return p;
}

/* A task-memory UTF-16 string, as a producer would return it. */
static WCHAR *string_block(const WCHAR *text, UINT16 *length)
{
    size_t n = 0;
    WCHAR *copy;

    while (text[n] != 0)
        n++;
    copy = block((n + 1) * sizeof(WCHAR));
    memcpy(copy, text, (n + 1) * sizeof(WCHAR));
    if (length != NULL)
        *length = (UINT16)n;
    return copy;
}

START_TEST(every_free_accepts_null)
{
    NapComponentRegistrationInfo *no_array = NULL;

    FreeFixupInfo(NULL);
    FreeConnections(NULL);
    FreeIsolationInfo(NULL);
    FreeIsolationInfoEx(NULL);
    FreeCountedString(NULL);
    FreeSoH(NULL);
    FreeNetworkSoH(NULL);
    FreePrivateData(NULL);
    FreeSoHAttributeValue(0, NULL);
    FreeSoHAttributeValue(sohAttributeTypeVendorSpecific, NULL);
    FreeNapComponentRegistrationInfoArray(0, NULL);
    FreeNapComponentRegistrationInfoArray(3, NULL);
    FreeNapComponentRegistrationInfoArray(3, &no_array);
    FreeSystemHealthAgentState(NULL);
    ck_assert_ptr_null(no_array);
}
END_TEST

/* Structures with every embedded pointer NULL: only the outer block goes. */
START_TEST(empty_structures_free_only_themselves)
{
    long before = live_heap_blocks();
    long after;

    FreeFixupInfo(memset(block(sizeof(FixupInfo)), 0, sizeof(FixupInfo)));
    FreeIsolationInfo(memset(block(sizeof(IsolationInfo)), 0, sizeof(IsolationInfo)));
    FreeIsolationInfoEx(memset(block(sizeof(IsolationInfoEx)), 0, sizeof(IsolationInfoEx)));
    FreeCountedString(memset(block(sizeof(CountedString)), 0, sizeof(CountedString)));
    FreeSoH(memset(block(sizeof(SoH)), 0, sizeof(SoH)));
    FreeNetworkSoH(memset(block(sizeof(NetworkSoH)), 0, sizeof(NetworkSoH)));
    FreePrivateData(memset(block(sizeof(PrivateData)), 0, sizeof(PrivateData)));
    FreeSystemHealthAgentState(
        memset(block(sizeof(SystemHealthAgentState)), 0, sizeof(SystemHealthAgentState)));
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(fixup_info_built_by_hand)
{
    long before = live_heap_blocks();
    FixupInfo *info = block(sizeof(*info));
    long after;

    info->state = fixupStateInProgress;
    info->percentage = 50;
    info->resultCodes.count = 3;
    info->resultCodes.results = block(3 * sizeof(HRESULT));
    FreeFixupInfo(info);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

/* The caller swaps in its own array before freeing: the new one is freed. */
START_TEST(fixup_info_with_replaced_array)
{
    long before = live_heap_blocks();
    FixupInfo *info = NULL;
    HRESULT *original;
    HRESULT hr;
    long after;

    hr = AllocFixupInfo(&info, 4);
    original = info->resultCodes.results;
    info->resultCodes.results = block(10 * sizeof(HRESULT));
    info->resultCodes.count = 10;
    CoTaskMemFree(original);
    FreeFixupInfo(info);
    after = live_heap_blocks();
    ck_assert_int_eq(hr, S_OK);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(counted_string_built_by_hand)
{
    long before = live_heap_blocks();
    CountedString *counted = block(sizeof(*counted));
    long after;

    counted->string = string_block(u"built by hand", &counted->length);
    FreeCountedString(counted);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(counted_string_with_replaced_buffer)
{
    long before = live_heap_blocks();
    CountedString *counted = NULL;
    WCHAR *original;
    HRESULT hr;
    long after;

    hr = AllocCountedString(&counted, u"old");
    original = counted->string;
    counted->string = string_block(u"a longer replacement", &counted->length);
    CoTaskMemFree(original);
    FreeCountedString(counted);
    after = live_heap_blocks();
    ck_assert_int_eq(hr, S_OK);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(isolation_info_built_by_hand)
{
    long before = live_heap_blocks();
    IsolationInfo *info = block(sizeof(*info));
    IsolationInfoEx *info_ex = block(sizeof(*info_ex));
    long after;

    info->isolationState = isolationStateRestrictedAccess;
    info->failureUrl.string = string_block(u"http://fix.example/", &info->failureUrl.length);
    info_ex->isolationState = isolationStateInProbation;
    info_ex->extendedIsolationState = extendedIsolationStateInfected;
    info_ex->failureUrl.string = string_block(u"http://fix.example/ex", &info_ex->failureUrl.length);
    FreeIsolationInfo(info);
    FreeIsolationInfoEx(info_ex);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

/* An SoH of three attributes, one of them without a value buffer. */
START_TEST(soh_built_by_hand)
{
    long before = live_heap_blocks();
    SoH *soh = block(sizeof(*soh));
    long after;

    soh->count = 3;
    soh->attributes = block(3 * sizeof(SoHAttribute));
    soh->attributes[0].type = sohAttributeTypeSystemHealthId;
    soh->attributes[0].size = 4;
    soh->attributes[0].value = block(4);
    soh->attributes[1].type = sohAttributeTypeHealthClass;
    soh->attributes[1].size = 0;
    soh->attributes[1].value = NULL;
    soh->attributes[2].type = sohAttributeTypeVendorSpecific;
    soh->attributes[2].size = 6;
    soh->attributes[2].value = block(6);
    FreeSoH(soh);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

/* Attributes past count are not the SoH's: they stay with the caller. */
START_TEST(soh_frees_only_counted_attributes)
{
    long before = live_heap_blocks();
    SoH *soh = block(sizeof(*soh));
    BYTE *beyond_count = block(8);
    long after;

    soh->count = 1;
    soh->attributes = block(2 * sizeof(SoHAttribute));
    soh->attributes[0].size = 2;
    soh->attributes[0].value = block(2);
    soh->attributes[1].size = 8;
    soh->attributes[1].value = beyond_count;
    FreeSoH(soh);
    CoTaskMemFree(beyond_count);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(soh_with_count_but_no_array)
{
    long before = live_heap_blocks();
    SoH *soh = block(sizeof(*soh));
    long after;

    soh->count = 5;
    soh->attributes = NULL;
    FreeSoH(soh);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(network_soh_and_private_data_built_by_hand)
{
    long before = live_heap_blocks();
    NetworkSoH *network = block(sizeof(*network));
    PrivateData *private_data = block(sizeof(*private_data));
    long after;

    network->size = minNetworkSoHSize;
    network->data = block(minNetworkSoHSize);
    private_data->size = maxPrivateDataSize;
    private_data->data = block(maxPrivateDataSize);
    FreeNetworkSoH(network);
    FreePrivateData(private_data);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(system_health_agent_state_frees_both_arrays)
{
    long before = live_heap_blocks();
    SystemHealthAgentState *state = block(sizeof(*state));
    long after;

    state->id = 0x000137F0;
    state->shaResultCodes.count = 2;
    state->shaResultCodes.results = block(2 * sizeof(HRESULT));
    state->failureCategory = failureCategoryClientComponent;
    state->fixupInfo.resultCodes.count = 1;
    state->fixupInfo.resultCodes.results = block(sizeof(HRESULT));
    FreeSystemHealthAgentState(state);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

/* Registration info */

static void fill_registration(NapComponentRegistrationInfo *info, NapComponentId id)
{
    memset(info, 0, sizeof(*info));
    info->id = id;
    info->friendlyName.string = string_block(u"Sample SHA", &info->friendlyName.length);
    info->description.string = string_block(u"A health agent", &info->description.length);
    info->version.string = string_block(u"1.0", &info->version.length);
    info->vendorName.string = string_block(u"Example", &info->vendorName.length);
}

START_TEST(registration_array_freed_and_cleared)
{
    long before = live_heap_blocks();
    NapComponentRegistrationInfo *agents = block(3 * sizeof(*agents));
    long after;

    fill_registration(&agents[0], 0x00013780);
    fill_registration(&agents[1], 0x00013781);
    fill_registration(&agents[2], 0x000137F0);
    /* One string missing: a NULL buffer is simply skipped. */
    CoTaskMemFree(agents[1].description.string);
    agents[1].description.string = NULL;
    FreeNapComponentRegistrationInfoArray(3, &agents);
    after = live_heap_blocks();
    ck_assert_ptr_null(agents);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(registration_array_of_zero)
{
    long before = live_heap_blocks();
    NapComponentRegistrationInfo *agents = block(sizeof(*agents));
    long after;

    FreeNapComponentRegistrationInfoArray(0, &agents);
    after = live_heap_blocks();
    ck_assert_ptr_null(agents);
    ck_assert_int_eq(after, before);
}
END_TEST

/* Connections */

/* A connection object that only counts its references. */
struct counted_connection {
    INapEnforcementClientConnection iface;
    ULONG refs;
    ULONG releases;
};

static struct counted_connection *counted_from(INapEnforcementClientConnection *This)
{
    return (struct counted_connection *)This;
}

static HRESULT STDMETHODCALLTYPE counted_query_interface(INapEnforcementClientConnection *This,
                                                         REFIID riid, void **ppvObject)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_INapEnforcementClientConnection)) {
        This->lpVtbl->AddRef(This);
        *ppvObject = This;
        return S_OK;
    }
    *ppvObject = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE counted_add_ref(INapEnforcementClientConnection *This)
{
    return ++counted_from(This)->refs;
}

static ULONG STDMETHODCALLTYPE counted_release(INapEnforcementClientConnection *This)
{
    counted_from(This)->releases++;
    return --counted_from(This)->refs;
}

static const INapEnforcementClientConnectionVtbl counted_vtbl = {
    .QueryInterface = counted_query_interface,
    .AddRef = counted_add_ref,
    .Release = counted_release,
};

static void init_counted(struct counted_connection *connection)
{
    connection->iface.lpVtbl = &counted_vtbl;
    connection->refs = 1;
    connection->releases = 0;
}

/*
 * As Microsoft's enforcement client sample does: AddRef each connection
 * before handing it out in the list; FreeConnections gives the reference back.
 */
START_TEST(connections_released_once_each)
{
    struct counted_connection first, second;
    long before = live_heap_blocks();
    Connections *list = NULL;
    HRESULT hr;
    long after;

    init_counted(&first);
    init_counted(&second);
    hr = AllocConnections(&list, 3);
    list->connections[0] = &first.iface;
    first.iface.lpVtbl->AddRef(&first.iface);
    list->connections[2] = &second.iface;
    second.iface.lpVtbl->AddRef(&second.iface);
    FreeConnections(list);
    after = live_heap_blocks();

    ck_assert_int_eq(hr, S_OK);
    ck_assert_uint_eq(first.releases, 1);
    ck_assert_uint_eq(first.refs, 1);
    ck_assert_uint_eq(second.releases, 1);
    ck_assert_uint_eq(second.refs, 1);
    ck_assert_int_eq(after, before);
}
END_TEST

/* Slots past count are not part of the list and are not released. */
START_TEST(connections_past_count_not_released)
{
    struct counted_connection inside, outside;
    long before = live_heap_blocks();
    Connections *list = block(sizeof(*list));
    long after;

    init_counted(&inside);
    init_counted(&outside);
    list->count = 1;
    list->connections = block(2 * sizeof(*list->connections));
    list->connections[0] = &inside.iface;
    list->connections[1] = &outside.iface;
    FreeConnections(list);
    after = live_heap_blocks();

    ck_assert_uint_eq(inside.releases, 1);
    ck_assert_uint_eq(outside.releases, 0);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(connections_with_count_but_no_array)
{
    long before = live_heap_blocks();
    Connections *list = block(sizeof(*list));
    long after;

    list->count = 4;
    list->connections = NULL;
    FreeConnections(list);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

/* FreeSoHAttributeValue */

/*
 * A value whose every byte is a pattern, so that freeing a member the type
 * does not select would pass a wild pointer to free() and crash the test.
 */
static SoHAttributeValue *patterned_value(void)
{
    return block(sizeof(SoHAttributeValue));
}

/* Types whose value owns no buffer. */
static const int scalar_types[] = {
    sohAttributeTypeSystemHealthId,
    sohAttributeTypeTimeOfLastUpdate,
    sohAttributeTypeSoHGenerationTime,
    sohAttributeTypeHealthClass,
    sohAttributeTypeFailureCategory,
    sohAttributeTypeExtendedIsolationState,
};

START_TEST(attribute_value_scalar_arms)
{
    int type = scalar_types[_i];
    long before = live_heap_blocks();
    SoHAttributeValue *value = patterned_value();
    long after;

    switch (type) {
    case sohAttributeTypeSystemHealthId:
        value->idVal = 0x00013780;
        break;
    case sohAttributeTypeTimeOfLastUpdate:
    case sohAttributeTypeSoHGenerationTime:
        value->dateTimeVal.dwLowDateTime = 0x12345678;
        value->dateTimeVal.dwHighDateTime = 0x01D00000;
        break;
    default:
        value->uint8Val = 2;
        break;
    }
    FreeSoHAttributeValue((SoHAttributeType)type, value);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(attribute_value_address_arms)
{
    long before = live_heap_blocks();
    SoHAttributeValue *v4 = patterned_value();
    SoHAttributeValue *v6 = patterned_value();
    long after;

    v4->v4AddressesVal.count = 2;
    v4->v4AddressesVal.addresses = block(2 * sizeof(Ipv4Address));
    v6->v6AddressesVal.count = 1;
    v6->v6AddressesVal.addresses = block(sizeof(Ipv6Address));
    FreeSoHAttributeValue(sohAttributeTypeIpv4FixupServers, v4);
    FreeSoHAttributeValue(sohAttributeTypeIpv6FixupServers, v6);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(attribute_value_code_arms)
{
    long before = live_heap_blocks();
    SoHAttributeValue *compliance = patterned_value();
    SoHAttributeValue *errors = patterned_value();
    long after;

    compliance->codesVal.count = 1;
    compliance->codesVal.results = block(sizeof(HRESULT));
    errors->codesVal.count = 3;
    errors->codesVal.results = block(3 * sizeof(HRESULT));
    FreeSoHAttributeValue(sohAttributeTypeComplianceResultCodes, compliance);
    FreeSoHAttributeValue(sohAttributeTypeErrorCodes, errors);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(attribute_value_vendor_specific_arm)
{
    long before = live_heap_blocks();
    SoHAttributeValue *value = patterned_value();
    long after;

    value->vendorSpecificVal.vendorId = 0x000137F0;
    value->vendorSpecificVal.size = 2;
    value->vendorSpecificVal.vendorSpecificData = block(2);
    FreeSoHAttributeValue(sohAttributeTypeVendorSpecific, value);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

/* Octet-string types, and types the API does not know, share one arm. */
static const int octet_string_types[] = {
    sohAttributeTypeClientId,
    sohAttributeTypeSoftwareVersion,
    sohAttributeTypeProductName,
    sohAttributeTypeHealthClassStatus,
    0, 1, 17, 0x3FFF, 0xFFFF,
};

START_TEST(attribute_value_octet_string_arms)
{
    long before = live_heap_blocks();
    SoHAttributeValue *value = patterned_value();
    long after;

    value->octetStringVal.size = 5;
    value->octetStringVal.data = block(5);
    FreeSoHAttributeValue((SoHAttributeType)octet_string_types[_i], value);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(attribute_value_without_buffer)
{
    long before = live_heap_blocks();
    SoHAttributeValue *value = block(sizeof(*value));
    long after;

    value->octetStringVal.size = 0;
    value->octetStringVal.data = NULL;
    FreeSoHAttributeValue(sohAttributeTypeProductName, value);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
}
END_TEST


static Suite *napfree_suite(void)
{
    Suite *suite = suite_create("napfree");
    TCase *general = add_test_case(suite, "general");
    TCase *structures = add_test_case(suite, "structures");
    TCase *registration = add_test_case(suite, "FreeNapComponentRegistrationInfoArray");
    TCase *connections = add_test_case(suite, "FreeConnections");
    TCase *attribute = add_test_case(suite, "FreeSoHAttributeValue");

    tcase_add_test(general, every_free_accepts_null);
    tcase_add_test(general, empty_structures_free_only_themselves);

    tcase_add_test(structures, fixup_info_built_by_hand);
    tcase_add_test(structures, fixup_info_with_replaced_array);
    tcase_add_test(structures, counted_string_built_by_hand);
    tcase_add_test(structures, counted_string_with_replaced_buffer);
    tcase_add_test(structures, isolation_info_built_by_hand);
    tcase_add_test(structures, soh_built_by_hand);
    tcase_add_test(structures, soh_frees_only_counted_attributes);
    tcase_add_test(structures, soh_with_count_but_no_array);
    tcase_add_test(structures, network_soh_and_private_data_built_by_hand);
    tcase_add_test(structures, system_health_agent_state_frees_both_arrays);

    tcase_add_test(registration, registration_array_freed_and_cleared);
    tcase_add_test(registration, registration_array_of_zero);

    tcase_add_test(connections, connections_released_once_each);
    tcase_add_test(connections, connections_past_count_not_released);
    tcase_add_test(connections, connections_with_count_but_no_array);

    tcase_add_loop_test(attribute, attribute_value_scalar_arms, 0, COUNT_OF(scalar_types));
    tcase_add_test(attribute, attribute_value_address_arms);
    tcase_add_test(attribute, attribute_value_code_arms);
    tcase_add_test(attribute, attribute_value_vendor_specific_arm);
    tcase_add_loop_test(attribute, attribute_value_octet_string_arms, 0,
                        COUNT_OF(octet_string_types));
    tcase_add_test(attribute, attribute_value_without_buffer);
    return suite;
}

int main(void)
{
    return run_suite(napfree_suite());
}
