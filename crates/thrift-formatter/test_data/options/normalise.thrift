struct S {
  1: string a = 'single'
  2: string b = "double";
  3: string c = 'it"s'
}
enum E { A; B, C }
service Svc { void f(); void g() }
