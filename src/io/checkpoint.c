/* checkpoint.c: save (written directly, row per line) and load (jansson). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/atomic.h"
#include "io/checkpoint.h"
#include "io/checkpoint_run.h"
#include "io/jsonout.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct checkpoint {
	char *path;
	json_t *root;
	struct prep *prep;
	int ninputs, nlayers;
	int units[NET_MAX_LAYERS];
	enum act act[NET_MAX_LAYERS];
	enum loss loss;
	double alpha;
};

/* ---------------------------------------------------------------- saving */

static void
ckpt_rng(FILE *f, const struct rng *r)
{
	int i;

	fputc('[', f);
	for (i = 0; i < 4; i++)
		fprintf(f, "%s\"%016" PRIx64 "\"", i ? "," : "", r->s[i]);
	fputc(']', f);
}

static void
ckpt_strings(FILE *f, char *const *v, int n)
{
	int i;

	fputc('[', f);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		jsonout_string(f, v[i]);
	}
	fputc(']', f);
}

static void
ckpt_prep(FILE *f, const struct prep *p)
{
	static const char *const tasks[] = { "auto", "regress", "binary", "multiclass" };
	static const char *const scales[] = { "standard", "minmax", "none" };
	int i;

	fprintf(f, ",\n\"preprocessing\":{\"task\":\"%s\",\"target\":", tasks[p->task]);
	jsonout_string(f, p->target ? p->target : "");
	fprintf(f, ",\n \"classes\":");
	ckpt_strings(f, p->classes, p->nclasses);
	fprintf(f, ",\n \"columns\":[");
	for (i = 0; i < p->ncols; i++) {
		const struct prep_column *c = &p->cols[i];

		fprintf(f, "%s\n  {\"name\":", i ? "," : "");
		jsonout_string(f, c->name);
		fprintf(f, ",\"type\":\"%s\"", c->is_text ? "text" : "number");
		if (c->is_text) {
			fprintf(f, ",\"categories\":");
			ckpt_strings(f, c->cats, c->ncat);
		} else {
			fprintf(f, ",\"fill\":");
			jsonout_number(f, c->fill);
		}
		fputc('}', f);
	}
	fprintf(f, "],\n \"inputs\":");
	ckpt_strings(f, p->input_names, p->ninputs);
	fprintf(f, ",\n \"scale\":\"%s\",\n \"offset\":", scales[p->scale]);
	jsonout_array(f, p->offset, p->ninputs);
	fprintf(f, ",\n \"scale_by\":");
	jsonout_array(f, p->scalev, p->ninputs);
	fprintf(f, "}");
}

static int
ckpt_write(FILE *f, const struct session *s)
{
	const struct net *n = s->net;
	const struct session_config *c = session_cfg(s);
	struct session_state st;
	int l, j, i;

	session_export(s, &st);
	fprintf(f, "{\"format\":\"%s\",\"version\":%d,\"inputs\":%d,\"loss\":\"%s\",\"alpha\":",
	    CHECKPOINT_FORMAT, CHECKPOINT_VERSION, n->ninputs, loss_name(n->loss));
	jsonout_number(f, c->alpha);
	fprintf(f, ",\n\"layers\":[");
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		fprintf(f, "%s\n {\"units\":%d,\"activation\":\"%s\",\"W\":[", l ? "," : "",
		    ly->out, act_name(ly->act));
		for (j = 0; j < ly->out; j++) {
			fprintf(f, "%s\n  ", j ? "," : "");
			jsonout_array(f, st.param + ly->w_off + (long)j * ly->in, ly->in);
		}
		fprintf(f, "],\n  \"b\":");
		jsonout_array(f, st.param + ly->b_off, ly->out);
		fputc('}', f);
	}
	fprintf(f, "],\n\"optimizer\":{\"name\":\"%s\",\"lr\":", optim_name(st.optimizer));
	jsonout_number(f, st.lr);
	fprintf(f, ",\"step\":%ld", st.step);
	if (st.opt_m != NULL) {
		fprintf(f, ",\n \"m\":");
		jsonout_array(f, st.opt_m, n->nparams);
	}
	if (st.opt_v != NULL) {
		fprintf(f, ",\n \"v\":");
		jsonout_array(f, st.opt_v, n->nparams);
	}
	fprintf(f, "},\n\"training\":{\"seed\":\"%" PRIu64 "\",\"epoch\":%d,\"batch\":%ld,"
	    "\"phase\":\"%s\",\"batch_size\":%ld,\"epochs_done\":%d,\"rng\":",
	    st.seed, st.epoch, st.batch, phase_name(st.phase), st.batch_size,
	    st.epochs_done);
	ckpt_rng(f, &st.rng);
	fprintf(f, ",\"epoch_rng\":");
	ckpt_rng(f, &st.epoch_rng);
	fprintf(f, ",\n \"best_epoch\":%d,\"best_loss\":", st.best_epoch);
	jsonout_number(f, st.best_loss);
	fprintf(f, ",\"early_stop_wait\":%d,\"reduce_lr_wait\":%d,\"reduce_lr_best\":",
	    st.es_wait, st.rlr_wait);
	jsonout_number(f, st.rlr_best);
	if (st.best_param != NULL) {
		fprintf(f, ",\n \"best_weights\":");
		jsonout_array(f, st.best_param, n->nparams);
	}
	fprintf(f, "},\n\"history\":[");
	for (i = 0; i < st.nhistory; i++) {
		const struct epoch_record *e = &st.history[i];

		fprintf(f, "%s\n {\"epoch\":%d,\"loss\":", i ? "," : "", e->epoch);
		jsonout_number(f, e->loss);
		fprintf(f, ",\"val_loss\":");
		jsonout_number(f, e->val_loss);
		fprintf(f, ",\"lr\":");
		jsonout_number(f, e->lr);
		fputc('}', f);
	}
	fputc(']', f);
	if (s->data->prep)
		ckpt_prep(f, s->data->prep);
	checkpoint_run_write(f, s);
	fprintf(f, "}\n");
	return ferror(f) ? -1 : 0;
}

static int
ckpt_write_cb(FILE *f, void *s)
{
	return ckpt_write(f, s);
}

int
checkpoint_save(const struct session *s, const char *path, char **err)
{
	return atomic_write(path, ckpt_write_cb, (void *)s, err);
}

/* --------------------------------------------------------------- loading */

static int
ckpt_fail(char **err, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
ckpt_fail(char **err, const char *path, const char *fmt, ...)
{
	char buf[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (asprintf(err, "%s: %s", path, buf) < 0)
		*err = NULL;
	return -1;
}

/* A JSON number (integer or real) that is finite. */
static int
ckpt_number(const json_t *v, double *out)
{
	if (json_is_real(v))
		*out = json_real_value(v);
	else if (json_is_integer(v))
		*out = (double)json_integer_value(v);
	else
		return -1;
	return isfinite(*out) ? 0 : -1;
}

/* Reads n numbers from a JSON array; -1 on length or type problems. */
static int
ckpt_numbers(const json_t *a, double *out, long n)
{
	long i;

	if (!json_is_array(a) || (long)json_array_size(a) != n)
		return -1;
	for (i = 0; i < n; i++)
		if (ckpt_number(json_array_get(a, (size_t)i), &out[i]) != 0)
			return -1;
	return 0;
}

static int
ckpt_read_rng(const json_t *a, struct rng *r)
{
	int i;

	if (!json_is_array(a) || json_array_size(a) != 4)
		return -1;
	for (i = 0; i < 4; i++) {
		const char *t = json_string_value(json_array_get(a, (size_t)i));
		char *end;

		if (t == NULL || strlen(t) != 16)
			return -1;
		errno = 0;
		r->s[i] = strtoull(t, &end, 16);
		if (*end || errno)
			return -1;
	}
	return 0;
}

static char *
ckpt_strdup(const json_t *v)
{
	const char *s = json_string_value(v);

	return s ? strdup(s) : NULL;
}

static int
ckpt_string_list(const json_t *a, char ***out, int *n, int max)
{
	size_t i;

	if (!json_is_array(a) || json_array_size(a) > (size_t)max)
		return -1;
	*n = (int)json_array_size(a);
	*out = calloc((size_t)*n + 1, sizeof **out);
	if (*out == NULL)
		return -1;
	for (i = 0; i < json_array_size(a); i++)
		if (((*out)[i] = ckpt_strdup(json_array_get(a, i))) == NULL)
			return -1;
	return 0;
}

/* Reads "preprocessing"; NULL with *why on a problem. */
static struct prep *
ckpt_read_prep(const json_t *o, int ninputs, const char **why)
{
	static const char *const tasks[] = { "auto", "regress", "binary", "multiclass" };
	static const char *const scales[] = { "standard", "minmax", "none" };
	struct prep *p = calloc(1, sizeof *p);
	const char *t;
	const json_t *cols;
	size_t i;
	int k;

	*why = "preprocessing is incomplete or malformed";
	if (p == NULL)
		return NULL;
	t = json_string_value(json_object_get(o, "task"));
	p->task = (enum task)-1;
	for (k = 0; t && k < 4; k++)
		if (strcmp(t, tasks[k]) == 0)
			p->task = (enum task)k;
	t = json_string_value(json_object_get(o, "scale"));
	p->scale = (enum scale_kind)-1;
	for (k = 0; t && k < 3; k++)
		if (strcmp(t, scales[k]) == 0)
			p->scale = (enum scale_kind)k;
	p->target = ckpt_strdup(json_object_get(o, "target"));
	cols = json_object_get(o, "columns");
	if ((int)p->task < 0 || (int)p->scale < 0 || p->target == NULL || !json_is_array(cols) ||
	    json_array_size(cols) > DATA_MAX_COLUMNS ||
	    ckpt_string_list(json_object_get(o, "classes"), &p->classes, &p->nclasses, 64) ||
	    ckpt_string_list(json_object_get(o, "inputs"), &p->input_names, &p->ninputs,
	    NET_MAX_UNITS) || p->ninputs != ninputs)
		goto bad;
	p->ncols = (int)json_array_size(cols);
	p->cols = calloc((size_t)p->ncols + 1, sizeof *p->cols);
	p->offset = calloc((size_t)ninputs, sizeof(double));
	p->scalev = calloc((size_t)ninputs, sizeof(double));
	if (!p->cols || !p->offset || !p->scalev)
		goto bad;
	for (i = 0; i < json_array_size(cols); i++) {
		const json_t *c = json_array_get(cols, i);
		struct prep_column *pc = &p->cols[i];

		t = json_string_value(json_object_get(c, "type"));
		pc->name = ckpt_strdup(json_object_get(c, "name"));
		if (!t || !pc->name)
			goto bad;
		pc->is_text = strcmp(t, "text") == 0;
		if (pc->is_text) {
			if (ckpt_string_list(json_object_get(c, "categories"), &pc->cats, &pc->ncat,
			    DATA_MAX_CATEGORIES))
				goto bad;
		} else if (strcmp(t, "number") != 0 ||
		    ckpt_number(json_object_get(c, "fill"), &pc->fill))
			goto bad;
	}
	if (ckpt_numbers(json_object_get(o, "offset"), p->offset, ninputs) ||
	    ckpt_numbers(json_object_get(o, "scale_by"), p->scalev, ninputs))
		goto bad;
	for (k = 0; k < ninputs; k++)
		if (!(p->scalev[k] > 0)) {
			*why = "preprocessing \"scale_by\" must hold positive numbers";
			goto bad;
		}
	return p;
bad:
	prep_free(p);
	return NULL;
}

/* ------------------------------------------------ ranges of the training state */

/* An integer field of obj, absent (left as *out) or within [lo, hi]. */
static int
ckpt_whole(const json_t *obj, const char *key, long lo, long hi, long *out)
{
	const json_t *v = json_object_get(obj, key);

	if (v == NULL)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
		return -1;
	*out = (long)json_integer_value(v);
	return 0;
}

/* A real field of obj: absent, null (when allowed) or a finite number in [lo, hi]. */
static int
ckpt_real(const json_t *obj, const char *key, double lo, double hi, int null_ok)
{
	const json_t *v = json_object_get(obj, key);
	double x;

	if (v == NULL || (null_ok && json_is_null(v)))
		return 0;
	return ckpt_number(v, &x) == 0 && x >= lo && x <= hi ? 0 : -1;
}

/* An array of finite numbers, each at least lo; absent is fine. Its length
 * is checked against the network when the state is applied. */
static int
ckpt_state_array(const json_t *obj, const char *key, double lo)
{
	const json_t *a = json_object_get(obj, key);
	size_t i;
	double x;

	if (a == NULL)
		return 0;
	if (!json_is_array(a))
		return -1;
	for (i = 0; i < json_array_size(a); i++)
		if (ckpt_number(json_array_get(a, i), &x) || x < lo)
			return -1;
	return 0;
}

/*
 * Every number of "optimizer" and "training" within what the engine can use:
 * a count past these would overflow or stall a counter, and a rate or a
 * state past them only ends as a diverged run that is not the learner's doing.
 */
static int
ckpt_check_ranges(const struct checkpoint *c, char **err)
{
	const json_t *opt = json_object_get(c->root, "optimizer");
	const json_t *tr = json_object_get(c->root, "training");
	const char *name;
	char names[80];
	long x = 0;

	if (opt != NULL) {
		if (!json_is_object(opt))
			return ckpt_fail(err, c->path, _("\"optimizer\" must be an object"));
		name = json_string_value(json_object_get(opt, "name"));
		if (json_object_get(opt, "name") && (name == NULL || optim_parse(name) < 0))
			return ckpt_fail(err, c->path, _("optimizer \"name\" must be %s"),
			    optim_names(", ", " or ", names, sizeof names));
		if (ckpt_real(opt, "lr", 1e-300, CKPT_MAX_LR, 0))
			return ckpt_fail(err, c->path, _("optimizer \"lr\" must be a positive number up "
			    "to 1e6"));
		if (ckpt_whole(opt, "step", 0, CKPT_MAX_STEP, &x))
			return ckpt_fail(err, c->path, _("optimizer \"step\" must be a whole number from "
			    "0 to %ld"), CKPT_MAX_STEP);
		if (ckpt_state_array(opt, "m", -INFINITY))
			return ckpt_fail(err, c->path, _("optimizer state \"m\" must hold finite numbers"));
		if (ckpt_state_array(opt, "v", 0))
			return ckpt_fail(err, c->path, _("optimizer state \"v\" must hold finite numbers "
			    "of 0 or more"));
	}
	if (tr == NULL)
		return 0;
	if (!json_is_object(tr))
		return ckpt_fail(err, c->path, _("\"training\" must be an object"));
#define WHOLE(key, lo, hi) \
	if (ckpt_whole(tr, key, lo, hi, &x)) \
		return ckpt_fail(err, c->path, "training \"%s\" must be a whole number from %ld " \
		    "to %ld", key, (long)(lo), (long)(hi))
	WHOLE("epoch", 1, CKPT_MAX_EPOCHS);
	WHOLE("epochs_done", 0, CKPT_MAX_EPOCHS);
	WHOLE("batch", 0, DATA_MAX_ROWS - 1);
	WHOLE("batch_size", 1, DATA_MAX_ROWS);
	WHOLE("best_epoch", 0, CKPT_MAX_EPOCHS);
	WHOLE("early_stop_wait", 0, CKPT_MAX_EPOCHS);
	WHOLE("reduce_lr_wait", 0, CKPT_MAX_EPOCHS);
#undef WHOLE
	if (ckpt_real(tr, "best_loss", -INFINITY, INFINITY, 1))
		return ckpt_fail(err, c->path, _("training \"best_loss\" must be a finite number or "
		    "null"));
	if (ckpt_real(tr, "reduce_lr_best", -INFINITY, INFINITY, 1))
		return ckpt_fail(err, c->path, _("training \"reduce_lr_best\" must be a finite number "
		    "or null"));
	if (ckpt_state_array(tr, "best_weights", -INFINITY))
		return ckpt_fail(err, c->path, _("training \"best_weights\" must hold finite numbers"));
	return 0;
}

/*
 * The counters of "training" and "optimizer" must tell one story: the epoch
 * in progress is the one after the epochs done (or the last of them, when it
 * ended on its last update), the waits and the best epoch lie among the epochs
 * done, updates are at most one per row of each epoch, and the history holds
 * no more epochs than were done.
 */
static int
ckpt_check_counters(const struct checkpoint *c, char **err)
{
	const json_t *tr = json_object_get(c->root, "training");
	const json_t *opt = json_object_get(c->root, "optimizer");
	const json_t *hist = json_object_get(c->root, "history");
	long done = 0, epoch = 1, v = 0, step = 0;

	if (tr == NULL)
		return 0;
	ckpt_whole(tr, "epochs_done", 0, CKPT_MAX_EPOCHS, &done);
	epoch = done > 0 ? done : 1;
	ckpt_whole(tr, "epoch", 1, CKPT_MAX_EPOCHS, &epoch);
	if (epoch < done || epoch > done + 1)
		return ckpt_fail(err, c->path, _("training \"epoch\" %ld does not follow "
		    "\"epochs_done\" %ld (expected %ld or %ld)"), epoch, done, done > 0 ? done : 1,
		    done + 1);
	v = 0;
	ckpt_whole(tr, "best_epoch", 0, CKPT_MAX_EPOCHS, &v);
	if (v > done)
		return ckpt_fail(err, c->path, _("training \"best_epoch\" %ld is past \"epochs_done\" "
		    "%ld"), v, done);
	v = 0;
	ckpt_whole(tr, "early_stop_wait", 0, CKPT_MAX_EPOCHS, &v);
	if (v > done)
		return ckpt_fail(err, c->path, _("training \"early_stop_wait\" %ld is more than "
		    "\"epochs_done\" %ld"), v, done);
	v = 0;
	ckpt_whole(tr, "reduce_lr_wait", 0, CKPT_MAX_EPOCHS, &v);
	if (v > done)
		return ckpt_fail(err, c->path, _("training \"reduce_lr_wait\" %ld is more than "
		    "\"epochs_done\" %ld"), v, done);
	if (json_is_object(opt))
		ckpt_whole(opt, "step", 0, CKPT_MAX_STEP, &step);
	if (step > epoch * (long)DATA_MAX_ROWS)
		return ckpt_fail(err, c->path, _("optimizer \"step\" %ld is more than one update per "
		    "row in %ld epochs"), step, epoch);
	if (hist != NULL && (!json_is_array(hist) || (long)json_array_size(hist) > done))
		return ckpt_fail(err, c->path, _("\"history\" must be a list of at most %ld epochs "
		    "(\"epochs_done\")"), done);
	return 0;
}

static struct checkpoint *ckpt_validate(const char *path, json_t *root, char **err);

/* ------------------------------------------- the size of the file, while reading */

/* What has been read so far: a hostile file is stopped at the first limit it
 * passes, before jansson has built more than a model could need. */
struct ckpt_scan {
	FILE *f;
	long long bytes, values, lists;
	int depth, in_string, escaped;
	const char *why;		/* the limit passed, or NULL */
};

static void
ckpt_scan_bytes(struct ckpt_scan *sc, const char *buf, size_t n)
{
	size_t i;

	sc->bytes += (long long)n;
	for (i = 0; i < n && sc->why == NULL; i++) {
		char ch = buf[i];

		if (sc->in_string) {
			if (sc->escaped)
				sc->escaped = 0;
			else if (ch == '\\')
				sc->escaped = 1;
			else if (ch == '"')
				sc->in_string = 0;
			continue;
		}
		if (ch == '"')
			sc->in_string = 1;
		else if (ch == '[' || ch == '{') {
			if (++sc->depth > CKPT_MAX_DEPTH)
				sc->why = "lists nested deeper than a model's";
			else if (++sc->lists > CKPT_MAX_LISTS)
				sc->why = "more lists and objects than the largest model has";
		} else if (ch == ']' || ch == '}')
			sc->depth--;
		else if (ch == ',' && ++sc->values > CKPT_MAX_VALUES)
			sc->why = "more values than the largest model has";
	}
	if (sc->why == NULL && sc->bytes > CKPT_MAX_BYTES)
		sc->why = "larger than the largest model";
}

static size_t
ckpt_scan_read(void *buf, size_t len, void *user)
{
	struct ckpt_scan *sc = user;
	size_t n = fread(buf, 1, len, sc->f);

	if (ferror(sc->f))
		return (size_t)-1;
	ckpt_scan_bytes(sc, buf, n);
	return sc->why ? (size_t)-1 : n;
}

/* The reason jansson gives, or one when it gave none (a failed allocation). */
static const char *
ckpt_json_reason(const json_error_t *je)
{
	return je->text[0] ? je->text : "out of memory";
}

/* A parse error, at its place when jansson knows it (not after a failed
 * allocation, where it gives line -1). */
static void
ckpt_json_fail(char **err, const char *path, const json_error_t *je)
{
	if (je->line > 0)
		ckpt_fail(err, path, _("line %d column %d: %s (expected a JSON model)"), je->line,
		    je->column, ckpt_json_reason(je));
	else
		ckpt_fail(err, path, _("%s (expected a JSON model)"), ckpt_json_reason(je));
}

static int
ckpt_limit_fail(char **err, const char *path, const char *why)
{
	return ckpt_fail(err, path, _("%s (expected at most %lld bytes, %lld values, %lld lists "
	    "and objects, nested %d deep)"), why, (long long)CKPT_MAX_BYTES,
	    (long long)CKPT_MAX_VALUES, (long long)CKPT_MAX_LISTS, CKPT_MAX_DEPTH);
}

struct checkpoint *
checkpoint_load(const char *path, char **err)
{
	struct ckpt_scan sc;
	struct stat st;
	json_error_t je;
	json_t *root;

	*err = NULL;
	memset(&sc, 0, sizeof sc);
	sc.f = fopen(path, "rb");
	if (sc.f == NULL) {
		ckpt_fail(err, path, _("cannot read: %s"), strerror(errno));
		return NULL;
	}
	/* The size is checked before any parsing; the scan catches the rest. */
	if (fstat(fileno(sc.f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > CKPT_MAX_BYTES) {
		fclose(sc.f);
		ckpt_limit_fail(err, path, _("larger than the largest model"));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		fclose(sc.f);
		ckpt_fail(err, path, _("cannot read: %s"), strerror(EISDIR));
		return NULL;
	}
	root = json_load_callback(ckpt_scan_read, &sc, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		int rd = ferror(sc.f), saved = errno;

		fclose(sc.f);
		if (sc.why)
			ckpt_limit_fail(err, path, sc.why);
		else if (rd)
			ckpt_fail(err, path, _("cannot read: %s"), strerror(saved));
		else
			ckpt_json_fail(err, path, &je);
		return NULL;
	}
	fclose(sc.f);
	return ckpt_validate(path, root, err);
}

struct checkpoint *
checkpoint_parse(const char *name, const char *buf, size_t len, char **err)
{
	struct ckpt_scan sc;
	json_error_t je;
	json_t *root;

	*err = NULL;
	memset(&sc, 0, sizeof sc);
	ckpt_scan_bytes(&sc, buf, len);
	if (sc.why) {
		ckpt_limit_fail(err, name, sc.why);
		return NULL;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		ckpt_json_fail(err, name, &je);
		return NULL;
	}
	return ckpt_validate(name, root, err);
}

/* Takes ownership of root. */
static struct checkpoint *
ckpt_validate(const char *path, json_t *root, char **err)
{
	struct checkpoint *c;
	json_t *layers, *v;
	const char *s;
	char names[128];
	int l, in;
	size_t i;

	c = calloc(1, sizeof *c);
	if (c == NULL) {
		json_decref(root);
		*err = strdup("out of memory");
		return NULL;
	}
	c->root = root;
	c->path = strdup(path);
#define FAIL(...) do { ckpt_fail(err, path, __VA_ARGS__); checkpoint_free(c); return NULL; } while (0)
	if (!json_is_object(root))
		FAIL("not an nnstep model (expected a JSON object)");
	s = json_string_value(json_object_get(root, "format"));
	if (s == NULL || strcmp(s, CHECKPOINT_FORMAT) != 0)
		FAIL("not an nnstep model (expected \"format\":\"%s\")", CHECKPOINT_FORMAT);
	v = json_object_get(root, "version");
	if (!json_is_integer(v) || json_integer_value(v) != CHECKPOINT_VERSION)
		FAIL("unsupported version (expected \"version\":%d)", CHECKPOINT_VERSION);
	v = json_object_get(root, "inputs");
	if (!json_is_integer(v) || json_integer_value(v) < 1 ||
	    json_integer_value(v) > NET_MAX_UNITS)
		FAIL("\"inputs\" must be a whole number from 1 to %d", NET_MAX_UNITS);
	c->ninputs = (int)json_integer_value(v);
	s = json_string_value(json_object_get(root, "loss"));
	if (s == NULL || loss_parse(s) < 0)
		FAIL("\"loss\" must be one of mse, mae, huber, bce, cce, hinge");
	c->loss = loss_parse(s);
	c->alpha = ACT_LEAKY_ALPHA;
	v = json_object_get(root, "alpha");
	if (v && (ckpt_number(v, &c->alpha) || c->alpha < 0 || c->alpha >= 1))
		FAIL("\"alpha\" must be a number from 0 to below 1");
	layers = json_object_get(root, "layers");
	if (!json_is_array(layers) || json_array_size(layers) < 1 ||
	    json_array_size(layers) > NET_MAX_LAYERS)
		FAIL("\"layers\" must be a list of 1 to %d layers", NET_MAX_LAYERS);
	c->nlayers = (int)json_array_size(layers);
	in = c->ninputs;
	for (l = 0; l < c->nlayers; l++) {
		json_t *ly = json_array_get(layers, (size_t)l), *w, *b;
		int a;

		if (!json_is_object(ly))
			FAIL("layer %d: expected an object with units, activation, W and b", l + 1);
		v = json_object_get(ly, "units");
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > NET_MAX_UNITS)
			FAIL("layer %d: \"units\" must be a whole number from 1 to %d", l + 1,
			    NET_MAX_UNITS);
		c->units[l] = (int)json_integer_value(v);
		s = json_string_value(json_object_get(ly, "activation"));
		if (s == NULL || (a = act_parse(s)) < 0)
			FAIL("layer %d: unknown activation (expected %s)", l + 1,
			    act_names(0, 0, ", ", " or ", names, sizeof names));
		if ((act_info(a)->props & ACTP_OUTPUT_ONLY) && l < c->nlayers - 1)
			FAIL("layer %d: %s is for the output layer only", l + 1, act_name(a));
		c->act[l] = a;
		w = json_object_get(ly, "W");
		if (!json_is_array(w) || (int)json_array_size(w) != c->units[l])
			FAIL("layer %d: W must have %d rows (one per unit)", l + 1, c->units[l]);
		for (i = 0; i < json_array_size(w); i++) {
			json_t *row = json_array_get(w, i);
			size_t k;

			if (!json_is_array(row) || (int)json_array_size(row) != in)
				FAIL("layer %d: W row %zu must have %d numbers (one per input)", l + 1,
				    i + 1, in);
			for (k = 0; k < json_array_size(row); k++) {
				double x;

				if (ckpt_number(json_array_get(row, k), &x))
					FAIL("layer %d: W[%zu][%zu] is not a finite number", l + 1, i + 1,
					    k + 1);
			}
		}
		b = json_object_get(ly, "b");
		if (!json_is_array(b) || (int)json_array_size(b) != c->units[l])
			FAIL("layer %d: b must have %d numbers (one per unit)", l + 1, c->units[l]);
		for (i = 0; i < json_array_size(b); i++) {
			double x;

			if (ckpt_number(json_array_get(b, i), &x))
				FAIL("layer %d: b[%zu] is not a finite number", l + 1, i + 1);
		}
		in = c->units[l];
	}
	if (loss_check_output(c->loss, c->act[c->nlayers - 1], c->units[c->nlayers - 1]))
		FAIL("%s", loss_check_output(c->loss, c->act[c->nlayers - 1],
		    c->units[c->nlayers - 1]));
	v = json_object_get(root, "preprocessing");
	if (v != NULL) {
		const char *why;

		c->prep = ckpt_read_prep(v, c->ninputs, &why);
		if (c->prep == NULL)
			FAIL("%s", why);
	}
#undef FAIL
	if (ckpt_check_ranges(c, err) || ckpt_check_counters(c, err)) {
		checkpoint_free(c);
		return NULL;
	}
	return c;
}

void
checkpoint_free(struct checkpoint *c)
{
	if (c == NULL)
		return;
	json_decref(c->root);
	prep_free(c->prep);
	free(c->path);
	free(c);
}

const struct json_t *
checkpoint_json(const struct checkpoint *c)
{
	return c->root;
}

const char *
checkpoint_path(const struct checkpoint *c)
{
	return c->path;
}

const struct prep *
checkpoint_prep(const struct checkpoint *c)
{
	return c->prep;
}

int
checkpoint_epochs_done(const struct checkpoint *c)
{
	const json_t *v = json_object_get(json_object_get(c->root, "training"), "epochs_done");

	return json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= 1000000 ? (int)json_integer_value(v) : 0;
}

void
checkpoint_config(const struct checkpoint *c, struct session_config *cfg)
{
	int l;

	cfg->nhidden = c->nlayers - 1;
	for (l = 0; l < c->nlayers - 1; l++) {
		cfg->hidden[l] = c->units[l];
		cfg->hidden_act[l] = c->act[l];
	}
	cfg->out_act = c->act[c->nlayers - 1];
	cfg->loss = c->loss;
	cfg->alpha = c->alpha;
}

/* The training state of a checkpoint, for session_import; the arrays it
 * points to are allocated here (ckpt_state_free). */
static int
ckpt_state(const struct checkpoint *c, const struct session *s, struct session_state *st,
    char **err)
{
	const json_t *opt = json_object_get(c->root, "optimizer");
	const json_t *tr = json_object_get(c->root, "training");
	const json_t *hist = json_object_get(c->root, "history"), *v;
	long np = s->net->nparams;
	enum optim own = session_cfg(s)->optimizer;
	const char *name, *ph;
	struct epoch_record *h;
	double *m, *vv, *best;
	int l;

	memset(st, 0, sizeof *st);
	name = json_string_value(json_object_get(opt, "name"));
	if (!json_is_object(opt) || !json_is_object(tr) || !name || optim_parse(name) < 0)
		return ckpt_fail(err, c->path, _("no training state to resume (expected "
		    "\"optimizer\" and \"training\")"));
	st->optimizer = (enum optim)optim_parse(name);
	if (st->optimizer == own) {
		st->opt_m = m = xcalloc((size_t)np, sizeof(double));
		st->opt_v = vv = xcalloc((size_t)np, sizeof(double));
		if (optim_state_arrays(own) >= 1 && ckpt_numbers(json_object_get(opt, "m"), m, np))
			return ckpt_fail(err, c->path, _("optimizer state \"m\" must have %ld numbers"),
			    np);
		if (optim_state_arrays(own) >= 2 && ckpt_numbers(json_object_get(opt, "v"), vv, np))
			return ckpt_fail(err, c->path, _("optimizer state \"v\" must have %ld numbers"),
			    np);
		v = json_object_get(opt, "step");
		st->step = json_is_integer(v) ? (long)json_integer_value(v) : 0;
	}
	if (ckpt_number(json_object_get(opt, "lr"), &st->lr) != 0)
		st->lr = 0;
	if (ckpt_read_rng(json_object_get(tr, "rng"), &st->rng) ||
	    ckpt_read_rng(json_object_get(tr, "epoch_rng"), &st->epoch_rng))
		return ckpt_fail(err, c->path, _("\"rng\" must be 4 hexadecimal strings"));
	v = json_object_get(tr, "epochs_done");
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 1000000)
		return ckpt_fail(err, c->path, _("\"epochs_done\" must be a whole number"));
	st->epochs_done = (int)json_integer_value(v);
	v = json_object_get(tr, "epoch");
	st->epoch = json_is_integer(v) && json_integer_value(v) >= 1 &&
	    json_integer_value(v) <= 1000000 ? (int)json_integer_value(v) : st->epochs_done;
	v = json_object_get(tr, "batch");
	st->batch = json_is_integer(v) ? (long)json_integer_value(v) : 0;
	v = json_object_get(tr, "batch_size");
	st->batch_size = json_is_integer(v) ? (long)json_integer_value(v) : 0;
	ph = json_string_value(json_object_get(tr, "phase"));
	st->phase = ph && strcmp(ph, "update") == 0 ? PHASE_UPDATE : PHASE_NONE;
	v = json_object_get(tr, "best_epoch");
	st->best_epoch = json_is_integer(v) ? (int)json_integer_value(v) : 0;
	if (ckpt_number(json_object_get(tr, "best_loss"), &st->best_loss))
		st->best_loss = INFINITY;
	if (ckpt_number(json_object_get(tr, "reduce_lr_best"), &st->rlr_best))
		st->rlr_best = INFINITY;
	v = json_object_get(tr, "early_stop_wait");
	st->es_wait = json_is_integer(v) ? (int)json_integer_value(v) : 0;
	v = json_object_get(tr, "reduce_lr_wait");
	st->rlr_wait = json_is_integer(v) ? (int)json_integer_value(v) : 0;
	st->best_param = best = xcalloc((size_t)np, sizeof(double));
	if (ckpt_numbers(json_object_get(tr, "best_weights"), best, np)) {
		free(best);
		st->best_param = NULL;
	}
	/* Records the file does not hold read as unknown (NaN). */
	st->nhistory = (int)json_array_size(hist) < st->epochs_done ?
	    (int)json_array_size(hist) : st->epochs_done;
	st->history = h = xcalloc((size_t)st->nhistory + 1, sizeof *h);
	for (l = 0; l < st->nhistory; l++) {
		const json_t *e = json_array_get(hist, (size_t)l);

		if (ckpt_number(json_object_get(e, "loss"), &h[l].loss))
			h[l].loss = NAN;
		if (ckpt_number(json_object_get(e, "val_loss"), &h[l].val_loss))
			h[l].val_loss = NAN;
	}
	return 0;
}

static void
ckpt_state_free(struct session_state *st)
{
	free((void *)st->opt_m);
	free((void *)st->opt_v);
	free((void *)st->best_param);
	free((void *)st->history);
}

int
checkpoint_apply(const struct checkpoint *c, struct session *s, int resume, char **err)
{
	const struct net *n = s->net;
	const json_t *layers = json_object_get(c->root, "layers");
	struct session_state st;
	double *param;
	int l, rc = 0;
	size_t j;

	*err = NULL;
	if (n->ninputs != c->ninputs)
		return ckpt_fail(err, c->path, _("the model has %d inputs but the data has %d"),
		    c->ninputs, n->ninputs);
	if (n->nlayers != c->nlayers)
		return ckpt_fail(err, c->path, _("the model has %d layers but the network has %d"),
		    c->nlayers, n->nlayers);
	for (l = 0; l < c->nlayers; l++)
		if (n->layer[l].out != c->units[l])
			return ckpt_fail(err, c->path,
			    _("layer %d has %d units in the model but %d in the network"), l + 1,
			    c->units[l], n->layer[l].out);
	param = xcalloc((size_t)n->nparams, sizeof(double));
	memcpy(param, n->param, (size_t)n->nparams * sizeof(double));
	for (l = 0; l < c->nlayers; l++) {
		const json_t *ly = json_array_get(layers, (size_t)l), *w = json_object_get(ly, "W");
		const struct layer *nl = &n->layer[l];

		for (j = 0; j < json_array_size(w); j++)
			ckpt_numbers(json_array_get(w, j), param + nl->w_off + (long)j * nl->in,
			    nl->in);
		ckpt_numbers(json_object_get(ly, "b"), param + nl->b_off, nl->out);
	}
	if (resume)
		rc = ckpt_state(c, s, &st, err);
	if (rc == 0)
		session_import(s, param, resume ? &st : NULL);
	if (resume)
		ckpt_state_free(&st);
	free(param);
	return rc;
}
