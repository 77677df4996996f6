/*
 * parse.c: lesson text into directives, with every check that can be made
 * before anything runs.
 *
 * The file is read line by line. Text lines (`title`, `>`, `ask`, `-`,
 * `explain`) keep the rest of the line as written; every other directive is
 * split into words at blanks, and a word starting with `#` ends the line.
 * While parsing, a scratch copy of the settings follows the lesson's `set`
 * and `compare` lines, so that a value is checked by options_set exactly as
 * the player will apply it, and a run named in `expect ... run R` is known.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/options.h"
#include "app/panels.h"
#include "lesson/lesson.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "lesson/lutil.h"

#define MAX_WORDS 64

struct word {
	char *s;		/* NUL-terminated, inside the line buffer */
	int col;		/* column, from 1, in characters */
};

struct parser {
	const char *name;
	const struct lesson_env *env;
	struct lesson *l;
	int cap;		/* directives allocated */
	int line;		/* current line, from 1 */
	char *err;		/* first error */
	char *text;		/* current line (NUL-terminated copy) */
	struct word w[MAX_WORDS + 1];	/* one spare for a {value:DIGITS} suffix */
	int nw;
	struct options sim;	/* settings as the lesson has set them so far */
	int title_line;
	struct lesson_directive *say;	/* narration block being continued */
	int say_break;		/* an empty `>` line: next text starts a paragraph */
	size_t say_len, say_cap;	/* of say->text, grown by doubling (linear time) */
	struct lesson_directive *ask;	/* question block being read */
	char *rest;		/* a LD_TEXT directive's text, or NULL; its parser may
				 * take it (and set this to NULL) */
	int rest_col;
	char **saved;		/* file names saved so far */
	int nsaved;
};

static int perr(struct parser *p, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ------------------------------------------------------------- tables */

/* The words of LESSON_DIRECTIVES (lesson.h), in its order; the same index
 * as directives[] below. */
#define DIRECTIVE_NAME_(ID, fn, word, flags) word,
static const char *const directive_names[] = {
	LESSON_DIRECTIVES(DIRECTIVE_NAME_, DIRECTIVE_NAME_)
	NULL
};
#undef DIRECTIVE_NAME_

static const struct {
	const char *name;
	const char *form;	/* positional numbers: L layer, J neuron, K input */
	int layer;		/* 0: no `layer L`; 1: optional; 2: required */
	int sample;		/* takes `sample S` */
	int kind;		/* 0 number, 1 phase name, 2 yes/no */
} metrics[LM_COUNT] = {
	[LM_LOSS] = { "loss", NULL, 0, 0, 0 },
	[LM_BATCH_LOSS] = { "batch_loss", NULL, 0, 0, 0 },
	[LM_TRAIN_LOSS] = { "train_loss", NULL, 0, 0, 0 },
	[LM_VAL_LOSS] = { "val_loss", NULL, 0, 0, 0 },
	[LM_ACCURACY] = { "accuracy", NULL, 0, 0, 0 },
	[LM_VAL_ACCURACY] = { "val_accuracy", NULL, 0, 0, 0 },
	[LM_PRECISION] = { "precision", NULL, 0, 0, 0 },
	[LM_RECALL] = { "recall", NULL, 0, 0, 0 },
	[LM_F1] = { "f1", NULL, 0, 0, 0 },
	[LM_AUC] = { "auc", NULL, 0, 0, 0 },
	[LM_BASELINE_ACCURACY] = { "baseline_accuracy", NULL, 0, 0, 0 },
	[LM_DEAD_FRACTION] = { "dead_fraction", NULL, 1, 0, 0 },
	[LM_SATURATED_FRACTION] = { "saturated_fraction", NULL, 1, 0, 0 },
	[LM_GRAD_RMS] = { "grad_rms", NULL, 2, 0, 0 },
	[LM_DZ_RMS] = { "dz_rms", NULL, 2, 0, 0 },
	[LM_UPDATE_RATIO] = { "update_ratio", NULL, 2, 0, 0 },
	[LM_ROUGHNESS] = { "roughness", NULL, 0, 0, 0 },
	[LM_GRAD_RATIO] = { "grad_ratio", NULL, 0, 0, 0 },
	[LM_WEIGHT] = { "weight", "LJK", 0, 0, 0 },
	[LM_BIAS] = { "bias", "LJ", 0, 0, 0 },
	[LM_Z] = { "z", "LJ", 0, 1, 0 },
	[LM_A] = { "a", "LJ", 0, 1, 0 },
	[LM_GRAD] = { "grad", "LJK", 0, 0, 0 },
	[LM_NUMGRAD] = { "numgrad", "LJK", 0, 0, 0 },
	[LM_DZ] = { "dz", "LJ", 0, 1, 0 },
	[LM_DA] = { "da", "LJ", 0, 1, 0 },
	[LM_SLOPE] = { "slope", "LJ", 0, 1, 0 },
	[LM_X] = { "x", "K", 0, 1, 0 },
	[LM_Y] = { "y", "J", 0, 1, 0 },
	[LM_PHASE] = { "phase", NULL, 0, 0, 1 },
	[LM_EPOCH] = { "epoch", NULL, 0, 0, 0 },
	[LM_BATCH] = { "batch", NULL, 0, 0, 0 },
	[LM_STEP] = { "step", NULL, 0, 0, 0 },
	[LM_LR] = { "lr", NULL, 0, 0, 0 },
	[LM_THRESHOLD] = { "threshold", NULL, 0, 0, 0 },
	[LM_DIVERGED] = { "diverged", NULL, 0, 0, 2 },
	[LM_STOPPED_EARLY] = { "stopped_early", NULL, 0, 0, 2 },
	[LM_BEST_EPOCH] = { "best_epoch", NULL, 0, 0, 0 },
};

static const char *const cmp_names[LC_COUNT + 1] = {
	"<", "<=", ">", ">=", "==", "!=", "~=", NULL
};

/* The panels a lesson may focus: the rows of app/panels.h marked so. */
#define PANEL_IF_1(name) name,
#define PANEL_IF_0(name)
#define PANEL_NAME(id, draw, name, title, focus) PANEL_IF_##focus(name)
static const char *const panel_names[] = { NNSTEP_PANELS(PANEL_NAME) NULL };
#undef PANEL_NAME
#undef PANEL_IF_0
#undef PANEL_IF_1

static const char *const highlight_names[] = {
	"none", "layer", "dead", "saturated", "gradients", "weights", NULL
};

/* show: in the order of enum lesson_show. */
static const char *const show_names[] = {
	"sample", "mistakes", "confusion", "weights", "diagram", NULL
};

/* Settings a lesson may `set`: the training settings of the command line. */
static const char *const set_keys[] = {
	"data", "gen", "target", "task", "missing", "split", "scale", "class-weight",
	"samples", "noise", "classes", "layers", "act", "alpha", "out-act", "loss",
	"optimizer", "lr", "batch", "epochs", "init", "bias-init", "seed", "l2", "dropout",
	"shuffle", "threshold", "early-stop", "reduce-lr", "history", "image", NULL
};

const char *
lesson_metric_name(enum lesson_metric m)
{
	return m < LM_COUNT ? metrics[m].name : "?";
}

static int
find_name(const char *s, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int
find_metric(const char *s)
{
	int i;

	for (i = 0; i < LM_COUNT; i++)
		if (strcmp(s, metrics[i].name) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------- errors */

/* Records the first error as "FILE:LINE:COL: message"; returns -1. */
static int
perr(struct parser *p, int col, const char *fmt, ...)
{
	va_list ap;
	char msg[768];

	if (p->err != NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->err = xasprintf("%s:%d:%d: %s", p->name, p->line, col, msg);
	return -1;
}

/* A word for a message: at most 40 bytes (cut at a character boundary). */
static const char *
show(const char *s, char buf[64])
{
	size_t n = strlen(s);

	if (n <= 40)
		return s;
	n = 40;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	snprintf(buf, 64, "%.*s...", (int)n, s);
	return buf;
}

static int
err_unknown(struct parser *p, const struct word *w, const char *what,
    const char *const *names)
{
	const char *near = lu_near(w->s, names);
	char *list = lu_list(names, " or ");
	char b[64];
	int rc;

	if (near)
		rc = perr(p, w->col, _("unknown %s '%s', did you mean '%s'? (expected %s)"), what,
		    show(w->s, b), near, list);
	else
		rc = perr(p, w->col, _("unknown %s '%s' (expected %s)"), what, show(w->s, b), list);
	free(list);
	return rc;
}

static int
err_extra(struct parser *p, int i, const char *expected)
{
	char b[64];

	return perr(p, p->w[i].col, _("unexpected '%s' (expected %s)"), show(p->w[i].s, b),
	    expected);
}

/* ------------------------------------------------------------ numbers */

/* A whole number from lo to hi. Returns 0 with *out set, or -1 (spelt out
 * below, as callers read *out only after a 0). */
static int
num_long(struct parser *p, int i, long lo, long hi, const char *what, long *out)
{
	const char *s;
	char b[64];
	size_t k;
	long v;

	if (i >= p->nw) {
		perr(p, i > 0 ? p->w[i - 1].col : 1,
		    _("missing %s (expected a whole number from %ld to %ld)"), what, lo, hi);
		return -1;
	}
	s = p->w[i].s;
	for (k = 0; s[k]; k++)
		if (!isdigit((unsigned char)s[k]) && !(k == 0 && s[k] == '-' && s[1])) {
			perr(p, p->w[i].col, _("'%s' is not a whole number (expected %s from %ld "
			    "to %ld)"), show(s, b), what, lo, hi);
			return -1;
		}
	errno = 0;
	v = strtol(s, NULL, 10);
	if (errno == ERANGE || v > hi) {
		perr(p, p->w[i].col, _("%s is too large (expected %s from %ld to %ld)"),
		    show(s, b), what, lo, hi);
		return -1;
	}
	if (v < lo) {
		perr(p, p->w[i].col, _("%s is too small (expected %s from %ld to %ld)"),
		    show(s, b), what, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

/* A finite number; *tol receives half a unit of its last written digit. */
static int
num_real(struct parser *p, int i, const char *what, double *out, double *tol)
{
	const char *s, *e;
	char *end, b[64];
	int decimals = 0, seen_point = 0;
	long expo = 0;

	if (i >= p->nw)
		return perr(p, i > 0 ? p->w[i - 1].col : 1,
		    _("missing %s (expected a number such as 0.1)"), what);
	s = p->w[i].s;
	errno = 0;
	*out = strtod(s, &end);
	if (end == s || *end != '\0' || isnan(*out) ||
	    strspn(s, "0123456789+-.eE") != strlen(s))
		return perr(p, p->w[i].col, _("'%s' is not a number (expected %s such as 0.1)"),
		    show(s, b), what);
	if (errno == ERANGE && fabs(*out) > 1)
		return perr(p, p->w[i].col, _("%s is too large (expected a finite number)"),
		    show(s, b));
	if (!isfinite(*out))
		return perr(p, p->w[i].col, _("%s is too large (expected a finite number)"),
		    show(s, b));
	if (fabs(*out) > 1e15)
		return perr(p, p->w[i].col, _("%s is too large (expected a number up to 1e15)"),
		    show(s, b));
	if (tol) {
		for (e = s; *e && *e != 'e' && *e != 'E'; e++) {
			if (*e == '.')
				seen_point = 1;
			else if (seen_point && isdigit((unsigned char)*e))
				decimals++;
		}
		if (*e)
			expo = strtol(e + 1, NULL, 10);
		if (expo > 300)
			expo = 300;
		if (expo < -300)
			expo = -300;
		*tol = 0.5 * pow(10.0, (double)(expo - decimals));
	}
	return 0;
}

/* ------------------------------------------------------------- text */

/* Checks emphasis: every unescaped `*` must be closed on the same line. */
static int
check_markup(struct parser *p, const char *s, int col0)
{
	int col = col0, open_col = 0;
	const char *c;

	for (c = s; *c; c++) {
		if (*c == '\\' && c[1] == '*') {
			c++;
			col += 2;
			continue;
		}
		if (*c == '*')
			open_col = open_col ? 0 : col;
		if (((unsigned char)*c & 0xC0) != 0x80)
			col++;
	}
	if (open_col)
		return perr(p, open_col, _("unterminated emphasis (expected a closing * on the "
		    "same line, or \\* for an asterisk)"));
	return 0;
}

/* Column (in characters, from 1) of s inside the current line. */
static int
col_of(const struct parser *p, const char *s)
{
	const char *c;
	int col = 1;

	for (c = p->text; c < s; c++)
		if (((unsigned char)*c & 0xC0) != 0x80)
			col++;
	return col;
}

/* The text after the first word, trimmed; NULL when there is none. */
static char *
rest_of_line(struct parser *p, const char *after_word, int *col)
{
	const char *s = after_word;
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*col = col_of(p, s);
	return n ? xstrndup(s, n) : NULL;
}

/* ------------------------------------------------------------ directives */

static struct lesson_directive *
add(struct parser *p, enum lesson_op op, int col)
{
	struct lesson *l = p->l;
	struct lesson_directive *d;

	if (l->ndir == LESSON_MAX_DIRECTIVES) {
		perr(p, col, _("too many directives (expected at most %d)"), LESSON_MAX_DIRECTIVES);
		return NULL;
	}
	if (l->ndir == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		l->dir = xreallocarray(l->dir, (size_t)p->cap, sizeof *l->dir);
	}
	d = &l->dir[l->ndir++];
	memset(d, 0, sizeof *d);
	d->op = op;
	d->line = p->line;
	d->col = col;
	d->arg_col = p->nw > 1 ? p->w[1].col : col;
	d->cond.lhs.run = -1;
	d->cond.rhs.run = -1;
	return d;
}

/* The text of words [a, b) joined by single spaces. */
static char *
join_words(const struct parser *p, int a, int b)
{
	struct lu_buf buf = { 0 };
	int i;

	for (i = a; i < b; i++) {
		if (i > a)
			lu_buf_adds(&buf, " ");
		lu_buf_adds(&buf, p->w[i].s);
	}
	if (buf.s == NULL)
		lu_buf_adds(&buf, "");
	return buf.s;
}

/* `run R`: KEY=VALUE (a run's label), a value of the comparison, or a
 * 1-based index; a word that is a value of one run and the number of
 * another is refused as ambiguous. */
static int
parse_run_number(struct parser *p, int i, int *run)
{
	const struct options *o = &p->sim;
	const char *names[OPT_MAX_COMPARE + 1], *s;
	char *list, b[64], label[128];
	int k, by_value = -1, by_index = -1;
	long n;

	if (i >= p->nw)
		return perr(p, p->w[i - 1].col, _("missing run after 'run' (expected a number or a "
		    "value of the comparison)"));
	s = p->w[i].s;
	if (o->ncompare == 0)
		return perr(p, p->w[i - 1].col, _("'run %s' but no comparison is running "
		    "(expected a compare directive before)"), show(s, b));
	for (k = 0; k < o->ncompare; k++) {
		names[k] = o->compare_val[k];
		snprintf(label, sizeof label, "%s=%s", o->compare_key, o->compare_val[k]);
		if (strcmp(s, label) == 0) {
			*run = k;
			return 0;
		}
		if (strcmp(s, o->compare_val[k]) == 0 && by_value < 0)
			by_value = k;
	}
	names[k] = NULL;
	if (strspn(s, "0123456789") == strlen(s) && strlen(s) < 3) {
		n = strtol(s, NULL, 10);
		if (n >= 1 && n <= o->ncompare)
			by_index = (int)n - 1;
	}
	if (by_value >= 0 && by_index >= 0 && by_value != by_index)
		return perr(p, p->w[i].col, _("'run %s' is ambiguous: %s=%s is run %d, and run %s "
		    "is %s=%s (expected run %s=%s, or run %d by number)"), s, o->compare_key, s,
		    by_value + 1, s, o->compare_key, o->compare_val[by_index], o->compare_key, s,
		    by_value + 1);
	if (by_value >= 0 || by_index >= 0) {
		*run = by_value >= 0 ? by_value : by_index;
		return 0;
	}
	list = lu_list(names, " or ");
	perr(p, p->w[i].col, _("no run '%s' (expected 1 to %d, or %s)"), show(s, b),
	    o->ncompare, list);
	free(list);
	return -1;
}

/* A quantity from word *i on: NAME [args] {layer L | sample S | run R}. */
static int
parse_quantity(struct parser *p, int *i, struct lesson_quantity *q)
{
	const struct word *w;
	const char *form;
	int m, k, nargs, have_layer = 0, have_sample = 0, have_run = 0;
	long v;

	memset(q, 0, sizeof *q);
	q->run = -1;
	if (*i >= p->nw)
		return perr(p, p->nw > 0 ? p->w[p->nw - 1].col + (int)strlen(p->w[p->nw - 1].s) :
		    1, _("missing quantity (expected loss, val_loss, accuracy, ...)"));
	w = &p->w[*i];
	m = find_metric(w->s);
	if (m < 0) {
		const char *names[LM_COUNT + 1];

		for (k = 0; k < LM_COUNT; k++)
			names[k] = metrics[k].name;
		names[k] = NULL;
		return err_unknown(p, w, _("quantity"), names);
	}
	q->metric = m;
	(*i)++;
	form = metrics[m].form ? metrics[m].form : "";
	nargs = (int)strlen(form);
	for (k = 0; k < nargs; k++) {
		const char *name = form[k] == 'L' ? "layer" : form[k] == 'J' ? "neuron" : "input";
		char label[80];

		if (m == LM_Y)
			name = "output";
		snprintf(label, sizeof label, "the %s of %s", name, metrics[m].name);
		if (*i >= p->nw || find_name(p->w[*i].s, cmp_names) >= 0) {
			char forms[16], *f = forms;
			int j;

			for (j = 0; j < nargs; j++) {
				*f++ = ' ';
				*f++ = form[j];
			}
			*f = '\0';
			return perr(p, *i < p->nw ? p->w[*i].col : w->col,
			    _("%s needs %d number%s (expected %s%s, counted from 1)"), metrics[m].name,
			    nargs, nargs > 1 ? "s" : "", metrics[m].name, forms);
		}
		if (num_long(p, *i, 1, form[k] == 'L' ? NET_MAX_LAYERS : form[k] == 'J' ?
		    NET_MAX_UNITS : DATA_MAX_COLUMNS * 16L, label, &v) != 0)
			return -1;
		if (form[k] == 'L')
			q->layer = (int)v;
		else if (form[k] == 'J')
			q->unit = (int)v;
		else
			q->input = (int)v;
		(*i)++;
	}
	while (*i < p->nw) {
		const char *s = p->w[*i].s;

		if (strcmp(s, "layer") == 0 && metrics[m].layer && !have_layer) {
			if (num_long(p, *i + 1, 1, NET_MAX_LAYERS, _("a layer"), &v) != 0)
				return -1;
			q->layer = (int)v;
			have_layer = 1;
		} else if (strcmp(s, "sample") == 0 && metrics[m].sample && !have_sample) {
			if (num_long(p, *i + 1, 1, DATA_MAX_ROWS, _("a row of the batch"), &v) != 0)
				return -1;
			q->sample = v;
			have_sample = 1;
		} else if (strcmp(s, "run") == 0 && !have_run) {
			if (parse_run_number(p, *i + 1, &q->run) != 0)
				return -1;
			have_run = 1;
		} else {
			break;
		}
		*i += 2;
	}
	if (metrics[m].layer == 2 && !have_layer)
		return perr(p, w->col, _("%s needs a layer (expected %s layer L)"), metrics[m].name,
		    metrics[m].name);
	return 0;
}

/*
 * A comparison in words [*i, end): QUANTITY OP OPERAND, where OPERAND is a
 * number [within TOL], a quantity, NUMBER * QUANTITY, a phase name or
 * yes/no.
 */
static int
parse_comparison(struct parser *p, int i, int end, struct lesson_cond *c)
{
	int start = i, kind, op, save_nw = p->nw, rc = -1, k;
	char b[64];
	double tol = 0;

	p->nw = end;
	c->kind = LCOND_COMPARE;
	if (parse_quantity(p, &i, &c->lhs) != 0)
		goto out;
	kind = metrics[c->lhs.metric].kind;
	if (i >= p->nw) {
		perr(p, p->w[i - 1].col + (int)strlen(p->w[i - 1].s),
		    _("missing operator after %s (expected one of < <= > >= == != ~=)"),
		    metrics[c->lhs.metric].name);
		goto out;
	}
	op = find_name(p->w[i].s, cmp_names);
	if (op < 0) {
		perr(p, p->w[i].col, _("unknown operator '%s' (expected one of < <= > >= == != ~=)"),
		    show(p->w[i].s, b));
		goto out;
	}
	c->op = op;
	if (kind != 0 && op != LC_EQ && op != LC_NE) {
		perr(p, p->w[i].col, _("%s can only be compared with == or != (expected %s == %s)"),
		    metrics[c->lhs.metric].name, metrics[c->lhs.metric].name,
		    kind == 1 ? "forward" : "yes");
		goto out;
	}
	i++;
	if (i >= p->nw) {
		perr(p, p->w[i - 1].col + (int)strlen(p->w[i - 1].s),
		    _("missing value after %s (expected %s)"), cmp_names[op],
		    kind == 1 ? "ready, forward, loss, backward or update" :
		    kind == 2 ? "yes or no" : "a number or a quantity");
		goto out;
	}
	if (kind == 1) {
		k = find_name(p->w[i].s, phase_names);
		if (k < 0) {
			err_unknown(p, &p->w[i], _("phase"), phase_names);
			goto out;
		}
		c->value = k;
		i++;
	} else if (kind == 2) {
		if (strcmp(p->w[i].s, "yes") == 0)
			c->value = 1;
		else if (strcmp(p->w[i].s, "no") == 0)
			c->value = 0;
		else {
			perr(p, p->w[i].col, _("'%s' is not yes or no (expected yes or no)"),
			    show(p->w[i].s, b));
			goto out;
		}
		i++;
	} else if (find_metric(p->w[i].s) >= 0) {
		c->rhs_is_quantity = 1;
		c->factor = 1;
		if (parse_quantity(p, &i, &c->rhs) != 0)
			goto out;
		tol = -1;
	} else {
		if (num_real(p, i, _("a value"), &c->value, &tol) != 0)
			goto out;
		i++;
		if (i < p->nw && strcmp(p->w[i].s, "*") == 0) {
			c->rhs_is_quantity = 1;
			c->factor = c->value;
			i++;
			if (i >= p->nw) {
				perr(p, p->w[i - 1].col + 1, _("missing quantity after * (expected a "
				    "quantity such as loss run 2)"));
				goto out;
			}
			if (parse_quantity(p, &i, &c->rhs) != 0)
				goto out;
			tol = -1;
		}
	}
	if (kind == 0 && c->rhs_is_quantity && metrics[c->rhs.metric].kind != 0) {
		perr(p, p->w[i - 1].col, _("%s cannot be compared with %s (expected a numeric "
		    "quantity)"), metrics[c->lhs.metric].name, metrics[c->rhs.metric].name);
		goto out;
	}
	if (i < p->nw && strcmp(p->w[i].s, "within") == 0) {
		if (op != LC_APPROX) {
			perr(p, p->w[i].col, _("'within' goes with ~= (expected %s ~= VALUE within "
			    "TOLERANCE)"), metrics[c->lhs.metric].name);
			goto out;
		}
		if (num_real(p, i + 1, _("a tolerance"), &tol, NULL) != 0)
			goto out;
		if (tol < 0) {
			perr(p, p->w[i + 1].col, _("a tolerance cannot be negative (expected 0 or "
			    "more)"));
			goto out;
		}
		i += 2;
	}
	c->tol = tol;
	if (i < p->nw) {
		err_extra(p, i, _("the end of the comparison"));
		goto out;
	}
	c->text = join_words(p, start, end);
	rc = 0;
out:
	p->nw = save_nw;
	return rc;
}

/* A file name of save/load (or a data path): relative, plain components,
 * no `.` or `..`. expected says where names are taken from. */
static int
check_path(struct parser *p, int i, const char *what, const char *expected)
{
	const char *s, *c;
	char b[64];
	size_t comp = 0;

	if (i >= p->nw)
		return perr(p, p->w[i - 1].col + (int)strlen(p->w[i - 1].s),
		    _("missing file name after %s (expected %s)"), what, expected);
	s = p->w[i].s;
	if (strlen(s) > LESSON_MAX_PATH)
		return perr(p, p->w[i].col, _("file name too long (expected at most %d bytes)"),
		    LESSON_MAX_PATH);
	if (s[0] == '/')
		return perr(p, p->w[i].col, _("'%s' is an absolute path (expected %s)"), show(s, b),
		    expected);
	for (c = s;; c++) {
		if (*c == '/' || *c == '\0') {
			if (comp == 0 || (comp == 1 && c[-1] == '.') ||
			    (comp == 2 && c[-1] == '.' && c[-2] == '.'))
				return perr(p, p->w[i].col, _("'%s' has an empty, '.' or '..' part "
				    "(expected %s)"), show(s, b), expected);
			if (*c == '\0')
				break;
			comp = 0;
			continue;
		}
		if (!isalnum((unsigned char)*c) && *c != '.' && *c != '_' && *c != '-')
			return perr(p, p->w[i].col, _("'%s' has a character other than letters, "
			    "digits, '.', '_', '-' and '/' (expected %s)"), show(s, b), expected);
		comp++;
	}
	return 0;
}

#define FILE_NAMES "a name in the lesson's private folder, such as model.json"
#define DATA_NAMES "a path beside the lesson or under the data folder, such as " \
	"datasets/iris.csv"

static int
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *
path_join(const char *dir, const char *name)
{
	if (dir == NULL || strcmp(dir, ".") == 0 || *dir == '\0')
		return xstrdup(name);
	return xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
}

/* 1 when file, its symbolic links followed, is inside folder. */
static int
inside_folder(const char *file, const char *folder)
{
	char *f = realpath(file, NULL), *d = realpath(folder ? folder : ".", NULL);
	size_t n = d ? strlen(d) : 0;
	int in = f && d && strncmp(f, d, n) == 0 && (f[n] == '/' || (n == 1 && d[0] == '/'));

	free(f);
	free(d);
	return in;
}

/* A data file found in folder must stay there: a symbolic link placed
 * beside a lesson must not lead it to files elsewhere. */
static char *
data_inside(struct parser *p, int i, char *file, const char *folder)
{
	char bb[64];

	if (inside_folder(file, folder))
		return file;
	perr(p, p->w[i].col, _("data file '%s' leads out of %s through a symbolic link (expected "
	    "a file in that folder)"), show(p->w[i].s, bb), folder ? folder : ".");
	free(file);
	return NULL;
}

/* `set data PATH`: found beside the lesson, else under the data root. */
static char *
resolve_data(struct parser *p, int i)
{
	const struct lesson_env *e = p->env;
	const char *s = p->w[i].s;
	char *a, *b, bb[64];

	if (check_path(p, i, "set data", DATA_NAMES) != 0)
		return NULL;
	if (e == NULL)
		return xstrdup(s);
	a = path_join(e->lesson_dir, s);
	if (!e->check_files)
		return a;
	if (file_exists(a))
		return data_inside(p, i, a, e->lesson_dir);
	if (e->data_root) {
		b = path_join(e->data_root, s);
		if (file_exists(b)) {
			free(a);
			return data_inside(p, i, b, e->data_root);
		}
		perr(p, p->w[i].col, _("data file '%s' not found (expected it in %s or %s)"),
		    show(s, bb), e->lesson_dir ? e->lesson_dir : ".", e->data_root);
		free(b);
	} else {
		perr(p, p->w[i].col, _("data file '%s' not found (expected it in %s)"), show(s, bb),
		    e->lesson_dir ? e->lesson_dir : ".");
	}
	free(a);
	return NULL;
}

/* Rewrites an options_set message ("--lr: 'x' is not allowed ...") for a
 * lesson ("set lr: 'x' is not allowed ..."). */
static int
err_option(struct parser *p, int col, const char *directive, char *msg)
{
	const char *m = msg ? msg : "not allowed";

	if (strncmp(m, "--", 2) == 0)
		m += 2;
	if (directive && strncmp(m, directive, strlen(directive)) == 0)
		perr(p, col, "%s", m);
	else
		perr(p, col, "%s%s%s", directive ? directive : "", directive ? " " : "", m);
	free(msg);
	return -1;
}

/* Limits of a lesson's settings, tighter than the command line's so that
 * a lesson stays small: LESSON_MAX_UNITS per hidden layer, at most
 * LESSON_MAX_STEPS epochs, generated rows and history phases. */
static int
check_caps(struct parser *p, const char *key)
{
	const struct options *o = &p->sim;
	int i;

	if (strcmp(key, "layers") == 0)
		for (i = 0; i < o->cfg.nhidden; i++)
			if (o->cfg.hidden[i] > LESSON_MAX_UNITS)
				return perr(p, p->w[2].col, _("set layers: %d units is too many for a "
				    "lesson (expected at most %d per layer)"), o->cfg.hidden[i],
				    LESSON_MAX_UNITS);
	if ((strcmp(key, "epochs") == 0 && o->cfg.epochs > LESSON_MAX_STEPS) ||
	    (strcmp(key, "samples") == 0 && o->gen.samples > LESSON_MAX_STEPS) ||
	    (strcmp(key, "history") == 0 && o->cfg.history_phases > LESSON_MAX_STEPS))
		return perr(p, p->w[2].col, _("set %s: %s is too large for a lesson (expected at "
		    "most %d)"), key, p->w[2].s, LESSON_MAX_STEPS);
	return 0;
}

static int
parse_set(struct parser *p)
{
	static const char *const files[] = { "trace", "save", "load", "report", "checkpoint",
		NULL };
	struct lesson_directive *d;
	const char *key;
	char *why;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 3, _("missing setting after set (expected set KEY "
		    "VALUE, such as set lr 0.1)"));
	key = p->w[1].s;
	if (find_name(key, files) >= 0)
		return perr(p, p->w[1].col, _("set %s: a lesson writes files only with save and load "
		    "(expected a training setting)"), key);
	if (strcmp(key, "compare") == 0)
		return perr(p, p->w[1].col, _("set compare: comparisons have their own directive "
		    "(expected compare KEY=V1,V2)"));
	if (find_name(key, set_keys) < 0) {
		err_unknown(p, &p->w[1], _("setting"), set_keys);
		return -1;
	}
	if (p->nw < 3)
		return perr(p, p->w[1].col + (int)strlen(key), _("missing value of %s (expected "
		    "set %s VALUE)"), key, key);
	if (p->nw > 3)
		return err_extra(p, 3, _("one value"));
	if (p->sim.ncompare > 0 && strcmp(key, p->sim.compare_key) == 0)
		return perr(p, p->w[1].col, _("set %s: %s is being compared (expected compare off "
		    "first)"), key, key);
	d = add(p, LOP_SET, p->w[0].col);
	if (d == NULL)
		return -1;
	d->key = xstrdup(key);
	if (strcmp(key, "data") == 0) {
		d->value = resolve_data(p, 2);
		if (d->value == NULL)
			return -1;
	} else {
		d->value = xstrdup(p->w[2].s);
	}
	if (options_set(&p->sim, key, d->value, &why) != 0)
		return err_option(p, p->w[2].col, "set", why);
	return check_caps(p, key);
}

static int
parse_step(struct parser *p)
{
	static const char *const units[] = { "phase", "batch", "epoch", NULL };
	static const char *const plural[] = { "phases", "batches", "epochs", NULL };
	struct lesson_directive *d;
	int u;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 4, _("missing what to step (expected phase, batch or "
		    "epoch)"));
	u = find_name(p->w[1].s, units);
	if (u < 0)
		u = find_name(p->w[1].s, plural);
	if (u < 0)
		return err_unknown(p, &p->w[1], _("step"), units);
	d = add(p, LOP_STEP, p->w[0].col);
	if (d == NULL)
		return -1;
	d->what = u;
	d->n = 1;
	if (p->nw > 2 && num_long(p, 2, 1, LESSON_MAX_STEPS, _("a count"), &d->n) != 0)
		return -1;
	if (p->nw > 3)
		return err_extra(p, 3, _("the end of the line"));
	return 0;
}

static int
parse_run(struct parser *p)
{
	struct lesson_directive *d;
	int end = p->nw, i = 2;
	long n;

	if (p->nw < 2 || strcmp(p->w[1].s, "until") != 0)
		return perr(p, p->nw < 2 ? p->w[0].col + 3 : p->w[1].col, _("run needs a condition "
		    "(expected run until epoch N, run until loss < X, run until diverged)"));
	d = add(p, LOP_RUN, p->w[0].col);
	if (d == NULL)
		return -1;
	d->n = LESSON_DEFAULT_MAX_EPOCHS;
	if (end >= 4 && strcmp(p->w[end - 3].s, "max") == 0) {
		if (strcmp(p->w[end - 2].s, "epochs") != 0)
			return perr(p, p->w[end - 2].col, _("unexpected '%s' (expected max epochs N)"),
			    p->w[end - 2].s);
		if (num_long(p, end - 1, 1, LESSON_MAX_STEPS, _("a number of epochs"), &d->n) != 0)
			return -1;
		end -= 3;
	} else if (end >= 3 && strcmp(p->w[end - 2].s, "max") == 0) {
		return perr(p, p->w[end - 2].col, _("max needs a count (expected max epochs N)"));
	}
	if (i >= end)
		return perr(p, p->w[1].col + 5, _("missing condition after until (expected epoch N, "
		    "diverged, or a comparison such as loss < 0.1)"));
	if (strcmp(p->w[i].s, "epoch") == 0 && end == i + 2 &&
	    strspn(p->w[i + 1].s, "0123456789") == strlen(p->w[i + 1].s)) {
		d->cond.kind = LCOND_EPOCH;
		if (num_long(p, i + 1, 1, LESSON_MAX_STEPS, _("an epoch"), &n) != 0)
			return -1;
		d->cond.value = (double)n;
		d->cond.text = join_words(p, i, end);
		return 0;
	}
	if (strcmp(p->w[i].s, "diverged") == 0 && end == i + 1) {
		d->cond.kind = LCOND_DIVERGED;
		d->cond.text = xstrdup("diverged");
		return 0;
	}
	return parse_comparison(p, i, end, &d->cond);
}

static int
parse_select(struct parser *p)
{
	struct lesson_directive *d;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 6, _("missing what to select (expected select layer L "
		    "neuron J, or select sample S|mean)"));
	d = add(p, LOP_SELECT, p->w[0].col);
	if (d == NULL)
		return -1;
	if (strcmp(p->w[1].s, "layer") == 0) {
		d->what = 0;
		if (num_long(p, 2, 0, NET_MAX_LAYERS, _("a layer (0 is the input)"), &d->n) != 0)
			return -1;
		if (p->nw < 4 || strcmp(p->w[3].s, "neuron") != 0)
			return perr(p, p->nw < 4 ? p->w[2].col + (int)strlen(p->w[2].s) : p->w[3].col,
			    _("missing neuron (expected select layer L neuron J)"));
		if (num_long(p, 4, 1, NET_MAX_UNITS, _("a neuron"), &d->m) != 0)
			return -1;
		if (p->nw > 5)
			return err_extra(p, 5, _("the end of the line"));
		return 0;
	}
	if (strcmp(p->w[1].s, "sample") == 0) {
		d->what = 1;
		if (p->nw > 2 && strcmp(p->w[2].s, "mean") == 0)
			d->m = -1;
		else if (num_long(p, 2, 1, DATA_MAX_ROWS, _("a row of the batch"), &d->m) != 0)
			return -1;
		if (p->nw > 3)
			return err_extra(p, 3, _("the end of the line"));
		return 0;
	}
	return perr(p, p->w[1].col, _("unknown selection '%s' (expected layer or sample)"),
	    p->w[1].s);
}

/* show sample|mistakes|confusion (the data panel), weights|diagram (the
 * network panel), for picture inputs. */
static int
parse_show(struct parser *p)
{
	struct lesson_directive *d;
	int h;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 5, _("missing what to show (expected sample, mistakes, "
		    "confusion, weights or diagram)"));
	h = find_name(p->w[1].s, show_names);
	if (h < 0)
		return err_unknown(p, &p->w[1], _("show"), show_names);
	if (p->nw > 2)
		return err_extra(p, 2, _("the end of the line"));
	d = add(p, LOP_SHOW, p->w[0].col);
	if (d == NULL)
		return -1;
	d->what = h;
	return 0;
}

static int
parse_highlight(struct parser *p)
{
	struct lesson_directive *d;
	int h;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 9, _("missing what to highlight (expected layer L, "
		    "dead, saturated, gradients, weights or none)"));
	h = find_name(p->w[1].s, highlight_names);
	if (h < 0)
		return err_unknown(p, &p->w[1], _("highlight"), highlight_names);
	d = add(p, LOP_HIGHLIGHT, p->w[0].col);
	if (d == NULL)
		return -1;
	d->what = h;
	if (h == LH_LAYER) {
		if (num_long(p, 2, 0, NET_MAX_LAYERS, _("a layer (0 is the input)"), &d->n) != 0)
			return -1;
		if (p->nw > 3)
			return err_extra(p, 3, _("the end of the line"));
	} else if (p->nw > 2) {
		return err_extra(p, 2, _("the end of the line"));
	}
	return 0;
}

static int
parse_compare(struct parser *p)
{
	struct lesson_directive *d;
	char *why;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 7, _("missing what to compare (expected compare "
		    "KEY=V1,V2[,V3,V4], or compare off)"));
	if (p->nw > 2 && !(p->nw == 4 && strcmp(p->w[2].s, "from") == 0 &&
	    strcmp(p->w[3].s, "here") == 0 && strcmp(p->w[1].s, "off") != 0))
		return err_extra(p, 2, _("one KEY=V1,V2 word without spaces, then 'from here' or "
		    "nothing"));
	d = add(p, LOP_COMPARE, p->w[0].col);
	if (d == NULL)
		return -1;
	d->what = p->nw == 4;	/* from here: the runs start from the current state */
	if (strcmp(p->w[1].s, "off") == 0) {
		p->sim.ncompare = 0;
		return 0;
	}
	d->value = xstrdup(p->w[1].s);
	if (options_set(&p->sim, "compare", d->value, &why) != 0)
		return err_option(p, p->w[1].col, "compare", why);
	return 0;
}

static int
parse_expect(struct parser *p)
{
	struct lesson_directive *d;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 6, _("missing quantity after expect (expected expect "
		    "loss < 0.1)"));
	d = add(p, LOP_EXPECT, p->w[0].col);
	if (d == NULL)
		return -1;
	p->l->nexpects++;
	return parse_comparison(p, 1, p->nw, &d->cond);
}

static int
do_save_load(struct parser *p, int load)
{
	struct lesson_directive *d;
	int k;

	if (check_path(p, 1, load ? "load" : "save", FILE_NAMES) != 0)
		return -1;
	d = add(p, load ? LOP_LOAD : LOP_SAVE, p->w[0].col);
	if (d == NULL)
		return -1;
	d->value = xstrdup(p->w[1].s);
	if (load) {
		if (p->nw > 2)
			return err_extra(p, 2, _("the end of the line"));
		if (p->sim.ncompare > 0)
			return perr(p, p->w[0].col, _("load works on one run (expected compare off "
			    "before load)"));
		for (k = 0; k < p->nsaved; k++)
			if (strcmp(p->saved[k], d->value) == 0)
				return 0;
		return perr(p, p->w[1].col, _("load of '%s', which the lesson has not saved "
		    "(expected a save %s before)"), d->value, d->value);
	}
	if (p->nw > 2) {
		if (strcmp(p->w[2].s, "run") != 0)
			return err_extra(p, 2, _("run R or the end of the line"));
		if (parse_run_number(p, 3, &d->cond.lhs.run) != 0)
			return -1;
		if (p->nw > 4)
			return err_extra(p, 4, _("the end of the line"));
	}
	p->saved = xreallocarray(p->saved, (size_t)p->nsaved + 1, sizeof *p->saved);
	p->saved[p->nsaved++] = d->value;
	return 0;
}

static int
parse_save(struct parser *p)
{
	return do_save_load(p, 0);
}

static int
parse_load(struct parser *p)
{
	return do_save_load(p, 1);
}

static int
parse_threshold(struct parser *p)
{
	struct lesson_directive *d;

	if (p->nw < 3 || strcmp(p->w[1].s, "by") != 0 || strcmp(p->w[2].s, "cost") != 0)
		return perr(p, p->nw > 1 ? p->w[1].col : p->w[0].col + 9, _("threshold needs costs "
		    "(expected threshold by cost FN FP; a fixed threshold is set threshold X)"));
	d = add(p, LOP_THRESHOLD, p->w[0].col);
	if (d == NULL)
		return -1;
	if (num_real(p, 3, _("the cost of a false negative"), &d->x, NULL) != 0 ||
	    num_real(p, 4, _("the cost of a false positive"), &d->y, NULL) != 0)
		return -1;
	if (!(d->x > 0))
		return perr(p, p->w[3].col, _("a cost must be positive (expected a number above 0)"));
	if (!(d->y > 0))
		return perr(p, p->w[4].col, _("a cost must be positive (expected a number above 0)"));
	if (p->nw > 5)
		return err_extra(p, 5, _("the end of the line"));
	return 0;
}

/* ------------------------------------------------------- text blocks */

/*
 * The values a narration line shows: each {QUANTITY} or {QUANTITY:DIGITS}
 * is parsed like the left side of an expect and added to d's slots. \{ and
 * \} are literal braces. col0 is the column of text in the line.
 */
static int
parse_slots(struct parser *p, struct lesson_directive *d, const char *text, int col0)
{
	struct word save[MAX_WORDS + 1];
	int save_nw = p->nw, col = col0, rc = 0;
	const char *c, *close;

	memcpy(save, p->w, sizeof save);
	for (c = text; *c && rc == 0; c++) {
		if (*c == '\\' && (c[1] == '{' || c[1] == '}' || c[1] == '*')) {
			c++;
			col += 2;
			continue;
		}
		if (*c == '}') {
			rc = perr(p, col, _("unmatched } (expected \\} for a brace)"));
			break;
		}
		if (*c == '{') {
			struct lesson_slot slot;
			char *inner, *w, *colon;
			int i = 0, k, wcol = col + 1;
			long digits = 3;

			close = strchr(c + 1, '}');
			if (close == NULL || memchr(c + 1, '{', (size_t)(close - c - 1))) {
				rc = perr(p, col, _("unterminated {value} (expected a closing } on the "
				    "same line, or \\{ for a brace)"));
				break;
			}
			inner = xstrndup(c + 1, (size_t)(close - c - 1));
			memset(&slot, 0, sizeof slot);
			/* Words of the quantity, with their columns in the line. */
			p->nw = 0;
			for (w = inner; *w;) {
				while (*w == ' ' || *w == '\t') {
					w++;
					wcol++;
				}
				if (*w == '\0')
					break;
				if (p->nw == MAX_WORDS) {
					rc = perr(p, wcol, _("too many words (expected at most %d)"),
					    MAX_WORDS);
					break;
				}
				p->w[p->nw].s = w;
				p->w[p->nw].col = wcol;
				p->nw++;
				while (*w && *w != ' ' && *w != '\t') {
					if (((unsigned char)*w & 0xC0) != 0x80)
						wcol++;
					w++;
				}
				if (*w) {
					*w++ = '\0';
					wcol++;
				}
			}
			if (rc == 0 && p->nw == 0)
				rc = perr(p, col, _("empty {} (expected a quantity such as {loss}, or \\{ "
				    "for a brace)"));
			/* {QUANTITY:DIGITS}, {QUANTITY:%}, {QUANTITY:%DECIMALS} */
			slot.percent = -1;
			if (rc == 0 && (colon = strrchr(p->w[p->nw - 1].s, ':')) != NULL) {
				struct word keep = p->w[p->nw - 1];
				int pct = colon[1] == '%';

				*colon = '\0';
				p->w[p->nw].s = colon + 1 + pct;
				p->w[p->nw].col = keep.col + (int)(colon - keep.s) + 1 + pct;
				k = p->nw;
				if (keep.s[0] == '\0') {
					p->w[p->nw - 1] = p->w[p->nw];
					k = p->nw - 1;
				} else {
					p->nw++;
				}
				if (pct && p->w[k].s[0] == '\0')
					digits = 0;
				else if (pct)
					rc = num_long(p, k, 0, 6, _("decimals of a percentage"), &digits);
				else
					rc = num_long(p, k, 1, 15, _("a number of significant digits"),
					    &digits);
				if (pct) {
					slot.percent = (int)digits;
					digits = 3;
				}
				p->nw = k;
			}
			if (rc == 0 && p->nw == 0)
				rc = perr(p, col, _("no quantity in {} (expected a quantity such as "
				    "{loss:%%})"));
			if (rc == 0)
				rc = parse_quantity(p, &i, &slot.q);
			if (rc == 0 && i < p->nw)
				rc = err_extra(p, i, _("the end of the value, }"));
			if (rc == 0 && p->sim.ncompare > 0 && slot.q.run < 0)
				rc = perr(p, p->w[0].col, _("in a comparison a shown value names its run "
				    "(expected {%s run R})"), p->w[0].s);
			free(inner);
			if (rc != 0)
				break;
			slot.digits = (int)digits;
			d->slot = xreallocarray(d->slot, (size_t)d->nslot + 1, sizeof *d->slot);
			d->slot[d->nslot++] = slot;
			for (; c < close; c++)
				if (((unsigned char)*c & 0xC0) != 0x80)
					col++;
			col++;
			continue;
		}
		if (((unsigned char)*c & 0xC0) != 0x80)
			col++;
	}
	memcpy(p->w, save, sizeof save);
	p->nw = save_nw;
	return rc;
}

static int
say_append(struct parser *p, const char *text, int col, int text_col)
{
	struct lesson_directive *d = p->say;
	int list_item;
	size_t n;

	if (d == NULL) {
		d = add(p, LOP_SAY, col);
		if (d == NULL)
			return -1;
		p->say = d;
		p->say_break = 0;
	}
	if (text == NULL) {
		p->say_break = d->text != NULL;
		return 0;
	}
	if (parse_slots(p, d, text, text_col) != 0)
		return -1;
	list_item = (text[0] == '-' && text[1] == ' ') ||
	    (isdigit((unsigned char)text[0]) && (n = strspn(text, "0123456789")) &&
	    text[n] == '.' && text[n + 1] == ' ');
	{
		const char *sep = d->text == NULL ? "" : p->say_break ? "\n\n" : list_item ? "\n" : " ";
		size_t ls = strlen(sep), lt = strlen(text);

		if (d->text == NULL)
			p->say_len = p->say_cap = 0;
		if (p->say_len + ls + lt + 1 > p->say_cap) {
			p->say_cap = (p->say_len + ls + lt + 1) * 2;
			d->text = xreallocarray(d->text, p->say_cap, 1);
		}
		memcpy(d->text + p->say_len, sep, ls);
		memcpy(d->text + p->say_len + ls, text, lt + 1);
		p->say_len += ls + lt;
	}
	p->say_break = 0;
	return 0;
}

/* Ends an open question block; checks it is complete. */
static int
close_ask(struct parser *p)
{
	struct lesson_directive *d = p->ask;
	int line = p->line, rc = 0;

	if (d == NULL)
		return 0;
	p->ask = NULL;
	p->line = d->line;
	if (d->ask->nchoices == 0 && d->ask->answer == 0)
		rc = perr(p, d->col, _("ask without an answer (expected '- CHOICE' lines and "
		    "'answer N', or 'answer QUANTITY' for a number question)"));
	else if (d->ask->nchoices == 1)
		rc = perr(p, d->col, _("ask needs 2 to 4 choices (expected '- CHOICE' lines after "
		    "the question, or none for a number question)"));
	else if (d->ask->answer == 0)
		rc = perr(p, d->col, _("ask without an answer (expected 'answer N' after the "
		    "choices)"));
	p->line = line;
	return rc;
}

/* The answer of a number question: answer QUANTITY|NUMBER [within T]. */
static int
number_answer(struct parser *p, struct lesson_ask *a)
{
	int i = 1;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 6, _("missing answer (expected answer QUANTITY or "
		    "answer NUMBER for a number question)"));
	a->tol = -1;
	if (find_metric(p->w[1].s) >= 0) {
		if (parse_quantity(p, &i, &a->q) != 0)
			return -1;
		if (metrics[a->q.metric].kind != 0)
			return perr(p, p->w[1].col, _("%s is not a number (expected a numeric "
			    "quantity such as z 1 1)"), metrics[a->q.metric].name);
		a->has_quantity = 1;
		if (i < p->nw && strcmp(p->w[i].s, "after") == 0) {
			long n = 1;

			if (i + 1 >= p->nw || strcmp(p->w[i + 1].s, "phase") != 0)
				return perr(p, i + 1 < p->nw ? p->w[i + 1].col : p->w[i].col,
				    _("'after' needs 'phase' (expected after phase [N])"));
			i += 2;
			if (i < p->nw && strcmp(p->w[i].s, "within") != 0) {
				if (num_long(p, i, 1, 4, _("phases ahead"), &n) != 0)
					return -1;
				i++;
			}
			a->ahead = (int)n;
		}
	} else {
		if (num_real(p, 1, _("an answer"), &a->value, &a->tol) != 0)
			return -1;
		i = 2;
	}
	if (i < p->nw && strcmp(p->w[i].s, "within") == 0) {
		if (num_real(p, i + 1, _("a tolerance"), &a->tol, NULL) != 0)
			return -1;
		if (a->tol < 0)
			return perr(p, p->w[i + 1].col, _("a tolerance cannot be negative (expected 0 "
			    "or more)"));
		i += 2;
	}
	if (i < p->nw)
		return err_extra(p, i, _("the end of the line, or within TOLERANCE"));
	a->answer = 1;
	return 0;
}

static int
do_ask_part(struct parser *p, const char *word, const char *rest, int rest_col)
{
	struct lesson_ask *a;
	long n;

	if (p->ask == NULL)
		return perr(p, p->w[0].col, _("'%s' outside a question (expected ask QUESTION "
		    "before)"), word);
	a = p->ask->ask;
	if (strcmp(word, "-") == 0) {
		if (a->answer || a->explain)
			return perr(p, p->w[0].col, _("choice after the answer (expected the choices "
			    "before answer)"));
		if (a->nchoices == 4)
			return perr(p, p->w[0].col, _("too many choices (expected 2 to 4)"));
		if (rest == NULL)
			return perr(p, p->w[0].col + 1, _("empty choice (expected - TEXT)"));
		if (check_markup(p, rest, rest_col) != 0 ||
		    parse_slots(p, p->ask, rest, rest_col) != 0)
			return -1;
		a->choice[a->nchoices++] = xstrdup(rest);
		return 0;
	}
	if (strcmp(word, "answer") == 0) {
		if (a->answer)
			return perr(p, p->w[0].col, _("second answer (expected one answer per "
			    "question)"));
		if (a->nchoices == 0)
			return number_answer(p, a);
		if (a->nchoices < 2)
			return perr(p, p->w[0].col, _("answer after %d choice%s (expected 2 to 4 "
			    "'- CHOICE' lines first)"), a->nchoices, a->nchoices == 1 ? "" : "s");
		if (p->nw < 2)
			return perr(p, p->w[0].col + 6, _("missing answer (expected answer N, from 1 "
			    "to %d)"), a->nchoices);
		if (strspn(p->w[1].s, "0123456789") == strlen(p->w[1].s) &&
		    strlen(p->w[1].s) < 9 && (n = strtol(p->w[1].s, NULL, 10)) >= 1 &&
		    n > a->nchoices)
			return perr(p, p->w[1].col, _("answer %ld is out of range (expected 1 to %d)"),
			    n, a->nchoices);
		if (num_long(p, 1, 1, a->nchoices, _("the number of the right choice"), &n) != 0)
			return -1;
		if (p->nw > 2)
			return err_extra(p, 2, _("the end of the line"));
		a->answer = (int)n;
		return 0;
	}
	/* explain */
	if (rest == NULL)
		return perr(p, p->w[0].col + 7, _("empty explanation (expected explain TEXT)"));
	if (check_markup(p, rest, rest_col) != 0 ||
	    parse_slots(p, p->ask, rest, rest_col) != 0)
		return -1;
	if (a->explain == NULL) {
		a->explain = xstrdup(rest);
	} else {
		char *t = xasprintf("%s %s", a->explain, rest);

		free(a->explain);
		a->explain = t;
	}
	return 0;
}

/* ------------------------------------------------------------ lines */

/* Checks the bytes of a line: UTF-8, no control characters but tab. */
static int
check_bytes(struct parser *p, const char *s, size_t n)
{
	size_t i = 0;
	int col = 1;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t v;
		int len;

		if (c < 0x80) {
			if ((c < 0x20 && c != '\t') || c == 0x7F)
				return perr(p, col, _("control character 0x%02X (expected text)"), c);
			i++;
			col++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &v);
		if (!utf8_valid(s + i, len, v))
			return perr(p, col, _("invalid UTF-8 (expected UTF-8 text)"));
		if (v >= 0x80 && v < 0xA0)
			return perr(p, col, _("control character U+%04X (expected text)"), (unsigned)v);
		/* They reorder what the terminal shows after them. */
		if (v == 0x061C || v == 0x200E || v == 0x200F || (v >= 0x202A && v <= 0x202E) ||
		    (v >= 0x2066 && v <= 0x2069))
			return perr(p, col, _("bidirectional control character U+%04X (expected text)"),
			    (unsigned)v);
		i += (size_t)len;
		col++;
	}
	return 0;
}

/* Splits the line (from s) into words; a word starting with # ends it. */
static int
split_words(struct parser *p, char *s)
{
	p->nw = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#')
			break;
		if (p->nw == MAX_WORDS)
			return perr(p, col_of(p, s), _("too many words (expected at most %d)"),
			    MAX_WORDS);
		p->w[p->nw].s = s;
		p->w[p->nw].col = col_of(p, s);
		p->nw++;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
	return 0;
}

static int
parse_choice(struct parser *p)
{
	return do_ask_part(p, "-", p->rest, p->rest_col);
}

static int
parse_answer(struct parser *p)
{
	return do_ask_part(p, "answer", NULL, 0);
}

static int
parse_explain(struct parser *p)
{
	return do_ask_part(p, "explain", p->rest, p->rest_col);
}

static int
parse_title(struct parser *p)
{
	if (p->rest == NULL)
		return perr(p, p->w[0].col + 5, _("missing text after title (expected title TEXT)"));
	if (p->l->title)
		return perr(p, p->w[0].col, _("second title (expected one title; the first is on "
		    "line %d)"), p->title_line);
	p->l->title = p->rest;
	p->rest = NULL;
	p->title_line = p->line;
	return 0;
}

static int
parse_say(struct parser *p)
{
	if (p->rest && check_markup(p, p->rest, p->rest_col) != 0)
		return -1;
	return say_append(p, p->rest, p->w[0].col, p->rest_col);
}

static int
parse_ask(struct parser *p)
{
	struct lesson_directive *d;

	if (p->rest == NULL)
		return perr(p, p->w[0].col + 3, _("missing text after ask (expected ask TEXT)"));
	if (check_markup(p, p->rest, p->rest_col) != 0 ||
	    (d = add(p, LOP_ASK, p->w[0].col)) == NULL ||
	    parse_slots(p, d, p->rest, p->rest_col) != 0)
		return -1;
	d->ask = xcalloc(1, sizeof *d->ask);
	d->ask->question = p->rest;
	p->rest = NULL;
	p->ask = d;
	p->l->nstops++;
	return 0;
}

static int
parse_reset(struct parser *p)
{
	if (p->nw > 1)
		return err_extra(p, 1, _("the end of the line"));
	return add(p, LOP_RESET, p->w[0].col) == NULL ? -1 : 0;
}

static int
parse_pause(struct parser *p)
{
	if (p->nw > 1)
		return err_extra(p, 1, _("the end of the line"));
	if (add(p, LOP_PAUSE, p->w[0].col) == NULL)
		return -1;
	p->l->nstops++;
	return 0;
}

static int
parse_focus(struct parser *p)
{
	struct lesson_directive *d;

	if (p->nw < 2)
		return perr(p, p->w[0].col + 5, _("missing panel after focus (expected network, "
		    "inspector, loss, data, gradients, activations or code)"));
	if (find_name(p->w[1].s, panel_names) < 0)
		return err_unknown(p, &p->w[1], _("panel"), panel_names);
	if (p->nw > 2)
		return err_extra(p, 2, _("the end of the line"));
	if ((d = add(p, LOP_FOCUS, p->w[0].col)) == NULL)
		return -1;
	d->key = xstrdup(p->w[1].s);
	return 0;
}

/* How each word of LESSON_DIRECTIVES is read; the index of directive_names. */
#define DIRECTIVE_PARSE_(ID, fn, word, flags) { flags, parse_##fn },
static const struct {
	int flags;		/* LD_TEXT, LD_PART */
	int (*parse)(struct parser *p);
} directives[] = {
	LESSON_DIRECTIVES(DIRECTIVE_PARSE_, DIRECTIVE_PARSE_)
};
#undef DIRECTIVE_PARSE_

static int
parse_line(struct parser *p, char *s)
{
	char *word_end;
	char word[16];
	size_t wl;
	int col, k, rc;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || *s == '#') {
		/* A blank line ends a narration block; a comment does not. */
		if (*s == '\0')
			p->say = NULL;
		return 0;
	}
	col = col_of(p, s);
	/* Every line but narration ends a narration block. */
	if (*s != '>')
		p->say = NULL;
	/* The directive's word; `>` may be written against its text. */
	if (*s == '>')
		word_end = s + 1;
	else
		for (word_end = s; *word_end && *word_end != ' ' && *word_end != '\t';
		    word_end++)
			;
	wl = (size_t)(word_end - s);
	if (wl >= sizeof word)
		wl = sizeof word - 1;
	memcpy(word, s, wl);
	word[wl] = '\0';
	k = find_name(word, directive_names);
	/* Text directives keep the rest of the line as written. */
	if (k >= 0 && (directives[k].flags & LD_TEXT)) {
		p->rest = rest_of_line(p, word_end, &p->rest_col);
		p->w[0].s = word;
		p->w[0].col = col;
		p->nw = 1;
		if (!(directives[k].flags & LD_PART) && close_ask(p) != 0)
			rc = -1;
		else
			rc = directives[k].parse(p);
		free(p->rest);
		p->rest = NULL;
		return rc;
	}
	if (split_words(p, s) != 0)
		return -1;
	k = find_name(p->w[0].s, directive_names);
	if ((k < 0 || !(directives[k].flags & LD_PART)) && close_ask(p) != 0)
		return -1;
	if (k < 0)
		return err_unknown(p, &p->w[0], _("directive"), directive_names);
	return directives[k].parse(p);
}

/* -------------------------------------------------------------- entry */

struct lesson *
lesson_parse(const char *name, const char *buf, size_t len, const struct lesson_env *env,
    char **err)
{
	struct parser p;
	struct lesson *l;
	size_t i = 0, n;
	const char *slash;

	memset(&p, 0, sizeof p);
	*err = NULL;
	p.name = name;
	p.env = env;
	l = xcalloc(1, sizeof *l);
	p.l = l;
	l->file = xstrdup(name);
	slash = strrchr(name, '/');
	l->folder = slash ? xstrndup(name, (size_t)(slash - name)) : xstrdup(".");
	options_default(&p.sim);
	p.sim.cfg.epochs = LESSON_DEFAULT_EPOCHS;
	if (len > (size_t)LESSON_MAX_BYTES) {
		p.line = 1;
		perr(&p, 1, _("lesson is too large (expected at most %ld bytes)"), LESSON_MAX_BYTES);
		goto fail;
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	p.text = xmalloc(LESSON_MAX_LINE + 2);
	while (i < len && p.err == NULL) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t raw;

		raw = n = nl ? (size_t)(nl - (buf + i)) : len - i;
		p.line++;
		if (n > 0 && buf[i + n - 1] == '\r')
			n--;
		if (n > LESSON_MAX_LINE) {
			perr(&p, 1, _("line too long (expected at most %d bytes)"), LESSON_MAX_LINE);
			break;
		}
		if (check_bytes(&p, buf + i, n) != 0)
			break;
		memcpy(p.text, buf + i, n);
		p.text[n] = '\0';
		parse_line(&p, p.text);
		i += raw + (nl ? 1 : 0);
	}
	if (p.err == NULL)
		close_ask(&p);
	if (p.err == NULL && l->title == NULL) {
		p.line = 1;
		perr(&p, 1, _("lesson has no title (expected a line title TEXT)"));
	}
	if (p.err)
		goto fail;
	l->nstops++;	/* the end */
	free(p.text);
	free(p.saved);
	return l;
fail:
	*err = p.err;
	free(p.text);
	free(p.saved);
	lesson_free(l);
	return NULL;
}

struct lesson *
lesson_load(const char *path, const struct lesson_env *env, char **err)
{
	FILE *f;
	char *buf;
	size_t n;
	struct lesson *l;

	*err = NULL;
	f = fopen(path, "rb");
	if (f == NULL) {
		*err = xasprintf("%s: cannot read: %s", path, strerror(errno));
		return NULL;
	}
	buf = xmalloc((size_t)LESSON_MAX_BYTES + 1);
	n = fread(buf, 1, (size_t)LESSON_MAX_BYTES + 1, f);
	if (ferror(f)) {
		*err = xasprintf("%s: cannot read: %s", path, strerror(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	l = lesson_parse(path, buf, n, env, err);
	free(buf);
	return l;
}

void
lesson_free(struct lesson *l)
{
	int i, k;

	if (l == NULL)
		return;
	for (i = 0; i < l->ndir; i++) {
		struct lesson_directive *d = &l->dir[i];

		free(d->key);
		free(d->value);
		free(d->text);
		free(d->cond.text);
		free(d->slot);
		if (d->ask) {
			free(d->ask->question);
			for (k = 0; k < d->ask->nchoices; k++)
				free(d->ask->choice[k]);
			free(d->ask->explain);
			free(d->ask);
		}
	}
	free(l->dir);
	free(l->file);
	free(l->title);
	free(l->folder);
	free(l);
}
