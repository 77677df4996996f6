/* code.c: nnstep code: the run as a runnable PyTorch or Keras script. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/code.h"
#include "app/run.h"
#include "io/checkpoint.h"
#include "io/pyscript.h"
#include "util/i18n.h"

int
code_main(struct options *o)
{
	struct dataset *data = NULL;
	struct checkpoint *ck = NULL;
	struct session *s;
	char *err = NULL;
	int status = 0;

	s = app_run_setup(o, &data, &ck, &err);
	if (s == NULL) {
		fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot start"));
		free(err);
		status = 1;
	} else {
		pyscript_write(stdout, s, o->framework ? PYSCRIPT_KERAS : PYSCRIPT_PYTORCH);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "nnstep: %s\n", _("cannot write the script"));
			status = 1;
		}
	}
	session_free(s);
	dataset_free(data);
	checkpoint_free(ck);
	return status;
}
