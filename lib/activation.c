/*
 * activation.c - COM activation for the two classes the library implements:
 * the per-thread initialization count behind CoInitializeEx/CoUninitialize
 * and the class lookup behind CoCreateInstance.  The Windows names are
 * inline functions in napwinbase.h that call these, so that the library
 * never claims the process-wide CoCreateInstance symbol.
 *
 * The results follow Microsoft's documentation of CoInitializeEx and
 * CoCreateInstance.  Linux has no apartments: the objects are
 * free-threaded, so initialization only counts, and CoCreateInstance works
 * on any thread, as it does on Windows in a process whose multithreaded
 * apartment exists.
 */
#include "config.h"

#include "naputil.h"

#define COINIT_KNOWN_FLAGS                                                                   \
    (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE | COINIT_SPEED_OVER_MEMORY)

/* How often this thread initialized COM, and with which concurrency model. */
static _Thread_local ULONG thread_init_count;
static _Thread_local DWORD thread_model;

HRESULT WINAPI NapCoInitializeEx(LPVOID reserved, DWORD coInit)
{
    DWORD model = coInit & COINIT_APARTMENTTHREADED;

    if (reserved != NULL || (coInit & ~(DWORD)COINIT_KNOWN_FLAGS) != 0)
        return E_INVALIDARG;
    if (thread_init_count == 0) {
        thread_model = model;
        thread_init_count = 1;
        return S_OK;
    }
    if (model != thread_model)
        return RPC_E_CHANGED_MODE;
    thread_init_count++;
    return S_FALSE;
}

VOID WINAPI NapCoUninitialize(void)
{
    if (thread_init_count > 0)
        thread_init_count--;
}

static HRESULT create_constructor(IUnknown **object)
{
    return CreateNapSoHConstructor((INapSoHConstructor **)object);
}

static HRESULT create_processor(IUnknown **object)
{
    return CreateNapSoHProcessor((INapSoHProcessor **)object);
}

/* The classes the library implements, each with the function that makes one. */
static const struct {
    const CLSID *clsid;
    HRESULT (*create)(IUnknown **object);
} classes[] = {
    {&CLSID_NapSoHConstructor, create_constructor},
    {&CLSID_NapSoHProcessor, create_processor},
};

HRESULT WINAPI NapCoCreateInstance(REFCLSID rclsid, LPUNKNOWN outer, DWORD clsContext,
                                   REFIID riid, LPVOID *ppv)
{
    IUnknown *object;
    HRESULT hr;
    size_t i;

    if (ppv == NULL)
        return E_POINTER;
    *ppv = NULL;
    if (rclsid == NULL || riid == NULL)
        return E_INVALIDARG;
    /* Both classes are in-process servers only; another context finds none. */
    if ((clsContext & CLSCTX_INPROC_SERVER) == 0)
        return REGDB_E_CLASSNOTREG;
    for (i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (!IsEqualCLSID(rclsid, classes[i].clsid))
            continue;
        if (outer != NULL)
            return CLASS_E_NOAGGREGATION;
        hr = classes[i].create(&object);
        if (FAILED(hr))
            return hr;
        hr = object->lpVtbl->QueryInterface(object, riid, ppv);
        object->lpVtbl->Release(object);
        return hr;
    }
    return REGDB_E_CLASSNOTREG;
}
