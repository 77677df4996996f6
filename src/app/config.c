/* config.c: the remembered settings file (config.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/config.h"
#include "io/atomic.h"
#include "app/speed.h"
#include "app/choices.h"
#include "util/xmalloc.h"

/* The keys the file may hold, each an option of the same name. */
static const char *const config_keys[] = { "theme", "speed", "lang", NULL };

char *
config_path(const struct options *o)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (o->config_path)
		return xstrdup(o->config_path);
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/nnstep/config", xdg);
	if (home && home[0])
		return xasprintf("%s/.config/nnstep/config", home);
	return NULL;
}

static char *
config_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Is the option of key still unset on the command line? */
static int
config_unset(const struct options *o, const char *key)
{
	if (strcmp(key, "theme") == 0)
		return o->theme < 0;
	if (strcmp(key, "speed") == 0)
		return o->speed < 0;
	return o->lang == NULL;
}

int
config_load(struct options *o, char **err)
{
	char *path, line[512], *key, *value, *eq, *why;
	FILE *f;
	int n = 0, i;
	/* Values outlive the file: options keep pointers to them. */
	static char keep[3][64];

	*err = NULL;
	if (o->no_config || (path = config_path(o)) == NULL)
		return 0;
	f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT && o->config_path == NULL) {
			free(path);
			return 0;
		}
		*err = xasprintf("%s: cannot read: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		n++;
		key = config_trim(line);
		if (*key == '#' || *key == '\0')
			continue;
		eq = strchr(key, '=');
		if (eq == NULL)
			goto bad;
		*eq = '\0';
		value = config_trim(eq + 1);
		key = config_trim(key);
		for (i = 0; config_keys[i]; i++)
			if (strcmp(key, config_keys[i]) == 0)
				break;
		if (!config_keys[i] || strlen(value) >= sizeof keep[0])
			goto bad;
		if (!config_unset(o, key))
			continue;
		snprintf(keep[i], sizeof keep[i], "%s", value);
		if (options_set(o, key, keep[i], &why) != 0) {
			*err = xasprintf("%s:%d: %s", path, n, why ? why : "bad value");
			free(why);
			goto fail;
		}
	}
	fclose(f);
	free(path);
	return 0;
bad:
	*err = xasprintf("%s:%d: expected KEY = VALUE with KEY one of theme, speed, lang "
	    "(a # line is a comment)", path, n);
fail:
	fclose(f);
	free(path);
	return -1;
}

static int
config_write(FILE *f, void *user)
{
	const struct options *o = user;

	fprintf(f, "# nnstep remembers these between runs; options on the command line win.\n"
	    "# theme: dark, light or contrast; speed: %s; lang: en or ko\n", speed_names());
	fprintf(f, "theme = %s\n", theme_name(o->theme < 0 ? THEME_DARK : (enum theme_id)o->theme));
	fprintf(f, "speed = %s\n", speed_ladder[o->speed < 0 ? SPEED_DEFAULT : o->speed].name);
	if (o->lang)
		fprintf(f, "lang = %s\n", o->lang);
	return ferror(f) ? -1 : 0;
}

/* Makes the folders above path. */
static void
config_mkdirs(const char *path)
{
	char *d = xstrdup(path), *p;

	for (p = d + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(d, 0755);
			*p = '/';
		}
	free(d);
}

int
config_save(const struct options *o, char **err)
{
	char *path;
	int rc;

	*err = NULL;
	if (o->no_config || (path = config_path(o)) == NULL)
		return 0;
	config_mkdirs(path);
	rc = atomic_write(path, config_write, (void *)o, err);
	free(path);
	return rc;
}
