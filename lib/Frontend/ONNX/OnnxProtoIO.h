//===- OnnxProtoIO.h - exception-free access to ONNX's C++ library -*- C++
//-*-===//
//
// ONNX's checker, shape inference, text parser and version converter report
// errors by throwing. These wrappers are compiled with exceptions, catch
// everything, and report failure as a message, so the rest of nd4j-mlir
// (built without exceptions) can call them.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_FRONTEND_ONNX_ONNXPROTOIO_H
#define ND4J_LIB_FRONTEND_ONNX_ONNXPROTOIO_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace onnx {
class ModelProto;
} // namespace onnx

namespace nd4j {
namespace onnx_io {

/// Parses a binary ModelProto. Returns an empty string on success, else why
/// the bytes are not a model.
std::string parseBinaryModel(const char *data, size_t size,
                             onnx::ModelProto &model);
/// Parses ONNX's textual model syntax (onnx::OnnxParser).
std::string parseTextModel(const std::string &text, onnx::ModelProto &model);
/// onnx::checker::check_model. External data locations are resolved against
/// `modelDir` (the checker alone would resolve them against the working
/// directory).
std::string checkModel(onnx::ModelProto &model, const std::string &modelDir);
/// onnx::shape_inference::InferShapes: fills graph.value_info.
std::string inferShapes(onnx::ModelProto &model);
/// onnx::version_conversion::ConvertVersion to `targetOpset` (default domain).
std::string convertVersion(onnx::ModelProto &model, int64_t targetOpset);

} // namespace onnx_io
} // namespace nd4j

#endif // ND4J_LIB_FRONTEND_ONNX_ONNXPROTOIO_H
