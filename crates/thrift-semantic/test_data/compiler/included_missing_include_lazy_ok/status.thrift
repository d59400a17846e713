include "Missing.thrift"
struct S { 1: Missing.T t }
