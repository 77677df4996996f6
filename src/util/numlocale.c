/* numlocale.c: the user's locale for characters, C for numbers. */
#include <locale.h>

#include "util/numlocale.h"

void
numlocale_init(void)
{
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
}
