//! CloudWatch Logs log groups (CDK `logs.LogGroup`).
//!
//! ```
//! use ecs_core::{App, logs::{LogGroup, LogGroupProps, RetentionDays}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let root = app.stack(s).root();
//! let group = LogGroup::new(&mut app, root, "Logs", LogGroupProps::default().retention(RetentionDays::OneWeek)).unwrap();
//! assert!(matches!(group.log_group_name(), ecs_core::cfn::Value::Ref(_)));
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::kms::Key;

/// How long a log group keeps its events (CloudWatch Logs' accepted values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetentionDays {
    /// 1 day.
    OneDay,
    /// 3 days.
    ThreeDays,
    /// 5 days.
    FiveDays,
    /// 1 week.
    OneWeek,
    /// 2 weeks.
    TwoWeeks,
    /// 1 month.
    OneMonth,
    /// 2 months.
    TwoMonths,
    /// 3 months.
    ThreeMonths,
    /// 4 months.
    FourMonths,
    /// 5 months.
    FiveMonths,
    /// 6 months.
    SixMonths,
    /// 1 year.
    OneYear,
    /// 13 months.
    ThirteenMonths,
    /// 18 months.
    EighteenMonths,
    /// 2 years (the CDK's default for a log group it creates).
    TwoYears,
    /// 5 years.
    FiveYears,
    /// 10 years.
    TenYears,
    /// Never expire.
    Infinite,
}

impl RetentionDays {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &[
        "OneDay",
        "ThreeDays",
        "FiveDays",
        "OneWeek",
        "TwoWeeks",
        "OneMonth",
        "TwoMonths",
        "ThreeMonths",
        "FourMonths",
        "FiveMonths",
        "SixMonths",
        "OneYear",
        "ThirteenMonths",
        "EighteenMonths",
        "TwoYears",
        "FiveYears",
        "TenYears",
        "Infinite",
    ];

    /// `RetentionInDays`, or `None` for never.
    pub const fn days(self) -> Option<u32> {
        Some(match self {
            RetentionDays::OneDay => 1,
            RetentionDays::ThreeDays => 3,
            RetentionDays::FiveDays => 5,
            RetentionDays::OneWeek => 7,
            RetentionDays::TwoWeeks => 14,
            RetentionDays::OneMonth => 30,
            RetentionDays::TwoMonths => 60,
            RetentionDays::ThreeMonths => 90,
            RetentionDays::FourMonths => 120,
            RetentionDays::FiveMonths => 150,
            RetentionDays::SixMonths => 180,
            RetentionDays::OneYear => 365,
            RetentionDays::ThirteenMonths => 400,
            RetentionDays::EighteenMonths => 545,
            RetentionDays::TwoYears => 731,
            RetentionDays::FiveYears => 1827,
            RetentionDays::TenYears => 3653,
            RetentionDays::Infinite => return None,
        })
    }
}

props! {
    /// Properties of a [`LogGroup`] (CDK `LogGroupProps`, the part this library supports).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct LogGroupProps {
        /// `LogGroupName`; CloudFormation generates one when absent.
        [into "logGroupName"]
        log_group_name: String,
        /// Retention; default two years, as the CDK's.
        [opt "retention", .ty(Enum(&crate::logs::RetentionDays::DEF)), .default("`TwoYears`")]
        retention: RetentionDays,
        /// `KmsKeyId`: the key that encrypts the events.
        [opt "encryptionKey", .ty(Ref(RefClass::Key))]
        encryption_key: Key,
    }
}

/// A log group construct; it is retained when the stack is deleted, as the CDK's default
/// removal policy for log groups says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogGroup {
    node: NodeId,
    resource: NodeId,
}

impl LogGroup {
    /// Creates log group `id` under `scope` (a stack or a construct).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, or a handle is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: LogGroupProps,
    ) -> Result<LogGroup, Error> {
        let scope: NodeId = scope.into();
        app.check_each([scope])?;
        app.check_each(props.encryption_key)?;
        let retention = props.retention.unwrap_or(RetentionDays::TwoYears);
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let mut resource = Resource::new("AWS::Logs::LogGroup")
            .prop_opt("KmsKeyId", props.encryption_key.map(Key::key_arn))
            .prop_opt("LogGroupName", props.log_group_name)
            .prop_opt("RetentionInDays", retention.days());
        resource.removal_policy = Some("Retain");
        let resource = stack.add_resource(node, "Resource", resource)?;
        Ok(LogGroup { node, resource })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": group}`: the log group's name.
    pub fn log_group_name(self) -> Value {
        Value::Ref(self.resource)
    }

    /// `{"Fn::GetAtt": [group, "Arn"]}`.
    pub fn log_group_arn(self) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }
}

handle!(LogGroup);

impl RetentionDays {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["logs", "RetentionDays"],
        variants: Self::VARIANT_NAMES,
    };
}
