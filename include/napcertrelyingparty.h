/*
 * napcertrelyingparty.h - how a component that relies on NAP health
 * certificates subscribes to a health certificate server through the NAP
 * agent (INapCertRelyingParty), and the two certificate property IDs the
 * agent sets on the certificates it keeps.
 *
 * The interface has the Windows SDK's C++ and C views, as described in
 * napenforcementclient.h.
 */
#ifndef NAPCERTRELYINGPARTY_H
#define NAPCERTRELYINGPARTY_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Certificate property IDs, the first two after CERT_FIRST_USER_PROP_ID
 * (0x8000) of wincrypt.h: the zone and the protection level of a health
 * certificate.  Enumerators here, so that they are constant expressions in
 * C as in C++ and need neither wincrypt.h nor storage.
 */
enum {
    NapAfwZonePropId = 0x8000,
    NapAfwProtectionLevelPropId = 0x8000 + 1
};

#ifndef __INapCertRelyingParty_FWD_DEFINED__
#define __INapCertRelyingParty_FWD_DEFINED__
typedef interface INapCertRelyingParty INapCertRelyingParty;
#endif

/* {62C02FFC-4C77-4158-8754-782D5B4EE66E} */
EXTERN_C NAPAPI const IID IID_INapCertRelyingParty;
/* {E5FAE3B3-1AC8-4BD3-87E6-48EFF509DDAA} */
EXTERN_C NAPAPI const CLSID CLSID_NapCertRelyingParty;

/*
 * INapCertRelyingParty: subscribe an enforcement client to health
 * certificates, so that the NAP agent keeps one in the machine store while
 * any subscriber remains.  The reserved VARIANT arguments must be NULL.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("62C02FFC-4C77-4158-8754-782D5B4EE66E")
INapCertRelyingParty : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE SubscribeCertByGroup(EnforcementEntityId id,
                                                           const BSTR subscriberName,
                                                           const VARIANT *reserved,
                                                           BOOL *certExists) = 0;
    virtual HRESULT STDMETHODCALLTYPE UnSubscribeCertByGroup(EnforcementEntityId id,
                                                             const VARIANT *reserved) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSubscribedRelyingParties(
        EnforcementEntityCount *count, EnforcementEntityId **relyingParties) = 0;
};

#else

typedef struct INapCertRelyingPartyVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(INapCertRelyingParty *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(INapCertRelyingParty *This);
    ULONG(STDMETHODCALLTYPE *Release)(INapCertRelyingParty *This);
    HRESULT(STDMETHODCALLTYPE *SubscribeCertByGroup)(INapCertRelyingParty *This,
                                                     EnforcementEntityId id,
                                                     const BSTR subscriberName,
                                                     const VARIANT *reserved, BOOL *certExists);
    HRESULT(STDMETHODCALLTYPE *UnSubscribeCertByGroup)(INapCertRelyingParty *This,
                                                       EnforcementEntityId id,
                                                       const VARIANT *reserved);
    HRESULT(STDMETHODCALLTYPE *GetSubscribedRelyingParties)(
        INapCertRelyingParty *This, EnforcementEntityCount *count,
        EnforcementEntityId **relyingParties);
    END_INTERFACE
} INapCertRelyingPartyVtbl;

interface INapCertRelyingParty {
    const struct INapCertRelyingPartyVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define INapCertRelyingParty_QueryInterface(This, riid, ppvObject) \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define INapCertRelyingParty_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define INapCertRelyingParty_Release(This) ((This)->lpVtbl->Release(This))
#define INapCertRelyingParty_SubscribeCertByGroup(This, id, subscriberName, reserved, \
                                                  certExists) \
    ((This)->lpVtbl->SubscribeCertByGroup(This, id, subscriberName, reserved, certExists))
#define INapCertRelyingParty_UnSubscribeCertByGroup(This, id, reserved) \
    ((This)->lpVtbl->UnSubscribeCertByGroup(This, id, reserved))
#define INapCertRelyingParty_GetSubscribedRelyingParties(This, count, relyingParties) \
    ((This)->lpVtbl->GetSubscribedRelyingParties(This, count, relyingParties))
#endif

#endif /* C++ or C view */

NAPUTIL_UUIDOF_TRAIT(INapCertRelyingParty)

#ifdef __cplusplus
}
#endif

#endif /* NAPCERTRELYINGPARTY_H */
