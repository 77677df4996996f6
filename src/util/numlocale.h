/* numlocale.h: the one locale policy of nnstep. */
#ifndef NNSTEP_UTIL_NUMLOCALE_H
#define NNSTEP_UTIL_NUMLOCALE_H

/* Characters (UTF-8, display widths, system messages) follow the user's
 * locale; numbers are read and printed in the C locale everywhere (options,
 * CSV, lessons, checkpoints, traces, reports, screens), so a decimal comma
 * in LC_ALL or LC_NUMERIC never reaches a file or a parser. A locale asked
 * for but not installed falls back to C.UTF-8 when it names UTF-8. Called
 * once, first thing in main(); apart from it only i18n_init() and
 * i18n_set_lang() call setlocale(), for LC_MESSAGES alone. */
void numlocale_init(void);

#endif
