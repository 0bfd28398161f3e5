/*
 * check_activation.c - tests of COM activation (lib/activation.c) as a C
 * program written for Windows calls it: CoInitialize, CoInitializeEx and
 * CoUninitialize counting per thread, and CoCreateInstance creating the two
 * SoH classes for any interface they implement, with Windows' results for
 * every other class, context, outer unknown and out-pointer.
 */
#include "config.h"

#include <pthread.h>

#define COBJMACROS
#include "naputil.h"
#include "napcertrelyingparty.h"
#include "napsystemhealthagent.h"
#include "testutil.h"

/* Leaves this thread uninitialized, however often a test initialized it. */
static void uninitialize_fully(void)
{
    int i;

    for (i = 0; i < 8; i++)
        CoUninitialize();
}

START_TEST(first_initialize_is_s_ok_then_s_false)
{
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_FALSE);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED | COINIT_DISABLE_OLE1DDE),
                     S_FALSE);
    CoUninitialize();
    CoUninitialize();
    CoUninitialize();
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    CoUninitialize();
}
END_TEST

START_TEST(each_success_needs_one_uninitialize)
{
    ck_assert_int_eq(CoInitialize(NULL), S_OK);
    ck_assert_int_eq(CoInitialize(NULL), S_FALSE);
    CoUninitialize();
    /* One call is still outstanding, so the thread stays initialized. */
    ck_assert_int_eq(CoInitialize(NULL), S_FALSE);
    CoUninitialize();
    CoUninitialize();
    ck_assert_int_eq(CoInitialize(NULL), S_OK);
    CoUninitialize();
}
END_TEST

START_TEST(uninitialize_without_initialize_does_nothing)
{
    CoUninitialize();
    CoUninitialize();
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), S_OK);
    CoUninitialize();
}
END_TEST

START_TEST(co_initialize_is_apartment_threaded)
{
    ck_assert_int_eq(CoInitialize(NULL), S_OK);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), S_FALSE);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), RPC_E_CHANGED_MODE);
    CoUninitialize();
    CoUninitialize();
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    CoUninitialize();
}
END_TEST

START_TEST(changed_mode_is_refused_and_not_counted)
{
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), RPC_E_CHANGED_MODE);
    CoUninitialize();
    /* The refused call took no count: one uninitialize ended it all. */
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), S_OK);
    CoUninitialize();
}
END_TEST

START_TEST(bad_initialize_arguments)
{
    int reserved;

    ck_assert_int_eq(CoInitializeEx(&reserved, COINIT_MULTITHREADED), E_INVALIDARG);
    ck_assert_int_eq(CoInitialize(&reserved), E_INVALIDARG);
    ck_assert_int_eq(CoInitializeEx(NULL, 0x10), E_INVALIDARG);
    ck_assert_int_eq(CoInitializeEx(NULL, 0x80000000u), E_INVALIDARG);
    /* None of them counted. */
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    CoUninitialize();
}
END_TEST

/* What a thread body returns when it failed; run_threads asserts NULL. */
static char thread_failed;

static void *initialize_in_thread(void *unused)
{
    (void)unused;
    /* A new thread starts uninitialized, whatever the main thread did. */
    if (CoInitializeEx(NULL, COINIT_APARTMENTTHREADED) != S_OK)
        return &thread_failed;
    if (CoInitializeEx(NULL, COINIT_APARTMENTTHREADED) != S_FALSE)
        return &thread_failed;
    CoUninitialize();
    CoUninitialize();
    return NULL;
}

START_TEST(the_count_is_per_thread)
{
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    run_threads(initialize_in_thread, NULL, 4);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_FALSE);
    uninitialize_fully();
}
END_TEST

/* The interfaces each class answers, and one it does not. */
static const struct {
    const CLSID *clsid;
    const IID *own;
    const IID *other;
} classes[] = {
    {&CLSID_NapSoHConstructor, &IID_INapSoHConstructor, &IID_INapSoHProcessor},
    {&CLSID_NapSoHProcessor, &IID_INapSoHProcessor, &IID_INapSoHConstructor},
};

/*
 * The heap is counted around calls of the library only: Check's assertions
 * free blocks that the C library allocated for it, uncounted.
 */
START_TEST(creates_each_class_for_its_interfaces)
{
    IUnknown *unknown = NULL;
    void *object = NULL;
    void *again = &again;
    HRESULT created, asked, created_unknown;
    ULONG after_again, after_object, after_unknown;
    long before, after;

    before = live_heap_blocks();
    created = CoCreateInstance(classes[_i].clsid, NULL, CLSCTX_INPROC_SERVER, classes[_i].own,
                               &object);
    if (created != S_OK || object == NULL)
        ck_abort_msg("CoCreateInstance gave 0x%08X", (unsigned)created);
    /* The object is the class's: it answers its own IID with itself. */
    asked = IUnknown_QueryInterface((IUnknown *)object, classes[_i].own, &again);
    after_again = asked == S_OK ? IUnknown_Release((IUnknown *)again) : 99;
    /* The caller holds the only reference. */
    after_object = IUnknown_Release((IUnknown *)object);
    created_unknown = CoCreateInstance(classes[_i].clsid, NULL, CLSCTX_ALL, &IID_IUnknown,
                                       (void **)&unknown);
    after_unknown = created_unknown == S_OK ? IUnknown_Release(unknown) : 99;
    after = live_heap_blocks();

    ck_assert_int_eq(asked, S_OK);
    ck_assert_ptr_eq(again, object);
    ck_assert_uint_eq(after_again, 1);
    ck_assert_uint_eq(after_object, 0);
    ck_assert_int_eq(created_unknown, S_OK);
    ck_assert_uint_eq(after_unknown, 0);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(created_objects_work)
{
    INapSoHConstructor *constructor = NULL;
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    UINT16 count = 0;
    SoH *soh = NULL;

    ck_assert_int_eq(CoInitialize(NULL), S_OK);
    ck_assert_int_eq(CoCreateInstance(&CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                      &IID_INapSoHConstructor, (void **)&constructor),
                     S_OK);
    ck_assert_int_eq(INapSoHConstructor_Initialize(constructor, 0x137F0, TRUE), S_OK);
    ck_assert_int_eq(INapSoHConstructor_GetSoH(constructor, &soh), S_OK);
    INapSoHConstructor_Release(constructor);

    ck_assert_int_eq(CoCreateInstance(&CLSID_NapSoHProcessor, NULL, CLSCTX_INPROC_SERVER,
                                      &IID_INapSoHProcessor, (void **)&processor),
                     S_OK);
    ck_assert_int_eq(INapSoHProcessor_Initialize(processor, soh, TRUE, &id), S_OK);
    ck_assert_uint_eq(id, 0x137F0);
    ck_assert_int_eq(INapSoHProcessor_GetNumberOfAttributes(processor, &count), S_OK);
    ck_assert_uint_eq(count, 1);
    INapSoHProcessor_Release(processor);
    FreeSoH(soh);
    CoUninitialize();
}
END_TEST

START_TEST(works_without_initialize)
{
    IUnknown *unknown = NULL;

    ck_assert_int_eq(CoCreateInstance(&CLSID_NapSoHProcessor, NULL, CLSCTX_INPROC_SERVER,
                                      &IID_IUnknown, (void **)&unknown),
                     S_OK);
    ck_assert_uint_eq(IUnknown_Release(unknown), 0);
}
END_TEST

START_TEST(unsupported_interface_is_e_nointerface)
{
    void *object = &object;
    void *connection = &connection;
    HRESULT other, unrelated;
    long before, after;

    before = live_heap_blocks();
    other = CoCreateInstance(classes[_i].clsid, NULL, CLSCTX_INPROC_SERVER, classes[_i].other,
                             &object);
    unrelated = CoCreateInstance(classes[_i].clsid, NULL, CLSCTX_INPROC_SERVER,
                                 &IID_INapEnforcementClientConnection, &connection);
    after = live_heap_blocks();

    ck_assert_int_eq(other, E_NOINTERFACE);
    ck_assert_ptr_null(object);
    ck_assert_int_eq(unrelated, E_NOINTERFACE);
    ck_assert_ptr_null(connection);
    ck_assert_int_eq(after, before);
}
END_TEST

/* The NAP agent's and NPS's classes: declared, but no service here provides them. */
static const CLSID *const service_classes[] = {
    &CLSID_NapSystemHealthAgentBinding, &CLSID_NapClientManagement, &CLSID_NapServerManagement,
    &CLSID_NapServerInfo, &CLSID_NapCertRelyingParty,
};

START_TEST(service_classes_are_not_registered)
{
    void *object = &object;

    ck_assert_int_eq(CoCreateInstance(service_classes[_i], NULL, CLSCTX_ALL, &IID_IUnknown,
                                      &object),
                     REGDB_E_CLASSNOTREG);
    ck_assert_ptr_null(object);
}
END_TEST

START_TEST(other_classes_are_not_registered)
{
    void *object = &object;

    /* An interface's IID is no class; nor is IUnknown's, nor a near miss. */
    ck_assert_int_eq(CoCreateInstance(&IID_INapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                      &IID_IUnknown, &object),
                     REGDB_E_CLASSNOTREG);
    ck_assert_ptr_null(object);
    object = &object;
    ck_assert_int_eq(CoCreateInstance(&IID_IUnknown, NULL, CLSCTX_ALL, &IID_IUnknown, &object),
                     REGDB_E_CLASSNOTREG);
    ck_assert_ptr_null(object);
}
END_TEST

START_TEST(a_near_miss_is_not_the_class)
{
    CLSID near = *classes[_i].clsid;
    void *object = &object;

    near.Data4[7] ^= 1;
    ck_assert_int_eq(CoCreateInstance(&near, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, &object),
                     REGDB_E_CLASSNOTREG);
    ck_assert_ptr_null(object);
}
END_TEST

START_TEST(only_the_in_process_context_has_the_classes)
{
    static const DWORD contexts[] = {CLSCTX_LOCAL_SERVER, CLSCTX_REMOTE_SERVER,
                                     CLSCTX_INPROC_HANDLER,
                                     CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER, 0};
    IUnknown *unknown = NULL;
    void *object;
    int i;

    for (i = 0; i < COUNT_OF(contexts); i++) {
        object = &object;
        ck_assert_int_eq(CoCreateInstance(classes[_i].clsid, NULL, contexts[i], &IID_IUnknown,
                                          &object),
                         REGDB_E_CLASSNOTREG);
        ck_assert_ptr_null(object);
    }
    ck_assert_int_eq(CoCreateInstance(classes[_i].clsid, NULL, CLSCTX_SERVER, &IID_IUnknown,
                                      (void **)&unknown),
                     S_OK);
    IUnknown_Release(unknown);
}
END_TEST

/* A stand-in outer object: aggregation is refused before it is ever called. */
static HRESULT STDMETHODCALLTYPE outer_query_interface(IUnknown *This, REFIID riid, void **ppv)
{
    (void)This;
    (void)riid;
    *ppv = NULL;
    ck_abort_msg("the outer unknown was called");
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE outer_add_ref(IUnknown *This)
{
    (void)This;
    ck_abort_msg("the outer unknown was called");
    return 0;
}

static ULONG STDMETHODCALLTYPE outer_release(IUnknown *This)
{
    return outer_add_ref(This);
}

START_TEST(aggregation_is_refused)
{
    static const IUnknownVtbl outer_vtbl = {outer_query_interface, outer_add_ref, outer_release};
    IUnknown outer = {&outer_vtbl};
    void *object = &object;
    long before, after;
    HRESULT hr;

    before = live_heap_blocks();
    hr = CoCreateInstance(classes[_i].clsid, &outer, CLSCTX_INPROC_SERVER, &IID_IUnknown,
                          &object);
    after = live_heap_blocks();
    ck_assert_int_eq(hr, CLASS_E_NOAGGREGATION);
    ck_assert_ptr_null(object);
    ck_assert_int_eq(after, before);
}
END_TEST

START_TEST(null_arguments)
{
    void *object = &object;

    ck_assert_int_eq(CoCreateInstance(&CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                      &IID_IUnknown, NULL),
                     E_POINTER);
    ck_assert_int_eq(CoCreateInstance(NULL, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, &object),
                     E_INVALIDARG);
    ck_assert_ptr_null(object);
    object = &object;
    ck_assert_int_eq(CoCreateInstance(&CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                                      NULL, &object),
                     E_INVALIDARG);
    ck_assert_ptr_null(object);
}
END_TEST

static HRESULT create_instance(void **out)
{
    return CoCreateInstance(&CLSID_NapSoHConstructor, NULL, CLSCTX_INPROC_SERVER,
                            &IID_INapSoHConstructor, out);
}

static void release_instance(void *object)
{
    IUnknown_Release((IUnknown *)object);
}

START_TEST(out_of_memory_fails_cleanly)
{
    ck_assert_uint_ge(exercise_allocation_failures(create_instance, release_instance), 1);
}
END_TEST

static void *create_in_thread(void *unused)
{
    INapSoHProcessor *processor;
    int i;

    (void)unused;
    if (CoInitializeEx(NULL, COINIT_MULTITHREADED) != S_OK)
        return &thread_failed;
    for (i = 0; i < 200; i++) {
        processor = NULL;
        if (CoCreateInstance(&CLSID_NapSoHProcessor, NULL, CLSCTX_INPROC_SERVER,
                             &IID_INapSoHProcessor, (void **)&processor) != S_OK)
            return &thread_failed;
        if (INapSoHProcessor_Release(processor) != 0)
            return &thread_failed;
    }
    CoUninitialize();
    return NULL;
}

START_TEST(threads_create_in_parallel)
{
    run_threads(create_in_thread, NULL, 4);
}
END_TEST

static Suite *activation_suite(void)
{
    Suite *suite = suite_create("activation");
    TCase *initialize = add_test_case(suite, "initialize");
    TCase *create = add_test_case(suite, "create instance");

    tcase_add_test(initialize, first_initialize_is_s_ok_then_s_false);
    tcase_add_test(initialize, each_success_needs_one_uninitialize);
    tcase_add_test(initialize, uninitialize_without_initialize_does_nothing);
    tcase_add_test(initialize, co_initialize_is_apartment_threaded);
    tcase_add_test(initialize, changed_mode_is_refused_and_not_counted);
    tcase_add_test(initialize, bad_initialize_arguments);
    tcase_add_test(initialize, the_count_is_per_thread);

    tcase_add_loop_test(create, creates_each_class_for_its_interfaces, 0, COUNT_OF(classes));
    tcase_add_test(create, created_objects_work);
    tcase_add_test(create, works_without_initialize);
    tcase_add_loop_test(create, unsupported_interface_is_e_nointerface, 0, COUNT_OF(classes));
    tcase_add_test(create, other_classes_are_not_registered);
    tcase_add_loop_test(create, service_classes_are_not_registered, 0,
                        COUNT_OF(service_classes));
    tcase_add_loop_test(create, a_near_miss_is_not_the_class, 0, COUNT_OF(classes));
    tcase_add_loop_test(create, only_the_in_process_context_has_the_classes, 0,
                        COUNT_OF(classes));
    tcase_add_loop_test(create, aggregation_is_refused, 0, COUNT_OF(classes));
    tcase_add_test(create, null_arguments);
    tcase_add_test(create, out_of_memory_fails_cleanly);
    tcase_add_test(create, threads_create_in_parallel);
    return suite;
}

int main(void)
{
    return run_suite(activation_suite());
}
