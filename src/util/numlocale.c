/* numlocale.c: the user's locale for characters, C for numbers. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/numlocale.h"

/* Does the locale the environment asks for (ko_KR.UTF-8, en_US.utf8) name
 * UTF-8? */
static int
env_names_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v = NULL, *dot;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0] && (v == NULL || *v == '\0'); i++)
		v = getenv(vars[i]);
	dot = v ? strchr(v, '.') : NULL;
	return dot && (strncasecmp(dot + 1, "utf-8", 5) == 0 || strncasecmp(dot + 1, "utf8", 4) == 0);
}

void
numlocale_init(void)
{
	/* A locale that is not installed (ko_KR.UTF-8 on a machine that only
	 * has C.UTF-8) keeps its character set when that is UTF-8. */
	if (setlocale(LC_ALL, "") == NULL &&
	    (!env_names_utf8() || setlocale(LC_ALL, "C.UTF-8") == NULL))
		setlocale(LC_ALL, "C");
	setlocale(LC_NUMERIC, "C");
}
