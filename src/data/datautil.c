/*
 * datautil.c: memory, messages and number printing for the data layer
 * (see datautil.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "dataset.h"
#include "datautil.h"

/* ------------------------------------------------------------- memory */

void *
data_xgrow(void *p, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	if (c == 0)
		c = first;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			c = SIZE_MAX;	/* xreallocarray reports it */
		else
			c *= 2;
	}
	p = xreallocarray(p, c, size);
	*cap = c;
	return p;
}

/* ----------------------------------------------------------- messages */

void *
data_fail(char **err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return NULL;
	va_start(ap, fmt);
	*err = xvasprintf(fmt, ap);
	va_end(ap);
	return NULL;
}

size_t
data_control_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && (u[0] < 0x20 || u[0] == 0x7F))
		return 1;			/* C0 and DEL */
	if (n >= 2 && u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
		return 2;			/* C1: U+0080 to U+009F */
	if (n >= 2 && u[0] == 0xD8 && u[1] == 0x9C)
		return 2;			/* U+061C arabic letter mark */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE)))
		return 3;			/* U+200E, U+200F, U+202A to U+202E */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
		return 3;			/* U+2066 to U+2069 */
	return 0;
}

void
data_show(char *dst, size_t cap, const char *s)
{
	size_t n = 0, i = 0, keep;
	size_t len = strlen(s);

	if (cap < DATA_SHOW_MAX + 4) {
		if (cap > 0)
			dst[0] = '\0';
		return;
	}
	keep = len;
	if (len > DATA_SHOW_MAX) {
		keep = DATA_SHOW_MAX;
		/* Do not cut a UTF-8 sequence: back up over continuation bytes. */
		while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
			keep--;
	}
	for (i = 0; i < keep; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t ctl = data_control_len(s + i, keep - i);

		if (ctl > 0) {
			dst[n++] = '?';
			i += ctl - 1;
		} else
			dst[n++] = (char)c;
	}
	if (keep < len) {
		memcpy(dst + n, "...", 3);
		n += 3;
	}
	dst[n] = '\0';
}

char *
data_name_list(const char *const *names, long n, long max)
{
	size_t len = 1, pos = 0;
	long i, shown = n < max ? n : max;
	char *s;

	for (i = 0; i < shown; i++)
		len += strlen(names[i]) + 2;
	len += 5;
	s = xmalloc(len);
	for (i = 0; i < shown; i++) {
		size_t l = strlen(names[i]);

		if (i > 0) {
			memcpy(s + pos, ", ", 2);
			pos += 2;
		}
		memcpy(s + pos, names[i], l);
		pos += l;
	}
	if (shown < n) {
		memcpy(s + pos, ", ...", 5);
		pos += 5;
	}
	s[pos] = '\0';
	return s;
}

const char *
data_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

/* ------------------------------------------------------------ numbers */

void
data_format_number(char buf[DATA_NUMBER_MAX], double v)
{
	int prec;

	if (v == 0) {
		memcpy(buf, "0", sizeof "0");
		return;
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, DATA_NUMBER_MAX, "%.*g", prec, v);
		if (prec == 17 || strtod(buf, NULL) == v)
			return;
	}
}

/* ------------------------------------------- editing the training split */

int
dataset_train_add(struct dataset *d, const double *x, int label, const char **err)
{
	struct split *t = &d->train;
	long n = t->n, k;
	int nin = d->ninputs, nout = d->noutputs, j;

	if (d->task != TASK_BINARY && d->task != TASK_MULTICLASS) {
		*err = N_("points can be added to classification data only");
		return -1;
	}
	if (label < 0 || label >= (nout > 1 ? nout : 2)) {
		*err = N_("no such class");
		return -1;
	}
	for (j = 0; j < nin; j++)
		if (!isfinite(x[j])) {
			*err = N_("the point is not finite");
			return -1;
		}
	if (n >= DATA_MAX_ROWS) {
		*err = N_("the training split is full");
		return -1;
	}
	t->x = xreallocarray(t->x, (size_t)(n + 1) * (size_t)nin, sizeof(double));
	t->y = xreallocarray(t->y, (size_t)(n + 1) * (size_t)nout, sizeof(double));
	t->label = xreallocarray(t->label, (size_t)(n + 1), sizeof(int));
	t->w = xreallocarray(t->w, (size_t)(n + 1), sizeof(double));
	t->row = xreallocarray(t->row, (size_t)(n + 1), sizeof(long));
	memcpy(t->x + n * nin, x, (size_t)nin * sizeof(double));
	for (k = 0; k < nout; k++)
		t->y[n * nout + k] = nout == 1 ? (double)label : (k == label ? 1.0 : 0.0);
	t->label[n] = label;
	t->w[n] = label < 64 ? d->class_weight[label] : 1.0;
	t->row[n] = -1;
	t->n = n + 1;
	return 0;
}

int
dataset_train_remove(struct dataset *d, long i, const char **err)
{
	struct split *t = &d->train;
	long rest;
	int nin = d->ninputs, nout = d->noutputs;

	if (i < 0 || i >= t->n) {
		*err = N_("no such training point");
		return -1;
	}
	if (t->n <= 1) {
		*err = N_("the last training point stays");
		return -1;
	}
	rest = t->n - i - 1;
	memmove(t->x + i * nin, t->x + (i + 1) * nin, (size_t)(rest * nin) * sizeof(double));
	memmove(t->y + i * nout, t->y + (i + 1) * nout, (size_t)(rest * nout) * sizeof(double));
	if (t->label)
		memmove(t->label + i, t->label + i + 1, (size_t)rest * sizeof(int));
	if (t->w)
		memmove(t->w + i, t->w + i + 1, (size_t)rest * sizeof(double));
	if (t->row)
		memmove(t->row + i, t->row + i + 1, (size_t)rest * sizeof(long));
	t->n--;
	return 0;
}

long
dataset_train_nearest(const struct dataset *d, double x0, double x1)
{
	const struct split *t = &d->train;
	long i, best = -1;
	double bd = INFINITY;

	if (d->ninputs < 2)
		return -1;
	for (i = 0; i < t->n; i++) {
		double a = t->x[i * d->ninputs] - x0, b = t->x[i * d->ninputs + 1] - x1;

		if (a * a + b * b < bd) {
			bd = a * a + b * b;
			best = i;
		}
	}
	return best;
}
