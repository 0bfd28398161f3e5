/* NapSystemHealthAgent.h - the Windows SDK spelling of <napsystemhealthagent.h>. */
#include "napsystemhealthagent.h"
