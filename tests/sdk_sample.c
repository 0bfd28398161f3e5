/*
 * sdk_sample.c - a NAP program written the Windows way, linked to the shared
 * library: the SDK header names, u"" strings for WCHAR, and the patterns of
 * Microsoft's own NAP samples (a health agent filling its fixup information,
 * an enforcement client handing out AddRef'd connections, a counted string
 * copied into a structure, Free* called with NULL on cleanup paths).
 * It reports each step in TAP so the test harness counts them.
 */
#include <stdio.h>
#include <string.h>

#define COBJMACROS
#include <NapUtil.h>
#include <NapMicrosoftVendorIds.h>

static int step;
static int failures;

static void report(int ok, const char *what)
{
    printf("%s %d - %s\n", ok ? "ok" : "not ok", ++step, what);
    if (!ok)
        failures++;
}

/* A health agent's answer to GetFixupInfo. */
static HRESULT get_fixup_info(FixupInfo **status)
{
    FixupInfo *info = NULL;
    HRESULT hr = AllocFixupInfo(&info, 1);

    if (FAILED(hr))
        return hr;
    info->resultCodes.count = 1;
    info->resultCodes.results[0] = S_OK;
    info->state = fixupStateSuccess;
    info->percentage = percentageNotSupported;
    info->fixupMsgId = 0;
    *status = info;
    return S_OK;
}

/* Copies text into a CountedString embedded in a bigger structure. */
static HRESULT fill_counted_string(CountedString *target, const WCHAR *text)
{
    CountedString *fresh = NULL;
    HRESULT hr = AllocCountedString(&fresh, text);

    if (FAILED(hr))
        return hr;
    *target = *fresh;
    CoTaskMemFree(fresh);
    return S_OK;
}

/* The enforcement client's one connection. */
struct connection {
    INapEnforcementClientConnection iface;
    ULONG refs;
};

static HRESULT STDMETHODCALLTYPE connection_query_interface(INapEnforcementClientConnection *This,
                                                            REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_INapEnforcementClientConnection)) {
        INapEnforcementClientConnection_AddRef(This);
        *ppv = This;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE connection_add_ref(INapEnforcementClientConnection *This)
{
    return ++((struct connection *)This)->refs;
}

static ULONG STDMETHODCALLTYPE connection_release(INapEnforcementClientConnection *This)
{
    return --((struct connection *)This)->refs;
}

static const INapEnforcementClientConnectionVtbl connection_vtbl = {
    .QueryInterface = connection_query_interface,
    .AddRef = connection_add_ref,
    .Release = connection_release,
};

/* INapEnforcementClientCallback::GetConnections, as the sample QEC writes it. */
static HRESULT get_connections(INapEnforcementClientConnection *current, Connections **out)
{
    Connections *list = NULL;
    HRESULT hr = AllocConnections(&list, current != NULL ? 1 : 0);

    if (FAILED(hr))
        return hr;
    if (current != NULL) {
        INapEnforcementClientConnection_AddRef(current);
        list->connections[0] = current;
    }
    *out = list;
    return S_OK;
}

int main(void)
{
    FixupInfo *fixup = NULL;
    IsolationInfo *isolation = NULL;
    SoH *soh_request = NULL;
    SoHAttributeValue *attribute = NULL;
    NapComponentRegistrationInfo *agents = NULL;
    Connections *connections = NULL;
    struct connection connection = {{&connection_vtbl}, 1};
    HRESULT hr;

    hr = get_fixup_info(&fixup);
    report(SUCCEEDED(hr) && fixup->resultCodes.count == 1 &&
               fixup->percentage == percentageNotSupported,
           "health agent fills a FixupInfo from AllocFixupInfo");
    FreeFixupInfo(fixup);

    isolation = CoTaskMemAlloc(sizeof(*isolation));
    report(isolation != NULL, "IsolationInfo built with CoTaskMemAlloc");
    if (isolation != NULL) {
        memset(isolation, 0, sizeof(*isolation));
        isolation->isolationState = isolationStateRestrictedAccess;
        hr = fill_counted_string(&isolation->failureUrl, u"http://remediation.example/fix");
        report(SUCCEEDED(hr) && isolation->failureUrl.length == 30 &&
                   isolation->failureUrl.string[30] == 0,
               "counted string copied into an embedded CountedString");
        FreeIsolationInfo(isolation);
    }

    agents = CoTaskMemAlloc(sizeof(*agents));
    report(agents != NULL, "registration array built with CoTaskMemAlloc");
    if (agents != NULL) {
        memset(agents, 0, sizeof(*agents));
        agents->id = NapOutOfBoxSystemHealthId;
        hr = fill_counted_string(&agents->friendlyName, u"Windows Security Health Agent");
        report(SUCCEEDED(hr), "friendly name filled");
        FreeNapComponentRegistrationInfoArray(1, &agents);
        report(agents == NULL, "FreeNapComponentRegistrationInfoArray clears the pointer");
    }

    hr = get_connections(&connection.iface, &connections);
    report(SUCCEEDED(hr) && connections->count == 1 && connection.refs == 2,
           "connection AddRef'd into AllocConnections' array");
    FreeConnections(connections);
    report(connection.refs == 1, "FreeConnections released the connection");

    hr = get_connections(NULL, &connections);
    report(SUCCEEDED(hr) && connections->count == 0 && connections->connections == NULL,
           "an empty connection list");
    FreeConnections(connections);

    /* Cleanup paths free whatever the failed producers left NULL. */
    FreeSoH(soh_request);
    FreeSoHAttributeValue(0, attribute);
    FreeIsolationInfo(NULL);
    FreeNetworkSoH(NULL);
    FreePrivateData(NULL);
    FreeCountedString(NULL);
    report(1, "every Free* accepts NULL");

    printf("1..%d\n", step);
    return failures == 0 ? 0 : 1;
}
