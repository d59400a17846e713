// line comment
# shell comment
/* block comment */
/* multi-line
   block comment with * stars ** inside and a // line comment marker and # */
/** doc comment */
/**/
/***/
/****** many stars ******/
//no space after slashes
#!/usr/bin/env thrift -r --gen py
struct S { // trailing line comment
  1: i32 a # trailing shell comment
  2: i32 b /* trailing block comment */
  3: i32 c /** trailing doc-style comment */
}
