include "a.thrift"
enum Point { A }
