/*
 * check_cxxview.cpp - the C++ view of the interfaces and their C view share
 * one binary layout, in both directions:
 *
 *   C++ objects through the C view: connections written as Windows C++
 *       code writes a COM object are driven slot by slot by cxxview_c.c,
 *       compiled as C, and released by FreeConnections;
 *   C objects through the C++ view: the library's SoH constructor and
 *       processor, from CoCreateInstance and from the Create* factories,
 *       used with method-call syntax;
 *
 * and the C++ spellings around them work as on Windows: __uuidof,
 * IID_PPV_ARGS, the typed QueryInterface, GUID comparison, CoInitializeEx
 * and CoCreateInstance's results.
 *
 * Leaks: the tests count the C heap through testutil.c's --wrap, which
 * reaches only this program's own objects and the library's code linked
 * into it.  What operator new allocates (the C++ connections, the strings
 * and vectors) comes from malloc inside libstdc++, where no wrapping
 * reaches, and goes back to free there: never counted, it leaves the counts
 * exact, and each connection counts its own destruction instead.  No Check
 * assertion runs between two counts (see cxxview.h): the code counted
 * records what it sees, and the test asserts afterwards.
 */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <string>
#include <vector>

#include "naputil.h"
#include "cxxview.h"
/* testutil.h is a C header with no extern "C" of its own. */
extern "C" {
#include "testutil.h"
}

/* The System-Health-ID of the SoHs built here, and their vendor data. */
#define AGENT_ID 0x000137F0u
static const BYTE vendor_data[] = {0xC0, 0xFF, 0xEE};

/* Bytes in task memory as a {size, data} structure: NetworkSoH or PrivateData. */
template <typename Blob> static HRESULT copy_out(const std::vector<BYTE> &bytes, Blob **out)
{
    Blob *blob = static_cast<Blob *>(CoTaskMemAlloc(sizeof(Blob)));

    if (blob == NULL)
        return E_OUTOFMEMORY;
    blob->size = static_cast<UINT16>(bytes.size());
    blob->data = static_cast<BYTE *>(CoTaskMemAlloc(bytes.size()));
    if (blob->data == NULL) {
        CoTaskMemFree(blob);
        return E_OUTOFMEMORY;
    }
    memcpy(blob->data, bytes.data(), bytes.size());
    *out = blob;
    return S_OK;
}

template <typename Blob> static std::vector<BYTE> copy_in(const Blob *blob)
{
    return std::vector<BYTE>(blob->data, blob->data + blob->size);
}

/*
 * A connection written as Windows C++ code writes a COM object: it derives
 * from the interface and implements each method with STDMETHODIMP.  It
 * keeps what each setter is given and gives the getters' copies in task
 * memory, as COM's rules want.  It records the name of every method
 * called, so that a test sees which method each slot of the table reached.
 * Its creator decides where it lives: Release only counts.
 */
class RecordingConnection : public INapEnforcementClientConnection {
public:
    RecordingConnection()
        : m_references(1), m_enforcer(0), m_maxSize(0), m_flags(0),
          m_isolationState(isolationStateNotRestricted)
    {
        memset(&m_connectionId, 0, sizeof(m_connectionId));
        memset(&m_correlationId, 0, sizeof(m_correlationId));
        memset(&m_probEndTime, 0, sizeof(m_probEndTime));
    }

    const std::string &calls() const { return m_calls; }
    EnforcementEntityId enforcer() const { return m_enforcer; }

    STDMETHOD(QueryInterface)(REFIID riid, void **ppvObject) override;
    STDMETHOD_(ULONG, AddRef)() override;
    STDMETHOD_(ULONG, Release)() override;
    STDMETHOD(Initialize)(EnforcementEntityId id) override;
    STDMETHOD(SetMaxSize)(ProtocolMaxSize maxSize) override;
    STDMETHOD(GetMaxSize)(ProtocolMaxSize *maxSize) override;
    STDMETHOD(SetFlags)(UINT8 flags) override;
    STDMETHOD(GetFlags)(UINT8 *flags) override;
    STDMETHOD(SetConnectionId)(const ConnectionId *connectionId) override;
    STDMETHOD(GetConnectionId)(ConnectionId **connectionId) override;
    STDMETHOD(GetCorrelationId)(CorrelationId *correlationId) override;
    STDMETHOD(GetStringCorrelationId)(StringCorrelationId **correlationId) override;
    STDMETHOD(SetCorrelationId)(CorrelationId correlationId) override;
    STDMETHOD(SetSoHRequest)(const NetworkSoHRequest *sohRequest) override;
    STDMETHOD(GetSoHRequest)(NetworkSoHRequest **sohRequest) override;
    STDMETHOD(SetSoHResponse)(const NetworkSoHResponse *sohResponse) override;
    STDMETHOD(GetSoHResponse)(NetworkSoHResponse **sohResponse) override;
    STDMETHOD(SetIsolationInfo)(const IsolationInfo *isolationInfo) override;
    STDMETHOD(GetIsolationInfo)(IsolationInfo **isolationInfo) override;
    STDMETHOD(SetPrivateData)(const PrivateData *privateData) override;
    STDMETHOD(GetPrivateData)(PrivateData **privateData) override;
    STDMETHOD(SetEnforcerPrivateData)(const PrivateData *privateData) override;
    STDMETHOD(GetEnforcerPrivateData)(PrivateData **privateData) override;

private:
    void record(const char *method)
    {
        m_calls += method;
        m_calls += ' ';
    }

    std::string m_calls;
    ULONG m_references;
    EnforcementEntityId m_enforcer;
    ProtocolMaxSize m_maxSize;
    UINT8 m_flags;
    ConnectionId m_connectionId;
    CorrelationId m_correlationId;
    std::vector<BYTE> m_request;
    std::vector<BYTE> m_response;
    IsolationState m_isolationState;
    ProbationTime m_probEndTime;
    std::u16string m_failureUrl;
    std::vector<BYTE> m_privateData;
    std::vector<BYTE> m_enforcerPrivateData;
};

STDMETHODIMP RecordingConnection::QueryInterface(REFIID riid, void **ppvObject)
{
    record("QueryInterface");
    if (riid != IID_IUnknown && riid != IID_INapEnforcementClientConnection) {
        *ppvObject = NULL;
        return E_NOINTERFACE;
    }
    m_references++;
    *ppvObject = static_cast<INapEnforcementClientConnection *>(this);
    return S_OK;
}

STDMETHODIMP_(ULONG) RecordingConnection::AddRef()
{
    record("AddRef");
    return ++m_references;
}

STDMETHODIMP_(ULONG) RecordingConnection::Release()
{
    record("Release");
    return --m_references;
}

STDMETHODIMP RecordingConnection::Initialize(EnforcementEntityId id)
{
    record("Initialize");
    m_enforcer = id;
    return S_OK;
}

STDMETHODIMP RecordingConnection::SetMaxSize(ProtocolMaxSize maxSize)
{
    record("SetMaxSize");
    m_maxSize = maxSize;
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetMaxSize(ProtocolMaxSize *maxSize)
{
    record("GetMaxSize");
    *maxSize = m_maxSize;
    return S_OK;
}

STDMETHODIMP RecordingConnection::SetFlags(UINT8 flags)
{
    record("SetFlags");
    m_flags = flags;
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetFlags(UINT8 *flags)
{
    record("GetFlags");
    *flags = m_flags;
    return S_OK;
}

STDMETHODIMP RecordingConnection::SetConnectionId(const ConnectionId *connectionId)
{
    record("SetConnectionId");
    m_connectionId = *connectionId;
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetConnectionId(ConnectionId **connectionId)
{
    record("GetConnectionId");
    *connectionId = static_cast<ConnectionId *>(CoTaskMemAlloc(sizeof(ConnectionId)));
    if (*connectionId == NULL)
        return E_OUTOFMEMORY;
    **connectionId = m_connectionId;
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetCorrelationId(CorrelationId *correlationId)
{
    record("GetCorrelationId");
    *correlationId = m_correlationId;
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetStringCorrelationId(StringCorrelationId **correlationId)
{
    record("GetStringCorrelationId");
    return AllocCountedString(correlationId, CXXVIEW_CONNECTION_NAME);
}

STDMETHODIMP RecordingConnection::SetCorrelationId(CorrelationId correlationId)
{
    record("SetCorrelationId");
    m_correlationId = correlationId;
    return S_OK;
}

STDMETHODIMP RecordingConnection::SetSoHRequest(const NetworkSoHRequest *sohRequest)
{
    record("SetSoHRequest");
    m_request = copy_in(sohRequest);
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetSoHRequest(NetworkSoHRequest **sohRequest)
{
    record("GetSoHRequest");
    return copy_out(m_request, sohRequest);
}

STDMETHODIMP RecordingConnection::SetSoHResponse(const NetworkSoHResponse *sohResponse)
{
    record("SetSoHResponse");
    m_response = copy_in(sohResponse);
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetSoHResponse(NetworkSoHResponse **sohResponse)
{
    record("GetSoHResponse");
    return copy_out(m_response, sohResponse);
}

STDMETHODIMP RecordingConnection::SetIsolationInfo(const IsolationInfo *isolationInfo)
{
    record("SetIsolationInfo");
    m_isolationState = isolationInfo->isolationState;
    m_probEndTime = isolationInfo->probEndTime;
    m_failureUrl.assign(isolationInfo->failureUrl.string, isolationInfo->failureUrl.length);
    return S_OK;
}

/* The URL comes from AllocCountedString; its string block moves into the copy. */
STDMETHODIMP RecordingConnection::GetIsolationInfo(IsolationInfo **isolationInfo)
{
    CountedString *url = NULL;
    IsolationInfo *info;
    HRESULT hr;

    record("GetIsolationInfo");
    hr = AllocCountedString(&url, m_failureUrl.c_str());
    if (FAILED(hr))
        return hr;
    info = static_cast<IsolationInfo *>(CoTaskMemAlloc(sizeof(IsolationInfo)));
    if (info == NULL) {
        FreeCountedString(url);
        return E_OUTOFMEMORY;
    }
    info->isolationState = m_isolationState;
    info->probEndTime = m_probEndTime;
    info->failureUrl = *url;
    CoTaskMemFree(url);
    *isolationInfo = info;
    return S_OK;
}

STDMETHODIMP RecordingConnection::SetPrivateData(const PrivateData *privateData)
{
    record("SetPrivateData");
    m_privateData = copy_in(privateData);
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetPrivateData(PrivateData **privateData)
{
    record("GetPrivateData");
    return copy_out(m_privateData, privateData);
}

STDMETHODIMP RecordingConnection::SetEnforcerPrivateData(const PrivateData *privateData)
{
    record("SetEnforcerPrivateData");
    m_enforcerPrivateData = copy_in(privateData);
    return S_OK;
}

STDMETHODIMP RecordingConnection::GetEnforcerPrivateData(PrivateData **privateData)
{
    record("GetEnforcerPrivateData");
    return copy_out(m_enforcerPrivateData, privateData);
}

/*
 * A connection that owns itself, as most COM objects do: made with new, it
 * deletes itself when its last reference goes.  Its virtual destructor is
 * declared here, not in the interface, so the destructor's slots come after
 * the COM slots, where a C caller never reaches.  Each destruction adds one
 * to the counter the connection was given.
 */
class CountedConnection : public RecordingConnection {
public:
    explicit CountedConnection(int *destructions) : m_destructions(destructions) {}
    virtual ~CountedConnection() { ++*m_destructions; }

    STDMETHOD_(ULONG, Release)() override;

private:
    int *m_destructions;
};

STDMETHODIMP_(ULONG) CountedConnection::Release()
{
    ULONG left = RecordingConnection::Release();

    if (left == 0)
        delete this;
    return left;
}

/* Appends printf-style text to a trace, which a test compares once it has counted the heap. */
static void note(std::string &trace, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void note(std::string &trace, const char *format, ...)
{
    char text[128];
    va_list arguments;

    va_start(arguments, format);
    vsnprintf(text, sizeof(text), format, arguments);
    va_end(arguments);
    trace += text;
}

START_TEST(cxx_connection_through_c_view)
{
    RecordingConnection connection;
    long heap = live_heap_blocks();
    const char *failure = drive_connection_in_c(&connection);
    long leaked = live_heap_blocks() - heap;

    ck_assert_msg(failure == NULL, "%s", failure);
    ck_assert_int_eq(leaked, 0);
    ck_assert_str_eq(connection.calls().c_str(), CXXVIEW_DRIVEN_CALLS);
    ck_assert_uint_eq(connection.enforcer(), CXXVIEW_ENFORCER_ID);
    ck_assert_uint_eq(connection.Release(), 0);
}
END_TEST

START_TEST(cxx_connection_with_destructor_through_c_view)
{
    int destructions = 0;
    CountedConnection *connection = new CountedConnection(&destructions);
    const char *failure = drive_connection_in_c(connection);

    ck_assert_msg(failure == NULL, "%s", failure);
    ck_assert_str_eq(connection->calls().c_str(), CXXVIEW_DRIVEN_CALLS);
    ck_assert_int_eq(destructions, 0);
    ck_assert_uint_eq(connection->Release(), 0);
    ck_assert_int_eq(destructions, 1);
}
END_TEST

/*
 * FreeConnections, in C, releases each C++ connection once: the two that
 * the list alone holds are destroyed, the one that the test holds too
 * survives until the test's own Release.
 */
START_TEST(free_connections_releases_cxx_connections)
{
    int destructions[3] = {0, 0, 0};
    CountedConnection *shared = new CountedConnection(&destructions[2]);
    long heap = live_heap_blocks();
    Connections *list = NULL;
    HRESULT hr = AllocConnections(&list, 4);

    if (SUCCEEDED(hr)) {
        list->connections[0] = new CountedConnection(&destructions[0]);
        list->connections[2] = new CountedConnection(&destructions[1]);
        list->connections[3] = shared;
        shared->AddRef();
        FreeConnections(list);
    }
    long leaked = live_heap_blocks() - heap;

    ck_assert_int_eq(hr, S_OK);
    ck_assert_int_eq(leaked, 0);
    ck_assert_int_eq(destructions[0], 1);
    ck_assert_int_eq(destructions[1], 1);
    ck_assert_int_eq(destructions[2], 0);
    ck_assert_str_eq(shared->calls().c_str(), "AddRef Release ");
    ck_assert_uint_eq(shared->Release(), 0);
    ck_assert_int_eq(destructions[2], 1);
}
END_TEST

/* A request of AGENT_ID, built with method calls: vendor data, then a health class. */
static HRESULT build_request(INapSoHConstructor *constructor, SoH **soh)
{
    SoHAttributeValue value;
    HRESULT hr = constructor->Initialize(AGENT_ID, TRUE);

    if (SUCCEEDED(hr)) {
        memset(&value, 0, sizeof(value));
        value.vendorSpecificVal.vendorId = AGENT_ID;
        value.vendorSpecificVal.size = sizeof(vendor_data);
        value.vendorSpecificVal.vendorSpecificData = const_cast<BYTE *>(vendor_data);
        hr = constructor->AppendAttribute(sohAttributeTypeVendorSpecific, &value);
    }
    if (SUCCEEDED(hr)) {
        memset(&value, 0, sizeof(value));
        value.uint8Val = healthClassAntiVirus;
        hr = constructor->AppendAttribute(sohAttributeTypeHealthClass, &value);
    }
    if (SUCCEEDED(hr))
        hr = constructor->GetSoH(soh);
    if (SUCCEEDED(hr))
        hr = constructor->Validate(*soh, TRUE);
    return hr;
}

/* Notes where the first attribute of type is and what it holds. */
static void note_attribute(INapSoHProcessor *processor, SoHAttributeType type,
                           std::string &trace)
{
    UINT16 location = 0;
    SoHAttributeType found = type;
    SoHAttributeValue *value = NULL;
    HRESULT hr = processor->FindNextAttribute(0, type, &location);

    if (SUCCEEDED(hr))
        hr = processor->GetAttribute(location, &found, &value);
    if (FAILED(hr)) {
        note(trace, "type %u: 0x%08X; ", static_cast<unsigned>(type), static_cast<unsigned>(hr));
        return;
    }
    note(trace, "type %u at %u:", static_cast<unsigned>(found), location);
    if (found == sohAttributeTypeVendorSpecific) {
        note(trace, " vendor %08X", value->vendorSpecificVal.vendorId);
        for (UINT16 i = 0; i < value->vendorSpecificVal.size; i++)
            note(trace, " %02x", value->vendorSpecificVal.vendorSpecificData[i]);
    } else {
        note(trace, " %u", value->uint8Val);
    }
    note(trace, "; ");
    FreeSoHAttributeValue(found, value);
}

/* Notes what processor reads in build_request's SoH. */
static void note_request(INapSoHProcessor *processor, const SoH *soh, std::string &trace)
{
    SystemHealthEntityId id = 0;
    UINT16 count = 0;
    HRESULT hr = processor->Initialize(soh, TRUE, &id);

    if (SUCCEEDED(hr))
        hr = processor->GetNumberOfAttributes(&count);
    note(trace, "read 0x%08X: %08X, %u attributes; ", static_cast<unsigned>(hr), id, count);
    note_attribute(processor, sohAttributeTypeVendorSpecific, trace);
    note_attribute(processor, sohAttributeTypeHealthClass, trace);
}

/*
 * To IUnknown and back with the typed QueryInterface, then every reference
 * released: notes whether both queries gave back the object itself, and
 * what each Release said.
 */
template <class Interface>
static void note_round_trip_and_release(Interface *object, std::string &trace)
{
    IUnknown *unknown = NULL;
    Interface *again = NULL;
    HRESULT hr = object->QueryInterface(IID_PPV_ARGS(&unknown));

    if (SUCCEEDED(hr))
        hr = unknown->QueryInterface(&again);
    note(trace, "round trip 0x%08X, %s; released to", static_cast<unsigned>(hr),
         unknown == object && again == object ? "same object" : "another object");
    if (again != NULL)
        note(trace, " %u", again->Release());
    if (unknown != NULL)
        note(trace, " %u", unknown->Release());
    note(trace, " %u; ", object->Release());
}

/* What exchange_and_release notes when both objects do their part. */
#define EXCHANGE_TRACE                                                                       \
    "built 0x00000000; read 0x00000000: 000137F0, 3 attributes; "                            \
    "type 7 at 1: vendor 000137F0 c0 ff ee; type 8 at 2: 2; "                                \
    "round trip 0x00000000, same object; released to 2 1 0; "                               \
    "round trip 0x00000000, same object; released to 2 1 0; "

/* Builds, reads, frees and releases; everything the two objects allocated goes. */
static void exchange_and_release(INapSoHConstructor *constructor, INapSoHProcessor *processor,
                                 std::string &trace)
{
    SoH *soh = NULL;
    HRESULT hr = build_request(constructor, &soh);

    note(trace, "built 0x%08X; ", static_cast<unsigned>(hr));
    if (SUCCEEDED(hr))
        note_request(processor, soh, trace);
    FreeSoH(soh);
    note_round_trip_and_release(constructor, trace);
    note_round_trip_and_release(processor, trace);
}

START_TEST(cocreated_objects_through_cxx_view)
{
    long heap = live_heap_blocks();
    INapSoHConstructor *constructor = NULL;
    INapSoHProcessor *processor = NULL;
    HRESULT constructor_hr = CoCreateInstance(CLSID_NapSoHConstructor, NULL,
                                              CLSCTX_INPROC_SERVER, IID_PPV_ARGS(&constructor));
    HRESULT processor_hr = CoCreateInstance(CLSID_NapSoHProcessor, NULL, CLSCTX_INPROC_SERVER,
                                            IID_PPV_ARGS(&processor));
    std::string trace;

    if (SUCCEEDED(constructor_hr) && SUCCEEDED(processor_hr))
        exchange_and_release(constructor, processor, trace);
    long leaked = live_heap_blocks() - heap;

    ck_assert_int_eq(constructor_hr, S_OK);
    ck_assert_int_eq(processor_hr, S_OK);
    ck_assert_str_eq(trace.c_str(), EXCHANGE_TRACE);
    ck_assert_int_eq(leaked, 0);
}
END_TEST

START_TEST(factory_objects_through_cxx_view)
{
    long heap = live_heap_blocks();
    INapSoHConstructor *constructor = NULL;
    INapSoHProcessor *processor = NULL;
    HRESULT constructor_hr = CreateNapSoHConstructor(&constructor);
    HRESULT processor_hr = CreateNapSoHProcessor(&processor);
    std::string trace;

    if (SUCCEEDED(constructor_hr) && SUCCEEDED(processor_hr))
        exchange_and_release(constructor, processor, trace);
    long leaked = live_heap_blocks() - heap;

    ck_assert_int_eq(constructor_hr, S_OK);
    ck_assert_int_eq(processor_hr, S_OK);
    ck_assert_str_eq(trace.c_str(), EXCHANGE_TRACE);
    ck_assert_int_eq(leaked, 0);
}
END_TEST

/* One constructor used from both languages in turn, and its SoH read in C. */
START_TEST(one_object_through_both_views)
{
    long heap = live_heap_blocks();
    INapSoHConstructor *constructor = NULL;
    SoH *soh = NULL;
    const char *failure = NULL;
    ULONG left = 1;
    HRESULT hr = CreateNapSoHConstructor(&constructor);

    if (SUCCEEDED(hr))
        hr = constructor->Initialize(AGENT_ID, TRUE);
    if (SUCCEEDED(hr))
        hr = append_vendor_attribute_in_c(constructor, AGENT_ID, vendor_data,
                                          sizeof(vendor_data));
    if (SUCCEEDED(hr))
        hr = constructor->GetSoH(&soh);
    if (SUCCEEDED(hr))
        failure = expect_vendor_request_in_c(soh, AGENT_ID, AGENT_ID, vendor_data,
                                             sizeof(vendor_data));
    FreeSoH(soh);
    if (constructor != NULL)
        left = constructor->Release();
    long leaked = live_heap_blocks() - heap;

    ck_assert_int_eq(hr, S_OK);
    ck_assert_msg(failure == NULL, "%s", failure);
    ck_assert_uint_eq(left, 0);
    ck_assert_int_eq(leaked, 0);
}
END_TEST

/* __uuidof names the exported IID itself, from the type, an object or a pointer. */
template <class Interface> static void expect_uuidof(const IID &iid)
{
    Interface *pointer = NULL;

    ck_assert_ptr_eq(&__uuidof(Interface), &iid);
    ck_assert_ptr_eq(&__uuidof(const Interface), &iid);
    ck_assert_ptr_eq(&__uuidof(pointer), &iid);
    ck_assert_ptr_eq(&__uuidof(*pointer), &iid);
    ck_assert(__uuidof(Interface) == iid);
    ck_assert(!(__uuidof(Interface) != iid));
    ck_assert(IsEqualIID(__uuidof(Interface), iid));
}

START_TEST(uuidof_names_each_interface)
{
    expect_uuidof<IUnknown>(IID_IUnknown);
    expect_uuidof<INapEnforcementClientBinding>(IID_INapEnforcementClientBinding);
    expect_uuidof<INapEnforcementClientCallback>(IID_INapEnforcementClientCallback);
    expect_uuidof<INapEnforcementClientConnection>(IID_INapEnforcementClientConnection);
    expect_uuidof<INapEnforcementClientConnection2>(IID_INapEnforcementClientConnection2);
    expect_uuidof<INapSoHConstructor>(IID_INapSoHConstructor);
    expect_uuidof<INapSoHProcessor>(IID_INapSoHProcessor);
}
END_TEST

/* Equality compares the 16 bytes, not the objects: a copy is equal. */
START_TEST(guid_comparisons)
{
    const CLSID copy = CLSID_NapSoHConstructor;

    ck_assert(copy == CLSID_NapSoHConstructor);
    ck_assert(!(copy != CLSID_NapSoHConstructor));
    ck_assert(copy != CLSID_NapSoHProcessor);
    ck_assert(!(copy == CLSID_NapSoHProcessor));
    ck_assert(IsEqualCLSID(copy, CLSID_NapSoHConstructor));
    ck_assert(!IsEqualCLSID(copy, CLSID_NapSoHProcessor));
    ck_assert(IsEqualGUID(copy, CLSID_NapSoHConstructor));
    ck_assert(!IsEqualGUID(IID_INapSoHConstructor, IID_INapSoHProcessor));
    ck_assert(!IsEqualIID(__uuidof(INapSoHConstructor), __uuidof(INapSoHProcessor)));
    ck_assert(__uuidof(INapEnforcementClientConnection) != IID_INapEnforcementClientConnection2);
}
END_TEST

/* The typed QueryInterface asks for its argument's interface, and clears it on refusal. */
START_TEST(typed_query_interface)
{
    RecordingConnection connection;
    INapSoHConstructor *constructor = NULL;
    INapEnforcementClientConnection *same = NULL;
    INapSoHProcessor *processor = NULL;

    ck_assert_int_eq(CreateNapSoHConstructor(&constructor), S_OK);
    ck_assert_int_eq(constructor->QueryInterface(&processor), E_NOINTERFACE);
    ck_assert_ptr_null(processor);
    ck_assert_uint_eq(constructor->Release(), 0);

    ck_assert_int_eq(connection.QueryInterface(IID_PPV_ARGS(&same)), S_OK);
    ck_assert_ptr_eq(same, &connection);
    ck_assert_uint_eq(same->Release(), 1);
    ck_assert_str_eq(connection.calls().c_str(), "QueryInterface Release ");
}
END_TEST

/* Balanced, the count starts over: S_OK again, in another model even. */
START_TEST(com_initialization_counts)
{
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_FALSE);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), RPC_E_CHANGED_MODE);
    CoUninitialize();
    CoUninitialize();
    ck_assert_int_eq(CoInitialize(NULL), S_OK);
    CoUninitialize();
}
END_TEST

START_TEST(cocreateinstance_creates_with_any_inproc_context)
{
    INapSoHProcessor *processor = NULL;

    ck_assert_int_eq(CoCreateInstance(CLSID_NapSoHProcessor, NULL, CLSCTX_ALL,
                                      __uuidof(INapSoHProcessor),
                                      reinterpret_cast<void **>(&processor)),
                     S_OK);
    ck_assert_ptr_nonnull(processor);
    ck_assert_uint_eq(processor->Release(), 0);
}
END_TEST

/*
 * Each refusal clears the out-pointer, which starts out pointing at a live
 * connection, leaks nothing, and never calls the would-be outer object.
 */
START_TEST(cocreateinstance_refusals)
{
    static const CLSID unknown_class = {
        0x6E617075, 0x6E6F, 0x6E65, {0x00, 0x63, 0x6C, 0x61, 0x73, 0x73, 0x00, 0x01}};
    RecordingConnection outer;
    IUnknown *unregistered = &outer;
    IUnknown *aggregated = &outer;
    INapEnforcementClientConnection *unimplemented = &outer;
    IUnknown *out_of_process = &outer;
    long heap = live_heap_blocks();
    HRESULT unregistered_hr = CoCreateInstance(unknown_class, NULL, CLSCTX_INPROC_SERVER,
                                               IID_PPV_ARGS(&unregistered));
    HRESULT aggregated_hr = CoCreateInstance(CLSID_NapSoHConstructor, &outer,
                                             CLSCTX_INPROC_SERVER, IID_PPV_ARGS(&aggregated));
    HRESULT unimplemented_hr = CoCreateInstance(CLSID_NapSoHConstructor, NULL,
                                                CLSCTX_INPROC_SERVER,
                                                IID_PPV_ARGS(&unimplemented));
    HRESULT no_pointer_hr = CoCreateInstance(CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                             IID_IUnknown, NULL);
    HRESULT out_of_process_hr = CoCreateInstance(CLSID_NapSoHConstructor, NULL,
                                                 CLSCTX_LOCAL_SERVER,
                                                 IID_PPV_ARGS(&out_of_process));
    long leaked = live_heap_blocks() - heap;

    ck_assert_int_eq(unregistered_hr, REGDB_E_CLASSNOTREG);
    ck_assert_ptr_null(unregistered);
    ck_assert_int_eq(aggregated_hr, CLASS_E_NOAGGREGATION);
    ck_assert_ptr_null(aggregated);
    ck_assert_int_eq(unimplemented_hr, E_NOINTERFACE);
    ck_assert_ptr_null(unimplemented);
    ck_assert_int_eq(no_pointer_hr, E_POINTER);
    ck_assert_int_eq(out_of_process_hr, REGDB_E_CLASSNOTREG);
    ck_assert_ptr_null(out_of_process);
    ck_assert_int_eq(leaked, 0);
    ck_assert_str_eq(outer.calls().c_str(), "");
}
END_TEST

static Suite *cxxview_suite(void)
{
    Suite *suite = suite_create("cxxview");
    TCase *c_view = add_test_case(suite, "C++ objects through the C view");
    TCase *cxx_view = add_test_case(suite, "C objects through the C++ view");
    TCase *spellings = add_test_case(suite, "C++ spellings");
    TCase *activation = add_test_case(suite, "COM activation");

    tcase_add_test(c_view, cxx_connection_through_c_view);
    tcase_add_test(c_view, cxx_connection_with_destructor_through_c_view);
    tcase_add_test(c_view, free_connections_releases_cxx_connections);
    tcase_add_test(cxx_view, cocreated_objects_through_cxx_view);
    tcase_add_test(cxx_view, factory_objects_through_cxx_view);
    tcase_add_test(cxx_view, one_object_through_both_views);
    tcase_add_test(spellings, uuidof_names_each_interface);
    tcase_add_test(spellings, guid_comparisons);
    tcase_add_test(spellings, typed_query_interface);
    tcase_add_test(activation, com_initialization_counts);
    tcase_add_test(activation, cocreateinstance_creates_with_any_inproc_context);
    tcase_add_test(activation, cocreateinstance_refusals);
    return suite;
}

int main(void)
{
    return run_suite(cxxview_suite());
}
