// SYNTAX TEST "source.thrift" "definitions, fields, types, values and annotations"
typedef i32 MyInteger
// <------- storage.type.typedef.thrift
//      ^^^ storage.type.primitive.thrift
//          ^^^^^^^^^ entity.name.type.typedef.thrift
typedef list<map<string, set<i64>>> Nested (cpp.template = "std::list")
//      ^^^^ storage.type.container.thrift
//          ^ punctuation.definition.typeparameters.begin.thrift
//           ^^^ meta.type-parameters.thrift storage.type.container.thrift
//               ^^^^^^ storage.type.primitive.thrift
//                       ^^^ storage.type.container.thrift
//                           ^^^ storage.type.primitive.thrift
//                              ^^^ punctuation.definition.typeparameters.end.thrift
//                                  ^^^^^^ entity.name.type.typedef.thrift
//                                         ^ meta.annotation.thrift punctuation.section.annotation.begin.thrift
//                                          ^^^^^^^^^^^^ entity.other.attribute-name.thrift
//                                                       ^ keyword.operator.assignment.thrift
//                                                         ^^^^^^^^^^^ string.quoted.double.thrift
typedef string (unicode.encoding = "UTF-16") WideString
//      ^^^^^^ storage.type.primitive.thrift
//              ^^^^^^^^^^^^^^^^ entity.other.attribute-name.thrift
//                                           ^^^^^^^^^^ entity.name.type.typedef.thrift
typedef shared.Status (a = "b") AliasedStatus
//      ^^^^^^ entity.name.scope-resolution.thrift
//            ^ punctuation.accessor.thrift
//             ^^^^^^ entity.name.type.thrift
//                              ^^^^^^^^^^^^^ entity.name.type.typedef.thrift
typedef list cpp_type "std::vector<int>" <i32> Vec
//           ^^^^^^^^ keyword.other.cpp-type.thrift
//                                             ^^^ entity.name.type.typedef.thrift
typedef bool B1; typedef byte B2; typedef i8 B3; typedef i16 B4; typedef double B5; typedef binary B6; typedef uuid B7; typedef float B8
//      ^^^^ storage.type.primitive.thrift
//                       ^^^^ storage.type.primitive.thrift
//                                        ^^ storage.type.primitive.thrift
//                                                       ^^^ storage.type.primitive.thrift
//                                                                       ^^^^^^ storage.type.primitive.thrift
//                                                                                          ^^^^^^ storage.type.primitive.thrift
//                                                                                                             ^^^^ storage.type.primitive.thrift
//                                                                                                                              ^^^^^ storage.type.primitive.thrift

const map<string, i32> M = {"hello": 1, 'world': 2}
// <----- storage.type.const.thrift
//                     ^ variable.other.constant.definition.thrift
//                         ^ meta.map.thrift punctuation.definition.map.begin.thrift
//                                 ^ punctuation.separator.key-value.thrift
const list<shared.Status> L = [shared.Status.OK, Status.BAD; 3 4]
//                        ^ variable.other.constant.definition.thrift
//                            ^ meta.list.thrift punctuation.definition.list.begin.thrift
//                             ^^^^^^ entity.name.scope-resolution.thrift
//                                    ^^^^^^ entity.name.scope-resolution.thrift
//                                           ^^ variable.other.constant.thrift
//                                                      ^^^ variable.other.constant.thrift
//                                                         ^ punctuation.terminator.thrift
const map<Event, i32> LATE =
//                    ^^^^ variable.other.constant.definition.thrift
{
// <- meta.map.thrift punctuation.definition.map.begin.thrift
  Event.UP: 1,
//^^^^^ entity.name.scope-resolution.thrift
//      ^^ variable.other.constant.thrift
}
// <- punctuation.definition.map.end.thrift
const i32 (cpp.type = "int32_t") ANNOTATED = 1
//         ^^^^^^^^ entity.other.attribute-name.thrift
//                               ^^^^^^^^^ variable.other.constant.definition.thrift

enum Operation {
// <---- storage.type.enum.thrift
//   ^^^^^^^^^ entity.name.type.enum.thrift
//             ^ punctuation.section.block.begin.thrift
  ADD = 1,
//^^^ variable.other.enummember.thrift
//    ^ keyword.operator.assignment.thrift
//      ^ constant.numeric.integer.decimal.thrift
//       ^ punctuation.separator.comma.thrift
  SUBTRACT = 0x02;
//^^^^^^^^ variable.other.enummember.thrift
//           ^^^^ constant.numeric.integer.hexadecimal.thrift
  MULTIPLY (x = "y")
//^^^^^^^^ variable.other.enummember.thrift
//          ^ meta.annotation.thrift entity.other.attribute-name.thrift
  DIVIDE = -4
//         ^^ constant.numeric.integer.decimal.thrift
} (enum.annotation = "yes")
// <- punctuation.section.block.end.thrift
// ^^^^^^^^^^^^^^^ meta.annotation.thrift entity.other.attribute-name.thrift

senum Legacy { "a", "b" }
// <----- storage.type.senum.deprecated.thrift
//    ^^^^^^ entity.name.type.enum.thrift
//             ^^^ string.quoted.double.thrift

struct Work xsd_all {
// <------ storage.type.struct.thrift
//     ^^^^ entity.name.type.struct.thrift
//          ^^^^^^^ storage.modifier.deprecated.thrift
  1: i32 num1 = 0,
//^ constant.numeric.integer.field-id.thrift
// ^ punctuation.separator.field-id.thrift
//       ^^^^ variable.other.field.thrift
//            ^ keyword.operator.assignment.thrift
//              ^ constant.numeric.integer.decimal.thrift
  2: required i32 num2,
//   ^^^^^^^^ storage.modifier.requiredness.thrift
//                ^^^^ variable.other.field.thrift
  3: optional Operation op = Operation.ADD
//   ^^^^^^^^ storage.modifier.requiredness.thrift
//            ^^^^^^^^^ entity.name.type.thrift
//                      ^^ variable.other.field.thrift
//                           ^^^^^^^^^ entity.name.scope-resolution.thrift
//                                     ^^^ variable.other.constant.thrift
  4: optional string comment (deprecated, json.name = "c");
//                   ^^^^^^^ variable.other.field.thrift
//                            ^^^^^^^^^^ entity.other.attribute-name.thrift
//                                        ^^^^^^^^^ entity.other.attribute-name.thrift
//                                                        ^ punctuation.terminator.thrift
  i32 implicit_id
//^^^ storage.type.primitive.thrift
//    ^^^^^^^^^^^ variable.other.field.thrift
  -1: shared.SharedStruct & next
//^^ constant.numeric.integer.field-id.thrift
//           ^^^^^^^^^^^^ entity.name.type.thrift
//                        ^ storage.modifier.reference.thrift
//                          ^^^^ variable.other.field.thrift
  0x10: list<byte> bytes xsd_optional xsd_nillable xsd_attrs { 6: i32 attr }
//^^^^ constant.numeric.integer.field-id.thrift
//                 ^^^^^ variable.other.field.thrift
//                       ^^^^^^^^^^^^ storage.modifier.deprecated.thrift
//                                    ^^^^^^^^^^^^ storage.modifier.deprecated.thrift
//                                                 ^^^^^^^^^ storage.modifier.deprecated.thrift
//                                                                    ^^^^ variable.other.field.thrift
  7: i32 string
//       ^^^^^^ variable.other.field.thrift
  8: i32 service, 9: i32 list
//       ^^^^^^^ variable.other.field.thrift
//                       ^^^^ variable.other.field.thrift
  10: slist old
//    ^^^^^ storage.type.primitive.deprecated.thrift
  11: list<i32> nums =
//              ^^^^ variable.other.field.thrift
    [1, 2]
//  ^ meta.list.thrift punctuation.definition.list.begin.thrift
//      ^ meta.list.thrift constant.numeric.integer.decimal.thrift
  12: string (x = "y") annotated_type
//    ^^^^^^ storage.type.primitive.thrift
//                     ^^^^^^^^^^^^^^ variable.other.field.thrift
  13: Status (x = "y") annotated_user_type
//    ^^^^^^ entity.name.type.thrift
//                     ^^^^^^^^^^^^^^^^^^^ variable.other.field.thrift
}
// <- punctuation.section.block.end.thrift

union Choice {
// <----- storage.type.union.thrift
//    ^^^^^^ entity.name.type.union.thrift
  1: i64 number
}

exception InvalidOperation {
// <--------- storage.type.exception.thrift
//        ^^^^^^^^^^^^^^^^ entity.name.type.exception.thrift
  1: i32 whatOp,
//       ^^^^^^ variable.other.field.thrift
} (message = "whatOp")
// ^^^^^^^ entity.other.attribute-name.thrift

service Calculator extends shared.SharedService {
// <------- storage.type.service.thrift
//      ^^^^^^^^^^ entity.name.type.service.thrift
//                 ^^^^^^^ storage.modifier.extends.thrift
//                         ^^^^^^ entity.name.scope-resolution.thrift
//                                ^^^^^^^^^^^^^ entity.other.inherited-class.thrift
  void ping(),
//^^^^ storage.type.void.thrift
//     ^^^^ entity.name.function.thrift
//         ^ punctuation.section.parameters.begin.thrift
  i32 add(1: i32 num1, 2: i32 num2 = 5) (perf = "fast"),
//    ^^^ entity.name.function.thrift
//        ^ meta.parameters.thrift constant.numeric.integer.field-id.thrift
//                            ^^^^ meta.parameters.thrift variable.other.field.thrift
//                                   ^ constant.numeric.integer.decimal.thrift
//                                       ^^^^ meta.annotation.thrift entity.other.attribute-name.thrift
  list<Work> calculate(1: i32 logid, 2: Work w) throws (1: InvalidOperation ouch),
//^^^^ storage.type.container.thrift
//     ^^^^ entity.name.type.thrift
//           ^^^^^^^^^ entity.name.function.thrift
//                                              ^^^^^^ keyword.control.throws.thrift
//                                                         ^^^^^^^^^^^^^^^^ meta.throws.thrift entity.name.type.thrift
//                                                                          ^^^^ meta.throws.thrift variable.other.field.thrift
  oneway void zip()
//^^^^^^ storage.modifier.function.thrift
  async void legacy()
//^^^^^ storage.modifier.function.deprecated.thrift
  shared.Status status(
//^^^^^^ entity.name.scope-resolution.thrift
//       ^^^^^^ entity.name.type.thrift
//              ^^^^^^ entity.name.function.thrift
    1: string name,
//            ^^^^ meta.parameters.thrift variable.other.field.thrift
  )
}
// <- punctuation.section.block.end.thrift
