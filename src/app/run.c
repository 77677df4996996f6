/* run.c: runs built from the settings, the same way for every front end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/run.h"
#include "io/checkpoint_run.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * A loaded model that does not fit the default data (no --data, no --gen):
 * it was trained on other data, and saying so helps more than the shape
 * error (say, a softmax output of 3 units on XOR's one output). NULL.
 */
static struct session *
app_run_no_data(const struct options *o, const struct checkpoint *ck,
    const struct dataset *d, char **err)
{
	const struct prep *p = ck ? checkpoint_prep(ck) : NULL;

	/* Only a model of another shape than the data: not, say, out of memory. */
	if (p == NULL || d == NULL || o->data_path != NULL || o->gen_name != NULL ||
	    (d->ninputs == p->ninputs && (d->prep ? d->prep->nclasses : 0) == p->nclasses))
		return NULL;
	free(*err);
	*err = xasprintf(_("%s: the model needs the data it was trained on (target column "
	    "\"%s\", %d inputs; expected --data FILE or --gen NAME)"), o->load_path,
	    p->target ? p->target : "", p->ninputs);
	return NULL;
}

struct session *
app_run_setup(struct options *o, struct dataset **data, struct checkpoint **ck, char **err)
{
	struct checkpoint_run run;
	struct session *s;
	char note[600];
	int k;

	memset(&run, 0, sizeof run);
	*data = NULL;
	*ck = NULL;
	if (o->load_path) {
		*ck = checkpoint_load(o->load_path, err);
		if (*ck == NULL)
			return NULL;
		checkpoint_config(*ck, &o->cfg);
		/* --epochs counts the epochs to train after the loaded ones. */
		if (o->cfg.epochs > CKPT_MAX_EPOCHS - checkpoint_epochs_done(*ck)) {
			*err = xasprintf(_("%s: --epochs %d after its %d epochs would pass %ld epochs "
			    "(expected at most %ld more)"), o->load_path, o->cfg.epochs,
			    checkpoint_epochs_done(*ck), CKPT_MAX_EPOCHS,
			    CKPT_MAX_EPOCHS - checkpoint_epochs_done(*ck));
			return NULL;
		}
		o->cfg.epochs += checkpoint_epochs_done(*ck);
		/* The split, class weights, scaling, missing-value policy and
		 * threshold come from the checkpoint; an option that says
		 * otherwise is refused. */
		if (checkpoint_run_read(*ck, &run, err) != 0)
			return NULL;
		if (checkpoint_run_apply(&run, &o->given, o->load_path, &o->data, &o->cfg, note,
		    sizeof note, err)) {
			checkpoint_run_free(&run);
			return NULL;
		}
		if (note[0] && o->headless)
			fprintf(stderr, "nnstep: %s\n", note);
	}
	*data = options_load_data(o, *ck ? checkpoint_prep(*ck) : NULL, err);
	checkpoint_run_free(&run);
	for (k = 0; k < 3; k++) {
		o->data.rows[k] = NULL;	/* they pointed into run */
		o->data.nrows[k] = 0;
	}
	if (*data == NULL)
		return NULL;
	s = session_new(&o->cfg, *data, err);
	if (s == NULL)
		return app_run_no_data(o, *ck, *data, err);
	if (*ck && checkpoint_apply(*ck, s, 1, err) != 0) {
		session_free(s);
		return app_run_no_data(o, *ck, *data, err);
	}
	return s;
}

int
app_runs_build(const struct options *o, struct app_run *runs, int max, char **err)
{
	int n = o->ncompare > 0 ? o->ncompare : 1, i;

	*err = NULL;
	if (n > max)
		n = max;
	memset(runs, 0, (size_t)n * sizeof *runs);
	for (i = 0; i < n; i++) {
		struct app_run *r = &runs[i];

		r->opt = *o;
		if (o->ncompare > 0) {
			if (options_set(&r->opt, o->compare_key, o->compare_val[i], err) != 0) {
				app_runs_free(runs, i + 1);
				return APP_RUN_BAD_VALUE;
			}
			snprintf(r->label, sizeof r->label, "%s=%s", o->compare_key,
			    o->compare_val[i]);
		}
		r->s = app_run_setup(&r->opt, &r->data, &r->ck, err);
		if (r->s == NULL) {
			app_runs_free(runs, i + 1);
			return APP_RUN_FAILED;
		}
	}
	return n;
}

void
app_runs_free(struct app_run *runs, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		session_free(runs[i].s);
		dataset_free(runs[i].data);
		checkpoint_free(runs[i].ck);
	}
	memset(runs, 0, (size_t)n * sizeof *runs);
}
