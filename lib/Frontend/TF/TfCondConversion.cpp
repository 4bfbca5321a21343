//===- TfCondConversion.cpp - TF v1 conditionals to selects --------------===//
//
// Every value gets a guard: the stack of Switch branches (Switch node,
// port 0 false / 1 true) it is computed in. A Switch output pushes its
// branch; other nodes take the deepest guard of their inputs, control
// inputs included (TF ties a branch's constants to the branch through a
// control edge from its pivot); a Merge pops the branch its two inputs
// differ in. The rewrite then turns each Switch into an Identity of its
// value and each Merge into a SelectV2 on that Switch's predicate.
//
//===----------------------------------------------------------------------===//

#include "lib/Frontend/TF/TfCondConversion.h"

#include "graph.pb.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <queue>

using namespace mlir::nd4j;
namespace tfpb = ::nd4j::tf;
using llvm::SmallVector;
using llvm::StringRef;

namespace {

struct Input {
  unsigned node, port;
  bool control;
};

/// A branch: the predicate (the first Switch on it, standing for all the
/// Switches of one conditional) and the port (0 false, 1 true).
using Branch = std::pair<unsigned, unsigned>;
using Guard = SmallVector<Branch, 2>;

bool isPrefix(const Guard &a, const Guard &b) {
  return a.size() <= b.size() && std::equal(a.begin(), a.end(), b.begin());
}

std::string inputName(const tfpb::NodeDef &node, unsigned port) {
  return port ? node.name() + ":" + std::to_string(port) : node.name();
}

} // namespace

bool mlir::nd4j::convertTfConditionals(tfpb::GraphDef &graph,
                                       TfCondError &error) {
  unsigned n = graph.node_size();
  bool hasSwitch = false;
  for (const auto &node : graph.node()) {
    StringRef op = node.op();
    if (op == "Enter" || op == "Exit" || op == "NextIteration" ||
        op == "LoopCond" || op == "RefEnter")
      return true; // Loops are the importer's to report.
    hasSwitch |= op == "Switch";
  }
  if (!hasSwitch)
    return true;

  llvm::StringMap<unsigned> index;
  for (unsigned i = 0; i < n; ++i)
    index.try_emplace(graph.node(i).name(), i);
  std::vector<SmallVector<Input, 4>> inputs(n);
  std::vector<SmallVector<unsigned, 4>> users(n);
  for (unsigned i = 0; i < n; ++i)
    for (StringRef in : graph.node(i).input()) {
      bool control = in.consume_front("^");
      unsigned port = 0;
      auto [head, tail] = in.rsplit(':');
      if (!control && head != in && !tail.getAsInteger(10, port))
        in = head;
      auto it = index.find(in);
      if (it == index.end())
        return true; // The importer reports dangling inputs.
      inputs[i].push_back({it->second, port, control});
      users[it->second].push_back(i);
    }

  // Guards in topological order (Kahn); a cycle is the importer's to report.
  std::vector<unsigned> pending(n);
  std::queue<unsigned> ready;
  for (unsigned i = 0; i < n; ++i)
    if (!(pending[i] = inputs[i].size()))
      ready.push(i);
  std::vector<Guard> guard(n);
  // Per Merge: the Switch whose branches it joins, and its true/false input.
  std::vector<int> mergeSwitch(n, -1);
  std::vector<std::pair<unsigned, unsigned>> mergeInputs(n);
  auto fail = [&](unsigned i, std::string reason) {
    error = {graph.node(i).name(), graph.node(i).op(), std::move(reason)};
    return false;
  };
  // Switches on one predicate belong to one conditional.
  std::vector<unsigned> conditional(n);
  std::map<std::pair<unsigned, unsigned>, unsigned> byPredicate;
  for (unsigned i = 0; i < n; ++i) {
    conditional[i] = i;
    if (graph.node(i).op() != "Switch")
      continue;
    SmallVector<Input, 2> data;
    for (const Input &e : inputs[i])
      if (!e.control)
        data.push_back(e);
    if (data.size() != 2)
      return fail(i, "a Switch needs a value and a predicate");
    // tf.cond switches its pivots on the predicate and its values on an
    // Identity of it: look through Identity.
    Input pred = data[1];
    // Bounded: a cycle of Identity nodes is the importer's to report.
    for (unsigned steps = 0;
         steps < n && graph.node(pred.node).op() == "Identity"; ++steps) {
      const Input *src = nullptr;
      for (const Input &e : inputs[pred.node])
        if (!e.control)
          src = &e;
      if (!src)
        break;
      pred = *src;
    }
    conditional[i] =
        byPredicate.try_emplace({pred.node, pred.port}, i).first->second;
  }
  auto edgeGuard = [&](const Input &e) {
    Guard g = guard[e.node];
    if (graph.node(e.node).op() == "Switch" && !e.control)
      g.push_back({conditional[e.node], e.port});
    return g;
  };
  unsigned done = 0;
  while (!ready.empty()) {
    unsigned v = ready.front();
    ready.pop();
    ++done;
    for (unsigned u : users[v])
      if (--pending[u] == 0)
        ready.push(u);
    const tfpb::NodeDef &node = graph.node(v);
    if (node.op() == "Merge") {
      SmallVector<Input, 2> data;
      for (const Input &e : inputs[v])
        if (!e.control)
          data.push_back(e);
      if (data.size() != 2)
        return fail(v, "a Merge of " + std::to_string(data.size()) +
                           " values; conditionals merge 2");
      Guard a = edgeGuard(data[0]), b = edgeGuard(data[1]);
      bool swapped = a.size() < b.size();
      if (swapped)
        std::swap(a, b);
      if (a.empty())
        return fail(v, "its inputs come from no Switch");
      Branch deep = a.back();
      Guard outer(a.begin(), a.end() - 1);
      bool sibling = b.size() == a.size() && b.back().first == deep.first &&
                     b.back().second != deep.second && isPrefix(outer, b) &&
                     b.size() == outer.size() + 1;
      if (!sibling && !isPrefix(b, outer))
        return fail(v, "its inputs do not come from the two branches of one "
                       "Switch");
      guard[v] = outer;
      mergeSwitch[v] = deep.first;
      unsigned deepInput = swapped ? 1 : 0;
      unsigned t = deep.second == 1 ? deepInput : 1 - deepInput;
      mergeInputs[v] = {t, 1 - t};
      continue;
    }
    for (const Input &e : inputs[v]) {
      Guard g = edgeGuard(e);
      if (isPrefix(guard[v], g))
        guard[v] = std::move(g);
      else if (!isPrefix(g, guard[v]))
        return fail(v, "its inputs come from different branches of "
                       "conditionals");
    }
  }
  if (done != n)
    return true; // A cycle: the importer reports it.

  // Merge's second output (the index of the taken branch) has no select.
  for (unsigned i = 0; i < n; ++i)
    for (const Input &e : inputs[i])
      if (mergeSwitch[e.node] >= 0 && e.port != 0 && !e.control)
        return fail(e.node, "the branch index output of a Merge is used by '" +
                                graph.node(i).name() + "'");

  // Rewrite: Switch:1 readers read the forwarded value at port 0.
  for (unsigned i = 0; i < n; ++i) {
    tfpb::NodeDef *node = graph.mutable_node(i);
    for (unsigned k = 0; k < inputs[i].size(); ++k) {
      const Input &e = inputs[i][k];
      if (!e.control && e.port == 1 && graph.node(e.node).op() == "Switch")
        node->set_input(k, graph.node(e.node).name());
    }
  }
  for (unsigned i = 0; i < n; ++i) {
    tfpb::NodeDef *node = graph.mutable_node(i);
    if (mergeSwitch[i] >= 0) {
      const tfpb::NodeDef &sw = graph.node(mergeSwitch[i]);
      // The predicate is the Switch's second input.
      std::string pred = sw.input_size() > 1 ? sw.input(1) : std::string();
      SmallVector<Input, 2> data;
      for (const Input &e : inputs[i])
        if (!e.control)
          data.push_back(e);
      auto [t, f] = mergeInputs[i];
      std::string tName = inputName(graph.node(data[t].node), data[t].port);
      std::string fName = inputName(graph.node(data[f].node), data[f].port);
      // Switch outputs were renamed to port 0 above.
      if (graph.node(data[t].node).op() == "Switch")
        tName = graph.node(data[t].node).name();
      if (graph.node(data[f].node).op() == "Switch")
        fName = graph.node(data[f].node).name();
      node->clear_input();
      node->add_input(pred);
      node->add_input(tName);
      node->add_input(fName);
      node->set_op("SelectV2");
      node->mutable_attr()->erase("_output_shapes");
      node->mutable_attr()->erase("N");
    }
  }
  for (unsigned i = 0; i < n; ++i) {
    tfpb::NodeDef *node = graph.mutable_node(i);
    if (node->op() != "Switch")
      continue;
    // Identity of the value; the predicate no longer matters.
    std::string value = node->input_size() ? node->input(0) : std::string();
    node->clear_input();
    node->add_input(value);
    node->set_op("Identity");
    node->mutable_attr()->erase("_output_shapes");
  }
  return true;
}
