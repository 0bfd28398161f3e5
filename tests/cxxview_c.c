/*
 * cxxview_c.c - the C half of check_cxxview: objects driven through the C
 * view of the interfaces, with COBJMACROS over lpVtbl, as a C caller
 * drives them.  The connections come from check_cxxview.cpp as C++
 * objects, the SoH constructors as the library's objects that C++ code has
 * already used, so every call here crosses from one view to the other.
 * Each function returns the first expectation not met (see cxxview.h); a
 * failing run may leave the copies it was checking unfreed.
 */
#include "config.h"

#include <string.h>

#define COBJMACROS
#include "naputil.h"
#include "cxxview.h"

#define STRINGIFY(x) #x
#define LINE_STRING(line) STRINGIFY(line)

/* Returns the expectation, with its line, from the calling function when it is not met. */
#define EXPECT(condition)                                                                    \
    do {                                                                                     \
        if (!(condition))                                                                    \
            return "cxxview_c.c:" LINE_STRING(__LINE__) ": " #condition;                     \
    } while (0)

/* The units of CXXVIEW_CONNECTION_NAME before its terminating NUL. */
#define CONNECTION_NAME_LENGTH (sizeof(CXXVIEW_CONNECTION_NAME) / sizeof(WCHAR) - 1)

static const ConnectionId connection_id = {
    0x6E617075, 0x7469, 0x6C00, {0x63, 0x2B, 0x2B, 0x76, 0x69, 0x65, 0x77, 0x01}};

static int same_bytes(const BYTE *got, UINT16 got_size, const BYTE *expected,
                      size_t expected_size)
{
    return got_size == expected_size && memcmp(got, expected, expected_size) == 0;
}

/* QueryInterface, AddRef and Release: one object, one count. */
static const char *expect_identity(INapEnforcementClientConnection *connection)
{
    IUnknown *unknown = NULL;
    INapEnforcementClientConnection *same = NULL;
    /* Not NULL, so that the refused query is seen to clear it. */
    INapSoHProcessor *processor = (INapSoHProcessor *)connection;

    EXPECT(INapEnforcementClientConnection_QueryInterface(connection, &IID_IUnknown,
                                                          (void **)&unknown) == S_OK);
    EXPECT(unknown == (IUnknown *)connection);
    EXPECT(IUnknown_Release(unknown) == 1);
    EXPECT(INapEnforcementClientConnection_QueryInterface(
               connection, &IID_INapEnforcementClientConnection, (void **)&same) == S_OK);
    EXPECT(same == connection);
    EXPECT(INapEnforcementClientConnection_Release(same) == 1);
    EXPECT(INapEnforcementClientConnection_QueryInterface(connection, &IID_INapSoHProcessor,
                                                          (void **)&processor) ==
           E_NOINTERFACE);
    EXPECT(processor == NULL);
    EXPECT(INapEnforcementClientConnection_AddRef(connection) == 2);
    EXPECT(INapEnforcementClientConnection_Release(connection) == 1);
    return NULL;
}

static const char *expect_size_and_flags(INapEnforcementClientConnection *connection)
{
    ProtocolMaxSize max_size = 0;
    UINT8 flags = 0;

    EXPECT(INapEnforcementClientConnection_Initialize(connection, CXXVIEW_ENFORCER_ID) == S_OK);
    EXPECT(INapEnforcementClientConnection_SetMaxSize(connection, 1400) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetMaxSize(connection, &max_size) == S_OK);
    EXPECT(max_size == 1400);
    EXPECT(INapEnforcementClientConnection_SetFlags(connection, 0x05) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetFlags(connection, &flags) == S_OK);
    EXPECT(flags == 0x05);
    return NULL;
}

static const char *expect_ids(INapEnforcementClientConnection *connection)
{
    const CorrelationId correlation = {connection_id, {0x89ABCDEF, 0x01D9ABCD}};
    CorrelationId correlation_copy;
    ConnectionId *id_copy = NULL;
    StringCorrelationId *name = NULL;
    int same;

    EXPECT(INapEnforcementClientConnection_SetConnectionId(connection, &connection_id) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetConnectionId(connection, &id_copy) == S_OK);
    same = IsEqualGUID(id_copy, &connection_id);
    CoTaskMemFree(id_copy);
    EXPECT(same);

    memset(&correlation_copy, 0, sizeof(correlation_copy));
    EXPECT(INapEnforcementClientConnection_SetCorrelationId(connection, correlation) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetCorrelationId(connection, &correlation_copy) ==
           S_OK);
    EXPECT(IsEqualGUID(&correlation_copy.connId, &correlation.connId));
    EXPECT(correlation_copy.timeStamp.dwLowDateTime == 0x89ABCDEF);
    EXPECT(correlation_copy.timeStamp.dwHighDateTime == 0x01D9ABCD);

    EXPECT(INapEnforcementClientConnection_GetStringCorrelationId(connection, &name) == S_OK);
    same = name->length == CONNECTION_NAME_LENGTH &&
           memcmp(name->string, CXXVIEW_CONNECTION_NAME, sizeof(CXXVIEW_CONNECTION_NAME)) == 0;
    FreeCountedString(name);
    EXPECT(same);
    return NULL;
}

/* A request and a response of different bytes, so that neither can stand in for the other. */
static const char *expect_network_sohs(INapEnforcementClientConnection *connection)
{
    static BYTE request_bytes[] = {0x00, 0x02, 0x00, 0x04, 0x00, 0x01, 0x37, 0xF0};
    static BYTE response_bytes[] = {0x00, 0x04, 0x00, 0x04, 0x80, 0x27, 0x00, 0x50, 0x99};
    const NetworkSoHRequest request = {sizeof(request_bytes), request_bytes};
    const NetworkSoHResponse response = {sizeof(response_bytes), response_bytes};
    NetworkSoHRequest *request_copy = NULL;
    NetworkSoHResponse *response_copy = NULL;
    int same;

    EXPECT(INapEnforcementClientConnection_SetSoHRequest(connection, &request) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetSoHRequest(connection, &request_copy) == S_OK);
    same = same_bytes(request_copy->data, request_copy->size, request_bytes,
                      sizeof(request_bytes));
    FreeNetworkSoH(request_copy);
    EXPECT(same);

    EXPECT(INapEnforcementClientConnection_SetSoHResponse(connection, &response) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetSoHResponse(connection, &response_copy) == S_OK);
    same = same_bytes(response_copy->data, response_copy->size, response_bytes,
                      sizeof(response_bytes));
    FreeNetworkSoH(response_copy);
    EXPECT(same);
    return NULL;
}

static const char *expect_isolation_info(INapEnforcementClientConnection *connection)
{
    static WCHAR url[] = u"http://remediation.example/";
    const IsolationInfo info = {isolationStateInProbation,
                                {0x11223344, 0x01DA5566},
                                {sizeof(url) / sizeof(WCHAR) - 1, url}};
    IsolationInfo *copy = NULL;
    int same;

    EXPECT(INapEnforcementClientConnection_SetIsolationInfo(connection, &info) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetIsolationInfo(connection, &copy) == S_OK);
    same = copy->isolationState == isolationStateInProbation &&
           copy->probEndTime.dwLowDateTime == 0x11223344 &&
           copy->probEndTime.dwHighDateTime == 0x01DA5566 &&
           copy->failureUrl.length == info.failureUrl.length &&
           memcmp(copy->failureUrl.string, url, sizeof(url)) == 0;
    FreeIsolationInfo(copy);
    EXPECT(same);
    return NULL;
}

/* The agent's and the enforcer's private data: two slots each, never confused. */
static const char *expect_private_data(INapEnforcementClientConnection *connection)
{
    static BYTE agent_bytes[] = {0xA1, 0xA2, 0xA3};
    static BYTE enforcer_bytes[] = {0xE1, 0xE2, 0xE3, 0xE4, 0xE5};
    const PrivateData agent = {sizeof(agent_bytes), agent_bytes};
    const PrivateData enforcer = {sizeof(enforcer_bytes), enforcer_bytes};
    PrivateData *agent_copy = NULL;
    PrivateData *enforcer_copy = NULL;
    int same;

    EXPECT(INapEnforcementClientConnection_SetPrivateData(connection, &agent) == S_OK);
    EXPECT(INapEnforcementClientConnection_GetPrivateData(connection, &agent_copy) == S_OK);
    EXPECT(INapEnforcementClientConnection_SetEnforcerPrivateData(connection, &enforcer) ==
           S_OK);
    EXPECT(INapEnforcementClientConnection_GetEnforcerPrivateData(connection, &enforcer_copy) ==
           S_OK);
    same = same_bytes(agent_copy->data, agent_copy->size, agent_bytes, sizeof(agent_bytes)) &&
           same_bytes(enforcer_copy->data, enforcer_copy->size, enforcer_bytes,
                      sizeof(enforcer_bytes));
    FreePrivateData(agent_copy);
    FreePrivateData(enforcer_copy);
    EXPECT(same);
    return NULL;
}

const char *drive_connection_in_c(INapEnforcementClientConnection *connection)
{
    static const char *(*const steps[])(INapEnforcementClientConnection *) = {
        expect_identity,     expect_size_and_flags, expect_ids,
        expect_network_sohs, expect_isolation_info, expect_private_data,
    };
    const char *failure = NULL;
    size_t i;

    for (i = 0; failure == NULL && i < sizeof(steps) / sizeof(steps[0]); i++)
        failure = steps[i](connection);
    return failure;
}

HRESULT append_vendor_attribute_in_c(INapSoHConstructor *constructor, UINT32 vendorId,
                                     const BYTE *data, UINT16 size)
{
    SoHAttributeValue value;

    memset(&value, 0, sizeof(value));
    value.vendorSpecificVal.vendorId = vendorId;
    value.vendorSpecificVal.size = size;
    value.vendorSpecificVal.vendorSpecificData = (BYTE *)data;
    return INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeVendorSpecific, &value);
}

static const char *expect_vendor_attribute(INapSoHProcessor *processor, UINT32 vendorId,
                                           const BYTE *data, UINT16 size)
{
    SoHAttributeType type = (SoHAttributeType)0;
    SoHAttributeValue *value = NULL;
    int same;

    EXPECT(INapSoHProcessor_GetAttribute(processor, 1, &type, &value) == S_OK);
    EXPECT(type == sohAttributeTypeVendorSpecific);
    same = value->vendorSpecificVal.vendorId == vendorId &&
           same_bytes(value->vendorSpecificVal.vendorSpecificData, value->vendorSpecificVal.size,
                      data, size);
    FreeSoHAttributeValue(type, value);
    EXPECT(same);
    return NULL;
}

const char *expect_vendor_request_in_c(const SoH *soh, SystemHealthEntityId id,
                                       UINT32 vendorId, const BYTE *data, UINT16 size)
{
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId read_id = 0;
    UINT16 count = 0;
    const char *failure;

    EXPECT(CreateNapSoHProcessor(&processor) == S_OK);
    EXPECT(INapSoHProcessor_Initialize(processor, soh, TRUE, &read_id) == S_OK);
    EXPECT(read_id == id);
    EXPECT(INapSoHProcessor_GetNumberOfAttributes(processor, &count) == S_OK);
    EXPECT(count == 2);
    failure = expect_vendor_attribute(processor, vendorId, data, size);
    EXPECT(INapSoHProcessor_Release(processor) == 0);
    return failure;
}
