/*
 * front.h: the lesson commands of the program (lessonmain.c).
 *
 *   nnstep lesson NAME|FILE            the lesson in the terminal UI
 *   nnstep --headless lesson NAME|FILE replay it, check every expect
 *   nnstep --list-lessons              the lessons and their titles
 *
 * Both return the exit status: 0 done (every check passed), 1 a lesson
 * that cannot be read, has an error or a failing check, 2 a lesson that
 * was not found.
 */
#ifndef NNSTEP_LESSON_FRONT_H
#define NNSTEP_LESSON_FRONT_H

#include "app/options.h"

int lesson_main(struct options *o);
int lesson_list(struct options *o);

#endif
