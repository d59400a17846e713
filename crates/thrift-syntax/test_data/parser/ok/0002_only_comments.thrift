// A file that contains nothing but comments.
# shell-style comment

/*
 * block comment
 */

/** a doc comment with nothing to attach to */
/**/
// last line without a trailing newline