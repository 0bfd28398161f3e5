/*
 * sohprocessor.c - NapSoHProcessor, the COM object with which a health
 * validator reads an SoHRequest and a health agent an SoHResponse, and
 * CreateNapSoHProcessor, the factory behind CoCreateInstance for its class.
 *
 * Initialize validates the SoH completely and keeps its own copy, so the
 * caller may free its SoH at once, and no later call can meet bad data:
 * after Initialize, only an allocation can make GetAttribute fail.  A call
 * on one object touches only that object (no globals); the reference count
 * is atomic.  Every failing method leaves the object as it was.
 */
#include "config.h"

#include <stdatomic.h>

#include "naputil.h"
#include "sohattr.h"
#include "taskmem.h"

struct soh_processor {
    INapSoHProcessor iface;
    atomic_uint references;
    /* NULL until Initialize succeeds. */
    SoH *soh;
};

/* The interface is the object's first member, so both share one address. */
static struct soh_processor *from_iface(INapSoHProcessor *iface)
{
    return (struct soh_processor *)(void *)iface;
}

static ULONG STDMETHODCALLTYPE processor_add_ref(INapSoHProcessor *This)
{
    return atomic_fetch_add(&from_iface(This)->references, 1) + 1;
}

static ULONG STDMETHODCALLTYPE processor_release(INapSoHProcessor *This)
{
    struct soh_processor *object = from_iface(This);
    ULONG left = atomic_fetch_sub(&object->references, 1) - 1;

    if (left == 0) {
        FreeSoH(object->soh);
        taskmem_free(object);
    }
    return left;
}

static HRESULT STDMETHODCALLTYPE processor_query_interface(INapSoHProcessor *This, REFIID riid,
                                                           void **ppvObject)
{
    if (ppvObject == NULL)
        return E_POINTER;
    *ppvObject = NULL;
    if (riid == NULL)
        return E_POINTER;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_INapSoHProcessor))
        return E_NOINTERFACE;
    processor_add_ref(This);
    *ppvObject = This;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE processor_initialize(INapSoHProcessor *This, const SoH *soh,
                                                     BOOL isRequest, SystemHealthEntityId *id)
{
    struct soh_processor *object = from_iface(This);
    SoH *copy;
    HRESULT hr;

    if (soh == NULL || id == NULL)
        return E_POINTER;
    if (object->soh != NULL)
        return HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED);
    hr = soh_validate(soh, isRequest);
    if (FAILED(hr))
        return hr;
    hr = soh_copy(soh->attributes, soh->count, &copy);
    if (FAILED(hr))
        return hr;
    object->soh = copy;
    *id = soh_system_health_id(copy);
    return S_OK;
}

/* A search that starts past the end finds nothing, like one that runs off it. */
static HRESULT STDMETHODCALLTYPE processor_find_next_attribute(INapSoHProcessor *This,
                                                              UINT16 fromLocation,
                                                              SoHAttributeType type,
                                                              UINT16 *attributeLocation)
{
    struct soh_processor *object = from_iface(This);
    UINT16 i;

    if (attributeLocation == NULL)
        return E_POINTER;
    if (object->soh == NULL)
        return NAP_E_NOT_INITIALIZED;
    for (i = fromLocation; i < object->soh->count; i++) {
        if (object->soh->attributes[i].type == (UINT32)type) {
            *attributeLocation = i;
            return S_OK;
        }
    }
    return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
}

static HRESULT STDMETHODCALLTYPE processor_get_attribute(INapSoHProcessor *This,
                                                        UINT16 attributeLocation,
                                                        SoHAttributeType *type,
                                                        SoHAttributeValue **value)
{
    struct soh_processor *object = from_iface(This);
    const SoHAttribute *attribute;
    HRESULT hr;

    if (value != NULL)
        *value = NULL;
    if (type == NULL || value == NULL)
        return E_POINTER;
    if (object->soh == NULL)
        return NAP_E_NOT_INITIALIZED;
    if (attributeLocation >= object->soh->count)
        return E_INVALIDARG;
    attribute = &object->soh->attributes[attributeLocation];
    hr = sohattr_decode(attribute->type, attribute->value, attribute->size, value);
    if (SUCCEEDED(hr))
        *type = (SoHAttributeType)attribute->type;
    return hr;
}

/* The count includes the System-Health-ID at location 0. */
static HRESULT STDMETHODCALLTYPE processor_get_number_of_attributes(INapSoHProcessor *This,
                                                                   UINT16 *attributeCount)
{
    struct soh_processor *object = from_iface(This);

    if (attributeCount == NULL)
        return E_POINTER;
    if (object->soh == NULL)
        return NAP_E_NOT_INITIALIZED;
    *attributeCount = object->soh->count;
    return S_OK;
}

static const INapSoHProcessorVtbl processor_vtbl = {
    processor_query_interface,
    processor_add_ref,
    processor_release,
    processor_initialize,
    processor_find_next_attribute,
    processor_get_attribute,
    processor_get_number_of_attributes,
};

HRESULT WINAPI CreateNapSoHProcessor(INapSoHProcessor **object)
{
    struct soh_processor *created;

    if (object == NULL)
        return E_POINTER;
    *object = NULL;
    created = taskmem_zalloc(sizeof(*created));
    if (created == NULL)
        return E_OUTOFMEMORY;
    created->iface.lpVtbl = &processor_vtbl;
    atomic_init(&created->references, 1);
    *object = &created->iface;
    return S_OK;
}
