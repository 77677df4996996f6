/* i18n.c: locale, message catalogue and language of the interface. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"

#ifndef NNSTEP_LOCALEDIR
#define NNSTEP_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "nnstep"

static const char *current = "en";

static int
has_catalogue(const char *dir)
{
	char path[4200];
	struct stat st;

	if ((size_t)snprintf(path, sizeof path, "%s/ko/LC_MESSAGES/" DOMAIN ".mo", dir) >=
	    sizeof path)
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder holding <lang>/LC_MESSAGES/nnstep.mo: $NNSTEP_LOCALEDIR, the
 * build's locale/ next to the program (or under build/ for the copy in the
 * source folder), <program folder>/../share/locale, then the installed one. */
static void
bind_catalogue(void)
{
	static const char *const rel[] = { "locale", "build/locale", "../share/locale" };
	const char *env = getenv("NNSTEP_LOCALEDIR");
	char exe[4096], dir[4200], *slash;
	ssize_t n;
	size_t i;

	if (env && *env) {
		bindtextdomain(DOMAIN, env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				snprintf(dir, sizeof dir, "%s/%s", exe, rel[i]);
				if (has_catalogue(dir)) {
					bindtextdomain(DOMAIN, dir);
					return;
				}
			}
		}
	}
	bindtextdomain(DOMAIN, NNSTEP_LOCALEDIR);
}

static const char *
env_value(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

/* The locale name the environment asks for messages, as setlocale reads it. */
static const char *
messages_env(void)
{
	const char *v = env_value("LC_ALL");

	if (v == NULL)
		v = env_value("LC_MESSAGES");
	if (v == NULL)
		v = env_value("LANG");
	return v;
}

static int
is_c_locale(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

/* The language the environment picks: gettext ignores LANGUAGE under the C
 * locale, and otherwise its first entry wins over the locale's name. */
const char *
i18n_env_lang(void)
{
	const char *loc = messages_env(), *language = env_value("LANGUAGE");

	if (is_c_locale(loc))
		return "en";
	if (language)
		return strncmp(language, "ko", 2) == 0 ? "ko" : "en";
	return strncmp(loc, "ko", 2) == 0 ? "ko" : "en";
}

void
i18n_set_lang(const char *lang)
{
	const char *loc;

	current = lang && strcmp(lang, "ko") == 0 ? "ko" : "en";
	/* gettext translates nothing while LC_MESSAGES is "C": C.UTF-8 is
	 * present on every glibc system, ko_KR often is not. (i18n_init does
	 * this already, before any copy of the locale is made.) */
	loc = setlocale(LC_MESSAGES, NULL);
	if (is_c_locale(loc))
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", current, 1);
	textdomain(DOMAIN);	/* forgets the translations looked up so far */
}

void
i18n_init(const char *lang)
{
	bind_catalogue();
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	i18n_set_lang(lang ? lang : i18n_env_lang());
}

const char *
i18n_lang(void)
{
	return current;
}

const char *
i18n_lang_arg(int argc, char **argv)
{
	const char *found = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			found = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			found = argv[i] + 7;
	}
	if (found && strcmp(found, "ko") != 0 && strcmp(found, "en") != 0)
		return NULL;
	return found;
}

int
i18n_is_korean(const char *s)
{
	const unsigned char *p;

	/* Hangul syllables (U+AC00..U+D7A3) and letters (U+3131..U+318E),
	 * three bytes each in UTF-8. */
	for (p = (const unsigned char *)s; p && *p; p++) {
		unsigned cp;

		if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			continue;
		cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 |
		    (unsigned)(p[2] & 0x3F);
		if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3131 && cp <= 0x318E))
			return 1;
	}
	return 0;
}

int
i18n_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

int
i18n_require_utf8(void)
{
	if (i18n_utf8())
		return 0;
	fputs("nnstep: Korean text needs a UTF-8 locale, and this one is not (LANG, LC_ALL).\n"
	    "  Run it with one, for example:  LANG=C.UTF-8 nnstep ...\n"
	    "  (or: nnstep --lang en ... for the English interface and lessons)\n"
	    "nnstep: hangugeo hwamyeon-eun UTF-8 lokeil-i piryohamnida.\n"
	    "  ireoke silhaenghaseyo:  LANG=C.UTF-8 nnstep ...\n"
	    "  (yeongeo-ro boryeomyeon: nnstep --lang en ...)\n", stderr);
	return -1;
}
