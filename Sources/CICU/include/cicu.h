// A deliberately small C face over the system ICU. Only plain C types and opaque handles
// cross this header: ICU's own headers are included by cicu.c alone, so no Swift module ever
// sees them next to Foundation's bundled ICU.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's version as four numbers (major, minor, patch, build).
void cicu_version(uint8_t version[4]);

/// Whether an ICU error code means failure (ICU's U_FAILURE).
int cicu_failed(int32_t status);

/// ICU's name for an error code (u_errorName); static storage.
const char *cicu_error_name(int32_t status);

// MARK: Charset detection

typedef struct cicu_charset_match {
  char name[32];
  int32_t confidence;
} cicu_charset_match;

/// Runs ICU's charset detector over `bytes`; writes up to `capacity` matches, best first.
/// Returns the number of matches written; on failure returns -1 and sets `*status`.
int32_t cicu_detect_charsets(const char *bytes, int32_t length, cicu_charset_match *matches,
                             int32_t capacity, int32_t *status);

// MARK: Conversion

/// Converts `length` bytes in `charset` to UTF-16. Returns the number of UTF-16 units
/// written. With `substitute` zero, stops at the first byte sequence that is not valid in that
/// charset, setting `*status` to ICU's error and `*errorOffset` to the offset of its first
/// byte; with `substitute` nonzero, invalid sequences become U+FFFD. `offsets` (may be NULL,
/// else `capacity` entries) receives each output unit's source byte offset. When `dest` is
/// too small, `*status` is U_BUFFER_OVERFLOW_ERROR.
int32_t cicu_convert_to_utf16(const char *charset, const char *source, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t *offsets,
                              int substitute, int32_t *errorOffset, int32_t *status);

/// Converts UTF-16 to bytes in `charset`; returns the number of bytes needed (more than
/// `capacity` with `*status` U_BUFFER_OVERFLOW_ERROR when `dest` is too small).
int32_t cicu_convert_from_utf16(const char *charset, const uint16_t *source, int32_t length,
                                char *dest, int32_t capacity, int32_t *status);

/// Whether ICU knows a converter by this name.
int cicu_charset_exists(const char *charset);

// MARK: Word break

typedef struct cicu_word_breaker cicu_word_breaker;

/// Opens a dictionary-based word break iterator for `locale` (e.g. "zh").
cicu_word_breaker *cicu_word_breaker_open(const char *locale, int32_t *status);

/// A cheap independent copy, for use on another thread.
cicu_word_breaker *cicu_word_breaker_clone(const cicu_word_breaker *breaker, int32_t *status);

void cicu_word_breaker_close(cicu_word_breaker *breaker);

/// Sets the text (UTF-16, which must stay alive while the breaker uses it) and writes word
/// boundaries (UTF-16 offsets, starting with 0 and ending with `length`) to `boundaries`, and
/// each segment's rule status (ICU's UWordBreak tag of the segment ending there) to
/// `statuses` (may be NULL). Returns the number of boundaries, or -1 on failure. When
/// `capacity` is too small, returns -(needed) - 2.
int32_t cicu_word_breaker_boundaries(cicu_word_breaker *breaker, const uint16_t *text,
                                     int32_t length, int32_t *boundaries, int32_t *statuses,
                                     int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
