//! `report::render` in every format, on diagnostics made by hand (the
//! report of `check`).

use expect_test::expect;
use serde_json::Value;
use thrift_cli::report::{self, Format, Report, Source, summary_line};
use thrift_semantic::{Code, Diagnostic, FileId};
use thrift_syntax::{TextRange, TextSize};

/// Line 2 has non-ASCII characters before `Bad`; line 4 has tabs; the file
/// ends with a newline, so its end is on an empty line 8.
const MAIN: &str = "include \"odd.thrift\"
const string café = \"😀\" + Bad
struct S {
\t1: Missing m,\t// a tab before the comment
  i32 y
}
const i64 big = 9007199254740993
";

const OTHER: &str = "struct S {}";

const ODD: &str = "include \"unused.thrift\"\n";

/// FileId(0), (1) and (2); no other file is known.
fn source(id: FileId) -> Option<Source<'static>> {
    let (path, text) = match id.0 {
        0 => ("main.thrift", MAIN),
        1 => ("dir/other.thrift", OTHER),
        2 => ("odd, name:1.thrift", ODD),
        _ => return None,
    };
    Some(Source { path, text })
}

/// Renders `check`'s report of `diagnostics` (no failures).
fn render<'a>(
    format: Format,
    diagnostics: &[Diagnostic],
    sources: &dyn Fn(FileId) -> Option<Source<'a>>,
    color: bool,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    report::render(
        format,
        &Report::check(diagnostics, sources, Vec::new()),
        color,
        out,
    )
}

/// The range of the first `needle` in `text`.
fn find(text: &str, needle: &str) -> TextRange {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    TextRange::at(TextSize::new(start as u32), TextSize::of(needle))
}

fn empty_at(text: &str, needle: &str) -> TextRange {
    TextRange::empty(find(text, needle).start())
}

fn diagnostics() -> Vec<Diagnostic> {
    let main = FileId(0);
    vec![
        Diagnostic::new(
            Code::UnresolvedConst,
            main,
            find(MAIN, "Bad"),
            "`Bad` is not defined",
        ),
        Diagnostic::new(
            Code::DuplicateDefinition,
            main,
            TextRange::at(find(MAIN, "S {").start(), 1.into()),
            "`S` is already defined in `other.thrift`",
        )
        .with_related(FileId(1), find(OTHER, "S"), "first defined here")
        .with_related(
            FileId(7),
            TextRange::empty(TextSize::new(3)),
            "and in a file nobody knows",
        ),
        Diagnostic::new(
            Code::DeprecatedSyntax,
            main,
            find(MAIN, "struct S {\n\t1"),
            "a range over two lines",
        ),
        Diagnostic::new(
            Code::UnresolvedType,
            main,
            find(MAIN, "Missing"),
            "type `Missing` is not defined",
        ),
        Diagnostic::new(
            Code::MissingFieldId,
            main,
            empty_at(MAIN, "i32 y"),
            "field `y` has no id",
        ),
        Diagnostic::new(
            Code::LargeInteger,
            main,
            find(MAIN, "9007199254740993"),
            "100% sure: this, too\nis a large number",
        ),
        Diagnostic::new(
            Code::Syntax,
            main,
            TextRange::empty(TextSize::of(MAIN)),
            "expected `}`, found end of file",
        ),
        Diagnostic::new(
            Code::UnusedInclude,
            FileId(2),
            find(ODD, "\"unused.thrift\""),
            "`unused.thrift` is never used",
        ),
    ]
}

fn rendered(format: Format, color: bool) -> String {
    let mut out = Vec::new();
    render(format, &diagnostics(), &source, color, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn human() {
    let out = rendered(Format::Human, false);
    assert!(!out.contains('\x1b'), "no colour codes without colour");
    expect![[r#"
        error[T1012]: `Bad` is not defined
         --> main.thrift:2:27
          |
        2 | const string café = "😀" + Bad
          |                           ^^^

        error[T1020]: `S` is already defined in `other.thrift`
         --> main.thrift:3:8
          |
        3 | struct S {
          |        ^
        note: first defined here
         --> dir/other.thrift:1:8
          |
        1 | struct S {}
          |        ^
        note: and in a file nobody knows
         --> <file 7>

        warning[T2001]: a range over two lines
         --> main.thrift:3:1
          |
        3 | struct S {
          | ^^^^^^^^^^

        error[T1010]: type `Missing` is not defined
         --> main.thrift:4:5
          |
        4 |     1: Missing m,    // a tab before the comment
          |        ^^^^^^^

        warning[T1032]: field `y` has no id
         --> main.thrift:5:3
          |
        5 |   i32 y
          |   ^

        hint[T2003]: 100% sure: this, too
        is a large number
         --> main.thrift:7:17
          |
        7 | const i64 big = 9007199254740993
          |                 ^^^^^^^^^^^^^^^^

        error[T0001]: expected `}`, found end of file
         --> main.thrift:8:1
          |
        8 |
          | ^

        warning[T1003]: `unused.thrift` is never used
         --> odd, name:1.thrift:1:9
          |
        1 | include "unused.thrift"
          |         ^^^^^^^^^^^^^^^

    "#]]
    .assert_eq(&out);
}

#[test]
fn human_in_colour() {
    // The escape character shown as `␛` to keep the snapshot readable.
    let mut out = Vec::new();
    let ds = diagnostics();
    render(Format::Human, &ds[1..2], &source, true, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap().replace('\x1b', "␛");
    expect![[r#"
        ␛[1;31merror[T1020]␛[0m␛[1m: `S` is already defined in `other.thrift`␛[0m
         ␛[1;34m-->␛[0m main.thrift:3:8
          ␛[1;34m|␛[0m
        ␛[1;34m3 |␛[0m struct S {
          ␛[1;34m|␛[0m        ␛[1;31m^␛[0m
        ␛[1;36mnote␛[0m␛[1m: first defined here␛[0m
         ␛[1;34m-->␛[0m dir/other.thrift:1:8
          ␛[1;34m|␛[0m
        ␛[1;34m1 |␛[0m struct S {}
          ␛[1;34m|␛[0m        ␛[1;36m^␛[0m
        ␛[1;36mnote␛[0m␛[1m: and in a file nobody knows␛[0m
         ␛[1;34m-->␛[0m <file 7>

    "#]]
    .assert_eq(&out);
}

#[test]
fn human_gutter_is_as_wide_as_the_largest_line_number() {
    let text = "a\n".repeat(11) + "struct S {}\n";
    let sources = |id: FileId| {
        Some(Source {
            path: if id.0 == 0 {
                "big.thrift"
            } else {
                "small.thrift"
            },
            text: if id.0 == 0 { &text } else { OTHER },
        })
    };
    let d = Diagnostic::new(
        Code::DuplicateDefinition,
        FileId(0),
        find(&text, "S"),
        "`S` again",
    )
    .with_related(FileId(1), find(OTHER, "S"), "first defined here");
    let mut out = Vec::new();
    render(Format::Human, &[d], &sources, false, &mut out).unwrap();
    expect![[r#"
        error[T1020]: `S` again
          --> big.thrift:12:8
           |
        12 | struct S {}
           |        ^
        note: first defined here
          --> small.thrift:1:8
           |
         1 | struct S {}
           |        ^

    "#]]
    .assert_eq(&String::from_utf8(out).unwrap());
}

#[test]
fn human_hides_terminal_control_characters() {
    let text = "const string s = \"\x1b[2J\u{202E}x\" + Bad\r\n";
    let sources = |_| {
        Some(Source {
            path: "ctl.thrift",
            text,
        })
    };
    let d = Diagnostic::new(
        Code::UnresolvedConst,
        FileId(0),
        find(text, "Bad"),
        "`Bad\x1b[31m` is not defined",
    );
    let mut out = Vec::new();
    render(Format::Human, &[d], &sources, false, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(!out.contains('\x1b') && !out.contains('\u{202E}') && !out.contains('\r'));
    expect![[r#"
        error[T1012]: `Bad�[31m` is not defined
         --> ctl.thrift:1:29
          |
        1 | const string s = "�[2J�x" + Bad
          |                             ^^^

    "#]]
    .assert_eq(&out);
}

#[test]
fn json() {
    let out = rendered(Format::Json, false);
    expect![[r#"
        [
          {"code":"T1012","end":{"column":30,"line":2},"file":"main.thrift","message":"`Bad` is not defined","name":"unresolved-const","range":{"end":54,"start":51},"related":[],"severity":"error","start":{"column":27,"line":2}},
          {"code":"T1020","end":{"column":9,"line":3},"file":"main.thrift","message":"`S` is already defined in `other.thrift`","name":"duplicate-definition","range":{"end":63,"start":62},"related":[{"end":{"column":9,"line":1},"file":"dir/other.thrift","message":"first defined here","range":{"end":8,"start":7},"start":{"column":8,"line":1}},{"end":{"column":1,"line":1},"file":"<file 7>","message":"and in a file nobody knows","range":{"end":3,"start":3},"start":{"column":1,"line":1}}],"severity":"error","start":{"column":8,"line":3}},
          {"code":"T2001","end":{"column":3,"line":4},"file":"main.thrift","message":"a range over two lines","name":"deprecated-syntax","range":{"end":68,"start":55},"related":[],"severity":"warning","start":{"column":1,"line":3}},
          {"code":"T1010","end":{"column":12,"line":4},"file":"main.thrift","message":"type `Missing` is not defined","name":"unresolved-type","range":{"end":77,"start":70},"related":[],"severity":"error","start":{"column":5,"line":4}},
          {"code":"T1032","end":{"column":3,"line":5},"file":"main.thrift","message":"field `y` has no id","name":"missing-field-id","range":{"end":111,"start":111},"related":[],"severity":"warning","start":{"column":3,"line":5}},
          {"code":"T2003","end":{"column":33,"line":7},"file":"main.thrift","message":"100% sure: this, too\nis a large number","name":"64-bit-constant","range":{"end":151,"start":135},"related":[],"severity":"hint","start":{"column":17,"line":7}},
          {"code":"T0001","end":{"column":1,"line":8},"file":"main.thrift","message":"expected `}`, found end of file","name":"syntax-error","range":{"end":152,"start":152},"related":[],"severity":"error","start":{"column":1,"line":8}},
          {"code":"T1003","end":{"column":24,"line":1},"file":"odd, name:1.thrift","message":"`unused.thrift` is never used","name":"unused-include","range":{"end":23,"start":8},"related":[],"severity":"warning","start":{"column":9,"line":1}}
        ]
    "#]]
    .assert_eq(&out);

    let value: Value = serde_json::from_str(&out).unwrap();
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), diagnostics().len());
    // Byte offsets and character columns differ on the non-ASCII line.
    assert_eq!(items[0]["range"]["start"], 51);
    assert_eq!(&MAIN[51..54], "Bad");
    assert_eq!(items[0]["start"]["column"], 27);

    let mut empty = Vec::new();
    render(Format::Json, &[], &source, false, &mut empty).unwrap();
    assert_eq!(String::from_utf8(empty).unwrap(), "[]\n");
}

#[test]
fn github() {
    let out = rendered(Format::Github, false);
    expect![[r#"
        ::error file=main.thrift,line=2,col=27,endLine=2,endColumn=30,title=T1012 unresolved-const::`Bad` is not defined
        ::error file=main.thrift,line=3,col=8,endLine=3,endColumn=9,title=T1020 duplicate-definition::`S` is already defined in `other.thrift`%0Adir/other.thrift:1:8: note: first defined here%0A<file 7>:1:1: note: and in a file nobody knows
        ::warning file=main.thrift,line=3,endLine=4,title=T2001 deprecated-syntax::a range over two lines
        ::error file=main.thrift,line=4,col=5,endLine=4,endColumn=12,title=T1010 unresolved-type::type `Missing` is not defined
        ::warning file=main.thrift,line=5,col=3,endLine=5,endColumn=3,title=T1032 missing-field-id::field `y` has no id
        ::notice file=main.thrift,line=7,col=17,endLine=7,endColumn=33,title=T2003 64-bit-constant::100%25 sure: this, too%0Ais a large number
        ::error file=main.thrift,line=8,col=1,endLine=8,endColumn=1,title=T0001 syntax-error::expected `}`, found end of file
        ::warning file=odd%2C name%3A1.thrift,line=1,col=9,endLine=1,endColumn=24,title=T1003 unused-include::`unused.thrift` is never used
    "#]]
    .assert_eq(&out);
    assert_eq!(out.lines().count(), diagnostics().len());
    assert!(
        out.lines()
            .all(|l| l.starts_with("::") && !l.contains('\r'))
    );
}

/// The SARIF log with the version replaced, and the rules cut to the ones
/// the results use (all rules are checked separately).
fn sarif_value() -> Value {
    let out = rendered(Format::Sarif, false);
    serde_json::from_str(&out).expect("SARIF output is JSON")
}

#[test]
fn sarif_structure() {
    let log = sarif_value();
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "thrift-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );

    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        assert_eq!(rule["name"], code.name());
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        let level = match code.default_severity().as_str() {
            "hint" => "note",
            other => other,
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
        // The heading `## T1001: unresolved-include`, as GitHub anchors it.
        assert_eq!(
            rule["helpUri"],
            format!(
                "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#{}-{}",
                code.as_str().to_lowercase(),
                code.name()
            )
        );
    }

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), diagnostics().len());
    for (result, d) in results.iter().zip(diagnostics()) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], d.code.as_str());
        assert_eq!(result["message"]["text"], d.message.as_str());
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].is_string());
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(location["region"][key].as_u64().unwrap() >= 1, "{key}");
        }
    }
}

#[test]
fn sarif() {
    let mut log = sarif_value();
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver["version"] = "<version>".into();
    let rules = driver["rules"].as_array_mut().unwrap();
    rules.truncate(1);
    let mut results = log["runs"][0]["results"].as_array().unwrap().clone();
    // Keep the results that show something new: non-ASCII columns, related
    // locations, a multi-line range, an empty range at the end, odd paths.
    results = [0, 1, 2, 6, 7]
        .iter()
        .map(|&i| results[i].clone())
        .collect();
    log["runs"][0]["results"] = Value::Array(results);
    expect![[r#"
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "runs": [
            {
              "columnKind": "unicodeCodePoints",
              "invocations": [
                {
                  "executionSuccessful": true
                }
              ],
              "results": [
                {
                  "level": "error",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "main.thrift",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 30,
                          "endLine": 2,
                          "startColumn": 27,
                          "startLine": 2
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "`Bad` is not defined"
                  },
                  "ruleId": "T1012",
                  "ruleIndex": 9
                },
                {
                  "level": "error",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "main.thrift",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 9,
                          "endLine": 3,
                          "startColumn": 8,
                          "startLine": 3
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "`S` is already defined in `other.thrift`"
                  },
                  "relatedLocations": [
                    {
                      "id": 1,
                      "message": {
                        "text": "first defined here"
                      },
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "dir/other.thrift",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 9,
                          "endLine": 1,
                          "startColumn": 8,
                          "startLine": 1
                        }
                      }
                    },
                    {
                      "id": 2,
                      "message": {
                        "text": "and in a file nobody knows"
                      },
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "%3Cfile%207%3E",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 1,
                          "endLine": 1,
                          "startColumn": 1,
                          "startLine": 1
                        }
                      }
                    }
                  ],
                  "ruleId": "T1020",
                  "ruleIndex": 11
                },
                {
                  "level": "warning",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "main.thrift",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 3,
                          "endLine": 4,
                          "startColumn": 1,
                          "startLine": 3
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "a range over two lines"
                  },
                  "ruleId": "T2001",
                  "ruleIndex": 42
                },
                {
                  "level": "error",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "main.thrift",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 1,
                          "endLine": 8,
                          "startColumn": 1,
                          "startLine": 8
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "expected `}`, found end of file"
                  },
                  "ruleId": "T0001",
                  "ruleIndex": 0
                },
                {
                  "level": "warning",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "odd,%20name%3A1.thrift",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 24,
                          "endLine": 1,
                          "startColumn": 9,
                          "startLine": 1
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "`unused.thrift` is never used"
                  },
                  "ruleId": "T1003",
                  "ruleIndex": 3
                }
              ],
              "tool": {
                "driver": {
                  "informationUri": "https://github.com/thrift-tools/thrift-tools",
                  "name": "thrift-lint",
                  "rules": [
                    {
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "helpUri": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t0001-syntax-error",
                      "id": "T0001",
                      "name": "syntax-error",
                      "shortDescription": {
                        "text": "The file does not parse."
                      }
                    }
                  ],
                  "version": "<version>"
                }
              }
            }
          ],
          "version": "2.1.0"
        }"#]]
    .assert_eq(&serde_json::to_string_pretty(&log).unwrap());
}

#[test]
fn sarif_without_results_is_still_a_full_log() {
    let mut out = Vec::new();
    render(Format::Sarif, &[], &source, false, &mut out).unwrap();
    let log: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        Code::ALL.len()
    );
}

#[test]
fn summary() {
    assert_eq!(
        summary_line(&diagnostics(), 3),
        "4 errors, 3 warnings, 1 hint (3 files checked)"
    );
}

#[test]
fn rdjson() {
    let out = rendered(Format::Rdjson, false);
    expect![[r#"
        {
          "diagnostics": [
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1012-unresolved-const",
                "value": "T1012"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 34,
                    "line": 2
                  },
                  "start": {
                    "column": 31,
                    "line": 2
                  }
                }
              },
              "message": "`Bad` is not defined",
              "severity": "ERROR"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1020-duplicate-definition",
                "value": "T1020"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 9,
                    "line": 3
                  },
                  "start": {
                    "column": 8,
                    "line": 3
                  }
                }
              },
              "message": "`S` is already defined in `other.thrift`",
              "related_locations": [
                {
                  "location": {
                    "path": "dir/other.thrift",
                    "range": {
                      "end": {
                        "column": 9,
                        "line": 1
                      },
                      "start": {
                        "column": 8,
                        "line": 1
                      }
                    }
                  },
                  "message": "first defined here"
                },
                {
                  "location": {
                    "path": "<file 7>",
                    "range": {
                      "end": {
                        "column": 1,
                        "line": 1
                      },
                      "start": {
                        "column": 1,
                        "line": 1
                      }
                    }
                  },
                  "message": "and in a file nobody knows"
                }
              ],
              "severity": "ERROR"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t2001-deprecated-syntax",
                "value": "T2001"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 3,
                    "line": 4
                  },
                  "start": {
                    "column": 1,
                    "line": 3
                  }
                }
              },
              "message": "a range over two lines",
              "severity": "WARNING"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1010-unresolved-type",
                "value": "T1010"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 12,
                    "line": 4
                  },
                  "start": {
                    "column": 5,
                    "line": 4
                  }
                }
              },
              "message": "type `Missing` is not defined",
              "severity": "ERROR"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1032-missing-field-id",
                "value": "T1032"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 3,
                    "line": 5
                  },
                  "start": {
                    "column": 3,
                    "line": 5
                  }
                }
              },
              "message": "field `y` has no id",
              "severity": "WARNING"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t2003-64-bit-constant",
                "value": "T2003"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 33,
                    "line": 7
                  },
                  "start": {
                    "column": 17,
                    "line": 7
                  }
                }
              },
              "message": "100% sure: this, too\nis a large number",
              "severity": "INFO"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t0001-syntax-error",
                "value": "T0001"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 1,
                    "line": 8
                  },
                  "start": {
                    "column": 1,
                    "line": 8
                  }
                }
              },
              "message": "expected `}`, found end of file",
              "severity": "ERROR"
            },
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1003-unused-include",
                "value": "T1003"
              },
              "location": {
                "path": "odd, name:1.thrift",
                "range": {
                  "end": {
                    "column": 24,
                    "line": 1
                  },
                  "start": {
                    "column": 9,
                    "line": 1
                  }
                }
              },
              "message": "`unused.thrift` is never used",
              "severity": "WARNING"
            }
          ],
          "severity": "ERROR",
          "source": {
            "name": "thrift-lint",
            "url": "https://github.com/thrift-tools/thrift-tools"
          }
        }
    "#]].assert_eq(&out);

    let value: Value = serde_json::from_str(&out).unwrap();
    let items = value["diagnostics"].as_array().unwrap();
    assert_eq!(items.len(), diagnostics().len());
    // Columns are UTF-8 bytes: `Bad` is 30 bytes (26 characters) into its
    // line, after `é` and `😀`.
    let line_start = MAIN.find("const string").unwrap();
    assert_eq!(&MAIN[51..54], "Bad");
    assert_eq!(
        items[0]["location"]["range"]["start"]["column"],
        51 - line_start + 1
    );
    assert_eq!(
        items[0]["location"]["range"]["end"]["column"],
        54 - line_start + 1
    );
}

#[test]
fn rdjson_without_diagnostics() {
    let mut out = Vec::new();
    render(Format::Rdjson, &[], &source, false, &mut out).unwrap();
    expect![[r#"
        {
          "diagnostics": [],
          "source": {
            "name": "thrift-lint",
            "url": "https://github.com/thrift-tools/thrift-tools"
          }
        }
    "#]]
    .assert_eq(&String::from_utf8(out).unwrap());
}

/// A report with one finding and two failures (one about a file, one not),
/// in every format: the failures are in each (the human format leaves them
/// to stderr, where the command prints them).
#[test]
fn failures_in_every_format() {
    let ds = &diagnostics()[..1];
    let failures = vec![
        report::Failure::in_file(
            "gone, really.thrift",
            "no such file or directory",
            "gone, really.thrift: error: no such file or directory".into(),
        ),
        report::Failure::new("git: bad revision\n`nope`"),
    ];
    let report = Report::check(ds, &source, failures);
    let mut all = String::new();
    for format in Format::ALL {
        let mut out = Vec::new();
        report::render(*format, &report, false, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let out = match format {
            // Only the invocation: the rest is as on success.
            Format::Sarif => {
                let log: Value = serde_json::from_str(&out).unwrap();
                serde_json::to_string_pretty(&log["runs"][0]["invocations"]).unwrap() + "\n"
            }
            _ => out,
        };
        all.push_str(&format!("--- {format}\n{out}"));
    }
    expect![[r#"
        --- human
        error[T1012]: `Bad` is not defined
         --> main.thrift:2:27
          |
        2 | const string café = "😀" + Bad
          |                           ^^^

        --- json
        [
          {"code":"T1012","end":{"column":30,"line":2},"file":"main.thrift","message":"`Bad` is not defined","name":"unresolved-const","range":{"end":54,"start":51},"related":[],"severity":"error","start":{"column":27,"line":2}},
          {"failure":true,"file":"gone, really.thrift","message":"no such file or directory","severity":"error"},
          {"failure":true,"file":null,"message":"git: bad revision\n`nope`","severity":"error"}
        ]
        --- github
        ::error file=gone%2C really.thrift,title=failure::no such file or directory
        ::error title=failure::git: bad revision%0A`nope`
        ::error file=main.thrift,line=2,col=27,endLine=2,endColumn=30,title=T1012 unresolved-const::`Bad` is not defined
        --- sarif
        [
          {
            "executionSuccessful": false,
            "toolExecutionNotifications": [
              {
                "level": "error",
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "gone,%20really.thrift",
                        "uriBaseId": "%SRCROOT%"
                      }
                    }
                  }
                ],
                "message": {
                  "text": "no such file or directory"
                }
              },
              {
                "level": "error",
                "message": {
                  "text": "git: bad revision\n`nope`"
                }
              }
            ]
          }
        ]
        --- rdjson
        {
          "diagnostics": [
            {
              "code": {
                "url": "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1012-unresolved-const",
                "value": "T1012"
              },
              "location": {
                "path": "main.thrift",
                "range": {
                  "end": {
                    "column": 34,
                    "line": 2
                  },
                  "start": {
                    "column": 31,
                    "line": 2
                  }
                }
              },
              "message": "`Bad` is not defined",
              "severity": "ERROR"
            },
            {
              "code": {
                "value": "failure"
              },
              "location": {
                "path": "gone, really.thrift"
              },
              "message": "no such file or directory",
              "severity": "ERROR"
            },
            {
              "code": {
                "value": "failure"
              },
              "message": "git: bad revision\n`nope`",
              "severity": "ERROR"
            }
          ],
          "severity": "ERROR",
          "source": {
            "name": "thrift-lint",
            "url": "https://github.com/thrift-tools/thrift-tools"
          }
        }
    "#]].assert_eq(&all);
}
