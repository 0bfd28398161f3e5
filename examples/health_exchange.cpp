/*
 * health_exchange.cpp - a NAP system health agent, a system health
 * validator and an enforcement client's connections in C++, written as
 * Windows code is: COM objects from CoCreateInstance, methods called on
 * interface pointers, a connection class implementing
 * INapEnforcementClientConnection.
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
 * examples/health_exchange.c is the same program in C.
 *
 * Build: c++ -std=c++11 health_exchange.cpp $(pkg-config --cflags --libs naputil)
 */
#ifdef _WIN32
#include <windows.h>
#endif
#include <NapUtil.h>

#include <stdio.h>
#include <string.h>

#include <new>

/* WCHAR is UTF-16: its literals are u"" here, where it is char16_t, and L"" on Windows. */
#ifdef _WIN32
#define UTF16(text) L##text
#else
#define UTF16(text) u##text
#endif

/* The agent's System-Health-ID and the DHCP enforcement client's ID (NapDhcpEnforcementId). */
static const SystemHealthEntityId SampleShaId = 0x000137F0;
static const EnforcementEntityId DhcpEnforcerId = 0x00013701;

/* What the agent reports in its vendor-specific attribute, patched or not. */
static const BYTE PatchedState[2] = {0xAA, 0xAA};
static const BYTE UnpatchedState[2] = {0xBA, 0xAD};

/* Prints a UTF-16 string that holds only ASCII, as URLs do. */
static void PrintUtf16(const WCHAR *text, UINT16 length)
{
    for (UINT16 i = 0; i < length; i++)
        putchar(text[i] < 0x80 ? static_cast<char>(text[i]) : '?');
}

/* A client's system health agent: it reports whether the client is patched. */
class HealthAgent {
public:
    explicit HealthAgent(bool patched) : m_patched(patched) {}

    bool IsPatched() const { return m_patched; }

    HRESULT BuildRequest(SoH **request) const
    {
        INapSoHConstructor *constructor = NULL;
        HRESULT hr = CoCreateInstance(CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                      IID_PPV_ARGS(&constructor));

        if (FAILED(hr))
            return hr;
        hr = constructor->Initialize(SampleShaId, TRUE);
        if (SUCCEEDED(hr)) {
            SoHAttributeValue value;

            memset(&value, 0, sizeof(value));
            value.vendorSpecificVal.vendorId = SampleShaId;
            value.vendorSpecificVal.size = sizeof(PatchedState);
            value.vendorSpecificVal.vendorSpecificData =
                const_cast<BYTE *>(m_patched ? PatchedState : UnpatchedState);
            hr = constructor->AppendAttribute(sohAttributeTypeVendorSpecific, &value);
        }
        if (SUCCEEDED(hr))
            hr = constructor->GetSoH(request);
        if (SUCCEEDED(hr))
            printf("agent: %s client, SoH request of 0x%08X with %u attributes\n",
                   m_patched ? "patched" : "unpatched", static_cast<unsigned>(SampleShaId),
                   static_cast<unsigned>((*request)->count));
        constructor->Release();
        return hr;
    }

private:
    bool m_patched;
};

/* The system health validator: a client is compliant when its agent reports it patched. */
class HealthValidator {
public:
    HRESULT Judge(const SoH *request, bool *compliant) const
    {
        INapSoHProcessor *processor = NULL;
        SystemHealthEntityId id = 0;
        UINT16 location = 0;
        SoHAttributeType type = sohAttributeTypeVendorSpecific;
        SoHAttributeValue *value = NULL;
        HRESULT hr = CoCreateInstance(CLSID_NapSoHProcessor, NULL, CLSCTX_INPROC_SERVER,
                                      __uuidof(INapSoHProcessor),
                                      reinterpret_cast<void **>(&processor));

        if (FAILED(hr))
            return hr;
        hr = processor->Initialize(request, TRUE, &id);
        if (SUCCEEDED(hr))
            hr = processor->FindNextAttribute(0, sohAttributeTypeVendorSpecific, &location);
        if (SUCCEEDED(hr))
            hr = processor->GetAttribute(location, &type, &value);
        if (SUCCEEDED(hr)) {
            const BYTE *data = value->vendorSpecificVal.vendorSpecificData;

            *compliant = id == SampleShaId && value->vendorSpecificVal.vendorId == SampleShaId &&
                         value->vendorSpecificVal.size == sizeof(PatchedState) &&
                         memcmp(data, PatchedState, sizeof(PatchedState)) == 0;
            printf("validator: request of 0x%08X, vendor data %02x %02x: %s\n",
                   static_cast<unsigned>(id), data[0], data[1],
                   *compliant ? "compliant" : "not patched");
            FreeSoHAttributeValue(type, value);
        }
        processor->Release();
        return hr;
    }
};

/*
 * One network connection as the enforcement client sees it: its enforcer,
 * its largest SoH and the isolation it imposes.  It deletes itself when its
 * last reference goes; Live() counts the connections not yet deleted.
 */
class Connection : public INapEnforcementClientConnection {
public:
    Connection() : m_references(1), m_enforcer(0), m_maxSize(defaultProtocolMaxSize), m_flags(0)
    {
        memset(&m_isolation, 0, sizeof(m_isolation));
        m_isolation.isolationState = isolationStateNotRestricted;
        s_live++;
    }

    virtual ~Connection()
    {
        CoTaskMemFree(m_isolation.failureUrl.string);
        s_live--;
    }

    static int Live() { return s_live; }

    STDMETHODIMP QueryInterface(REFIID riid, void **ppvObject) override
    {
        if (ppvObject == NULL)
            return E_POINTER;
        *ppvObject = NULL;
        if (riid != __uuidof(IUnknown) && riid != __uuidof(INapEnforcementClientConnection))
            return E_NOINTERFACE;
        AddRef();
        *ppvObject = static_cast<INapEnforcementClientConnection *>(this);
        return S_OK;
    }

    STDMETHODIMP_(ULONG) AddRef() override { return ++m_references; }

    STDMETHODIMP_(ULONG) Release() override
    {
        ULONG left = --m_references;

        if (left == 0)
            delete this;
        return left;
    }

    STDMETHODIMP Initialize(EnforcementEntityId id) override
    {
        m_enforcer = id;
        return S_OK;
    }

    STDMETHODIMP SetMaxSize(ProtocolMaxSize maxSize) override
    {
        if (maxSize < minProtocolMaxSize || maxSize > maxProtocolMaxSize)
            return E_INVALIDARG;
        m_maxSize = maxSize;
        return S_OK;
    }

    STDMETHODIMP GetMaxSize(ProtocolMaxSize *maxSize) override
    {
        *maxSize = m_maxSize;
        return S_OK;
    }

    STDMETHODIMP SetFlags(UINT8 flags) override
    {
        m_flags = flags;
        return S_OK;
    }

    STDMETHODIMP GetFlags(UINT8 *flags) override
    {
        *flags = m_flags;
        return S_OK;
    }

    /* The isolation is kept as a copy whose URL is the connection's own block. */
    STDMETHODIMP SetIsolationInfo(const IsolationInfo *isolationInfo) override
    {
        CountedString *url = NULL;
        HRESULT hr = CopyUrl(isolationInfo->failureUrl, &url);

        if (FAILED(hr))
            return hr;
        CoTaskMemFree(m_isolation.failureUrl.string);
        m_isolation = *isolationInfo;
        m_isolation.failureUrl = *url;
        CoTaskMemFree(url);
        return S_OK;
    }

    /* The copy it returns is the caller's, to free with FreeIsolationInfo. */
    STDMETHODIMP GetIsolationInfo(IsolationInfo **isolationInfo) override
    {
        CountedString *url = NULL;
        IsolationInfo *info;
        HRESULT hr = CopyUrl(m_isolation.failureUrl, &url);

        if (FAILED(hr))
            return hr;
        info = static_cast<IsolationInfo *>(CoTaskMemAlloc(sizeof(IsolationInfo)));
        if (info == NULL) {
            FreeCountedString(url);
            return E_OUTOFMEMORY;
        }
        *info = m_isolation;
        info->failureUrl = *url;
        CoTaskMemFree(url);
        *isolationInfo = info;
        return S_OK;
    }

    /* What this enforcement client does not track. */
    STDMETHODIMP SetConnectionId(const ConnectionId *) override { return E_NOTIMPL; }
    STDMETHODIMP GetConnectionId(ConnectionId **) override { return E_NOTIMPL; }
    STDMETHODIMP GetCorrelationId(CorrelationId *) override { return E_NOTIMPL; }
    STDMETHODIMP GetStringCorrelationId(StringCorrelationId **) override { return E_NOTIMPL; }
    STDMETHODIMP SetCorrelationId(CorrelationId) override { return E_NOTIMPL; }
    STDMETHODIMP SetSoHRequest(const NetworkSoHRequest *) override { return E_NOTIMPL; }
    STDMETHODIMP GetSoHRequest(NetworkSoHRequest **) override { return E_NOTIMPL; }
    STDMETHODIMP SetSoHResponse(const NetworkSoHResponse *) override { return E_NOTIMPL; }
    STDMETHODIMP GetSoHResponse(NetworkSoHResponse **) override { return E_NOTIMPL; }
    STDMETHODIMP SetPrivateData(const PrivateData *) override { return E_NOTIMPL; }
    STDMETHODIMP GetPrivateData(PrivateData **) override { return E_NOTIMPL; }
    STDMETHODIMP SetEnforcerPrivateData(const PrivateData *) override { return E_NOTIMPL; }
    STDMETHODIMP GetEnforcerPrivateData(PrivateData **) override { return E_NOTIMPL; }

private:
    /* A task-memory copy of a URL, NUL-terminated as counted strings are; none copies as "". */
    static HRESULT CopyUrl(const CountedString &url, CountedString **copy)
    {
        static const WCHAR none[1] = {0};

        return AllocCountedString(copy, url.string != NULL ? url.string : none);
    }

    static int s_live;
    ULONG m_references;
    EnforcementEntityId m_enforcer;
    ProtocolMaxSize m_maxSize;
    UINT8 m_flags;
    IsolationInfo m_isolation;
};

int Connection::s_live = 0;

/* The enforcement client acts on a verdict: compliant clients go free, others to remediation. */
static HRESULT Enforce(INapEnforcementClientConnection *connection, bool compliant)
{
    static WCHAR remediationUrl[] = UTF16("http://remediation.example/patches");
    IsolationInfo isolation;
    HRESULT hr = connection->Initialize(DhcpEnforcerId);

    memset(&isolation, 0, sizeof(isolation));
    isolation.isolationState =
        compliant ? isolationStateNotRestricted : isolationStateRestrictedAccess;
    if (!compliant) {
        isolation.failureUrl.length = sizeof(remediationUrl) / sizeof(WCHAR) - 1;
        isolation.failureUrl.string = remediationUrl;
    }
    if (SUCCEEDED(hr))
        hr = connection->SetIsolationInfo(&isolation);
    return hr;
}

/* Prints what a connection enforces, as read back through its interface. */
static HRESULT Report(UINT16 index, INapEnforcementClientConnection *connection)
{
    IsolationInfo *isolation = NULL;
    ProtocolMaxSize maxSize = 0;
    HRESULT hr = connection->GetMaxSize(&maxSize);

    if (SUCCEEDED(hr))
        hr = connection->GetIsolationInfo(&isolation);
    if (FAILED(hr))
        return hr;
    printf("connection %u: max SoH size %u, ", static_cast<unsigned>(index),
           static_cast<unsigned>(maxSize));
    if (isolation->isolationState == isolationStateNotRestricted) {
        printf("not restricted\n");
    } else {
        printf("restricted, remediation at ");
        PrintUtf16(isolation->failureUrl.string, isolation->failureUrl.length);
        putchar('\n');
    }
    FreeIsolationInfo(isolation);
    return S_OK;
}

/* One client: its agent's request, the validator's verdict, and its connection. */
static HRESULT ServeClient(const HealthAgent &agent, INapEnforcementClientConnection **slot)
{
    HealthValidator validator;
    SoH *request = NULL;
    bool compliant = false;
    HRESULT hr = agent.BuildRequest(&request);

    if (SUCCEEDED(hr))
        hr = validator.Judge(request, &compliant);
    FreeSoH(request);
    if (SUCCEEDED(hr) && compliant != agent.IsPatched())
        hr = E_UNEXPECTED;
    if (FAILED(hr))
        return hr;
    *slot = new (std::nothrow) Connection();
    if (*slot == NULL)
        return E_OUTOFMEMORY;
    return Enforce(*slot, compliant);
}

static HRESULT Run()
{
    const HealthAgent agents[] = {HealthAgent(true), HealthAgent(false)};
    const UINT16 count = sizeof(agents) / sizeof(agents[0]);
    Connections *connections = NULL;
    HRESULT hr = AllocConnections(&connections, count);

    for (UINT16 i = 0; SUCCEEDED(hr) && i < count; i++)
        hr = ServeClient(agents[i], &connections->connections[i]);
    for (UINT16 i = 0; SUCCEEDED(hr) && i < count; i++)
        hr = Report(i + 1, connections->connections[i]);
    FreeConnections(connections);
    printf("FreeConnections: %d connections left\n", Connection::Live());
    if (SUCCEEDED(hr) && Connection::Live() != 0)
        hr = E_UNEXPECTED;
    return hr;
}

int main()
{
    HRESULT hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);

    if (SUCCEEDED(hr)) {
        hr = Run();
        CoUninitialize();
    }
    if (FAILED(hr))
        fprintf(stderr, "health_exchange: failed with 0x%08X\n", static_cast<unsigned>(hr));
    return FAILED(hr) ? 1 : 0;
}
