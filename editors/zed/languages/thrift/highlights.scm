; Highlights for tree-sitter-grammars/tree-sitter-thrift at the commit pinned
; in extension.toml. Node names come from that commit's src/node-types.json.
; No two patterns capture the same identifier. Doc comments and the strings
; of `include` and `uri` get a second, more specific capture, placed after the
; general one as in Zed's own queries.

; Comments

(comment) @comment

((comment) @comment.doc
  (#match? @comment.doc "^/\\*\\*[^*]"))

((comment) @comment.doc
  (#match? @comment.doc "^///"))

; Literals

(string) @string

(escape_sequence) @string.escape

(number) @number

(double) @number

(boolean) @boolean

; Constants referred to by name (`Color.RED`, `MAX_SIZE`)

(literal (identifier) @constant)

; Types

(primitive) @type.builtin

[
  "list"
  "map"
  "set"
  "sink"
  "stream"
  "void"
] @type.builtin

(type (identifier) @type)

(definition_type (identifier) @type)

(typedef_identifier) @type

(struct_definition (identifier) @type)

(union_definition (identifier) @type)

(exception_definition (identifier) @type)

(service_definition (identifier) @type)

(interaction_definition (identifier) @type)

(senum_definition (identifier) @type)

(struct_literal type: (identifier) @type)

; Enums: the name, then the members (the identifiers after `{`)

(enum_definition type: (identifier) @type)

(enum_definition "{" (identifier) @constant)

; Constants

(const_definition (identifier) @constant)

; Fields, functions and parameters

(field (identifier) @property)

(function_definition (identifier) @function)

(parameter (identifier) @variable.parameter)

; Namespaces and includes

(namespace_scope) @label

(namespace_declaration (namespace) @namespace)

(namespace_uri (string) @string.special)

(include_statement (string) @string.special)

; Annotations

(annotation_identifier (identifier) @attribute)

(fb_annotation_definition "@" @attribute)

; Keywords

[
  "include"
  "cpp_include"
  "namespace"
  "package"
  "const"
  "typedef"
  "enum"
  "senum"
  "struct"
  "union"
  "exception"
  "service"
  "interaction"
  "extends"
  "performs"
  "throws"
  "uri"
] @keyword

[
  "oneway"
  "async"
  "readonly"
  "idempotent"
  "required"
  "optional"
  "client"
  "server"
  "permanent"
  "safe"
  "stateful"
  "transient"
] @keyword

; Deprecated namespace keywords and XSD options

[
  "cocoa_prefix"
  "cpp_namespace"
  "csharp_namespace"
  "delphi_namespace"
  "java_package"
  "perl_package"
  "php_namespace"
  "py_module"
  "ruby_namespace"
  "smalltalk_category"
  "smalltalk_prefix"
  "xsd_all"
  "xsd_attrs"
  "xsd_namespace"
  "xsd_nillable"
  "xsd_optional"
] @keyword

; Operators and punctuation

[
  "="
  "&"
] @operator

[
  "{"
  "}"
  "("
  ")"
  "["
  "]"
  "<"
  ">"
] @punctuation.bracket

[
  "."
  ","
  ";"
  ":"
] @punctuation.delimiter
