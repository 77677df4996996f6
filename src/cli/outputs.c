/* outputs.c: an output must not destroy an input, nor a device. */
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/outputs.h"
#include "io/atomic.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct outputs_file {
	const char *option;
	const char *path;
	int atomic;		/* saved through a temporary file and a rename */
};

int
outputs_check(const struct options *o, char **err)
{
	const struct outputs_file out[] = {
		{ "--trace", o->trace_path, 0 },
		{ "--save", o->save_path, 1 },
		{ "--checkpoint", o->checkpoint_path, 1 },
		{ "--report", o->report_path, 1 },
		{ "--predictions", o->predictions_path, 1 },
		{ "--record", o->record_path, 0 },
	};
	const struct outputs_file in[] = {
		{ "--data", o->data_path, 0 },
		{ "--load", o->load_path, 0 },
		{ "--config", o->config_path, 0 },
	};
	size_t i, j;

	*err = NULL;
	for (i = 0; i < sizeof out / sizeof out[0]; i++) {
		struct stat so, si;

		if (out[i].path == NULL)
			continue;
		if (out[i].atomic && atomic_check(out[i].path, err) != 0)
			return -1;
		if (stat(out[i].path, &so) != 0)
			continue;	/* a new file is no input */
		for (j = 0; j < sizeof in / sizeof in[0]; j++)
			if (in[j].path && stat(in[j].path, &si) == 0 && so.st_dev == si.st_dev &&
			    so.st_ino == si.st_ino) {
				*err = xasprintf(_("%s: %s would overwrite the %s file (expected "
				    "another name for the output)"), out[i].path, out[i].option,
				    in[j].option);
				return -1;
			}
	}
	return 0;
}
