/* main.c: nnstep's command line: the TUI, the headless runner, gen, lesson. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/headless.h"
#include "cli/options.h"
#include "ui/tui.h"

/* The lesson player; a build may lack it. */
int lesson_main(struct options *o) __attribute__((weak));
int lesson_list(struct options *o) __attribute__((weak));

static int
gen_main(struct options *o)
{
	struct table *t;
	char *err = NULL;

	t = gen_table(o->command_arg, &o->gen, &err);
	if (t == NULL) {
		fprintf(stderr, "nnstep: gen: %s\n", err ? err : "failed");
		free(err);
		return 2;
	}
	if (table_write_csv(t, stdout, &err) != 0 || fflush(stdout) != 0) {
		fprintf(stderr, "nnstep: gen: %s\n", err ? err : "cannot write");
		free(err);
		table_free(t);
		return 1;
	}
	table_free(t);
	return 0;
}

int
main(int argc, char **argv)
{
	struct options o;
	char *err = NULL;
	int rc;

	setlocale(LC_ALL, "");
	options_default(&o);
	rc = options_parse(&o, argc, argv, &err);
	if (rc == 1)
		return 0;
	if (rc != 0) {
		fprintf(stderr, "nnstep: %s\n", err ? err : "bad arguments");
		free(err);
		return 2;
	}
	if (o.command && strcmp(o.command, "gen") == 0)
		return gen_main(&o);
	if (o.list_lessons) {
		if (!lesson_list) {
			fprintf(stderr, "nnstep: this build has no lessons\n");
			return 1;
		}
		return lesson_list(&o);
	}
	if (o.command && strcmp(o.command, "lesson") == 0) {
		if (!lesson_main) {
			fprintf(stderr, "nnstep: this build has no lesson player\n");
			return 1;
		}
		return lesson_main(&o);
	}
	if (o.headless)
		return headless_main(&o);
	return tui_main(&o);
}
