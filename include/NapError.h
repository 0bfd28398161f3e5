/* NapError.h - the Windows SDK spelling of <naperror.h>. */
#include "naperror.h"
