/* numlocale.h: the one locale policy of nnstep. */
#ifndef NNSTEP_UTIL_NUMLOCALE_H
#define NNSTEP_UTIL_NUMLOCALE_H

/* Characters (UTF-8, display widths, system messages) follow the user's
 * locale; numbers are read and printed in the C locale everywhere (options,
 * CSV, lessons, checkpoints, traces, reports, screens), so a decimal comma
 * in LC_ALL or LC_NUMERIC never reaches a file or a parser. Called once,
 * first thing in main(); nothing else in nnstep calls setlocale(). */
void numlocale_init(void);

#endif
