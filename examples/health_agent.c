/*
 * health_agent.c - what a NAP system health agent does with libnaputil:
 * report remediation progress in a FixupInfo, build its Statement of Health
 * as a list of attributes, and give the agent a remediation URL, each
 * structure allocated the COM way and freed by whoever receives it.
 *
 * Build: cc health_agent.c $(pkg-config --cflags --libs naputil)
 */
#include <stdio.h>
#include <string.h>

#include <NapUtil.h>

/* Our agent's ID: vendor 0x000137 (Microsoft's SMI code, for the example), component 0xF0. */
#define SAMPLE_SHA_ID 0x000137F0

/* Called by the NAP agent: how far has remediation got? */
static HRESULT get_fixup_info(FixupInfo **status)
{
    FixupInfo *info = NULL;
    HRESULT hr = AllocFixupInfo(&info, 2);

    if (FAILED(hr))
        return hr;
    info->state = fixupStateInProgress;
    info->percentage = 40;
    info->resultCodes.results[0] = S_OK;
    info->resultCodes.results[1] = E_FAIL;
    *status = info;
    return S_OK;
}

/* One attribute whose value is a copy of size bytes. */
static HRESULT set_attribute(SoHAttribute *attribute, UINT16 type, const void *value, UINT16 size)
{
    attribute->value = CoTaskMemAlloc(size);
    if (attribute->value == NULL)
        return E_OUTOFMEMORY;
    memcpy(attribute->value, value, size);
    attribute->type = type;
    attribute->size = size;
    return S_OK;
}

/* Our Statement of Health: who we are, and one compliance code (big-endian). */
static HRESULT get_soh_request(SoH **request)
{
    static const BYTE id[4] = {0x00, 0x01, 0x37, 0xF0};
    static const BYTE compliant[4] = {0x00, 0x00, 0x00, 0x00};
    SoH *soh = CoTaskMemAlloc(sizeof(*soh));
    HRESULT hr;

    if (soh == NULL)
        return E_OUTOFMEMORY;
    soh->count = 0;
    soh->attributes = CoTaskMemAlloc(2 * sizeof(*soh->attributes));
    if (soh->attributes == NULL) {
        FreeSoH(soh);
        return E_OUTOFMEMORY;
    }
    hr = set_attribute(&soh->attributes[0], sohAttributeTypeSystemHealthId, id, sizeof(id));
    if (SUCCEEDED(hr)) {
        soh->count = 1;
        hr = set_attribute(&soh->attributes[1], sohAttributeTypeComplianceResultCodes, compliant,
                           sizeof(compliant));
    }
    if (FAILED(hr)) {
        FreeSoH(soh);
        return hr;
    }
    soh->count = 2;
    *request = soh;
    return S_OK;
}

/* Prints the ASCII part of a UTF-16 string. */
static void print_utf16(const WCHAR *text)
{
    for (; *text != 0; text++)
        putchar(*text < 0x80 ? (char)*text : '?');
}

int main(void)
{
    FixupInfo *fixup = NULL;
    SoH *soh = NULL;
    CountedString *url = NULL;
    UINT16 i;
    HRESULT hr;

    /* The NAP agent receives each structure and frees it with the matching Free* call. */
    hr = get_fixup_info(&fixup);
    if (FAILED(hr))
        goto done;
    printf("fixup: state %d, %u%% done, %u result codes\n", (int)fixup->state,
           (unsigned)fixup->percentage, (unsigned)fixup->resultCodes.count);
    FreeFixupInfo(fixup);

    hr = get_soh_request(&soh);
    if (FAILED(hr))
        goto done;
    printf("SoH request of agent 0x%08X: %u attributes\n", SAMPLE_SHA_ID, (unsigned)soh->count);
    for (i = 0; i < soh->count; i++)
        printf("  attribute type %u, %u bytes\n", (unsigned)soh->attributes[i].type,
               (unsigned)soh->attributes[i].size);
    FreeSoH(soh);

    hr = AllocCountedString(&url, u"http://remediation.example/patches");
    if (FAILED(hr))
        goto done;
    printf("remediation URL (%u UTF-16 units): ", (unsigned)url->length);
    print_utf16(url->string);
    putchar('\n');
    FreeCountedString(url);

done:
    if (FAILED(hr))
        fprintf(stderr, "health agent: failed with 0x%08X\n", (unsigned)hr);
    return FAILED(hr) ? 1 : 0;
}
