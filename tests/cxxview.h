/*
 * cxxview.h - what check_cxxview.cpp and cxxview_c.c share: the functions
 * of cxxview_c.c, compiled as C, that drive objects through the C view of
 * the interfaces (lpVtbl and COBJMACROS), and the values both sides expect.
 *
 * The functions assert nothing: each returns the first expectation that was
 * not met, as "cxxview_c.c:LINE: expression", or NULL.  A passing Check
 * assertion changes the heap count of testutil.c (Check strdup()s inside
 * the C library, which no --wrap reaches, and frees through the wrapped
 * free), so the test asserts only once it has counted the heap.
 */
#ifndef NAPUTIL_CXXVIEW_H
#define NAPUTIL_CXXVIEW_H

#include "naputil.h"

/* The enforcement client that drive_connection_in_c initializes a connection for. */
#define CXXVIEW_ENFORCER_ID 0x0001F001u

/* The string correlation ID that the test's C++ connections give. */
#define CXXVIEW_CONNECTION_NAME u"connection of the C++ view"

/*
 * The methods drive_connection_in_c calls, in order, as the test's C++
 * connections record them: every slot of the table, each reached through
 * the C view.  A slot that reaches another method shows here.
 */
#define CXXVIEW_DRIVEN_CALLS                                                  \
    "QueryInterface Release QueryInterface Release QueryInterface "           \
    "AddRef Release "                                                         \
    "Initialize SetMaxSize GetMaxSize SetFlags GetFlags "                     \
    "SetConnectionId GetConnectionId "                                        \
    "SetCorrelationId GetCorrelationId GetStringCorrelationId "               \
    "SetSoHRequest GetSoHRequest SetSoHResponse GetSoHResponse "              \
    "SetIsolationInfo GetIsolationInfo "                                      \
    "SetPrivateData GetPrivateData SetEnforcerPrivateData GetEnforcerPrivateData "

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Calls every method of connection through the C view, in the order of
 * CXXVIEW_DRIVEN_CALLS, and expects each getter to give back what its
 * setter was given, in task memory that it frees.  The caller holds one
 * reference, and holds exactly one again when it returns.
 */
const char *drive_connection_in_c(INapEnforcementClientConnection *connection);

/* Appends a vendor-specific attribute through the C view of constructor. */
HRESULT append_vendor_attribute_in_c(INapSoHConstructor *constructor, UINT32 vendorId,
                                     const BYTE *data, UINT16 size);

/*
 * Reads soh, a request of id, with a processor driven through the C view,
 * and expects its one attribute after the System-Health-ID to be the
 * vendor-specific attribute of vendorId holding size bytes of data.
 */
const char *expect_vendor_request_in_c(const SoH *soh, SystemHealthEntityId id,
                                       UINT32 vendorId, const BYTE *data, UINT16 size);

#ifdef __cplusplus
}
#endif

#endif /* NAPUTIL_CXXVIEW_H */
