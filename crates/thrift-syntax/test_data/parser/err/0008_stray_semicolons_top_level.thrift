// stray `;;` at top level and a `;` after a struct (only typedef/const take `;`); later definitions should be recovered
;;
struct A {
  1: i32 a
};

typedef i32 T;
const i32 C = 1;;

struct B {
  1: i32 b
}
