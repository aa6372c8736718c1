# Writes OUT, a C++ source defining anlan::app::openApiDocument() with the text of IN.
file(READ ${IN} text)
file(WRITE ${OUT} "#include <string>\nnamespace anlan::app {\nconst std::string& openApiDocument() {\n"
     "  static const std::string kText = R\"anlan_doc(${text})anlan_doc\";\n  return kText;\n}\n}\n")
