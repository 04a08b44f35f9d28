#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/uversion.h>

void cicu_version(uint8_t version[4]) {
  UVersionInfo info;
  u_getVersion(info);
  memcpy(version, info, 4);
}

int cicu_failed(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t cicu_detect_charsets(const char *bytes, int32_t length, cicu_charset_match *matches,
                             int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&error);
  if (U_FAILURE(error)) {
    *status = error;
    return -1;
  }
  ucsdet_setText(detector, bytes, length, &error);
  int32_t found = 0;
  const UCharsetMatch **all = ucsdet_detectAll(detector, &found, &error);
  int32_t written = 0;
  if (U_SUCCESS(error)) {
    for (int32_t i = 0; i < found && written < capacity; i++) {
      const char *name = ucsdet_getName(all[i], &error);
      int32_t confidence = ucsdet_getConfidence(all[i], &error);
      if (U_FAILURE(error) || name == NULL) break;
      strncpy(matches[written].name, name, sizeof(matches[written].name) - 1);
      matches[written].name[sizeof(matches[written].name) - 1] = 0;
      matches[written].confidence = confidence;
      written++;
    }
  }
  ucsdet_close(detector);
  *status = error;
  return U_FAILURE(error) ? -1 : written;
}

int cicu_charset_exists(const char *charset) {
  UErrorCode error = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &error);
  if (converter) ucnv_close(converter);
  return U_SUCCESS(error) ? 1 : 0;
}

int32_t cicu_convert_to_utf16(const char *charset, const char *source, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t *offsets,
                              int substitute, int32_t *errorOffset, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  *errorOffset = -1;
  UConverter *converter = ucnv_open(charset, &error);
  if (U_FAILURE(error)) {
    *status = error;
    return 0;
  }
  if (!substitute) {
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
  }
  UChar *target = (UChar *)dest;
  const char *cursor = source;
  ucnv_toUnicode(converter, &target, target + capacity, &cursor, source + length, offsets, 1,
                 &error);
  if (U_FAILURE(error) && error != U_BUFFER_OVERFLOW_ERROR) {
    // With the STOP callback the converter has consumed the invalid bytes; step back over them.
    char invalid[32];
    int8_t invalidLength = sizeof(invalid);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
    if (U_FAILURE(ignored)) invalidLength = 0;
    *errorOffset = (int32_t)(cursor - source) - invalidLength;
  }
  ucnv_close(converter);
  *status = error;
  return (int32_t)(target - (UChar *)dest);
}

int32_t cicu_convert_from_utf16(const char *charset, const uint16_t *source, int32_t length,
                                char *dest, int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t needed = ucnv_convert(charset, "UTF16_PlatformEndian", dest, capacity, (const char *)source,
                                length * 2, &error);
  *status = error;
  return needed;
}

struct cicu_word_breaker {
  UBreakIterator *iterator;
};

cicu_word_breaker *cicu_word_breaker_open(const char *locale, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
  *status = error;
  if (U_FAILURE(error)) return NULL;
  cicu_word_breaker *breaker = malloc(sizeof(cicu_word_breaker));
  if (!breaker) {
    ubrk_close(iterator);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  breaker->iterator = iterator;
  return breaker;
}

cicu_word_breaker *cicu_word_breaker_clone(const cicu_word_breaker *breaker, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_clone(breaker->iterator, &error);
  *status = error;
  if (U_FAILURE(error)) return NULL;
  cicu_word_breaker *copy = malloc(sizeof(cicu_word_breaker));
  if (!copy) {
    ubrk_close(iterator);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  copy->iterator = iterator;
  return copy;
}

void cicu_word_breaker_close(cicu_word_breaker *breaker) {
  if (!breaker) return;
  ubrk_close(breaker->iterator);
  free(breaker);
}

int32_t cicu_word_breaker_boundaries(cicu_word_breaker *breaker, const uint16_t *text,
                                     int32_t length, int32_t *boundaries, int32_t *statuses,
                                     int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  ubrk_setText(breaker->iterator, (const UChar *)text, length, &error);
  if (U_FAILURE(error)) {
    *status = error;
    return -1;
  }
  int32_t count = 0;
  for (int32_t position = ubrk_first(breaker->iterator); position != UBRK_DONE;
       position = ubrk_next(breaker->iterator)) {
    if (count < capacity) {
      boundaries[count] = position;
      if (statuses) statuses[count] = ubrk_getRuleStatus(breaker->iterator);
    }
    count++;
  }
  // Detach the text so the caller may free it.
  ubrk_setText(breaker->iterator, NULL, 0, &error);
  *status = U_ZERO_ERROR;
  return count <= capacity ? count : -count - 2;
}
