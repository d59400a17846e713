// empty struct/union/exception/service/enum bodies
struct EmptyStruct {}
union EmptyUnion {}
exception EmptyException {}
service EmptyService {}
enum EmptyEnum {}

struct EmptyMultiline {
}

struct EmptyWithAnnotation {} (final)
