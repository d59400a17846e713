struct NotEx {}
service S { void f() throws (1: NotEx e) }
