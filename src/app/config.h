/*
 * config.h: the settings nnstep remembers between runs (theme, speed,
 * language) in a small key = value file:
 *
 *     # comment
 *     theme = light
 *     speed = 16
 *     lang = ko
 *
 * at $XDG_CONFIG_HOME/nnstep/config (default ~/.config/nnstep/config), or
 * the file given with --config. Options on the command line win over it;
 * the terminal UI writes it when the theme or the speed is changed there.
 */
#ifndef NNSTEP_CONFIG_H
#define NNSTEP_CONFIG_H

#include "app/options.h"

/* Where the config file is (malloc'd), or NULL when there is no home. */
char *config_path(const struct options *o);

/*
 * Fills the settings o leaves unset from the config file. A missing file
 * is not an error. Returns 0, or -1 with *err (malloc'd: file, line and
 * what was expected) for a line that is not a known key = valid value.
 */
int config_load(struct options *o, char **err);

/* Writes o's theme, speed and language to the config file (making its
 * folder), atomically. Returns 0, or -1 with *err. */
int config_save(const struct options *o, char **err);

#endif
