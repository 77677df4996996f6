/* main.c: nnstep's command line: the TUI, the headless runner, gen, lesson. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "cli/code.h"
#include "app/command.h"
#include "app/config.h"
#include "cli/headless.h"
#include "app/options.h"
#include "cli/outputs.h"
#include "lesson/front.h"
#include "lesson/lesson.h"
#include "ui/keys.h"
#include "ui/tui.h"
#include "util/i18n.h"
#include "util/numlocale.h"
#include "util/outcheck.h"

/* Every key code of the terminal UI's key table, as the manual names it. */
static int
list_keys(void)
{
	char name[32];
	int i, k;

	for (i = 0; i < key_count; i++)
		for (k = 0; k < KEY_CODES && key_table[i].codes[k]; k++)
			if (key_table[i].action != KA_NONE)
				printf("%s\n", key_doc_name(key_table[i].codes[k], name, sizeof name));
	return fflush(stdout) == 0 ? 0 : 1;
}

static int
gen_main(struct options *o)
{
	struct table *t;
	char *err = NULL;

	t = gen_table(o->command_arg, &o->gen, &err);
	if (t == NULL) {
		fprintf(stderr, _("nnstep: gen: %s\n"), err ? err : _("failed"));
		free(err);
		return 2;
	}
	if (table_write_csv(t, stdout, &err) != 0 || fflush(stdout) != 0) {
		fprintf(stderr, _("nnstep: gen: %s\n"), err ? err : _("cannot write"));
		free(err);
		table_free(t);
		return 1;
	}
	table_free(t);
	return 0;
}

/* --print-command: the line that gives the same run, and nothing else. */
static int
print_command(const struct options *o)
{
	char *line = command_line(o, NULL);

	puts(line);
	free(line);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

static int
nnstep_main(int argc, char **argv)
{
	struct options o;
	char *err = NULL;
	int rc;

	numlocale_init();
	i18n_init(i18n_lang_arg(argc, argv));
	options_default(&o);
	rc = options_parse(&o, argc, argv, &err);
	if (rc == 1)
		return 0;
	if (rc != 0) {
		fprintf(stderr, "nnstep: %s\n", err ? err : _("bad arguments"));
		free(err);
		return 2;
	}
	if (config_load(&o, &err) != 0) {
		fprintf(stderr, "nnstep: %s\n", err);
		free(err);
		return 2;
	}
	/* A language remembered in the config file, when none was given. */
	if (o.lang && i18n_lang_arg(argc, argv) == NULL)
		i18n_set_lang(o.lang);
	if (o.command && strcmp(o.command, "gen") == 0)
		return gen_main(&o);
	if (o.command && strcmp(o.command, "check") == 0)
		return check_main(&o);
	if (o.command && strcmp(o.command, "lr-find") == 0)
		return lrfind_main(&o);
	if (o.command && strcmp(o.command, "code") == 0)
		return code_main(&o);
	if (o.list_lessons)
		return lesson_list(&o);
	if (o.list_keys)
		return list_keys();
	if (o.command && strcmp(o.command, "lesson") == 0)
		return lesson_main(&o);
	if (outputs_check(&o, &err) != 0) {
		fprintf(stderr, "nnstep: %s\n", err);
		free(err);
		return 1;
	}
	if (o.headless)
		return o.print_command ? print_command(&o) : headless_main(&o);
	if (argc == 1) {
		/* No arguments: the first lesson, when the lessons can be found. */
		char *path = lesson_find("1", i18n_lang(), &err);

		free(err);
		err = NULL;
		if (path != NULL) {
			o.command = "lesson";
			o.command_arg = path;
			rc = lesson_main(&o);
			free(path);
			return rc;
		}
	}
	/* The interactive default: two moons and a 2-8-8-1 network. */
	if (!o.data_path && !o.gen_name && !o.load_path)
		o.gen_name = "moons";
	if (!o.set_layers && !o.load_path) {
		o.cfg.nhidden = 2;
		o.cfg.hidden[0] = o.cfg.hidden[1] = 8;
	}
	return o.print_command ? print_command(&o) : tui_main(&o);
}

int
main(int argc, char **argv)
{
	outcheck_init();
	return outcheck_finish(nnstep_main(argc, argv));
}
