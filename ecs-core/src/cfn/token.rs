//! CloudFormation values inside strings (CDK tokens): any string property accepts a value only
//! known at deploy time — a parameter, a resource's attribute, a join of several — as the CDK's
//! string-encoded tokens do. [`Token::as_string`] stands a [`Value`] in for a string with a
//! marker (`${Token[TOKEN.<n>]}`); synthesis writes the value where the marker is, and a string
//! with markers among text as `Fn::Join`. Checks of a string's content skip what is not known
//! until deployment ([`Token::is_unresolved`]), as the CDK's `Token.isUnresolved` does.
//!
//! ```
//! use ecs_core::cfn::{Pseudo, Token, Value};
//! let name = format!("{}-web", Token::as_string(Pseudo::StackName));
//! assert!(Token::is_unresolved(&name));
//! assert!(!Token::is_unresolved("web"));
//! // `String::from` of a value is the same marker.
//! let region: String = Value::from(Pseudo::Region).into();
//! assert!(Token::is_unresolved(&region));
//! ```

use std::sync::{Mutex, OnceLock};

use super::Value;

const START: &str = "${Token[TOKEN.";
const END: &str = "]}";

/// The values behind the markers, by number: markers outlive the app that made them, like the
/// CDK's token map, and are the same in every app of the process.
fn registry() -> &'static Mutex<Vec<Value>> {
    static REGISTRY: OnceLock<Mutex<Vec<Value>>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Vec::new()))
}

/// String-encoded CloudFormation values (CDK `Token`).
#[derive(Debug, Clone, Copy)]
pub struct Token;

impl Token {
    /// `value` as a string: the string itself for a literal, else a marker synthesis replaces
    /// with the value (CDK `Token.asString`).
    pub fn as_string(value: impl Into<Value>) -> String {
        match value.into() {
            Value::Str(text) => text.to_string(),
            value => {
                let mut values = registry().lock().unwrap_or_else(|e| e.into_inner());
                values.push(value);
                format!("{START}{}{END}", values.len() - 1)
            }
        }
    }

    /// Whether `text` holds a value only known at deploy time (CDK `Token.isUnresolved`).
    pub fn is_unresolved(text: &str) -> bool {
        text.contains(START)
    }

    /// The value `text` stands for: `None` for plain text, the value of a lone marker, or the
    /// `Fn::Join` of the text and values of a string with markers among text.
    pub fn resolve(text: &str) -> Option<Value> {
        if !Token::is_unresolved(text) {
            return None;
        }
        let values = registry().lock().unwrap_or_else(|e| e.into_inner());
        let mut parts: Vec<Value> = Vec::new();
        let mut resolved = false;
        let mut rest = text;
        while let Some(start) = rest.find(START) {
            let after = &rest[start + START.len()..];
            let found = after.find(END).and_then(|end| {
                let n: usize = after[..end].parse().ok()?;
                Some((values.get(n)?.clone(), end))
            });
            let Some((value, end)) = found else {
                // Not one of ours: keep the text as it is.
                parts.push(Value::from(rest[..start + START.len()].to_string()));
                rest = after;
                continue;
            };
            if start > 0 {
                parts.push(Value::from(rest[..start].to_string()));
            }
            parts.push(value);
            resolved = true;
            rest = &after[end + END.len()..];
        }
        if !resolved {
            return None;
        }
        if !rest.is_empty() {
            parts.push(Value::from(rest.to_string()));
        }
        // A lone marker is its value; adjacent text merges, as the CDK's `Fn.join` of
        // literals does.
        if parts.len() == 1 {
            return parts.pop();
        }
        Some(Value::join("", parts))
    }
}

impl From<Value> for String {
    /// The value as a string (CDK tokens): its text for a literal, else a marker.
    fn from(value: Value) -> String {
        Token::as_string(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cfn::Pseudo;

    #[test]
    fn markers_resolve_to_their_values_and_joins() {
        let region = Token::as_string(Pseudo::Region);
        assert_eq!(Token::resolve(&region), Some(Value::Pseudo(Pseudo::Region)));
        let name = format!("app-{region}-web");
        assert_eq!(
            Token::resolve(&name),
            Some(Value::Join(
                "".into(),
                vec![
                    Value::from("app-"),
                    Value::Pseudo(Pseudo::Region),
                    Value::from("-web")
                ]
            ))
        );
        assert_eq!(Token::resolve("plain"), None);
        assert_eq!(Token::as_string("plain"), "plain");
    }

    #[test]
    fn text_that_only_looks_like_a_marker_stays() {
        assert_eq!(Token::resolve("${Token[TOKEN.999999999]}"), None);
    }
}
