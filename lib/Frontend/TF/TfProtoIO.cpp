//===- TfProtoIO.cpp - reading TensorFlow GraphDefs -----------------------===//
//
// Implements TfProtoIO.h with protobuf's parsers; the 2 GiB protobuf limit is
// lifted to its maximum so that large frozen graphs parse.
//
//===----------------------------------------------------------------------===//

#include "lib/Frontend/TF/TfProtoIO.h"

#include "graph.pb.h"
#include <climits>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/text_format.h>

namespace nd4j {
namespace tf {
namespace tf_io {

namespace {
class FirstError : public google::protobuf::io::ErrorCollector {
public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string &message) override {
    if (error.empty())
      error = "line " + std::to_string(line + 1) + ", column " +
              std::to_string(column + 1) + ": " + message;
  }
  std::string error;
};
} // namespace

std::string parseBinaryGraph(const char *data, size_t size, GraphDef &graph) {
  if (size > static_cast<size_t>(INT_MAX))
    return "the GraphDef is larger than protobuf's 2 GiB limit";
  google::protobuf::io::CodedInputStream input(
      reinterpret_cast<const uint8_t *>(data), static_cast<int>(size));
  input.SetTotalBytesLimit(INT_MAX);
  if (!graph.ParseFromCodedStream(&input) || !input.ConsumedEntireMessage())
    return "not a valid binary GraphDef (truncated or corrupt protobuf)";
  return "";
}

std::string parseTextGraph(const char *data, size_t size, GraphDef &graph) {
  google::protobuf::TextFormat::Parser parser;
  FirstError errors;
  parser.RecordErrorsTo(&errors);
  google::protobuf::io::ArrayInputStream input(data, static_cast<int>(size));
  if (!parser.Parse(&input, &graph))
    return errors.error.empty() ? "not a valid text GraphDef" : errors.error;
  return "";
}

} // namespace tf_io
} // namespace tf
} // namespace nd4j
