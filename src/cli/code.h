/* code.h: nnstep code --framework pytorch|keras [training options]. */
#ifndef NNSTEP_CODE_H
#define NNSTEP_CODE_H

#include "app/options.h"

/* Prints the Python script of the run the options describe; 0, or 1 when
 * the run cannot be set up (the message is on stderr). */
int code_main(struct options *o);

#endif
