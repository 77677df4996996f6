/*
 * choices.h: named choices among the settings that the front ends draw
 * with: the colour theme (--theme, the config file) and the format of a
 * printed screen (--screen-format). The names live here, beside the
 * settings that hold them; what a theme looks like is ui/theme.c's.
 */
#ifndef NNSTEP_APP_CHOICES_H
#define NNSTEP_APP_CHOICES_H

/* What the room needs. */
enum theme_id { THEME_DARK = 0, THEME_LIGHT, THEME_CONTRAST, THEME_COUNT };

/* "dark", "light", "contrast"; theme_find gives -1 for another name. */
const char *theme_name(enum theme_id id);
int theme_find(const char *name);

enum screen_format { SCREEN_TEXT = 0, SCREEN_ANSI, SCREEN_HTML, SCREEN_FORMATS };

/* "text", "ansi", "html" -> enum screen_format, or -1. */
int screen_format_find(const char *name);

#endif
