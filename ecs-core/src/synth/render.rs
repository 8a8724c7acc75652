//! Template rendering straight from the construct tree: `Serialize` views over the stack's own
//! elements and `Value`s, resolving `Ref`/`Fn::GetAtt` to logical IDs while they are written.
//! Synthesis serializes them into the template file with no intermediate JSON tree (building,
//! writing and freeing that tree was most of synthesis and what made memory grow with the app);
//! `App::templates()` turns the same views into JSON values, so both agree by construction.
//!
//! The layout is the CDK's: properties in key order with the tags appended (or replacing a
//! property of the same name in place), then `DependsOn`, `UpdatePolicy`,
//! `UpdateReplacePolicy`, `DeletionPolicy`; sections `Resources`, `Outputs`, `Parameters`,
//! `Rules`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use serde::ser::{Error as _, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value as Json, json};

use super::cross_stack::{self, CrossStack};
use crate::cfn::{Element, Resource, Tagging, Value};
use crate::construct::app::App;
use crate::construct::{NodeId, Stack};
use crate::error::Error;
use crate::iam::Statement;

/// One stack's template, ready to be serialized.
pub(super) struct StackRenderer<'a> {
    app: &'a App,
    stack: &'a Stack,
    /// The nodes holding an element, in template order.
    order: Vec<NodeId>,
    /// The logical ID of every node holding an element, by node index.
    ids: LogicalIds,
    /// Outputs other stacks read: logical ID and value.
    published: Vec<(String, Json)>,
    /// Whether each resource gets `Metadata: {"aws:cdk:path": …}` (context
    /// `aws:cdk:enable-path-metadata`).
    path_metadata: bool,
    /// The first error met while serializing (serde errors carry only text).
    error: RefCell<Option<Error>>,
}

impl<'a> StackRenderer<'a> {
    /// Allocates the stack's logical IDs, refusing two elements with the same one.
    pub(super) fn new(
        app: &'a App,
        stack: &'a Stack,
        cross: &CrossStack,
    ) -> Result<StackRenderer<'a>, Error> {
        let mut order = stack.depth_first();
        order.retain(|n| stack.element(n.index).is_some());
        let mut ids = LogicalIds {
            text: String::with_capacity(order.len() * 24),
            spans: vec![(0, u32::MAX); stack.nodes.len()],
        };
        for &n in &order {
            let start = ids.text.len();
            stack.push_logical_id(n, &mut ids.text);
            ids.spans[n.index] = (start as u32, (ids.text.len() - start) as u32);
        }
        // Paths are only built for the error: building one per node was a tenth of rendering.
        let mut seen: HashMap<&str, NodeId> = HashMap::with_capacity(order.len());
        for &n in &order {
            let Some(id) = ids.get(n.index) else { continue };
            if let Some(other) = seen.insert(id, n) {
                return Err(Error::new(format!(
                    "`{}` and `{}` have the same logical ID `{id}`: rename one of them",
                    stack.path(n),
                    stack.path(other)
                )));
            }
        }
        drop(seen);
        Ok(StackRenderer {
            app,
            stack,
            order,
            ids,
            published: cross.outputs(app, stack.index),
            path_metadata: app.context_flag(crate::construct::context::PATH_METADATA),
            error: RefCell::new(None),
        })
    }

    /// The template, pretty-printed with one-space indentation and no final newline, into
    /// `out`.
    pub(super) fn write<W: std::io::Write>(&self, out: W) -> Result<(), WriteError> {
        let mut ser = serde_json::Serializer::with_formatter(out, OneSpace::default());
        match Template(self).serialize(&mut ser) {
            Ok(()) => Ok(()),
            Err(e) => Err(match self.error.borrow_mut().take() {
                Some(err) => WriteError::Render(err),
                None => WriteError::Io(e.into()),
            }),
        }
    }

    /// The template as a JSON value.
    pub(super) fn to_json(&self) -> Result<Json, Error> {
        serde_json::to_value(Template(self)).map_err(|e| {
            self.error
                .borrow_mut()
                .take()
                .unwrap_or_else(|| Error::new(e.to_string()))
        })
    }

    /// The logical ID of the element the node at `index` holds.
    pub(super) fn logical_id(&self, index: usize) -> Option<&str> {
        self.ids.get(index)
    }

    /// The outputs other stacks read: logical ID and value.
    pub(super) fn published(&self) -> &[(String, Json)] {
        &self.published
    }

    fn fail<E: serde::ser::Error>(&self, err: Error) -> E {
        let text = err.to_string();
        self.error.borrow_mut().get_or_insert(err);
        E::custom(text)
    }

    fn id<E: serde::ser::Error>(&self, node: NodeId) -> Result<&str, E> {
        if node.stack() != self.stack.index {
            return Err(self.fail(Error::new(format!(
                "`{}` refers to a construct in another stack; references across stacks are not supported yet",
                self.stack.name
            ))));
        }
        match self.ids.get(node.index) {
            Some(id) => Ok(id),
            None => Err(self.fail(Error::new(
                "a reference names a construct that has no element: this is a bug",
            ))),
        }
    }

    fn value(&'a self, value: &'a Value, owner: NodeId) -> V<'a> {
        V {
            r: self,
            value,
            owner,
        }
    }
}

/// serde_json's `PrettyFormatter::with_indent(b" ")`, byte for byte, writing each line break
/// and its indentation in one call instead of one call per level.
#[derive(Default)]
struct OneSpace {
    depth: usize,
    has_value: bool,
}

/// `,` then a line break and 128 spaces of indentation (deeper levels are written space by
/// space).
const BREAK: [u8; 130] = {
    let mut bytes = [b' '; 130];
    bytes[0] = b',';
    bytes[1] = b'\n';
    bytes
};

impl OneSpace {
    /// A line break (after a comma unless `first`) and the current indentation.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        let start = usize::from(first);
        match BREAK.get(start..2 + self.depth) {
            Some(bytes) => w.write_all(bytes),
            None => {
                w.write_all(&BREAK[start..2])?;
                (0..self.depth).try_for_each(|_| w.write_all(b" "))
            }
        }
    }

    /// Opens an array or object one level deeper.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Closes an array or object, on a line of its own when it has values.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for OneSpace {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Every element's logical ID, one after another in one string: one allocation per stack
/// instead of one per element.
struct LogicalIds {
    text: String,
    /// `(start, length)` in `text` by node index; a length of `u32::MAX` for nodes without an
    /// element.
    spans: Vec<(u32, u32)>,
}

impl LogicalIds {
    fn get(&self, index: usize) -> Option<&str> {
        let (start, len) = self.spans[index];
        (len != u32::MAX).then(|| &self.text[start as usize..(start + len) as usize])
    }
}

/// Why writing a template failed.
pub(super) enum WriteError {
    /// Rendering refused the app.
    Render(Error),
    /// The output could not be written.
    Io(std::io::Error),
}

/// Serializes `{key: value}`.
fn single<S: Serializer, T: Serialize + ?Sized>(
    s: S,
    key: &str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(1))?;
    m.serialize_entry(key, value)?;
    m.end()
}

/// A two-element array of different types, as intrinsic functions take them.
struct Pair<'x, A: ?Sized, B: ?Sized>(&'x A, &'x B);

impl<A: Serialize + ?Sized, B: Serialize + ?Sized> Serialize for Pair<'_, A, B> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(2))?;
        seq.serialize_element(self.0)?;
        seq.serialize_element(self.1)?;
        seq.end()
    }
}

/// A value of the construct tree, written as CloudFormation JSON of its stack.
struct V<'a> {
    r: &'a StackRenderer<'a>,
    value: &'a Value,
    /// The node holding the value (`PolicyName` is derived from its logical ID).
    owner: NodeId,
}

impl<'a> V<'a> {
    fn sub(&self, value: &'a Value) -> V<'a> {
        V {
            r: self.r,
            value,
            owner: self.owner,
        }
    }
}

/// The parts of a join once the stack's environment is known, adjacent strings merged as the
/// CDK merges them (`Fn.join` of literals is a literal); `None` when nothing resolves.
fn resolve_join(stack: &Stack, delimiter: &str, parts: &[Value]) -> Option<Vec<Value>> {
    stack.props.env.as_ref()?;
    if !parts
        .iter()
        .any(|p| matches!(p, Value::Pseudo(q) if stack.resolved(*q).is_some()))
    {
        return None;
    }
    let mut out: Vec<Value> = Vec::with_capacity(parts.len());
    for part in parts {
        let literal = match part {
            Value::Pseudo(q) => stack.resolved(*q),
            Value::Str(text) => Some(&**text),
            _ => None,
        };
        match (literal, out.last_mut()) {
            (Some(text), Some(Value::Str(prev))) => {
                let mut joined = String::with_capacity(prev.len() + delimiter.len() + text.len());
                joined.push_str(prev);
                joined.push_str(delimiter);
                joined.push_str(text);
                *prev = joined.into();
            }
            (Some(text), _) => out.push(Value::from(text.to_string())),
            (None, _) => out.push(part.clone()),
        }
    }
    Some(out)
}

/// A synthesizer-made `Fn::Sub` (asset buckets, image URIs) with the stack's account and region
/// filled in where its environment names them; `None` when it names neither.
fn resolve_sub(stack: &Stack, template: &str) -> Option<String> {
    stack.props.env.as_ref()?;
    Some(stack.fill_placeholders(template))
}

/// A list of values.
struct List<'a>(&'a V<'a>, &'a [Value]);

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for v in self.1 {
            seq.serialize_element(&self.0.sub(v))?;
        }
        seq.end()
    }
}

impl Serialize for V<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let here = r.stack.index;
        match self.value {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(n) => s.serialize_i64(*n),
            Value::Float(n) => s.serialize_f64(*n),
            Value::Str(v) => match crate::cfn::Token::resolve(v) {
                None => s.serialize_str(v),
                Some(value) => V {
                    r,
                    value: &value,
                    owner: self.owner,
                }
                .serialize(s),
            },
            Value::List(items) => List(self, items).serialize(s),
            Value::Map(m) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    map.serialize_entry(k, &self.sub(v))?;
                }
                map.end()
            }
            // A construct of another app: an error, not a lookup in this app's stacks.
            Value::Ref(n) | Value::GetAtt(n, _) if n.stack().1 != here.1 => {
                Err(r.fail(crate::App::foreign()))
            }
            Value::Ref(n) if n.stack() != here => {
                cross_stack::get_stack_output(r.app, *n, None).serialize(s)
            }
            Value::GetAtt(n, attr) if n.stack() != here => {
                cross_stack::get_stack_output(r.app, *n, Some(attr)).serialize(s)
            }
            Value::Ref(n) => single(s, "Ref", r.id::<S::Error>(*n)?),
            Value::GetAtt(n, attr) => {
                single(s, "Fn::GetAtt", &Pair(r.id::<S::Error>(*n)?, &**attr))
            }
            Value::Pseudo(p) => match r.stack.resolved(*p) {
                Some(literal) => s.serialize_str(literal),
                None => single(s, "Ref", p.name()),
            },
            Value::Aws(p) => single(s, "Ref", p.name()),
            Value::Join(d, parts) => match resolve_join(r.stack, d, parts) {
                None => single(s, "Fn::Join", &Pair(&**d, &List(self, parts))),
                Some(resolved) => match resolved.as_slice() {
                    [] => s.serialize_str(""),
                    [Value::Str(text)] => s.serialize_str(text),
                    parts => {
                        let here = V {
                            r,
                            value: self.value,
                            owner: self.owner,
                        };
                        single(s, "Fn::Join", &Pair(&**d, &List(&here, parts)))
                    }
                },
            },
            Value::Select(i, v) => single(s, "Fn::Select", &Pair(i, &self.sub(v))),
            Value::Split(d, v) => single(s, "Fn::Split", &Pair(&**d, &self.sub(v))),
            Value::GetAzs(region) => single(s, "Fn::GetAZs", region.as_str()),
            Value::Base64(v) => single(s, "Fn::Base64", &self.sub(v)),
            Value::Sub(t) => match resolve_sub(r.stack, t) {
                Some(text) if !text.contains("${") => s.serialize_str(&text),
                Some(text) => single(s, "Fn::Sub", text.as_str()),
                None => single(s, "Fn::Sub", t.as_str()),
            },
            Value::Policy(doc) => {
                let statements = doc.minimized();
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("Statement", &Statements(self, &statements))?;
                m.serialize_entry("Version", "2012-10-17")?;
                m.end()
            }
            Value::PolicyName => {
                let id = r.id::<S::Error>(self.owner)?;
                let start = id.len().saturating_sub(128);
                s.serialize_str(&id[start..])
            }
        }
    }
}

/// The minimized statements of a policy document: keys in order, a one-item `Action` or
/// `Resource` list as a scalar, and longer lists sorted by their JSON text and deduplicated, as
/// the CDK's policy post-processor does once statements are minimized (so the order of grants
/// does not show in the template).
struct Statements<'a>(&'a V<'a>, &'a [Statement]);

impl Serialize for Statements<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for statement in self.1 {
            seq.serialize_element(&StatementView(self.0, statement))?;
        }
        seq.end()
    }
}

struct StatementView<'a>(&'a V<'a>, &'a Statement);

impl Serialize for StatementView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (v, st) = (self.0, self.1);
        let mut m = s.serialize_map(None)?;
        // Keys in order, as a map of the document would write them.
        let mut actions: Vec<&str> = st.actions.iter().map(|a| &**a).collect();
        actions.sort_unstable();
        actions.dedup();
        match actions.as_slice() {
            [one] => m.serialize_entry("Action", one)?,
            // Strings of bytes above `"` that JSON writes unescaped sort as their JSON text.
            all if all.iter().all(|a| a.bytes().all(sorts_as_json)) => {
                m.serialize_entry("Action", all)?
            }
            _ => {
                let sorted = SortedByText::new(actions).map_err(S::Error::custom)?;
                m.serialize_entry("Action", &sorted)?;
            }
        }
        if let Some(c) = &st.condition {
            m.serialize_entry("Condition", &v.sub(c))?;
        }
        m.serialize_entry("Effect", st.effect)?;
        if let Some(p) = &st.principal {
            m.serialize_entry("Principal", &v.sub(p))?;
        }
        match st.resources.as_slice() {
            [] => {}
            [one] => m.serialize_entry("Resource", &v.sub(one))?,
            many => {
                let sorted =
                    SortedByText::new(many.iter().map(|r| v.sub(r))).map_err(S::Error::custom)?;
                m.serialize_entry("Resource", &sorted)?;
            }
        }
        if let Some(sid) = &st.sid {
            m.serialize_entry("Sid", &**sid)?;
        }
        m.end()
    }
}

/// Whether `byte` orders a string as it orders the string's JSON text: above the closing `"`
/// (so a prefix still sorts first) and not escaped.
fn sorts_as_json(byte: u8) -> bool {
    byte > b'"' && byte != b'\\'
}

/// Items with their JSON text, written in the order of their texts and without repeats.
struct SortedByText<T>(Vec<(String, T)>);

impl<T: Serialize> SortedByText<T> {
    fn new(items: impl IntoIterator<Item = T>) -> Result<Self, serde_json::Error> {
        let mut keyed = items
            .into_iter()
            .map(|item| Ok((serde_json::to_string(&item)?, item)))
            .collect::<Result<Vec<_>, serde_json::Error>>()?;
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|a, b| a.0 == b.0);
        Ok(SortedByText(keyed))
    }
}

impl<T: Serialize> Serialize for SortedByText<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (_, item) in &self.0 {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

struct Template<'a>(&'a StackRenderer<'a>);

impl Serialize for Template<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let has_outputs = !r.published.is_empty()
            || r.order
                .iter()
                .any(|n| matches!(r.stack.element(n.index), Some(Element::Output(_))));
        let description = r.stack.props.description.as_deref();
        let mut m = s.serialize_map(Some(
            3 + usize::from(has_outputs) + usize::from(description.is_some()),
        ))?;
        if let Some(d) = description {
            m.serialize_entry("Description", d)?;
        }
        m.serialize_entry("Resources", &Resources(r))?;
        if has_outputs {
            m.serialize_entry("Outputs", &Outputs(r))?;
        }
        m.serialize_entry("Parameters", &Parameters(r))?;
        m.serialize_entry(
            "Rules",
            &json!({
                "CheckBootstrapVersion": {
                    "Assertions": [{
                        "Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"], {"Ref": "BootstrapVersion"}]}]},
                        "AssertDescription": "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI."
                    }]
                }
            }),
        )?;
        m.end()
    }
}

struct Resources<'a>(&'a StackRenderer<'a>);

impl Serialize for Resources<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        for &n in &r.order {
            if let Some(Element::Resource(res)) = r.stack.element(n.index) {
                let body = ResourceBody {
                    r,
                    node: n,
                    res,
                    tags: r.stack.tags_for(n),
                };
                if res.overrides.is_empty() {
                    m.serialize_entry(r.id::<S::Error>(n)?, &body)?;
                } else {
                    // Escape hatches edit the rendered resource, as the CDK's do.
                    let mut json = serde_json::to_value(&body).map_err(S::Error::custom)?;
                    for (path, value) in &res.overrides {
                        let value = value
                            .as_ref()
                            .map(|v| serde_json::to_value(r.value(v, n)))
                            .transpose()
                            .map_err(S::Error::custom)?;
                        apply_override(&mut json, path, value);
                    }
                    m.serialize_entry(r.id::<S::Error>(n)?, &json)?;
                }
            }
        }
        m.end()
    }
}

/// Merges `value` at the `.`-separated `path` of `json` (objects merged key by key), or
/// deletes what is there when `None`, dropping objects left empty: the CDK's `deepMerge` of
/// `addOverride`.
fn apply_override(json: &mut Json, path: &str, value: Option<Json>) {
    fn merge(target: &mut serde_json::Map<String, Json>, key: &str, value: Option<Json>) {
        match value {
            Some(Json::Object(fields)) => {
                let entry = target
                    .entry(key.to_string())
                    .or_insert_with(|| Json::Object(Default::default()));
                if !entry.is_object() {
                    *entry = Json::Object(Default::default());
                }
                if let Json::Object(inner) = entry {
                    for (k, v) in fields {
                        merge(inner, &k, Some(v));
                    }
                    if inner.is_empty() {
                        target.remove(key);
                    }
                }
            }
            Some(v) => {
                target.insert(key.to_string(), v);
            }
            None => {
                target.remove(key);
            }
        }
    }
    let parts: Vec<&str> = path.split('.').collect();
    let Some((last, outer)) = parts.split_last() else {
        return;
    };
    if let Some(value) = value {
        // Walk down, creating objects, and merge the value at the end.
        let Json::Object(top) = json else {
            return;
        };
        let mut node: &mut serde_json::Map<String, Json> = top;
        for key in outer {
            let entry = node
                .entry(key.to_string())
                .or_insert_with(|| Json::Object(Default::default()));
            if !entry.is_object() {
                *entry = Json::Object(Default::default());
            }
            let Json::Object(inner) = entry else {
                return;
            };
            node = inner;
        }
        merge(node, last, Some(value));
    } else {
        // Delete, then drop the objects the deletion left empty, innermost first.
        fn delete(node: &mut serde_json::Map<String, Json>, parts: &[&str]) {
            match parts {
                [] => {}
                [last] => {
                    node.remove(*last);
                }
                [first, rest @ ..] => {
                    if let Some(Json::Object(inner)) = node.get_mut(*first) {
                        delete(inner, rest);
                        if inner.is_empty() {
                            node.remove(*first);
                        }
                    }
                }
            }
        }
        if let Json::Object(m) = json {
            delete(m, &parts);
        }
    }
}

struct ResourceBody<'a> {
    r: &'a StackRenderer<'a>,
    node: NodeId,
    res: &'a Resource,
    /// The tags that reach it (empty: none are written).
    tags: Vec<(String, String)>,
}

impl ResourceBody<'_> {
    /// The property the tags go into, if any.
    fn tag_key(&self) -> Option<&'static str> {
        if self.tags.is_empty() {
            return None;
        }
        match self.res.tagging {
            Tagging::None => None,
            Tagging::Standard | Tagging::AutoScaling | Tagging::Map => Some("Tags"),
            Tagging::Named(key) => Some(key),
            Tagging::LaunchTemplate => Some("TagSpecifications"),
        }
    }

    /// `DependsOn`: the resources it depends on, sorted by path, without those a `Ref` or
    /// `Fn::GetAtt` of its properties already implies (the CDK writes them, cfn-lint flags
    /// them (W3005), and CloudFormation ignores them).
    fn depends_on(&self) -> Result<Vec<&str>, Error> {
        let r = self.r;
        let deps = super::dependencies(r.stack, self.node);
        if deps.is_empty() {
            return Ok(Vec::new());
        }
        // As rendered: a property the tags replace does not count.
        let tag_key = self.tag_key();
        let mut implied = Vec::new();
        for (k, v) in &self.res.properties {
            if Some(k) != tag_key {
                self.referenced(v, &mut implied);
            }
        }
        let mut out = Vec::new();
        for d in deps {
            let id = r.ids.get(d.index).ok_or_else(|| {
                Error::new("a reference names a construct that has no element: this is a bug")
            })?;
            if !implied.iter().any(|i| i == id) {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// The logical IDs `value` names through `Ref` and `Fn::GetAtt` once rendered.
    fn referenced<'v>(&'v self, value: &'v Value, out: &mut Vec<Cow<'v, str>>) {
        let here = self.r.stack.index;
        match value {
            Value::Ref(n) | Value::GetAtt(n, _) if n.stack() == here => {
                if let Some(id) = self.r.ids.get(n.index) {
                    out.push(Cow::Borrowed(id));
                }
            }
            Value::List(items) | Value::Join(_, items) => {
                items.iter().for_each(|v| self.referenced(v, out))
            }
            Value::Map(m) => {
                // Literal intrinsics written as maps count too.
                if let Some(Value::Str(id)) = m.get("Ref") {
                    out.push(Cow::Borrowed(id));
                }
                if let Some(Value::List(items)) = m.get("Fn::GetAtt")
                    && let Some(Value::Str(id)) = items.first()
                {
                    out.push(Cow::Borrowed(id));
                }
                m.values().for_each(|v| self.referenced(v, out));
            }
            Value::Select(_, v) | Value::Split(_, v) | Value::Base64(v) => self.referenced(v, out),
            Value::Policy(doc) => doc.for_each_value(|v| {
                // The minimized statements are temporary: their IDs are copied.
                let mut ids = Vec::new();
                self.referenced(v, &mut ids);
                out.extend(ids.into_iter().map(|id| Cow::Owned(id.into_owned())));
            }),
            _ => {}
        }
    }
}

impl Serialize for ResourceBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let res = self.res;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("Type", &*res.kind)?;
        if !res.properties.is_empty() || self.tag_key().is_some() {
            m.serialize_entry("Properties", &Properties(self))?;
        }
        let depends_on = self.depends_on().map_err(|e| r.fail::<S::Error>(e))?;
        if !depends_on.is_empty() {
            m.serialize_entry("DependsOn", &depends_on)?;
        }
        if let Some(p) = &res.update_policy {
            m.serialize_entry("UpdatePolicy", &r.value(p, self.node))?;
        }
        if let Some(p) = res.removal_policy {
            m.serialize_entry("UpdateReplacePolicy", p)?;
            m.serialize_entry("DeletionPolicy", p)?;
        }
        // Where the CDK's `CfnResource` renders it: after the policies, before `Condition`.
        if r.path_metadata {
            m.serialize_entry("Metadata", &PathMetadata(&r.stack.path(self.node)))?;
        }
        m.end()
    }
}

/// `{"aws:cdk:path": path}`.
struct PathMetadata<'a>(&'a str);

impl Serialize for PathMetadata<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        single(s, "aws:cdk:path", self.0)
    }
}

/// The properties in key order, with the tags in their property (in place when the
/// resource sets it too, else last).
struct Properties<'a>(&'a ResourceBody<'a>);

impl Serialize for Properties<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = self.0;
        let (r, node) = (body.r, body.node);
        let tag_key = body.tag_key();
        let launch_template = tag_key.is_some() && body.res.tagging == Tagging::LaunchTemplate;
        let mut m = s.serialize_map(None)?;
        for (k, v) in &body.res.properties {
            if Some(k) == tag_key {
                m.serialize_entry(k, &TagValue(body))?;
            } else if launch_template && k == "LaunchTemplateData" {
                match v {
                    Value::Map(data) => m.serialize_entry(k, &LaunchTemplateData(body, data))?,
                    _ => m.serialize_entry(k, &r.value(v, node))?,
                }
            } else {
                m.serialize_entry(k, &r.value(v, node))?;
            }
        }
        if let Some(key) = tag_key
            && !body.res.properties.contains_key(key)
        {
            m.serialize_entry(key, &TagValue(body))?;
        }
        m.end()
    }
}

/// `LaunchTemplateData` with the instance and volume tag specifications.
struct LaunchTemplateData<'a>(&'a ResourceBody<'a>, &'a crate::cfn::Map);

impl Serialize for LaunchTemplateData<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = self.0;
        let specs = [("instance", &body.tags), ("volume", &body.tags)];
        let specs = TagSpecifications(&specs);
        let mut m = s.serialize_map(None)?;
        for (k, v) in self.1 {
            if k == "TagSpecifications" {
                m.serialize_entry(k, &specs)?;
            } else {
                m.serialize_entry(k, &body.r.value(v, body.node))?;
            }
        }
        if !self.1.contains_key("TagSpecifications") {
            m.serialize_entry("TagSpecifications", &specs)?;
        }
        m.end()
    }
}

/// The value of the tag property.
struct TagValue<'a>(&'a ResourceBody<'a>);

impl Serialize for TagValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = self.0;
        match body.res.tagging {
            Tagging::LaunchTemplate => {
                TagSpecifications(&[("launch-template", &body.tags)]).serialize(s)
            }
            Tagging::AutoScaling => Tags(&body.tags, true).serialize(s),
            Tagging::Map => {
                let mut m = s.serialize_map(Some(body.tags.len()))?;
                for (k, v) in &body.tags {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
            _ => Tags(&body.tags, false).serialize(s),
        }
    }
}

/// `[{ResourceType, Tags}]`.
struct TagSpecifications<'a>(&'a [(&'a str, &'a Vec<(String, String)>)]);

impl Serialize for TagSpecifications<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (kind, tags) in self.0 {
            seq.serialize_element(&TagSpecification(kind, tags))?;
        }
        seq.end()
    }
}

struct TagSpecification<'a>(&'a str, &'a [(String, String)]);

impl Serialize for TagSpecification<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("ResourceType", self.0)?;
        m.serialize_entry("Tags", &Tags(self.1, false))?;
        m.end()
    }
}

/// `[{Key, Value}]`, or `[{Key, PropagateAtLaunch: true, Value}]` for auto-scaling groups.
struct Tags<'a>(&'a [(String, String)], bool);

impl Serialize for Tags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (k, v) in self.0 {
            seq.serialize_element(&Tag(k, v, self.1))?;
        }
        seq.end()
    }
}

struct Tag<'a>(&'a str, &'a str, bool);

impl Serialize for Tag<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2 + usize::from(self.2)))?;
        m.serialize_entry("Key", self.0)?;
        if self.2 {
            m.serialize_entry("PropagateAtLaunch", &true)?;
        }
        m.serialize_entry("Value", self.1)?;
        m.end()
    }
}

struct Outputs<'a>(&'a StackRenderer<'a>);

impl Serialize for Outputs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        let mut written = Vec::new();
        for &n in &r.order {
            if let Some(Element::Output(o)) = r.stack.element(n.index) {
                let id = r.id::<S::Error>(n)?;
                // A published output of the same name replaces it in place.
                if let Some(p) = r.published.iter().position(|(name, _)| name == id) {
                    m.serialize_entry(id, &json!({ "Value": r.published[p].1 }))?;
                    written.push(p);
                    continue;
                }
                m.serialize_entry(id, &OutputBody(r, n, o))?;
            }
        }
        // Outputs other stacks read, under the `Publish` scope the CDK adds last.
        for (i, (name, value)) in r.published.iter().enumerate() {
            if !written.contains(&i) {
                m.serialize_entry(name, &json!({ "Value": value }))?;
            }
        }
        m.end()
    }
}

struct OutputBody<'a>(&'a StackRenderer<'a>, NodeId, &'a crate::cfn::Output);

impl Serialize for OutputBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (r, n, o) = (self.0, self.1, self.2);
        let mut m = s.serialize_map(None)?;
        if let Some(d) = &o.description {
            m.serialize_entry("Description", d)?;
        }
        m.serialize_entry("Value", &r.value(&o.value, n))?;
        if let Some(e) = &o.export_name {
            // The name may stand for a value (a parameter, a join).
            let name = Value::Str(e.clone().into());
            let name = V {
                r,
                value: &name,
                owner: n,
            };
            m.serialize_entry("Export", &ExportName(name))?;
        }
        m.end()
    }
}

/// `{"Name": value}` of an output's export.
struct ExportName<'a>(V<'a>);

impl Serialize for ExportName<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("Name", &self.0)?;
        m.end()
    }
}

struct Parameters<'a>(&'a StackRenderer<'a>);

impl Serialize for Parameters<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let bootstrap = json!({
            "Type": "AWS::SSM::Parameter::Value<String>",
            "Default": "/cdk-bootstrap/hnb659fds/version",
            "Description": "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]"
        });
        let mut m = s.serialize_map(None)?;
        let mut replaced = false;
        for &n in &r.order {
            if let Some(Element::Parameter(p)) = r.stack.element(n.index) {
                let id = r.id::<S::Error>(n)?;
                if id == "BootstrapVersion" {
                    // The bootstrap parameter takes its place, as a later insert would.
                    m.serialize_entry(id, &bootstrap)?;
                    replaced = true;
                    continue;
                }
                m.serialize_entry(id, &ParameterBody(p))?;
            }
        }
        if !replaced {
            m.serialize_entry("BootstrapVersion", &bootstrap)?;
        }
        m.end()
    }
}

struct ParameterBody<'a>(&'a crate::cfn::Parameter);

impl Serialize for ParameterBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("Type", p.kind.as_str())?;
        if let Some(d) = &p.default {
            m.serialize_entry("Default", d.as_str())?;
        }
        if let Some(d) = &p.description {
            m.serialize_entry("Description", d.as_str())?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{OneSpace, sorts_as_json};
    use serde::Serialize;
    use serde_json::json;

    fn both(value: &serde_json::Value) -> (Vec<u8>, Vec<u8>) {
        let mut ours = Vec::new();
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut ours,
                OneSpace::default(),
            ))
            .unwrap();
        let mut theirs = Vec::new();
        let pretty = serde_json::ser::PrettyFormatter::with_indent(b" ");
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut theirs,
                pretty,
            ))
            .unwrap();
        (ours, theirs)
    }

    #[test]
    fn one_space_writes_what_pretty_formatter_writes() {
        let value = json!({"a": [], "b": {}, "c": [1, {"d": [true, null, "x"]}], "e": "é\n"});
        let (ours, theirs) = both(&value);
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }

    #[test]
    fn one_space_indents_past_its_prepared_depth() {
        let mut value = json!("leaf");
        for i in 0..140 {
            value = if i % 2 == 0 {
                json!([value])
            } else {
                json!({ "k": value })
            };
        }
        let (ours, theirs) = both(&value);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn plain_strings_sort_as_their_json_text() {
        let mut words = [
            "s3:Get*",
            "s3:GetObject",
            "ecr:Batch",
            "logs:Put",
            "a",
            "ab",
        ];
        let json = |s: &str| serde_json::to_string(s).unwrap();
        assert!(words.iter().all(|w| w.bytes().all(sorts_as_json)));
        let mut by_text = words;
        by_text.sort_by_key(|w| json(w));
        words.sort_unstable();
        assert_eq!(words, by_text);
        // A byte below `"` would not: "ab!" precedes "ab" as JSON text.
        assert!(json("ab!") < json("ab") && "ab" < "ab!");
        assert!(!"ab!".bytes().all(sorts_as_json));
    }
}
