/* predictions.c: the per-row predictions file (see predictions.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/datautil.h"
#include "io/atomic.h"
#include "io/predictions.h"
#include "util/xmalloc.h"

/* One line of the file: a row of the source and where it went. */
struct pred_line {
	long row;	/* 0-based row of the source table */
	int split;	/* 0 train, 1 val, 2 test */
	long i;		/* index in that split */
};

static int pred_cmp(const void *a, const void *b);
static void pred_field(FILE *f, const char *s);
static void pred_class(FILE *f, const struct prep *p, int k);
static int pred_write(FILE *f, void *user);

static int
pred_cmp(const void *a, const void *b)
{
	const struct pred_line *x = a, *y = b;

	return (x->row > y->row) - (x->row < y->row);
}

/* A CSV field, quoted when it holds a comma, a quote or a line break. */
static void
pred_field(FILE *f, const char *s)
{
	const char *c;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (c = s; *c; c++) {
		if (*c == '"')
			fputc('"', f);
		fputc(*c, f);
	}
	fputc('"', f);
}

static void
pred_class(FILE *f, const struct prep *p, int k)
{
	char num[16];

	if (p && p->classes && k >= 0 && k < p->nclasses && p->classes[k]) {
		pred_field(f, p->classes[k]);
		return;
	}
	snprintf(num, sizeof num, "%d", k);
	fputs(num, f);
}

static int
pred_write(FILE *f, void *user)
{
	struct session *s = user;
	const struct dataset *d = s->data;
	const struct split *sp[3] = { &d->train, &d->val, &d->test };
	static const char *const names[3] = { "train", "val", "test" };
	int width = d->noutputs, k, j;
	long n = 0, i;
	struct pred_line *line;

	for (k = 0; k < 3; k++) {
		if (sp[k]->n > 0)
			session_evaluate(s, k, NULL);
		n += sp[k]->n;
	}
	line = xreallocarray(NULL, (size_t)(n > 0 ? n : 1), sizeof *line);
	n = 0;
	for (k = 0; k < 3; k++)
		for (i = 0; i < sp[k]->n; i++) {
			line[n].row = sp[k]->row ? sp[k]->row[i] : i;
			line[n].split = k;
			line[n].i = i;
			n++;
		}
	qsort(line, (size_t)n, sizeof *line, pred_cmp);

	fputs("row,split,target,predicted", f);
	if (d->task == TASK_REGRESS) {
		for (j = 0; j < width; j++)
			fprintf(f, width == 1 ? ",output" : ",output%d", j + 1);
	} else
		for (j = 0; j < (d->task == TASK_BINARY ? 2 : width); j++) {
			char name[16];

			fputc(',', f);
			if (d->prep && d->prep->classes && j < d->prep->nclasses) {
				char *h = xasprintf("p_%s", d->prep->classes[j]);

				pred_field(f, h);
				free(h);
			} else {
				snprintf(name, sizeof name, "p_%d", j);
				fputs(name, f);
			}
		}
	fputc('\n', f);
	for (i = 0; i < n; i++) {
		const struct split *q = sp[line[i].split];
		const double *p = s->pred[line[i].split] + (size_t)line[i].i * (size_t)width;
		const double *y = q->y + (size_t)line[i].i * (size_t)width;

		fprintf(f, "%ld,%s,", line[i].row + 1, names[line[i].split]);
		if (d->task == TASK_REGRESS) {
			char num[DATA_NUMBER_MAX];

			data_format_number(num, y[0]);
			fprintf(f, "%s,%.17g", num, p[0]);
			for (j = 0; j < width; j++)
				fprintf(f, ",%.17g", p[j]);
		} else if (d->task == TASK_BINARY) {
			pred_class(f, d->prep, q->label[line[i].i]);
			fputc(',', f);
			pred_class(f, d->prep, p[0] >= s->pos.cfg.threshold);
			fprintf(f, ",%.17g,%.17g", 1 - p[0], p[0]);
		} else {
			int best = 0;

			for (j = 1; j < width; j++)
				if (p[j] > p[best])
					best = j;
			pred_class(f, d->prep, q->label[line[i].i]);
			fputc(',', f);
			pred_class(f, d->prep, best);
			for (j = 0; j < width; j++)
				fprintf(f, ",%.17g", p[j]);
		}
		fputc('\n', f);
	}
	free(line);
	return 0;
}

int
predictions_save(struct session *s, const char *path, char **err)
{
	return atomic_write(path, pred_write, s, err);
}
