/* NapProtocol.h - the Windows SDK spelling of <napprotocol.h>. */
#include "napprotocol.h"
