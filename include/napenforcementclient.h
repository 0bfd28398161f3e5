/*
 * napenforcementclient.h - the interfaces between an enforcement client and
 * the NAP agent, and the Connections list that AllocConnections builds.
 *
 * Each interface has the Windows SDK's two views.  In C++ it is an abstract
 * class deriving from its base interface, with pure virtual methods in IDL
 * order.  In C, or in C++ with CINTERFACE defined, it is a struct whose
 * first member points to a table of function pointers in the same order,
 * each taking the object itself (This) first; with COBJMACROS defined,
 * IFoo_Method(This, ...) call macros are available.  Both views share one
 * binary layout, so objects written in either language mix freely.
 */
#ifndef NAPENFORCEMENTCLIENT_H
#define NAPENFORCEMENTCLIENT_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#define defaultProtocolMaxSize 4000
#define minProtocolMaxSize 300
#define maxProtocolMaxSize 0xFFFF

/* The largest SoH a connection may carry, minProtocolMaxSize..maxProtocolMaxSize. */
typedef UINT32 ProtocolMaxSize;

#ifndef __INapEnforcementClientBinding_FWD_DEFINED__
#define __INapEnforcementClientBinding_FWD_DEFINED__
typedef interface INapEnforcementClientBinding INapEnforcementClientBinding;
#endif
#ifndef __INapEnforcementClientCallback_FWD_DEFINED__
#define __INapEnforcementClientCallback_FWD_DEFINED__
typedef interface INapEnforcementClientCallback INapEnforcementClientCallback;
#endif
#ifndef __INapEnforcementClientConnection_FWD_DEFINED__
#define __INapEnforcementClientConnection_FWD_DEFINED__
typedef interface INapEnforcementClientConnection INapEnforcementClientConnection;
#endif
#ifndef __INapEnforcementClientConnection2_FWD_DEFINED__
#define __INapEnforcementClientConnection2_FWD_DEFINED__
typedef interface INapEnforcementClientConnection2 INapEnforcementClientConnection2;
#endif

/*
 * The connections of one enforcement client.  Each non-NULL entry holds a
 * reference that FreeConnections releases.
 */
typedef struct tagConnections {
    UINT16 count;
    INapEnforcementClientConnection **connections;
} Connections;

/* {92B93223-7487-42D9-9A91-5B8507720384} */
EXTERN_C NAPAPI const IID IID_INapEnforcementClientBinding;
/* {F5A0B90A-83A1-4F76-BA3F-025418682814} */
EXTERN_C NAPAPI const IID IID_INapEnforcementClientCallback;
/* {FB3A3505-DDB1-468A-B307-F328A57419D8} */
EXTERN_C NAPAPI const IID IID_INapEnforcementClientConnection;
/* {BD244906-70DD-4690-BEEA-648653393500} */
EXTERN_C NAPAPI const IID IID_INapEnforcementClientConnection2;

/* INapEnforcementClientBinding: how an enforcement client binds to the NAP agent. */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("92B93223-7487-42D9-9A91-5B8507720384")
INapEnforcementClientBinding : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Initialize(EnforcementEntityId id,
                                                 INapEnforcementClientCallback *callback) = 0;
    virtual HRESULT STDMETHODCALLTYPE Uninitialize(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE CreateConnection(INapEnforcementClientConnection **connection) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHRequest(INapEnforcementClientConnection *connection,
                                                    BOOL *retriggerHint) = 0;
    virtual HRESULT STDMETHODCALLTYPE ProcessSoHResponse(INapEnforcementClientConnection *connection) = 0;
    virtual HRESULT STDMETHODCALLTYPE NotifyConnectionStateDown(INapEnforcementClientConnection *downCxn) = 0;
    virtual HRESULT STDMETHODCALLTYPE NotifySoHChangeFailure(void) = 0;
};

#else

typedef struct INapEnforcementClientBindingVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapEnforcementClientBinding *This,
                                               REFIID riid, void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapEnforcementClientBinding *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapEnforcementClientBinding *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapEnforcementClientBinding *This,
                                           EnforcementEntityId id,
                                           INapEnforcementClientCallback *callback);
    HRESULT(STDMETHODCALLTYPE *Uninitialize)(INapEnforcementClientBinding *This);
    HRESULT(STDMETHODCALLTYPE *CreateConnection)(
        INapEnforcementClientBinding *This,
        INapEnforcementClientConnection **connection);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapEnforcementClientBinding *This,
                                              INapEnforcementClientConnection *connection,
                                              BOOL *retriggerHint);
    HRESULT(STDMETHODCALLTYPE *ProcessSoHResponse)(
        INapEnforcementClientBinding *This,
        INapEnforcementClientConnection *connection);
    HRESULT(STDMETHODCALLTYPE *NotifyConnectionStateDown)(
        INapEnforcementClientBinding *This,
        INapEnforcementClientConnection *downCxn);
    HRESULT(STDMETHODCALLTYPE *NotifySoHChangeFailure)(INapEnforcementClientBinding *This);
    END_INTERFACE
} INapEnforcementClientBindingVtbl;

interface INapEnforcementClientBinding {
    const struct INapEnforcementClientBindingVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapEnforcementClientBinding_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapEnforcementClientBinding_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapEnforcementClientBinding_Release(This) ((This)->lpVtbl->Release(This))
#define INapEnforcementClientBinding_Initialize(This, id, callback) \
    ((This)->lpVtbl->Initialize(This, id, callback))
#define INapEnforcementClientBinding_Uninitialize(This) ((This)->lpVtbl->Uninitialize(This))
#define INapEnforcementClientBinding_CreateConnection(This, connection) \
    ((This)->lpVtbl->CreateConnection(This, connection))
#define INapEnforcementClientBinding_GetSoHRequest(This, connection, retriggerHint) \
    ((This)->lpVtbl->GetSoHRequest(This, connection, retriggerHint))
#define INapEnforcementClientBinding_ProcessSoHResponse(This, connection) \
    ((This)->lpVtbl->ProcessSoHResponse(This, connection))
#define INapEnforcementClientBinding_NotifyConnectionStateDown(This, downCxn) \
    ((This)->lpVtbl->NotifyConnectionStateDown(This, downCxn))
#define INapEnforcementClientBinding_NotifySoHChangeFailure(This) \
    ((This)->lpVtbl->NotifySoHChangeFailure(This))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapEnforcementClientBinding)

/* INapEnforcementClientCallback: how the NAP agent calls back an enforcement client. */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("F5A0B90A-83A1-4F76-BA3F-025418682814")
INapEnforcementClientCallback : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE NotifySoHChange(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetConnections(Connections **connections) = 0;
};

#else

typedef struct INapEnforcementClientCallbackVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapEnforcementClientCallback *This,
                                               REFIID riid, void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapEnforcementClientCallback *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapEnforcementClientCallback *This);
    HRESULT(STDMETHODCALLTYPE *NotifySoHChange)(INapEnforcementClientCallback *This);
    HRESULT(STDMETHODCALLTYPE *GetConnections)(INapEnforcementClientCallback *This,
                                               Connections **connections);
    END_INTERFACE
} INapEnforcementClientCallbackVtbl;

interface INapEnforcementClientCallback {
    const struct INapEnforcementClientCallbackVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapEnforcementClientCallback_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapEnforcementClientCallback_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapEnforcementClientCallback_Release(This) ((This)->lpVtbl->Release(This))
#define INapEnforcementClientCallback_NotifySoHChange(This) \
    ((This)->lpVtbl->NotifySoHChange(This))
#define INapEnforcementClientCallback_GetConnections(This, connections) \
    ((This)->lpVtbl->GetConnections(This, connections))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapEnforcementClientCallback)

/*
 * INapEnforcementClientConnection: one network connection as the NAP agent
 * sees it.  INapEnforcementClientConnection2 appends four methods to the
 * same table, so both share one set of slots up to GetEnforcerPrivateData.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("FB3A3505-DDB1-468A-B307-F328A57419D8")
INapEnforcementClientConnection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Initialize(EnforcementEntityId id) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMaxSize(ProtocolMaxSize maxSize) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMaxSize(ProtocolMaxSize *maxSize) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetFlags(UINT8 flags) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetFlags(UINT8 *flags) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetConnectionId(const ConnectionId *connectionId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetConnectionId(ConnectionId **connectionId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetCorrelationId(CorrelationId *correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetStringCorrelationId(StringCorrelationId **correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetCorrelationId(CorrelationId correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetSoHRequest(const NetworkSoHRequest *sohRequest) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHRequest(NetworkSoHRequest **sohRequest) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetSoHResponse(const NetworkSoHResponse *sohResponse) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHResponse(NetworkSoHResponse **sohResponse) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetIsolationInfo(const IsolationInfo *isolationInfo) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetIsolationInfo(IsolationInfo **isolationInfo) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetPrivateData(const PrivateData *privateData) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetPrivateData(PrivateData **privateData) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetEnforcerPrivateData(const PrivateData *privateData) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetEnforcerPrivateData(PrivateData **privateData) = 0;
};

#else

typedef struct INapEnforcementClientConnectionVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapEnforcementClientConnection *This,
                                               REFIID riid, void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapEnforcementClientConnection *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapEnforcementClientConnection *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapEnforcementClientConnection *This,
                                           EnforcementEntityId id);
    HRESULT(STDMETHODCALLTYPE *SetMaxSize)(INapEnforcementClientConnection *This,
                                           ProtocolMaxSize maxSize);
    HRESULT(STDMETHODCALLTYPE *GetMaxSize)(INapEnforcementClientConnection *This,
                                           ProtocolMaxSize *maxSize);
    HRESULT(STDMETHODCALLTYPE *SetFlags)(INapEnforcementClientConnection *This, UINT8 flags);
    HRESULT(STDMETHODCALLTYPE *GetFlags)(INapEnforcementClientConnection *This, UINT8 *flags);
    HRESULT(STDMETHODCALLTYPE *SetConnectionId)(INapEnforcementClientConnection *This,
                                                const ConnectionId *connectionId);
    HRESULT(STDMETHODCALLTYPE *GetConnectionId)(INapEnforcementClientConnection *This,
                                                ConnectionId **connectionId);
    HRESULT(STDMETHODCALLTYPE *GetCorrelationId)(INapEnforcementClientConnection *This,
                                                 CorrelationId *correlationId);
    HRESULT(STDMETHODCALLTYPE *GetStringCorrelationId)(INapEnforcementClientConnection *This,
                                                       StringCorrelationId **correlationId);
    HRESULT(STDMETHODCALLTYPE *SetCorrelationId)(INapEnforcementClientConnection *This,
                                                 CorrelationId correlationId);
    HRESULT(STDMETHODCALLTYPE *SetSoHRequest)(INapEnforcementClientConnection *This,
                                              const NetworkSoHRequest *sohRequest);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapEnforcementClientConnection *This,
                                              NetworkSoHRequest **sohRequest);
    HRESULT(STDMETHODCALLTYPE *SetSoHResponse)(INapEnforcementClientConnection *This,
                                               const NetworkSoHResponse *sohResponse);
    HRESULT(STDMETHODCALLTYPE *GetSoHResponse)(INapEnforcementClientConnection *This,
                                               NetworkSoHResponse **sohResponse);
    HRESULT(STDMETHODCALLTYPE *SetIsolationInfo)(INapEnforcementClientConnection *This,
                                                 const IsolationInfo *isolationInfo);
    HRESULT(STDMETHODCALLTYPE *GetIsolationInfo)(INapEnforcementClientConnection *This,
                                                 IsolationInfo **isolationInfo);
    HRESULT(STDMETHODCALLTYPE *SetPrivateData)(INapEnforcementClientConnection *This,
                                               const PrivateData *privateData);
    HRESULT(STDMETHODCALLTYPE *GetPrivateData)(INapEnforcementClientConnection *This,
                                               PrivateData **privateData);
    HRESULT(STDMETHODCALLTYPE *SetEnforcerPrivateData)(INapEnforcementClientConnection *This,
                                                       const PrivateData *privateData);
    HRESULT(STDMETHODCALLTYPE *GetEnforcerPrivateData)(INapEnforcementClientConnection *This,
                                                       PrivateData **privateData);
    END_INTERFACE
} INapEnforcementClientConnectionVtbl;

interface INapEnforcementClientConnection {
    const struct INapEnforcementClientConnectionVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapEnforcementClientConnection_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapEnforcementClientConnection_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapEnforcementClientConnection_Release(This) ((This)->lpVtbl->Release(This))
#define INapEnforcementClientConnection_Initialize(This, id) \
    ((This)->lpVtbl->Initialize(This, id))
#define INapEnforcementClientConnection_SetMaxSize(This, maxSize) \
    ((This)->lpVtbl->SetMaxSize(This, maxSize))
#define INapEnforcementClientConnection_GetMaxSize(This, maxSize) \
    ((This)->lpVtbl->GetMaxSize(This, maxSize))
#define INapEnforcementClientConnection_SetFlags(This, flags) \
    ((This)->lpVtbl->SetFlags(This, flags))
#define INapEnforcementClientConnection_GetFlags(This, flags) \
    ((This)->lpVtbl->GetFlags(This, flags))
#define INapEnforcementClientConnection_SetConnectionId(This, connectionId) \
    ((This)->lpVtbl->SetConnectionId(This, connectionId))
#define INapEnforcementClientConnection_GetConnectionId(This, connectionId) \
    ((This)->lpVtbl->GetConnectionId(This, connectionId))
#define INapEnforcementClientConnection_GetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetCorrelationId(This, correlationId))
#define INapEnforcementClientConnection_GetStringCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetStringCorrelationId(This, correlationId))
#define INapEnforcementClientConnection_SetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->SetCorrelationId(This, correlationId))
#define INapEnforcementClientConnection_SetSoHRequest(This, sohRequest) \
    ((This)->lpVtbl->SetSoHRequest(This, sohRequest))
#define INapEnforcementClientConnection_GetSoHRequest(This, sohRequest) \
    ((This)->lpVtbl->GetSoHRequest(This, sohRequest))
#define INapEnforcementClientConnection_SetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->SetSoHResponse(This, sohResponse))
#define INapEnforcementClientConnection_GetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->GetSoHResponse(This, sohResponse))
#define INapEnforcementClientConnection_SetIsolationInfo(This, isolationInfo) \
    ((This)->lpVtbl->SetIsolationInfo(This, isolationInfo))
#define INapEnforcementClientConnection_GetIsolationInfo(This, isolationInfo) \
    ((This)->lpVtbl->GetIsolationInfo(This, isolationInfo))
#define INapEnforcementClientConnection_SetPrivateData(This, privateData) \
    ((This)->lpVtbl->SetPrivateData(This, privateData))
#define INapEnforcementClientConnection_GetPrivateData(This, privateData) \
    ((This)->lpVtbl->GetPrivateData(This, privateData))
#define INapEnforcementClientConnection_SetEnforcerPrivateData(This, privateData) \
    ((This)->lpVtbl->SetEnforcerPrivateData(This, privateData))
#define INapEnforcementClientConnection_GetEnforcerPrivateData(This, privateData) \
    ((This)->lpVtbl->GetEnforcerPrivateData(This, privateData))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapEnforcementClientConnection)

#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("BD244906-70DD-4690-BEEA-648653393500")
INapEnforcementClientConnection2 : public INapEnforcementClientConnection {
public:
    virtual HRESULT STDMETHODCALLTYPE SetIsolationInfoEx(const IsolationInfoEx *isolationInfo) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetIsolationInfoEx(IsolationInfoEx **isolationInfo) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetInstalledShvs(SystemHealthEntityCount *count,
                                                       SystemHealthEntityId **ids) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetInstalledShvs(SystemHealthEntityCount count,
                                                       SystemHealthEntityId *ids) = 0;
};

#else

typedef struct INapEnforcementClientConnection2Vtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapEnforcementClientConnection2 *This,
                                               REFIID riid, void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapEnforcementClientConnection2 *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapEnforcementClientConnection2 *This);
    HRESULT(STDMETHODCALLTYPE *Initialize)(INapEnforcementClientConnection2 *This,
                                           EnforcementEntityId id);
    HRESULT(STDMETHODCALLTYPE *SetMaxSize)(INapEnforcementClientConnection2 *This,
                                           ProtocolMaxSize maxSize);
    HRESULT(STDMETHODCALLTYPE *GetMaxSize)(INapEnforcementClientConnection2 *This,
                                           ProtocolMaxSize *maxSize);
    HRESULT(STDMETHODCALLTYPE *SetFlags)(INapEnforcementClientConnection2 *This, UINT8 flags);
    HRESULT(STDMETHODCALLTYPE *GetFlags)(INapEnforcementClientConnection2 *This, UINT8 *flags);
    HRESULT(STDMETHODCALLTYPE *SetConnectionId)(INapEnforcementClientConnection2 *This,
                                                const ConnectionId *connectionId);
    HRESULT(STDMETHODCALLTYPE *GetConnectionId)(INapEnforcementClientConnection2 *This,
                                                ConnectionId **connectionId);
    HRESULT(STDMETHODCALLTYPE *GetCorrelationId)(INapEnforcementClientConnection2 *This,
                                                 CorrelationId *correlationId);
    HRESULT(STDMETHODCALLTYPE *GetStringCorrelationId)(INapEnforcementClientConnection2 *This,
                                                       StringCorrelationId **correlationId);
    HRESULT(STDMETHODCALLTYPE *SetCorrelationId)(INapEnforcementClientConnection2 *This,
                                                 CorrelationId correlationId);
    HRESULT(STDMETHODCALLTYPE *SetSoHRequest)(INapEnforcementClientConnection2 *This,
                                              const NetworkSoHRequest *sohRequest);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapEnforcementClientConnection2 *This,
                                              NetworkSoHRequest **sohRequest);
    HRESULT(STDMETHODCALLTYPE *SetSoHResponse)(INapEnforcementClientConnection2 *This,
                                               const NetworkSoHResponse *sohResponse);
    HRESULT(STDMETHODCALLTYPE *GetSoHResponse)(INapEnforcementClientConnection2 *This,
                                               NetworkSoHResponse **sohResponse);
    HRESULT(STDMETHODCALLTYPE *SetIsolationInfo)(INapEnforcementClientConnection2 *This,
                                                 const IsolationInfo *isolationInfo);
    HRESULT(STDMETHODCALLTYPE *GetIsolationInfo)(INapEnforcementClientConnection2 *This,
                                                 IsolationInfo **isolationInfo);
    HRESULT(STDMETHODCALLTYPE *SetPrivateData)(INapEnforcementClientConnection2 *This,
                                               const PrivateData *privateData);
    HRESULT(STDMETHODCALLTYPE *GetPrivateData)(INapEnforcementClientConnection2 *This,
                                               PrivateData **privateData);
    HRESULT(STDMETHODCALLTYPE *SetEnforcerPrivateData)(INapEnforcementClientConnection2 *This,
                                                       const PrivateData *privateData);
    HRESULT(STDMETHODCALLTYPE *GetEnforcerPrivateData)(INapEnforcementClientConnection2 *This,
                                                       PrivateData **privateData);
    HRESULT(STDMETHODCALLTYPE *SetIsolationInfoEx)(INapEnforcementClientConnection2 *This,
                                                   const IsolationInfoEx *isolationInfo);
    HRESULT(STDMETHODCALLTYPE *GetIsolationInfoEx)(INapEnforcementClientConnection2 *This,
                                                   IsolationInfoEx **isolationInfo);
    HRESULT(STDMETHODCALLTYPE *GetInstalledShvs)(INapEnforcementClientConnection2 *This,
                                                 SystemHealthEntityCount *count,
                                                 SystemHealthEntityId **ids);
    HRESULT(STDMETHODCALLTYPE *SetInstalledShvs)(INapEnforcementClientConnection2 *This,
                                                 SystemHealthEntityCount count,
                                                 SystemHealthEntityId *ids);
    END_INTERFACE
} INapEnforcementClientConnection2Vtbl;

interface INapEnforcementClientConnection2 {
    const struct INapEnforcementClientConnection2Vtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapEnforcementClientConnection2_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapEnforcementClientConnection2_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapEnforcementClientConnection2_Release(This) ((This)->lpVtbl->Release(This))
#define INapEnforcementClientConnection2_Initialize(This, id) \
    ((This)->lpVtbl->Initialize(This, id))
#define INapEnforcementClientConnection2_SetMaxSize(This, maxSize) \
    ((This)->lpVtbl->SetMaxSize(This, maxSize))
#define INapEnforcementClientConnection2_GetMaxSize(This, maxSize) \
    ((This)->lpVtbl->GetMaxSize(This, maxSize))
#define INapEnforcementClientConnection2_SetFlags(This, flags) \
    ((This)->lpVtbl->SetFlags(This, flags))
#define INapEnforcementClientConnection2_GetFlags(This, flags) \
    ((This)->lpVtbl->GetFlags(This, flags))
#define INapEnforcementClientConnection2_SetConnectionId(This, connectionId) \
    ((This)->lpVtbl->SetConnectionId(This, connectionId))
#define INapEnforcementClientConnection2_GetConnectionId(This, connectionId) \
    ((This)->lpVtbl->GetConnectionId(This, connectionId))
#define INapEnforcementClientConnection2_GetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetCorrelationId(This, correlationId))
#define INapEnforcementClientConnection2_GetStringCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetStringCorrelationId(This, correlationId))
#define INapEnforcementClientConnection2_SetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->SetCorrelationId(This, correlationId))
#define INapEnforcementClientConnection2_SetSoHRequest(This, sohRequest) \
    ((This)->lpVtbl->SetSoHRequest(This, sohRequest))
#define INapEnforcementClientConnection2_GetSoHRequest(This, sohRequest) \
    ((This)->lpVtbl->GetSoHRequest(This, sohRequest))
#define INapEnforcementClientConnection2_SetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->SetSoHResponse(This, sohResponse))
#define INapEnforcementClientConnection2_GetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->GetSoHResponse(This, sohResponse))
#define INapEnforcementClientConnection2_SetIsolationInfo(This, isolationInfo) \
    ((This)->lpVtbl->SetIsolationInfo(This, isolationInfo))
#define INapEnforcementClientConnection2_GetIsolationInfo(This, isolationInfo) \
    ((This)->lpVtbl->GetIsolationInfo(This, isolationInfo))
#define INapEnforcementClientConnection2_SetPrivateData(This, privateData) \
    ((This)->lpVtbl->SetPrivateData(This, privateData))
#define INapEnforcementClientConnection2_GetPrivateData(This, privateData) \
    ((This)->lpVtbl->GetPrivateData(This, privateData))
#define INapEnforcementClientConnection2_SetEnforcerPrivateData(This, privateData) \
    ((This)->lpVtbl->SetEnforcerPrivateData(This, privateData))
#define INapEnforcementClientConnection2_GetEnforcerPrivateData(This, privateData) \
    ((This)->lpVtbl->GetEnforcerPrivateData(This, privateData))
#define INapEnforcementClientConnection2_SetIsolationInfoEx(This, isolationInfo) \
    ((This)->lpVtbl->SetIsolationInfoEx(This, isolationInfo))
#define INapEnforcementClientConnection2_GetIsolationInfoEx(This, isolationInfo) \
    ((This)->lpVtbl->GetIsolationInfoEx(This, isolationInfo))
#define INapEnforcementClientConnection2_GetInstalledShvs(This, count, ids) \
    ((This)->lpVtbl->GetInstalledShvs(This, count, ids))
#define INapEnforcementClientConnection2_SetInstalledShvs(This, count, ids) \
    ((This)->lpVtbl->SetInstalledShvs(This, count, ids))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapEnforcementClientConnection2)

#ifdef __cplusplus
}
#endif

#endif /* NAPENFORCEMENTCLIENT_H */
