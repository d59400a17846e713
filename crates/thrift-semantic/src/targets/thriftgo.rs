//! thriftgo (cloudwego, used by kitex): stricter than the Apache compiler
//! about enum values and oneway functions (its `semantic/checker.go`).
//! Its renames of colliding names are in `go.rs`.

use crate::fx::HashMap;

use thrift_syntax::{AstNode, ast};

use super::TargetCx;
use crate::{Code, Diagnostic};

pub(super) fn check(t: &mut TargetCx<'_, '_>) {
    for def in t.tree.definitions() {
        match &def {
            ast::Definition::Enum(e) => {
                let enum_name = e.name_text();
                let mut seen: HashMap<i64, (String, thrift_syntax::TextRange)> = HashMap::default();
                let mut next = 0i64;
                for value in e.values() {
                    let Some(name) = ast::HasName::name(&value) else {
                        continue;
                    };
                    let number = value.value_int().unwrap_or(next);
                    next = number.saturating_add(1);
                    let text = name.text();
                    let range = name.syntax().text_range();
                    if let Some((first, first_range)) = seen.get(&number) {
                        let d = Diagnostic::new(
                            Code::ThriftgoDuplicateEnumValue,
                            t.file(),
                            range,
                            format!("thriftgo refuses the enum: `{first}` and `{text}` have the same value {number} (`enum {enum_name}: duplicate value {number} between '{first}' and '{text}'`)"),
                        )
                        .with_related(t.file(), *first_range, "the first value with that number");
                        t.push(d);
                    } else {
                        seen.insert(number, (text, range));
                    }
                }
            }
            ast::Definition::Service(s) => {
                let service = s.name_text();
                for f in s.functions() {
                    if f.oneway_token().is_none() {
                        continue;
                    }
                    if let Some(ret) = f.return_type()
                        && !matches!(ret, ast::Type::VoidType(_))
                    {
                        let name = ast::HasName::name(&f).map(|n| n.text()).unwrap_or_default();
                        t.report(
                            Code::ThriftgoOnewayNotVoid,
                            ret.syntax().text_range(),
                            format!("thriftgo refuses a oneway function that returns a value (`{service}.{name}: oneway function must be void type`); Apache only warns"),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

trait NameText {
    fn name_text(&self) -> String;
}

impl<T: ast::HasName> NameText for T {
    fn name_text(&self) -> String {
        self.name().map(|n| n.text()).unwrap_or_default()
    }
}
