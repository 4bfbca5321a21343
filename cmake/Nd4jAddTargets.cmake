#===- Nd4jAddTargets.cmake - helpers for nd4j-mlir targets -----------------===#
#
# add_nd4j_library(<name> <sources>... [DEPENDS <tablegen targets>...]
#                  [LINK_LIBS <our libraries>...])
#   A static library of ours. It links the shared libMLIR.so (and through it
#   libLLVM.so) instead of the individual static MLIR libraries, which is what
#   keeps link times short; `LINK_LIBS` of add_mlir_*_library would ignore that.
#
#===------------------------------------------------------------------------===#
function(add_nd4j_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS} MLIR LLVM)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# add_nd4j_tool(<name> <sources>... LINK_LIBS <libs>...)
function(add_nd4j_tool name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS} MLIR LLVM)
endfunction()

# Generated documentation: every generated page is built into the build tree
# (target nd4j-doc-gen, part of `all`); `nd4j-doc` copies them into docs/,
# and the test `docs/generated-up-to-date` fails when docs/ is stale.
add_custom_target(nd4j-doc-gen ALL)

# nd4j_install_generated_doc(<generated file> <name in docs/Dialects> <target>)
function(nd4j_install_generated_doc generated name gen_target)
  set_property(GLOBAL APPEND PROPERTY ND4J_GENERATED_DOCS "${generated}=${name}")
  add_dependencies(nd4j-doc-gen ${gen_target})
endfunction()

# add_nd4j_dialect_doc(<td basename> <doc name> <dialect>)
function(add_nd4j_dialect_doc td_base doc_name dialect)
  set(LLVM_TARGET_DEFINITIONS ${td_base}.td)
  mlir_tablegen(${doc_name}.md -gen-dialect-doc -dialect=${dialect})
  add_public_tablegen_target(${doc_name}DocGen)
  nd4j_install_generated_doc(${CMAKE_CURRENT_BINARY_DIR}/${doc_name}.md
                             ${doc_name}.md ${doc_name}DocGen)
endfunction()
