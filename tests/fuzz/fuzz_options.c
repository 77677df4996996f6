/* fuzz_options.c: the command-line parser on arbitrary argument vectors
 * (the input is split into arguments at NUL bytes). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[64];
	int argc = 1;
	size_t i, start = 0;
	struct options o;
	char *err = NULL;

	if (size > 4096)
		return 0;
	buf = malloc(size + 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = "nnstep";
	for (i = 0; i <= size && argc < 63; i++)
		if (buf[i] == '\0' || i == size) {
			argv[argc++] = buf + start;
			start = i + 1;
		}
	argv[argc] = NULL;
	/* --help and --version print; keep the output away from the fuzzer's. */
	if (freopen("/dev/null", "w", stdout) == NULL)
		return 0;
	options_default(&o);
	options_parse(&o, argc, argv, &err);
	free(err);
	free(buf);
	return 0;
}
