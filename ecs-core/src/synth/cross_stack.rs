//! References between stacks of one app, as the recommended flags make them: the consumer
//! reads `Fn::GetStackOutput` of an output the producer publishes under its `Publish` scope
//! (no exports, so the producer can change without `Export cannot be deleted` deadlocks), and
//! the consumer's stack depends on the producer's in the manifest. A reference that would make
//! two stacks depend on each other is an error naming it.

use serde_json::{Value as Json, json};

use crate::cfn::{Element, Value};
use crate::construct::app::App;
use crate::construct::{NodeId, StackId, make_unique_id};
use crate::error::Error;

/// One element of a producer stack read by other stacks: the node and, for `Fn::GetAtt`, the
/// attribute.
type Export = (NodeId, Option<String>);

/// The references between the app's stacks.
pub(crate) struct CrossStack {
    /// Per producer stack, what it publishes, in the order consumers first read it.
    exports: Vec<Vec<Export>>,
    /// Per consumer stack, the stacks it depends on, in the order found.
    depends_on: Vec<Vec<StackId>>,
}

impl CrossStack {
    /// Walks every stack's elements in template order and collects its foreign references,
    /// refusing the first one that closes a cycle between stacks.
    pub(crate) fn of(app: &App) -> Result<CrossStack, Error> {
        let n = app.stacks.len();
        let mut cross = CrossStack {
            exports: vec![Vec::new(); n],
            depends_on: vec![Vec::new(); n],
        };
        // With one stack every reference is local: nothing to walk.
        if n < 2 {
            return Ok(cross);
        }
        for stack in &app.stacks {
            for node in stack.depth_first() {
                let data = &stack.nodes[node.index];
                let mut refs = Vec::new();
                match stack.element(node.index) {
                    Some(Element::Resource(r)) => {
                        for v in r.properties.values() {
                            collect(v, &mut refs);
                        }
                        if let Some(p) = &r.update_policy {
                            collect(p, &mut refs);
                        }
                    }
                    Some(Element::Output(o)) => collect(&o.value, &mut refs),
                    _ => {}
                }
                for (target, attr) in refs {
                    app.check_node(target)?;
                    if target.stack() == stack.index {
                        continue;
                    }
                    let what = attr.clone().unwrap_or_else(|| "Ref".into());
                    cross.add_dependency(app, node, target, &what)?;
                    let export = (target, attr);
                    let list = &mut cross.exports[target.stack().0];
                    if !list.contains(&export) {
                        list.push(export);
                    }
                }
                for &target in data.depends_on() {
                    app.check_node(target)?;
                    if target.stack() != stack.index {
                        cross.add_dependency(app, node, target, "dependency")?;
                    }
                }
            }
        }
        Ok(cross)
    }

    fn add_dependency(
        &mut self,
        app: &App,
        from: NodeId,
        target: NodeId,
        what: &str,
    ) -> Result<(), Error> {
        let (consumer, producer) = (from.stack(), target.stack());
        if self.depends_on[consumer.0].contains(&producer) {
            return Ok(());
        }
        if self.reaches(producer, consumer) {
            let from_path = app.stack(consumer).path(from);
            let to_path = app.stack(producer).path(target);
            return Err(Error::new(format!(
                "`{from_path}` refers to `{to_path}` ({what}), but stack `{}` already depends on stack `{}`: this reference closes a cycle between stacks; declare both constructs in one stack, or make references go one way",
                app.stack(producer).name(),
                app.stack(consumer).name(),
            )));
        }
        self.depends_on[consumer.0].push(producer);
        Ok(())
    }

    /// Whether `from` depends on `to`, directly or through other stacks.
    fn reaches(&self, from: StackId, to: StackId) -> bool {
        let mut todo = vec![from];
        let mut seen = vec![false; self.depends_on.len()];
        while let Some(s) = todo.pop() {
            if s == to {
                return true;
            }
            if !std::mem::replace(&mut seen[s.0], true) {
                todo.extend(self.depends_on[s.0].iter().copied());
            }
        }
        false
    }

    /// The stacks `stack` depends on.
    pub(crate) fn dependencies(&self, stack: StackId) -> impl Iterator<Item = StackId> + '_ {
        self.depends_on[stack.0].iter().copied()
    }

    /// The outputs `stack` publishes for other stacks: logical ID and value.
    pub(crate) fn outputs(&self, app: &App, stack: StackId) -> Vec<(String, Json)> {
        self.exports[stack.0]
            .iter()
            .map(|(node, attr)| {
                let value = local(app, *node, attr.as_deref());
                (output_name(&value), value)
            })
            .collect()
    }
}

/// `{"Ref": id}` or `{"Fn::GetAtt": [id, attr]}` in the producer's own template.
fn local(app: &App, node: NodeId, attr: Option<&str>) -> Json {
    let id = app.stack(node.stack()).logical_id(node);
    match attr {
        None => json!({ "Ref": id }),
        Some(a) => json!({ "Fn::GetAtt": [id, a] }),
    }
}

/// The output's logical ID: the CDK names it `Output` + the JSON of the reference, under
/// `Publish`, e.g. `PublishOutputRefClusterEB0386A7D87642F6`.
fn output_name(value: &Json) -> String {
    let id = format!(
        "Output{}",
        serde_json::to_string(value).expect("JSON of a reference")
    );
    make_unique_id(&["Publish", &id])
}

/// How a consumer reads a producer's element.
pub(crate) fn get_stack_output(app: &App, node: NodeId, attr: Option<&str>) -> Json {
    let value = local(app, node, attr);
    json!({
        "Fn::GetStackOutput": {
            "StackName": app.stack(node.stack()).name(),
            "Region": {"Ref": "AWS::Region"},
            "OutputName": output_name(&value),
        }
    })
}

/// The `Ref` and `Fn::GetAtt` targets inside `value`, in key order.
fn collect(value: &Value, out: &mut Vec<Export>) {
    match value {
        Value::Ref(n) => out.push((*n, None)),
        Value::GetAtt(n, a) => out.push((*n, Some(a.to_string()))),
        Value::List(items) | Value::Join(_, items) => items.iter().for_each(|v| collect(v, out)),
        Value::Map(m) => m.values().for_each(|v| collect(v, out)),
        Value::Select(_, v) | Value::Split(_, v) | Value::Base64(v) => collect(v, out),
        Value::Policy(doc) => doc.for_each_value(|v| collect(v, out)),
        Value::Str(text) => {
            if let Some(value) = crate::cfn::Token::resolve(text) {
                collect(&value, out);
            }
        }
        _ => {}
    }
}
