// functions separated by `,`, `;` or nothing; arguments separated likewise
exception Err {}

service Separators {
  void a(),
  void b();
  void c()
  void d(1: i32 x, 2: i32 y)
  void e(1: i32 x; 2: i32 y;)
  void f(1: i32 x 2: i32 y)
  void g() throws (1: Err e), void h() (x = "y");
}
