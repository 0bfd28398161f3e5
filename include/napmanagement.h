/*
 * napmanagement.h - the NAP agent's management interfaces on a client
 * (INapClientManagement, INapClientManagement2): register and unregister
 * system health agents and enforcement clients, list them, and read the
 * client's isolation state.
 *
 * Each interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.  Every structure a Get* method returns is the
 * caller's to release with the matching Free* function of naputil.h.
 */
#ifndef NAPMANAGEMENT_H
#define NAPMANAGEMENT_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef __INapClientManagement_FWD_DEFINED__
#define __INapClientManagement_FWD_DEFINED__
typedef interface INapClientManagement INapClientManagement;
#endif
#ifndef __INapClientManagement2_FWD_DEFINED__
#define __INapClientManagement2_FWD_DEFINED__
typedef interface INapClientManagement2 INapClientManagement2;
#endif

/* {432A1DA5-3888-4B9A-A734-CFF1E448C5B9} */
EXTERN_C NAPAPI const IID IID_INapClientManagement;
/* {07A1127B-18CC-422A-B988-E892600FCC74} */
EXTERN_C NAPAPI const IID IID_INapClientManagement2;
/* {EB082BA1-DF8A-46BE-82F3-35BF9E9BE52F} */
EXTERN_C NAPAPI const CLSID CLSID_NapClientManagement;

/*
 * INapClientManagement: administers the NAP agent of this machine, for
 * installers and management tools rather than for the components it lists.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("432A1DA5-3888-4B9A-A734-CFF1E448C5B9")
INapClientManagement : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetNapClientInfo(BOOL *isNapEnabled,
                                                       CountedString **clientName,
                                                       CountedString **clientDescription,
                                                       CountedString **protocolVersion) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSystemIsolationInfo(IsolationInfo **isolationInfo,
                                                             BOOL *unknownConnections) = 0;
    virtual HRESULT STDMETHODCALLTYPE RegisterSystemHealthAgent(
        const NapComponentRegistrationInfo *agent) = 0;
    virtual HRESULT STDMETHODCALLTYPE UnregisterSystemHealthAgent(SystemHealthEntityId id) = 0;
    virtual HRESULT STDMETHODCALLTYPE RegisterEnforcementClient(
        const NapComponentRegistrationInfo *enforcer) = 0;
    virtual HRESULT STDMETHODCALLTYPE UnregisterEnforcementClient(EnforcementEntityId id) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetRegisteredSystemHealthAgents(
        SystemHealthEntityCount *count, NapComponentRegistrationInfo **agents) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetRegisteredEnforcementClients(
        EnforcementEntityCount *count, NapComponentRegistrationInfo **enforcers) = 0;
};

#else

typedef struct INapClientManagementVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapClientManagement *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapClientManagement *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapClientManagement *This);
    HRESULT(STDMETHODCALLTYPE *GetNapClientInfo)(INapClientManagement *This, BOOL *isNapEnabled,
                                                 CountedString **clientName,
                                                 CountedString **clientDescription,
                                                 CountedString **protocolVersion);
    HRESULT(STDMETHODCALLTYPE *GetSystemIsolationInfo)(INapClientManagement *This,
                                                       IsolationInfo **isolationInfo,
                                                       BOOL *unknownConnections);
    HRESULT(STDMETHODCALLTYPE *RegisterSystemHealthAgent)(
        INapClientManagement *This, const NapComponentRegistrationInfo *agent);
    HRESULT(STDMETHODCALLTYPE *UnregisterSystemHealthAgent)(INapClientManagement *This,
                                                            SystemHealthEntityId id);
    HRESULT(STDMETHODCALLTYPE *RegisterEnforcementClient)(
        INapClientManagement *This, const NapComponentRegistrationInfo *enforcer);
    HRESULT(STDMETHODCALLTYPE *UnregisterEnforcementClient)(INapClientManagement *This,
                                                            EnforcementEntityId id);
    HRESULT(STDMETHODCALLTYPE *GetRegisteredSystemHealthAgents)(
        INapClientManagement *This, SystemHealthEntityCount *count,
        NapComponentRegistrationInfo **agents);
    HRESULT(STDMETHODCALLTYPE *GetRegisteredEnforcementClients)(
        INapClientManagement *This, EnforcementEntityCount *count,
        NapComponentRegistrationInfo **enforcers);
    END_INTERFACE
} INapClientManagementVtbl;

interface INapClientManagement {
    const struct INapClientManagementVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapClientManagement_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapClientManagement_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapClientManagement_Release(This) ((This)->lpVtbl->Release(This))
#define INapClientManagement_GetNapClientInfo(This, isNapEnabled, clientName, \
                                              clientDescription, protocolVersion) \
    ((This)->lpVtbl->GetNapClientInfo(This, isNapEnabled, clientName, clientDescription, \
                                      protocolVersion))
#define INapClientManagement_GetSystemIsolationInfo(This, isolationInfo, unknownConnections) \
    ((This)->lpVtbl->GetSystemIsolationInfo(This, isolationInfo, unknownConnections))
#define INapClientManagement_RegisterSystemHealthAgent(This, agent) \
    ((This)->lpVtbl->RegisterSystemHealthAgent(This, agent))
#define INapClientManagement_UnregisterSystemHealthAgent(This, id) \
    ((This)->lpVtbl->UnregisterSystemHealthAgent(This, id))
#define INapClientManagement_RegisterEnforcementClient(This, enforcer) \
    ((This)->lpVtbl->RegisterEnforcementClient(This, enforcer))
#define INapClientManagement_UnregisterEnforcementClient(This, id) \
    ((This)->lpVtbl->UnregisterEnforcementClient(This, id))
#define INapClientManagement_GetRegisteredSystemHealthAgents(This, count, agents) \
    ((This)->lpVtbl->GetRegisteredSystemHealthAgents(This, count, agents))
#define INapClientManagement_GetRegisteredEnforcementClients(This, count, enforcers) \
    ((This)->lpVtbl->GetRegisteredEnforcementClients(This, count, enforcers))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapClientManagement)

/*
 * INapClientManagement2: INapClientManagement with one method appended
 * that also reports the extended isolation state.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("07A1127B-18CC-422A-B988-E892600FCC74")
INapClientManagement2 : public INapClientManagement {
public:
    virtual HRESULT STDMETHODCALLTYPE GetSystemIsolationInfoEx(IsolationInfoEx **isolationInfo,
                                                               BOOL *unknownConnections) = 0;
};

#else

typedef struct INapClientManagement2Vtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapClientManagement2 *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapClientManagement2 *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapClientManagement2 *This);
    HRESULT(STDMETHODCALLTYPE *GetNapClientInfo)(INapClientManagement2 *This,
                                                 BOOL *isNapEnabled,
                                                 CountedString **clientName,
                                                 CountedString **clientDescription,
                                                 CountedString **protocolVersion);
    HRESULT(STDMETHODCALLTYPE *GetSystemIsolationInfo)(INapClientManagement2 *This,
                                                       IsolationInfo **isolationInfo,
                                                       BOOL *unknownConnections);
    HRESULT(STDMETHODCALLTYPE *RegisterSystemHealthAgent)(
        INapClientManagement2 *This, const NapComponentRegistrationInfo *agent);
    HRESULT(STDMETHODCALLTYPE *UnregisterSystemHealthAgent)(INapClientManagement2 *This,
                                                            SystemHealthEntityId id);
    HRESULT(STDMETHODCALLTYPE *RegisterEnforcementClient)(
        INapClientManagement2 *This, const NapComponentRegistrationInfo *enforcer);
    HRESULT(STDMETHODCALLTYPE *UnregisterEnforcementClient)(INapClientManagement2 *This,
                                                            EnforcementEntityId id);
    HRESULT(STDMETHODCALLTYPE *GetRegisteredSystemHealthAgents)(
        INapClientManagement2 *This, SystemHealthEntityCount *count,
        NapComponentRegistrationInfo **agents);
    HRESULT(STDMETHODCALLTYPE *GetRegisteredEnforcementClients)(
        INapClientManagement2 *This, EnforcementEntityCount *count,
        NapComponentRegistrationInfo **enforcers);
    HRESULT(STDMETHODCALLTYPE *GetSystemIsolationInfoEx)(INapClientManagement2 *This,
                                                         IsolationInfoEx **isolationInfo,
                                                         BOOL *unknownConnections);
    END_INTERFACE
} INapClientManagement2Vtbl;

interface INapClientManagement2 {
    const struct INapClientManagement2Vtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapClientManagement2_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapClientManagement2_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapClientManagement2_Release(This) ((This)->lpVtbl->Release(This))
#define INapClientManagement2_GetNapClientInfo(This, isNapEnabled, clientName, \
                                               clientDescription, protocolVersion) \
    ((This)->lpVtbl->GetNapClientInfo(This, isNapEnabled, clientName, clientDescription, \
                                      protocolVersion))
#define INapClientManagement2_GetSystemIsolationInfo(This, isolationInfo, unknownConnections) \
    ((This)->lpVtbl->GetSystemIsolationInfo(This, isolationInfo, unknownConnections))
#define INapClientManagement2_RegisterSystemHealthAgent(This, agent) \
    ((This)->lpVtbl->RegisterSystemHealthAgent(This, agent))
#define INapClientManagement2_UnregisterSystemHealthAgent(This, id) \
    ((This)->lpVtbl->UnregisterSystemHealthAgent(This, id))
#define INapClientManagement2_RegisterEnforcementClient(This, enforcer) \
    ((This)->lpVtbl->RegisterEnforcementClient(This, enforcer))
#define INapClientManagement2_UnregisterEnforcementClient(This, id) \
    ((This)->lpVtbl->UnregisterEnforcementClient(This, id))
#define INapClientManagement2_GetRegisteredSystemHealthAgents(This, count, agents) \
    ((This)->lpVtbl->GetRegisteredSystemHealthAgents(This, count, agents))
#define INapClientManagement2_GetRegisteredEnforcementClients(This, count, enforcers) \
    ((This)->lpVtbl->GetRegisteredEnforcementClients(This, count, enforcers))
#define INapClientManagement2_GetSystemIsolationInfoEx(This, isolationInfo, unknownConnections) \
    ((This)->lpVtbl->GetSystemIsolationInfoEx(This, isolationInfo, unknownConnections))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapClientManagement2)

#ifdef __cplusplus
}
#endif

#endif /* NAPMANAGEMENT_H */
