// Builds syntaxes/thrift.tmLanguage.json, the TextMate grammar for Thrift
// (Apache Thrift and fbthrift), from the rules below. Edit this file, not the
// JSON, then run `npm run grammar`. `--check` exits 1 if the JSON is stale
// (npm test runs it).
//
// The grammar is line based like every TextMate grammar: definitions open a
// region at their keyword and close after their `}`; inside, fields,
// functions, enum values and values each have their own set of rules, so a
// keyword used as a field name (`1: i32 string`) still reads as a name.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ID = String.raw`[A-Za-z_][A-Za-z0-9_]*`;
const QID = String.raw`${ID}(?:\.${ID})*`;
// Where a name ends: a separator, a bracket, an annotation, a comment or the end of the line.
const AFTER_NAME = String.raw`(?=\s*(?:[=,;)}(]|$|//|#|/\*))`;
const BASE_TYPES = 'bool|byte|i8|i16|i32|i64|double|float|string|binary|uuid';
const NOT_BASE_TYPE = String.raw`(?!(?:${BASE_TYPES}|void)\b)`;
// `Type (annotations) name`: the identifier before the annotations is the type, not the name.
const NOT_ANNOTATED_TYPE = String.raw`(?!\s*\([^()]*\)\s*[A-Za-z_])`;
const EXC_QUALIFIERS = 'safe|transient|stateful|permanent|client|server';
const DEPRECATED_NAMESPACES =
  'cpp_namespace|java_package|cocoa_prefix|csharp_namespace|delphi_namespace|php_namespace|' +
  'py_module|perl_package|ruby_namespace|smalltalk_category|smalltalk_prefix|xsd_namespace';

// `a.b.C`: qualifiers are scopes, the last part gets `last`.
const qualified = (last) => ({
  patterns: [
    { match: String.raw`${ID}(?=\s*\.)`, name: 'entity.name.scope-resolution.thrift' },
    { match: String.raw`\.`, name: 'punctuation.accessor.thrift' },
    { match: ID, name: last },
  ],
});

const block = (name, patterns) => ({
  begin: String.raw`\{`,
  end: String.raw`\}`,
  beginCaptures: { 0: { name: 'punctuation.section.block.begin.thrift' } },
  endCaptures: { 0: { name: 'punctuation.section.block.end.thrift' } },
  name,
  patterns,
});

const definition = (keywords, kind, bodyName, bodyPatterns, extra = []) => ({
  begin: String.raw`\b(${keywords})\b(?:\s+(${ID}))?`,
  beginCaptures: {
    1: { name: `storage.type.${kind}.thrift` },
    2: { name: `entity.name.type.${kind}.thrift` },
  },
  end: String.raw`(?<=\})`,
  name: `meta.definition.${kind}.thrift`,
  patterns: [
    { include: '#comments' },
    ...extra,
    block(bodyName, bodyPatterns),
  ],
});

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Thrift',
  scopeName: 'source.thrift',
  fileTypes: ['thrift'],
  patterns: [
    { include: '#comments' },
    { include: '#structured-annotation' },
    { include: '#header' },
    { include: '#exception-qualifier' },
    { include: '#struct' },
    { include: '#union' },
    { include: '#exception' },
    { include: '#enum' },
    { include: '#senum' },
    { include: '#service' },
    { include: '#interaction' },
    { include: '#typedef' },
    { include: '#const' },
    { include: '#annotation-list' },
    { include: '#strings' },
    { include: '#separators' },
  ],
  repository: {
    comments: {
      patterns: [
        {
          // /** doc */ and /**< trailing doc */, but not the empty /**/
          begin: String.raw`/\*\*(?!/)<?`,
          end: String.raw`\*/`,
          captures: { 0: { name: 'punctuation.definition.comment.thrift' } },
          name: 'comment.block.documentation.thrift',
        },
        {
          begin: String.raw`/\*`,
          end: String.raw`\*/`,
          captures: { 0: { name: 'punctuation.definition.comment.thrift' } },
          name: 'comment.block.thrift',
        },
        {
          // /// doc and ///< trailing doc (fbthrift), but not ////
          match: String.raw`(///<?)(?!/).*$`,
          captures: { 1: { name: 'punctuation.definition.comment.thrift' } },
          name: 'comment.line.documentation.thrift',
        },
        {
          match: String.raw`(//).*$`,
          captures: { 1: { name: 'punctuation.definition.comment.thrift' } },
          name: 'comment.line.double-slash.thrift',
        },
        {
          match: String.raw`(#).*$`,
          captures: { 1: { name: 'punctuation.definition.comment.thrift' } },
          name: 'comment.line.number-sign.thrift',
        },
      ],
    },

    strings: {
      patterns: [
        {
          begin: '"',
          end: String.raw`"|(?<![\\\n])$`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.thrift' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.thrift' } },
          name: 'string.quoted.double.thrift',
          patterns: [{ include: '#string-escapes' }],
        },
        {
          begin: "'",
          end: String.raw`'|(?<![\\\n])$`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.thrift' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.thrift' } },
          name: 'string.quoted.single.thrift',
          patterns: [{ include: '#string-escapes' }],
        },
      ],
    },
    'string-escapes': {
      patterns: [
        {
          // Apache: \n \r \t \" \' \\ ; fbthrift adds \xhh and \uhhhh
          match: String.raw`\\(?:[nrt"'\\]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})`,
          name: 'constant.character.escape.thrift',
        },
        {
          // fbthrift: a backslash at the end of a line continues the string
          match: String.raw`\\$`,
          name: 'constant.character.escape.line-continuation.thrift',
        },
        { match: String.raw`\\.`, name: 'invalid.illegal.unknown-escape.thrift' },
      ],
    },

    numbers: {
      patterns: [
        {
          match: String.raw`(?<![\w.])[+-]?(?:\d+\.\d+(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)(?![\w.])`,
          name: 'constant.numeric.float.thrift',
        },
        {
          match: String.raw`(?<![\w.])[+-]?0[xX][0-9A-Fa-f]+(?![\w.])`,
          name: 'constant.numeric.integer.hexadecimal.thrift',
        },
        {
          match: String.raw`(?<![\w.])[+-]?0[bB][01]+(?![\w.])`,
          name: 'constant.numeric.integer.binary.thrift',
        },
        {
          // octal in fbthrift, decimal with leading zeros in Apache
          match: String.raw`(?<![\w.])[+-]?0[0-7]+(?![\w.])`,
          name: 'constant.numeric.integer.octal.thrift',
        },
        {
          match: String.raw`(?<![\w.])[+-]?\d+(?![\w.])`,
          name: 'constant.numeric.integer.decimal.thrift',
        },
      ],
    },

    booleans: {
      match: String.raw`\b(?:true|false)\b`,
      name: 'constant.language.boolean.thrift',
    },

    separators: {
      patterns: [
        { match: ',', name: 'punctuation.separator.comma.thrift' },
        { match: ';', name: 'punctuation.terminator.thrift' },
      ],
    },

    // ---------------------------------------------------------------- headers
    header: {
      patterns: [
        {
          begin: String.raw`\b(include|cpp_include|hs_include)\b`,
          beginCaptures: { 1: { name: 'keyword.control.import.thrift' } },
          end: '$',
          name: 'meta.include.thrift',
          patterns: [
            { include: '#comments' },
            { include: '#strings' },
            {
              // fbthrift: include "x.thrift" as alias
              match: String.raw`\b(as)\s+(${ID})`,
              captures: {
                1: { name: 'keyword.control.as.thrift' },
                2: { name: 'entity.name.namespace.alias.thrift' },
              },
            },
            { include: '#separators' },
          ],
        },
        {
          begin: String.raw`\b(namespace)\s+(\*|${QID})`,
          beginCaptures: {
            1: { name: 'keyword.other.namespace.thrift' },
            2: { name: 'support.type.namespace-scope.thrift' },
          },
          end: '$',
          name: 'meta.namespace.thrift',
          patterns: [{ include: '#namespace-value' }],
        },
        {
          // removed pre-0.9 forms: cpp_namespace, java_package, ...
          begin: String.raw`\b(${DEPRECATED_NAMESPACES})\b`,
          beginCaptures: { 1: { name: 'keyword.other.namespace.deprecated.thrift' } },
          end: '$',
          name: 'meta.namespace.thrift',
          patterns: [{ include: '#namespace-value' }],
        },
        {
          // fbthrift: package "domain/path"; and package;
          match: String.raw`\b(package)\b(?=\s*(?:["';]|$|//|#|/\*))`,
          name: 'keyword.other.package.thrift',
        },
      ],
    },
    'namespace-value': {
      patterns: [
        { include: '#comments' },
        { include: '#strings' },
        { include: '#annotation-list' },
        { match: QID, name: 'entity.name.namespace.thrift' },
        { include: '#separators' },
      ],
    },

    // ------------------------------------------------------------ annotations
    'annotation-list': {
      // (cpp.type = "x", deprecated, python.precision = 3)
      begin: String.raw`\(`,
      end: String.raw`\)`,
      beginCaptures: { 0: { name: 'punctuation.section.annotation.begin.thrift' } },
      endCaptures: { 0: { name: 'punctuation.section.annotation.end.thrift' } },
      name: 'meta.annotation.thrift',
      patterns: [
        { include: '#comments' },
        { include: '#strings' },
        { include: '#numbers' },
        { include: '#booleans' },
        { match: QID, name: 'entity.other.attribute-name.thrift' },
        { match: '=', name: 'keyword.operator.assignment.thrift' },
        { include: '#separators' },
      ],
    },
    'structured-annotation': {
      // fbthrift: @Name, @inc.Name, @Name{field = value, ...}
      patterns: [
        {
          begin: String.raw`(@)(${QID})\s*(\{)`,
          beginCaptures: {
            1: { name: 'punctuation.definition.annotation.thrift' },
            2: qualified('entity.name.type.annotation.thrift'),
            3: { name: 'punctuation.section.block.begin.thrift' },
          },
          end: String.raw`\}`,
          endCaptures: { 0: { name: 'punctuation.section.block.end.thrift' } },
          name: 'meta.annotation.structured.thrift',
          patterns: [{ include: '#struct-literal-body' }],
        },
        {
          match: String.raw`(@)(${QID})`,
          captures: {
            1: { name: 'punctuation.definition.annotation.thrift' },
            2: qualified('entity.name.type.annotation.thrift'),
          },
          name: 'meta.annotation.structured.thrift',
        },
      ],
    },

    // ------------------------------------------------------------------ types
    types: {
      patterns: [
        { include: '#comments' },
        { include: '#annotation-list' },
        { match: String.raw`\b(?:${BASE_TYPES})\b`, name: 'storage.type.primitive.thrift' },
        { match: String.raw`\bvoid\b`, name: 'storage.type.void.thrift' },
        { match: String.raw`\bslist\b`, name: 'storage.type.primitive.deprecated.thrift' },
        {
          match: String.raw`\b(?:map|set|list)\b(?=\s*(?:<|cpp_type\b))`,
          name: 'storage.type.container.thrift',
        },
        {
          // fbthrift: stream<T>, sink<T, F>; elsewhere plain identifiers
          match: String.raw`\b(?:stream|sink)\b(?=\s*<)`,
          name: 'storage.type.container.thrift',
        },
        { match: String.raw`\bcpp_type\b`, name: 'keyword.other.cpp-type.thrift' },
        { include: '#strings' },
        {
          begin: '<',
          end: '>',
          beginCaptures: { 0: { name: 'punctuation.definition.typeparameters.begin.thrift' } },
          endCaptures: { 0: { name: 'punctuation.definition.typeparameters.end.thrift' } },
          name: 'meta.type-parameters.thrift',
          patterns: [{ include: '#throws' }, { include: '#types' }, { include: '#separators' }],
        },
        {
          match: QID,
          captures: { 0: qualified('entity.name.type.thrift') },
        },
      ],
    },

    // ----------------------------------------------------------------- values
    value: {
      // `= value` after a field, const or struct-literal field name
      begin: '=',
      beginCaptures: { 0: { name: 'keyword.operator.assignment.thrift' } },
      // ends after a value, so `=` at the end of a line continues on the next one
      end: String.raw`(?<=[^\s=])(?=\s*(?:[,;)}(]|$|//|#|/\*))`,
      patterns: [{ include: '#values' }],
    },
    values: {
      patterns: [
        { include: '#comments' },
        { include: '#strings' },
        { include: '#numbers' },
        { include: '#booleans' },
        {
          begin: String.raw`\[`,
          end: String.raw`\]`,
          beginCaptures: { 0: { name: 'punctuation.definition.list.begin.thrift' } },
          endCaptures: { 0: { name: 'punctuation.definition.list.end.thrift' } },
          name: 'meta.list.thrift',
          patterns: [{ include: '#values' }, { include: '#separators' }],
        },
        {
          // fbthrift struct literal: Foo{name = "x"}
          begin: String.raw`(${QID})\s*(\{)`,
          beginCaptures: {
            1: qualified('entity.name.type.thrift'),
            2: { name: 'punctuation.section.block.begin.thrift' },
          },
          end: String.raw`\}`,
          endCaptures: { 0: { name: 'punctuation.section.block.end.thrift' } },
          name: 'meta.struct-literal.thrift',
          patterns: [{ include: '#struct-literal-body' }],
        },
        {
          // map {k: v}, or a struct initialised by field names
          begin: String.raw`\{`,
          end: String.raw`\}`,
          beginCaptures: { 0: { name: 'punctuation.definition.map.begin.thrift' } },
          endCaptures: { 0: { name: 'punctuation.definition.map.end.thrift' } },
          name: 'meta.map.thrift',
          patterns: [
            { match: ':', name: 'punctuation.separator.key-value.thrift' },
            { include: '#values' },
            { include: '#separators' },
          ],
        },
        {
          // another const, Enum.VALUE, inc.Enum.VALUE
          match: QID,
          captures: { 0: qualified('variable.other.constant.thrift') },
        },
      ],
    },
    'struct-literal-body': {
      patterns: [
        { include: '#comments' },
        { match: String.raw`${ID}(?=\s*=)`, name: 'variable.other.property.thrift' },
        { include: '#value' },
        { include: '#separators' },
      ],
    },

    // ----------------------------------------------------------------- fields
    field: {
      // [id:] [required|optional] Type [&] name [= value] [xsd_*] [(annotations)] [,;]
      patterns: [
        { include: '#comments' },
        { include: '#structured-annotation' },
        {
          match: String.raw`(?<![\w.])([+-]?(?:0[xX][0-9A-Fa-f]+|\d+))\s*(:)`,
          captures: {
            1: { name: 'constant.numeric.integer.field-id.thrift' },
            2: { name: 'punctuation.separator.field-id.thrift' },
          },
        },
        { match: String.raw`\b(?:required|optional)\b`, name: 'storage.modifier.requiredness.thrift' },
        {
          match: String.raw`\b(?:xsd_optional|xsd_nillable)\b`,
          name: 'storage.modifier.deprecated.thrift',
        },
        {
          begin: String.raw`\b(xsd_attrs)\s*(\{)`,
          beginCaptures: {
            1: { name: 'storage.modifier.deprecated.thrift' },
            2: { name: 'punctuation.section.block.begin.thrift' },
          },
          end: String.raw`\}`,
          endCaptures: { 0: { name: 'punctuation.section.block.end.thrift' } },
          patterns: [{ include: '#field' }],
        },
        { match: '&', name: 'storage.modifier.reference.thrift' },
        { include: '#value' },
        {
          // the field name: the identifier before `=`, `,`, `;`, `)`, annotations or the line end
          match: String.raw`(?!(?:${BASE_TYPES})\s*\()${ID}${NOT_ANNOTATED_TYPE}(?=\s*(?:[=,;)}(]|$|//|#|/\*|\bxsd_))`,
          name: 'variable.other.field.thrift',
        },
        { include: '#types' },
        { include: '#separators' },
      ],
    },
    throws: {
      begin: String.raw`\b(throws)\s*(\()`,
      beginCaptures: {
        1: { name: 'keyword.control.throws.thrift' },
        2: { name: 'punctuation.section.parameters.begin.thrift' },
      },
      end: String.raw`\)`,
      endCaptures: { 0: { name: 'punctuation.section.parameters.end.thrift' } },
      name: 'meta.throws.thrift',
      patterns: [{ include: '#field' }],
    },

    // ------------------------------------------------------------ definitions
    'exception-qualifier': {
      // fbthrift: safe transient client exception E {}
      match: String.raw`\b(?:${EXC_QUALIFIERS})\b(?=(?:\s+(?:${EXC_QUALIFIERS}))*\s+exception\b)`,
      name: 'storage.modifier.exception-qualifier.thrift',
    },
    struct: definition('struct', 'struct', 'meta.block.struct.thrift', [{ include: '#field' }], [
      { match: String.raw`\bxsd_all\b`, name: 'storage.modifier.deprecated.thrift' },
    ]),
    union: definition('union', 'union', 'meta.block.union.thrift', [{ include: '#field' }], [
      { match: String.raw`\bxsd_all\b`, name: 'storage.modifier.deprecated.thrift' },
    ]),
    exception: definition('exception', 'exception', 'meta.block.exception.thrift', [
      { include: '#field' },
    ]),
    enum: definition('enum', 'enum', 'meta.block.enum.thrift', [
      { include: '#comments' },
      { include: '#structured-annotation' },
      { include: '#annotation-list' },
      { match: ID, name: 'variable.other.enummember.thrift' },
      { match: '=', name: 'keyword.operator.assignment.thrift' },
      { include: '#numbers' },
      { include: '#separators' },
    ]),
    senum: {
      // removed in Apache Thrift 0.17
      begin: String.raw`\b(senum)\b(?:\s+(${ID}))?`,
      beginCaptures: {
        1: { name: 'storage.type.senum.deprecated.thrift' },
        2: { name: 'entity.name.type.enum.thrift' },
      },
      end: String.raw`(?<=\})`,
      name: 'meta.definition.senum.thrift',
      patterns: [
        { include: '#comments' },
        block('meta.block.senum.thrift', [
          { include: '#comments' },
          { include: '#strings' },
          { include: '#separators' },
        ]),
      ],
    },
    service: {
      begin: String.raw`\b(service)\b(?:\s+(${ID}))?`,
      beginCaptures: {
        1: { name: 'storage.type.service.thrift' },
        2: { name: 'entity.name.type.service.thrift' },
      },
      end: String.raw`(?<=\})`,
      name: 'meta.definition.service.thrift',
      patterns: [
        { include: '#comments' },
        {
          match: String.raw`\b(extends)\s+(${QID})`,
          captures: {
            1: { name: 'storage.modifier.extends.thrift' },
            2: qualified('entity.other.inherited-class.thrift'),
          },
        },
        block('meta.block.service.thrift', [{ include: '#service-body' }]),
      ],
    },
    interaction: definition('interaction', 'interaction', 'meta.block.interaction.thrift', [
      { include: '#service-body' },
    ]),
    'service-body': {
      patterns: [
        { include: '#comments' },
        { include: '#structured-annotation' },
        {
          // fbthrift: performs Interaction;
          match: String.raw`\b(performs)\s+(${QID})`,
          captures: {
            1: { name: 'keyword.other.performs.thrift' },
            2: qualified('entity.name.type.thrift'),
          },
        },
        { match: String.raw`\b(?:oneway|idempotent|readonly)\b`, name: 'storage.modifier.function.thrift' },
        { match: String.raw`\basync\b`, name: 'storage.modifier.function.deprecated.thrift' },
        { include: '#throws' },
        {
          begin: String.raw`${NOT_BASE_TYPE}(${ID})\s*(\()`,
          beginCaptures: {
            1: { name: 'entity.name.function.thrift' },
            2: { name: 'punctuation.section.parameters.begin.thrift' },
          },
          end: String.raw`\)`,
          endCaptures: { 0: { name: 'punctuation.section.parameters.end.thrift' } },
          name: 'meta.parameters.thrift',
          patterns: [{ include: '#field' }],
        },
        { include: '#types' },
        { include: '#separators' },
      ],
    },
    typedef: {
      begin: String.raw`\b(typedef)\b`,
      beginCaptures: { 1: { name: 'storage.type.typedef.thrift' } },
      end: String.raw`${NOT_BASE_TYPE}(${ID})${NOT_ANNOTATED_TYPE}${AFTER_NAME}`,
      endCaptures: { 1: { name: 'entity.name.type.typedef.thrift' } },
      name: 'meta.definition.typedef.thrift',
      patterns: [{ include: '#types' }],
    },
    const: {
      begin: String.raw`\b(const)\b`,
      beginCaptures: { 1: { name: 'storage.type.const.thrift' } },
      end: String.raw`(?=$|;|,)`,
      name: 'meta.definition.const.thrift',
      patterns: [
        { include: '#comments' },
        { match: String.raw`${ID}(?=\s*=)`, name: 'variable.other.constant.definition.thrift' },
        { include: '#value' },
        { include: '#types' },
      ],
    },
  },
};

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'syntaxes', 'thrift.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('syntaxes/thrift.tmLanguage.json is stale: run `npm run grammar`');
    process.exit(1);
  }
  console.log('syntaxes/thrift.tmLanguage.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
