/*
 * check_sohroundtrip.c - the round-trip property of the SoH classes, on
 * random data from a seeded generator (the same cases on every run):
 *
 *   values: constructor -> GetSoH -> processor -> GetAttribute gives back
 *           exactly the values appended, and appending those again gives
 *           the same SoH bytes;
 *   bytes:  a random valid SoH -> processor -> GetAttribute -> constructor
 *           -> GetSoH gives back exactly the same bytes.
 *
 * Each test covers one attribute type (plus random companions); it prints
 * how many SoHs and attribute values it checked as a TAP comment.  The
 * types, the values and the wire sizes are generated from the table of
 * types (lib/sohtypes.c), and the values compared by it, so that a new row
 * is covered without a change here; the hand-written vectors of
 * check_sohattr.c are what checks the rows themselves.
 */
#include "config.h"

#include <stdio.h>

#define COBJMACROS
#include "naputil.h"
#include "sohtest.h"
#include "testutil.h"

#define SEED 0x4E415055u
#define SOHS_PER_TYPE 1000
/* Attributes besides the System-Health-ID: the type under test and companions. */
#define MAX_EXTRA 5

/*
 * Storage for one generated attribute value: room for the largest value's
 * elements, aligned for 32-bit ones.
 */
struct slot {
    UINT16 type;
    SoHAttributeValue value;
    union {
        UINT32 words[maxSoHAttributeSize / 4];
        BYTE bytes[maxSoHAttributeSize];
    } elements;
};

static struct slot slots[MAX_EXTRA + 1];

/*
 * The most elements a value of layout may have: as many as its row allows,
 * and as fit a TLV (which check_sohtypes sees is at least the least).
 */
static unsigned most_elements(const struct soh_layout *layout)
{
    return (unsigned)most_elements_within(layout, maxSoHAttributeSize);
}

/*
 * A random value of type in slot, anywhere in its permitted range, made
 * from the type's row: random fields, and a count of elements that hits
 * both ends of the range often.
 */
static void random_value(UINT16 type, struct slot *slot)
{
    const struct soh_layout *layout = soh_attribute_layout(type);
    UINT16 count = 0;

    slot->type = type;
    if (layout->element_kind != SOH_ELEMENTS_NONE)
        count = (UINT16)random_count(layout->min_count, most_elements(layout));
    random_layout_value(layout, &slot->value, sizeof(slot->value), count, slot->elements.bytes);
}

/*
 * The types of one random SoH: the type under test first, then random
 * companions.  A response gets Compliance-Result-Codes when it lacks both
 * that and a Failure-Category, and never two fixup lists of one family.
 */
static unsigned random_types(UINT16 tested, BOOL isRequest, UINT16 *chosen)
{
    unsigned count = 1 + test_random_below(MAX_EXTRA - 1);
    BOOL has_result = FALSE;
    unsigned i;

    chosen[0] = tested;
    for (i = 1; i < count; i++) {
        chosen[i] = generated_type(test_random_below(GENERATED_TYPE_COUNT));
        if (!isRequest && (chosen[i] == sohAttributeTypeIpv4FixupServers ||
                           chosen[i] == sohAttributeTypeIpv6FixupServers))
            chosen[i] = sohAttributeTypeSoftwareVersion;
    }
    for (i = 0; i < count; i++)
        if (chosen[i] == sohAttributeTypeComplianceResultCodes ||
            chosen[i] == sohAttributeTypeFailureCategory)
            has_result = TRUE;
    if (!isRequest && !has_result)
        chosen[count++] = sohAttributeTypeComplianceResultCodes;
    return count;
}

/* Counts of what the tests checked, printed per test. */
static unsigned long sohs_checked;
static unsigned long values_checked;

/*
 * Reads soh with a processor and appends every attribute to a new
 * constructor; returns the constructor's SoH.  With expected, each value
 * must equal the slot of the same index (after the System-Health-ID).
 */
static SoH *read_and_rebuild(const SoH *soh, BOOL isRequest, SystemHealthEntityId expected_id,
                             const struct slot *expected)
{
    INapSoHProcessor *processor = new_processor();
    INapSoHConstructor *constructor;
    SystemHealthEntityId id = 0;
    UINT16 count = 0;
    SoH *rebuilt = NULL;
    UINT16 i;

    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, soh, isRequest, &id), S_OK);
    ck_assert_uint_eq(id, expected_id);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count), S_OK);
    ck_assert_uint_eq(count, soh->count);
    constructor = initialized_constructor(id, isRequest);
    for (i = 0; i < count; i++) {
        SoHAttributeType type = (SoHAttributeType)0;
        SoHAttributeValue *value = NULL;

        ck_assert_int_eq(INapSoHProcessor_GetAttribute(processor, i, &type, &value), S_OK);
        ck_assert_uint_eq(type, soh->attributes[i].type);
        if (i == 0) {
            ck_assert_uint_eq(value->idVal, expected_id);
        } else {
            if (expected != NULL)
                ck_assert_msg(same_layout_value(soh_attribute_layout((UINT16)type), value,
                                                &expected[i - 1].value),
                              "type %u at %u differs", (unsigned)type, (unsigned)i);
            ck_assert_int_eq(INapSoHConstructor_AppendAttribute(constructor, type, value), S_OK);
        }
        FreeSoHAttributeValue(type, value);
        values_checked++;
    }
    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &rebuilt), S_OK);
    INapSoHConstructor_Release(constructor);
    INapSoHProcessor_Release(processor);
    return rebuilt;
}

static void print_counts(const char *direction, UINT16 type)
{
    printf("# %s round trip, type %u: %lu SoHs, %lu attribute values\n", direction,
           (unsigned)type, sohs_checked, values_checked);
    fflush(stdout);
}

/* Values appended come back from GetAttribute, and append again to the same bytes. */
START_TEST(values_round_trip)
{
    UINT16 tested = generated_type((unsigned)_i);
    int n;

    test_random_seed(SEED + _i);
    sohs_checked = values_checked = 0;
    for (n = 0; n < SOHS_PER_TYPE; n++) {
        BOOL isRequest = test_random_below(2) == 0;
        SystemHealthEntityId id = (SystemHealthEntityId)test_random();
        INapSoHConstructor *constructor = initialized_constructor(id, isRequest);
        UINT16 chosen[MAX_EXTRA + 1];
        unsigned count = random_types(tested, isRequest, chosen);
        SoH *built = NULL;
        SoH *rebuilt;
        unsigned i;

        for (i = 0; i < count; i++) {
            random_value(chosen[i], &slots[i]);
            ck_assert_int_eq(INapSoHConstructor_AppendAttribute(
                                 constructor, (SoHAttributeType)chosen[i], &slots[i].value),
                             S_OK);
        }
        ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &built), S_OK);
        INapSoHConstructor_Release(constructor);
        rebuilt = read_and_rebuild(built, isRequest, id, slots);
        ck_assert(same_soh(built, rebuilt));
        FreeSoH(built);
        FreeSoH(rebuilt);
        sohs_checked++;
    }
    print_counts("values", tested);
}
END_TEST

/* A random wire size that is valid for type, by its row. */
static UINT16 random_wire_size(UINT16 type)
{
    const struct soh_layout *layout = soh_attribute_layout(type);
    unsigned count;

    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return layout->fixed_size;
    count = random_count(layout->min_count, most_elements(layout));
    return (UINT16)(layout->fixed_size + layout->element_size * count);
}

/* Random valid wire bytes read and appended again give the same bytes. */
START_TEST(bytes_round_trip)
{
    UINT16 tested = generated_type((unsigned)_i);
    int n;

    test_random_seed(SEED + 1000 + _i);
    sohs_checked = values_checked = 0;
    for (n = 0; n < SOHS_PER_TYPE; n++) {
        BOOL isRequest = test_random_below(2) == 0;
        UINT16 chosen[MAX_EXTRA + 1];
        unsigned count = random_types(tested, isRequest, chosen);
        SoHAttribute attributes[MAX_EXTRA + 2];
        SoH soh = {(UINT16)(count + 1), attributes};
        SoH *rebuilt;
        unsigned i;

        random_fill(slots[0].elements.bytes, 4);
        attributes[0].type = sohAttributeTypeSystemHealthId;
        attributes[0].size = 4;
        attributes[0].value = slots[0].elements.bytes;
        for (i = 0; i < count; i++) {
            attributes[i + 1].type = chosen[i];
            attributes[i + 1].size = random_wire_size(chosen[i]);
            attributes[i + 1].value = slots[i + 1].elements.bytes;
            random_fill(slots[i + 1].elements.bytes, attributes[i + 1].size);
        }
        rebuilt = read_and_rebuild(&soh, isRequest,
                                   (SystemHealthEntityId)slots[0].elements.bytes[0] << 24 |
                                       (SystemHealthEntityId)slots[0].elements.bytes[1] << 16 |
                                       (SystemHealthEntityId)slots[0].elements.bytes[2] << 8 |
                                       slots[0].elements.bytes[3],
                                   NULL);
        ck_assert(same_soh(&soh, rebuilt));
        FreeSoH(rebuilt);
        sohs_checked++;
    }
    print_counts("bytes", tested);
}
END_TEST

static Suite *roundtrip_suite(void)
{
    Suite *suite = suite_create("sohroundtrip");
    TCase *values = add_test_case(suite, "values");
    TCase *bytes = add_test_case(suite, "bytes");

    tcase_add_loop_test(values, values_round_trip, 0, GENERATED_TYPE_COUNT);
    tcase_add_loop_test(bytes, bytes_round_trip, 0, GENERATED_TYPE_COUNT);
    return suite;
}

int main(void)
{
    return run_suite(roundtrip_suite());
}
