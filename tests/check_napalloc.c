/*
 * check_napalloc.c - tests of AllocConnections, AllocCountedString and
 * AllocFixupInfo (lib/napalloc.c): results field by field, counts at and
 * past the limits, NULL arguments, and a failure at every allocation.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "naputil.h"
#include "testutil.h"

/* A non-NULL value the functions must overwrite on failure. */
#define STALE ((void *)(uintptr_t)0xDEADBEEF)

/* True if every byte of the block is zero. */
static int all_zero(const void *block, size_t size)
{
    const unsigned char *bytes = block;
    size_t i;

    for (i = 0; i < size; i++)
        if (bytes[i] != 0)
            return 0;
    return 1;
}

/* AllocConnections */

static void check_connections(UINT16 count)
{
    Connections *list = STALE;
    Connections expected;
    UINT16 i;

    ck_assert_int_eq(AllocConnections(&list, count), S_OK);
    ck_assert_ptr_nonnull(list);
    ck_assert_uint_eq(list->count, count);
    for (i = 0; i < count; i++)
        ck_assert_ptr_null(list->connections[i]);
    /* Every byte but count and the array pointer is zero, padding included. */
    memcpy(&expected, list, sizeof(expected));
    expected.count = 0;
    expected.connections = NULL;
    ck_assert(all_zero(&expected, sizeof(expected)));
    FreeConnections(list);
}

START_TEST(connections_one)
{
    check_connections(1);
}
END_TEST

START_TEST(connections_limit)
{
    check_connections(maxConnectionCountPerEnforcer);
}
END_TEST

START_TEST(connections_zero_has_no_array)
{
    Connections *list = STALE;

    ck_assert_int_eq(AllocConnections(&list, 0), S_OK);
    ck_assert_ptr_nonnull(list);
    ck_assert_uint_eq(list->count, 0);
    ck_assert_ptr_null(list->connections);
    FreeConnections(list);
}
END_TEST

START_TEST(connections_past_limit)
{
    Connections *list = STALE;

    ck_assert_int_eq(AllocConnections(&list, maxConnectionCountPerEnforcer + 1), E_INVALIDARG);
    ck_assert_ptr_null(list);
    list = STALE;
    ck_assert_int_eq(AllocConnections(&list, UINT16_MAX), E_INVALIDARG);
    ck_assert_ptr_null(list);
}
END_TEST

START_TEST(connections_null_out)
{
    ck_assert_int_eq(AllocConnections(NULL, 1), E_INVALIDARG);
    ck_assert_int_eq(AllocConnections(NULL, 0), E_INVALIDARG);
}
END_TEST

static HRESULT attempt_connections(void **out, UINT16 count)
{
    Connections *list = STALE;
    HRESULT hr = AllocConnections(&list, count);

    *out = list;
    return hr;
}

static HRESULT attempt_connections_0(void **out)
{
    return attempt_connections(out, 0);
}

static HRESULT attempt_connections_20(void **out)
{
    return attempt_connections(out, 20);
}

static void release_connections(void *out)
{
    FreeConnections(out);
}

START_TEST(connections_out_of_memory)
{
    ck_assert_uint_eq(exercise_allocation_failures(attempt_connections_0, release_connections), 1);
    ck_assert_uint_eq(exercise_allocation_failures(attempt_connections_20, release_connections), 2);
}
END_TEST

/* AllocCountedString */

START_TEST(counted_string_copies)
{
    static const WCHAR text[] = u"Hello, NAP";
    CountedString *counted = STALE;

    ck_assert_int_eq(AllocCountedString(&counted, text), S_OK);
    ck_assert_ptr_nonnull(counted);
    ck_assert_uint_eq(counted->length, 10);
    ck_assert_ptr_ne(counted->string, text);
    ck_assert_mem_eq(counted->string, text, sizeof(text));
    FreeCountedString(counted);
}
END_TEST

START_TEST(counted_string_struct_is_zeroed)
{
    CountedString *counted = NULL;
    CountedString expected;

    ck_assert_int_eq(AllocCountedString(&counted, u"x"), S_OK);
    memcpy(&expected, counted, sizeof(expected));
    expected.length = 0;
    expected.string = NULL;
    ck_assert(all_zero(&expected, sizeof(expected)));
    FreeCountedString(counted);
}
END_TEST

/* Length counts UTF-16 units: a character outside the BMP counts twice. */
START_TEST(counted_string_counts_code_units)
{
    CountedString *counted = NULL;

    ck_assert_int_eq(AllocCountedString(&counted, u"\U0001F512 ok"), S_OK);
    ck_assert_uint_eq(counted->length, 5);
    ck_assert_uint_eq(counted->string[0], 0xD83D);
    ck_assert_uint_eq(counted->string[1], 0xDD12);
    ck_assert_uint_eq(counted->string[5], 0);
    FreeCountedString(counted);
}
END_TEST

START_TEST(counted_string_empty)
{
    CountedString *counted = STALE;

    ck_assert_int_eq(AllocCountedString(&counted, u""), S_OK);
    ck_assert_ptr_nonnull(counted);
    ck_assert_uint_eq(counted->length, 0);
    ck_assert_ptr_nonnull(counted->string);
    ck_assert_uint_eq(counted->string[0], 0);
    FreeCountedString(counted);
}
END_TEST

/* A heap string of length units plus, if terminated, a NUL. */
static WCHAR *make_string(size_t length, int terminated)
{
    WCHAR *string = malloc((length + (terminated ? 1 : 0)) * sizeof(WCHAR));
    size_t i;

    ck_assert_ptr_nonnull(string);
    for (i = 0; i < length; i++)
        string[i] = (WCHAR)(u'a' + i % 26);
    if (terminated)
        string[length] = 0;
    return string;
}

START_TEST(counted_string_limit)
{
    WCHAR *string = make_string(maxStringLength, 1);
    CountedString *counted = NULL;

    ck_assert_int_eq(AllocCountedString(&counted, string), S_OK);
    ck_assert_uint_eq(counted->length, maxStringLength);
    ck_assert_mem_eq(counted->string, string, (maxStringLength + 1) * sizeof(WCHAR));
    FreeCountedString(counted);
    free(string);
}
END_TEST

START_TEST(counted_string_past_limit)
{
    WCHAR *string = make_string(maxStringLength + 1, 1);
    CountedString *counted = STALE;

    ck_assert_int_eq(AllocCountedString(&counted, string), E_INVALIDARG);
    ck_assert_ptr_null(counted);
    free(string);
}
END_TEST

/*
 * An over-long string is rejected after reading 1025 units, so even one
 * with no terminator in its block is never read past its end (valgrind and
 * ASan would report the overrun).
 */
START_TEST(counted_string_reads_no_further_than_the_limit)
{
    WCHAR *string = make_string(maxStringLength + 1, 0);
    CountedString *counted = STALE;

    ck_assert_int_eq(AllocCountedString(&counted, string), E_INVALIDARG);
    ck_assert_ptr_null(counted);
    free(string);
}
END_TEST

/*
 * Every length from well under the limit to past it, terminated in a block
 * of its exact size: the NUL is found at each place within the scan's steps
 * of several units, and after the last of them.
 */
START_TEST(counted_string_every_length_near_the_limit)
{
    size_t length;

    for (length = maxStringLength - 40; length <= maxStringLength + 8; length++) {
        WCHAR *string = make_string(length, 1);
        CountedString *counted = STALE;
        HRESULT hr = AllocCountedString(&counted, string);

        if (length <= maxStringLength) {
            ck_assert_int_eq(hr, S_OK);
            ck_assert_uint_eq(counted->length, length);
            ck_assert_mem_eq(counted->string, string, (length + 1) * sizeof(WCHAR));
            FreeCountedString(counted);
        } else {
            ck_assert_int_eq(hr, E_INVALIDARG);
            ck_assert_ptr_null(counted);
        }
        free(string);
    }
}
END_TEST

START_TEST(counted_string_null_arguments)
{
    CountedString *counted = STALE;

    ck_assert_int_eq(AllocCountedString(&counted, NULL), E_INVALIDARG);
    ck_assert_ptr_null(counted);
    ck_assert_int_eq(AllocCountedString(NULL, u"text"), E_INVALIDARG);
    ck_assert_int_eq(AllocCountedString(NULL, NULL), E_INVALIDARG);
}
END_TEST

/*
 * Microsoft's samples copy the struct into another one, free only the outer
 * block, and free the string later: the string must be its own block.
 */
START_TEST(counted_string_buffer_is_separate)
{
    long before = live_heap_blocks();
    CountedString *counted = NULL;
    CountedString embedded;
    HRESULT hr;
    int same_text;
    long after;

    hr = AllocCountedString(&counted, u"friendly name");
    embedded = *counted;
    CoTaskMemFree(counted);
    same_text = memcmp(embedded.string, u"friendly name", 14 * sizeof(WCHAR)) == 0;
    CoTaskMemFree(embedded.string);
    after = live_heap_blocks();

    ck_assert_int_eq(hr, S_OK);
    ck_assert(same_text);
    ck_assert_int_eq(after, before);
}
END_TEST

static HRESULT attempt_counted_string(void **out)
{
    CountedString *counted = STALE;
    HRESULT hr = AllocCountedString(&counted, u"http://remediation.example/");

    *out = counted;
    return hr;
}

static HRESULT attempt_empty_counted_string(void **out)
{
    CountedString *counted = STALE;
    HRESULT hr = AllocCountedString(&counted, u"");

    *out = counted;
    return hr;
}

static void release_counted_string(void *out)
{
    FreeCountedString(out);
}

START_TEST(counted_string_out_of_memory)
{
    ck_assert_uint_eq(exercise_allocation_failures(attempt_counted_string, release_counted_string), 2);
    ck_assert_uint_eq(
        exercise_allocation_failures(attempt_empty_counted_string, release_counted_string), 2);
}
END_TEST

/* AllocFixupInfo */

static void check_fixup_info(UINT16 count)
{
    FixupInfo *info = STALE;
    FixupInfo expected;

    ck_assert_int_eq(AllocFixupInfo(&info, count), S_OK);
    ck_assert_ptr_nonnull(info);
    ck_assert_uint_eq(info->resultCodes.count, count);
    ck_assert_int_eq(info->state, fixupStateSuccess);
    ck_assert_uint_eq(info->percentage, 0);
    ck_assert_uint_eq(info->fixupMsgId, 0);
    if (count > 0) {
        ck_assert_ptr_nonnull(info->resultCodes.results);
        ck_assert(all_zero(info->resultCodes.results, count * sizeof(HRESULT)));
        /* The caller fills the array, as Microsoft's sample SHA does. */
        info->resultCodes.results[count - 1] = E_FAIL;
    } else {
        ck_assert_ptr_null(info->resultCodes.results);
    }
    memcpy(&expected, info, sizeof(expected));
    expected.resultCodes.count = 0;
    expected.resultCodes.results = NULL;
    ck_assert(all_zero(&expected, sizeof(expected)));
    FreeFixupInfo(info);
}

START_TEST(fixup_info_eight)
{
    check_fixup_info(8);
}
END_TEST

START_TEST(fixup_info_zero_has_no_array)
{
    check_fixup_info(0);
}
END_TEST

START_TEST(fixup_info_limit)
{
    check_fixup_info(maxDwordCountPerSoHAttribute);
}
END_TEST

START_TEST(fixup_info_past_limit)
{
    FixupInfo *info = STALE;

    ck_assert_int_eq(AllocFixupInfo(&info, maxDwordCountPerSoHAttribute + 1), E_INVALIDARG);
    ck_assert_ptr_null(info);
    info = STALE;
    ck_assert_int_eq(AllocFixupInfo(&info, UINT16_MAX), E_INVALIDARG);
    ck_assert_ptr_null(info);
}
END_TEST

START_TEST(fixup_info_null_out)
{
    ck_assert_int_eq(AllocFixupInfo(NULL, 1), E_INVALIDARG);
    ck_assert_int_eq(AllocFixupInfo(NULL, 0), E_INVALIDARG);
}
END_TEST

static HRESULT attempt_fixup_info(void **out, UINT16 count)
{
    FixupInfo *info = STALE;
    HRESULT hr = AllocFixupInfo(&info, count);

    *out = info;
    return hr;
}

static HRESULT attempt_fixup_info_0(void **out)
{
    return attempt_fixup_info(out, 0);
}

static HRESULT attempt_fixup_info_1000(void **out)
{
    return attempt_fixup_info(out, 1000);
}

static void release_fixup_info(void *out)
{
    FreeFixupInfo(out);
}

START_TEST(fixup_info_out_of_memory)
{
    ck_assert_uint_eq(exercise_allocation_failures(attempt_fixup_info_0, release_fixup_info), 1);
    ck_assert_uint_eq(exercise_allocation_failures(attempt_fixup_info_1000, release_fixup_info), 2);
}
END_TEST

static Suite *napalloc_suite(void)
{
    Suite *suite = suite_create("napalloc");
    TCase *connections = add_test_case(suite, "AllocConnections");
    TCase *counted = add_test_case(suite, "AllocCountedString");
    TCase *fixup = add_test_case(suite, "AllocFixupInfo");

    tcase_add_test(connections, connections_one);
    tcase_add_test(connections, connections_limit);
    tcase_add_test(connections, connections_zero_has_no_array);
    tcase_add_test(connections, connections_past_limit);
    tcase_add_test(connections, connections_null_out);
    tcase_add_test(connections, connections_out_of_memory);

    tcase_add_test(counted, counted_string_copies);
    tcase_add_test(counted, counted_string_struct_is_zeroed);
    tcase_add_test(counted, counted_string_counts_code_units);
    tcase_add_test(counted, counted_string_empty);
    tcase_add_test(counted, counted_string_limit);
    tcase_add_test(counted, counted_string_past_limit);
    tcase_add_test(counted, counted_string_reads_no_further_than_the_limit);
    tcase_add_test(counted, counted_string_every_length_near_the_limit);
    tcase_add_test(counted, counted_string_null_arguments);
    tcase_add_test(counted, counted_string_buffer_is_separate);
    tcase_add_test(counted, counted_string_out_of_memory);

    tcase_add_test(fixup, fixup_info_eight);
    tcase_add_test(fixup, fixup_info_zero_has_no_array);
    tcase_add_test(fixup, fixup_info_limit);
    tcase_add_test(fixup, fixup_info_past_limit);
    tcase_add_test(fixup, fixup_info_null_out);
    tcase_add_test(fixup, fixup_info_out_of_memory);
    return suite;
}

int main(void)
{
    return run_suite(napalloc_suite());
}
