/* fuzz_checkpoint.c: the checkpoint loader on arbitrary bytes; a valid model
 * is also applied and trained for an epoch: on a small CSV table made to fit
 * its preprocessing (through dataset_build with that preprocessing, as
 * --load with --data does), else on the built-in XOR data. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/checkpoint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A CSV field: the text with quotes doubled. */
static void
put_field(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Six rows with every column of p: numbers, its categories in turn, and
 * its classes (or numbers) as the target. */
static struct dataset *
fitting_data(const struct prep *p)
{
	struct data_options o;
	struct dataset *d = NULL;
	struct table *t;
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i, j;

	if (f == NULL)
		return NULL;
	for (j = 0; j < p->ncols; j++) {
		put_field(f, p->cols[j].name);
		fputc(',', f);
	}
	put_field(f, p->target);
	fputc('\n', f);
	for (i = 0; i < 6; i++) {
		for (j = 0; j < p->ncols; j++) {
			const struct prep_column *c = &p->cols[j];

			if (c->is_text && c->ncat > 0)
				put_field(f, c->cats[i % c->ncat]);
			else
				fprintf(f, "%d", i);
			fputc(',', f);
		}
		if (p->nclasses > 0)
			put_field(f, p->classes[i % p->nclasses]);
		else
			fprintf(f, "%d", i % 2);
		fputc('\n', f);
	}
	fclose(f);
	t = table_parse_csv("fuzz.csv", buf, len, &err);
	free(err);
	err = NULL;
	if (t != NULL) {
		data_options_default(&o);
		o.target = p->target;
		o.task = p->task;
		o.split[0] = 1;
		o.split[1] = o.split[2] = 0;
		d = dataset_build(t, &o, p, &err);
		free(err);
		table_free(t);
	}
	free(buf);
	return d;
}

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
	cfg.epochs = checkpoint_epochs_done(c) + 1;
	cfg.history_phases = 8;
	d = checkpoint_prep(c) ? fitting_data(checkpoint_prep(c)) : NULL;
	if (d == NULL)
		d = dataset_xor();
	err = NULL;
	s = session_new(&cfg, d, &err);
	free(err);
	if (s != NULL) {
		err = NULL;
		if (checkpoint_apply(c, s, 1, &err) == 0) {
			session_step_epoch(s);
			session_back(s);
			session_evaluate(s, 0, NULL);
		}
		free(err);
		session_free(s);
	}
	dataset_free(d);
	checkpoint_free(c);
	return 0;
}
