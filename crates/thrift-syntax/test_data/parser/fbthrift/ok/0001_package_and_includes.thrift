// package, include aliases, hs_include, string namespaces, `;` after headers
include "thrift/annotation/thrift.thrift"
include "common/if/search_types.thrift" as other_types;
hs_include "Foo.hs"

@thrift.TerseWrite
package "meta.com/search/query";

namespace go "meta.search"
namespace cpp2 meta.search;
