/*
 * napsoh.c - looks inside an SoH (or SoHR) wire message: `decode` prints
 * every field as an indented tree or as JSON, `validate` says whether the
 * message is well-formed.  The input is the message in binary or as hex
 * text, from a file or standard input.  Any fault in the input gives one
 * line naming the byte offset and what is wrong there (the library's
 * NapSoHMessageDecodeEx says it, so the tool does not walk the message a
 * second time), and exit status 1.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "napsoh-input.h"
#include "naputil.h"
#include "sohtypes.h"

/* Far more than any NetworkSoH (4000 bytes), even written as spaced hex. */
#define MAX_INPUT (64 * 1024)
#define EXIT_USAGE 2

static const char usage_text[] =
    "Usage: napsoh decode [--json] [--response] [FILE|-]\n"
    "       napsoh validate [--response] [FILE|-]\n"
    "       napsoh --help | --version\n"
    "\n"
    "Reads an SoH wire message (NetworkSoH data) from FILE or standard input.\n"
    "Input of printable ASCII and white space only is hex text: groups separated\n"
    "by white space, each an optional 0x, then pairs of hex digits, one byte each,\n"
    "with an optional ':' between two bytes.  Any other input is binary.\n"
    "  decode      print every field as a tree, or as JSON with --json\n"
    "  validate    exit 0 if the message is well-formed, else 1 with the reason\n"
    "  --response  read the message as an SoHR (provisional layout)\n"
    "Exit status: 0 well-formed, 1 malformed or unreadable input or a write\n"
    "error, 2 a wrong command line.\n";

static const char *program = "napsoh";

static void fail_message(const char *format, ...)
{
    va_list args;

    fprintf(stderr, "%s: ", program);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}

/* ---- reading the input ---- */

struct input {
    unsigned char bytes[MAX_INPUT];
    size_t size;
};

static int read_all(FILE *file, const char *name, struct input *in)
{
    struct stat status;

    /*
     * On Linux fopen opens a directory for reading and only read fails
     * (EISDIR); saying so up front is clearer than "read error".
     */
    if (fstat(fileno(file), &status) == 0 && S_ISDIR(status.st_mode)) {
        fail_message("%s: is a directory", name);
        return -1;
    }
    /* A user who types the message, or forgot the file name, is told how to end it. */
    if (file == stdin && isatty(fileno(stdin)))
        fail_message("reading the message from the terminal; end with Ctrl-D");
    in->size = fread(in->bytes, 1, sizeof(in->bytes), file);
    if (ferror(file)) {
        fail_message("%s: read error: %s", name, strerror(errno));
        return -1;
    }
    if (in->size == sizeof(in->bytes) && fgetc(file) != EOF) {
        fail_message("%s: input larger than %d bytes", name, MAX_INPUT);
        return -1;
    }
    return 0;
}

static int read_input(const char *path, struct input *in)
{
    FILE *file;
    int status;

    if (path == NULL || strcmp(path, "-") == 0)
        return read_all(stdin, "standard input", in);
    file = fopen(path, "rb");
    if (file == NULL) {
        fail_message("%s: %s", path, strerror(errno));
        return -1;
    }
    status = read_all(file, path, in);
    fclose(file);
    return status;
}

/* Text input is hex and converted in place; see napsoh-input.h for the rules. */
static int convert_hex(struct input *in)
{
    struct napsoh_hex_error error;

    if (!napsoh_is_text(in->bytes, in->size))
        return 0;
    if (napsoh_hex_to_binary(in->bytes, &in->size, &error) == 0)
        return 0;
    fail_message("hex input at text offset %zu: %s", error.offset, error.reason);
    return -1;
}

/* ---- naming things ---- */

/*
 * Every type's name and layout comes from the library's table
 * (lib/sohtypes.h), which napsoh compiles in as well (see Makefile.am).
 * The words here are presentation only: what the tree says a number means.
 */

static const char *architecture_name(UINT16 architecture)
{
    switch (architecture) {
    case 0:
        return "x86";
    case 6:
        return "IA64";
    case 9:
        return "x64";
    default:
        return "unknown";
    }
}

static const char *product_type_name(BYTE type)
{
    switch (type) {
    case 1:
        return "client";
    case 2:
        return "domain controller";
    case 3:
        return "server";
    default:
        return "unknown";
    }
}

static uint64_t filetime_value(FILETIME time)
{
    return (uint64_t)time.dwHighDateTime << 32 | time.dwLowDateTime;
}

/*
 * A FILETIME counts 100-nanosecond intervals since 1601-01-01 00:00:00 UTC
 * (Microsoft's FILETIME documentation).  Its date is worked out below on
 * 64-bit integers, not through time_t and gmtime: a 32-bit time_t ends in
 * 2038 and cannot go back to 1601, so every one of the 2^64 values gets its
 * date whatever the platform's time_t, from 1601-01-01 to year 60056 (even
 * those from 0x8000000000000000 up, which Windows' FileTimeToSystemTime
 * refuses: the tool shows what a message holds).
 */
#define FILETIME_TICKS_PER_SECOND 10000000u
#define SECONDS_PER_DAY 86400u

/*
 * Days in 400 Gregorian years, in 100 whose last year is no leap year, in 4
 * whose last year is one, and in a common year.
 */
#define DAYS_PER_400_YEARS 146097u
#define DAYS_PER_100_YEARS 36524u
#define DAYS_PER_4_YEARS 1461u
#define DAYS_PER_YEAR 365u

/* "60056-05-28T05:36:10Z", the date of the largest FILETIME, and room to spare. */
#define DATE_SIZE 40

static int is_leap_year(uint64_t year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/*
 * The proleptic Gregorian year, month (1..12) and day (1..31) of the day
 * that comes `days` days after 1601-01-01.  1601 begins a 400-year cycle
 * (1600 was a leap year), so the days split into whole cycles, then
 * centuries, 4-year groups and years counted from 1601.  A cycle's last
 * century and a group's last year are one day longer than the others, so
 * dividing by the shorter length gives 4 on their very last day, 31
 * December of a leap year: that day belongs to the fourth (index 3).
 */
static void days_to_civil(uint64_t days, uint64_t *year, unsigned *month, unsigned *day)
{
    static const uint16_t month_starts[2][13] = {
        {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
        {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};
    uint32_t rest = (uint32_t)(days % DAYS_PER_400_YEARS);
    uint32_t centuries = rest / DAYS_PER_100_YEARS;
    uint32_t groups;
    uint32_t years;
    const uint16_t *starts;
    unsigned m = 1;

    if (centuries == 4)
        centuries = 3;
    rest -= centuries * DAYS_PER_100_YEARS;
    groups = rest / DAYS_PER_4_YEARS;
    rest %= DAYS_PER_4_YEARS;
    years = rest / DAYS_PER_YEAR;
    if (years == 4)
        years = 3;
    rest -= years * DAYS_PER_YEAR;
    *year = 1601 + 400 * (days / DAYS_PER_400_YEARS) + 100 * centuries + 4 * groups + years;
    starts = month_starts[is_leap_year(*year)];
    while (rest >= starts[m])
        m++;
    *month = m;
    *day = (unsigned)(rest - starts[m - 1]) + 1;
}

/*
 * The FILETIME as a UTC date, "YYYY-MM-DDTHH:MM:SSZ": whole seconds, the
 * fraction dropped, and a year of five digits past 9999 (as XML Schema's
 * dateTime writes it).  Each day has 86400 seconds.
 */
static const char *filetime_date(FILETIME time, char text[DATE_SIZE])
{
    uint64_t seconds = filetime_value(time) / FILETIME_TICKS_PER_SECOND;
    unsigned second_of_day = (unsigned)(seconds % SECONDS_PER_DAY);
    uint64_t year;
    unsigned month;
    unsigned day;

    days_to_civil(seconds / SECONDS_PER_DAY, &year, &month, &day);
    snprintf(text, DATE_SIZE, "%04llu-%02u-%02uT%02u:%02u:%02uZ", (unsigned long long)year,
             month, day, second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    return text;
}

static void print_hex(const BYTE *bytes, size_t size)
{
    size_t i;

    for (i = 0; i < size; i++)
        printf("%02x", bytes[i]);
}

static void print_guid(const GUID *guid)
{
    printf("{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", (unsigned)guid->Data1,
           (unsigned)guid->Data2, (unsigned)guid->Data3, guid->Data4[0], guid->Data4[1],
           guid->Data4[2], guid->Data4[3], guid->Data4[4], guid->Data4[5], guid->Data4[6],
           guid->Data4[7]);
}

/* ---- the tree ---- */

/* The FILETIME's value in hex, then its date. */
static void print_filetime(FILETIME time)
{
    char date[DATE_SIZE];

    printf("0x%016llx (%s)", (unsigned long long)filetime_value(time), filetime_date(time, date));
}

static void print_correlation_id(const CorrelationId *id)
{
    print_guid(&id->connId);
    printf(", time ");
    print_filetime(id->timeStamp);
}

static void print_id_list(const NapSoHMessageIdList *list)
{
    UINT16 i;

    printf("%u IDs", (unsigned)list->count);
    for (i = 0; i < list->count; i++)
        printf("%s0x%08x", i == 0 ? ": " : ", ", (unsigned)list->ids[i]);
}

/* Bytes as hex, then as text when every byte is printable (a trailing NUL allowed). */
static void print_octets(const BYTE *bytes, size_t size)
{
    size_t text = size > 0 && bytes[size - 1] == 0 ? size - 1 : size;
    size_t i;

    print_hex(bytes, size);
    for (i = 0; i < text; i++)
        if (bytes[i] < 0x20 || bytes[i] > 0x7e)
            return;
    if (text > 0)
        printf(" \"%.*s\"", (int)text, (const char *)bytes);
}

/*
 * A member of a decoded value, at the offset its row gives within the C
 * structure that holds the value: an SoHAttributeValue for a TLV, the
 * NapSoHMessageSystemAttribute itself for a type-value.
 */
static const void *member_at(const void *value, unsigned offset)
{
    return (const BYTE *)value + offset;
}

/*
 * The word the tree puts before a part of a value, by the part's C name
 * (a field's, or the elements'), or NULL.  Presentation only: a part
 * without a word prints bare, so a type added to the table prints as it
 * is without an entry here.
 */
static const char *part_label(const char *name)
{
    static const char *const labels[][2] = {{"vendorId", "vendor"},
                                            {"vendorSpecificData", "data"}};
    size_t i;

    for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
        if (strcmp(name, labels[i][0]) == 0)
            return labels[i][1];
    return NULL;
}

/* Starts a part of a value: a comma after the first, then the part's word, if any. */
static void print_part(unsigned index, const char *name)
{
    const char *label = part_label(name);

    printf("%s%s%s", index == 0 ? "" : ", ", label != NULL ? label : "",
           label != NULL ? " " : "");
}

/*
 * One field by its kind: 8- and 16-bit numbers in decimal, 32-bit ones
 * (System-Health-IDs, vendor IDs) in hex, as such identifiers are written.
 */
static void print_field(const struct soh_field *field, const void *value)
{
    const void *at = member_at(value, field->offset);

    switch ((enum soh_field_kind)field->kind) {
    case SOH_FIELD_UINT8:
        printf("%u", *(const BYTE *)at);
        break;
    case SOH_FIELD_BE16:
        printf("%u", (unsigned)*(const UINT16 *)at);
        break;
    case SOH_FIELD_BE32:
        printf("0x%08x", (unsigned)*(const UINT32 *)at);
        break;
    case SOH_FIELD_FILETIME:
        print_filetime(*(const FILETIME *)at);
        break;
    case SOH_FIELD_CORRELATION_ID:
        print_correlation_id(at);
        break;
    }
}

/*
 * The elements by their kind.  32-bit ones (result and error codes) are in
 * hex.  Raw ones of an IPv4 address's size are IPv4 addresses, dotted; any
 * other raw ones are one string of octets, also shown as text when they
 * are the whole value (a client ID, a product name), but in hex alone
 * after fields, whose opaque data they are (a vendor's).
 */
static void print_elements(const struct soh_layout *layout, const void *value)
{
    UINT16 count = soh_element_count(layout, value);
    const void *buffer = soh_element_buffer(layout, value);
    const BYTE *bytes = buffer;
    UINT16 i;

    if (layout->element_kind == SOH_ELEMENTS_BE32) {
        for (i = 0; i < count; i++)
            printf("%s0x%08x", i == 0 ? "" : ", ", (unsigned)((const UINT32 *)buffer)[i]);
    } else if (layout->element_size == sizeof(Ipv4Address)) {
        for (i = 0; i < count; i++, bytes += sizeof(Ipv4Address))
            printf("%s%u.%u.%u.%u", i == 0 ? "" : ", ", bytes[0], bytes[1], bytes[2], bytes[3]);
    } else if (layout->field_count > 0) {
        print_hex(bytes, (size_t)count * layout->element_size);
    } else {
        print_octets(bytes, (size_t)count * layout->element_size);
    }
}

/* A value part by part, as its row lays it out: the fields, then the elements. */
static void print_value(const struct soh_layout *layout, const void *value)
{
    unsigned i;

    for (i = 0; i < layout->field_count; i++) {
        print_part(i, layout->fields[i].name);
        print_field(&layout->fields[i], value);
    }
    if (layout->element_kind != SOH_ELEMENTS_NONE) {
        print_part(i, layout->elements_name);
        print_elements(layout, value);
    }
}

/*
 * A type-value: the sentences below say what its numbers mean; a
 * type-value without one (MS-CorrelationId, or one newly added to the
 * table) prints part by part.  The decoder keeps only type-values with a
 * row.
 */
static void print_system_attribute(const NapSoHMessageSystemAttribute *a)
{
    const NapSoHMessageMachineInventory *inv = &a->value.machineInventory;
    const NapSoHMessageQuarantineState *state = &a->value.quarantineState;
    const struct soh_layout *layout = soh_type_value_layout(a->type);

    printf("    %s (%d): ", layout->name, (int)a->type);
    switch (a->type) {
    case napSoHMessageMachineInventory:
        printf("OS %u.%u build %u, service pack %u.%u, processor architecture %u (%s)",
               (unsigned)inv->osMajorVersion, (unsigned)inv->osMinorVersion,
               (unsigned)inv->osBuildNumber, (unsigned)inv->servicePackMajor,
               (unsigned)inv->servicePackMinor, (unsigned)inv->processorArchitecture,
               architecture_name(inv->processorArchitecture));
        break;
    case napSoHMessageQuarantineState:
        printf("flags 0x%04x, probation time ", (unsigned)state->flags);
        print_filetime(state->probationTime);
        printf(", URL %u bytes ", (unsigned)state->urlSize);
        print_octets(state->url, state->urlSize);
        break;
    case napSoHMessagePacketInfo:
        printf("0x%02x (r %u, version %u)", a->value.packetInfo, (a->value.packetInfo >> 4) & 1,
               a->value.packetInfo & 0x0f);
        break;
    case napSoHMessageSystemGeneratedIds:
    case napSoHMessageInstalledShvs:
        print_id_list(&a->value.idList);
        break;
    case napSoHMessageMachineName:
        printf("%u bytes ", (unsigned)a->value.machineName.size);
        print_octets(a->value.machineName.bytes, a->value.machineName.size);
        break;
    case napSoHMessageMachineInventoryEx:
        printf("reserved 0x%08x, product type %u (%s)",
               (unsigned)a->value.machineInventoryEx.reserved,
               a->value.machineInventoryEx.productType,
               product_type_name(a->value.machineInventoryEx.productType));
        break;
    default:
        print_value(layout, a);
        break;
    }
    printf("\n");
}

/* A TLV's value decoded, with room for as many 32-bit elements as a TLV holds. */
struct tlv_value {
    SoHAttributeValue value;
    UINT32 integers[maxSoHAttributeSize / sizeof(UINT32)];
};

/*
 * Decodes the TLV's value by its type's row: 32-bit elements into
 * out->integers, raw ones left where they lie.  FALSE if its size does not
 * fit the type (the library's rule): report entries were checked by the
 * decoder, but the SSoH's other TLVs are kept raw, whatever their size.
 */
static BOOL read_tlv_value(const SoHAttribute *a, struct tlv_value *out)
{
    const struct soh_layout *layout = soh_attribute_layout(a->type);
    UINT16 count = 0;

    memset(&out->value, 0, sizeof(out->value));
    if (!soh_tlv_size_valid(layout, a->size))
        return FALSE;
    if (layout->element_kind != SOH_ELEMENTS_NONE)
        count = (UINT16)((a->size - layout->fixed_size) / layout->element_size);
    soh_read(layout, a->value, count,
             layout->element_kind == SOH_ELEMENTS_BE32 ? out->integers : NULL, &out->value);
    return TRUE;
}

/* A report entry's System-Health-ID: its first TLV, as the decoder made sure. */
static UINT32 system_health_id(const SoH *entry)
{
    struct tlv_value id;

    (void)read_tlv_value(&entry->attributes[0], &id);
    return id.value.idVal;
}

/* One TLV: its name and number, size, then its value part by part, or in hex if it does not fit. */
static void print_tlv(const SoHAttribute *a, const char *indent)
{
    const struct soh_layout *layout = soh_attribute_layout(a->type);
    struct tlv_value value;

    printf("%s%s (%u), %u bytes: ", indent, layout->name, (unsigned)a->type, (unsigned)a->size);
    if (read_tlv_value(a, &value))
        print_value(layout, &value.value);
    else
        print_octets(a->value, a->size);
    printf("\n");
}

static void print_tree(const NapSoHMessage *m, const struct input *in)
{
    UINT16 i;
    UINT16 j;

    printf("%s message, %zu bytes\n", m->isResponse ? "SoHR" : "SoH", in->size);
    printf("  header: outer type 0x%04x (%s), outer length %zu, "
           "vendor 0x00000137 (Microsoft), format %u, inner length %zu\n",
           (unsigned)sohAttributeTypeVendorSpecific,
           soh_attribute_layout(sohAttributeTypeVendorSpecific)->name, in->size - 4,
           (unsigned)m->format, in->size - 12);
    if (in->size == 12)
        printf("  (no body: a request for an SoH)\n");
    else if (m->format == NAP_SOH_MESSAGE_FORMAT_2) {
        printf("  mode sub-header:\n    correlation id: ");
        print_correlation_id(&m->correlationId);
        printf("\n    intent: 0x%02x%s\n    content type: 0x%02x\n", m->intent,
               m->intent == NAP_SOH_MESSAGE_INTENT_REQUEST ? " (request)" : "", m->contentType);
    }
    if (m->hasSystemEntry) {
        printf("  system entry (%s), System-Health-ID 0x00013700:\n",
               m->isResponse ? "SSoHR" : "SSoH");
        for (i = 0; i < m->systemAttributeCount; i++)
            print_system_attribute(&m->systemAttributes[i]);
        if (m->systemExtras != NULL)
            for (i = 0; i < m->systemExtras->count; i++)
                print_tlv(&m->systemExtras->attributes[i], "    other TLV: ");
    }
    for (i = 0; i < m->entryCount; i++) {
        const SoH *entry = m->entries[i];

        printf("  report entry %u, System-Health-ID 0x%08x, %u attributes:\n", (unsigned)i + 1,
               (unsigned)system_health_id(entry), (unsigned)entry->count);
        for (j = 0; j < entry->count; j++)
            print_tlv(&entry->attributes[j], "    ");
    }
}

/* ---- JSON ---- */

static void json_hex(const char *key, const BYTE *bytes, size_t size)
{
    printf("\"%s\": \"", key);
    print_hex(bytes, size);
    printf("\"");
}

static void json_correlation_id(const CorrelationId *id)
{
    char date[DATE_SIZE];

    printf("{\"guid\": \"");
    print_guid(&id->connId);
    printf("\", \"timestamp\": %llu, \"date\": \"%s\"}",
           (unsigned long long)filetime_value(id->timeStamp),
           filetime_date(id->timeStamp, date));
}

/* One field by its kind: a number, or the correlation ID's object. */
static void json_field(const struct soh_field *field, const void *value)
{
    const void *at = member_at(value, field->offset);

    switch ((enum soh_field_kind)field->kind) {
    case SOH_FIELD_UINT8:
        printf("%u", *(const BYTE *)at);
        break;
    case SOH_FIELD_BE16:
        printf("%u", (unsigned)*(const UINT16 *)at);
        break;
    case SOH_FIELD_BE32:
        printf("%u", (unsigned)*(const UINT32 *)at);
        break;
    case SOH_FIELD_FILETIME:
        printf("%llu", (unsigned long long)filetime_value(*(const FILETIME *)at));
        break;
    case SOH_FIELD_CORRELATION_ID:
        json_correlation_id(at);
        break;
    }
}

/* The elements: 32-bit ones as an array of numbers, raw ones as one hex string. */
static void json_elements(const struct soh_layout *layout, const void *value)
{
    UINT16 count = soh_element_count(layout, value);
    const void *buffer = soh_element_buffer(layout, value);
    UINT16 i;

    if (layout->element_kind == SOH_ELEMENTS_BE32) {
        printf("[");
        for (i = 0; i < count; i++)
            printf("%s%u", i == 0 ? "" : ", ", (unsigned)((const UINT32 *)buffer)[i]);
        printf("]");
    } else {
        printf("\"");
        print_hex(buffer, (size_t)count * layout->element_size);
        printf("\"");
    }
}

/*
 * A type-value as an object: its number and name, then each part under
 * its C name, as its row lays it out.
 */
static void json_system_attribute(const NapSoHMessageSystemAttribute *a)
{
    const struct soh_layout *layout = soh_type_value_layout(a->type);
    unsigned i;

    printf("{\"type\": %d, \"name\": \"%s\"", (int)a->type, layout->name);
    for (i = 0; i < layout->field_count; i++) {
        printf(", \"%s\": ", layout->fields[i].name);
        json_field(&layout->fields[i], a);
    }
    if (layout->element_kind != SOH_ELEMENTS_NONE) {
        printf(", \"%s\": ", layout->elements_name);
        json_elements(layout, a);
    }
    printf("}");
}

/*
 * TLVs as their bytes in hex, whatever their type: one shape for every
 * TLV, the SSoH's other TLVs whose size does not fit their type as well.
 */
static void json_tlvs(const SoHAttribute *attributes, UINT16 count)
{
    UINT16 i;

    printf("[");
    for (i = 0; i < count; i++) {
        printf("%s{\"type\": %u, \"name\": \"%s\", \"size\": %u, ", i == 0 ? "" : ", ",
               (unsigned)attributes[i].type, soh_attribute_layout(attributes[i].type)->name,
               (unsigned)attributes[i].size);
        json_hex("value", attributes[i].value, attributes[i].size);
        printf("}");
    }
    printf("]");
}

static void print_json(const NapSoHMessage *m, const struct input *in)
{
    UINT16 i;

    printf("{\"size\": %zu, \"format\": %u, \"response\": %s", in->size, (unsigned)m->format,
           m->isResponse ? "true" : "false");
    if (in->size > 12 && m->format == NAP_SOH_MESSAGE_FORMAT_2) {
        printf(", \"modeSubHeader\": {\"correlationId\": ");
        json_correlation_id(&m->correlationId);
        printf(", \"intent\": %u, \"contentType\": %u}", m->intent, m->contentType);
    }
    if (m->hasSystemEntry) {
        printf(", \"systemEntry\": {\"attributes\": [");
        for (i = 0; i < m->systemAttributeCount; i++) {
            printf("%s", i == 0 ? "" : ", ");
            json_system_attribute(&m->systemAttributes[i]);
        }
        printf("], \"otherTlvs\": ");
        if (m->systemExtras != NULL)
            json_tlvs(m->systemExtras->attributes, m->systemExtras->count);
        else
            printf("[]");
        printf("}");
    }
    printf(", \"entries\": [");
    for (i = 0; i < m->entryCount; i++) {
        printf("%s{\"systemHealthId\": %u, \"attributes\": ", i == 0 ? "" : ", ",
               (unsigned)system_health_id(m->entries[i]));
        json_tlvs(m->entries[i]->attributes, m->entries[i]->count);
        printf("}");
    }
    printf("]}\n");
}

/* ---- commands ---- */

struct options {
    const char *command;
    const char *path;
    int json;
    int response;
};

static int usage_error(const char *reason, const char *argument)
{
    fail_message("%s '%s' (try 'napsoh --help')", reason, argument);
    return EXIT_USAGE;
}

static int parse_options(int argc, char **argv, struct options *options)
{
    int i;

    memset(options, 0, sizeof(*options));
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    options->command = argv[1];
    if (strcmp(options->command, "decode") != 0 && strcmp(options->command, "validate") != 0)
        return usage_error("unknown command", options->command);
    for (i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0 && strcmp(options->command, "decode") == 0)
            options->json = 1;
        else if (strcmp(argv[i], "--response") == 0)
            options->response = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return usage_error("unknown option", argv[i]);
        else if (options->path == NULL)
            options->path = argv[i];
        else
            return usage_error("more than one input", argv[i]);
    }
    return 0;
}

/* Reads and decodes the input; the message, or NULL after reporting why. */
static NapSoHMessage *decode_input(const struct options *options, struct input *in)
{
    NapSoHMessage *message = NULL;
    char reason[NAP_SOH_MESSAGE_REASON_SIZE];
    NetworkSoH soh;
    UINT16 offset = 0;
    HRESULT hr;

    if (read_input(options->path, in) != 0)
        return NULL;
    if (convert_hex(in) != 0)
        return NULL;
    if (in->size == 0) {
        fail_message("empty input: an SoH message has at least 12 bytes");
        return NULL;
    }
    if (in->size > maxNetworkSoHSize) {
        fail_message("invalid SoH message at byte offset %d (of %zu): longer than a "
                     "NetworkSoH's %d bytes",
                     maxNetworkSoHSize, in->size, maxNetworkSoHSize);
        return NULL;
    }
    soh.size = (UINT16)in->size;
    soh.data = in->bytes;
    hr = NapSoHMessageDecodeEx(&soh, options->response ? NAP_SOH_MESSAGE_RESPONSE : 0, &message,
                               &offset, reason, sizeof(reason));
    if (hr == NAP_E_INVALID_PACKET)
        fail_message("invalid SoH message at byte offset %u (of %zu): %s", (unsigned)offset,
                     in->size, reason);
    else if (FAILED(hr))
        fail_message("cannot decode: error 0x%08x", (unsigned)hr);
    return message;
}

/*
 * Closes standard output, so that any output still buffered is written,
 * and says so if any write failed: a full disk or a reader that went away
 * (with SIGPIPE ignored; by default SIGPIPE ends napsoh quietly, as it does
 * any program in a pipeline) must not pass for success.  ferror catches a
 * failure of an earlier, automatic flush.
 */
static int close_stdout(void)
{
    int earlier = ferror(stdout);

    errno = 0;
    if (fclose(stdout) != 0 || earlier) {
        if (errno != 0)
            fail_message("write error on standard output: %s", strerror(errno));
        else
            fail_message("write error on standard output");
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    static struct input in;
    struct options options;
    NapSoHMessage *message;
    int status;

    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage_text, stdout);
        return close_stdout();
    }
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("napsoh (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
        return close_stdout();
    }
    status = parse_options(argc, argv, &options);
    if (status != 0)
        return status;
    message = decode_input(&options, &in);
    if (message == NULL)
        return EXIT_FAILURE;
    if (strcmp(options.command, "validate") == 0)
        printf("valid %s message: %zu bytes, format %u, %s, %u report %s\n",
               options.response ? "SoHR" : "SoH", in.size, (unsigned)message->format,
               message->hasSystemEntry ? "with system entry" : "no system entry",
               (unsigned)message->entryCount, message->entryCount == 1 ? "entry" : "entries");
    else if (options.json)
        print_json(message, &in);
    else
        print_tree(message, &in);
    NapSoHMessageFree(message);
    return close_stdout();
}
