/* options.c: the command line (and a lesson's `set`) into struct options. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"
#include "util/i18n.h"
#include "util/xmalloc.h"
#include "app/choices.h"
#include "app/speed.h"

/* ------------------------------------------------- names of the values */

/* Each writes the names an option takes, separated by sep and the last two
 * by last, from the table that defines them: --help, the "expected" part of
 * messages and bash completion print these, so no list is typed twice. */
typedef const char *(*names_fn)(const char *sep, const char *last, char *buf, size_t n);

static const char *
names_join(const char *const *v, int count, const char *sep, const char *last, char *buf,
    size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < count && len < n; i++) {
		snprintf(buf + len, n - len, "%s%s", i == 0 ? "" : i == count - 1 ? last : sep, v[i]);
		len += strlen(buf + len);
	}
	return buf;
}

static const char *
names_gen(const char *sep, const char *last, char *buf, size_t n)
{
	int k = 0;

	while (gen_names[k])
		k++;
	return names_join(gen_names, k, sep, last, buf, n);
}

static const char *
names_act(const char *sep, const char *last, char *buf, size_t n)
{
	return act_names(0, ACTP_OUTPUT_ONLY, sep, last, buf, n);
}

static const char *
names_out_act(const char *sep, const char *last, char *buf, size_t n)
{
	size_t len;

	act_names(0, 0, sep, sep, buf, n);
	len = strlen(buf);
	snprintf(buf + len, n - len, "%sauto", last);
	return buf;
}

static const char *
names_loss(const char *sep, const char *last, char *buf, size_t n)
{
	const char *v[LOSS_COUNT];
	int i;

	for (i = 0; i < LOSS_COUNT; i++)
		v[i] = loss_name((enum loss)i);
	return names_join(v, LOSS_COUNT, sep, last, buf, n);
}

static const char *
names_loss_auto(const char *sep, const char *last, char *buf, size_t n)
{
	size_t len;

	names_loss(sep, sep, buf, n);
	len = strlen(buf);
	snprintf(buf + len, n - len, "%sauto", last);
	return buf;
}

static const char *
names_optim(const char *sep, const char *last, char *buf, size_t n)
{
	return optim_names(sep, last, buf, n);
}

static const char *
names_init(const char *sep, const char *last, char *buf, size_t n)
{
	const char *v[INIT_COUNT];
	int i;

	for (i = 0; i < INIT_COUNT; i++)
		v[i] = init_name((enum init)i);
	return names_join(v, INIT_COUNT, sep, last, buf, n);
}

#define NAMES_OF(fn, ...) \
static const char * \
fn(const char *sep, const char *last, char *buf, size_t n) \
{ \
	static const char *const v[] = { __VA_ARGS__ }; \
	return names_join(v, (int)(sizeof v / sizeof v[0]), sep, last, buf, n); \
}
NAMES_OF(names_task, "classify", "regress", "auto")
NAMES_OF(names_missing, "error", "drop", "mean")
NAMES_OF(names_scale, "standard", "minmax", "none")
NAMES_OF(names_shuffle, "on", "off")
NAMES_OF(names_lang, "en", "ko")
NAMES_OF(names_class_weight, "auto", "none")
#undef NAMES_OF

/* The settings --compare can vary. */
static const char *const compare_keys[] = { "act", "optimizer", "lr", "init", "batch", "l2",
	"dropout", NULL };

static const char *
names_compare(const char *sep, const char *last, char *buf, size_t n)
{
	return names_join(compare_keys, (int)(sizeof compare_keys / sizeof compare_keys[0]) - 1,
	    sep, last, buf, n);
}

static const char *
names_compare_key(const char *sep, const char *last, char *buf, size_t n)
{
	char list[160];

	names_compare(sep, last, list, sizeof list);
	snprintf(buf, n, _("KEY=V1,V2[,V3,V4] with KEY one of %s"), list);
	return buf;
}

static const char *
names_gen_one_of(const char *sep, const char *last, char *buf, size_t n)
{
	char list[160];

	names_gen(sep, last, list, sizeof list);
	snprintf(buf, n, _("one of %s"), list);
	return buf;
}

/* ------------------------------------------------------------ the table */

/* An option: long name, short letter (0: none), takes a value, help text
 * with the default ("%s": the names the option takes, from option_names).
 * The table drives parsing, --help and bash completion alike; a value
 * named FILE is a file name. */
struct option_def {
	const char *name;
	char shortname;
	int has_value;
	const char *arg;
	const char *help;
};

/* The options whose values are names, and where the names come from. */
static const struct option_names {
	const char *option;
	names_fn names;
} option_names[] = {
	{ "gen", names_gen },
	{ "task", names_task },
	{ "missing", names_missing },
	{ "scale", names_scale },
	{ "class-weight", names_class_weight },
	{ "act", names_act },
	{ "out-act", names_out_act },
	{ "loss", names_loss },
	{ "optimizer", names_optim },
	{ "init", names_init },
	{ "shuffle", names_shuffle },
	{ "compare", names_compare },
	{ "lang", names_lang },
	{ NULL, NULL }
};

static names_fn
options_names_of(const char *option)
{
	const struct option_names *n;

	for (n = option_names; n->option; n++)
		if (strcmp(n->option, option) == 0)
			return n->names;
	return NULL;
}

static const struct option_def option_defs[] = {
	{ "headless", 'H', 0, NULL, N_("train without the terminal UI, print one line per epoch") },
	{ "data", 'd', 1, "FILE", N_("CSV file with a header row (default: moons in the terminal UI, XOR headless)") },
	{ "gen", 'g', 1, "NAME", N_("use a generated data set: %s") },
	{ "target", 't', 1, "COLUMN", N_("target column, by name or 1-based index (default: last)") },
	{ "task", 0, 1, "TASK", N_("classify or regress (default: from the target column)") },
	{ "missing", 0, 1, "POLICY", N_("missing values: error, drop or mean (default: error)") },
	{ "split", 0, 1, "T,V,E", N_("train,validation,test fractions (default 0.7,0.15,0.15; XOR: 1)") },
	{ "scale", 0, 1, "KIND", N_("standard, minmax or none, fit on train only (default: standard)") },
	{ "class-weight", 0, 1, "W", N_("auto, none or W1,W2,... per class (default: none)") },
	{ "samples", 0, 1, "N", N_("rows a generator makes (default: the generator's)") },
	{ "noise", 0, 1, "X", N_("a generator's noise (default: the generator's)") },
	{ "classes", 0, 1, "K", N_("classes of spiral and blobs (default 3)") },
	{ "layers", 'l', 1, "N,N,...", N_("hidden layer sizes, or none (default 8,8 in the terminal UI, 4 headless)") },
	{ "act", 'a', 1, "NAME[,..]", N_("hidden activation(s): %s (default tanh)") },
	{ "alpha", 0, 1, "X", N_("leaky_relu slope for z < 0 (default 0.01)") },
	{ "out-act", 0, 1, "NAME", N_("output activation (default: from the loss)") },
	{ "loss", 0, 1, "NAME", N_("%s (default: from the task)") },
	{ "optimizer", 'o', 1, "NAME", N_("%s (default sgd)") },
	{ "lr", 'r', 1, "X", N_("learning rate (default 0.1)") },
	{ "batch", 'b', 1, "N", N_("rows per mini-batch, 0 = whole training set (default 32)") },
	{ "epochs", 'e', 1, "N", N_("epochs to train (default 100)") },
	{ "init", 0, 1, "NAME[:V]", N_("zeros constant[:V] uniform[:R] xavier he (default xavier)") },
	{ "bias-init", 0, 1, "X", N_("initial bias of hidden units (default 0)") },
	{ "seed", 's', 1, "N", N_("random seed for weights, split, shuffle, dropout (default 1)") },
	{ "l2", 0, 1, "X", N_("L2 weight decay strength (default 0)") },
	{ "dropout", 0, 1, "P", N_("dropout probability of hidden units (default 0)") },
	{ "shuffle", 0, 1, "on|off", N_("reshuffle the training rows every epoch (default on)") },
	{ "threshold", 0, 1, "X", N_("decision threshold of a binary classifier (default 0.5)") },
	{ "cost-fn", 0, 1, "A", N_("cost of a false negative: choose the threshold by cost") },
	{ "cost-fp", 0, 1, "B", N_("cost of a false positive: choose the threshold by cost") },
	{ "early-stop", 0, 1, "P[,D]", N_("stop after P epochs without improvement, restore the best") },
	{ "reduce-lr", 0, 1, "P[,F[,M[,D]]]", N_("multiply lr by F (0.1) after P epochs without a drop > D (1e-4), not below M") },
	{ "checkpoint", 0, 1, "FILE", N_("save the best model (by validation loss) to FILE") },
	{ "history", 0, 1, "N", N_("phases that can be stepped back (default 512)") },
	{ "no-diagnostics", 0, 0, NULL, N_("skip the per-layer statistics (a little faster)") },
	{ "trace", 0, 1, "FILE", N_("write every batch's numbers as JSON Lines") },
	{ "save", 0, 1, "FILE", N_("save the model as JSON at the end") },
	{ "load", 0, 1, "FILE", N_("start from (or resume) a saved model") },
	{ "report", 0, 1, "FILE", N_("write the final metrics as JSON") },
	{ "framework", 0, 1, "pytorch|keras", N_("nnstep code: pytorch or keras (default pytorch)") },
	{ "predictions", 0, 1, "FILE", N_("write every row's target, prediction and probabilities as CSV") },
	{ "compare", 0, 1, "KEY=V1,V2", N_("train up to 4 runs differing in %s") },
	{ "image", 0, 1, "HxW", N_("the feature columns are an H x W picture in row order") },
	{ "screen", 0, 1, "WxH", N_("headless: print the final screen of that size as text") },
	{ "screen-every", 0, 1, "N", N_("headless: print the screen every N phases") },
	{ "screen-format", 0, 1, "FMT", N_("--screen output: text, ansi (colours) or html (default text)") },
	{ "theme", 0, 1, "NAME", N_("colours: dark, light (light terminals, projectors) or contrast (default dark)") },
	{ "speed", 0, 1, "NAME", N_("continue mode's speed: slow, 1, 4, 16, 64, 256 or turbo (default 16)") },
	{ "print-command", 0, 0, NULL, N_("print the nnstep command line of these settings and exit") },
	{ "record", 0, 1, "FILE", N_("record the terminal UI as an asciicast v2 file") },
	{ "config", 0, 1, "FILE", N_("read remembered settings from FILE (default ~/.config/nnstep/config)") },
	{ "no-config", 0, 0, NULL, N_("neither read nor write the config file") },
	{ "no-color", 0, 0, NULL, N_("no colours (also NO_COLOR or TERM=dumb)") },
	{ "ascii", 0, 0, NULL, N_("ASCII glyphs only (default when the locale is not UTF-8)") },
	{ "lang", 0, 1, "en|ko", N_("language of the interface and the lessons (default: from LANG)") },
	{ "list-lessons", 0, 0, NULL, N_("list the lessons with their titles") },
	{ "quiet", 'q', 0, NULL, N_("headless: print only the summary") },
	{ "help", 'h', 0, NULL, N_("show this help") },
	{ "version", 'V', 0, NULL, N_("show the version") },
	/* for bash completion (completion/nnstep.bash); not in --help */
	{ "complete", 0, 1, "WORD", NULL },
	/* the terminal UI's keys, one a line, for tests/cli/docs.sh; not in --help */
	{ "list-keys", 0, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

void
options_default(struct options *o)
{
	memset(o, 0, sizeof *o);
	session_config_default(&o->cfg);
	o->cfg.batch = 32;
	data_options_default(&o->data);
	o->gen.noise = -1;
	/* One seed drives weights, split, generator, shuffle and dropout. */
	o->gen.seed = o->data.seed = o->cfg.seed;
	o->screen_every = 0;
	o->theme = -1;
	o->speed = -1;
}

static int
options_fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
options_fail(char **err, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	*err = strdup(buf);
	return -1;
}

/* Whole-string number parsing: no trailing junk, finite. */
static int
parse_double(const char *s, double *out)
{
	char *end;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(*out))
		return -1;
	return 0;
}

static int
parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	*out = strtol(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || *out < lo || *out > hi)
		return -1;
	return 0;
}

/* Splits s at commas into at most max numbers. Returns the count or -1. */
static int
parse_list(const char *s, double *v, int max)
{
	char buf[512], *p, *tok, *save = NULL;
	int n = 0;

	if (s == NULL || strlen(s) >= sizeof buf || *s == '\0')
		return -1;
	snprintf(buf, sizeof buf, "%s", s);
	if (buf[strlen(buf) - 1] == ',' || buf[0] == ',' || strstr(buf, ",,"))
		return -1;
	for (p = buf; (tok = strtok_r(p, ",", &save)) != NULL; p = NULL) {
		if (n == max || parse_double(tok, &v[n]) != 0)
			return -1;
		n++;
	}
	return n;
}

#define BAD(what) return options_fail(err, _("--%s: '%s' is not allowed (expected %s)"), \
	name, value ? value : "", _(what))
/* The same with the names from fn: fmt has two %s, all names but the last
 * (joined by ", ") and the last, e.g. N_("%s or %s"), so that a language
 * can join them its own way. */
#define BAD_NAMES(fn, fmt) do { \
	char list_[320], what_[400], *last_; \
	fn(", ", "\n", list_, sizeof list_); \
	last_ = strrchr(list_, '\n'); \
	if (last_ != NULL) \
		*last_++ = '\0'; \
	snprintf(what_, sizeof what_, _(fmt), list_, last_ ? last_ : ""); \
	BAD(what_); \
} while (0)
/* The names from fn, all joined by ", ", into a phrase such as "one of %s". */
#define BAD_LIST(fn) do { \
	char list_[400]; \
	fn(", ", ", ", list_, sizeof list_); \
	BAD(list_); \
} while (0)

int
options_set(struct options *o, const char *name, const char *value, char **err)
{
	struct session_config *c = &o->cfg;
	double v[64], d;
	long n;
	int i, k;

	*err = NULL;
	if (strcmp(name, "headless") == 0) {
		o->headless = 1;
	} else if (strcmp(name, "data") == 0) {
		if (!value || !*value)
			BAD(N_("a file name"));
		o->data_path = value;
		o->gen_name = NULL;
	} else if (strcmp(name, "gen") == 0) {
		for (i = 0; gen_names[i]; i++)
			if (value && strcmp(value, gen_names[i]) == 0)
				break;
		if (!value || !gen_names[i])
			BAD_LIST(names_gen_one_of);
		o->gen_name = value;
		o->data_path = NULL;
	} else if (strcmp(name, "target") == 0) {
		if (!value || !*value)
			BAD(N_("a column name or 1-based index"));
		o->data.target = value;
	} else if (strcmp(name, "task") == 0) {
		if (value && strcmp(value, "classify") == 0)
			o->data.task = TASK_BINARY;
		else if (value && strcmp(value, "regress") == 0)
			o->data.task = TASK_REGRESS;
		else if (value && strcmp(value, "auto") == 0)
			o->data.task = TASK_AUTO;
		else
			BAD_NAMES(names_task, N_("%s or %s"));
	} else if (strcmp(name, "missing") == 0) {
		if (value && strcmp(value, "error") == 0)
			o->data.missing = MISSING_ERROR;
		else if (value && strcmp(value, "drop") == 0)
			o->data.missing = MISSING_DROP;
		else if (value && strcmp(value, "mean") == 0)
			o->data.missing = MISSING_MEAN;
		else
			BAD_NAMES(names_missing, N_("%s or %s"));
		o->given.missing = 1;
	} else if (strcmp(name, "split") == 0) {
		k = parse_list(value, v, 3);
		if (k == 1 && v[0] == 1) {
			o->data.split[0] = 1, o->data.split[1] = o->data.split[2] = 0;
		} else {
			if (k < 2)
				BAD(N_("1, or train,validation[,test] fractions that add up to 1"));
			if (k == 2)
				v[2] = 0;
			if (v[0] <= 0 || v[1] < 0 || v[2] < 0 || fabs(v[0] + v[1] + v[2] - 1) > 1e-9)
				BAD(N_("1, or train,validation[,test] fractions that add up to 1"));
			for (i = 0; i < 3; i++)
				o->data.split[i] = v[i];
		}
		o->given.split = 1;
	} else if (strcmp(name, "scale") == 0) {
		if (value && strcmp(value, "standard") == 0)
			o->data.scale = SCALE_STANDARD;
		else if (value && strcmp(value, "minmax") == 0)
			o->data.scale = SCALE_MINMAX;
		else if (value && strcmp(value, "none") == 0)
			o->data.scale = SCALE_NONE;
		else
			BAD_NAMES(names_scale, N_("%s or %s"));
		o->given.scale = 1;
	} else if (strcmp(name, "class-weight") == 0) {
		if (value && strcmp(value, "auto") == 0) {
			o->data.class_weight_auto = 1;
			o->data.nclass_weights = 0;
		} else if (value && strcmp(value, "none") == 0) {
			o->data.class_weight_auto = 0;
			o->data.nclass_weights = 0;
		} else {
			k = parse_list(value, v, 64);
			if (k < 2)
				BAD(N_("auto, none, or a positive weight per class: W1,W2,..."));
			for (i = 0; i < k; i++)
				if (!(v[i] > 0))
					BAD(N_("auto, none, or a positive weight per class: W1,W2,..."));
			o->data.class_weight_auto = 0;
			o->data.nclass_weights = k;
			memcpy(o->data.class_weights, v, (size_t)k * sizeof v[0]);
		}
		o->given.class_weight = 1;
	} else if (strcmp(name, "samples") == 0) {
		if (parse_long(value, 4, 1000000, &n))
			BAD(N_("a whole number from 4 to 1000000"));
		o->gen.samples = n;
	} else if (strcmp(name, "noise") == 0) {
		if (parse_double(value, &d) || d < 0 || d > 10)
			BAD(N_("a number from 0 to 10"));
		o->gen.noise = d;
	} else if (strcmp(name, "classes") == 0) {
		if (parse_long(value, 2, 10, &n))
			BAD(N_("a whole number from 2 to 10"));
		o->gen.classes = (int)n;
	} else if (strcmp(name, "layers") == 0) {
		if (value && (strcmp(value, "none") == 0 || strcmp(value, "0") == 0)) {
			c->nhidden = 0;
		} else {
			k = parse_list(value, v, NET_MAX_LAYERS - 1);
			if (k < 1)
				BAD(N_("hidden layer sizes such as 16,8 (at most 15 layers), or none"));
			for (i = 0; i < k; i++)
				if (v[i] != floor(v[i]) || v[i] < 1 || v[i] > NET_MAX_UNITS)
					BAD(N_("hidden layer sizes from 1 to 4096, such as 16,8"));
			c->nhidden = k;
			for (i = 0; i < k; i++)
				c->hidden[i] = (int)v[i];
		}
		o->set_layers = 1;
	} else if (strcmp(name, "act") == 0) {
		char buf[256], *p, *tok, *save = NULL;
		int a[NET_MAX_LAYERS - 1];

		if (!value || strlen(value) >= sizeof buf || !*value)
			BAD_NAMES(names_act, N_("%s or %s (one, or one per hidden layer)"));
		snprintf(buf, sizeof buf, "%s", value);
		k = 0;
		for (p = buf; (tok = strtok_r(p, ",", &save)) != NULL; p = NULL) {
			int f = act_parse(tok);

			if (f < 0 || (act_info(f)->props & ACTP_OUTPUT_ONLY) || k == NET_MAX_LAYERS - 1)
				BAD_NAMES(names_act, N_("%s or %s (one, or one per hidden layer)"));
			a[k++] = f;
		}
		if (k == 0)
			BAD_NAMES(names_act, N_("%s or %s (one, or one per hidden layer)"));
		for (i = 0; i < NET_MAX_LAYERS - 1; i++)
			c->hidden_act[i] = a[k == 1 ? 0 : (i < k ? i : k - 1)];
		o->set_act = k;
	} else if (strcmp(name, "alpha") == 0) {
		if (parse_double(value, &d) || d < 0 || d >= 1)
			BAD(N_("a number from 0 to below 1"));
		c->alpha = d;
	} else if (strcmp(name, "out-act") == 0) {
		if (value && strcmp(value, "auto") == 0)
			c->out_act = -1;
		else if (!value || (c->out_act = act_parse(value)) < 0)
			BAD_NAMES(names_out_act, N_("%s or %s"));
		o->set_out_act = 1;
	} else if (strcmp(name, "loss") == 0) {
		if (value && strcmp(value, "auto") == 0)
			c->loss = -1;
		else if (!value || (c->loss = loss_parse(value)) < 0)
			BAD_NAMES(names_loss_auto, N_("%s or %s"));
		o->set_loss = 1;
	} else if (strcmp(name, "optimizer") == 0) {
		int opt = value ? optim_parse(value) : -1;

		if (opt < 0)
			BAD_NAMES(names_optim, N_("%s or %s"));
		c->optimizer = opt;
	} else if (strcmp(name, "lr") == 0) {
		if (parse_double(value, &d) || !(d > 0) || d > 1e6)
			BAD(N_("a positive number up to 1e6"));
		c->lr = d;
		o->set_lr = 1;
	} else if (strcmp(name, "batch") == 0) {
		if (parse_long(value, 0, DATA_MAX_ROWS, &n))
			BAD(N_("a whole number of rows, 0 for the whole training set"));
		c->batch = n;
		o->set_batch = 1;
	} else if (strcmp(name, "epochs") == 0) {
		if (parse_long(value, 0, 1000000, &n))
			BAD(N_("a whole number from 1 to 1000000 (0 only with --load)"));
		c->epochs = (int)n;
		o->set_epochs = 1;
	} else if (strcmp(name, "init") == 0) {
		char buf[64], *colon;
		int in;

		if (!value || strlen(value) >= sizeof buf)
			BAD(N_("zeros, constant[:V], uniform[:R], xavier or he"));
		snprintf(buf, sizeof buf, "%s", value);
		colon = strchr(buf, ':');
		if (colon)
			*colon++ = '\0';
		in = init_parse(buf);
		if (in < 0)
			BAD(N_("zeros, constant[:V], uniform[:R], xavier or he"));
		if (colon && ((in != INIT_CONSTANT && in != INIT_UNIFORM) ||
		    parse_double(colon, &d) || fabs(d) > 1e6 || (in == INIT_UNIFORM && !(d > 0))))
			BAD(N_("zeros, constant[:V], uniform[:R] (R > 0), xavier or he"));
		c->init = in;
		c->init_value = colon ? d : (in == INIT_UNIFORM ? 0.05 : 0.1);
	} else if (strcmp(name, "bias-init") == 0) {
		if (parse_double(value, &d) || fabs(d) > 1e6)
			BAD(N_("a number"));
		c->bias_init = d;
	} else if (strcmp(name, "seed") == 0) {
		char *end;
		unsigned long long s;

		errno = 0;
		s = value && *value && *value != '-' ? strtoull(value, &end, 10) : 0;
		if (!value || !*value || *value == '-' || *end || errno == ERANGE)
			BAD(N_("a whole number from 0 to 18446744073709551615"));
		c->seed = s;
		o->data.seed = s;
		o->gen.seed = s;
	} else if (strcmp(name, "l2") == 0) {
		if (parse_double(value, &d) || d < 0 || d > 1e3)
			BAD(N_("a number from 0 to 1000"));
		c->l2 = d;
	} else if (strcmp(name, "dropout") == 0) {
		if (parse_double(value, &d) || d < 0 || d >= 1)
			BAD(N_("a probability from 0 to below 1"));
		c->dropout = d;
	} else if (strcmp(name, "shuffle") == 0) {
		if (value && strcmp(value, "on") == 0)
			c->shuffle = 1;
		else if (value && strcmp(value, "off") == 0)
			c->shuffle = 0;
		else
			BAD(N_("on or off"));
	} else if (strcmp(name, "framework") == 0) {
		if (value && strcmp(value, "pytorch") == 0)
			o->framework = 0;
		else if (value && strcmp(value, "keras") == 0)
			o->framework = 1;
		else
			BAD(N_("pytorch or keras"));
	} else if (strcmp(name, "threshold") == 0) {
		if (parse_double(value, &d) || d < 0 || d > 1)
			BAD(N_("a number from 0 to 1"));
		c->threshold = d;
		o->given.threshold = 1;
	} else if (strcmp(name, "cost-fn") == 0 || strcmp(name, "cost-fp") == 0) {
		if (parse_double(value, &d) || !(d > 0))
			BAD(N_("a positive number"));
		if (name[6] == 'n')
			o->cost_fn = d;
		else
			o->cost_fp = d;
	} else if (strcmp(name, "early-stop") == 0) {
		k = parse_list(value, v, 2);
		if (k < 1 || v[0] != floor(v[0]) || v[0] < 0 || v[0] > 100000 ||
		    (k == 2 && !(v[1] >= 0)))
			BAD(N_("PATIENCE[,MIN_DELTA]: whole epochs (0 = off) and a change of 0 or more"));
		c->early_stop = (int)v[0];
		c->early_stop_delta = k == 2 ? v[1] : 0.0;
	} else if (strcmp(name, "reduce-lr") == 0) {
		k = parse_list(value, v, 4);
		if (k < 1 || v[0] != floor(v[0]) || v[0] < 0 || v[0] > 100000 ||
		    (k >= 2 && !(v[1] > 0 && v[1] < 1)) || (k >= 3 && !(v[2] >= 0)) ||
		    (k == 4 && !(v[3] >= 0)))
			BAD(N_("PATIENCE[,FACTOR[,MIN_LR[,MIN_DELTA]]]: whole epochs, a factor between 0 and 1, a rate of 0 or more, a change of 0 or more"));
		c->reduce_lr = (int)v[0];
		c->reduce_factor = k >= 2 ? v[1] : 0.1;
		c->reduce_min_lr = k >= 3 ? v[2] : 0.0;
		c->reduce_delta = k == 4 ? v[3] : 1e-4;
	} else if (strcmp(name, "checkpoint") == 0) {
		if (!value || !*value)
			BAD(N_("a file name"));
		o->checkpoint_path = value;
	} else if (strcmp(name, "history") == 0) {
		if (parse_long(value, 0, 1000000, &n))
			BAD(N_("a whole number of phases from 0 to 1000000"));
		c->history_phases = (int)n;
	} else if (strcmp(name, "no-diagnostics") == 0) {
		c->diagnostics = 0;
	} else if (strcmp(name, "trace") == 0 || strcmp(name, "save") == 0 ||
	    strcmp(name, "load") == 0 || strcmp(name, "report") == 0 ||
	    strcmp(name, "predictions") == 0) {
		if (!value || !*value)
			BAD(N_("a file name"));
		if (name[0] == 'p')
			o->predictions_path = value;
		else if (name[0] == 't')
			o->trace_path = value;
		else if (name[0] == 's')
			o->save_path = value;
		else if (name[0] == 'l')
			o->load_path = value;
		else
			o->report_path = value;
	} else if (strcmp(name, "compare") == 0) {
		const char *const *keys = compare_keys;
		const char *eq = value ? strchr(value, '=') : NULL;
		char buf[512], *p, *tok, *save = NULL;
		struct options probe;
		char *why;

		if (!eq || (size_t)(eq - value) >= sizeof o->compare_key)
			BAD_LIST(names_compare_key);
		for (i = 0; keys[i]; i++)
			if (strlen(keys[i]) == (size_t)(eq - value) &&
			    strncmp(value, keys[i], (size_t)(eq - value)) == 0)
				break;
		if (!keys[i] || strlen(eq + 1) >= sizeof buf)
			BAD_LIST(names_compare_key);
		snprintf(o->compare_key, sizeof o->compare_key, "%s", keys[i]);
		snprintf(buf, sizeof buf, "%s", eq + 1);
		k = 0;
		for (p = buf; (tok = strtok_r(p, ",", &save)) != NULL; p = NULL) {
			if (k == OPT_MAX_COMPARE || strlen(tok) >= sizeof o->compare_val[0])
				BAD(N_("two to four values: KEY=V1,V2[,V3,V4]"));
			/* Each value must be valid for its option. */
			options_default(&probe);
			if (options_set(&probe, keys[i], tok, &why) != 0) {
				*err = why;
				return -1;
			}
			snprintf(o->compare_val[k++], sizeof o->compare_val[0], "%s", tok);
		}
		if (k < 2)
			BAD(N_("two to four values: KEY=V1,V2[,V3,V4]"));
		o->ncompare = k;
	} else if (strcmp(name, "image") == 0) {
		char *end = NULL;
		long ih = 0, iw = 0;

		/* HEIGHTxWIDTH and nothing after it; `none` takes it back. */
		if (value && strcmp(value, "none") == 0) {
			o->data.image_h = o->data.image_w = 0;
			return 0;
		}
		if (value) {
			ih = strtol(value, &end, 10);
			if (end != value && *end == 'x')
				iw = strtol(end + 1, &end, 10);
		}
		if (end == NULL || *end != '\0' || ih < 1 || iw < 1 || ih > 64 || iw > 64)
			BAD(N_("HEIGHTxWIDTH such as 8x8 (1x1 to 64x64), or none"));
		o->data.image_h = (int)ih;
		o->data.image_w = (int)iw;
	} else if (strcmp(name, "screen") == 0) {
		char *end = NULL;
		long w = 0, h = 0;

		/* WIDTHxHEIGHT and nothing after it. */
		if (value) {
			w = strtol(value, &end, 10);
			if (*end == 'x')
				h = strtol(end + 1, &end, 10);
		}
		if (end == NULL || *end != '\0' || w < 20 || h < 10 || w > 1000 || h > 1000)
			BAD(N_("WIDTHxHEIGHT such as 120x40 (20x10 to 1000x1000)"));
		o->screen_w = (int)w;
		o->screen_h = (int)h;
	} else if (strcmp(name, "screen-every") == 0) {
		if (parse_long(value, 1, LONG_MAX, &n))
			BAD(N_("a whole number of phases, 1 or more"));
		o->screen_every = n;
	} else if (strcmp(name, "screen-format") == 0) {
		if ((k = screen_format_find(value)) < 0)
			BAD("text, ansi or html");
		o->screen_format = k;
	} else if (strcmp(name, "theme") == 0) {
		if ((k = theme_find(value)) < 0)
			BAD("dark, light or contrast");
		o->theme = k;
	} else if (strcmp(name, "speed") == 0) {
		if ((k = speed_find(value)) < 0)
			BAD(speed_names());
		o->speed = k;
	} else if (strcmp(name, "print-command") == 0) {
		o->print_command = 1;
	} else if (strcmp(name, "record") == 0 || strcmp(name, "config") == 0) {
		if (!value || !*value)
			BAD("a file name");
		if (name[0] == 'r')
			o->record_path = value;
		else
			o->config_path = value;
	} else if (strcmp(name, "no-config") == 0) {
		o->no_config = 1;
	} else if (strcmp(name, "no-color") == 0) {
		o->no_color = 1;
	} else if (strcmp(name, "ascii") == 0) {
		o->ascii = 1;
	} else if (strcmp(name, "lang") == 0) {
		if (!value || (strcmp(value, "en") != 0 && strcmp(value, "ko") != 0))
			BAD(N_("en or ko"));
		o->lang = value;
	} else if (strcmp(name, "list-keys") == 0) {
		o->list_keys = 1;
	} else if (strcmp(name, "list-lessons") == 0) {
		o->list_lessons = 1;
	} else if (strcmp(name, "quiet") == 0) {
		o->quiet = 1;
	} else {
		return options_fail(err, _("unknown option --%s (see nnstep --help)"), name);
	}
	return 0;
}
#undef BAD

void
options_usage(FILE *f)
{
	const struct option_def *d;
	char left[64], names[320], help[480];

	fputs(_(
	    "usage: nnstep [OPTIONS]                  open the interactive trainer\n"
	    "       nnstep --headless [OPTIONS]       train without a terminal UI\n"
	    "       nnstep lesson NAME|FILE [OPTIONS] play a lesson (--headless: check it)\n"
	    "       nnstep gen NAME [--samples N] [--noise X] [--classes K] [--seed S]\n"
	    "                                          write a generated data set as CSV\n"
	    "       nnstep check [OPTIONS] [--report FILE]\n"
	    "                                          sanity checks of the set-up, with verdicts\n"
	    "       nnstep lr-find [OPTIONS] [--report FILE]\n"
	    "                                          the learning rate: loss along the gradient,\n"
	    "                                          LR range test, a suggested lr\n"
	    "\noptions:\n"), f);
	for (d = option_defs; d->name; d++) {
		if (d->help == NULL)
			continue;
		if (d->shortname)
			snprintf(left, sizeof left, "-%c, --%s%s%s", d->shortname, d->name,
			    d->arg ? " " : "", d->arg ? d->arg : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", d->name, d->arg ? " " : "",
			    d->arg ? d->arg : "");
		if (options_names_of(d->name) != NULL && strstr(d->help, "%s") != NULL) {
			options_names_of(d->name)(" ", " ", names, sizeof names);
			snprintf(help, sizeof help, _(d->help), names);
		} else {
			snprintf(help, sizeof help, "%s", _(d->help));
		}
		fprintf(f, "  %-28s %s\n", left, help);
	}
	fputs(_("\nexit status: 0 done, 1 bad input file or failed check, 2 bad option,\n"
	    "3 training diverged (NaN or infinity), 4 a sanity check failed (nnstep check).\n"), f);
}

static const struct option_def *
options_find_long(const char *name, size_t len)
{
	const struct option_def *d;

	for (d = option_defs; d->name; d++)
		if (strlen(d->name) == len && strncmp(d->name, name, len) == 0)
			return d;
	return NULL;
}

/*
 * What may follow the word prev on the command line, for bash completion:
 * the names an option takes, FILE for a file, LESSON after `lesson`, VALUE
 * for any other value, and otherwise every option and command.
 */
static void
options_complete(FILE *f, const char *prev)
{
	const struct option_def *d = NULL;
	char names[320];

	if (prev == NULL)
		prev = "";
	if (strcmp(prev, "gen") == 0) {
		fprintf(f, "%s\n", names_gen(" ", " ", names, sizeof names));
		return;
	}
	if (strcmp(prev, "lesson") == 0) {
		fprintf(f, "LESSON\n");
		return;
	}
	if (prev[0] == '-' && prev[1] == '-')
		d = options_find_long(prev + 2, strlen(prev + 2));
	else if (prev[0] == '-' && prev[1] && !prev[2])
		for (d = option_defs; d->name && d->shortname != prev[1]; d++)
			;
	if (d != NULL && d->name != NULL && d->has_value) {
		names_fn fn = options_names_of(d->name);

		if (d->arg != NULL && strcmp(d->arg, "FILE") == 0)
			fprintf(f, "FILE\n");
		else if (fn == names_compare)
			fprintf(f, "%s=\n", names_compare("= ", "= ", names, sizeof names));
		else if (fn != NULL)
			fprintf(f, "%s\n", fn(" ", " ", names, sizeof names));
		else
			fprintf(f, "VALUE\n");
		return;
	}
	fprintf(f, "%s", "gen lesson check lr-find code");	/* the commands options_parse knows */
	for (d = option_defs; d->name; d++)
		if (d->help != NULL)
			fprintf(f, " --%s", d->name);
	fprintf(f, "\n");
}

int
options_parse(struct options *o, int argc, char **argv, char **err)
{
	int i = 1;

	*err = NULL;
	if (argc > 1 && (strcmp(argv[1], "check") == 0 || strcmp(argv[1], "lr-find") == 0 ||
	    strcmp(argv[1], "code") == 0)) {
		/* nnstep check|lr-find|code [training options] */
		o->command = argv[1];
		i = 2;
	} else if (argc > 1 && (strcmp(argv[1], "gen") == 0 || strcmp(argv[1], "lesson") == 0)) {
		o->command = argv[1];
		if (argc < 3 || argv[2][0] == '-') {
			options_fail(err, _("%s: missing %s"), argv[1],
			    argv[1][0] == 'g' ? _("generator NAME (xor, circles, moons, spiral, blobs, churn)") :
			    _("lesson NAME or FILE"));
			return 2;
		}
		o->command_arg = argv[2];
		i = 3;
	}
	for (; i < argc; i++) {
		const char *a = argv[i], *value = NULL;
		const struct option_def *d = NULL;
		char name[64];

		if (strcmp(a, "lesson") == 0 && o->command == NULL && i + 1 < argc) {
			/* nnstep --headless lesson NAME */
			o->command = "lesson";
			o->command_arg = argv[++i];
			continue;
		}
		if (a[0] == '-' && a[1] == '-' && a[2]) {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			d = options_find_long(a + 2, len);
			if (!d) {
				options_fail(err, _("unknown option %.*s (see nnstep --help)"),
				    (int)(len + 2), a);
				return 2;
			}
			if (eq) {
				if (!d->has_value) {
					options_fail(err, _("--%s takes no value"), d->name);
					return 2;
				}
				value = eq + 1;
			}
		} else if (a[0] == '-' && a[1] && !a[2]) {
			for (d = option_defs; d->name; d++)
				if (d->shortname == a[1])
					break;
			if (!d->name) {
				options_fail(err, _("unknown option %s (see nnstep --help)"), a);
				return 2;
			}
		} else {
			options_fail(err, _("unexpected argument '%s' (see nnstep --help)"), a);
			return 2;
		}
		if (d->has_value && value == NULL) {
			if (i + 1 >= argc) {
				options_fail(err, _("--%s needs a value (%s)"), d->name, d->arg);
				return 2;
			}
			value = argv[++i];
		}
		if (strcmp(d->name, "help") == 0) {
			options_usage(stdout);
			return 1;
		}
		if (strcmp(d->name, "complete") == 0) {
			options_complete(stdout, value);
			return 1;
		}
		if (strcmp(d->name, "version") == 0) {
			printf("nnstep %s\n", NNSTEP_VERSION);
			return 1;
		}
		snprintf(name, sizeof name, "%s", d->name);
		if (options_set(o, name, value, err) != 0)
			return 2;
	}
	if (o->cfg.epochs == 0 && o->load_path == NULL) {
		options_fail(err, _("--epochs: '0' is not allowed (expected a whole number from 1 to "
		    "1000000; 0 only with --load)"));
		return 2;
	}
	if ((o->cost_fn > 0) != (o->cost_fp > 0)) {
		options_fail(err, _("--cost-fn and --cost-fp go together (expected both)"));
		return 2;
	}
	return 0;
}

struct dataset *
options_load_data(const struct options *o, const struct prep *fixed, char **err)
{
	struct table *t = NULL;
	struct dataset *d;
	struct data_options dopt = o->data;

	*err = NULL;
	if (o->data_path)
		t = table_read_csv(o->data_path, err);
	else if (o->gen_name) {
		t = gen_table(o->gen_name, &o->gen, err);
		/* Generated labels are classes even when there are more than two. */
		if (dopt.task == TASK_AUTO)
			dopt.task = gen_task(o->gen_name);
	}
	else
		return dataset_xor();
	if (t == NULL)
		return NULL;
	d = dataset_build(t, &dopt, fixed, err);
	table_free(t);
	if (d != NULL && o->data_path)
		d->origin = xstrdup(o->data_path);
	else if (d != NULL) {
		/* The arguments of `nnstep gen` that write the same rows. */
		char buf[256];
		int n;

		n = snprintf(buf, sizeof buf, "gen %s --seed %llu", o->gen_name,
		    (unsigned long long)o->gen.seed);
		if (o->gen.samples > 0 && n < (int)sizeof buf)
			n += snprintf(buf + n, sizeof buf - (size_t)n, " --samples %ld", o->gen.samples);
		if (o->gen.noise >= 0 && n < (int)sizeof buf)
			n += snprintf(buf + n, sizeof buf - (size_t)n, " --noise %.17g", o->gen.noise);
		if (o->gen.classes > 0 && n < (int)sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n, " --classes %d", o->gen.classes);
		d->gen_args = xstrdup(buf);
	}
	return d;
}
