/*
 * soh_exchange.c - a NAP system health agent (SHA) and system health
 * validator (SHV) exchanging Statements of Health through libnaputil, the
 * way Microsoft's SDK sample pair does on Windows:
 *
 *   1. the agent builds its SoH request with INapSoHConstructor: its ID and
 *      one vendor-specific attribute saying whether it is healthy;
 *   2. the validator reads the request with INapSoHProcessor, judges it and
 *      builds an SoH response holding one compliance result code;
 *   3. the agent reads the response and decides whether to remediate.
 *
 * It creates the objects with the library's factories,
 * CreateNapSoHConstructor and CreateNapSoHProcessor, which need no COM
 * activation; health_exchange.c and health_exchange.cpp create them with
 * CoCreateInstance, as Windows code does.
 *
 * Build: cc soh_exchange.c $(pkg-config --cflags --libs naputil)
 */
#include <stdio.h>
#include <string.h>

#define COBJMACROS
#include <NapUtil.h>

/* The sample pair's System-Health-ID, and the sample's own "not patched" result code. */
#define SAMPLE_SHA_ID 0x000137F0
#define QUAR_E_NOTPATCHED ((HRESULT)0x80270050)

static const BYTE healthy[2] = {0xAA, 0xAA};
static const BYTE unhealthy[2] = {0xBA, 0xAD};

/* Prints an SoH as the TLVs it becomes on the wire: type, length, value. */
static void print_soh(const char *who, const SoH *soh)
{
    UINT16 i;
    UINT16 j;

    printf("%s:", who);
    for (i = 0; i < soh->count; i++) {
        const SoHAttribute *attribute = &soh->attributes[i];

        printf(" %02x %02x %02x %02x", attribute->type >> 8, attribute->type & 0xFF,
               attribute->size >> 8, attribute->size & 0xFF);
        for (j = 0; j < attribute->size; j++)
            printf(" %02x", attribute->value[j]);
    }
    putchar('\n');
}

/* 1. The agent's SoH request. */
static HRESULT agent_build_request(const BYTE state[2], SoH **request)
{
    INapSoHConstructor *constructor = NULL;
    SoHAttributeValue value;
    HRESULT hr = CreateNapSoHConstructor(&constructor);

    if (FAILED(hr))
        return hr;
    hr = INapSoHConstructor_Initialize(constructor, SAMPLE_SHA_ID, TRUE);
    if (SUCCEEDED(hr)) {
        memset(&value, 0, sizeof(value));
        value.vendorSpecificVal.vendorId = SAMPLE_SHA_ID;
        value.vendorSpecificVal.size = 2;
        value.vendorSpecificVal.vendorSpecificData = (BYTE *)state;
        hr = INapSoHConstructor_AppendAttribute(constructor, sohAttributeTypeVendorSpecific,
                                                &value);
    }
    if (SUCCEEDED(hr))
        hr = INapSoHConstructor_GetSoH(constructor, request);
    INapSoHConstructor_Release(constructor);
    return hr;
}

/* 2a. The validator's verdict on a request: S_OK or QUAR_E_NOTPATCHED. */
static HRESULT validator_judge(const SoH *request, HRESULT *verdict)
{
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    SoHAttributeType type = (SoHAttributeType)0;
    SoHAttributeValue *value = NULL;
    UINT16 index = 0;
    HRESULT hr = CreateNapSoHProcessor(&processor);

    if (FAILED(hr))
        return hr;
    hr = INapSoHProcessor_Initialize(processor, request, TRUE, &id);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_FindNextAttribute(processor, 0, sohAttributeTypeVendorSpecific,
                                                &index);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_GetAttribute(processor, index, &type, &value);
    if (SUCCEEDED(hr)) {
        BOOL is_healthy = value->vendorSpecificVal.vendorId == SAMPLE_SHA_ID &&
                          value->vendorSpecificVal.size == 2 &&
                          memcmp(value->vendorSpecificVal.vendorSpecificData, healthy, 2) == 0;

        *verdict = is_healthy ? S_OK : QUAR_E_NOTPATCHED;
        printf("validator: request of 0x%08X, vendor data %02x %02x: %s\n", (unsigned)id,
               value->vendorSpecificVal.vendorSpecificData[0],
               value->vendorSpecificVal.vendorSpecificData[1],
               is_healthy ? "compliant" : "not patched");
    }
    FreeSoHAttributeValue(type, value);
    INapSoHProcessor_Release(processor);
    return hr;
}

/* 2b. The validator's SoH response. */
static HRESULT validator_build_response(HRESULT verdict, SoH **response)
{
    INapSoHConstructor *constructor = NULL;
    SoHAttributeValue value;
    HRESULT hr = CreateNapSoHConstructor(&constructor);

    if (FAILED(hr))
        return hr;
    hr = INapSoHConstructor_Initialize(constructor, SAMPLE_SHA_ID, FALSE);
    if (SUCCEEDED(hr)) {
        memset(&value, 0, sizeof(value));
        value.codesVal.count = 1;
        value.codesVal.results = &verdict;
        hr = INapSoHConstructor_AppendAttribute(constructor,
                                                sohAttributeTypeComplianceResultCodes, &value);
    }
    if (SUCCEEDED(hr))
        hr = INapSoHConstructor_GetSoH(constructor, response);
    /* A response must carry a result: Validate says whether this one does. */
    if (SUCCEEDED(hr))
        hr = INapSoHConstructor_Validate(constructor, *response, FALSE);
    INapSoHConstructor_Release(constructor);
    return hr;
}

/* 3. The agent reads the response. */
static HRESULT agent_read_response(const SoH *response)
{
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    SoHAttributeType type = (SoHAttributeType)0;
    SoHAttributeValue *value = NULL;
    UINT16 index = 0;
    UINT16 count = 0;
    HRESULT hr = CreateNapSoHProcessor(&processor);

    if (FAILED(hr))
        return hr;
    hr = INapSoHProcessor_Initialize(processor, response, FALSE, &id);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_GetNumberOfAttributes(processor, &count);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_FindNextAttribute(processor, 0,
                                                sohAttributeTypeComplianceResultCodes, &index);
    if (SUCCEEDED(hr))
        hr = INapSoHProcessor_GetAttribute(processor, index, &type, &value);
    if (SUCCEEDED(hr) && value->codesVal.count != 1)
        hr = NAP_E_INVALID_PACKET;
    if (SUCCEEDED(hr)) {
        HRESULT result = value->codesVal.results[0];

        printf("agent: response of 0x%08X, %u attributes, result 0x%08X: %s\n", (unsigned)id,
               (unsigned)count, (unsigned)result,
               FAILED(result) ? "remediation needed" : "healthy");
    }
    FreeSoHAttributeValue(type, value);
    INapSoHProcessor_Release(processor);
    return hr;
}

/* One round: request, verdict, response, reading. */
static HRESULT exchange(const BYTE state[2])
{
    SoH *request = NULL;
    SoH *response = NULL;
    HRESULT verdict = QUAR_E_NOTPATCHED;
    HRESULT hr = agent_build_request(state, &request);

    if (SUCCEEDED(hr)) {
        print_soh("agent: request", request);
        hr = validator_judge(request, &verdict);
    }
    if (SUCCEEDED(hr))
        hr = validator_build_response(verdict, &response);
    if (SUCCEEDED(hr)) {
        print_soh("validator: response", response);
        hr = agent_read_response(response);
    }
    FreeSoH(request);
    FreeSoH(response);
    return hr;
}

int main(void)
{
    HRESULT hr = exchange(healthy);

    if (SUCCEEDED(hr))
        hr = exchange(unhealthy);
    if (FAILED(hr))
        fprintf(stderr, "soh_exchange: failed with 0x%08X\n", (unsigned)hr);
    return FAILED(hr) ? 1 : 0;
}
