exception E1 { 1: string m }
exception E2 { 1: string m }
exception E3 { 1: string m }
service S {
  void a() throws (1: E1 e1, 2: E2 e2)
  i32 b() throws (1: E1 e1, 2: E2 e2)
  void c() throws (1: E1 e1)
  void d() throws (3: E1 e1)
  void e() throws (1: E3 e1)
}
