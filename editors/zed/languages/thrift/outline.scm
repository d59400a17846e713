(struct_definition
  "struct" @context
  . (identifier) @name) @item

(union_definition
  "union" @context
  . (identifier) @name) @item

(exception_definition
  "exception" @context
  . (identifier) @name) @item

(enum_definition
  "enum" @context
  . (identifier) @name) @item

(senum_definition
  "senum" @context
  . (identifier) @name) @item

(service_definition
  "service" @context
  . (identifier) @name) @item

(interaction_definition
  "interaction" @context
  . (identifier) @name) @item

(typedef_definition
  "typedef" @context
  (typedef_identifier) @name) @item

(const_definition
  "const" @context
  (identifier) @name) @item

(function_definition
  (identifier) @name) @item
