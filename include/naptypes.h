/*
 * naptypes.h - the constants, enumerations and structures shared by the
 * whole NAP API.  Field order and types are those of the Windows SDK, so
 * sizes and offsets are those of Windows with pointers of the same width:
 * the Windows x64 layout on LP64 Linux (amd64, arm64, ppc64el, s390x) and
 * the Windows x86 layout on ILP32 Linux (i386, armhf, armel).  Only the
 * pointers change width, so a UINT16 count followed by a pointer, as in
 * CountedString, takes 16 bytes on LP64 and 8 on ILP32.
 *
 * Every pointer inside these structures is its own CoTaskMemAlloc block, and
 * the matching Free* function of naputil.h releases it.
 */
#ifndef NAPTYPES_H
#define NAPTYPES_H

#include "napwinbase.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Flags and limits. */
#define freshSoHRequest 0x1
#define shaFixup 0x1
#define percentageNotSupported 101
#define maxSoHAttributeCount 100
#define maxSoHAttributeSize 4000
#define minNetworkSoHSize 12
#define maxNetworkSoHSize 4000
#define maxDwordCountPerSoHAttribute (maxSoHAttributeSize / sizeof(DWORD))
#define maxIpv4CountPerSoHAttribute (maxSoHAttributeSize / 4)
#define maxIpv6CountPerSoHAttribute (maxSoHAttributeSize / 16)
#define maxStringLength 1024
#define maxStringLengthInBytes ((maxStringLength + 1) * sizeof(WCHAR))
#define maxSystemHealthEntityCount 20
#define maxEnforcerCount 20
#define maxPrivateDataSize 200
#define maxConnectionCountPerEnforcer 20
#define maxCachedSoHCount                                                   \
    (maxSystemHealthEntityCount * maxEnforcerCount * maxConnectionCountPerEnforcer)
#define failureCategoryCount 5
#define ComponentTypeEnforcementClientSoH 0x1
#define ComponentTypeEnforcementClientRp 0x2

typedef enum tagIsolationState {
    isolationStateNotRestricted = 1,
    isolationStateInProbation = 2,
    isolationStateRestrictedAccess = 3
} IsolationState;

typedef enum tagExtendedIsolationState {
    extendedIsolationStateNoData = 0,
    extendedIsolationStateTransition = 1,
    extendedIsolationStateInfected = 2,
    extendedIsolationStateUnknown = 3
} ExtendedIsolationState;

typedef enum tagNapTracingLevel {
    tracingLevelUndefined = 0,
    tracingLevelBasic = 1,
    tracingLevelAdvanced = 2,
    tracingLevelDebug = 3
} NapTracingLevel;

typedef enum tagFailureCategory {
    failureCategoryNone = 0,
    failureCategoryOther = 1,
    failureCategoryClientComponent = 2,
    failureCategoryClientCommunication = 3,
    failureCategoryServerComponent = 4,
    failureCategoryServerCommunication = 5
} FailureCategory;

typedef enum tagFixupState {
    fixupStateSuccess = 0,
    fixupStateInProgress = 1,
    fixupStateCouldNotUpdate = 2
} FixupState;

typedef enum tagNapNotifyType {
    napNotifyTypeUnknown = 0,
    napNotifyTypeServiceState = 1,
    napNotifyTypeQuarState = 2
} NapNotifyType;

typedef enum tagRemoteConfigurationType {
    remoteConfigTypeMachine = 1,
    remoteConfigTypeConfigBlob = 2
} RemoteConfigurationType;

typedef FILETIME ProbationTime;
typedef UINT32 MessageId;
/* 3-byte SMI vendor code followed by a 1-byte component number. */
typedef UINT32 NapComponentId;
typedef NapComponentId SystemHealthEntityId;
typedef NapComponentId EnforcementEntityId;
typedef UINT16 SystemHealthEntityCount;
typedef UINT16 EnforcementEntityCount;
typedef GUID ConnectionId;
/* 0..100, or percentageNotSupported. */
typedef UINT8 Percentage;

/* A UTF-16 string: length counts the units before the terminating NUL. */
typedef struct tagCountedString {
    UINT16 length;
    WCHAR *string;
} CountedString;

typedef CountedString StringCorrelationId;

typedef struct tagIsolationInfo {
    IsolationState isolationState;
    ProbationTime probEndTime;
    CountedString failureUrl;
} IsolationInfo;

typedef struct tagIsolationInfoEx {
    IsolationState isolationState;
    ExtendedIsolationState extendedIsolationState;
    ProbationTime probEndTime;
    CountedString failureUrl;
} IsolationInfoEx;

/* Entry i is the compliance of failure category i + 1. */
typedef struct tagFailureCategoryMapping {
    BOOL mappingCompliance[failureCategoryCount];
} FailureCategoryMapping;

typedef struct tagCorrelationId {
    GUID connId;
    FILETIME timeStamp;
} CorrelationId;

/* The codes are in host byte order. */
typedef struct tagResultCodes {
    UINT16 count;
    HRESULT *results;
} ResultCodes;

typedef struct tagIpv4Address {
    BYTE addr[4];
} Ipv4Address;

typedef struct tagIpv6Address {
    BYTE addr[16];
} Ipv6Address;

typedef struct tagFixupInfo {
    FixupState state;
    Percentage percentage;
    ResultCodes resultCodes;
    MessageId fixupMsgId;
} FixupInfo;

typedef struct tagSystemHealthAgentState {
    SystemHealthEntityId id;
    ResultCodes shaResultCodes;
    FailureCategory failureCategory;
    FixupInfo fixupInfo;
} SystemHealthAgentState;

/* One TLV: value holds the size serialized bytes, in network byte order. */
typedef struct tagSoHAttribute {
    UINT16 type;
    UINT16 size;
    BYTE *value;
} SoHAttribute;

typedef struct tagSoH {
    UINT16 count;
    SoHAttribute *attributes;
} SoH, SoHRequest, SoHResponse;

/* A whole SoH message as it crosses the network. */
typedef struct tagNetworkSoH {
    UINT16 size;
    BYTE *data;
} NetworkSoH, NetworkSoHRequest, NetworkSoHResponse;

typedef struct tagPrivateData {
    UINT16 size;
    BYTE *data;
} PrivateData;

typedef struct tagNapComponentRegistrationInfo {
    NapComponentId id;
    CountedString friendlyName;
    CountedString description;
    CountedString version;
    CountedString vendorName;
    CLSID infoClsid;
    CLSID configClsid;
    FILETIME registrationDate;
    UINT32 componentType;
} NapComponentRegistrationInfo;

#ifdef __cplusplus
}
#endif

#endif /* NAPTYPES_H */
