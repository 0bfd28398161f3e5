/*
 * napsystemhealthvalidator.h - the interfaces between a system health
 * validator (SHV) and the NAP server: the validator the SHV implements, the
 * callback that completes an asynchronous validation, and the request object
 * that carries one SoH request and its response.
 *
 * Each interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.
 */
#ifndef NAPSYSTEMHEALTHVALIDATOR_H
#define NAPSYSTEMHEALTHVALIDATOR_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef __INapSystemHealthValidator_FWD_DEFINED__
#define __INapSystemHealthValidator_FWD_DEFINED__
typedef interface INapSystemHealthValidator INapSystemHealthValidator;
#endif
#ifndef __AsyncINapSystemHealthValidator_FWD_DEFINED__
#define __AsyncINapSystemHealthValidator_FWD_DEFINED__
typedef interface AsyncINapSystemHealthValidator AsyncINapSystemHealthValidator;
#endif
#ifndef __INapServerCallback_FWD_DEFINED__
#define __INapServerCallback_FWD_DEFINED__
typedef interface INapServerCallback INapServerCallback;
#endif
#ifndef __INapSystemHealthValidationRequest_FWD_DEFINED__
#define __INapSystemHealthValidationRequest_FWD_DEFINED__
typedef interface INapSystemHealthValidationRequest INapSystemHealthValidationRequest;
#endif
#ifndef __INapSystemHealthValidationRequest2_FWD_DEFINED__
#define __INapSystemHealthValidationRequest2_FWD_DEFINED__
typedef interface INapSystemHealthValidationRequest2 INapSystemHealthValidationRequest2;
#endif

/* {EF43D87C-5B6D-4820-8620-868907FE07D3} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthValidator;
/* {2516031A-A391-454D-B53D-C5DC84C7F2DB} */
EXTERN_C NAPAPI const IID IID_AsyncINapSystemHealthValidator;
/* {09C20568-F30C-489B-AE9C-4930AD7F165F} */
EXTERN_C NAPAPI const IID IID_INapServerCallback;
/* {ADACB3A0-D4F4-4F17-8933-51D60FCCA606} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthValidationRequest;
/* {91A5D706-0CB4-4A84-8315-9380D453E385} */
EXTERN_C NAPAPI const IID IID_INapSystemHealthValidationRequest2;

/*
 * INapSystemHealthValidator: implemented by a system health validator (SHV);
 * the NAP server calls Validate with each SoH request meant for it.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("EF43D87C-5B6D-4820-8620-868907FE07D3")
INapSystemHealthValidator : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Validate(INapSystemHealthValidationRequest *request,
                                               UINT32 hintTimeOutInMsec,
                                               INapServerCallback *callback) = 0;
};

#else

typedef struct INapSystemHealthValidatorVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthValidator *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthValidator *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthValidator *This);
    HRESULT(STDMETHODCALLTYPE *Validate)(INapSystemHealthValidator *This,
                                         INapSystemHealthValidationRequest *request,
                                         UINT32 hintTimeOutInMsec, INapServerCallback *callback);
    END_INTERFACE
} INapSystemHealthValidatorVtbl;

interface INapSystemHealthValidator {
    const struct INapSystemHealthValidatorVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthValidator_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthValidator_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthValidator_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthValidator_Validate(This, request, hintTimeOutInMsec, callback) \
    ((This)->lpVtbl->Validate(This, request, hintTimeOutInMsec, callback))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthValidator)

/* AsyncINapSystemHealthValidator: Validate split into its Begin_ and Finish_ halves. */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("2516031A-A391-454D-B53D-C5DC84C7F2DB")
AsyncINapSystemHealthValidator : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE Begin_Validate(INapSystemHealthValidationRequest *request,
                                                     UINT32 hintTimeOutInMsec,
                                                     INapServerCallback *callback) = 0;
    virtual HRESULT STDMETHODCALLTYPE Finish_Validate(void) = 0;
};

#else

typedef struct AsyncINapSystemHealthValidatorVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(AsyncINapSystemHealthValidator *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(AsyncINapSystemHealthValidator *This);
    ULONG(STDMETHODCALLTYPE *Release)(AsyncINapSystemHealthValidator *This);
    HRESULT(STDMETHODCALLTYPE *Begin_Validate)(AsyncINapSystemHealthValidator *This,
                                               INapSystemHealthValidationRequest *request,
                                               UINT32 hintTimeOutInMsec,
                                               INapServerCallback *callback);
    HRESULT(STDMETHODCALLTYPE *Finish_Validate)(AsyncINapSystemHealthValidator *This);
    END_INTERFACE
} AsyncINapSystemHealthValidatorVtbl;

interface AsyncINapSystemHealthValidator {
    const struct AsyncINapSystemHealthValidatorVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define AsyncINapSystemHealthValidator_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define AsyncINapSystemHealthValidator_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define AsyncINapSystemHealthValidator_Release(This) ((This)->lpVtbl->Release(This))
#define AsyncINapSystemHealthValidator_Begin_Validate(This, request, hintTimeOutInMsec, callback) \
    ((This)->lpVtbl->Begin_Validate(This, request, hintTimeOutInMsec, callback))
#define AsyncINapSystemHealthValidator_Finish_Validate(This) ((This)->lpVtbl->Finish_Validate(This))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(AsyncINapSystemHealthValidator)

/*
 * INapServerCallback: how an SHV that answered Validate with E_PENDING
 * reports later that the validation is done.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("09C20568-F30C-489B-AE9C-4930AD7F165F")
INapServerCallback : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE OnComplete(INapSystemHealthValidationRequest *request,
                                                 HRESULT errorCode) = 0;
};

#else

typedef struct INapServerCallbackVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapServerCallback *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapServerCallback *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapServerCallback *This);
    HRESULT(STDMETHODCALLTYPE *OnComplete)(INapServerCallback *This,
                                           INapSystemHealthValidationRequest *request,
                                           HRESULT errorCode);
    END_INTERFACE
} INapServerCallbackVtbl;

interface INapServerCallback {
    const struct INapServerCallbackVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapServerCallback_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapServerCallback_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapServerCallback_Release(This) ((This)->lpVtbl->Release(This))
#define INapServerCallback_OnComplete(This, request, errorCode) \
    ((This)->lpVtbl->OnComplete(This, request, errorCode))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapServerCallback)

/*
 * INapSystemHealthValidationRequest: one validation as the SHV sees it; it
 * reads the client's SoH request here and sets its SoH response.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("ADACB3A0-D4F4-4F17-8933-51D60FCCA606")
INapSystemHealthValidationRequest : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetCorrelationId(CorrelationId *correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetStringCorrelationId(
        StringCorrelationId **correlationId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMachineName(CountedString **machineName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHRequest(SoHRequest **sohRequest,
                                                    BOOL *napSystemGenerated) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetSoHResponse(const SoHResponse *sohResponse) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSoHResponse(SoHResponse **sohResponse) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetPrivateData(const PrivateData *privateData) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetPrivateData(PrivateData **privateData) = 0;
};

#else

typedef struct INapSystemHealthValidationRequestVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthValidationRequest *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthValidationRequest *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthValidationRequest *This);
    HRESULT(STDMETHODCALLTYPE *GetCorrelationId)(INapSystemHealthValidationRequest *This,
                                                 CorrelationId *correlationId);
    HRESULT(STDMETHODCALLTYPE *GetStringCorrelationId)(INapSystemHealthValidationRequest *This,
                                                       StringCorrelationId **correlationId);
    HRESULT(STDMETHODCALLTYPE *GetMachineName)(INapSystemHealthValidationRequest *This,
                                               CountedString **machineName);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapSystemHealthValidationRequest *This,
                                              SoHRequest **sohRequest, BOOL *napSystemGenerated);
    HRESULT(STDMETHODCALLTYPE *SetSoHResponse)(INapSystemHealthValidationRequest *This,
                                               const SoHResponse *sohResponse);
    HRESULT(STDMETHODCALLTYPE *GetSoHResponse)(INapSystemHealthValidationRequest *This,
                                               SoHResponse **sohResponse);
    HRESULT(STDMETHODCALLTYPE *SetPrivateData)(INapSystemHealthValidationRequest *This,
                                               const PrivateData *privateData);
    HRESULT(STDMETHODCALLTYPE *GetPrivateData)(INapSystemHealthValidationRequest *This,
                                               PrivateData **privateData);
    END_INTERFACE
} INapSystemHealthValidationRequestVtbl;

interface INapSystemHealthValidationRequest {
    const struct INapSystemHealthValidationRequestVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthValidationRequest_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthValidationRequest_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthValidationRequest_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthValidationRequest_GetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetCorrelationId(This, correlationId))
#define INapSystemHealthValidationRequest_GetStringCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetStringCorrelationId(This, correlationId))
#define INapSystemHealthValidationRequest_GetMachineName(This, machineName) \
    ((This)->lpVtbl->GetMachineName(This, machineName))
#define INapSystemHealthValidationRequest_GetSoHRequest(This, sohRequest, napSystemGenerated) \
    ((This)->lpVtbl->GetSoHRequest(This, sohRequest, napSystemGenerated))
#define INapSystemHealthValidationRequest_SetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->SetSoHResponse(This, sohResponse))
#define INapSystemHealthValidationRequest_GetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->GetSoHResponse(This, sohResponse))
#define INapSystemHealthValidationRequest_SetPrivateData(This, privateData) \
    ((This)->lpVtbl->SetPrivateData(This, privateData))
#define INapSystemHealthValidationRequest_GetPrivateData(This, privateData) \
    ((This)->lpVtbl->GetPrivateData(This, privateData))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthValidationRequest)

/*
 * INapSystemHealthValidationRequest2: the request with one more method, which
 * names the SHV configuration that applies to it.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("91A5D706-0CB4-4A84-8315-9380D453E385")
INapSystemHealthValidationRequest2 : public INapSystemHealthValidationRequest {
public:
    virtual HRESULT STDMETHODCALLTYPE GetConfigID(UINT32 *configID) = 0;
};

#else

typedef struct INapSystemHealthValidationRequest2Vtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapSystemHealthValidationRequest2 *This,
                                               REFIID riid, void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapSystemHealthValidationRequest2 *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapSystemHealthValidationRequest2 *This);
    HRESULT(STDMETHODCALLTYPE *GetCorrelationId)(INapSystemHealthValidationRequest2 *This,
                                                 CorrelationId *correlationId);
    HRESULT(STDMETHODCALLTYPE *GetStringCorrelationId)(INapSystemHealthValidationRequest2 *This,
                                                       StringCorrelationId **correlationId);
    HRESULT(STDMETHODCALLTYPE *GetMachineName)(INapSystemHealthValidationRequest2 *This,
                                               CountedString **machineName);
    HRESULT(STDMETHODCALLTYPE *GetSoHRequest)(INapSystemHealthValidationRequest2 *This,
                                              SoHRequest **sohRequest, BOOL *napSystemGenerated);
    HRESULT(STDMETHODCALLTYPE *SetSoHResponse)(INapSystemHealthValidationRequest2 *This,
                                               const SoHResponse *sohResponse);
    HRESULT(STDMETHODCALLTYPE *GetSoHResponse)(INapSystemHealthValidationRequest2 *This,
                                               SoHResponse **sohResponse);
    HRESULT(STDMETHODCALLTYPE *SetPrivateData)(INapSystemHealthValidationRequest2 *This,
                                               const PrivateData *privateData);
    HRESULT(STDMETHODCALLTYPE *GetPrivateData)(INapSystemHealthValidationRequest2 *This,
                                               PrivateData **privateData);
    HRESULT(STDMETHODCALLTYPE *GetConfigID)(INapSystemHealthValidationRequest2 *This,
                                            UINT32 *configID);
    END_INTERFACE
} INapSystemHealthValidationRequest2Vtbl;

interface INapSystemHealthValidationRequest2 {
    const struct INapSystemHealthValidationRequest2Vtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapSystemHealthValidationRequest2_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapSystemHealthValidationRequest2_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapSystemHealthValidationRequest2_Release(This) ((This)->lpVtbl->Release(This))
#define INapSystemHealthValidationRequest2_GetCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetCorrelationId(This, correlationId))
#define INapSystemHealthValidationRequest2_GetStringCorrelationId(This, correlationId) \
    ((This)->lpVtbl->GetStringCorrelationId(This, correlationId))
#define INapSystemHealthValidationRequest2_GetMachineName(This, machineName) \
    ((This)->lpVtbl->GetMachineName(This, machineName))
#define INapSystemHealthValidationRequest2_GetSoHRequest(This, sohRequest, napSystemGenerated) \
    ((This)->lpVtbl->GetSoHRequest(This, sohRequest, napSystemGenerated))
#define INapSystemHealthValidationRequest2_SetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->SetSoHResponse(This, sohResponse))
#define INapSystemHealthValidationRequest2_GetSoHResponse(This, sohResponse) \
    ((This)->lpVtbl->GetSoHResponse(This, sohResponse))
#define INapSystemHealthValidationRequest2_SetPrivateData(This, privateData) \
    ((This)->lpVtbl->SetPrivateData(This, privateData))
#define INapSystemHealthValidationRequest2_GetPrivateData(This, privateData) \
    ((This)->lpVtbl->GetPrivateData(This, privateData))
#define INapSystemHealthValidationRequest2_GetConfigID(This, configID) \
    ((This)->lpVtbl->GetConfigID(This, configID))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapSystemHealthValidationRequest2)

#ifdef __cplusplus
}
#endif

#endif /* NAPSYSTEMHEALTHVALIDATOR_H */
