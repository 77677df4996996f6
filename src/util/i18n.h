/*
 * i18n.h: the interface's language, through GNU gettext.
 *
 * Every string a person reads goes through _() where it is used, or N_()
 * where it sits in a static table (and then through _() where it is shown):
 *
 *	printf(_("epoch %d of %d\n"), e, n);
 *	static const char *const names[] = { N_("Network"), N_("Inspector") };
 *	addstr(_(names[i]));
 *
 * Formula symbols (z, a, dL/dz, tanh), option names, keys of files and JSON
 * stay outside _(). `make pot` collects the strings into po/nnstep.pot and
 * merges them into po/ko.po; po/GLOSSARY.ko.md fixes the Korean terms.
 */
#ifndef NNSTEP_I18N_H
#define NNSTEP_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * Sets up the message catalogue, once, in main right after
 * numlocale_init(). lang is "ko", "en", or NULL: then LANGUAGE, LC_ALL,
 * LC_MESSAGES and LANG decide as gettext would.
 */
void i18n_init(const char *lang);

/* Switches the interface to lang ("ko" or "en") later on, e.g. when a
 * Korean lesson is opened without --lang. */
void i18n_set_lang(const char *lang);

/* "ko" or "en": the language the environment asks for (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG, as gettext reads them). */
const char *i18n_env_lang(void);

/* "ko" or "en": the interface's language now. */
const char *i18n_lang(void);

/* The value of --lang in argv (either "--lang X" or "--lang=X"), or NULL:
 * read before the options are parsed so that their messages and --help
 * are already in that language. */
const char *i18n_lang_arg(int argc, char **argv);

/* Does s hold Korean (Hangul) text? */
int i18n_is_korean(const char *s);

/* Is the character type UTF-8 (so that Korean can be shown)? */
int i18n_utf8(void);

/*
 * Before a Korean screen: when the locale is not UTF-8, prints (in English
 * and romanized Korean) that a UTF-8 locale is needed and how to get one,
 * and returns -1; otherwise 0.
 */
int i18n_require_utf8(void);

#endif
