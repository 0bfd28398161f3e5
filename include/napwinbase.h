/*
 * napwinbase.h - the Windows base types, HRESULT values, GUIDs, IUnknown and
 * the COM task allocator, as the NAP headers need them on Linux.
 *
 * On Windows these come from windows.h, winerror.h, guiddef.h, unknwn.h and
 * objbase.h.  Here every type other than the pointer-sized ones (pointers,
 * HANDLE, SIZE_T) has a fixed width, so that a structure gets the Windows x64
 * layout on LP64 Linux and the Windows x86 layout on ILP32 Linux: DWORD and
 * HRESULT are 32 bits (not long, which is 64 bits on LP64 Linux but 32 on
 * Windows), and WCHAR is a 16-bit UTF-16 code unit (not wchar_t, which is 32
 * bits on Linux), so that u"text" literals can be passed where a Windows API
 * takes a WCHAR string.
 *
 * When a Windows header set is already in use (_WIN32, or Wine's or
 * mingw-w64's windef.h included first) this header defers to it.
 */
#ifndef NAPWINBASE_H
#define NAPWINBASE_H

#if defined(_WIN32) || defined(_WINDEF_) || defined(_WINDEF_H)
#include <windows.h>
#include <objbase.h>
#ifndef NAPAPI
#define NAPAPI DECLSPEC_IMPORT
#endif
/* The Windows compilers know __uuidof from the interfaces' own declarations. */
#define NAPUTIL_UUIDOF_TRAIT(iface)
#else

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
#define EXTERN_C extern "C"
#else
#define EXTERN_C extern
#endif

/*
 * Windows defines WINAPI and STDMETHODCALLTYPE as __stdcall, which differs
 * from the default convention only on 32-bit x86.  Here they decorate
 * nothing, so every call uses the platform's own C calling convention, on
 * i386 as on every other Linux architecture.  The library is built with
 * these definitions, so its callers and the COM objects handed to it must
 * use them too.
 */
#define WINAPI
#define STDMETHODCALLTYPE
#define BEGIN_INTERFACE
#define END_INTERFACE

/*
 * How Windows code declares and implements COM interfaces (objbase.h).  In
 * C++ an interface is an abstract class whose pure virtual methods, in IDL
 * order, give a vtable identical slot for slot to the C view's table of
 * function pointers; in C (and in C++ with CINTERFACE) it is a struct whose
 * only member points to that table and each method takes the object first.
 * The compilers of Linux know no __declspec, so the attributes that name an
 * interface's UUID or drop its vtable decorate nothing.
 */
#define interface struct
#define DECLSPEC_UUID(x)
#define DECLSPEC_NOVTABLE
#define MIDL_INTERFACE(x) struct DECLSPEC_UUID(x) DECLSPEC_NOVTABLE
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE
#if defined(__cplusplus) && !defined(CINTERFACE)
#define STDMETHOD(method) virtual HRESULT STDMETHODCALLTYPE method
#define STDMETHOD_(type, method) virtual type STDMETHODCALLTYPE method
#define PURE = 0
#define THIS_
#define THIS void
#define DECLARE_INTERFACE(iface) interface DECLSPEC_NOVTABLE iface
#define DECLARE_INTERFACE_(iface, baseiface) interface DECLSPEC_NOVTABLE iface : public baseiface
#else
#define STDMETHOD(method) HRESULT(STDMETHODCALLTYPE *method)
#define STDMETHOD_(type, method) type(STDMETHODCALLTYPE *method)
#define PURE
#define THIS_ INTERFACE *This,
#define THIS INTERFACE *This
/* The braces that follow the macro hold the table, as STDMETHOD members. */
#define DECLARE_INTERFACE(iface)                                              \
    typedef interface iface {                                                 \
        const struct iface##Vtbl *lpVtbl;                                     \
    } iface;                                                                  \
    typedef struct iface##Vtbl iface##Vtbl;                                   \
    struct iface##Vtbl
#define DECLARE_INTERFACE_(iface, baseiface) DECLARE_INTERFACE(iface)
#endif

/* Marks the library's exported functions and objects. */
#if defined(__GNUC__)
#define NAPAPI __attribute__((visibility("default")))
#else
#define NAPAPI
#endif

#define VOID void
#define CONST const

typedef uint8_t BYTE;
typedef uint8_t UINT8;
typedef uint16_t UINT16;
typedef uint32_t UINT32;
typedef uint64_t UINT64;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef uint32_t ULONG;
typedef int32_t LONG;
typedef int32_t INT;
typedef uint32_t UINT;
typedef int32_t BOOL;
typedef int32_t WINBOOL;
typedef int32_t HRESULT;
typedef size_t SIZE_T;
typedef void *PVOID;
typedef void *LPVOID;
typedef void *HANDLE;

/* C++ has a distinct char16_t type for u"" literals; C's is uint16_t. */
#ifdef __cplusplus
typedef char16_t WCHAR;
#else
typedef uint16_t WCHAR;
#endif
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;

/*
 * Types that some NAP interfaces name but this library never looks into: a
 * window (the configuration UI of napcommon.h), an OLE string, and the
 * reserved VARIANT argument of napcertrelyingparty.h, which callers pass as
 * NULL.  They are declared so that those methods' signatures are Windows'.
 */
typedef struct HWND__ *HWND;
typedef WCHAR OLECHAR;
typedef OLECHAR *BSTR;
typedef struct tagVARIANT VARIANT;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* 100-nanosecond intervals since 1601-01-01 UTC, low word first. */
typedef struct _FILETIME {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;
typedef GUID IID;
typedef GUID CLSID;

/* COM passes GUIDs by reference: a pointer in C, a reference in C++. */
#ifdef __cplusplus
typedef const GUID &REFGUID;
typedef const IID &REFIID;
typedef const CLSID &REFCLSID;
inline int IsEqualGUID(REFGUID a, REFGUID b)
{
    return memcmp(&a, &b, sizeof(GUID)) == 0;
}
#else
typedef const GUID *REFGUID;
typedef const IID *REFIID;
typedef const CLSID *REFCLSID;
static inline int IsEqualGUID(REFGUID a, REFGUID b)
{
    return memcmp(a, b, sizeof(GUID)) == 0;
}
#endif
#define IsEqualIID(a, b) IsEqualGUID(a, b)
#define IsEqualCLSID(a, b) IsEqualGUID(a, b)

#ifdef __cplusplus
inline bool operator==(REFGUID a, REFGUID b)
{
    return IsEqualGUID(a, b) != 0;
}
inline bool operator!=(REFGUID a, REFGUID b)
{
    return !(a == b);
}
#endif

/* HRESULT: bit 31 is failure, bits 16-26 the facility, bits 0-15 the code. */
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1FFF)
#define FACILITY_NULL 0
#define FACILITY_ITF 4
#define FACILITY_WIN32 7
#define HRESULT_FROM_WIN32(x)                                               \
    ((HRESULT)(x) <= 0 ? (HRESULT)(x)                                       \
                       : (HRESULT)(((uint32_t)(x) & 0x0000FFFFu) |          \
                                   (FACILITY_WIN32 << 16) | 0x80000000u))

#define S_OK ((HRESULT)0x00000000)
#define S_FALSE ((HRESULT)0x00000001)
#define E_NOTIMPL ((HRESULT)0x80004001)
#define E_NOINTERFACE ((HRESULT)0x80004002)
#define E_POINTER ((HRESULT)0x80004003)
#define E_ABORT ((HRESULT)0x80004004)
#define E_FAIL ((HRESULT)0x80004005)
#define E_UNEXPECTED ((HRESULT)0x8000FFFF)
#define E_ACCESSDENIED ((HRESULT)0x80070005)
#define E_HANDLE ((HRESULT)0x80070006)
#define E_OUTOFMEMORY ((HRESULT)0x8007000E)
#define E_INVALIDARG ((HRESULT)0x80070057)

#define ERROR_SUCCESS 0L
#define ERROR_FILE_NOT_FOUND 2L
#define ERROR_ACCESS_DENIED 5L
#define ERROR_INVALID_HANDLE 6L
#define ERROR_NOT_ENOUGH_MEMORY 8L
#define ERROR_OUTOFMEMORY 14L
#define ERROR_INVALID_PARAMETER 87L
#define ERROR_ALREADY_INITIALIZED 1247L

/* COM activation's own results (winerror.h). */
#define CLASS_E_NOAGGREGATION ((HRESULT)0x80040110)
#define REGDB_E_CLASSNOTREG ((HRESULT)0x80040154)
#define RPC_E_CHANGED_MODE ((HRESULT)0x80010106)

/* IUnknown: the root of every COM interface. */
#ifndef __IUnknown_FWD_DEFINED__
#define __IUnknown_FWD_DEFINED__
typedef interface IUnknown IUnknown;
#endif
typedef IUnknown *LPUNKNOWN;

/* {00000000-0000-0000-C000-000000000046} */
EXTERN_C NAPAPI const IID IID_IUnknown;

#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("00000000-0000-0000-C000-000000000046")
IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppvObject) = 0;
    virtual ULONG STDMETHODCALLTYPE AddRef(void) = 0;
    virtual ULONG STDMETHODCALLTYPE Release(void) = 0;

    /* Windows' typed form: p->QueryInterface(&q) asks for q's interface. */
    template <class Q> HRESULT STDMETHODCALLTYPE QueryInterface(Q **pp);
};

#else

typedef struct IUnknownVtbl {
    BEGIN_INTERFACE
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(IUnknown *This, REFIID riid,
                                               void **ppvObject);
    ULONG(STDMETHODCALLTYPE *AddRef)(IUnknown *This);
    ULONG(STDMETHODCALLTYPE *Release)(IUnknown *This);
    END_INTERFACE
} IUnknownVtbl;

interface IUnknown {
    const struct IUnknownVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define IUnknown_QueryInterface(This, riid, ppvObject)                      \
    ((This)->lpVtbl->QueryInterface(This, riid, ppvObject))
#define IUnknown_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IUnknown_Release(This) ((This)->lpVtbl->Release(This))
#endif

#endif /* C++ or C view */

#ifdef __cplusplus
/*
 * __uuidof(I) and IID_PPV_ARGS(&p).  GCC and Clang have no __uuidof, so a
 * trait maps each interface type to its exported IID: every header that
 * declares an interface specialises it with NAPUTIL_UUIDOF_TRAIT.  The
 * operand may be a type or an expression, and a pointer or const names its
 * interface, as with Microsoft's compiler.
 */
extern "C++" {
template <typename T> struct NapUuidTraits;
template <typename T> struct NapUuidTraits<T *> : NapUuidTraits<T> {};
template <typename T> struct NapUuidTraits<const T> : NapUuidTraits<T> {};
}
#define NAPUTIL_UUIDOF_TRAIT(iface)                                           \
    extern "C++" {                                                            \
    template <> struct NapUuidTraits<iface> {                                 \
        static const IID &iid() { return IID_##iface; }                       \
    };                                                                        \
    }
#define __uuidof(x) (NapUuidTraits<__typeof__(x)>::iid())
NAPUTIL_UUIDOF_TRAIT(IUnknown)

#ifndef CINTERFACE
template <class Q> HRESULT STDMETHODCALLTYPE IUnknown::QueryInterface(Q **pp)
{
    return QueryInterface(__uuidof(Q), reinterpret_cast<void **>(pp));
}

/* The cast refuses, at compile time, a pointer to anything but an interface. */
template <typename T> void **IID_PPV_ARGS_Helper(T **pp)
{
    (void)static_cast<IUnknown *>(*pp);
    return reinterpret_cast<void **>(pp);
}
#define IID_PPV_ARGS(ppType) __uuidof(**(ppType)), IID_PPV_ARGS_Helper(ppType)
#endif
#else
#define NAPUTIL_UUIDOF_TRAIT(iface)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * COM activation (objbase.h), for the classes this library implements:
 * CLSID_NapSoHConstructor and CLSID_NapSoHProcessor.  Linux has no
 * apartments, so the objects are free-threaded and CoInitializeEx and
 * CoUninitialize only keep each thread's count.  The Windows names are
 * inline functions in the caller's own code that call the library's
 * NapCo* functions: were the library to export CoCreateInstance itself, a
 * process that also loads another COM implementation would bind every
 * caller's CoCreateInstance to whichever library came first, and one of the
 * two would lose its classes.  See CoCreateInstance(3).
 */
typedef enum tagCLSCTX {
    CLSCTX_INPROC_SERVER = 0x1,
    CLSCTX_INPROC_HANDLER = 0x2,
    CLSCTX_LOCAL_SERVER = 0x4,
    CLSCTX_REMOTE_SERVER = 0x10
} CLSCTX;
#define CLSCTX_SERVER (CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#define CLSCTX_ALL (CLSCTX_INPROC_HANDLER | CLSCTX_SERVER)

typedef enum tagCOINIT {
    COINIT_MULTITHREADED = 0x0,
    COINIT_APARTMENTTHREADED = 0x2,
    COINIT_DISABLE_OLE1DDE = 0x4,
    COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

NAPAPI HRESULT WINAPI NapCoInitializeEx(LPVOID reserved, DWORD coInit);
NAPAPI VOID WINAPI NapCoUninitialize(void);
NAPAPI HRESULT WINAPI NapCoCreateInstance(REFCLSID rclsid, LPUNKNOWN outer, DWORD clsContext,
                                          REFIID riid, LPVOID *ppv);

static inline HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)
{
    return NapCoInitializeEx(pvReserved, dwCoInit);
}

static inline HRESULT CoInitialize(LPVOID pvReserved)
{
    return NapCoInitializeEx(pvReserved, COINIT_APARTMENTTHREADED);
}

static inline VOID CoUninitialize(void)
{
    NapCoUninitialize();
}

static inline HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext,
                                       REFIID riid, LPVOID *ppv)
{
    return NapCoCreateInstance(rclsid, pUnkOuter, dwClsContext, riid, ppv);
}

/*
 * The COM task allocator.  Blocks are plain malloc blocks, so a block from
 * CoTaskMemAlloc may also be released by free() and vice versa.
 */
#if defined(__GNUC__)
NAPAPI LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb)
    __attribute__((malloc, warn_unused_result, alloc_size(1)));
#else
NAPAPI LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb);
#endif
NAPAPI LPVOID WINAPI CoTaskMemRealloc(LPVOID pv, SIZE_T cb);
NAPAPI VOID WINAPI CoTaskMemFree(LPVOID pv);

#ifdef __cplusplus
}
#endif

#endif /* Windows headers */
#endif /* NAPWINBASE_H */
