/*
 * naputil.h - the NAP utility functions of qutil.dll: allocate and free the
 * structures that NAP interfaces pass between components.
 *
 * Memory follows COM's rules: everything an Alloc* function returns, and
 * every pointer embedded in it, is its own CoTaskMemAlloc block.  The Free*
 * functions release the embedded blocks and then the structure itself; each
 * is a no-op when given NULL.  The Alloc* functions return S_OK,
 * E_INVALIDARG or E_OUTOFMEMORY, and leave the out-pointer NULL on failure.
 */
#ifndef NAPUTIL_H
#define NAPUTIL_H

#include "napwinbase.h"
#include "naptypes.h"
#include "naperror.h"
#include "napprotocol.h"
#include "napenforcementclient.h"
#include "napsohmessage.h"
#include "napmanagement.h"
#include "napservermanagement.h"

#ifdef __cplusplus
extern "C" {
#endif

NAPAPI HRESULT WINAPI AllocFixupInfo(FixupInfo **fixupInfo, UINT16 countResultCodes);
NAPAPI HRESULT WINAPI AllocConnections(Connections **connections, UINT16 connectionsCount);
NAPAPI HRESULT WINAPI AllocCountedString(CountedString **countedString, CONST WCHAR *string);

NAPAPI VOID WINAPI FreeFixupInfo(FixupInfo *fixupInfo);
/* Also calls Release on every non-NULL connection in the list. */
NAPAPI VOID WINAPI FreeConnections(Connections *connections);
NAPAPI VOID WINAPI FreeIsolationInfo(IsolationInfo *isolationInfo);
NAPAPI VOID WINAPI FreeIsolationInfoEx(IsolationInfoEx *isolationInfo);
NAPAPI VOID WINAPI FreeCountedString(CountedString *countedString);
NAPAPI VOID WINAPI FreeSoH(SoH *soh);
NAPAPI VOID WINAPI FreeNetworkSoH(NetworkSoH *networkSoh);
NAPAPI VOID WINAPI FreePrivateData(PrivateData *privateData);
/* The type selects the union member whose buffer is freed. */
NAPAPI VOID WINAPI FreeSoHAttributeValue(SoHAttributeType type, SoHAttributeValue *value);
/* *info is one array of count structures; it is freed and set to NULL. */
NAPAPI VOID WINAPI FreeNapComponentRegistrationInfoArray(UINT16 count,
                                                         NapComponentRegistrationInfo **info);
NAPAPI VOID WINAPI FreeSystemHealthAgentState(SystemHealthAgentState *state);

/*
 * hNotifyEvent is an eventfd descriptor passed as (HANDLE)(intptr_t)fd; it
 * is signalled when the agent's state file of that type changes in
 * $NAPUTIL_RUNTIME_DIR (default /run/naputil).  Thread-safe on Linux.
 */
NAPAPI HRESULT WINAPI InitializeNapAgentNotifier(NapNotifyType type, HANDLE hNotifyEvent);
NAPAPI VOID WINAPI UninitializeNapAgentNotifier(NapNotifyType type);

#ifdef __cplusplus
}
#endif

#endif /* NAPUTIL_H */
