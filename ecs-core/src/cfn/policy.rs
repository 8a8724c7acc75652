//! IAM policy documents as values: statements, and their minimized form as the recommended
//! feature flag `@aws-cdk/aws-iam:minimizePolicies` renders them (statements merged, actions
//! sorted). Roles and grants are in [`iam`](crate::iam).
//!
//! ```
//! use ecs_core::cfn::policy::{PolicyDocument, Statement};
//! let mut doc = PolicyDocument::default();
//! doc.add(Statement::allow(["ecs:Poll"]).on_any());
//! assert_eq!(doc.minimized().len(), 1);
//! ```

use super::{Text, Value};

/// One policy statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// `Allow` or `Deny`.
    pub effect: &'static str,
    /// `Action`.
    pub actions: Vec<Text>,
    /// `Resource`; empty for statements of trust policies.
    pub resources: Vec<Value>,
    /// `Condition`.
    pub condition: Option<Value>,
    /// `Principal`.
    pub principal: Option<Value>,
    /// `Sid`: the statement's name, which keeps it apart when statements are merged.
    pub sid: Option<Text>,
}

impl Statement {
    /// An `Allow` statement with these actions and no resource yet.
    pub fn allow<S: Into<Text>>(actions: impl IntoIterator<Item = S>) -> Statement {
        Statement {
            effect: "Allow",
            actions: actions.into_iter().map(Into::into).collect(),
            resources: Vec::new(),
            condition: None,
            principal: None,
            sid: None,
        }
    }

    /// The trust statement letting an AWS service assume a role.
    pub fn assume_role_by_service(service: &str) -> Statement {
        let mut s = Statement::allow(["sts:AssumeRole"]);
        s.principal = Some(Value::map([("Service", Value::from(service.to_string()))]));
        s
    }

    /// Applies to these resources.
    pub fn on(mut self, resources: impl IntoIterator<Item = Value>) -> Statement {
        self.resources.extend(resources);
        self
    }

    /// Applies to every resource (`"*"`).
    pub fn on_any(self) -> Statement {
        self.on([Value::from("*")])
    }

    /// Names the statement (`Sid`).
    pub fn with_sid(mut self, sid: impl Into<Text>) -> Statement {
        self.sid = Some(sid.into());
        self
    }

    /// Adds a condition, e.g. `ArnEquals` on `ecs:cluster`.
    pub fn when(mut self, operator: &str, key: &str, value: Value) -> Statement {
        self.condition = Some(Value::map([(
            operator.to_string(),
            Value::map([(key.to_string(), value)]),
        )]));
        self
    }
}

/// A policy document: its statements in the order they were granted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicyDocument {
    statements: Vec<Statement>,
}

impl PolicyDocument {
    /// Adds a statement; an identical one already present is not repeated.
    pub fn add(&mut self, statement: Statement) {
        if !self.statements.contains(&statement) {
            // Documents hold a statement or two: no room kept for four.
            self.statements.reserve_exact(1);
            self.statements.push(statement);
        }
    }

    /// Whether the document has no statement.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// The statements merged as `minimizePolicies` merges them: two statements with the same
    /// effect, condition and principal combine when their actions or their resources are equal
    /// (the merged one takes the place of the first).
    pub fn minimized(&self) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::new();
        for s in &self.statements {
            out.push(s.clone());
            // Merging one pair can make another pair mergeable, so repeat until stable.
            while let Some((i, j)) = find_mergeable(&out) {
                let b = out.remove(j);
                let a = &mut out[i];
                for act in b.actions {
                    if !a.actions.contains(&act) {
                        a.actions.push(act);
                    }
                }
                for r in b.resources {
                    if !a.resources.contains(&r) {
                        a.resources.push(r);
                    }
                }
            }
        }
        out
    }

    /// Calls `f` with each value of the minimized statements in the order the template lays
    /// them out (each statement's condition, principal, then resources): what references to
    /// other elements a document makes. The layout itself is the template writer's.
    pub(crate) fn for_each_value(&self, mut f: impl FnMut(&Value)) {
        for s in self.minimized() {
            if let Some(c) = &s.condition {
                f(c);
            }
            if let Some(p) = &s.principal {
                f(p);
            }
            s.resources.iter().for_each(&mut f);
        }
    }
}

fn find_mergeable(statements: &[Statement]) -> Option<(usize, usize)> {
    for j in 1..statements.len() {
        for i in 0..j {
            let (a, b) = (&statements[i], &statements[j]);
            if a.effect != b.effect
                || a.condition != b.condition
                || a.principal != b.principal
                || a.sid != b.sid
            {
                continue;
            }
            let same =
                |x: &[Text], y: &[Text]| x.len() == y.len() && x.iter().all(|v| y.contains(v));
            let same_resources = a.resources.len() == b.resources.len()
                && a.resources.iter().all(|v| b.resources.contains(v));
            if same_resources || same(&a.actions, &b.actions) {
                return Some((i, j));
            }
        }
    }
    None
}
