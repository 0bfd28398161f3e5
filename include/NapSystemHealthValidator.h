/* NapSystemHealthValidator.h - the Windows SDK spelling of <napsystemhealthvalidator.h>. */
#include "napsystemhealthvalidator.h"
