// SYNTAX TEST "source.thrift" "headers, comments, strings and numbers"
include "shared.thrift"
// <------- keyword.control.import.thrift
//      ^ string.quoted.double.thrift punctuation.definition.string.begin.thrift
//       ^^^^^^^^^^^^^ string.quoted.double.thrift
cpp_include '<map>';
// <----------- keyword.control.import.thrift
//          ^^^^^^^ string.quoted.single.thrift
//                 ^ punctuation.terminator.thrift
include "common/search_types.thrift" as other_types
//                                   ^^ keyword.control.as.thrift
//                                      ^^^^^^^^^^^ entity.name.namespace.alias.thrift
hs_include "Foo.hs"
// <---------- keyword.control.import.thrift
namespace java com.example.gen
// <--------- keyword.other.namespace.thrift
//        ^^^^ support.type.namespace-scope.thrift
//             ^^^^^^^^^^^^^^^ entity.name.namespace.thrift
namespace * tutorial
//        ^ support.type.namespace-scope.thrift
//          ^^^^^^^^ entity.name.namespace.thrift
namespace py.twisted tutorial (py.annotation = "x")
//        ^^^^^^^^^^ support.type.namespace-scope.thrift
//                            ^ meta.annotation.thrift punctuation.section.annotation.begin.thrift
//                             ^^^^^^^^^^^^^ entity.other.attribute-name.thrift
namespace go "meta.search"
//           ^^^^^^^^^^^^^ string.quoted.double.thrift
cpp_namespace legacy
// <------------- keyword.other.namespace.deprecated.thrift
//            ^^^^^^ entity.name.namespace.thrift
package "meta.com/search";
// <------- keyword.other.package.thrift
//      ^^^^^^^^^^^^^^^^^ string.quoted.double.thrift
package;
// <------- keyword.other.package.thrift

# a shell comment
// <- comment.line.number-sign.thrift punctuation.definition.comment.thrift
// ^^^^^^^^^^^^^^ comment.line.number-sign.thrift
// a line comment
// <-- comment.line.double-slash.thrift punctuation.definition.comment.thrift
/// a doc comment
// <--- comment.line.documentation.thrift punctuation.definition.comment.thrift
//  ^^^^^^^^^^^^^ comment.line.documentation.thrift
///< a trailing doc comment
// <---- comment.line.documentation.thrift punctuation.definition.comment.thrift
//// not a doc comment
// <---- comment.line.double-slash.thrift
/* block */ /**/ /** doc */ /**< trailing doc */
// <-- comment.block.thrift punctuation.definition.comment.thrift
// ^^^^^^^ comment.block.thrift
//          ^^^^ comment.block.thrift
//               ^^^^^^^^^^ comment.block.documentation.thrift
//                          ^^^^ comment.block.documentation.thrift punctuation.definition.comment.thrift
/**
// <--- comment.block.documentation.thrift
 * A multi-line doc comment with a struct Foo { inside.
// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.documentation.thrift
 */
// <--- comment.block.documentation.thrift

const string S1 = "tab\t quote\" backslash\\ hex\x41 unicode\u00e9 bad\q"
//                 ^^^ string.quoted.double.thrift
//                    ^^ constant.character.escape.thrift
//                            ^^ constant.character.escape.thrift
//                                        ^^ constant.character.escape.thrift
//                                              ^^^^ constant.character.escape.thrift
//                                                          ^^^^^^ constant.character.escape.thrift
//                                                                    ^^ invalid.illegal.unknown-escape.thrift
const string S2 = 'it\'s' // comment after
//                ^ string.quoted.single.thrift punctuation.definition.string.begin.thrift
//                   ^^ string.quoted.single.thrift constant.character.escape.thrift
//                        ^^^^^^^^^^^^^^^^ comment.line.double-slash.thrift
const string S3 = "continues \
//                           ^ constant.character.escape.line-continuation.thrift
on the next line"
// <---------------- string.quoted.double.thrift
const string S4 = "unterminated
const i32 AFTER = 1
// <----- storage.type.const.thrift

const i32 DEC = 42
//              ^^ constant.numeric.integer.decimal.thrift
const i32 NEG = -42, const i32 POS = +7
//              ^^^ constant.numeric.integer.decimal.thrift
//                                   ^^ constant.numeric.integer.decimal.thrift
const i32 HEX = 0x1F, const i32 HEX2 = -0X1f
//              ^^^^ constant.numeric.integer.hexadecimal.thrift
//                                     ^^^^^ constant.numeric.integer.hexadecimal.thrift
const i32 OCT = 0777
//              ^^^^ constant.numeric.integer.octal.thrift
const i32 BIN = 0b101
//              ^^^^^ constant.numeric.integer.binary.thrift
const double D1 = 3.14, const double D2 = 1e10, const double D3 = -.5, const double D4 = +1.5e+3
//                ^^^^ constant.numeric.float.thrift
//                                        ^^^^ constant.numeric.float.thrift
//                                                                ^^^ constant.numeric.float.thrift
//                                                                                       ^^^^^^ constant.numeric.float.thrift
const bool B = true, const bool C = false
//             ^^^^ constant.language.boolean.thrift
//                                  ^^^^^ constant.language.boolean.thrift
