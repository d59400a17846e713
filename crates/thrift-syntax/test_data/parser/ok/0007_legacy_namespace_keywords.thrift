// legacy namespace keywords; the compiler rejects them ("Unsupported declaration"),
// but our parser accepts them permissively and leaves the diagnostic to a lint
cpp_namespace foo
php_namespace bar
java_package org.example.legacy
py_module legacy.py
xsd_namespace "http://example.com/ns"

struct AfterLegacy {
  1: i32 a
}
