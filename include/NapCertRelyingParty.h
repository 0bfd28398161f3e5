/* NapCertRelyingParty.h - the Windows SDK spelling of <napcertrelyingparty.h>. */
#include "napcertrelyingparty.h"
