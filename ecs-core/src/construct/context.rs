//! The app's context (CDK `node.tryGetContext`): what `cdk.json` and `cdk.context.json` hold
//! and what the CDK CLI passes (`CDK_CONTEXT_JSON`, or the file `CONTEXT_OVERFLOW_LOCATION_ENV`
//! names when it is large), later sources overriding earlier ones, as the CDK reads them.
//!
//! Feature flags are context too. This library writes what the CDK writes with the flags
//! `cdk init` sets; a flag set to a value it cannot honour is an error at synthesis, never
//! ignored.

use std::path::Path;

use serde_json::{Map, Value as Json};

/// The feature flags that change what this library writes, each honoured only at the value
/// `cdk init` sets (`true`), with what it changes.
pub static FLAGS: &[(&str, &str)] = &[
    (
        "@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig",
        "groups get launch templates, not launch configurations",
    ),
    (
        "@aws-cdk/aws-ecs:arnFormatIncludesClusterName",
        "services' ARNs include their cluster's name",
    ),
    (
        "@aws-cdk/aws-ecs:removeDefaultDeploymentAlarm",
        "services get no empty deployment alarms",
    ),
    (
        "@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker",
        "circuit breakers add no deployment controller",
    ),
    (
        "@aws-cdk/aws-ecs:removeEmptyLoadBalancers",
        "services without targets write `LoadBalancers: []`",
    ),
    (
        "@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions",
        "ECS Exec logging grants only what it needs",
    ),
    (
        "@aws-cdk/aws-iam:minimizePolicies",
        "policy statements are merged and their actions sorted",
    ),
    (
        "@aws-cdk/aws-lambda:useCdkManagedLogGroup",
        "the drain hook's function gets its own log group",
    ),
    (
        "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup",
        "new VPCs restrict their default security group",
    ),
    (
        "@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault",
        "network load balancers get a security group",
    ),
];

/// `aws:cdk:enable-path-metadata`: each resource gets `Metadata: {"aws:cdk:path": …}`. The CDK
/// CLI sets it unless run with `--no-path-metadata`.
pub const PATH_METADATA: &str = "aws:cdk:enable-path-metadata";

/// `aws:cdk:enable-asset-metadata`: set by the CDK CLI unless run with `--no-asset-metadata`.
pub const ASSET_METADATA: &str = "aws:cdk:enable-asset-metadata";

/// `aws:cdk:version-reporting`: the CDK's `CDKMetadata` resource, which reports the construct
/// library's classes and versions to AWS. The CDK CLI sets it unless run with
/// `--no-version-reporting`. This library never writes that resource: its report would name
/// aws-cdk-lib classes this app does not run, and SPEC §2 lets `Metadata` differ.
pub const VERSION_REPORTING: &str = "aws:cdk:version-reporting";

/// The context keys that ask for the cloud assembly's metadata (`tree.json`, the stacks'
/// `<Stack>.metadata.json`): those the CDK CLI passes when it runs the app.
pub const METADATA_KEYS: [&str; 3] = [PATH_METADATA, ASSET_METADATA, VERSION_REPORTING];

/// The context, and where each value came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    pub(crate) values: Map<String, Json>,
    pub(crate) sources: Map<String, Json>,
    /// Sources that could not be read, reported at synthesis.
    pub(crate) problems: Vec<String>,
}

impl crate::construct::app::Family for Context {
    /// Every feature flag set to a value this library cannot honour.
    fn validate(&self, _app: &crate::App, out: &mut Vec<crate::error::Diagnostic>) {
        use crate::error::{Diagnostic, ErrorKind};
        for problem in &self.problems {
            out.push(Diagnostic::new(ErrorKind::Invalid, problem.clone()));
        }
        for (flag, what) in FLAGS {
            let Some(value) = self.values.get(*flag) else {
                continue;
            };
            if matches!(value, Json::Bool(true)) || value.as_str() == Some("true") {
                continue;
            }
            let source = self
                .sources
                .get(*flag)
                .and_then(Json::as_str)
                .unwrap_or("the context");
            out.push(Diagnostic::new(
                ErrorKind::Invalid,
                format!(
                    "feature flag `{flag}` is `{}` in {source}: this library writes what the CDK writes with it `true` ({what}), as `cdk init` sets it; set it to `true` or remove it",
                    match value {
                        Json::String(s) => s.clone(),
                        other => other.to_string(),
                    }
                ),
            ));
        }
    }
}

impl Context {
    /// Adds `values` from `source`, overriding what earlier sources set.
    pub(crate) fn merge(&mut self, values: Map<String, Json>, source: &str) {
        for (k, v) in values {
            self.sources.insert(k.clone(), Json::from(source));
            self.values.insert(k, v);
        }
    }

    /// Reads `text` as a JSON object (`key` of it, when given) from `source`.
    fn merge_text(&mut self, text: &str, key: Option<&str>, source: &str) {
        match serde_json::from_str::<Json>(text) {
            Ok(Json::Object(mut object)) => {
                let values = match key {
                    Some(k) => match object.remove(k) {
                        Some(Json::Object(values)) => values,
                        Some(_) => {
                            self.problems.push(format!(
                                "`{k}` in {source} is not an object: write `\"{k}\": {{ … }}`"
                            ));
                            return;
                        }
                        None => return,
                    },
                    None => object,
                };
                self.merge(values, source);
            }
            Ok(_) => self
                .problems
                .push(format!("{source} is not a JSON object: write `{{ … }}`")),
            Err(e) => self
                .problems
                .push(format!("{source} is not JSON ({e}): fix it or remove it")),
        }
    }

    /// The context of an app run in `dir`: `cdk.json`'s `context`, then `cdk.context.json`,
    /// then what the CDK CLI passes in `env_json` and the overflow file.
    pub(crate) fn load(dir: &Path, env_json: Option<&str>, overflow: Option<&Path>) -> Context {
        let mut context = Context::default();
        for (file, key) in [("cdk.json", Some("context")), ("cdk.context.json", None)] {
            if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
                context.merge_text(&text, key, &format!("`{file}`"));
            }
        }
        if let Some(json) = env_json {
            context.merge_text(json, None, "`CDK_CONTEXT_JSON`");
        }
        if let Some(path) = overflow {
            match std::fs::read_to_string(path) {
                Ok(text) => context.merge_text(&text, None, &format!("`{}`", path.display())),
                Err(e) => context.problems.push(format!(
                    "cannot read the context file `{}` (CONTEXT_OVERFLOW_LOCATION_ENV): {e}",
                    path.display()
                )),
            }
        }
        context
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_sources_override_earlier_ones() {
        let dir = std::env::temp_dir().join(format!("ecs-core-context-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("cdk.json"),
            r#"{"app": "cargo run", "context": {"a": 1, "b": 1, "c": 1}}"#,
        )
        .unwrap();
        std::fs::write(dir.join("cdk.context.json"), r#"{"b": 2, "c": 2}"#).unwrap();
        let overflow = dir.join("overflow.json");
        std::fs::write(&overflow, r#"{"d": 4}"#).unwrap();
        let context = Context::load(&dir, Some(r#"{"c": 3}"#), Some(&overflow));
        std::fs::remove_dir_all(&dir).unwrap();
        let get = |k: &str| context.values.get(k).cloned();
        assert_eq!(get("a"), Some(Json::from(1)));
        assert_eq!(get("b"), Some(Json::from(2)));
        assert_eq!(get("c"), Some(Json::from(3)));
        assert_eq!(get("d"), Some(Json::from(4)));
        assert_eq!(context.sources["b"], "`cdk.context.json`");
        assert!(context.problems.is_empty());
    }

    #[test]
    fn unreadable_context_is_a_problem_not_a_panic() {
        let context = Context::load(Path::new("/nonexistent-dir"), Some("{not json"), None);
        assert_eq!(context.problems.len(), 1);
        assert!(context.problems[0].starts_with("`CDK_CONTEXT_JSON` is not JSON"));
    }
}

/// Context values the app looked up and did not find (the manifest's `missing`): the CDK CLI
/// asks each provider for them, writes the answers to `cdk.context.json` and runs the app
/// again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Missing(pub(crate) Vec<Json>);

impl crate::construct::app::Family for Missing {}

impl crate::construct::app::App {
    /// The context value `provider` supplies for the query `props` (CDK
    /// `ContextProvider.getValue`), or, when the context lacks it, `dummy` — recorded as
    /// missing so that the CDK CLI looks it up and synthesizes again. The key and the query
    /// carry the account and region of `stack` as the CDK writes them.
    pub(crate) fn lookup_context(
        &mut self,
        stack: crate::cfn::StackId,
        provider: &str,
        props: Map<String, Json>,
        dummy: Json,
        ignore_error_on_missing: Option<bool>,
        additional_cache_key: Option<&str>,
    ) -> Result<Json, crate::error::Error> {
        let st = self.stack(stack);
        let (Some(account), Some(region)) = (st.account(), st.region()) else {
            return Err(crate::error::Error::new(format!(
                "stack `{}` cannot look up `{provider}` values: it names no account and region; give it `env: Environment::new(account, region)`",
                st.name()
            )));
        };
        let (account, region) = (account.to_string(), region.to_string());
        let mut keyed = Map::new();
        keyed.insert("account".into(), Json::from(account.as_str()));
        keyed.insert("region".into(), Json::from(region.as_str()));
        if let Some(extra) = additional_cache_key {
            keyed.insert("additionalCacheKey".into(), Json::from(extra));
        }
        keyed.extend(props.clone());
        let key = context_key(provider, &keyed);
        if let Some(value) = self.context(&key) {
            // The CLI records a failed lookup as an object with its error.
            if let Some(error) = value.get("$providerError") {
                return Err(crate::error::Error::new(format!(
                    "the CDK CLI could not look up `{key}`: {}; fix the cause and run `cdk context --reset` on the key",
                    error.as_str().unwrap_or_default()
                )));
            }
            return Ok(value.clone());
        }
        let mut query = Map::new();
        // An undefined dummy (a VPC lookup's) is left out, as JSON leaves out `undefined`.
        if !dummy.is_null() {
            query.insert("dummyValue".into(), dummy.clone());
        }
        if let Some(ignore) = ignore_error_on_missing {
            query.insert("ignoreErrorOnMissingContext".into(), Json::from(ignore));
        }
        if let Some(extra) = additional_cache_key {
            query.insert("additionalCacheKey".into(), Json::from(extra));
        }
        query.insert("account".into(), Json::from(account.as_str()));
        query.insert("region".into(), Json::from(region.as_str()));
        query.extend(props);
        query.insert(
            "lookupRoleArn".into(),
            Json::from(format!(
                "arn:${{AWS::Partition}}:iam::{account}:role/cdk-hnb659fds-lookup-role-{account}-{region}"
            )),
        );
        let missing = &mut self.family_mut::<Missing>().0;
        if !missing.iter().any(|m| m["key"] == key) {
            let mut entry = Map::new();
            entry.insert("key".into(), Json::from(key));
            entry.insert("provider".into(), Json::from(provider));
            entry.insert("props".into(), Json::Object(query));
            missing.push(Json::Object(entry));
        }
        Ok(dummy)
    }

    /// The availability zones of `stack` (CDK `stack.availabilityZones`): from the context
    /// when the stack names its account and region, the CDK's placeholders until the CLI has
    /// looked them up; `None` for an environment-agnostic stack, whose zones are only known at
    /// deploy time, unless the context gives fallback zones.
    pub(crate) fn availability_zones(
        &mut self,
        stack: crate::cfn::StackId,
    ) -> Result<Option<Vec<String>>, crate::error::Error> {
        let st = self.stack(stack);
        let (Some(account), Some(region)) = (st.account(), st.region()) else {
            return Ok(self
                .context("aws:cdk:availability-zones:fallback")
                .and_then(Json::as_array)
                .map(|zones| {
                    zones
                        .iter()
                        .filter_map(|z| z.as_str().map(String::from))
                        .collect()
                }));
        };
        let key = format!("availability-zones:account={account}:region={region}");
        let value = self.lookup_context(
            stack,
            "availability-zones",
            Map::new(),
            Json::from(vec!["dummy1a", "dummy1b", "dummy1c"]),
            None,
            None,
        )?;
        match value.as_array() {
            Some(zones) if zones.iter().all(Json::is_string) => Ok(Some(
                zones
                    .iter()
                    .filter_map(|z| z.as_str().map(String::from))
                    .collect(),
            )),
            _ => Err(crate::error::Error::new(format!(
                "context value `{key}` is not a list of availability zones: remove it from cdk.context.json so the CDK CLI looks the zones up again"
            ))),
        }
    }
}

/// A context key as the CDK makes it (`ContextProvider.getKey`): the provider, then each
/// property as `name=value` (nested objects as `outer.inner=value`, `$` and `:` in strings
/// escaped with `$`),
/// sorted, joined with `:`.
pub(crate) fn context_key(provider: &str, props: &Map<String, Json>) -> String {
    fn flatten(props: &Map<String, Json>, prefix: &str, out: &mut Vec<String>) {
        for (key, value) in props {
            match value {
                Json::Null => {}
                Json::Object(inner) => flatten(inner, &format!("{prefix}{key}."), out),
                Json::String(text) => out.push(format!(
                    "{prefix}{key}={}",
                    text.replace('$', "$$").replace(':', "$:")
                )),
                other => out.push(format!("{prefix}{key}={other}")),
            }
        }
    }
    let mut parts = Vec::new();
    flatten(props, "", &mut parts);
    parts.sort();
    format!("{provider}:{}", parts.join(":"))
}
