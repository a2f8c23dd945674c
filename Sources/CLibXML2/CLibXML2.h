// libxml2's HTML parser and tree (Debian: libxml2-dev; include path from pkg-config libxml-2.0).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so its encoding header would pull in the system's ICU
// headers, whose UErrorCode clashes with the copy of ICU inside Swift's Foundation in any module
// that sees both. Nothing here uses ICU: the only declarations it changes are the fields of
// xmlCharEncodingHandler, which the reader never touches (it only passes pointers along).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
