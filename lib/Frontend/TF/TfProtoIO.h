//===- TfProtoIO.h - reading TensorFlow GraphDefs ------------------*- C++
//-*-===//
//
// Parses a GraphDef from its binary or text form into our wire-compatible
// protos (graph.proto), reporting failure as a message rather than through
// protobuf's log, so that the importer can attach it to the file.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_FRONTEND_TF_TFPROTOIO_H
#define ND4J_LIB_FRONTEND_TF_TFPROTOIO_H

#include <cstddef>
#include <string>

namespace nd4j {
namespace tf {
class GraphDef;

namespace tf_io {
/// Parses a binary GraphDef. Returns an empty string on success, else why the
/// bytes are not one.
std::string parseBinaryGraph(const char *data, size_t size, GraphDef &graph);
/// Parses a text-format GraphDef; errors carry line and column.
std::string parseTextGraph(const char *data, size_t size, GraphDef &graph);
} // namespace tf_io
} // namespace tf
} // namespace nd4j

#endif // ND4J_LIB_FRONTEND_TF_TFPROTOIO_H
