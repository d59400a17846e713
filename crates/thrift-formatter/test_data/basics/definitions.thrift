include   "shared.thrift"
cpp_include "<vector>"
namespace   java   com.example.api
namespace * example
namespace py example.api (py.async = "true")



typedef   i64   UserId
typedef map<string,list<i32>>   Index (cpp.type = "Index")
const i32 MAX=10
const list<string> NAMES = ["a","b" , "c"]
const map<string,i32> M = {"a":1,"b":2}
enum   Color{RED=1,GREEN,BLUE=0x10 (deprecated)}
struct   User  {1:required UserId id,2:optional string name="x",3: list<Color> colors=[Color.RED]
4: shared.Thing & thing
-1: i32 negative
i32 no_id}
union U {1: i32 a; 2: string b;}
exception   Oops { 1: string message }
struct Empty {}
service   Base {void ping()}
service Api extends Base{
oneway void fire(1:i32 x),
UserId create(1: User user, 2: bool dry_run = false) throws (1: Oops oops) (http.method = "POST")
  }
