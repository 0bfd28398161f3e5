/*
 * health_exchange.c - examples/health_exchange.cpp in C11, written as
 * Windows C code is: COM objects from CoCreateInstance, methods called
 * through the COBJMACROS, and a connection object implementing
 * INapEnforcementClientConnection with a table of functions of its own.
 *
 *   1. each client's health agent builds its SoH request with the SoH
 *      constructor;
 *   2. the validator reads the request with the SoH processor and decides
 *      whether the client is compliant;
 *   3. the enforcement client records each decision in a connection of its
 *      own, the connections are listed in a Connections structure, and
 *      FreeConnections releases them all.
 *
 * It exits 0 only if every call succeeded, each client got the verdict its
 * health calls for, and FreeConnections destroyed every connection.
 *
 * Build: cc -std=c11 health_exchange.c $(pkg-config --cflags --libs naputil)
 */
#define COBJMACROS
#ifdef _WIN32
#include <windows.h>
#endif
#include <NapUtil.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The agent's System-Health-ID and the DHCP enforcement client's ID (NapDhcpEnforcementId). */
#define SAMPLE_SHA_ID 0x000137F0
#define DHCP_ENFORCER_ID 0x00013701

/* What the agent reports in its vendor-specific attribute, patched or not. */
static const BYTE patched_state[2] = {0xAA, 0xAA};
static const BYTE unpatched_state[2] = {0xBA, 0xAD};

/* Prints a UTF-16 string that holds only ASCII, as URLs do. */
static void print_utf16(const WCHAR *text, UINT16 length)
{
    for (UINT16 i = 0; i < length; i++)
        putchar(text[i] < 0x80 ? (char)text[i] : '?');
}

/* 1. A client's system health agent: it reports whether the client is patched. */
static HRESULT agent_build_request(bool patched, SoH **request)
{
    INapSoHConstructor *constructor = NULL;
    HRESULT hr = CoCreateInstance(&CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                  &IID_INapSoHConstructor, (void **)&constructor);

    if (FAILED(hr))
        return hr;
    hr = INapSoHConstructor_Initialize(constructor, SAMPLE_SHA_ID, TRUE);
    if (SUCCEEDED(hr)) {
        SoHAttributeValue value;

        memset(&value, 0, sizeof(value));
        value.vendorSpecificVal.vendorId = SAMPLE_SHA_ID;
        value.vendorSpecificVal.size = sizeof(patched_state);
        value.vendorSpecificVal.vendorSpecificData =
            (BYTE *)(patched ? patched_state : unpatched_state);
        hr = INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeVendorSpecific,
                                                &value);
    }
    if (SUCCEEDED(hr))
        hr = INapSoHConstructor_GetSoH(constructor, request);
    if (SUCCEEDED(hr))
        printf("agent: %s client, SoH request of 0x%08X with %u attributes\n",
               patched ? "patched" : "unpatched", (unsigned)SAMPLE_SHA_ID,
               (unsigned)(*request)->count);
    INapSoHConstructor_Release(constructor);
    return hr;
}

/* 2. The system health validator: a client is compliant when its agent reports it patched. */
static HRESULT validator_judge(const SoH *request, bool *compliant)
{
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    UINT16 location = 0;
    SoHAttributeType type = sohAttributeTypeVendorSpecific;
    SoHAttributeValue *value = NULL;
    HRESULT hr = CoCreateInstance(&CLSID_NapSoHProcessor, NULL, CLSCTX_INPROC_SERVER,
                                  &IID_INapSoHProcessor, (void **)&processor);

    if (FAILED(hr))
        return hr;
    hr = INapSoHProcessor_Initialize(processor, request, TRUE, &id);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_FindNextAttribute(processor, 0, sohAttributeTypeVendorSpecific,
                                                &location);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_GetAttribute(processor, location, &type, &value);
    if (SUCCEEDED(hr)) {
        const BYTE *data = value->vendorSpecificVal.vendorSpecificData;

        *compliant = id == SAMPLE_SHA_ID && value->vendorSpecificVal.vendorId == SAMPLE_SHA_ID &&
                     value->vendorSpecificVal.size == sizeof(patched_state) &&
                     memcmp(data, patched_state, sizeof(patched_state)) == 0;
        printf("validator: request of 0x%08X, vendor data %02x %02x: %s\n", (unsigned)id,
               data[0], data[1], *compliant ? "compliant" : "not patched");
        FreeSoHAttributeValue(type, value);
    }
    INapSoHProcessor_Release(processor);
    return hr;
}

/*
 * 3. One network connection as the enforcement client sees it: its
 * enforcer, its largest SoH and the isolation it imposes.  It frees itself
 * when its last reference goes; live_connections counts those not yet freed.
 */
struct connection {
    /* First, so that the object and its interface share one address. */
    INapEnforcementClientConnection iface;
    ULONG references;
    EnforcementEntityId enforcer;
    ProtocolMaxSize max_size;
    UINT8 flags;
    IsolationInfo isolation;
};

static int live_connections;

static struct connection *from_iface(INapEnforcementClientConnection *iface)
{
    return (struct connection *)iface;
}

static ULONG STDMETHODCALLTYPE connection_add_ref(INapEnforcementClientConnection *This)
{
    return ++from_iface(This)->references;
}

static ULONG STDMETHODCALLTYPE connection_release(INapEnforcementClientConnection *This)
{
    struct connection *connection = from_iface(This);
    ULONG left = --connection->references;

    if (left == 0) {
        CoTaskMemFree(connection->isolation.failureUrl.string);
        free(connection);
        live_connections--;
    }
    return left;
}

static HRESULT STDMETHODCALLTYPE connection_query_interface(INapEnforcementClientConnection *This,
                                                            REFIID riid, void **ppvObject)
{
    if (ppvObject == NULL)
        return E_POINTER;
    *ppvObject = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_INapEnforcementClientConnection))
        return E_NOINTERFACE;
    connection_add_ref(This);
    *ppvObject = This;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE connection_initialize(INapEnforcementClientConnection *This,
                                                       EnforcementEntityId id)
{
    from_iface(This)->enforcer = id;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE connection_set_max_size(INapEnforcementClientConnection *This,
                                                         ProtocolMaxSize maxSize)
{
    if (maxSize < minProtocolMaxSize || maxSize > maxProtocolMaxSize)
        return E_INVALIDARG;
    from_iface(This)->max_size = maxSize;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE connection_get_max_size(INapEnforcementClientConnection *This,
                                                         ProtocolMaxSize *maxSize)
{
    *maxSize = from_iface(This)->max_size;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE connection_set_flags(INapEnforcementClientConnection *This,
                                                      UINT8 flags)
{
    from_iface(This)->flags = flags;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE connection_get_flags(INapEnforcementClientConnection *This,
                                                      UINT8 *flags)
{
    *flags = from_iface(This)->flags;
    return S_OK;
}

/* A task-memory copy of a URL, NUL-terminated as counted strings are; none copies as "". */
static HRESULT copy_url(const CountedString *url, CountedString **copy)
{
    static const WCHAR none[1] = {0};

    return AllocCountedString(copy, url->string != NULL ? url->string : none);
}

/* The isolation is kept as a copy whose URL is the connection's own block. */
static HRESULT STDMETHODCALLTYPE connection_set_isolation_info(
    INapEnforcementClientConnection *This, const IsolationInfo *isolationInfo)
{
    struct connection *connection = from_iface(This);
    CountedString *url = NULL;
    HRESULT hr = copy_url(&isolationInfo->failureUrl, &url);

    if (FAILED(hr))
        return hr;
    CoTaskMemFree(connection->isolation.failureUrl.string);
    connection->isolation = *isolationInfo;
    connection->isolation.failureUrl = *url;
    CoTaskMemFree(url);
    return S_OK;
}

/* The copy it returns is the caller's, to free with FreeIsolationInfo. */
static HRESULT STDMETHODCALLTYPE connection_get_isolation_info(
    INapEnforcementClientConnection *This, IsolationInfo **isolationInfo)
{
    struct connection *connection = from_iface(This);
    CountedString *url = NULL;
    IsolationInfo *info;
    HRESULT hr = copy_url(&connection->isolation.failureUrl, &url);

    if (FAILED(hr))
        return hr;
    info = CoTaskMemAlloc(sizeof(*info));
    if (info == NULL) {
        FreeCountedString(url);
        return E_OUTOFMEMORY;
    }
    *info = connection->isolation;
    info->failureUrl = *url;
    CoTaskMemFree(url);
    *isolationInfo = info;
    return S_OK;
}

/* What this enforcement client does not track. */
static HRESULT STDMETHODCALLTYPE connection_set_connection_id(
    INapEnforcementClientConnection *This, const ConnectionId *connectionId)
{
    (void)This;
    (void)connectionId;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_get_connection_id(
    INapEnforcementClientConnection *This, ConnectionId **connectionId)
{
    (void)This;
    (void)connectionId;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_get_correlation_id(
    INapEnforcementClientConnection *This, CorrelationId *correlationId)
{
    (void)This;
    (void)correlationId;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_get_string_correlation_id(
    INapEnforcementClientConnection *This, StringCorrelationId **correlationId)
{
    (void)This;
    (void)correlationId;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_set_correlation_id(
    INapEnforcementClientConnection *This, CorrelationId correlationId)
{
    (void)This;
    (void)correlationId;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_set_network_soh(
    INapEnforcementClientConnection *This, const NetworkSoH *networkSoh)
{
    (void)This;
    (void)networkSoh;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_get_network_soh(
    INapEnforcementClientConnection *This, NetworkSoH **networkSoh)
{
    (void)This;
    (void)networkSoh;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_set_private_data(
    INapEnforcementClientConnection *This, const PrivateData *privateData)
{
    (void)This;
    (void)privateData;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE connection_get_private_data(
    INapEnforcementClientConnection *This, PrivateData **privateData)
{
    (void)This;
    (void)privateData;
    return E_NOTIMPL;
}

/*
 * The table, in the interface's order.  The SoH request and response share
 * one type, NetworkSoH, and so one pair of stubs; so do the agent's and the
 * enforcer's private data.
 */
static const INapEnforcementClientConnectionVtbl connection_vtbl = {
    connection_query_interface,
    connection_add_ref,
    connection_release,
    connection_initialize,
    connection_set_max_size,
    connection_get_max_size,
    connection_set_flags,
    connection_get_flags,
    connection_set_connection_id,
    connection_get_connection_id,
    connection_get_correlation_id,
    connection_get_string_correlation_id,
    connection_set_correlation_id,
    connection_set_network_soh,
    connection_get_network_soh,
    connection_set_network_soh,
    connection_get_network_soh,
    connection_set_isolation_info,
    connection_get_isolation_info,
    connection_set_private_data,
    connection_get_private_data,
    connection_set_private_data,
    connection_get_private_data,
};

/* A new connection holding one reference for its caller, or NULL. */
static INapEnforcementClientConnection *new_connection(void)
{
    struct connection *connection = calloc(1, sizeof(*connection));

    if (connection == NULL)
        return NULL;
    connection->iface.lpVtbl = &connection_vtbl;
    connection->references = 1;
    connection->max_size = defaultProtocolMaxSize;
    connection->isolation.isolationState = isolationStateNotRestricted;
    live_connections++;
    return &connection->iface;
}

/* The enforcement client acts on a verdict: compliant clients go free, others to remediation. */
static HRESULT enforce(INapEnforcementClientConnection *connection, bool compliant)
{
    static WCHAR remediation_url[] = u"http://remediation.example/patches";
    IsolationInfo isolation;
    HRESULT hr = INapEnforcementClientConnection_Initialize(connection, DHCP_ENFORCER_ID);

    memset(&isolation, 0, sizeof(isolation));
    isolation.isolationState =
        compliant ? isolationStateNotRestricted : isolationStateRestrictedAccess;
    if (!compliant) {
        isolation.failureUrl.length = sizeof(remediation_url) / sizeof(WCHAR) - 1;
        isolation.failureUrl.string = remediation_url;
    }
    if (SUCCEEDED(hr))
        hr = INapEnforcementClientConnection_SetIsolationInfo(connection, &isolation);
    return hr;
}

/* Prints what a connection enforces, as read back through its interface. */
static HRESULT report(UINT16 index, INapEnforcementClientConnection *connection)
{
    IsolationInfo *isolation = NULL;
    ProtocolMaxSize max_size = 0;
    HRESULT hr = INapEnforcementClientConnection_GetMaxSize(connection, &max_size);

    if (SUCCEEDED(hr))
        hr = INapEnforcementClientConnection_GetIsolationInfo(connection, &isolation);
    if (FAILED(hr))
        return hr;
    printf("connection %u: max SoH size %u, ", (unsigned)index, (unsigned)max_size);
    if (isolation->isolationState == isolationStateNotRestricted) {
        printf("not restricted\n");
    } else {
        printf("restricted, remediation at ");
        print_utf16(isolation->failureUrl.string, isolation->failureUrl.length);
        putchar('\n');
    }
    FreeIsolationInfo(isolation);
    return S_OK;
}

/* One client: its agent's request, the validator's verdict, and its connection. */
static HRESULT serve_client(bool patched, INapEnforcementClientConnection **slot)
{
    SoH *request = NULL;
    bool compliant = false;
    HRESULT hr = agent_build_request(patched, &request);

    if (SUCCEEDED(hr))
        hr = validator_judge(request, &compliant);
    FreeSoH(request);
    if (SUCCEEDED(hr) && compliant != patched)
        hr = E_UNEXPECTED;
    if (FAILED(hr))
        return hr;
    *slot = new_connection();
    if (*slot == NULL)
        return E_OUTOFMEMORY;
    return enforce(*slot, compliant);
}

static HRESULT run(void)
{
    static const bool patched[] = {true, false};
    const UINT16 count = sizeof(patched) / sizeof(patched[0]);
    Connections *connections = NULL;
    HRESULT hr = AllocConnections(&connections, count);

    for (UINT16 i = 0; SUCCEEDED(hr) && i < count; i++)
        hr = serve_client(patched[i], &connections->connections[i]);
    for (UINT16 i = 0; SUCCEEDED(hr) && i < count; i++)
        hr = report(i + 1, connections->connections[i]);
    FreeConnections(connections);
    printf("FreeConnections: %d connections left\n", live_connections);
    if (SUCCEEDED(hr) && live_connections != 0)
        hr = E_UNEXPECTED;
    return hr;
}

int main(void)
{
    HRESULT hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);

    if (SUCCEEDED(hr)) {
        hr = run();
        CoUninitialize();
    }
    if (FAILED(hr))
        fprintf(stderr, "health_exchange: failed with 0x%08X\n", (unsigned)hr);
    return FAILED(hr) ? 1 : 0;
}
