/* NapUtil.h - the Windows SDK spelling of <naputil.h>. */
#include "naputil.h"
