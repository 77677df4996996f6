/* jsonout.c: JSON numbers and strings. */
#include <math.h>

#include "io/jsonout.h"

void
jsonout_number(FILE *f, double x)
{
	if (x == 0 && signbit(x))
		fputs("-0.0", f);	/* "-0" would read back as the integer 0 */
	else if (isfinite(x))
		fprintf(f, "%.17g", x);
	else
		fputs("null", f);
}

void
jsonout_string(FILE *f, const char *s)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

void
jsonout_array(FILE *f, const double *v, long n)
{
	long i;

	fputc('[', f);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		jsonout_number(f, v[i]);
	}
	fputc(']', f);
}
