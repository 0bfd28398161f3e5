/*
 * napsystemhealthagent.h - the interfaces between a system health agent
 * (SHA) and the NAP agent: the binding an SHA obtains from the class
 * CLSID_NapSystemHealthAgentBinding, the callback the SHA implements, and the
 * request object through which the two exchange one SoH.
 *
 * Each interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.
 */
#ifndef NAPSYSTEMHEALTHAGENT_H
#define NAPSYSTEMHEALTHAGENT_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef __INapSystemHealthAgentBinding_FWD_DEFINED__
#define __INapSystemHealthAgentBinding_FWD_DEFINED__
typedef interface INapSystemHealthAgentBinding INapSystemHealthAgentBinding;
#endif
#ifndef __INapSystemHealthAgentBinding2_FWD_DEFINED__
#define __INapSystemHealthAgentBinding2_FWD_DEFINED__
typedef interface INapSystemHealthAgentBinding2 INapSystemHealthAgentBinding2;
#endif
#ifndef __INapSystemHealthAgentCallback_FWD_DEFINED__
#define __INapSystemHealthAgentCallback_FWD_DEFINED__
typedef interface INapSystemHealthAgentCallback INapSystemHealthAgentCallback;
#endif
#ifndef __AsyncINapSystemHealthAgentCallback_FWD_DEFINED__
#define __AsyncINapSystemHealthAgentCallback_FWD_DEFINED__
typedef interface AsyncINapSystemHealthAgentCallback AsyncINapSystemHealthAgentCallback;
#endif
#ifndef __INapSystemHealthAgentRequest_FWD_DEFINED__
#define __INapSystemHealthAgentRequest_FWD_DEFINED__
typedef interface INapSystemHealthAgentRequest INapSystemHealthAgentRequest;
#endif

/* {A6894F43-9CC7-44C9-A23F-19DBF36BAD28} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthAgentBinding;
/* {1140C38E-5100-4EA1-8D43-87D326724028} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthAgentBinding2;
/* {F1072A57-214F-4EE2-8377-14EF140CD9F3} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthAgentCallback;
/* {860D8FD9-0219-43EA-AE7F-59611F4CC16A} */
EXTERN_C NAPAPI const IID IID_AsyncINapSystemHealthAgentCallback;
/* {5B360A69-212D-440D-B398-7EEFD497853A} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthAgentRequest;
/* {8E594310-16CA-4A00-932F-F70969F990C0} */
EXTERN_C NAPAPI const CLSID CLSID_NapSystemHealthAgentBinding;

/*
 * INapSystemHealthAgentBinding: how a system health agent registers with the
 * NAP agent, tells it that its SoH changed and asks for the isolation state.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("A6894F43-9CC7-44C9-A23F-19DBF36BAD28")
INapSystemHealthAgentBinding : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Initialize(SystemHealthEntityId id,
                                                 INapSystemHealthAgentCallback *callback) = 0;
    virtual HRESULT STDMETHODCALLTYPE Uninitialize(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE NotifySoHChange(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSystemIsolationInfo(IsolationInfo **isolationInfo,
                                                             BOOL *unknownConnections) = 0;
    virtual HRESULT STDMETHODCALLTYPE FlushCache(void) = 0;
};

#else

typedef struct INapSystemHealthAgentBindingVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthAgentBinding *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthAgentBinding *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthAgentBinding *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapSystemHealthAgentBinding *This,
                                           SystemHealthEntityId id,
                                           INapSystemHealthAgentCallback *callback);
    HRESULT(STDMETHODCALLTYPE *Uninitialize)(INapSystemHealthAgentBinding *This);
    HRESULT(STDMETHODCALLTYPE *NotifySoHChange)(INapSystemHealthAgentBinding *This);
    HRESULT(STDMETHODCALLTYPE *GetSystemIsolationInfo)(INapSystemHealthAgentBinding *This,
                                                       IsolationInfo **isolationInfo,
                                                       BOOL *unknownConnections);
    HRESULT(STDMETHODCALLTYPE *FlushCache)(INapSystemHealthAgentBinding *This);
    END_INTERFACE
} INapSystemHealthAgentBindingVtbl;

interface INapSystemHealthAgentBinding {
    const struct INapSystemHealthAgentBindingVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthAgentBinding_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthAgentBinding_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthAgentBinding_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthAgentBinding_Initialize(This, id, callback) \
    ((This)->lpVtbl->Initialize(This, id, callback))
#define INapSystemHealthAgentBinding_Uninitialize(This) ((This)->lpVtbl->Uninitialize(This))
#define INapSystemHealthAgentBinding_NotifySoHChange(This) ((This)->lpVtbl->NotifySoHChange(This))
#define INapSystemHealthAgentBinding_GetSystemIsolationInfo(This, isolationInfo, \
                                                            unknownConnections) \
    ((This)->lpVtbl->GetSystemIsolationInfo(This, isolationInfo, unknownConnections))
#define INapSystemHealthAgentBinding_FlushCache(This) ((This)->lpVtbl->FlushCache(This))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthAgentBinding)

/*
 * INapSystemHealthAgentBinding2: the binding with one more method, which adds
 * the extended isolation state; the slots before it are those of
 * INapSystemHealthAgentBinding.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("1140C38E-5100-4EA1-8D43-87D326724028")
INapSystemHealthAgentBinding2 : public INapSystemHealthAgentBinding {
public:
    virtual HRESULT STDMETHODCALLTYPE GetSystemIsolationInfoEx(IsolationInfoEx **isolationInfo,
                                                               BOOL *unknownConnections) = 0;
};

#else

typedef struct INapSystemHealthAgentBinding2Vtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthAgentBinding2 *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthAgentBinding2 *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthAgentBinding2 *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapSystemHealthAgentBinding2 *This,
                                           SystemHealthEntityId id,
                                           INapSystemHealthAgentCallback *callback);
    HRESULT(STDMETHODCALLTYPE *Uninitialize)(INapSystemHealthAgentBinding2 *This);
    HRESULT(STDMETHODCALLTYPE *NotifySoHChange)(INapSystemHealthAgentBinding2 *This);
    HRESULT(STDMETHODCALLTYPE *GetSystemIsolationInfo)(INapSystemHealthAgentBinding2 *This,
                                                       IsolationInfo **isolationInfo,
                                                       BOOL *unknownConnections);
    HRESULT(STDMETHODCALLTYPE *FlushCache)(INapSystemHealthAgentBinding2 *This);
    HRESULT(STDMETHODCALLTYPE *GetSystemIsolationInfoEx)(INapSystemHealthAgentBinding2 *This,
                                                         IsolationInfoEx **isolationInfo,
                                                         BOOL *unknownConnections);
    END_INTERFACE
} INapSystemHealthAgentBinding2Vtbl;

interface INapSystemHealthAgentBinding2 {
    const struct INapSystemHealthAgentBinding2Vtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthAgentBinding2_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthAgentBinding2_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthAgentBinding2_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthAgentBinding2_Initialize(This, id, callback) \
    ((This)->lpVtbl->Initialize(This, id, callback))
#define INapSystemHealthAgentBinding2_Uninitialize(This) ((This)->lpVtbl->Uninitialize(This))
#define INapSystemHealthAgentBinding2_NotifySoHChange(This) ((This)->lpVtbl->NotifySoHChange(This))
#define INapSystemHealthAgentBinding2_GetSystemIsolationInfo(This, isolationInfo, \
                                                             unknownConnections) \
    ((This)->lpVtbl->GetSystemIsolationInfo(This, isolationInfo, unknownConnections))
#define INapSystemHealthAgentBinding2_FlushCache(This) ((This)->lpVtbl->FlushCache(This))
#define INapSystemHealthAgentBinding2_GetSystemIsolationInfoEx(This, isolationInfo, \
                                                               unknownConnections) \
    ((This)->lpVtbl->GetSystemIsolationInfoEx(This, isolationInfo, unknownConnections))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthAgentBinding2)

/*
 * INapSystemHealthAgentCallback: implemented by the agent, called by the NAP
 * agent to collect its SoH, hand it the response and ask about remediation.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("F1072A57-214F-4EE2-8377-14EF140CD9F3")
INapSystemHealthAgentCallback : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetSoHRequest(INapSystemHealthAgentRequest *request) = 0;
    virtual HRESULT STDMETHODCALLTYPE ProcessSoHResponse(INapSystemHealthAgentRequest *request) = 0;
    virtual HRESULT STDMETHODCALLTYPE NotifySystemIsolationStateChange(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetFixupInfo(FixupInfo **info) = 0;
    virtual HRESULT STDMETHODCALLTYPE CompareSoHRequests(const SoHRequest *lhs,
                                                         const SoHRequest *rhs,
                                                         BOOL *isEqual) = 0;
    virtual HRESULT STDMETHODCALLTYPE NotifyOrphanedSoHRequest(
        const CorrelationId *correlationId) = 0;
};

#else

typedef struct INapSystemHealthAgentCallbackVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthAgentCallback *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthAgentCallback *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapSystemHealthAgentCallback *This,
                                              INapSystemHealthAgentRequest *request);
    HRESULT(STDMETHODCALLTYPE *ProcessSoHResponse)(INapSystemHealthAgentCallback *This,
                                                   INapSystemHealthAgentRequest *request);
    HRESULT(STDMETHODCALLTYPE *NotifySystemIsolationStateChange)(
        INapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *GetFixupInfo)(INapSystemHealthAgentCallback *This, FixupInfo **info);
    HRESULT(STDMETHODCALLTYPE *CompareSoHRequests)(INapSystemHealthAgentCallback *This,
                                                   const SoHRequest *lhs, const SoHRequest *rhs,
                                                   BOOL *isEqual);
    HRESULT(STDMETHODCALLTYPE *NotifyOrphanedSoHRequest)(INapSystemHealthAgentCallback *This,
                                                         const CorrelationId *correlationId);
    END_INTERFACE
} INapSystemHealthAgentCallbackVtbl;

interface INapSystemHealthAgentCallback {
    const struct INapSystemHealthAgentCallbackVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthAgentCallback_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthAgentCallback_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthAgentCallback_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthAgentCallback_GetSoHRequest(This, request) \
    ((This)->lpVtbl->GetSoHRequest(This, request))
#define INapSystemHealthAgentCallback_ProcessSoHResponse(This, request) \
    ((This)->lpVtbl->ProcessSoHResponse(This, request))
#define INapSystemHealthAgentCallback_NotifySystemIsolationStateChange(This) \
    ((This)->lpVtbl->NotifySystemIsolationStateChange(This))
#define INapSystemHealthAgentCallback_GetFixupInfo(This, info) \
    ((This)->lpVtbl->GetFixupInfo(This, info))
#define INapSystemHealthAgentCallback_CompareSoHRequests(This, lhs, rhs, isEqual) \
    ((This)->lpVtbl->CompareSoHRequests(This, lhs, rhs, isEqual))
#define INapSystemHealthAgentCallback_NotifyOrphanedSoHRequest(This, correlationId) \
    ((This)->lpVtbl->NotifyOrphanedSoHRequest(This, correlationId))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthAgentCallback)

/*
 * AsyncINapSystemHealthAgentCallback: the asynchronous form of the callback,
 * each method split in two: Begin_ takes the in parameters, Finish_ returns
 * the out parameters.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("860D8FD9-0219-43EA-AE7F-59611F4CC16A")
AsyncINapSystemHealthAgentCallback : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Begin_GetSoHRequest(
        INapSystemHealthAgentRequest *request) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_GetSoHRequest(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE Begin_ProcessSoHResponse(
        INapSystemHealthAgentRequest *request) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_ProcessSoHResponse(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE Begin_NotifySystemIsolationStateChange(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_NotifySystemIsolationStateChange(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE Begin_GetFixupInfo(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_GetFixupInfo(FixupInfo **info) = 0;
    virtual HRESULT STDMETHODCALLTYPE Begin_CompareSoHRequests(const SoHRequest *lhs,
                                                               const SoHRequest *rhs) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_CompareSoHRequests(BOOL *isEqual) = 0;
    virtual HRESULT STDMETHODCALLTYPE Begin_NotifyOrphanedSoHRequest(
        const CorrelationId *correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_NotifyOrphanedSoHRequest(void) = 0;
};

#else

typedef struct AsyncINapSystemHealthAgentCallbackVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(AsyncINapSystemHealthAgentCallback *This,
                                               REFIID riid, void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(AsyncINapSystemHealthAgentCallback *This);
    ULONG(STDMETHODCALLTYPE *Release)(AsyncINapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *Begin_GetSoHRequest)(AsyncINapSystemHealthAgentCallback *This,
                                                    INapSystemHealthAgentRequest *request);
    HRESULT(STDMETHODCALLTYPE *Finish_GetSoHRequest)(AsyncINapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *Begin_ProcessSoHResponse)(AsyncINapSystemHealthAgentCallback *This,
                                                         INapSystemHealthAgentRequest *request);
    HRESULT(STDMETHODCALLTYPE *Finish_ProcessSoHResponse)(AsyncINapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *Begin_NotifySystemIsolationStateChange)(
        AsyncINapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *Finish_NotifySystemIsolationStateChange)(
        AsyncINapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *Begin_GetFixupInfo)(AsyncINapSystemHealthAgentCallback *This);
    HRESULT(STDMETHODCALLTYPE *Finish_GetFixupInfo)(AsyncINapSystemHealthAgentCallback *This,
                                                    FixupInfo **info);
    HRESULT(STDMETHODCALLTYPE *Begin_CompareSoHRequests)(AsyncINapSystemHealthAgentCallback *This,
                                                         const SoHRequest *lhs,
                                                         const SoHRequest *rhs);
    HRESULT(STDMETHODCALLTYPE *Finish_CompareSoHRequests)(AsyncINapSystemHealthAgentCallback *This,
                                                          BOOL *isEqual);
    HRESULT(STDMETHODCALLTYPE *Begin_NotifyOrphanedSoHRequest)(
        AsyncINapSystemHealthAgentCallback *This, const CorrelationId *correlationId);
    HRESULT(STDMETHODCALLTYPE *Finish_NotifyOrphanedSoHRequest)(
        AsyncINapSystemHealthAgentCallback *This);
    END_INTERFACE
} AsyncINapSystemHealthAgentCallbackVtbl;

interface AsyncINapSystemHealthAgentCallback {
    const struct AsyncINapSystemHealthAgentCallbackVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define AsyncINapSystemHealthAgentCallback_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define AsyncINapSystemHealthAgentCallback_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define AsyncINapSystemHealthAgentCallback_Release(This) ((This)->lpVtbl->Release(This))
#define AsyncINapSystemHealthAgentCallback_Begin_GetSoHRequest(This, request) \
    ((This)->lpVtbl->Begin_GetSoHRequest(This, request))
#define AsyncINapSystemHealthAgentCallback_Finish_GetSoHRequest(This) \
    ((This)->lpVtbl->Finish_GetSoHRequest(This))
#define AsyncINapSystemHealthAgentCallback_Begin_ProcessSoHResponse(This, request) \
    ((This)->lpVtbl->Begin_ProcessSoHResponse(This, request))
#define AsyncINapSystemHealthAgentCallback_Finish_ProcessSoHResponse(This) \
    ((This)->lpVtbl->Finish_ProcessSoHResponse(This))
#define AsyncINapSystemHealthAgentCallback_Begin_NotifySystemIsolationStateChange(This) \
    ((This)->lpVtbl->Begin_NotifySystemIsolationStateChange(This))
#define AsyncINapSystemHealthAgentCallback_Finish_NotifySystemIsolationStateChange(This) \
    ((This)->lpVtbl->Finish_NotifySystemIsolationStateChange(This))
#define AsyncINapSystemHealthAgentCallback_Begin_GetFixupInfo(This) \
    ((This)->lpVtbl->Begin_GetFixupInfo(This))
#define AsyncINapSystemHealthAgentCallback_Finish_GetFixupInfo(This, info) \
    ((This)->lpVtbl->Finish_GetFixupInfo(This, info))
#define AsyncINapSystemHealthAgentCallback_Begin_CompareSoHRequests(This, lhs, rhs) \
    ((This)->lpVtbl->Begin_CompareSoHRequests(This, lhs, rhs))
#define AsyncINapSystemHealthAgentCallback_Finish_CompareSoHRequests(This, isEqual) \
    ((This)->lpVtbl->Finish_CompareSoHRequests(This, isEqual))
#define AsyncINapSystemHealthAgentCallback_Begin_NotifyOrphanedSoHRequest(This, correlationId) \
    ((This)->lpVtbl->Begin_NotifyOrphanedSoHRequest(This, correlationId))
#define AsyncINapSystemHealthAgentCallback_Finish_NotifyOrphanedSoHRequest(This) \
    ((This)->lpVtbl->Finish_NotifyOrphanedSoHRequest(This))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(AsyncINapSystemHealthAgentCallback)

/*
 * INapSystemHealthAgentRequest: one SoH exchange as the agent sees it; it
 * sets its SoH request here and reads the matching response.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("5B360A69-212D-440D-B398-7EEFD497853A")
INapSystemHealthAgentRequest : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetCorrelationId(CorrelationId *correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetStringCorrelationId(
        StringCorrelationId **correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetSoHRequest(const SoHRequest *sohRequest,
                                                    BOOL cacheSohForLaterUse) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHRequest(SoHRequest **sohRequest) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHResponse(SoHResponse **sohResponse, UINT8 *flags) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetCacheSoHFlag(BOOL *cacheSohForLaterUse) = 0;
};

#else

typedef struct INapSystemHealthAgentRequestVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthAgentRequest *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthAgentRequest *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthAgentRequest *This);
    HRESULT(STDMETHODCALLTYPE *GetCorrelationId)(INapSystemHealthAgentRequest *This,
                                                 CorrelationId *correlationId);
    HRESULT(STDMETHODCALLTYPE *GetStringCorrelationId)(INapSystemHealthAgentRequest *This,
                                                       StringCorrelationId **correlationId);
    HRESULT(STDMETHODCALLTYPE *SetSoHRequest)(INapSystemHealthAgentRequest *This,
                                              const SoHRequest *sohRequest,
                                              BOOL cacheSohForLaterUse);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapSystemHealthAgentRequest *This,
                                              SoHRequest **sohRequest);
    HRESULT(STDMETHODCALLTYPE *GetSoHResponse)(INapSystemHealthAgentRequest *This,
                                               SoHResponse **sohResponse, UINT8 *flags);
    HRESULT(STDMETHODCALLTYPE *GetCacheSoHFlag)(INapSystemHealthAgentRequest *This,
                                                BOOL *cacheSohForLaterUse);
    END_INTERFACE
} INapSystemHealthAgentRequestVtbl;

interface INapSystemHealthAgentRequest {
    const struct INapSystemHealthAgentRequestVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthAgentRequest_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthAgentRequest_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthAgentRequest_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthAgentRequest_GetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetCorrelationId(This, correlationId))
#define INapSystemHealthAgentRequest_GetStringCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetStringCorrelationId(This, correlationId))
#define INapSystemHealthAgentRequest_SetSoHRequest(This, sohRequest, cacheSohForLaterUse) \
    ((This)->lpVtbl->SetSoHRequest(This, sohRequest, cacheSohForLaterUse))
#define INapSystemHealthAgentRequest_GetSoHRequest(This, sohRequest) \
    ((This)->lpVtbl->GetSoHRequest(This, sohRequest))
#define INapSystemHealthAgentRequest_GetSoHResponse(This, sohResponse, flags) \
    ((This)->lpVtbl->GetSoHResponse(This, sohResponse, flags))
#define INapSystemHealthAgentRequest_GetCacheSoHFlag(This, cacheSohForLaterUse) \
    ((This)->lpVtbl->GetCacheSoHFlag(This, cacheSohForLaterUse))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthAgentRequest)

#ifdef __cplusplus
}
#endif

#endif /* NAPSYSTEMHEALTHAGENT_H */
