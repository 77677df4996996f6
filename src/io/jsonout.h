/* jsonout.h: writing JSON values by hand (numbers that read back exactly). */
#ifndef NNSTEP_JSONOUT_H
#define NNSTEP_JSONOUT_H

#include <stdio.h>

/* %.17g, or null for NaN and infinities (JSON has no such numbers). */
void jsonout_number(FILE *f, double x);
/* A quoted string with ", \ and control characters escaped; UTF-8 kept. */
void jsonout_string(FILE *f, const char *s);

#endif
