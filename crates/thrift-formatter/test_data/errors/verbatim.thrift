struct   Good   {1:i32 a}
struct   Broken {
  1:   i32 a
  2: $ b
}
enum   AlsoGood {X,Y}
