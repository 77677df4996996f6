/* jsonout.h: writing JSON values by hand (numbers that read back exactly). */
#ifndef NNSTEP_JSONOUT_H
#define NNSTEP_JSONOUT_H

#include <stdio.h>

/* %.17g, or null for NaN and infinities (JSON has no such numbers). */
void jsonout_number(FILE *f, double x);
/* [x0,x1,...] of n numbers as jsonout_number writes them. */
void jsonout_array(FILE *f, const double *v, long n);
/* A quoted string with ", \ and control characters escaped; UTF-8 kept. */
void jsonout_string(FILE *f, const char *s);

#endif
