/*
 * prep.c: the life cycle of struct prep, the preprocessing that turns raw
 * rows into network inputs (kept with a model so that it can be applied to
 * new data).
 */
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "datautil.h"

static char **prep_copy_strings(char *const *s, long n);
static void prep_free_strings(char **s, long n);

static char **
prep_copy_strings(char *const *s, long n)
{
	char **d;
	long i;

	if (s == NULL || n <= 0)
		return NULL;
	d = xcalloc((size_t)n, sizeof *d);
	for (i = 0; i < n; i++)
		d[i] = s[i] != NULL ? xstrdup(s[i]) : NULL;
	return d;
}

static void
prep_free_strings(char **s, long n)
{
	long i;

	if (s == NULL)
		return;
	for (i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

/* Accepts a partly built prep (any pointer may be NULL). */
void
prep_free(struct prep *p)
{
	int j;

	if (p == NULL)
		return;
	free(p->target);
	prep_free_strings(p->classes, p->nclasses);
	if (p->cols != NULL)
		for (j = 0; j < p->ncols; j++) {
			free(p->cols[j].name);
			prep_free_strings(p->cols[j].cats, p->cols[j].ncat);
		}
	free(p->cols);
	prep_free_strings(p->input_names, p->ninputs);
	free(p->offset);
	free(p->scalev);
	free(p);
}

struct prep *
prep_copy(const struct prep *p)
{
	struct prep *d;
	int j;

	if (p == NULL)
		return NULL;
	d = xcalloc(1, sizeof *d);
	*d = *p;
	d->target = p->target != NULL ? xstrdup(p->target) : NULL;
	d->classes = prep_copy_strings(p->classes, p->nclasses);
	d->cols = NULL;
	if (p->cols != NULL && p->ncols > 0) {
		d->cols = xcalloc((size_t)p->ncols, sizeof *d->cols);
		for (j = 0; j < p->ncols; j++) {
			d->cols[j] = p->cols[j];
			d->cols[j].name = p->cols[j].name != NULL ?
			    xstrdup(p->cols[j].name) : NULL;
			d->cols[j].cats = prep_copy_strings(p->cols[j].cats,
			    p->cols[j].ncat);
		}
	}
	d->input_names = prep_copy_strings(p->input_names, p->ninputs);
	d->offset = NULL;
	d->scalev = NULL;
	if (p->ninputs > 0 && p->offset != NULL) {
		d->offset = xreallocarray(NULL, (size_t)p->ninputs,
		    sizeof *d->offset);
		memcpy(d->offset, p->offset, (size_t)p->ninputs * sizeof *d->offset);
	}
	if (p->ninputs > 0 && p->scalev != NULL) {
		d->scalev = xreallocarray(NULL, (size_t)p->ninputs,
		    sizeof *d->scalev);
		memcpy(d->scalev, p->scalev, (size_t)p->ninputs * sizeof *d->scalev);
	}
	return d;
}
