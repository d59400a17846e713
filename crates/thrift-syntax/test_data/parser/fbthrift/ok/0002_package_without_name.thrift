@thrift.AllowReservedFilename
package;

struct A {}
