/*
 * napservermanagement.h - the NAP server's management interfaces: register
 * and unregister system health validators and set their failure category
 * mappings (INapServerManagement), and read back what is registered
 * (INapServerInfo).
 *
 * Each interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.
 */
#ifndef NAPSERVERMANAGEMENT_H
#define NAPSERVERMANAGEMENT_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef __INapServerManagement_FWD_DEFINED__
#define __INapServerManagement_FWD_DEFINED__
typedef interface INapServerManagement INapServerManagement;
#endif
#ifndef __INapServerInfo_FWD_DEFINED__
#define __INapServerInfo_FWD_DEFINED__
typedef interface INapServerInfo INapServerInfo;
#endif

/* {9DE543E7-0F23-47E0-A8BC-971A894F86D4} */
EXTERN_C NAPAPI const IID IID_INapServerManagement;
/* {599F9021-5643-4965-9949-E88975EFFF0E} */
EXTERN_C NAPAPI const IID IID_INapServerInfo;
/* {BFCB2C6D-04AA-4FB9-BC72-58E1AF64BE39} */
EXTERN_C NAPAPI const CLSID CLSID_NapServerManagement;
/* {3B881B82-5BF4-4657-A3A2-CCE17E4FD39A} */
EXTERN_C NAPAPI const CLSID CLSID_NapServerInfo;

/*
 * INapServerManagement: how a validator's installer registers it with the
 * NAP server, names the COM class that implements it, and says how each
 * failure category counts.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("9DE543E7-0F23-47E0-A8BC-971A894F86D4")
INapServerManagement : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE RegisterSystemHealthValidator(
        const NapComponentRegistrationInfo *validator, const CLSID *validatorClsid) = 0;
    virtual HRESULT STDMETHODCALLTYPE UnregisterSystemHealthValidator(SystemHealthEntityId id) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetFailureCategoryMappings(
        SystemHealthEntityId id, const FailureCategoryMapping mapping) = 0;
};

#else

typedef struct INapServerManagementVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapServerManagement *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapServerManagement *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapServerManagement *This);
    HRESULT(STDMETHODCALLTYPE *RegisterSystemHealthValidator)(
        INapServerManagement *This, const NapComponentRegistrationInfo *validator,
        const CLSID *validatorClsid);
    HRESULT(STDMETHODCALLTYPE *UnregisterSystemHealthValidator)(INapServerManagement *This,
                                                                SystemHealthEntityId id);
    HRESULT(STDMETHODCALLTYPE *SetFailureCategoryMappings)(INapServerManagement *This,
                                                           SystemHealthEntityId id,
                                                           const FailureCategoryMapping mapping);
    END_INTERFACE
} INapServerManagementVtbl;

interface INapServerManagement {
    const struct INapServerManagementVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapServerManagement_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapServerManagement_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapServerManagement_Release(This) ((This)->lpVtbl->Release(This))
#define INapServerManagement_RegisterSystemHealthValidator(This, validator, validatorClsid) \
    ((This)->lpVtbl->RegisterSystemHealthValidator(This, validator, validatorClsid))
#define INapServerManagement_UnregisterSystemHealthValidator(This, id) \
    ((This)->lpVtbl->UnregisterSystemHealthValidator(This, id))
#define INapServerManagement_SetFailureCategoryMappings(This, id, mapping) \
    ((This)->lpVtbl->SetFailureCategoryMappings(This, id, mapping))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapServerManagement)

/*
 * INapServerInfo: read-only queries for management tools: the server's
 * name and protocol version, the registered validators, and the failure
 * category mappings of one of them.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("599F9021-5643-4965-9949-E88975EFFF0E")
INapServerInfo : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetNapServerInfo(CountedString **serverName,
                                                       CountedString **serverDescription,
                                                       CountedString **protocolVersion) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetRegisteredSystemHealthValidators(
        SystemHealthEntityCount *count, NapComponentRegistrationInfo **validators,
        CLSID **validatorClsids) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetFailureCategoryMappings(
        SystemHealthEntityId id, FailureCategoryMapping *mapping) = 0;
};

#else

typedef struct INapServerInfoVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapServerInfo *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapServerInfo *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapServerInfo *This);
    HRESULT(STDMETHODCALLTYPE *GetNapServerInfo)(INapServerInfo *This,
                                                 CountedString **serverName,
                                                 CountedString **serverDescription,
                                                 CountedString **protocolVersion);
    HRESULT(STDMETHODCALLTYPE *GetRegisteredSystemHealthValidators)(
        INapServerInfo *This, SystemHealthEntityCount *count,
        NapComponentRegistrationInfo **validators, CLSID **validatorClsids);
    HRESULT(STDMETHODCALLTYPE *GetFailureCategoryMappings)(INapServerInfo *This,
                                                           SystemHealthEntityId id,
                                                           FailureCategoryMapping *mapping);
    END_INTERFACE
} INapServerInfoVtbl;

interface INapServerInfo {
    const struct INapServerInfoVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapServerInfo_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapServerInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapServerInfo_Release(This) ((This)->lpVtbl->Release(This))
#define INapServerInfo_GetNapServerInfo(This, serverName, serverDescription, protocolVersion) \
    ((This)->lpVtbl->GetNapServerInfo(This, serverName, serverDescription, protocolVersion))
#define INapServerInfo_GetRegisteredSystemHealthValidators(This, count, validators, \
                                                           validatorClsids) \
    ((This)->lpVtbl->GetRegisteredSystemHealthValidators(This, count, validators, \
                                                         validatorClsids))
#define INapServerInfo_GetFailureCategoryMappings(This, id, mapping) \
    ((This)->lpVtbl->GetFailureCategoryMappings(This, id, mapping))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapServerInfo)

#ifdef __cplusplus
}
#endif

#endif /* NAPSERVERMANAGEMENT_H */
