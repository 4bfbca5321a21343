//===- OnnxProtoIO.cpp - exception-free access to ONNX's C++ library
//--------===//
//
// Built with -fexceptions: every call into ONNX is wrapped in try/catch and
// turned into an error message.
//
//===----------------------------------------------------------------------===//

#include "lib/Frontend/ONNX/OnnxProtoIO.h"

#include "onnx/checker.h"
#include "onnx/defs/parser.h"
#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"
#include "onnx/version_converter/convert.h"
#include <climits>
#include <google/protobuf/io/coded_stream.h>

namespace nd4j {
namespace onnx_io {

namespace {
template <typename Fn> std::string guarded(Fn &&fn) {
  try {
    return fn();
  } catch (const std::exception &e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}
} // namespace

std::string parseBinaryModel(const char *data, size_t size,
                             onnx::ModelProto &model) {
  return guarded([&]() -> std::string {
    if (size > static_cast<size_t>(INT_MAX))
      return "model is larger than protobuf's 2 GiB limit; store the weights "
             "as external data";
    google::protobuf::io::CodedInputStream input(
        reinterpret_cast<const uint8_t *>(data), static_cast<int>(size));
    input.SetTotalBytesLimit(INT_MAX);
    if (!model.ParseFromCodedStream(&input) || !input.ConsumedEntireMessage())
      return "not a valid ONNX ModelProto (truncated or corrupt protobuf)";
    if (!model.has_graph())
      return "the ModelProto has no graph";
    return "";
  });
}

std::string parseTextModel(const std::string &text, onnx::ModelProto &model) {
  return guarded([&]() -> std::string {
    onnx::Status status = onnx::OnnxParser::Parse(model, text.c_str());
    if (!status.IsOK())
      return status.ErrorMessage();
    return "";
  });
}

std::string checkModel(onnx::ModelProto &model, const std::string &modelDir) {
  // Point relative external-data locations at the model's folder while the
  // checker runs; our importer does its own, stricter checks afterwards.
  std::vector<std::pair<onnx::StringStringEntryProto *, std::string>> saved;
  for (onnx::TensorProto &t : *model.mutable_graph()->mutable_initializer()) {
    if (t.data_location() != onnx::TensorProto::EXTERNAL)
      continue;
    for (onnx::StringStringEntryProto &e : *t.mutable_external_data())
      if (e.key() == "location" && !e.value().empty() && e.value()[0] != '/') {
        saved.emplace_back(&e, e.value());
        e.set_value(modelDir + "/" + e.value());
      }
  }
  std::string result = guarded([&]() -> std::string {
    onnx::checker::check_model(model);
    return "";
  });
  for (auto &[entry, value] : saved)
    entry->set_value(value);
  return result;
}

std::string inferShapes(onnx::ModelProto &model) {
  return guarded([&]() -> std::string {
    // Data propagation computes the values of small shape tensors (Shape →
    // Slice → Concat → Reshape/Resize sizes), so shapes derived from them
    // come out static wherever the inputs' are.
    onnx::ShapeInferenceOptions options{/*check_type=*/false,
                                        /*error_mode=*/0,
                                        /*enable_data_propagation=*/true};
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(), options);
    return "";
  });
}

std::string convertVersion(onnx::ModelProto &model, int64_t targetOpset) {
  return guarded([&]() -> std::string {
    model = onnx::version_conversion::ConvertVersion(
        model, static_cast<int>(targetOpset));
    return "";
  });
}

} // namespace onnx_io
} // namespace nd4j
