// SYNTAX TEST "source.thrift" "fbthrift syntax"
@thrift.TerseWrite
// <- meta.annotation.structured.thrift punctuation.definition.annotation.thrift
//      ^^^^^^^^^^ entity.name.type.annotation.thrift
package "meta.com/search/query";
// <------- keyword.other.package.thrift

@cpp.Type{name = "uint64_t"}
//   ^^^^ entity.name.type.annotation.thrift
//       ^ meta.annotation.structured.thrift punctuation.section.block.begin.thrift
//        ^^^^ variable.other.property.thrift
//             ^ keyword.operator.assignment.thrift
//               ^^^^^^^^^^ string.quoted.double.thrift
//                         ^ punctuation.section.block.end.thrift
typedef i64 ui64
//          ^^^^ entity.name.type.typedef.thrift

const Foo FOO = Foo{name = "Carl", nested = other.Bar{x = 1}, e = Kind.A};
//              ^^^ entity.name.type.thrift
//                 ^ meta.struct-literal.thrift punctuation.section.block.begin.thrift
//                  ^^^^ variable.other.property.thrift
//                                          ^^^^^ entity.name.scope-resolution.thrift
//                                                ^^^ entity.name.type.thrift
//                                                    ^ variable.other.property.thrift
//                                                                     ^ variable.other.constant.thrift

struct Foo {
  @cpp.Ref{type = cpp.RefType.Unique}
//     ^^^ entity.name.type.annotation.thrift
//         ^^^^ variable.other.property.thrift
//                    ^^^^^^^ entity.name.scope-resolution.thrift
//                            ^^^^^^ variable.other.constant.thrift
  1: optional Foo next; ///< trailing doc
//                ^^^^ variable.other.field.thrift
//                      ^^^^ comment.line.documentation.thrift punctuation.definition.comment.thrift
  2: float ratio (cpp.exact = true, python.precision = 3)
//   ^^^^^ storage.type.primitive.thrift
//         ^^^^^ variable.other.field.thrift
//                            ^^^^ constant.language.boolean.thrift
//                                                     ^ constant.numeric.integer.decimal.thrift
  3: i32 stream, 4: i32 client
//       ^^^^^^ variable.other.field.thrift
//                      ^^^^^^ variable.other.field.thrift
}

safe transient client exception Oops {
// <---- storage.modifier.exception-qualifier.thrift
//   ^^^^^^^^^ storage.modifier.exception-qualifier.thrift
//             ^^^^^^ storage.modifier.exception-qualifier.thrift
//                    ^^^^^^^^^ storage.type.exception.thrift
//                              ^^^^ entity.name.type.exception.thrift
  1: string message
}
stateful server exception Busy {}
// <-------- storage.modifier.exception-qualifier.thrift
//       ^^^^^^ storage.modifier.exception-qualifier.thrift
permanent exception Gone {}
// <--------- storage.modifier.exception-qualifier.thrift

interaction Counter {
// <----------- storage.type.interaction.thrift
//          ^^^^^^^ entity.name.type.interaction.thrift
  i32 increment();
//    ^^^^^^^^^ entity.name.function.thrift
}

service Search {
  performs Counter;
//^^^^^^^^ keyword.other.performs.thrift
//         ^^^^^^^ entity.name.type.thrift
  Counter, i32 createCounter();
//^^^^^^^ entity.name.type.thrift
//             ^^^^^^^^^^^^^ entity.name.function.thrift
  idempotent i32 get(@Flag 1: i32 key);
//^^^^^^^^^^ storage.modifier.function.thrift
//                    ^^^^ entity.name.type.annotation.thrift
//                                ^^^ variable.other.field.thrift
  readonly string name();
//^^^^^^^^ storage.modifier.function.thrift
  stream<Chunk throws (1: Oops e)> download();
//^^^^^^ storage.type.container.thrift
//       ^^^^^ meta.type-parameters.thrift entity.name.type.thrift
//             ^^^^^^ keyword.control.throws.thrift
//                             ^ variable.other.field.thrift
//                                 ^^^^^^^^ entity.name.function.thrift
  Resp, sink<Chunk, Final> upload();
//      ^^^^ storage.type.container.thrift
//                  ^^^^^ entity.name.type.thrift
//                         ^^^^^^ entity.name.function.thrift
}
