/*
 * speed.c: the rungs of the speed ladder (speed.h).
 */
#include <string.h>

#include "app/speed.h"
#include "util/i18n.h"

const struct speed speed_ladder[] = {
	{ "slow", SPEED_PHASES, 1000, N_("slow motion: 1 phase/s") },
	{ "1", SPEED_BATCHES, 1, N_("1 batch/frame") },
	{ "4", SPEED_BATCHES, 4, N_("4 batches/frame") },
	{ "16", SPEED_BATCHES, 16, N_("16 batches/frame") },
	{ "64", SPEED_BATCHES, 64, N_("64 batches/frame") },
	{ "256", SPEED_BATCHES, 256, N_("256 batches/frame") },
	{ "turbo", SPEED_TURBO, 0, N_("turbo: as fast as it goes") },
};

const int speed_count = (int)(sizeof speed_ladder / sizeof speed_ladder[0]);

int
speed_find(const char *name)
{
	int i;

	for (i = 0; name && i < speed_count; i++)
		if (strcmp(name, speed_ladder[i].name) == 0)
			return i;
	return -1;
}

const char *
speed_names(void)
{
	return "slow, 1, 4, 16, 64, 256 or turbo";	/* names, not translated */
}
