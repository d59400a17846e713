service B { void f() }
service S extends B { void f() }
