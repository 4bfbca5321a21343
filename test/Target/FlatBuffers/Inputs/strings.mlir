// String constants and placeholders (SameDiff's UTF8 arrays).
nd4j_exec.graph @strings {
  %names = nd4j_exec.constant "names" dense<["ab", "", "cde"]> : tensor<3x!nd4j.string>
  %one = nd4j_exec.constant "one" dense<"x"> : tensor<2x!nd4j.string>
  %none = nd4j_exec.constant "none" dense<> : tensor<0x!nd4j.string>
  %in = nd4j_exec.placeholder "in" : tensor<?x!nd4j.string>
  nd4j_exec.return %names, %one, %none, %in : tensor<3x!nd4j.string>, tensor<2x!nd4j.string>, tensor<0x!nd4j.string>, tensor<?x!nd4j.string>
}
