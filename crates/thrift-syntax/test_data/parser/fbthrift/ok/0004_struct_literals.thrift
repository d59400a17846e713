// struct literals in consts, defaults and annotation arguments
struct Foo { 1: string name; 2: i32 value; }
const Foo FOO = Foo{name = "Carl", value = 3};
const list<Foo> FOOS = [Foo{name = "a", value = 1}, Foo{}];
struct Bar {
  1: Foo foo = Foo{name = "John", value = 40};
  2: Foo bare = {name = "x", value = 2};
}
