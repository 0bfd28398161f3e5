/*
 * check_sohsamples.c - the call sequences of the Windows SDK's NAP samples
 * (the sample SHA and SHV of Windows-classic-samples) written out in C:
 * the sample health agent builds its request with a 2-byte vendor payload,
 * the sample validator checks it and answers with a compliance result
 * code, and the agent reads the answer.  The SoHs must be the exact TLV
 * bytes the samples' SdkCommon.h describes.
 */
#include "config.h"

#include <string.h>

#define COBJMACROS
#include "naputil.h"
#include "sohtest.h"
#include "testutil.h"

/* The sample pair's System-Health-ID, and its own result code for "not patched". */
#define QuarSampleSystemHealthId 0x000137F0
#define QUAR_E_NOTPATCHED ((HRESULT)0x80270050)
#define SOH_REQUEST TRUE
#define SOH_RESPONSE FALSE

static const BYTE healthy_data[2] = {0xAA, 0xAA};
static const BYTE unhealthy_data[2] = {0xBA, 0xAD};

/* The sample SHA's report entry and the sample SHV's answer, as TLV bytes. */
static const BYTE request_bytes[] = {0x00, 0x02, 0x00, 0x04, 0x00, 0x01, 0x37, 0xf0, 0x00,
                                     0x07, 0x00, 0x06, 0x00, 0x01, 0x37, 0xf0, 0xaa, 0xaa};
static const BYTE not_patched_bytes[] = {0x00, 0x02, 0x00, 0x04, 0x00, 0x01, 0x37, 0xf0,
                                         0x00, 0x04, 0x00, 0x04, 0x80, 0x27, 0x00, 0x50};
static const BYTE compliant_bytes[] = {0x00, 0x02, 0x00, 0x04, 0x00, 0x01, 0x37, 0xf0,
                                       0x00, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00};

/*
 * What both sides do to answer: a constructor initialized for the sample's
 * System-Health-ID, one attribute appended, and the SoH taken from it.
 */
static HRESULT build_soh(BOOL isRequest, SoHAttributeType type, SoHAttributeValue *value,
                         SoH **soh)
{
    INapSoHConstructor *constructor = NULL;
    HRESULT hr;

    *soh = NULL;
    hr = CreateNapSoHConstructor(&constructor);
    if (FAILED(hr))
        return hr;
    hr = INapSoHConstructor_Initialize(constructor, QuarSampleSystemHealthId, isRequest);
    if (SUCCEEDED(hr))
        hr = INapSoHConstructor_AppendAttribute(constructor, type, value);
    if (SUCCEEDED(hr))
        hr = INapSoHConstructor_GetSoH(constructor, soh);
    if (SUCCEEDED(hr) && *soh == NULL)
        hr = E_POINTER;
    INapSoHConstructor_Release(constructor);
    return hr;
}

/* The SHA's GetSoHRequest: one vendor-specific attribute with its 2 bytes. */
static HRESULT sha_get_soh_request(const BYTE data[2], SoH **request)
{
    SoHAttributeValue value;

    memset(&value, 0, sizeof(value));
    value.vendorSpecificVal.vendorId = QuarSampleSystemHealthId;
    value.vendorSpecificVal.size = 2;
    value.vendorSpecificVal.vendorSpecificData = (BYTE *)data;
    return build_soh(SOH_REQUEST, sohAttributeTypeVendorSpecific, &value, request);
}

/* The SHV's CheckRequestSoHHealth: find the vendor data and compare it. */
static HRESULT shv_check_request(const SoH *request, HRESULT *compliance)
{
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    SoHAttributeType type = (SoHAttributeType)0;
    SoHAttributeValue *value = NULL;
    UINT16 index = 0;
    HRESULT hr;

    *compliance = QUAR_E_NOTPATCHED;
    hr = CreateNapSoHProcessor(&processor);
    if (FAILED(hr))
        return hr;
    hr = INapSoHProcessor_Initialize(processor, request, SOH_REQUEST, &id);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_FindNextAttribute(processor, 0, sohAttributeTypeVendorSpecific,
                                                &index);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_GetAttribute(processor, index, &type, &value);
    if (SUCCEEDED(hr) && value == NULL)
        hr = NAP_E_INVALID_PACKET;
    if (SUCCEEDED(hr)) {
        const struct tagVendorSpecific *vendor = &value->vendorSpecificVal;
        BOOL ours = id == QuarSampleSystemHealthId && vendor->size == 2 &&
                    vendor->vendorId == QuarSampleSystemHealthId;

        if (ours && memcmp(vendor->vendorSpecificData, healthy_data, 2) == 0)
            *compliance = S_OK;
        else if (ours && memcmp(vendor->vendorSpecificData, unhealthy_data, 2) == 0)
            *compliance = QUAR_E_NOTPATCHED;
        else
            hr = NAP_E_INVALID_PACKET;
    }
    FreeSoHAttributeValue(type, value);
    INapSoHProcessor_Release(processor);
    return hr;
}

/* The SHV's HandleResponseSoH: one compliance result code. */
static HRESULT shv_build_response(HRESULT compliance, SoH **response)
{
    SoHAttributeValue value;

    memset(&value, 0, sizeof(value));
    value.codesVal.count = 1;
    value.codesVal.results = &compliance;
    return build_soh(SOH_RESPONSE, sohAttributeTypeComplianceResultCodes, &value, response);
}

/* The SHA's ProcessSoHResponse: exactly one result code, which says whether to fix. */
static HRESULT sha_read_response(const SoH *response, HRESULT *result)
{
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    SoHAttributeType type = (SoHAttributeType)0;
    SoHAttributeValue *value = NULL;
    UINT16 index = 0;
    HRESULT hr;

    hr = CreateNapSoHProcessor(&processor);
    if (FAILED(hr))
        return hr;
    hr = INapSoHProcessor_Initialize(processor, response, SOH_RESPONSE, &id);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_FindNextAttribute(processor, 0,
                                                sohAttributeTypeComplianceResultCodes, &index);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_GetAttribute(processor, index, &type, &value);
    if (SUCCEEDED(hr) && (value == NULL || value->codesVal.count != 1))
        hr = NAP_E_INVALID_PACKET;
    if (SUCCEEDED(hr))
        *result = value->codesVal.results[0];
    FreeSoHAttributeValue(type, value);
    INapSoHProcessor_Release(processor);
    return hr;
}

/* The SoH as bytes, compared with the expected ones. */
static void assert_bytes(const SoH *soh, const BYTE *expected, size_t size)
{
    unsigned char out[64];

    ck_assert_uint_eq(soh_tlv_bytes(soh, out, sizeof(out)), size);
    ck_assert_mem_eq(out, expected, size);
}

START_TEST(sha_request_has_the_documented_bytes)
{
    SoH *request = NULL;

    ck_assert_int_eq(sha_get_soh_request(healthy_data, &request), S_OK);
    assert_bytes(request, request_bytes, sizeof(request_bytes));
    FreeSoH(request);
}
END_TEST

/* The whole exchange for an unhealthy client: QUAR_E_NOTPATCHED, and the agent must fix. */
START_TEST(unhealthy_exchange)
{
    SoH *request = NULL;
    SoH *response = NULL;
    HRESULT compliance = S_OK;
    HRESULT result = S_OK;

    ck_assert_int_eq(sha_get_soh_request(unhealthy_data, &request), S_OK);
    ck_assert_int_eq(shv_check_request(request, &compliance), S_OK);
    FreeSoH(request);
    ck_assert_int_eq(compliance, QUAR_E_NOTPATCHED);
    ck_assert_int_eq(shv_build_response(compliance, &response), S_OK);
    assert_bytes(response, not_patched_bytes, sizeof(not_patched_bytes));
    ck_assert_int_eq(sha_read_response(response, &result), S_OK);
    FreeSoH(response);
    ck_assert_int_eq(result, QUAR_E_NOTPATCHED);
    ck_assert(FAILED(result));
}
END_TEST

START_TEST(healthy_exchange)
{
    SoH *request = NULL;
    SoH *response = NULL;
    HRESULT compliance = QUAR_E_NOTPATCHED;
    HRESULT result = E_FAIL;

    ck_assert_int_eq(sha_get_soh_request(healthy_data, &request), S_OK);
    ck_assert_int_eq(shv_check_request(request, &compliance), S_OK);
    FreeSoH(request);
    ck_assert_int_eq(compliance, S_OK);
    ck_assert_int_eq(shv_build_response(compliance, &response), S_OK);
    assert_bytes(response, compliant_bytes, sizeof(compliant_bytes));
    ck_assert_int_eq(sha_read_response(response, &result), S_OK);
    FreeSoH(response);
    ck_assert_int_eq(result, S_OK);
}
END_TEST

/* The SHV reads the documented request bytes, built by hand rather than by the constructor. */
START_TEST(shv_reads_the_documented_request)
{
    BYTE id[4] = {0x00, 0x01, 0x37, 0xf0};
    BYTE vendor[6] = {0x00, 0x01, 0x37, 0xf0, 0xaa, 0xaa};
    SoHAttribute attributes[2] = {{2, 4, id}, {7, 6, vendor}};
    SoH request = {2, attributes};
    HRESULT compliance = E_FAIL;

    ck_assert_int_eq(shv_check_request(&request, &compliance), S_OK);
    ck_assert_int_eq(compliance, S_OK);
    vendor[5] = 0xab;
    ck_assert_int_eq(shv_check_request(&request, &compliance), NAP_E_INVALID_PACKET);
}
END_TEST

/* The SHA stops when the response has no result code (FindNextAttribute fails). */
START_TEST(sha_stops_on_a_response_without_codes)
{
    BYTE id[4] = {0x00, 0x01, 0x37, 0xf0};
    BYTE category = failureCategoryServerCommunication;
    SoHAttribute attributes[2] = {{2, 4, id}, {14, 1, &category}};
    SoH response = {2, attributes};
    HRESULT result = S_OK;

    ck_assert_int_eq(sha_read_response(&response, &result), HRESULT_FROM_WIN32(2));
    ck_assert_int_eq(result, S_OK);
    /* The sample's cleanup calls on nothing fetched are harmless. */
    FreeSoHAttributeValue((SoHAttributeType)0, NULL);
    FreeSoH(NULL);
}
END_TEST

static Suite *samples_suite(void)
{
    Suite *suite = suite_create("sohsamples");
    TCase *samples = add_test_case(suite, "samples");

    tcase_add_test(samples, sha_request_has_the_documented_bytes);
    tcase_add_test(samples, unhealthy_exchange);
    tcase_add_test(samples, healthy_exchange);
    tcase_add_test(samples, shv_reads_the_documented_request);
    tcase_add_test(samples, sha_stops_on_a_response_without_codes);
    return suite;
}

int main(void)
{
    return run_suite(samples_suite());
}
