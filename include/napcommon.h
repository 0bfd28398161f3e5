/*
 * napcommon.h - the interfaces every NAP component may offer the NAP tools:
 * its localized description (INapComponentInfo) and, for an SHV, the
 * reading, writing and editing of its configuration (INapComponentConfig,
 * INapComponentConfig2, INapComponentConfig3).
 *
 * Each interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.
 */
#ifndef NAPCOMMON_H
#define NAPCOMMON_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef __INapComponentConfig_FWD_DEFINED__
#define __INapComponentConfig_FWD_DEFINED__
typedef interface INapComponentConfig INapComponentConfig;
#endif
#ifndef __INapComponentInfo_FWD_DEFINED__
#define __INapComponentInfo_FWD_DEFINED__
typedef interface INapComponentInfo INapComponentInfo;
#endif
#ifndef __INapComponentConfig2_FWD_DEFINED__
#define __INapComponentConfig2_FWD_DEFINED__
typedef interface INapComponentConfig2 INapComponentConfig2;
#endif
#ifndef __INapComponentConfig3_FWD_DEFINED__
#define __INapComponentConfig3_FWD_DEFINED__
typedef interface INapComponentConfig3 INapComponentConfig3;
#endif

/* {A9E0AF1A-3713-478E-AE03-8EDD272D21FA} */
EXTERN_C NAPAPI const IID IID_INapComponentConfig;
/* {B475F925-E3F7-414C-8C72-1CEE64B9D8F6} */
EXTERN_C NAPAPI const IID IID_INapComponentInfo;
/* {47CBDB9E-1972-4F5E-BD3C-5EB6230614B5} */
EXTERN_C NAPAPI const IID IID_INapComponentConfig2;
/* {9C4A8101-8CFE-4332-876E-C4A49D1D3F77} */
EXTERN_C NAPAPI const IID IID_INapComponentConfig3;

/*
 * INapComponentConfig: how the NAP tools read and write an SHV's
 * configuration, an opaque blob, and open the SHV's own settings window.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("A9E0AF1A-3713-478E-AE03-8EDD272D21FA")
INapComponentConfig : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE IsUISupported(BOOL *isSupported) = 0;
    virtual HRESULT STDMETHODCALLTYPE InvokeUI(HWND hwndParent) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetConfig(UINT16 *bCount, BYTE **data) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetConfig(UINT16 bCount, BYTE *data) = 0;
};

#else

typedef struct INapComponentConfigVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapComponentConfig *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapComponentConfig *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapComponentConfig *This);
    HRESULT(STDMETHODCALLTYPE *IsUISupported)(INapComponentConfig *This, BOOL *isSupported);
    HRESULT(STDMETHODCALLTYPE *InvokeUI)(INapComponentConfig *This, HWND hwndParent);
    HRESULT(STDMETHODCALLTYPE *GetConfig)(INapComponentConfig *This, UINT16 *bCount, BYTE **data);
    HRESULT(STDMETHODCALLTYPE *SetConfig)(INapComponentConfig *This, UINT16 bCount, BYTE *data);
    END_INTERFACE
} INapComponentConfigVtbl;

interface INapComponentConfig {
    const struct INapComponentConfigVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapComponentConfig_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapComponentConfig_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapComponentConfig_Release(This) ((This)->lpVtbl->Release(This))
#define INapComponentConfig_IsUISupported(This, isSupported) \
    ((This)->lpVtbl->IsUISupported(This, isSupported))
#define INapComponentConfig_InvokeUI(This, hwndParent) ((This)->lpVtbl->InvokeUI(This, hwndParent))
#define INapComponentConfig_GetConfig(This, bCount, data) \
    ((This)->lpVtbl->GetConfig(This, bCount, data))
#define INapComponentConfig_SetConfig(This, bCount, data) \
    ((This)->lpVtbl->SetConfig(This, bCount, data))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapComponentConfig)

/*
 * INapComponentInfo: a component's localized names, icon and messages,
 * each string named by a MessageId that GetLocalizedString resolves.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("B475F925-E3F7-414C-8C72-1CEE64B9D8F6")
INapComponentInfo : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetFriendlyName(MessageId *friendlyName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetDescription(MessageId *description) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetVendorName(MessageId *vendorName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetVersion(MessageId *version) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetIcon(CountedString **dllFilePath,
                                              UINT32 *iconResourceId) = 0;
    virtual HRESULT STDMETHODCALLTYPE ConvertErrorCodeToMessageId(HRESULT errorCode,
                                                                  MessageId *msgId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetLocalizedString(MessageId msgId,
                                                         CountedString **string) = 0;
};

#else

typedef struct INapComponentInfoVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapComponentInfo *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapComponentInfo *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapComponentInfo *This);
    HRESULT(STDMETHODCALLTYPE *GetFriendlyName)(INapComponentInfo *This, MessageId *friendlyName);
    HRESULT(STDMETHODCALLTYPE *GetDescription)(INapComponentInfo *This, MessageId *description);
    HRESULT(STDMETHODCALLTYPE *GetVendorName)(INapComponentInfo *This, MessageId *vendorName);
    HRESULT(STDMETHODCALLTYPE *GetVersion)(INapComponentInfo *This, MessageId *version);
    HRESULT(STDMETHODCALLTYPE *GetIcon)(INapComponentInfo *This, CountedString **dllFilePath,
                                        UINT32 *iconResourceId);
    HRESULT(STDMETHODCALLTYPE *ConvertErrorCodeToMessageId)(INapComponentInfo *This,
                                                            HRESULT errorCode, MessageId *msgId);
    HRESULT(STDMETHODCALLTYPE *GetLocalizedString)(INapComponentInfo *This, MessageId msgId,
                                                   CountedString **string);
    END_INTERFACE
} INapComponentInfoVtbl;

interface INapComponentInfo {
    const struct INapComponentInfoVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapComponentInfo_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapComponentInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapComponentInfo_Release(This) ((This)->lpVtbl->Release(This))
#define INapComponentInfo_GetFriendlyName(This, friendlyName) \
    ((This)->lpVtbl->GetFriendlyName(This, friendlyName))
#define INapComponentInfo_GetDescription(This, description) \
    ((This)->lpVtbl->GetDescription(This, description))
#define INapComponentInfo_GetVendorName(This, vendorName) \
    ((This)->lpVtbl->GetVendorName(This, vendorName))
#define INapComponentInfo_GetVersion(This, version) ((This)->lpVtbl->GetVersion(This, version))
#define INapComponentInfo_GetIcon(This, dllFilePath, iconResourceId) \
    ((This)->lpVtbl->GetIcon(This, dllFilePath, iconResourceId))
#define INapComponentInfo_ConvertErrorCodeToMessageId(This, errorCode, msgId) \
    ((This)->lpVtbl->ConvertErrorCodeToMessageId(This, errorCode, msgId))
#define INapComponentInfo_GetLocalizedString(This, msgId, string) \
    ((This)->lpVtbl->GetLocalizedString(This, msgId, string))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapComponentInfo)

/*
 * INapComponentConfig2: configuration of an SHV on another machine, either
 * there directly or through a blob edited here; remoteConfigType is a
 * RemoteConfigurationType value.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("47CBDB9E-1972-4F5E-BD3C-5EB6230614B5")
INapComponentConfig2 : public INapComponentConfig {
public:
    virtual HRESULT STDMETHODCALLTYPE IsRemoteConfigSupported(BOOL *isSupported,
                                                              UINT8 *remoteConfigType) = 0;
    virtual HRESULT STDMETHODCALLTYPE InvokeUIForMachine(HWND hwndParent,
                                                         CountedString *machineName) = 0;
    virtual HRESULT STDMETHODCALLTYPE InvokeUIFromConfigBlob(HWND hwndParent,
                                                             UINT16 inbCount,
                                                             BYTE *inData,
                                                             UINT16 *outbCount,
                                                             BYTE **outdata,
                                                             BOOL *fConfigChanged) = 0;
};

#else

typedef struct INapComponentConfig2Vtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapComponentConfig2 *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapComponentConfig2 *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapComponentConfig2 *This);
    HRESULT(STDMETHODCALLTYPE *IsUISupported)(INapComponentConfig2 *This, BOOL *isSupported);
    HRESULT(STDMETHODCALLTYPE *InvokeUI)(INapComponentConfig2 *This, HWND hwndParent);
    HRESULT(STDMETHODCALLTYPE *GetConfig)(INapComponentConfig2 *This, UINT16 *bCount, BYTE **data);
    HRESULT(STDMETHODCALLTYPE *SetConfig)(INapComponentConfig2 *This, UINT16 bCount, BYTE *data);
    HRESULT(STDMETHODCALLTYPE *IsRemoteConfigSupported)(INapComponentConfig2 *This,
                                                        BOOL *isSupported, UINT8 *remoteConfigType);
    HRESULT(STDMETHODCALLTYPE *InvokeUIForMachine)(INapComponentConfig2 *This, HWND hwndParent,
                                                   CountedString *machineName);
    HRESULT(STDMETHODCALLTYPE *InvokeUIFromConfigBlob)(INapComponentConfig2 *This, HWND hwndParent,
                                                       UINT16 inbCount, BYTE *inData,
                                                       UINT16 *outbCount, BYTE **outdata,
                                                       BOOL *fConfigChanged);
    END_INTERFACE
} INapComponentConfig2Vtbl;

interface INapComponentConfig2 {
    const struct INapComponentConfig2Vtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapComponentConfig2_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapComponentConfig2_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapComponentConfig2_Release(This) ((This)->lpVtbl->Release(This))
#define INapComponentConfig2_IsUISupported(This, isSupported) \
    ((This)->lpVtbl->IsUISupported(This, isSupported))
#define INapComponentConfig2_InvokeUI(This, hwndParent) ((This)->lpVtbl->InvokeUI(This, hwndParent))
#define INapComponentConfig2_GetConfig(This, bCount, data) \
    ((This)->lpVtbl->GetConfig(This, bCount, data))
#define INapComponentConfig2_SetConfig(This, bCount, data) \
    ((This)->lpVtbl->SetConfig(This, bCount, data))
#define INapComponentConfig2_IsRemoteConfigSupported(This, isSupported, remoteConfigType) \
    ((This)->lpVtbl->IsRemoteConfigSupported(This, isSupported, remoteConfigType))
#define INapComponentConfig2_InvokeUIForMachine(This, hwndParent, machineName) \
    ((This)->lpVtbl->InvokeUIForMachine(This, hwndParent, machineName))
#define INapComponentConfig2_InvokeUIFromConfigBlob(This, hwndParent, inbCount, inData, outbCount, \
                                                    outdata, fConfigChanged) \
    ((This)->lpVtbl->InvokeUIFromConfigBlob(This, hwndParent, inbCount, inData, outbCount, \
                                            outdata, fConfigChanged))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapComponentConfig2)

/*
 * INapComponentConfig3: several numbered configurations per SHV; 0 names
 * the default one.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("9C4A8101-8CFE-4332-876E-C4A49D1D3F77")
INapComponentConfig3 : public INapComponentConfig2 {
public:
    virtual HRESULT STDMETHODCALLTYPE NewConfig(UINT32 configID) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteConfig(UINT32 configID) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteAllConfig(void) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetConfigFromID(UINT32 configID,
                                                      UINT16 *count,
                                                      BYTE **outdata) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetConfigToID(UINT32 configID, UINT16 count, BYTE *data) = 0;
};

#else

typedef struct INapComponentConfig3Vtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapComponentConfig3 *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapComponentConfig3 *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapComponentConfig3 *This);
    HRESULT(STDMETHODCALLTYPE *IsUISupported)(INapComponentConfig3 *This, BOOL *isSupported);
    HRESULT(STDMETHODCALLTYPE *InvokeUI)(INapComponentConfig3 *This, HWND hwndParent);
    HRESULT(STDMETHODCALLTYPE *GetConfig)(INapComponentConfig3 *This, UINT16 *bCount, BYTE **data);
    HRESULT(STDMETHODCALLTYPE *SetConfig)(INapComponentConfig3 *This, UINT16 bCount, BYTE *data);
    HRESULT(STDMETHODCALLTYPE *IsRemoteConfigSupported)(INapComponentConfig3 *This,
                                                        BOOL *isSupported, UINT8 *remoteConfigType);
    HRESULT(STDMETHODCALLTYPE *InvokeUIForMachine)(INapComponentConfig3 *This, HWND hwndParent,
                                                   CountedString *machineName);
    HRESULT(STDMETHODCALLTYPE *InvokeUIFromConfigBlob)(INapComponentConfig3 *This, HWND hwndParent,
                                                       UINT16 inbCount, BYTE *inData,
                                                       UINT16 *outbCount, BYTE **outdata,
                                                       BOOL *fConfigChanged);
    HRESULT(STDMETHODCALLTYPE *NewConfig)(INapComponentConfig3 *This, UINT32 configID);
    HRESULT(STDMETHODCALLTYPE *DeleteConfig)(INapComponentConfig3 *This, UINT32 configID);
    HRESULT(STDMETHODCALLTYPE *DeleteAllConfig)(INapComponentConfig3 *This);
    HRESULT(STDMETHODCALLTYPE *GetConfigFromID)(INapComponentConfig3 *This, UINT32 configID,
                                                UINT16 *count, BYTE **outdata);
    HRESULT(STDMETHODCALLTYPE *SetConfigToID)(INapComponentConfig3 *This, UINT32 configID,
                                              UINT16 count, BYTE *data);
    END_INTERFACE
} INapComponentConfig3Vtbl;

interface INapComponentConfig3 {
    const struct INapComponentConfig3Vtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapComponentConfig3_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapComponentConfig3_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapComponentConfig3_Release(This) ((This)->lpVtbl->Release(This))
#define INapComponentConfig3_IsUISupported(This, isSupported) \
    ((This)->lpVtbl->IsUISupported(This, isSupported))
#define INapComponentConfig3_InvokeUI(This, hwndParent) ((This)->lpVtbl->InvokeUI(This, hwndParent))
#define INapComponentConfig3_GetConfig(This, bCount, data) \
    ((This)->lpVtbl->GetConfig(This, bCount, data))
#define INapComponentConfig3_SetConfig(This, bCount, data) \
    ((This)->lpVtbl->SetConfig(This, bCount, data))
#define INapComponentConfig3_IsRemoteConfigSupported(This, isSupported, remoteConfigType) \
    ((This)->lpVtbl->IsRemoteConfigSupported(This, isSupported, remoteConfigType))
#define INapComponentConfig3_InvokeUIForMachine(This, hwndParent, machineName) \
    ((This)->lpVtbl->InvokeUIForMachine(This, hwndParent, machineName))
#define INapComponentConfig3_InvokeUIFromConfigBlob(This, hwndParent, inbCount, inData, outbCount, \
                                                    outdata, fConfigChanged) \
    ((This)->lpVtbl->InvokeUIFromConfigBlob(This, hwndParent, inbCount, inData, outbCount, \
                                            outdata, fConfigChanged))
#define INapComponentConfig3_NewConfig(This, configID) ((This)->lpVtbl->NewConfig(This, configID))
#define INapComponentConfig3_DeleteConfig(This, configID) \
    ((This)->lpVtbl->DeleteConfig(This, configID))
#define INapComponentConfig3_DeleteAllConfig(This) ((This)->lpVtbl->DeleteAllConfig(This))
#define INapComponentConfig3_GetConfigFromID(This, configID, count, outdata) \
    ((This)->lpVtbl->GetConfigFromID(This, configID, count, outdata))
#define INapComponentConfig3_SetConfigToID(This, configID, count, data) \
    ((This)->lpVtbl->SetConfigToID(This, configID, count, data))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapComponentConfig3)

#ifdef __cplusplus
}
#endif

#endif /* NAPCOMMON_H */
