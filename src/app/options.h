/*
 * options.h: every setting a user can give on the command line (and a lesson
 * with `set KEY VALUE`), parsed into one struct that the front ends share.
 */
#ifndef NNSTEP_OPTIONS_H
#define NNSTEP_OPTIONS_H

#include "data/dataset.h"
#include "io/checkpoint_run.h"
#include "engine/session.h"

#define OPT_MAX_COMPARE 4

struct options {
	struct session_config cfg;	/* network, training, callbacks */
	struct data_options data;	/* target, task, split, scale, ... */
	struct gen_options gen;		/* --samples, --noise, --classes */
	const char *data_path;		/* --data FILE, or NULL */
	const char *gen_name;		/* --gen NAME, or NULL (built-in XOR when both NULL) */
	const char *trace_path;		/* --trace FILE */
	const char *save_path;		/* --save FILE */
	const char *load_path;		/* --load FILE */
	const char *checkpoint_path;	/* --checkpoint FILE (best model) */
	const char *report_path;	/* --report FILE */
	const char *predictions_path;	/* --predictions FILE */
	int framework;			/* nnstep code --framework: 0 pytorch, 1 keras */
	double cost_fn, cost_fp;	/* --cost-fn, --cost-fp (0: not set) */
	int headless;			/* --headless */
	int screen_w, screen_h;		/* --screen WxH (0: none) */
	long screen_every;		/* --screen-every N phases */
	int no_color, ascii;		/* --no-color, --ascii */
	const char *lang;		/* --lang en|ko, or NULL (from LANG) */
	int list_lessons;		/* --list-lessons */
	int list_keys;			/* --list-keys (for the docs test) */
	int quiet;			/* --quiet: no per-epoch lines */
	int theme;			/* --theme: enum theme_id, or -1 (config file, dark) */
	int speed;			/* --speed: rung of the speed ladder, or -1 */
	int screen_format;		/* --screen-format: enum screen_format */
	int print_command;		/* --print-command */
	const char *record_path;	/* --record FILE (asciicast v2) */
	const char *config_path;	/* --config FILE, or NULL (the default place) */
	int no_config;			/* --no-config: ignore the config file */
	/* --compare KEY=V1,V2,... */
	char compare_key[32];
	int ncompare;
	char compare_val[OPT_MAX_COMPARE][64];
	/* what was set explicitly (a lesson or loaded model may fill the rest) */
	int set_loss, set_out_act, set_layers, set_epochs, set_batch, set_lr, set_act;
	struct checkpoint_given given;	/* split, class weights, scale, missing, threshold */
	/* the command: NULL (train), "gen", "lesson" and its argument */
	const char *command;
	const char *command_arg;
};

/* Defaults: built-in XOR, one hidden layer of 4 tanh units, sgd, lr 0.1... */
void options_default(struct options *o);

/*
 * Sets one option from its long name (without "--") and value (NULL for a
 * flag). Used by the command line and by lessons' `set`. Returns 0, or -1
 * with *err (malloc'd) naming the option, the value and what is allowed.
 */
int options_set(struct options *o, const char *name, const char *value, char **err);

/*
 * Parses argv. Returns 0 to go on, 1 when it already did its job (--help,
 * --version printed), or 2 on a usage error with *err set (exit status 2).
 */
int options_parse(struct options *o, int argc, char **argv, char **err);

/* Prints the --help text. */
void options_usage(FILE *f);

/* Builds the dataset named by the options (file, generator or XOR). fixed:
 * preprocessing from a loaded model, or NULL. Returns NULL with *err. */
struct dataset *options_load_data(const struct options *o, const struct prep *fixed,
    char **err);

#endif
