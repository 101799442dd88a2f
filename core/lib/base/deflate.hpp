// Raw DEFLATE (RFC 1951) with a preset dictionary, for share links: the encoder may refer back into
// `dictionary` as if it had been sent first. Any standard inflater decodes the output once it is
// preceded by stored_prefix(dictionary) (the dictionary as uncompressed blocks): the page does that
// with the browser's DecompressionStream and drops the dictionary from the front of what comes out.
//
// The encoder is small rather than best: LZ77 over hash chains with one step of lazy matching, fixed
// Huffman codes. inflate() reads any raw DEFLATE stream (stored, fixed and dynamic Huffman blocks, as
// browsers' CompressionStream and zlib write them) and answers an Error with the byte offset for
// malformed data or for output past `max_output`.
#pragma once

#include "base/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace relplan::deflate {

// The compressed form of `data`, as one final fixed-Huffman block starting on a byte boundary.
std::string compress(std::string_view data, std::string_view dictionary = {});
// `dictionary` as non-final stored blocks: put before compress()'s output for a standard inflater.
std::string stored_prefix(std::string_view dictionary);
// Decodes raw DEFLATE (compress()'s output given the same dictionary), stopping with an Error past max_output.
Result<std::string> inflate(std::string_view compressed, std::string_view dictionary, std::size_t max_output);

}  // namespace relplan::deflate
