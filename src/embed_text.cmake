# Writes OUT, a C++ source defining `const std::string& NS::FN()` with the text of IN.
# Used through anlan_embed_text() (src/CMakeLists.txt): cmake -DIN=… -DOUT=… -DNS=… -DFN=… -P this.
file(READ ${IN} text)
file(WRITE ${OUT} "#include <string>\nnamespace ${NS} {\nconst std::string& ${FN}() {\n"
     "  static const std::string kText = R\"anlan_text(${text})anlan_text\";\n  return kText;\n}\n}\n")
