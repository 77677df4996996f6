/*
 * golden.h: screens compared with the files in tests/screens.
 */
#ifndef NNSTEP_TEST_GOLDEN_H
#define NNSTEP_TEST_GOLDEN_H

/* Fails the test unless text equals tests/screens/NAME.txt (the folder is
 * NNSTEP_SCREENS when set); with NNSTEP_REGEN=1 writes the file instead. */
void golden_expect(const char *name, const char *text);

#endif
