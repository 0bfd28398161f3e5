/*
 * sohconstructor.c - NapSoHConstructor, the COM object with which a health
 * agent builds its SoHRequest and a health validator its SoHResponse, and
 * CreateNapSoHConstructor, the factory behind CoCreateInstance for its class.
 *
 * The object keeps the attributes in their wire form, so GetSoH only copies
 * them.  A call on one object touches only that object (no globals), so
 * calls on distinct objects may run in parallel; the reference count is
 * atomic so that references may be shared between threads.  Every failing
 * method leaves the object as it was.
 */
#include "config.h"

#include <stdatomic.h>

#include "naputil.h"
#include "sohattr.h"
#include "taskmem.h"

struct soh_constructor {
    INapSoHConstructor iface;
    atomic_uint references;
    BOOL initialized;
    /* Attribute 0 is the System-Health-ID that Initialize adds. */
    UINT16 count;
    SoHAttribute attributes[maxSoHAttributeCount];
};

/* The interface is the object's first member, so both share one address. */
static struct soh_constructor *from_iface(INapSoHConstructor *iface)
{
    return (struct soh_constructor *)(void *)iface;
}

static ULONG STDMETHODCALLTYPE constructor_add_ref(INapSoHConstructor *This)
{
    return atomic_fetch_add(&from_iface(This)->references, 1) + 1;
}

static void destroy(struct soh_constructor *object)
{
    UINT16 i;

    for (i = 0; i < object->count; i++)
        taskmem_free(object->attributes[i].value);
    taskmem_free(object);
}

static ULONG STDMETHODCALLTYPE constructor_release(INapSoHConstructor *This)
{
    struct soh_constructor *object = from_iface(This);
    ULONG left = atomic_fetch_sub(&object->references, 1) - 1;

    if (left == 0)
        destroy(object);
    return left;
}

static HRESULT STDMETHODCALLTYPE constructor_query_interface(INapSoHConstructor *This,
                                                             REFIID riid, void **ppvObject)
{
    if (ppvObject == NULL)
        return E_POINTER;
    *ppvObject = NULL;
    if (riid == NULL)
        return E_POINTER;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_INapSoHConstructor))
        return E_NOINTERFACE;
    constructor_add_ref(This);
    *ppvObject = This;
    return S_OK;
}

/* Appends the wire form of a checked value; the object is unchanged on failure. */
static HRESULT append(struct soh_constructor *object, UINT16 type,
                      const SoHAttributeValue *value)
{
    UINT16 size = sohattr_encoded_size(type, value);
    SoHAttribute *attribute = &object->attributes[object->count];
    BYTE *bytes = NULL;

    if (size > 0) {
        bytes = taskmem_alloc(size);
        if (bytes == NULL)
            return E_OUTOFMEMORY;
        sohattr_encode(type, value, bytes);
    }
    attribute->type = type;
    attribute->size = size;
    attribute->value = bytes;
    object->count++;
    return S_OK;
}

/* isRequest changes nothing in what is built: only Validate tells the two apart. */
static HRESULT STDMETHODCALLTYPE constructor_initialize(INapSoHConstructor *This,
                                                       SystemHealthEntityId id, BOOL isRequest)
{
    struct soh_constructor *object = from_iface(This);
    SoHAttributeValue value;

    (void)isRequest;
    if (object->initialized)
        return HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED);
    value.idVal = id;
    if (FAILED(append(object, sohAttributeTypeSystemHealthId, &value)))
        return E_OUTOFMEMORY;
    object->initialized = TRUE;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE constructor_append_attribute(INapSoHConstructor *This,
                                                             SoHAttributeType type,
                                                             const SoHAttributeValue *value)
{
    struct soh_constructor *object = from_iface(This);
    HRESULT hr;

    if (value == NULL)
        return E_POINTER;
    if (!object->initialized)
        return NAP_E_NOT_INITIALIZED;
    hr = sohattr_check_value((UINT32)type, value);
    if (FAILED(hr))
        return hr;
    /* The System-Health-ID counts towards the limit. */
    if (object->count >= maxSoHAttributeCount)
        return E_INVALIDARG;
    return append(object, (UINT16)type, value);
}

/* A fresh copy on every call, so the caller may free it and ask again. */
static HRESULT STDMETHODCALLTYPE constructor_get_soh(INapSoHConstructor *This, SoH **soh)
{
    struct soh_constructor *object = from_iface(This);

    if (soh == NULL)
        return E_POINTER;
    *soh = NULL;
    if (!object->initialized)
        return NAP_E_NOT_INITIALIZED;
    return soh_copy(object->attributes, object->count, soh);
}

/* Validates the SoH given, whatever this object has built. */
static HRESULT STDMETHODCALLTYPE constructor_validate(INapSoHConstructor *This, const SoH *soh,
                                                     BOOL isRequest)
{
    (void)This;
    if (soh == NULL)
        return E_POINTER;
    return soh_validate(soh, isRequest);
}

static const INapSoHConstructorVtbl constructor_vtbl = {
    constructor_query_interface,
    constructor_add_ref,
    constructor_release,
    constructor_initialize,
    constructor_append_attribute,
    constructor_get_soh,
    constructor_validate,
};

HRESULT WINAPI CreateNapSoHConstructor(INapSoHConstructor **object)
{
    struct soh_constructor *created;

    if (object == NULL)
        return E_POINTER;
    *object = NULL;
    created = taskmem_zalloc(sizeof(*created));
    if (created == NULL)
        return E_OUTOFMEMORY;
    created->iface.lpVtbl = &constructor_vtbl;
    atomic_init(&created->references, 1);
    *object = &created->iface;
    return S_OK;
}
