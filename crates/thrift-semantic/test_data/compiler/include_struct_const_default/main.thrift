include "a.thrift"
struct T { 1: a.S s = a.C }
