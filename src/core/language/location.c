/*
 * location.c: byte offsets to graphql-core's line and column. Lines end at
 * "\r\n", "\n" or "\r"; columns count code points, as Python's str indexes do.
 * Computed only when an error is reported, so a linear scan is fine.
 */
#include "graftql.h"

static inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

gql_location gql_locate(const char *source, size_t length, size_t offset) {
    gql_location loc = {1, 1};
    if (offset > length) offset = length;
    /* graphql-core counts each line break ("\r\n", "\n" or "\r") that starts
       before the offset and puts the line start after it; an offset between
       "\r" and "\n" thus gets column 0, as graphql-core reports it. */
    size_t line_start = 0;
    for (size_t i = 0; i < offset; i++) {
        char c = source[i];
        if (c != '\n' && c != '\r') continue;
        if (c == '\r' && i + 1 < length && source[i + 1] == '\n') i++;
        loc.line++;
        line_start = i + 1;
    }
    if (line_start > offset) {
        loc.column = 0;
        return loc;
    }
    loc.column = 1 + (uint32_t)gql_codepoint_offset(source + line_start, length - line_start,
                                                    offset - line_start);
    return loc;
}

size_t gql_codepoint_offset(const char *source, size_t length, size_t offset) {
    if (offset > length) offset = length;
    size_t n = 0;
    for (size_t i = 0; i < offset; i++)
        n += !is_continuation((unsigned char)source[i]);
    return n;
}
