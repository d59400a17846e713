// service inheritance: plain and dotted (included) parents
include "shared.thrift"

service Parent {
  void parentMethod()
}

service Child extends Parent {
  void childMethod()
}

service Remote extends shared.Base {
  void remoteMethod()
}

service EmptyChild extends Child {}
