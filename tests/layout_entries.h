/*
 * layout_entries.h - the one list of the NAP types' sizes, field offsets and
 * vtable slots, each with its Windows x64 value (LP64 Linux must give the
 * same) and its Windows x86 value (ILP32 Linux must give the same).
 *
 * An X-macro list, deliberately without an include guard: the includer
 * defines the three macros below, includes this file, and may include it
 * again with other definitions.  check_layout.c turns it into the tables it
 * asserts at run time; layout_dump.c turns it into assembler lines from
 * which check_layout_sdk.sh reads what a compiler made of the same names,
 * both for our headers and for the Windows SDK's.  Writing each name once
 * keeps the two tests asserting the same entries.
 *
 *   LAYOUT_SIZE(type, x64, x86)            sizeof(type)
 *   LAYOUT_OFFSET(type, field, x64, x86)   offsetof(type, field)
 *   LAYOUT_SLOT(vtbl, method, slot)        offsetof(vtbl, method) / sizeof(void *)
 *
 * A slot is counted in pointers, so it is the same in both data models.
 * Only names that the Windows SDK headers also declare belong here: the
 * Linux additions (napsohmessage.h, the factory functions) have no Windows
 * layout to match.  The values are those of Microsoft's documented
 * definitions (naptypes.h, napprotocol.h, napenforcementclient.h,
 * napsystemhealthagent.h, napsystemhealthvalidator.h, napcommon.h,
 * napmanagement.h, napservermanagement.h and napcertrelyingparty.h of the
 * Windows SDK) under the x64 and x86 C ABIs: 8- and 4-byte pointers, each
 * field aligned to its size, FILETIME and GUID aligned to 4.
 */

/* The base types: fixed widths, only pointers differ. */
LAYOUT_SIZE(BYTE, 1, 1)
LAYOUT_SIZE(UINT8, 1, 1)
LAYOUT_SIZE(UINT16, 2, 2)
LAYOUT_SIZE(WORD, 2, 2)
LAYOUT_SIZE(UINT32, 4, 4)
LAYOUT_SIZE(DWORD, 4, 4)
LAYOUT_SIZE(ULONG, 4, 4)
LAYOUT_SIZE(UINT, 4, 4)
LAYOUT_SIZE(LONG, 4, 4)
LAYOUT_SIZE(INT, 4, 4)
LAYOUT_SIZE(UINT64, 8, 8)
LAYOUT_SIZE(HRESULT, 4, 4)
LAYOUT_SIZE(BOOL, 4, 4)
LAYOUT_SIZE(WCHAR, 2, 2)
LAYOUT_SIZE(SIZE_T, 8, 4)
LAYOUT_SIZE(HANDLE, 8, 4)
LAYOUT_SIZE(GUID, 16, 16)
LAYOUT_OFFSET(GUID, Data1, 0, 0)
LAYOUT_OFFSET(GUID, Data2, 4, 4)
LAYOUT_OFFSET(GUID, Data3, 6, 6)
LAYOUT_OFFSET(GUID, Data4, 8, 8)
LAYOUT_SIZE(FILETIME, 8, 8)
LAYOUT_OFFSET(FILETIME, dwLowDateTime, 0, 0)
LAYOUT_OFFSET(FILETIME, dwHighDateTime, 4, 4)

/* naptypes.h: the enumerations and the scalar typedefs. */
LAYOUT_SIZE(IsolationState, 4, 4)
LAYOUT_SIZE(ExtendedIsolationState, 4, 4)
LAYOUT_SIZE(NapTracingLevel, 4, 4)
LAYOUT_SIZE(FailureCategory, 4, 4)
LAYOUT_SIZE(FixupState, 4, 4)
LAYOUT_SIZE(NapNotifyType, 4, 4)
LAYOUT_SIZE(RemoteConfigurationType, 4, 4)
LAYOUT_SIZE(ProbationTime, 8, 8)
LAYOUT_SIZE(MessageId, 4, 4)
LAYOUT_SIZE(NapComponentId, 4, 4)
LAYOUT_SIZE(SystemHealthEntityId, 4, 4)
LAYOUT_SIZE(EnforcementEntityId, 4, 4)
LAYOUT_SIZE(SystemHealthEntityCount, 2, 2)
LAYOUT_SIZE(EnforcementEntityCount, 2, 2)
LAYOUT_SIZE(ConnectionId, 16, 16)
LAYOUT_SIZE(Percentage, 1, 1)

/* naptypes.h: the structures.  A UINT16 before a pointer is padded to it. */
LAYOUT_SIZE(CountedString, 16, 8)
LAYOUT_OFFSET(CountedString, length, 0, 0)
LAYOUT_OFFSET(CountedString, string, 8, 4)
LAYOUT_SIZE(StringCorrelationId, 16, 8)
LAYOUT_SIZE(ResultCodes, 16, 8)
LAYOUT_OFFSET(ResultCodes, count, 0, 0)
LAYOUT_OFFSET(ResultCodes, results, 8, 4)
LAYOUT_SIZE(FixupInfo, 32, 20)
LAYOUT_OFFSET(FixupInfo, state, 0, 0)
LAYOUT_OFFSET(FixupInfo, percentage, 4, 4)
LAYOUT_OFFSET(FixupInfo, resultCodes, 8, 8)
LAYOUT_OFFSET(FixupInfo, fixupMsgId, 24, 16)
LAYOUT_SIZE(IsolationInfo, 32, 20)
LAYOUT_OFFSET(IsolationInfo, isolationState, 0, 0)
LAYOUT_OFFSET(IsolationInfo, probEndTime, 4, 4)
LAYOUT_OFFSET(IsolationInfo, failureUrl, 16, 12)
LAYOUT_SIZE(IsolationInfoEx, 32, 24)
LAYOUT_OFFSET(IsolationInfoEx, isolationState, 0, 0)
LAYOUT_OFFSET(IsolationInfoEx, extendedIsolationState, 4, 4)
LAYOUT_OFFSET(IsolationInfoEx, probEndTime, 8, 8)
LAYOUT_OFFSET(IsolationInfoEx, failureUrl, 16, 16)
LAYOUT_SIZE(FailureCategoryMapping, 20, 20)
LAYOUT_OFFSET(FailureCategoryMapping, mappingCompliance, 0, 0)
LAYOUT_SIZE(CorrelationId, 24, 24)
LAYOUT_OFFSET(CorrelationId, connId, 0, 0)
LAYOUT_OFFSET(CorrelationId, timeStamp, 16, 16)
LAYOUT_SIZE(Ipv4Address, 4, 4)
LAYOUT_SIZE(Ipv6Address, 16, 16)
LAYOUT_SIZE(SystemHealthAgentState, 64, 36)
LAYOUT_OFFSET(SystemHealthAgentState, id, 0, 0)
LAYOUT_OFFSET(SystemHealthAgentState, shaResultCodes, 8, 4)
LAYOUT_OFFSET(SystemHealthAgentState, failureCategory, 24, 12)
LAYOUT_OFFSET(SystemHealthAgentState, fixupInfo, 32, 16)
LAYOUT_SIZE(SoHAttribute, 16, 8)
LAYOUT_OFFSET(SoHAttribute, type, 0, 0)
LAYOUT_OFFSET(SoHAttribute, size, 2, 2)
LAYOUT_OFFSET(SoHAttribute, value, 8, 4)
LAYOUT_SIZE(SoH, 16, 8)
LAYOUT_OFFSET(SoH, count, 0, 0)
LAYOUT_OFFSET(SoH, attributes, 8, 4)
LAYOUT_SIZE(SoHRequest, 16, 8)
LAYOUT_SIZE(SoHResponse, 16, 8)
LAYOUT_SIZE(NetworkSoH, 16, 8)
LAYOUT_OFFSET(NetworkSoH, size, 0, 0)
LAYOUT_OFFSET(NetworkSoH, data, 8, 4)
LAYOUT_SIZE(NetworkSoHRequest, 16, 8)
LAYOUT_SIZE(NetworkSoHResponse, 16, 8)
LAYOUT_SIZE(PrivateData, 16, 8)
LAYOUT_OFFSET(PrivateData, size, 0, 0)
LAYOUT_OFFSET(PrivateData, data, 8, 4)
LAYOUT_SIZE(NapComponentRegistrationInfo, 120, 80)
LAYOUT_OFFSET(NapComponentRegistrationInfo, id, 0, 0)
LAYOUT_OFFSET(NapComponentRegistrationInfo, friendlyName, 8, 4)
LAYOUT_OFFSET(NapComponentRegistrationInfo, description, 24, 12)
LAYOUT_OFFSET(NapComponentRegistrationInfo, version, 40, 20)
LAYOUT_OFFSET(NapComponentRegistrationInfo, vendorName, 56, 28)
LAYOUT_OFFSET(NapComponentRegistrationInfo, infoClsid, 72, 36)
LAYOUT_OFFSET(NapComponentRegistrationInfo, configClsid, 88, 52)
LAYOUT_OFFSET(NapComponentRegistrationInfo, registrationDate, 104, 68)
LAYOUT_OFFSET(NapComponentRegistrationInfo, componentType, 112, 76)

/* napprotocol.h: the typed attribute value, a union of small structures. */
LAYOUT_SIZE(SoHAttributeType, 4, 4)
LAYOUT_SIZE(HealthClassValue, 4, 4)
/* The largest member on x86 is vendorSpecificVal: 4 + 2, padded, + pointer. */
LAYOUT_SIZE(SoHAttributeValue, 16, 12)
LAYOUT_OFFSET(SoHAttributeValue, idVal, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, v4AddressesVal.count, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, v4AddressesVal.addresses, 8, 4)
LAYOUT_OFFSET(SoHAttributeValue, v6AddressesVal.count, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, v6AddressesVal.addresses, 8, 4)
LAYOUT_OFFSET(SoHAttributeValue, codesVal.count, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, codesVal.results, 8, 4)
LAYOUT_OFFSET(SoHAttributeValue, dateTimeVal, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, vendorSpecificVal.vendorId, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, vendorSpecificVal.size, 4, 4)
LAYOUT_OFFSET(SoHAttributeValue, vendorSpecificVal.vendorSpecificData, 8, 8)
LAYOUT_OFFSET(SoHAttributeValue, uint8Val, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, octetStringVal.size, 0, 0)
LAYOUT_OFFSET(SoHAttributeValue, octetStringVal.data, 8, 4)

/* napenforcementclient.h: the connection list. */
LAYOUT_SIZE(ProtocolMaxSize, 4, 4)
LAYOUT_SIZE(Connections, 16, 8)
LAYOUT_OFFSET(Connections, count, 0, 0)
LAYOUT_OFFSET(Connections, connections, 8, 4)

/*
 * The interfaces: an object starts with its vtable pointer, and a vtable
 * holds one pointer per method, IUnknown's three first, then the methods in
 * IDL order.
 */
LAYOUT_SIZE(IUnknownVtbl, 3 * 8, 3 * 4)
LAYOUT_SLOT(IUnknownVtbl, QueryInterface, 0)
LAYOUT_SLOT(IUnknownVtbl, AddRef, 1)
LAYOUT_SLOT(IUnknownVtbl, Release, 2)
LAYOUT_OFFSET(IUnknown, lpVtbl, 0, 0)

LAYOUT_SIZE(INapEnforcementClientBindingVtbl, 10 * 8, 10 * 4)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, QueryInterface, 0)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, AddRef, 1)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, Release, 2)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, Initialize, 3)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, Uninitialize, 4)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, CreateConnection, 5)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, GetSoHRequest, 6)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, ProcessSoHResponse, 7)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, NotifyConnectionStateDown, 8)
LAYOUT_SLOT(INapEnforcementClientBindingVtbl, NotifySoHChangeFailure, 9)

LAYOUT_SIZE(INapEnforcementClientCallbackVtbl, 5 * 8, 5 * 4)
LAYOUT_SLOT(INapEnforcementClientCallbackVtbl, QueryInterface, 0)
LAYOUT_SLOT(INapEnforcementClientCallbackVtbl, AddRef, 1)
LAYOUT_SLOT(INapEnforcementClientCallbackVtbl, Release, 2)
LAYOUT_SLOT(INapEnforcementClientCallbackVtbl, NotifySoHChange, 3)
LAYOUT_SLOT(INapEnforcementClientCallbackVtbl, GetConnections, 4)

LAYOUT_SIZE(INapEnforcementClientConnectionVtbl, 23 * 8, 23 * 4)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, QueryInterface, 0)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, AddRef, 1)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, Release, 2)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, Initialize, 3)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetMaxSize, 4)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetMaxSize, 5)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetFlags, 6)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetFlags, 7)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetConnectionId, 8)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetConnectionId, 9)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetCorrelationId, 10)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetStringCorrelationId, 11)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetCorrelationId, 12)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetSoHRequest, 13)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetSoHRequest, 14)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetSoHResponse, 15)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetSoHResponse, 16)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetIsolationInfo, 17)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetIsolationInfo, 18)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetPrivateData, 19)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetPrivateData, 20)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, SetEnforcerPrivateData, 21)
LAYOUT_SLOT(INapEnforcementClientConnectionVtbl, GetEnforcerPrivateData, 22)

LAYOUT_SIZE(INapEnforcementClientConnection2Vtbl, 27 * 8, 27 * 4)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, QueryInterface, 0)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, AddRef, 1)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, Release, 2)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, Initialize, 3)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetMaxSize, 4)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetMaxSize, 5)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetFlags, 6)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetFlags, 7)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetConnectionId, 8)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetConnectionId, 9)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetCorrelationId, 10)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetStringCorrelationId, 11)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetCorrelationId, 12)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetSoHRequest, 13)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetSoHRequest, 14)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetSoHResponse, 15)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetSoHResponse, 16)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetIsolationInfo, 17)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetIsolationInfo, 18)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetPrivateData, 19)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetPrivateData, 20)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetEnforcerPrivateData, 21)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetEnforcerPrivateData, 22)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetIsolationInfoEx, 23)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetIsolationInfoEx, 24)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, GetInstalledShvs, 25)
LAYOUT_SLOT(INapEnforcementClientConnection2Vtbl, SetInstalledShvs, 26)

LAYOUT_SIZE(INapSoHConstructorVtbl, 7 * 8, 7 * 4)
LAYOUT_SLOT(INapSoHConstructorVtbl, QueryInterface, 0)
LAYOUT_SLOT(INapSoHConstructorVtbl, AddRef, 1)
LAYOUT_SLOT(INapSoHConstructorVtbl, Release, 2)
LAYOUT_SLOT(INapSoHConstructorVtbl, Initialize, 3)
LAYOUT_SLOT(INapSoHConstructorVtbl, AppendAttribute, 4)
LAYOUT_SLOT(INapSoHConstructorVtbl, GetSoH, 5)
LAYOUT_SLOT(INapSoHConstructorVtbl, Validate, 6)
LAYOUT_OFFSET(INapSoHConstructor, lpVtbl, 0, 0)

LAYOUT_SIZE(INapSoHProcessorVtbl, 7 * 8, 7 * 4)
LAYOUT_SLOT(INapSoHProcessorVtbl, QueryInterface, 0)
LAYOUT_SLOT(INapSoHProcessorVtbl, AddRef, 1)
LAYOUT_SLOT(INapSoHProcessorVtbl, Release, 2)
LAYOUT_SLOT(INapSoHProcessorVtbl, Initialize, 3)
LAYOUT_SLOT(INapSoHProcessorVtbl, FindNextAttribute, 4)
LAYOUT_SLOT(INapSoHProcessorVtbl, GetAttribute, 5)
LAYOUT_SLOT(INapSoHProcessorVtbl, GetNumberOfAttributes, 6)
LAYOUT_OFFSET(INapSoHProcessor, lpVtbl, 0, 0)

/* napsystemhealthagent.h */

/* napsystemhealthvalidator.h */

/* napcommon.h */

/* napmanagement.h */

/* napservermanagement.h */

/* napcertrelyingparty.h */
