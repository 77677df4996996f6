/* fixtures.c: data sets several unit tests train on (fixtures.h). */
#include <check.h>
#include <stddef.h>

#include "fixtures.h"

struct dataset *
fixture_moons(void)
{
	struct gen_options g = { 0 };
	struct data_options o;
	struct table *t;
	struct dataset *d;
	char *err = NULL;

	g.samples = 200;
	g.noise = 0.2;
	g.classes = 2;
	g.seed = 1;
	t = gen_table("moons", &g, &err);
	ck_assert_msg(t != NULL, "%s", err ? err : "?");
	data_options_default(&o);
	o.task = TASK_BINARY;
	d = dataset_build(t, &o, NULL, &err);
	ck_assert_msg(d != NULL, "%s", err ? err : "?");
	table_free(t);
	return d;
}
