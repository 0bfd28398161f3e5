/*
 * check_layout.c - tests that the public headers match Windows: every size
 * and field offset of layout_entries.h as Windows lays it out for this data
 * model (Windows x64 on LP64 Linux, Windows x86 on ILP32 Linux), every
 * vtable slot in IDL order, and the values of the constants, enumerations,
 * HRESULTs and interface IDs.  check_layout_sdk.sh checks the same entries
 * against the Windows SDK headers at compile time.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define COBJMACROS
#include "naputil.h"
#include "napmicrosoftvendorids.h"
#include "napsystemhealthagent.h"
#include "napsystemhealthvalidator.h"
#include "napcommon.h"
#include "napmanagement.h"
#include "napservermanagement.h"
#include "napcertrelyingparty.h"
#include "testutil.h"

struct expectation {
    const char *name;
    unsigned long long actual;
    unsigned long long expected;
};

#define VALUE(name, expected) {#name, (unsigned long long)(name), expected}

static void check_expectation(const struct expectation *e)
{
    ck_assert_msg(e->actual == e->expected, "%s is %llu, expected %llu", e->name, e->actual,
                  e->expected);
}

/*
 * The Linux data models the layouts are promised for: LP64 Linux (amd64,
 * arm64, ppc64el, s390x) lays the NAP types out as Windows x64 does, ILP32
 * Linux (i386, armhf, armel) as Windows x86 does.
 */
enum data_model { MODEL_LP64, MODEL_ILP32, MODEL_OTHER };

static enum data_model data_model(void)
{
    if (sizeof(void *) == 8 && sizeof(long) == 8)
        return MODEL_LP64;
    if (sizeof(void *) == 4 && sizeof(long) == 4)
        return MODEL_ILP32;
    return MODEL_OTHER;
}

static const char *const windows_layout_name[MODEL_OTHER] = {
    [MODEL_LP64] = "Windows x64",
    [MODEL_ILP32] = "Windows x86",
};

/* Fails, naming the model, unless the table has a column for it. */
static enum data_model supported_data_model(void)
{
    enum data_model model = data_model();

    ck_assert_msg(model != MODEL_OTHER,
                  "unsupported data model (pointers %zu bytes, long %zu bytes): the layout "
                  "table has columns only for LP64 (Windows x64) and ILP32 (Windows x86)",
                  sizeof(void *), sizeof(long));
    return model;
}

START_TEST(data_model_has_a_windows_layout)
{
    supported_data_model();
}
END_TEST

/*
 * One row per size or offset of layout_entries.h, naming it once with its
 * Windows x64 and its Windows x86 value.
 */
struct layout_entry {
    const char *name;
    unsigned long long actual;
    unsigned long long expected[MODEL_OTHER]; /* the x64 value, then the x86 one */
};

#define LAYOUT_SIZE(type, x64, x86) {"sizeof(" #type ")", sizeof(type), {x64, x86}},
#define LAYOUT_OFFSET(type, field, x64, x86) \
    {#type "." #field, offsetof(type, field), {x64, x86}},
#define LAYOUT_SLOT(vtbl, method, slot)

static const struct layout_entry layouts[] = {
#include "layout_entries.h"
};

#undef LAYOUT_SIZE
#undef LAYOUT_OFFSET
#undef LAYOUT_SLOT

START_TEST(layout_matches_windows)
{
    const struct layout_entry *e = &layouts[_i];
    enum data_model model = supported_data_model();

    ck_assert_msg(e->actual == e->expected[model], "%s is %llu, expected %llu (%s layout)",
                  e->name, e->actual, e->expected[model], windows_layout_name[model]);
}
END_TEST

/* Methods sit in IDL order, IUnknown's three first; the same in both models. */
#define LAYOUT_SIZE(type, x64, x86)
#define LAYOUT_OFFSET(type, field, x64, x86)
#define LAYOUT_SLOT(vtbl, method, slot) \
    {#vtbl "." #method, offsetof(vtbl, method) / sizeof(void *), slot},

static const struct expectation slots[] = {
#include "layout_entries.h"
};

#undef LAYOUT_SIZE
#undef LAYOUT_OFFSET
#undef LAYOUT_SLOT

START_TEST(vtable_slots_in_idl_order)
{
    check_expectation(&slots[_i]);
}
END_TEST

static const struct expectation constants[] = {
    VALUE(freshSoHRequest, 1), VALUE(shaFixup, 1), VALUE(percentageNotSupported, 101),
    VALUE(maxSoHAttributeCount, 100), VALUE(maxSoHAttributeSize, 4000),
    VALUE(minNetworkSoHSize, 12), VALUE(maxNetworkSoHSize, 4000),
    VALUE(maxDwordCountPerSoHAttribute, 1000), VALUE(maxIpv4CountPerSoHAttribute, 1000),
    VALUE(maxIpv6CountPerSoHAttribute, 250), VALUE(maxStringLength, 1024),
    VALUE(maxStringLengthInBytes, 2050), VALUE(maxSystemHealthEntityCount, 20),
    VALUE(maxEnforcerCount, 20), VALUE(maxPrivateDataSize, 200),
    VALUE(maxConnectionCountPerEnforcer, 20), VALUE(maxCachedSoHCount, 8000),
    VALUE(failureCategoryCount, 5), VALUE(ComponentTypeEnforcementClientSoH, 1),
    VALUE(ComponentTypeEnforcementClientRp, 2), VALUE(defaultProtocolMaxSize, 4000),
    VALUE(minProtocolMaxSize, 300), VALUE(maxProtocolMaxSize, 0xFFFF),
    VALUE(isolationStateNotRestricted, 1), VALUE(isolationStateInProbation, 2),
    VALUE(isolationStateRestrictedAccess, 3), VALUE(extendedIsolationStateNoData, 0),
    VALUE(extendedIsolationStateTransition, 1), VALUE(extendedIsolationStateInfected, 2),
    VALUE(extendedIsolationStateUnknown, 3), VALUE(tracingLevelUndefined, 0),
    VALUE(tracingLevelBasic, 1), VALUE(tracingLevelAdvanced, 2), VALUE(tracingLevelDebug, 3),
    VALUE(failureCategoryNone, 0), VALUE(failureCategoryOther, 1),
    VALUE(failureCategoryClientComponent, 2), VALUE(failureCategoryClientCommunication, 3),
    VALUE(failureCategoryServerComponent, 4), VALUE(failureCategoryServerCommunication, 5),
    VALUE(fixupStateSuccess, 0), VALUE(fixupStateInProgress, 1),
    VALUE(fixupStateCouldNotUpdate, 2), VALUE(napNotifyTypeUnknown, 0),
    VALUE(napNotifyTypeServiceState, 1), VALUE(napNotifyTypeQuarState, 2),
    VALUE(remoteConfigTypeMachine, 1), VALUE(remoteConfigTypeConfigBlob, 2),
    VALUE(sohAttributeTypeSystemHealthId, 2), VALUE(sohAttributeTypeIpv4FixupServers, 3),
    VALUE(sohAttributeTypeComplianceResultCodes, 4), VALUE(sohAttributeTypeTimeOfLastUpdate, 5),
    VALUE(sohAttributeTypeClientId, 6), VALUE(sohAttributeTypeVendorSpecific, 7),
    VALUE(sohAttributeTypeHealthClass, 8), VALUE(sohAttributeTypeSoftwareVersion, 9),
    VALUE(sohAttributeTypeProductName, 10), VALUE(sohAttributeTypeHealthClassStatus, 11),
    VALUE(sohAttributeTypeSoHGenerationTime, 12), VALUE(sohAttributeTypeErrorCodes, 13),
    VALUE(sohAttributeTypeFailureCategory, 14), VALUE(sohAttributeTypeIpv6FixupServers, 15),
    VALUE(sohAttributeTypeExtendedIsolationState, 16), VALUE(healthClassFirewall, 0),
    VALUE(healthClassPatchLevel, 1), VALUE(healthClassAntiVirus, 2),
    VALUE(healthClassCriticalUpdate, 3), VALUE(healthClassReserved, 128),
    VALUE(MicrosoftVendorId, 0x137), VALUE(NapSystemId, 0x13700),
    VALUE(NapDhcpEnforcementId, 0x13701), VALUE(NapRasEnforcementId, 0x13702),
    VALUE(NapIpsecEnforcementId, 0x13703), VALUE(Nap8021xEnforcementId, 0x13704),
    VALUE(NapAnywhereAccessEnforcementId, 0x13705), VALUE(NapIsaEnforcementId, 0x13706),
    VALUE(NapEapEnforcementId, 0x13707), VALUE(NapOutOfBoxSystemHealthId, 0x13780),
    VALUE(NapSmsSystemHealthId, 0x13781), VALUE(NapFCSv1SystemHealthId, 0x13782),
    VALUE(NapFCSv2SystemHealthId, 0x13783), VALUE(NapTpmSystemHealthId, 0x13784),
    VALUE(NapAfwZonePropId, 0x8000), VALUE(NapAfwProtectionLevelPropId, 0x8001),
};

START_TEST(constants_have_windows_values)
{
    check_expectation(&constants[_i]);
}
END_TEST

/* HRESULTs compared as their 32-bit patterns. */
#define CODE(name, expected) {#name, (uint32_t)(name), expected}

static const struct expectation hresults[] = {
    CODE(S_OK, 0), CODE(S_FALSE, 1), CODE(E_NOTIMPL, 0x80004001),
    CODE(E_NOINTERFACE, 0x80004002), CODE(E_POINTER, 0x80004003), CODE(E_ABORT, 0x80004004),
    CODE(E_FAIL, 0x80004005), CODE(E_UNEXPECTED, 0x8000FFFF), CODE(E_ACCESSDENIED, 0x80070005),
    CODE(E_HANDLE, 0x80070006), CODE(E_OUTOFMEMORY, 0x8007000E), CODE(E_INVALIDARG, 0x80070057),
    CODE(HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED), 0x800704DF),
    CODE(HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), 0x80070002),
    CODE(HRESULT_FROM_WIN32(ERROR_SUCCESS), 0),
    CODE(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER), 0x80070057),
    CODE(HRESULT_FROM_WIN32(E_FAIL), 0x80004005),
    CODE(NAP_E_INVALID_PACKET, 0x80270001), CODE(NAP_E_MISSING_SOH, 0x80270002),
    CODE(NAP_E_CONFLICTING_ID, 0x80270003), CODE(NAP_E_NO_CACHED_SOH, 0x80270004),
    CODE(NAP_E_STILL_BOUND, 0x80270005), CODE(NAP_E_NOT_REGISTERED, 0x80270006),
    CODE(NAP_E_NOT_INITIALIZED, 0x80270007), CODE(NAP_E_MISMATCHED_ID, 0x80270008),
    CODE(NAP_E_NOT_PENDING, 0x80270009), CODE(NAP_E_ID_NOT_FOUND, 0x8027000A),
    CODE(NAP_E_MAXSIZE_TOO_SMALL, 0x8027000B), CODE(NAP_E_SERVICE_NOT_RUNNING, 0x8027000C),
    CODE(NAP_S_CERT_ALREADY_PRESENT, 0x0027000D), CODE(NAP_E_ENTITY_DISABLED, 0x8027000E),
    CODE(NAP_E_NETSH_GROUPPOLICY_ERROR, 0x8027000F), CODE(NAP_E_TOO_MANY_CALLS, 0x80270010),
    CODE(NAP_E_SHV_CONFIG_EXISTED, 0x80270011), CODE(NAP_E_SHV_CONFIG_NOT_FOUND, 0x80270012),
    CODE(NAP_E_SHV_TIMEOUT, 0x80270013),
};

START_TEST(hresults_have_windows_values)
{
    check_expectation(&hresults[_i]);
}
END_TEST

START_TEST(succeeded_and_failed)
{
    ck_assert(SUCCEEDED(S_OK));
    ck_assert(SUCCEEDED(S_FALSE));
    ck_assert(SUCCEEDED(NAP_S_CERT_ALREADY_PRESENT));
    ck_assert(FAILED(E_INVALIDARG));
    ck_assert(FAILED(NAP_E_INVALID_PACKET));
    ck_assert(FAILED(HRESULT_FROM_WIN32(ERROR_ALREADY_INITIALIZED)));
    ck_assert(!FAILED(S_OK));
    ck_assert_int_eq(HRESULT_FACILITY(NAP_E_MISSING_SOH), FACILITY_NAP);
    ck_assert_int_eq(HRESULT_CODE(E_INVALIDARG), ERROR_INVALID_PARAMETER);
}
END_TEST

/* The registry form of a GUID, as the documentation writes it. */
static void format_guid(const GUID *guid, char text[37])
{
    snprintf(text, 37, "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X",
             (unsigned)guid->Data1, guid->Data2, guid->Data3, guid->Data4[0], guid->Data4[1],
             guid->Data4[2], guid->Data4[3], guid->Data4[4], guid->Data4[5], guid->Data4[6],
             guid->Data4[7]);
}

static const struct {
    const IID *iid;
    const char *text;
} iids[] = {
    {&IID_IUnknown, "00000000-0000-0000-C000-000000000046"},
    {&IID_INapEnforcementClientBinding, "92B93223-7487-42D9-9A91-5B8507720384"},
    {&IID_INapEnforcementClientCallback, "F5A0B90A-83A1-4F76-BA3F-025418682814"},
    {&IID_INapEnforcementClientConnection, "FB3A3505-DDB1-468A-B307-F328A57419D8"},
    {&IID_INapEnforcementClientConnection2, "BD244906-70DD-4690-BEEA-648653393500"},
    {&IID_INapSoHConstructor, "35298344-96A6-45E7-9B6B-62ECC6E09920"},
    {&IID_INapSoHProcessor, "FB2FA8B0-2CD5-457D-ABA8-4376F63EA1C0"},
    {&CLSID_NapSoHConstructor, "E8140D53-6535-46A5-B8A1-DA6C571DA9B9"},
    {&CLSID_NapSoHProcessor, "AA160628-8775-46E3-837C-F7A2AE66E2F5"},
    {&IID_INapSystemHealthAgentBinding, "A6894F43-9CC7-44C9-A23F-19DBF36BAD28"},
    {&IID_INapSystemHealthAgentBinding2, "1140C38E-5100-4EA1-8D43-87D326724028"},
    {&IID_INapSystemHealthAgentCallback, "F1072A57-214F-4EE2-8377-14EF140CD9F3"},
    {&IID_AsyncINapSystemHealthAgentCallback, "860D8FD9-0219-43EA-AE7F-59611F4CC16A"},
    {&IID_INapSystemHealthAgentRequest, "5B360A69-212D-440D-B398-7EEFD497853A"},
    {&CLSID_NapSystemHealthAgentBinding, "8E594310-16CA-4A00-932F-F70969F990C0"},
    {&IID_INapSystemHealthValidator, "EF43D87C-5B6D-4820-8620-868907FE07D3"},
    {&IID_AsyncINapSystemHealthValidator, "2516031A-A391-454D-B53D-C5DC84C7F2DB"},
    {&IID_INapServerCallback, "09C20568-F30C-489B-AE9C-4930AD7F165F"},
    {&IID_INapSystemHealthValidationRequest, "ADACB3A0-D4F4-4F17-8933-51D60FCCA606"},
    {&IID_INapSystemHealthValidationRequest2, "91A5D706-0CB4-4A84-8315-9380D453E385"},
    {&IID_INapComponentConfig, "A9E0AF1A-3713-478E-AE03-8EDD272D21FA"},
    {&IID_INapComponentInfo, "B475F925-E3F7-414C-8C72-1CEE64B9D8F6"},
    {&IID_INapComponentConfig2, "47CBDB9E-1972-4F5E-BD3C-5EB6230614B5"},
    {&IID_INapComponentConfig3, "9C4A8101-8CFE-4332-876E-C4A49D1D3F77"},
    {&IID_INapClientManagement, "432A1DA5-3888-4B9A-A734-CFF1E448C5B9"},
    {&IID_INapClientManagement2, "07A1127B-18CC-422A-B988-E892600FCC74"},
    {&CLSID_NapClientManagement, "EB082BA1-DF8A-46BE-82F3-35BF9E9BE52F"},
    {&IID_INapServerManagement, "9DE543E7-0F23-47E0-A8BC-971A894F86D4"},
    {&IID_INapServerInfo, "599F9021-5643-4965-9949-E88975EFFF0E"},
    {&CLSID_NapServerManagement, "BFCB2C6D-04AA-4FB9-BC72-58E1AF64BE39"},
    {&CLSID_NapServerInfo, "3B881B82-5BF4-4657-A3A2-CCE17E4FD39A"},
    {&IID_INapCertRelyingParty, "62C02FFC-4C77-4158-8754-782D5B4EE66E"},
    {&CLSID_NapCertRelyingParty, "E5FAE3B3-1AC8-4BD3-87E6-48EFF509DDAA"},
};

START_TEST(iids_have_documented_values)
{
    char text[37];

    format_guid(iids[_i].iid, text);
    ck_assert_str_eq(text, iids[_i].text);
}
END_TEST

START_TEST(is_equal_guid_compares_all_bytes)
{
    IID copy = IID_INapEnforcementClientConnection;

    ck_assert(IsEqualIID(&copy, &IID_INapEnforcementClientConnection));
    ck_assert(IsEqualGUID(&IID_IUnknown, &IID_IUnknown));
    copy.Data4[7] ^= 1;
    ck_assert(!IsEqualIID(&copy, &IID_INapEnforcementClientConnection));
    ck_assert(!IsEqualCLSID(&IID_INapEnforcementClientConnection,
                            &IID_INapEnforcementClientConnection2));
}
END_TEST

/* u"" literals are WCHAR strings, as L"" ones are on Windows. */
START_TEST(utf16_literals_are_wchar_strings)
{
    const WCHAR *text = u"NAP\u00E9";

    ck_assert_uint_eq(sizeof(u"NAP"), 4 * sizeof(WCHAR));
    ck_assert_uint_eq(text[3], 0x00E9);
    ck_assert_uint_eq(text[4], 0);
}
END_TEST

/* A minimal object, to show the C call macros reach the right slots. */
static ULONG STDMETHODCALLTYPE add_ref_returns_seven(IUnknown *This)
{
    (void)This;
    return 7;
}

static ULONG STDMETHODCALLTYPE release_returns_three(IUnknown *This)
{
    (void)This;
    return 3;
}

START_TEST(cobjmacros_call_through_the_vtable)
{
    static const IUnknownVtbl vtbl = {
        .AddRef = add_ref_returns_seven,
        .Release = release_returns_three,
    };
    IUnknown object = {&vtbl};

    ck_assert_uint_eq(IUnknown_AddRef(&object), 7);
    ck_assert_uint_eq(IUnknown_Release(&object), 3);
}
END_TEST

static Suite *layout_suite(void)
{
    Suite *suite = suite_create("layout");
    TCase *layout = add_test_case(suite, "layout");
    TCase *values = add_test_case(suite, "values");
    TCase *com = add_test_case(suite, "com");

    tcase_add_test(layout, data_model_has_a_windows_layout);
    tcase_add_loop_test(layout, layout_matches_windows, 0, COUNT_OF(layouts));
    tcase_add_loop_test(layout, vtable_slots_in_idl_order, 0, COUNT_OF(slots));

    tcase_add_loop_test(values, constants_have_windows_values, 0, COUNT_OF(constants));
    tcase_add_loop_test(values, hresults_have_windows_values, 0, COUNT_OF(hresults));
    tcase_add_test(values, succeeded_and_failed);

    tcase_add_loop_test(com, iids_have_documented_values, 0, COUNT_OF(iids));
    tcase_add_test(com, is_equal_guid_compares_all_bytes);
    tcase_add_test(com, utf16_literals_are_wchar_strings);
    tcase_add_test(com, cobjmacros_call_through_the_vtable);
    return suite;
}

int main(void)
{
    return run_suite(layout_suite());
}
