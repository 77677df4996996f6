/* choices.c: the names of themes and screen formats. */
#include <string.h>

#include "app/choices.h"

static const char *const theme_names[THEME_COUNT] = { "dark", "light", "contrast" };
static const char *const screen_formats[SCREEN_FORMATS] = { "text", "ansi", "html" };

const char *
theme_name(enum theme_id id)
{
	return id >= 0 && id < THEME_COUNT ? theme_names[id] : "dark";
}

int
theme_find(const char *name)
{
	int i;

	for (i = 0; name && i < THEME_COUNT; i++)
		if (strcmp(name, theme_names[i]) == 0)
			return i;
	return -1;
}

int
screen_format_find(const char *name)
{
	int i;

	for (i = 0; name && i < SCREEN_FORMATS; i++)
		if (strcmp(name, screen_formats[i]) == 0)
			return i;
	return -1;
}
