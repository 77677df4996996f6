/* fuzz_checkpoint.c: the checkpoint loader on arbitrary bytes; a valid model
 * is also applied to a session on the built-in XOR data. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "io/checkpoint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checkpoint *c;
	struct session_config cfg;
	struct dataset *d;
	struct session *s;
	char *err = NULL;

	c = checkpoint_parse("fuzz.json", (const char *)data, size, &err);
	free(err);
	if (c == NULL)
		return 0;
	session_config_default(&cfg);
	checkpoint_config(c, &cfg);
	cfg.epochs = 2;
	cfg.history_phases = 8;
	d = dataset_xor();
	err = NULL;
	s = session_new(&cfg, d, &err);
	free(err);
	if (s != NULL) {
		err = NULL;
		if (checkpoint_apply(c, s, 1, &err) == 0)
			session_step_epoch(s);
		free(err);
		session_free(s);
	}
	dataset_free(d);
	checkpoint_free(c);
	return 0;
}
