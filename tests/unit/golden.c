/*
 * golden.c: screens compared with the files in tests/screens.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"

void
golden_expect(const char *name, const char *text)
{
	const char *dir = getenv("NNSTEP_SCREENS") ? getenv("NNSTEP_SCREENS") : "tests/screens";
	char path[512], *want;
	FILE *f;
	long n;

	snprintf(path, sizeof path, "%s/%s.txt", dir, name);
	if (getenv("NNSTEP_REGEN")) {
		f = fopen(path, "w");
		ck_assert_msg(f != NULL, "cannot write %s", path);
		fputs(text, f);
		fclose(f);
		return;
	}
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "%s is missing: run NNSTEP_REGEN=1 build/unit-tests", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	want = calloc((size_t)n + 1, 1);
	ck_assert_int_eq((long)fread(want, 1, (size_t)n, f), n);
	fclose(f);
	/* The drawing goes to stderr: a screen of wide characters is longer
	 * than a Check message may be. */
	if (strcmp(want, text) != 0)
		fprintf(stderr, "%s differs from the drawing:\n%s", path, text);
	ck_assert_msg(strcmp(want, text) == 0, "%s differs from the drawing (printed above)", path);
	free(want);
}
