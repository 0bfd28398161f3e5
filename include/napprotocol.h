/*
 * napprotocol.h - the attribute types of a Statement of Health, the typed
 * form of an attribute's value, and the two helper classes that build and
 * read an SoH (INapSoHConstructor, INapSoHProcessor).
 *
 * Each interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.
 */
#ifndef NAPPROTOCOL_H
#define NAPPROTOCOL_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The TLV type numbers; 0 and 1 are not used. */
typedef enum tagSoHAttributeType {
    sohAttributeTypeSystemHealthId = 2,
    sohAttributeTypeIpv4FixupServers = 3,
    sohAttributeTypeComplianceResultCodes = 4,
    sohAttributeTypeTimeOfLastUpdate = 5,
    sohAttributeTypeClientId = 6,
    sohAttributeTypeVendorSpecific = 7,
    sohAttributeTypeHealthClass = 8,
    sohAttributeTypeSoftwareVersion = 9,
    sohAttributeTypeProductName = 10,
    sohAttributeTypeHealthClassStatus = 11,
    sohAttributeTypeSoHGenerationTime = 12,
    sohAttributeTypeErrorCodes = 13,
    sohAttributeTypeFailureCategory = 14,
    sohAttributeTypeIpv6FixupServers = 15,
    sohAttributeTypeExtendedIsolationState = 16
} SoHAttributeType;

typedef enum tagHealthClassValue {
    healthClassFirewall = 0,
    healthClassPatchLevel = 1,
    healthClassAntiVirus = 2,
    healthClassCriticalUpdate = 3,
    healthClassReserved = 128
} HealthClassValue;

/*
 * The value of one attribute; the attribute's type selects the member:
 *   SystemHealthId                               idVal
 *   Ipv4FixupServers                             v4AddressesVal
 *   Ipv6FixupServers                             v6AddressesVal
 *   ComplianceResultCodes, ErrorCodes            codesVal
 *   TimeOfLastUpdate, SoHGenerationTime          dateTimeVal
 *   VendorSpecific                               vendorSpecificVal
 *   HealthClass, FailureCategory,
 *   ExtendedIsolationState                       uint8Val
 *   any other type, known or not                 octetStringVal
 */
typedef union tagSoHAttributeValue {
    SystemHealthEntityId idVal;
    struct tagIpv4Addresses {
        UINT16 count;
        Ipv4Address *addresses;
    } v4AddressesVal;
    struct tagIpv6Addresses {
        UINT16 count;
        Ipv6Address *addresses;
    } v6AddressesVal;
    ResultCodes codesVal;
    FILETIME dateTimeVal;
    struct tagVendorSpecific {
        UINT32 vendorId;
        UINT16 size;
        BYTE *vendorSpecificData;
    } vendorSpecificVal;
    UINT8 uint8Val;
    struct tagOctetString {
        UINT16 size;
        BYTE *data;
    } octetStringVal;
} SoHAttributeValue;

#ifndef __INapSoHConstructor_FWD_DEFINED__
#define __INapSoHConstructor_FWD_DEFINED__
typedef interface INapSoHConstructor INapSoHConstructor;
#endif
#ifndef __INapSoHProcessor_FWD_DEFINED__
#define __INapSoHProcessor_FWD_DEFINED__
typedef interface INapSoHProcessor INapSoHProcessor;
#endif

/* {35298344-96A6-45E7-9B6B-62ECC6E09920} */
EXTERN_C NAPAPI const IID IID_INapSoHConstructor;
/* {FB2FA8B0-2CD5-457D-ABA8-4376F63EA1C0} */
EXTERN_C NAPAPI const IID IID_INapSoHProcessor;
/* {E8140D53-6535-46A5-B8A1-DA6C571DA9B9} */
EXTERN_C NAPAPI const CLSID CLSID_NapSoHConstructor;
/* {AA160628-8775-46E3-837C-F7A2AE66E2F5} */
EXTERN_C NAPAPI const CLSID CLSID_NapSoHProcessor;

/*
 * INapSoHConstructor: builds one SoH, System-Health-ID first, then the
 * attributes in the order they are appended.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("35298344-96A6-45E7-9B6B-62ECC6E09920")
INapSoHConstructor : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Initialize(SystemHealthEntityId id, BOOL isRequest) = 0;
    virtual HRESULT STDMETHODCALLTYPE AppendAttribute(SoHAttributeType type,
                                                      const SoHAttributeValue *value) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoH(SoH **soh) = 0;
    virtual HRESULT STDMETHODCALLTYPE Validate(const SoH *soh, BOOL isRequest) = 0;
};

#else

typedef struct INapSoHConstructorVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSoHConstructor *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSoHConstructor *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSoHConstructor *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapSoHConstructor *This, SystemHealthEntityId id,
                                           BOOL isRequest);
    HRESULT(STDMETHODCALLTYPE *AppendAttribute)(INapSoHConstructor *This, SoHAttributeType type,
                                                const SoHAttributeValue *value);
    HRESULT(STDMETHODCALLTYPE *GetSoH)(INapSoHConstructor *This, SoH **soh);
    HRESULT(STDMETHODCALLTYPE *Validate)(INapSoHConstructor *This, const SoH *soh,
                                         BOOL isRequest);
    END_INTERFACE
} INapSoHConstructorVtbl;

interface INapSoHConstructor {
    const struct INapSoHConstructorVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSoHConstructor_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSoHConstructor_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSoHConstructor_Release(This) ((This)->lpVtbl->Release(This))
#define INapSoHConstructor_Initialize(This, id, isRequest) \
    ((This)->lpVtbl->Initialize(This, id, isRequest))
#define INapSoHConstructor_AppendAttribute(This, type, value) \
    ((This)->lpVtbl->AppendAttribute(This, type, value))
#define INapSoHConstructor_GetSoH(This, soh) ((This)->lpVtbl->GetSoH(This, soh))
#define INapSoHConstructor_Validate(This, soh, isRequest) \
    ((This)->lpVtbl->Validate(This, soh, isRequest))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSoHConstructor)

/*
 * INapSoHProcessor: reads one SoH.  Attribute locations are 0-based, and
 * location 0 is the System-Health-ID.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("FB2FA8B0-2CD5-457D-ABA8-4376F63EA1C0")
INapSoHProcessor : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Initialize(const SoH *soh,
                                                 BOOL isRequest,
                                                 SystemHealthEntityId *id) = 0;
    virtual HRESULT STDMETHODCALLTYPE FindNextAttribute(UINT16 fromLocation,
                                                        SoHAttributeType type,
                                                        UINT16 *attributeLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetAttribute(UINT16 attributeLocation,
                                                   SoHAttributeType *type,
                                                   SoHAttributeValue **value) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetNumberOfAttributes(UINT16 *attributeCount) = 0;
};

#else

typedef struct INapSoHProcessorVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSoHProcessor *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSoHProcessor *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSoHProcessor *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapSoHProcessor *This, const SoH *soh,
                                           BOOL isRequest, SystemHealthEntityId *id);
    HRESULT(STDMETHODCALLTYPE *FindNextAttribute)(INapSoHProcessor *This, UINT16 fromLocation,
                                                  SoHAttributeType type,
                                                  UINT16 *attributeLocation);
    HRESULT(STDMETHODCALLTYPE *GetAttribute)(INapSoHProcessor *This, UINT16 attributeLocation,
                                             SoHAttributeType *type,
                                             SoHAttributeValue **value);
    HRESULT(STDMETHODCALLTYPE *GetNumberOfAttributes)(INapSoHProcessor *This,
                                                      UINT16 *attributeCount);
    END_INTERFACE
} INapSoHProcessorVtbl;

interface INapSoHProcessor {
    const struct INapSoHProcessorVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSoHProcessor_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSoHProcessor_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSoHProcessor_Release(This) ((This)->lpVtbl->Release(This))
#define INapSoHProcessor_Initialize(This, soh, isRequest, id) \
    ((This)->lpVtbl->Initialize(This, soh, isRequest, id))
#define INapSoHProcessor_FindNextAttribute(This, fromLocation, type, attributeLocation) \
    ((This)->lpVtbl->FindNextAttribute(This, fromLocation, type, attributeLocation))
#define INapSoHProcessor_GetAttribute(This, attributeLocation, type, value) \
    ((This)->lpVtbl->GetAttribute(This, attributeLocation, type, value))
#define INapSoHProcessor_GetNumberOfAttributes(This, attributeCount) \
    ((This)->lpVtbl->GetNumberOfAttributes(This, attributeCount))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSoHProcessor)

/*
 * The objects that CoCreateInstance creates for CLSID_NapSoHConstructor
 * and CLSID_NapSoHProcessor, without COM activation: each holds one
 * reference for the caller.  *object is NULL on failure.
 */
NAPAPI HRESULT WINAPI CreateNapSoHConstructor(INapSoHConstructor **object);
NAPAPI HRESULT WINAPI CreateNapSoHProcessor(INapSoHProcessor **object);

#ifdef __cplusplus
}
#endif

#endif /* NAPPROTOCOL_H */
