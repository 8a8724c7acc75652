//! Log drivers of containers (CDK `LogDrivers`, `log-drivers/*.ts`): each renders a container's
//! `LogConfiguration` and creates or grants what it needs (the awslogs log group and its write
//! grant, secret options read by the execution role, the FireLens log router).
//!
//! ```
//! use ecs_core::ecs::log_driver::{AwsLogDriverProps, AwsLogDriverMode, LogDriver};
//! let driver = LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web").mode(AwsLogDriverMode::NonBlocking));
//! assert_eq!(driver.name(), "awslogs");
//! ```

use crate::cfn::{Pseudo, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ecs::secret::Secret;
use crate::ecs::task_definition::TaskDefinition;
use crate::error::Error;
use crate::iam::Statement;
use crate::logs::{LogGroup, LogGroupProps, RetentionDays};

/// How the awslogs driver delivers events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AwsLogDriverMode {
    /// The container blocks when the buffer is full (Docker's default).
    Blocking,
    /// Events are dropped rather than blocking the container.
    NonBlocking,
}

impl AwsLogDriverMode {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Blocking", "NonBlocking"];

    const fn option(self) -> &'static str {
        match self {
            AwsLogDriverMode::Blocking => "blocking",
            AwsLogDriverMode::NonBlocking => "non-blocking",
        }
    }
}

/// Properties of the awslogs driver (CDK `AwsLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AwsLogDriverProps {
    /// The prefix of log stream names (required).
    pub stream_prefix: Option<String>,
    /// An existing log group; default one created under the container.
    pub log_group: Option<LogGroup>,
    /// Retention of the created log group; default never expire.
    pub log_retention: Option<RetentionDays>,
    /// `awslogs-datetime-format`.
    pub datetime_format: Option<String>,
    /// `awslogs-multiline-pattern`.
    pub multiline_pattern: Option<String>,
    /// `mode`.
    pub mode: Option<AwsLogDriverMode>,
    /// `max-buffer-size` in bytes (non-blocking mode only).
    pub max_buffer_size: Option<u64>,
}

impl AwsLogDriverProps {
    string_setters!(stream_prefix, datetime_format, multiline_pattern);

    /// Sets `log_group`.
    pub fn log_group(mut self, group: LogGroup) -> Self {
        self.log_group = Some(group);
        self
    }

    /// Sets `log_retention`.
    pub fn log_retention(mut self, retention: RetentionDays) -> Self {
        self.log_retention = Some(retention);
        self
    }

    /// Sets `mode`.
    pub fn mode(mut self, mode: AwsLogDriverMode) -> Self {
        self.mode = Some(mode);
        self
    }

    /// Sets `max_buffer_size`, in bytes.
    pub fn max_buffer_size(mut self, bytes: u64) -> Self {
        self.max_buffer_size = Some(bytes);
        self
    }
}

/// Options shared by the fluentd, gelf, journald, splunk and syslog drivers (CDK
/// `BaseLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaseLogDriverProps {
    /// `tag`.
    pub tag: Option<String>,
    /// `labels`: Docker labels to log.
    pub labels: Vec<String>,
    /// `env`: environment variables to log.
    pub env: Vec<String>,
    /// `env-regex`.
    pub env_regex: Option<String>,
}

impl BaseLogDriverProps {
    fn options(&self, out: &mut Vec<(String, Value)>, with_tag: bool) {
        if with_tag {
            push(out, "tag", self.tag.clone());
        }
        if !self.labels.is_empty() {
            out.push(("labels".into(), self.labels.join(",").into()));
        }
        if !self.env.is_empty() {
            out.push(("env".into(), self.env.join(",").into()));
        }
        push(out, "env-regex", self.env_regex.clone());
    }
}

macro_rules! base_setters {
    () => {
        /// Sets `tag`.
        pub fn tag(mut self, tag: impl Into<String>) -> Self {
            self.base.tag = Some(tag.into());
            self
        }

        /// Sets `labels`.
        pub fn labels<S: Into<String>>(mut self, labels: impl IntoIterator<Item = S>) -> Self {
            self.base.labels = labels.into_iter().map(Into::into).collect();
            self
        }

        /// Sets `env`.
        pub fn env<S: Into<String>>(mut self, env: impl IntoIterator<Item = S>) -> Self {
            self.base.env = env.into_iter().map(Into::into).collect();
            self
        }

        /// Sets `env_regex`.
        pub fn env_regex(mut self, regex: impl Into<String>) -> Self {
            self.base.env_regex = Some(regex.into());
            self
        }
    };
}

/// Properties of the fluentd driver (CDK `FluentdLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FluentdLogDriverProps {
    /// `fluentd-address`.
    pub address: Option<String>,
    /// `fluentd-async-connect`.
    pub async_connect: Option<bool>,
    /// `fluentd-async` (CDK `async`, a Rust keyword).
    pub async_: Option<bool>,
    /// `fluentd-buffer-limit`.
    pub buffer_limit: Option<u32>,
    /// `fluentd-retry-wait`, in seconds.
    pub retry_wait: Option<u32>,
    /// `fluentd-max-retries`.
    pub max_retries: Option<u32>,
    /// `fluentd-sub-second-precision`.
    pub sub_second_precision: Option<bool>,
    base: BaseLogDriverProps,
}

impl FluentdLogDriverProps {
    string_setters!(address);
    base_setters!();

    /// Sets `async_connect`.
    pub fn async_connect(mut self, on: bool) -> Self {
        self.async_connect = Some(on);
        self
    }

    /// Sets `async_` under the CDK's name (`async`, a raw identifier in Rust).
    pub fn r#async(self, on: bool) -> Self {
        self.async_(on)
    }

    /// Sets `async_` (CDK `async`): connect to fluentd in the background.
    pub fn async_(mut self, on: bool) -> Self {
        self.async_ = Some(on);
        self
    }

    /// Sets `buffer_limit`.
    pub fn buffer_limit(mut self, n: u32) -> Self {
        self.buffer_limit = Some(n);
        self
    }

    /// Sets `retry_wait`, in seconds.
    pub fn retry_wait(mut self, seconds: u32) -> Self {
        self.retry_wait = Some(seconds);
        self
    }

    /// Sets `max_retries`.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }

    /// Sets `sub_second_precision`.
    pub fn sub_second_precision(mut self, on: bool) -> Self {
        self.sub_second_precision = Some(on);
        self
    }
}

/// Compression of the gelf driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GelfCompressionType {
    /// gzip.
    Gzip,
    /// zlib.
    Zlib,
    /// none.
    None,
}

impl GelfCompressionType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Gzip", "Zlib", "None"];

    const fn option(self) -> &'static str {
        match self {
            GelfCompressionType::Gzip => "gzip",
            GelfCompressionType::Zlib => "zlib",
            GelfCompressionType::None => "none",
        }
    }
}

/// Properties of the gelf driver (CDK `GelfLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GelfLogDriverProps {
    /// `gelf-address` (required).
    pub address: Option<String>,
    /// `gelf-compression-type`.
    pub compression_type: Option<GelfCompressionType>,
    /// `gelf-compression-level`, -1 to 9.
    pub compression_level: Option<i32>,
    /// `gelf-tcp-max-reconnect`.
    pub tcp_max_reconnect: Option<i32>,
    /// `gelf-tcp-reconnect-delay`, in seconds.
    pub tcp_reconnect_delay: Option<u32>,
    base: BaseLogDriverProps,
}

impl GelfLogDriverProps {
    string_setters!(address);
    base_setters!();

    /// Sets `compression_type`.
    pub fn compression_type(mut self, t: GelfCompressionType) -> Self {
        self.compression_type = Some(t);
        self
    }

    /// Sets `compression_level`.
    pub fn compression_level(mut self, level: i32) -> Self {
        self.compression_level = Some(level);
        self
    }

    /// Sets `tcp_max_reconnect`.
    pub fn tcp_max_reconnect(mut self, n: i32) -> Self {
        self.tcp_max_reconnect = Some(n);
        self
    }

    /// Sets `tcp_reconnect_delay`, in seconds.
    pub fn tcp_reconnect_delay(mut self, seconds: u32) -> Self {
        self.tcp_reconnect_delay = Some(seconds);
        self
    }
}

/// Properties of the journald driver (CDK `JournaldLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournaldLogDriverProps {
    base: BaseLogDriverProps,
}

impl JournaldLogDriverProps {
    base_setters!();
}

/// Properties of the json-file driver (CDK `JsonFileLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonFileLogDriverProps {
    /// `max-size`, e.g. `10m`.
    pub max_size: Option<String>,
    /// `max-file`.
    pub max_file: Option<i32>,
    /// `compress`.
    pub compress: Option<bool>,
    base: BaseLogDriverProps,
}

impl JsonFileLogDriverProps {
    string_setters!(max_size);
    base_setters!();

    /// Sets `max_file`.
    pub fn max_file(mut self, n: i32) -> Self {
        self.max_file = Some(n);
        self
    }

    /// Sets `compress`.
    pub fn compress(mut self, on: bool) -> Self {
        self.compress = Some(on);
        self
    }
}

/// Properties of the splunk driver (CDK `SplunkLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplunkLogDriverProps {
    /// `splunk-url` (required).
    pub url: Option<String>,
    /// The HTTP event collector token, read from a secret by the execution role.
    pub secret_token: Option<Secret>,
    /// `splunk-source`.
    pub source: Option<String>,
    /// `splunk-sourcetype`.
    pub source_type: Option<String>,
    /// `splunk-index`.
    pub index: Option<String>,
    /// `splunk-capath`.
    pub ca_path: Option<String>,
    /// `splunk-caname`.
    pub ca_name: Option<String>,
    /// `splunk-insecureskipverify`.
    pub insecure_skip_verify: Option<bool>,
    /// `splunk-format`: `inline`, `json` or `raw`.
    pub format: Option<String>,
    /// `splunk-verify-connection`.
    pub verify_connection: Option<bool>,
    /// `splunk-gzip`.
    pub gzip: Option<bool>,
    /// `splunk-gzip-level`, -1 to 9.
    pub gzip_level: Option<i32>,
    base: BaseLogDriverProps,
}

impl SplunkLogDriverProps {
    string_setters!(url, source, source_type, index, ca_path, ca_name, format);
    base_setters!();

    /// Sets `secret_token`.
    pub fn secret_token(mut self, secret: Secret) -> Self {
        self.secret_token = Some(secret);
        self
    }

    /// Sets `insecure_skip_verify`.
    pub fn insecure_skip_verify(mut self, on: bool) -> Self {
        self.insecure_skip_verify = Some(on);
        self
    }

    /// Sets `verify_connection`.
    pub fn verify_connection(mut self, on: bool) -> Self {
        self.verify_connection = Some(on);
        self
    }

    /// Sets `gzip`.
    pub fn gzip(mut self, on: bool) -> Self {
        self.gzip = Some(on);
        self
    }

    /// Sets `gzip_level`.
    pub fn gzip_level(mut self, level: i32) -> Self {
        self.gzip_level = Some(level);
        self
    }
}

/// Properties of the syslog driver (CDK `SyslogLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyslogLogDriverProps {
    /// `syslog-address`.
    pub address: Option<String>,
    /// `syslog-facility`.
    pub facility: Option<String>,
    /// `syslog-tls-ca-cert`.
    pub tls_ca_cert: Option<String>,
    /// `syslog-tls-cert`.
    pub tls_cert: Option<String>,
    /// `syslog-tls-key`.
    pub tls_key: Option<String>,
    /// `syslog-tls-skip-verify`.
    pub tls_skip_verify: Option<bool>,
    /// `syslog-format`.
    pub format: Option<String>,
    base: BaseLogDriverProps,
}

impl SyslogLogDriverProps {
    string_setters!(address, facility, tls_ca_cert, tls_cert, tls_key, format);
    base_setters!();

    /// Sets `tls_skip_verify`.
    pub fn tls_skip_verify(mut self, on: bool) -> Self {
        self.tls_skip_verify = Some(on);
        self
    }
}

/// Properties of the FireLens driver (CDK `FireLensLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirelensLogDriverProps {
    /// Options passed to the log router's output, e.g. `Name: firehose`; `None` writes no
    /// `Options`.
    pub options: Option<Vec<(String, String)>>,
    /// Options read from secrets by the execution role.
    pub secret_options: Vec<(String, Secret)>,
}

impl FirelensLogDriverProps {
    /// Sets `options`.
    pub fn options<K: Into<String>, V: Into<String>>(
        mut self,
        options: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.options = Some(
            options
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// Sets `secret_options`.
    pub fn secret_options<K: Into<String>>(
        mut self,
        options: impl IntoIterator<Item = (K, Secret)>,
    ) -> Self {
        self.secret_options = options.into_iter().map(|(k, v)| (k.into(), v)).collect();
        self
    }
}

/// Properties of any Docker log driver (CDK `GenericLogDriverProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenericLogDriverProps {
    /// The driver's name (required).
    pub log_driver: Option<String>,
    /// Its options.
    pub options: Vec<(String, String)>,
    /// Options read from secrets by the execution role.
    pub secret_options: Vec<(String, Secret)>,
}

impl GenericLogDriverProps {
    string_setters!(log_driver);

    /// Sets `options`.
    pub fn options<K: Into<String>, V: Into<String>>(
        mut self,
        options: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.options = options
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        self
    }

    /// Sets `secret_options`.
    pub fn secret_options<K: Into<String>>(
        mut self,
        options: impl IntoIterator<Item = (K, Secret)>,
    ) -> Self {
        self.secret_options = options.into_iter().map(|(k, v)| (k.into(), v)).collect();
        self
    }
}

/// A container's log driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogDriver {
    /// CloudWatch Logs.
    AwsLogs(AwsLogDriverProps),
    /// Fluentd.
    Fluentd(FluentdLogDriverProps),
    /// Graylog Extended Log Format.
    Gelf(GelfLogDriverProps),
    /// systemd's journal.
    Journald(JournaldLogDriverProps),
    /// Docker's JSON files.
    JsonFile(JsonFileLogDriverProps),
    /// Splunk's HTTP event collector.
    Splunk(SplunkLogDriverProps),
    /// syslog.
    Syslog(SyslogLogDriverProps),
    /// AWS FireLens, through a Fluent Bit log router added to the task.
    Firelens(FirelensLogDriverProps),
    /// Any driver by name.
    Generic(GenericLogDriverProps),
    /// No logging.
    None,
}

impl LogDriver {
    /// No logging (CDK `LogDrivers.none`): the container's output is discarded.
    ///
    /// ```
    /// assert_eq!(ecs_core::ecs::log_driver::LogDriver::none().name(), "none");
    /// ```
    pub fn none() -> LogDriver {
        LogDriver::None
    }

    /// The awslogs driver (CDK `LogDrivers.awsLogs`).
    pub fn aws_logs(props: AwsLogDriverProps) -> LogDriver {
        LogDriver::AwsLogs(props)
    }

    /// The fluentd driver.
    pub fn fluentd(props: FluentdLogDriverProps) -> LogDriver {
        LogDriver::Fluentd(props)
    }

    /// The gelf driver.
    pub fn gelf(props: GelfLogDriverProps) -> LogDriver {
        LogDriver::Gelf(props)
    }

    /// The journald driver.
    pub fn journald(props: JournaldLogDriverProps) -> LogDriver {
        LogDriver::Journald(props)
    }

    /// The json-file driver.
    pub fn json_file(props: JsonFileLogDriverProps) -> LogDriver {
        LogDriver::JsonFile(props)
    }

    /// The splunk driver.
    pub fn splunk(props: SplunkLogDriverProps) -> LogDriver {
        LogDriver::Splunk(props)
    }

    /// The syslog driver.
    pub fn syslog(props: SyslogLogDriverProps) -> LogDriver {
        LogDriver::Syslog(props)
    }

    /// The FireLens driver.
    pub fn firelens(props: FirelensLogDriverProps) -> LogDriver {
        LogDriver::Firelens(props)
    }

    /// Any driver (CDK `GenericLogDriver`).
    pub fn generic(props: GenericLogDriverProps) -> LogDriver {
        LogDriver::Generic(props)
    }

    /// The Docker name of the driver a constructor of this type makes (`aws_logs` → `awslogs`),
    /// so `ecs_app!` can judge a `logging: LogDriver::<ctor>(…)` value while compiling.
    ///
    /// ```
    /// use ecs_core::ecs::log_driver::LogDriver;
    /// assert_eq!(LogDriver::constructor_driver("json_file"), Some("json-file"));
    /// assert_eq!(LogDriver::constructor_driver("generic"), None);
    /// ```
    pub fn constructor_driver(constructor: &str) -> Option<&'static str> {
        Some(match constructor {
            "aws_logs" => "awslogs",
            "fluentd" => "fluentd",
            "gelf" => "gelf",
            "journald" => "journald",
            "json_file" => "json-file",
            "splunk" => "splunk",
            "syslog" => "syslog",
            "firelens" => "awsfirelens",
            _ => return None,
        })
    }

    /// The Docker name of the driver (`LogDriver`).
    pub fn name(&self) -> &str {
        match self {
            LogDriver::AwsLogs(_) => "awslogs",
            LogDriver::Fluentd(_) => "fluentd",
            LogDriver::Gelf(_) => "gelf",
            LogDriver::Journald(_) => "journald",
            LogDriver::JsonFile(_) => "json-file",
            LogDriver::Splunk(_) => "splunk",
            LogDriver::Syslog(_) => "syslog",
            LogDriver::Firelens(_) => "awsfirelens",
            LogDriver::Generic(g) => g.log_driver.as_deref().unwrap_or(""),
            LogDriver::None => "none",
        }
    }

    /// The driver's own rules, judged before anything is created, so a refused driver leaves
    /// no half-built container behind.
    pub(crate) fn check(&self, name: &str) -> Result<(), Error> {
        let err = |m: String| Err(Error::new(m));
        match self {
            LogDriver::AwsLogs(p) => {
                if p.stream_prefix.is_none() {
                    return err(format!(
                        "awslogs driver of container `{name}` needs `stream_prefix`: add one, e.g. `stream_prefix: \"{name}\"`"
                    ));
                }
                if p.log_group.is_some() && p.log_retention.is_some() {
                    return err(format!(
                        "awslogs driver of container `{name}` has both `log_group` and `log_retention`: set the retention on the log group, or drop `log_group`"
                    ));
                }
                if p.max_buffer_size.is_some() && p.mode != Some(AwsLogDriverMode::NonBlocking) {
                    return err(format!(
                        "awslogs driver of container `{name}` has `max_buffer_size` in blocking mode: add `mode: NonBlocking`, or drop `max_buffer_size`"
                    ));
                }
            }
            LogDriver::Gelf(p) => {
                if p.address.is_none() {
                    return err(format!(
                        "gelf driver of container `{name}` needs `address`: add one, e.g. `address: \"udp://logs:12201\"`"
                    ));
                }
                if let Some(level) = p.compression_level.filter(|l| !(-1..=9).contains(l)) {
                    return err(format!(
                        "gelf driver of container `{name}` has `compression_level: {level}`: use -1 to 9"
                    ));
                }
                if let Some(n) = p.tcp_max_reconnect.filter(|n| *n < 0) {
                    return err(format!(
                        "gelf driver of container `{name}` has `tcp_max_reconnect: {n}`: use 0 or more"
                    ));
                }
            }
            LogDriver::JsonFile(p) => {
                if let Some(n) = p.max_file.filter(|n| *n < 0) {
                    return err(format!(
                        "json-file driver of container `{name}` has `max_file: {n}`: use 0 or more"
                    ));
                }
            }
            LogDriver::Splunk(p) => {
                if p.url.is_none() {
                    return err(format!(
                        "splunk driver of container `{name}` needs `url`: add the HTTP event collector's address"
                    ));
                }
                if p.secret_token.is_none() {
                    return err(format!(
                        "splunk driver of container `{name}` needs `secret_token`: add the token as a `Secret`"
                    ));
                }
                if let Some(level) = p.gzip_level.filter(|l| !(-1..=9).contains(l)) {
                    return err(format!(
                        "splunk driver of container `{name}` has `gzip_level: {level}`: use -1 to 9"
                    ));
                }
            }
            LogDriver::Generic(p) if p.log_driver.as_deref().is_none_or(str::is_empty) => {
                return err(format!(
                    "generic log driver of container `{name}` needs `log_driver`: name the Docker driver, e.g. `log_driver: \"fluentd\"`"
                ));
            }
            _ => {}
        }
        Ok(())
    }

    /// Creates what the driver needs for the container at `container` of `td` and returns its
    /// `LogConfiguration` (CDK `LogDriver.bind`).
    pub(crate) fn bind(
        &self,
        app: &mut App,
        td: TaskDefinition,
        container: NodeId,
        name: &str,
    ) -> Result<Value, Error> {
        let mut options: Vec<(String, Value)> = Vec::new();
        let mut secret_options: Vec<(String, Secret)> = Vec::new();
        let mut emit_options = true;
        self.check(name)?;
        match self {
            LogDriver::AwsLogs(p) => {
                let prefix = p.stream_prefix.clone().unwrap_or_default();
                let group = match p.log_group {
                    Some(g) => g,
                    None => {
                        let retention = p.log_retention.unwrap_or(RetentionDays::Infinite);
                        LogGroup::new(
                            app,
                            container,
                            "LogGroup",
                            LogGroupProps::default().retention(retention),
                        )?
                    }
                };
                let role = td.obtain_execution_role(app)?;
                role.grant(
                    app,
                    Statement::allow(["logs:CreateLogStream", "logs:PutLogEvents"])
                        .on([group.log_group_arn()]),
                )?;
                options.push(("awslogs-group".into(), group.log_group_name()));
                options.push(("awslogs-stream-prefix".into(), prefix.into()));
                options.push(("awslogs-region".into(), Pseudo::Region.into()));
                push(
                    &mut options,
                    "awslogs-datetime-format",
                    p.datetime_format.clone(),
                );
                push(
                    &mut options,
                    "awslogs-multiline-pattern",
                    p.multiline_pattern.clone(),
                );
                push(&mut options, "mode", p.mode.map(|m| m.option().to_string()));
                push(
                    &mut options,
                    "max-buffer-size",
                    p.max_buffer_size.map(|b| format!("{b}b")),
                );
            }
            LogDriver::Fluentd(p) => {
                push(&mut options, "fluentd-address", p.address.clone());
                push(&mut options, "fluentd-async-connect", p.async_connect);
                push(&mut options, "fluentd-async", p.async_);
                push(&mut options, "fluentd-buffer-limit", p.buffer_limit);
                push(&mut options, "fluentd-retry-wait", p.retry_wait);
                push(&mut options, "fluentd-max-retries", p.max_retries);
                push(
                    &mut options,
                    "fluentd-sub-second-precision",
                    p.sub_second_precision,
                );
                p.base.options(&mut options, true);
            }
            LogDriver::Gelf(p) => {
                push(&mut options, "gelf-address", p.address.clone());
                push(
                    &mut options,
                    "gelf-compression-type",
                    p.compression_type.map(|c| c.option().to_string()),
                );
                push(&mut options, "gelf-compression-level", p.compression_level);
                push(&mut options, "gelf-tcp-max-reconnect", p.tcp_max_reconnect);
                push(
                    &mut options,
                    "gelf-tcp-reconnect-delay",
                    p.tcp_reconnect_delay,
                );
                p.base.options(&mut options, true);
            }
            LogDriver::Journald(p) => p.base.options(&mut options, true),
            LogDriver::JsonFile(p) => {
                push(&mut options, "max-size", p.max_size.clone());
                push(&mut options, "max-file", p.max_file);
                push(&mut options, "compress", p.compress);
                p.base.options(&mut options, false);
            }
            LogDriver::Splunk(p) => {
                push(&mut options, "splunk-url", p.url.clone());
                push(&mut options, "splunk-source", p.source.clone());
                push(&mut options, "splunk-sourcetype", p.source_type.clone());
                push(&mut options, "splunk-index", p.index.clone());
                push(&mut options, "splunk-capath", p.ca_path.clone());
                push(&mut options, "splunk-caname", p.ca_name.clone());
                push(
                    &mut options,
                    "splunk-insecureskipverify",
                    p.insecure_skip_verify,
                );
                push(&mut options, "splunk-format", p.format.clone());
                push(
                    &mut options,
                    "splunk-verify-connection",
                    p.verify_connection,
                );
                push(&mut options, "splunk-gzip", p.gzip);
                push(&mut options, "splunk-gzip-level", p.gzip_level);
                p.base.options(&mut options, true);
                secret_options.extend(
                    p.secret_token
                        .iter()
                        .map(|t| ("splunk-token".to_string(), t.clone())),
                );
            }
            LogDriver::Syslog(p) => {
                push(&mut options, "syslog-address", p.address.clone());
                push(&mut options, "syslog-facility", p.facility.clone());
                push(&mut options, "syslog-tls-ca-cert", p.tls_ca_cert.clone());
                push(&mut options, "syslog-tls-cert", p.tls_cert.clone());
                push(&mut options, "syslog-tls-key", p.tls_key.clone());
                push(&mut options, "syslog-tls-skip-verify", p.tls_skip_verify);
                push(&mut options, "syslog-format", p.format.clone());
                p.base.options(&mut options, true);
            }
            LogDriver::Firelens(p) => {
                emit_options = p.options.is_some();
                for (k, v) in p.options.iter().flatten() {
                    options.push((k.clone(), v.clone().into()));
                }
                secret_options.extend(p.secret_options.iter().cloned());
            }
            LogDriver::Generic(p) => {
                for (k, v) in &p.options {
                    options.push((k.clone(), v.clone().into()));
                }
                secret_options.extend(p.secret_options.iter().cloned());
            }
            LogDriver::None => emit_options = false,
        }
        let mut config = vec![("LogDriver", Value::from(self.name().to_string()))];
        if emit_options {
            config.push(("Options", Value::map(options)));
        }
        if !secret_options.is_empty() {
            let role = td.obtain_execution_role(app)?;
            let mut list = Vec::new();
            for (k, secret) in &secret_options {
                secret.grant_read(app, role)?;
                list.push(Value::map([
                    ("Name", Value::from(k.clone())),
                    ("ValueFrom", secret.value_from()),
                ]));
            }
            config.push(("SecretOptions", Value::List(list)));
        }
        Ok(Value::map(config))
    }

    /// The FireLens output name (`options.Name`), whose AWS destination decides the task
    /// role's grant.
    pub(crate) fn firelens_output(&self) -> Option<(&str, bool)> {
        match self {
            LogDriver::Firelens(p) => {
                let options = p.options.as_ref()?;
                let name = options
                    .iter()
                    .find(|(k, _)| k == "Name")
                    .map(|(_, v)| v.as_str())?;
                let retention = options.iter().any(|(k, _)| k == "log_retention_days");
                Some((name, retention))
            }
            _ => None,
        }
    }
}

fn push(out: &mut Vec<(String, Value)>, key: &str, value: Option<impl ToString>) {
    if let Some(v) = value {
        out.push((key.to_string(), Value::from(v.to_string())));
    }
}

/// The SSM parameter of the latest AWS for Fluent Bit image, the CDK's default log router.
pub(crate) const FLUENT_BIT_IMAGE_PARAMETER: &str = "/aws/service/aws-for-fluent-bit/latest";
