/* fuzz_options.c: the command-line parser on arbitrary argument vectors
 * (the input is split into arguments at NUL bytes); a training run that
 * parses is also built and stepped for one batch, when it is small (no
 * files: the CSV and checkpoint harnesses cover those). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"
#include "app/run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A run that builds in well under a second: generated data of a few
 * thousand rows and at most a million weights between hidden layers. */
static int
small_run(const struct options *o)
{
	double w = 0;
	int l;

	if (o->command != NULL || o->list_lessons || o->data_path != NULL ||
	    o->load_path != NULL || o->gen.samples > 5000 || o->ncompare > 0)
		return 0;
	for (l = 1; l < o->cfg.nhidden; l++)
		w += (double)o->cfg.hidden[l - 1] * o->cfg.hidden[l];
	return w <= 1e6 && (o->cfg.nhidden == 0 || o->cfg.hidden[0] <= 4096);
}

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
	if (freopen("/dev/null", "w", stdout) == NULL) {
		free(buf);
		return 0;
	}
	options_default(&o);
	if (options_parse(&o, argc, argv, &err) == 0 && small_run(&o)) {
		struct dataset *d = NULL;
		struct checkpoint *ck = NULL;
		struct session *s;

		free(err);
		err = NULL;
		o.trace_path = o.save_path = o.checkpoint_path = o.report_path = NULL;
		o.predictions_path = NULL;
		s = app_run_setup(&o, &d, &ck, &err);
		if (s != NULL) {
			session_step_batch(s);
			session_back(s);
			session_free(s);
		}
		dataset_free(d);
		checkpoint_free(ck);
	}
	free(err);
	free(buf);
	return 0;
}
