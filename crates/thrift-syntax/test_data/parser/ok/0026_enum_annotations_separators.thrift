// annotations on enum values and on the enum; `,` `;` and no separators
enum E {
  A (x = "y"),
  B = 2 (z = "w");
  C
  D = 4 (deprecated) ,
  E_VAL = 5 (a = "1", b = "2";) ;
} (e = "f")

enum AnnotatedAfter {
  ONE = 1
} (a.b.c = 'd', flag)

enum Trailing {
  X = 1;
  Y = 2;
}
