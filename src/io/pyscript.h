/*
 * pyscript.h: a complete, runnable Python script for the same run in
 * PyTorch or Keras (`nnstep code --framework pytorch|keras`, and the Code
 * panel): the same CSV, target encoding, split (nnstep's splitmix64 split
 * written out in Python), scaling fit on the training rows, network,
 * initializers, loss with its class weights, optimizer and its constants,
 * L2 on the weights only, batch size and epochs; at the end it prints
 * "test accuracy X" (classification) or "test loss X".
 */
#ifndef NNSTEP_PYSCRIPT_H
#define NNSTEP_PYSCRIPT_H

#include <stdio.h>

#include "engine/session.h"

enum pyscript_framework { PYSCRIPT_PYTORCH = 0, PYSCRIPT_KERAS };

/* Writes the script of the session's run. s->data->origin says where the
 * rows come from (a CSV path, or an `nnstep gen` command; NULL: XOR). */
void pyscript_write(FILE *f, const struct session *s, enum pyscript_framework fw);

/* The same in a malloc'd string. */
char *pyscript_text(const struct session *s, enum pyscript_framework fw);

#endif
