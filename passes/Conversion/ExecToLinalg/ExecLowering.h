//===- ExecLowering.h - nd4j_exec → linalg lowering table ------*- C++ -*-===//
//
// The CPU/GPU lowering of libnd4j op calls. `convert-exec-to-linalg` turns
// each nd4j_exec.graph into a func.func and each nd4j_exec.node into
// linalg/tensor/arith/math ops by looking its libnd4j op name up in a table
// of lowering functions, one file per op family. A lowering reads the
// node's ordered arguments by slot (`iArg(0)` is libnd4j's INT_ARG(0)), so
// it sees exactly what a libnd4j kernel sees.
//
// Nodes cannot leave their graph (they verify against it), which is why the
// graph is lowered as a whole in one walk instead of by rewrite patterns.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_CONVERSION_EXECTOLINALG_EXECLOWERING_H
#define ND4J_PASSES_CONVERSION_EXECTOLINALG_EXECLOWERING_H

#include "dialects/Exec/IR/ExecOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringMap.h"
#include <functional>

namespace mlir {
namespace nd4j {

/// Lowered code computes on signless integers (arith's convention); the
/// node's types say where an integer is unsigned.
Type getSignlessType(Type type);
bool isUnsignedElement(Type type);

/// What a lowering function gets: the node (for its slots and location),
/// its already-lowered inputs, and a builder positioned where the lowered
/// ops go. It appends one value per node result, of the node's result type.
class ExecLowering {
public:
  ExecLowering(exec::NodeOp node, ValueRange inputs, OpBuilder &builder)
      : node(node), inputs(inputs), b(builder), loc(node.getLoc()) {}

  mutable exec::NodeOp node;
  ValueRange inputs;
  OpBuilder &b;
  Location loc;

  unsigned numInputs() const { return inputs.size(); }
  Value input(unsigned i) const { return inputs[i]; }
  RankedTensorType inputType(unsigned i) const {
    return cast<RankedTensorType>(inputs[i].getType());
  }
  /// The node's result type, signless.
  RankedTensorType resultType(unsigned i = 0) const;
  /// Whether an input or result is of an unsigned integer type.
  bool isUnsignedInput(unsigned i) const {
    return isUnsignedElement(node.getInputs()[i].getType());
  }
  bool isUnsignedResult(unsigned i = 0) const {
    return isUnsignedElement(node.getResult(i).getType());
  }
  unsigned numResults() const { return node.getNumResults(); }

  /// Ordered arguments, as libnd4j's INT_ARG(i)/T_ARG(i)/B_ARG(i)/D_ARG(i).
  ArrayRef<int64_t> iArgs() const;
  ArrayRef<double> tArgs() const;
  ArrayRef<bool> bArgs() const;
  ArrayRef<int64_t> axisArgs() const;
  int64_t iArg(unsigned i, int64_t dflt) const {
    return i < iArgs().size() ? iArgs()[i] : dflt;
  }
  double tArg(unsigned i, double dflt) const {
    return i < tArgs().size() ? tArgs()[i] : dflt;
  }
  bool bArg(unsigned i, bool dflt) const {
    return i < bArgs().size() ? bArgs()[i] : dflt;
  }
  Type dArg(unsigned i) const;

  /// An error at the node naming its op, for what the lowering cannot do.
  InFlightDiagnostic emitError(const Twine &reason) const;

  /// A run-time check (`cf.assert`) that `condition` holds, for what the
  /// lowering assumes of sizes known only at run time; its message names
  /// the node and says `what` failed.
  void checkAtRunTime(Value condition, const Twine &what) const;
  /// The message of a run-time check of this node: "node 'n' (libnd4j op
  /// 'op'): what".
  std::string runTimeMessage(const Twine &what) const;

  /// The values of a constant input (an `arith.constant` after lowering), if
  /// it is one; lowerings use them for shape and axis operands.
  std::optional<SmallVector<int64_t>> constantInts(unsigned i) const;
};

using ExecLowerFn =
    std::function<LogicalResult(ExecLowering &, SmallVectorImpl<Value> &)>;

/// libnd4j op name → lowering.
class ExecLoweringTable {
public:
  void add(StringRef opName, ExecLowerFn fn) { fns[opName] = std::move(fn); }
  const ExecLowerFn *lookup(StringRef opName) const {
    auto it = fns.find(opName);
    return it == fns.end() ? nullptr : &it->second;
  }
  size_t size() const { return fns.size(); }
  std::vector<std::string> names() const;

  /// Which dimensions known only at run time (`?`) an op's lowering
  /// handles: none (the default: a node with a dynamic input or result is
  /// an error), any, or only dimension 0 of its inputs and results (the
  /// batch of convolutions and pooling, whose other sizes enter the
  /// window arithmetic).
  enum class Dynamic { None, Any, LeadingOnly };
  void setDynamicReady(StringRef opName, Dynamic kind = Dynamic::Any) {
    dynamicReady[opName] = kind;
  }
  Dynamic getDynamic(StringRef opName) const {
    auto it = dynamicReady.find(opName);
    return it == dynamicReady.end() ? Dynamic::None : it->second;
  }

private:
  llvm::StringMap<ExecLowerFn> fns;
  llvm::StringMap<Dynamic> dynamicReady;
};

/// The families; each lives in its own file.
void populateExecToLinalgElementwise(ExecLoweringTable &table);
void populateExecToLinalgMatmul(ExecLoweringTable &table);
void populateExecToLinalgShape(ExecLoweringTable &table);
void populateExecToLinalgReduce(ExecLoweringTable &table);
void populateExecToLinalgConv(ExecLoweringTable &table);
void populateExecToLinalgSelect(ExecLoweringTable &table);
void populateExecToLinalgLinalg(ExecLoweringTable &table);
void populateExecToLinalgResize(ExecLoweringTable &table);
void populateExecToLinalgScatter(ExecLoweringTable &table);
void populateExecToLinalgRecurrent(ExecLoweringTable &table);

/// All families.
const ExecLoweringTable &getExecLoweringTable();

//===----------------------------------------------------------------------===//
// Helpers shared by the families (LoweringUtils.cpp).
//===----------------------------------------------------------------------===//

/// `tensor.empty` of `type`. A dynamic dimension's size is left pending (a
/// placeholder marked `kPendingDimAttr`) for resolvePendingDims.
Value createEmpty(OpBuilder &b, Location loc, RankedTensorType type);
/// `tensor.empty` of `type` whose dynamic dimension d has the size of
/// dimension d of `like` (a tensor of the same rank).
Value createEmptySizedLike(OpBuilder &b, Location loc, RankedTensorType type,
                           Value like);
inline constexpr llvm::StringLiteral kPendingDimAttr = "nd4j.pending_dim";

/// A value of rank 1 holding the elements of `v` in row-major order.
Value flatten(OpBuilder &b, Location loc, Value v);
/// Row-major reshape of `v` to `type` (same element count): one
/// collapse_shape or expand_shape when a reassociation exists, else a
/// collapse to rank 1 followed by an expand.
Value reshapeTo(OpBuilder &b, Location loc, Value v, RankedTensorType type);

/// Gives every pending size of a `tensor.empty` under `root` its value: the
/// empty must be the init (maybe through a `linalg.fill`) of a linalg op,
/// and each dynamic result dimension the extent of a loop that an input
/// indexes by that loop alone; the size is that input's `tensor.dim`.
/// Otherwise fails with the reason in `why`.
LogicalResult resolvePendingDims(Operation *root, std::string &why);

/// Run-time checks for what the linalg ops under `root` assume: every
/// operand dimension that a loop indexes alone has the loop's extent. Where
/// one of them is known only at run time, a `cf.assert` before the op
/// compares it with the first (`message` says which node); equal sizes
/// fold away. nd4j-shape-checks-to-status turns the asserts into an error
/// status of the run.
void emitShapeChecks(Operation *root, StringRef message);

/// A scalar of `type` (float, integer or i1) holding `value`.
Value createScalar(OpBuilder &b, Location loc, Type type, double value);

/// A splat tensor constant.
Value createSplat(OpBuilder &b, Location loc, RankedTensorType type,
                  double value);

/// Converts a scalar between (signless) element types as libnd4j's cast
/// does: float→int truncates toward zero, to bool is `!= 0`; the flags say
/// whether the integers are unsigned.
Value convertScalar(OpBuilder &b, Location loc, Value v, Type to,
                    bool fromUnsigned = false, bool toUnsigned = false);

/// The larger / smaller of two scalars: NaN-propagating for floats, signed
/// or unsigned comparison for integers.
Value maxOf(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned);
Value minOf(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned);

/// |v| of a signed integer, as max(v, 0 - v) (INT_MIN stays INT_MIN, as in
/// libnd4j). Plain arith: math.absi has no lowering for n-D vectors.
Value createAbsI(OpBuilder &b, Location loc, Value v);

/// The affine map reading an operand of `operandType` inside the loops of a
/// `resultType`-shaped elementwise op under numpy broadcasting: dimensions
/// align at the right, size-1 dimensions that broadcast read index 0.
AffineMap getBroadcastMap(RankedTensorType operandType,
                          RankedTensorType resultType, MLIRContext *ctx);

/// An elementwise `linalg.generic` over `resultType` reading `operands` with
/// numpy broadcasting; `body` gets the scalar operands and returns the
/// scalar result.
using ScalarBodyFn =
    function_ref<Value(OpBuilder &, Location, ValueRange scalars)>;
Value createElementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                        ValueRange operands, ScalarBodyFn body);

/// Folds a possibly negative axis into [0, rank).
int64_t normalizeAxis(int64_t axis, int64_t rank);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_CONVERSION_EXECTOLINALG_EXECLOWERING_H
