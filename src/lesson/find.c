/* find.c: where lessons live, which language, and a lesson by name. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lesson/lesson.h"
#include "lesson/lutil.h"
#include "util/i18n.h"

#ifndef NNSTEP_SHAREDIR
#define NNSTEP_SHAREDIR "/usr/local/share/nnstep"
#endif

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

const char *
lesson_default_lang(void)
{
	return i18n_env_lang();
}

char *
lesson_dir(void)
{
	const char *env = getenv("NNSTEP_LESSONS");
	char exe[4096], *slash, *d;
	ssize_t n;

	if (env && *env)
		return xstrdup(env);
	if (is_dir("lessons"))
		return xstrdup("lessons");
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			d = xasprintf("%s/../share/nnstep/lessons", exe);
			if (is_dir(d))
				return d;
			free(d);
		}
	}
	if (is_dir(NNSTEP_SHAREDIR "/lessons"))
		return xstrdup(NNSTEP_SHAREDIR "/lessons");
	return NULL;
}

/* Does the file name (without .lesson) match what was asked for: the whole
 * name, the name after its "NN-" number, or the number? */
static int
name_matches(const char *stem, const char *arg)
{
	size_t digits = strspn(stem, "0123456789");

	if (strcmp(stem, arg) == 0)
		return 1;
	if (digits > 0 && stem[digits] == '-' && strcmp(stem + digits + 1, arg) == 0)
		return 1;
	if (digits > 0 && strspn(arg, "0123456789") == strlen(arg) && strlen(arg) < 9)
		return strtol(stem, NULL, 10) == strtol(arg, NULL, 10);
	return 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
lesson_names(const char *folder, int *n)
{
	DIR *dir = opendir(folder);
	struct dirent *e;
	char **names = NULL;
	int cap = 0;

	*n = 0;
	if (dir == NULL)
		return NULL;
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 7 || strcmp(e->d_name + len - 7, ".lesson") != 0 || e->d_name[0] == '.')
			continue;
		if (*n + 1 >= cap) {
			cap = cap ? cap * 2 : 32;
			names = xreallocarray(names, (size_t)cap, sizeof *names);
		}
		names[(*n)++] = xstrndup(e->d_name, len - 7);
	}
	closedir(dir);
	if (names == NULL)
		return NULL;
	qsort(names, (size_t)*n, sizeof *names, cmp_names);
	names[*n] = NULL;
	return names;
}

static void
free_names(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

char *
lesson_find(const char *arg, const char *lang, char **err)
{
	const char *langs[2] = { lang, "en" };
	char *dir, *folder, *found = NULL, **names;
	size_t len = strlen(arg);
	int k, i, n;

	*err = NULL;
	if (strchr(arg, '/') || (len > 7 && strcmp(arg + len - 7, ".lesson") == 0)) {
		if (is_file(arg))
			return xstrdup(arg);
		*err = xasprintf("%s: no such lesson file", arg);
		return NULL;
	}
	dir = lesson_dir();
	if (dir == NULL) {
		*err = xasprintf("no lessons folder found (looked at $NNSTEP_LESSONS, "
		    "./lessons, <program folder>/../share/nnstep/lessons and %s/lessons)",
		    NNSTEP_SHAREDIR);
		return NULL;
	}
	for (k = 0; k < 2 && !found; k++) {
		if (k == 1 && strcmp(lang, "en") == 0)
			break;
		folder = xasprintf("%s/%s", dir, langs[k]);
		names = lesson_names(folder, &n);
		for (i = 0; i < n && !found; i++)
			if (name_matches(names[i], arg))
				found = xasprintf("%s/%s.lesson", folder, names[i]);
		free_names(names, n);
		free(folder);
	}
	if (!found)
		*err = xasprintf("no lesson '%s' in %s/%s (see nnstep --list-lessons)", arg, dir,
		    lang);
	free(dir);
	return found;
}
