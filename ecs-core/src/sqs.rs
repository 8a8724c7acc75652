//! SQS queues (CDK `aws-sqs` `Queue`): timeouts, FIFO, dead-letter queues, encryption, and
//! grants to the roles of tasks that send or consume messages.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::sqs::{DeadLetterQueue, Queue, QueueProps};
//! let mut app = App::new();
//! let s = app.add_stack("Jobs")?;
//! let dlq = Queue::new(&mut app, s, "DeadLetters", QueueProps::default())?;
//! let jobs = Queue::new(&mut app, s, "Jobs", QueueProps::default()
//!     .visibility_timeout(Duration::seconds(300))
//!     .dead_letter_queue(DeadLetterQueue::new(dlq, 3)))?;
//! let t = &app.templates()?[0].1;
//! assert_eq!(t["Resources"]["JobsDF1CC2D4"]["Properties"]["VisibilityTimeout"], 300);
//! # let _ = jobs;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::{Grantee, Statement};
use crate::kms::{Key, KeyProps};

/// How a queue's messages are encrypted at rest (CDK `QueueEncryption`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueueEncryption {
    /// Not encrypted (`SqsManagedSseEnabled: false`).
    Unencrypted,
    /// With SQS-owned keys (`SqsManagedSseEnabled: true`).
    SqsManaged,
    /// With the AWS-managed key `alias/aws/sqs`.
    KmsManaged,
    /// With a customer-managed KMS key: `encryption_master_key`, else a new one under the queue.
    Kms,
}

impl QueueEncryption {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Unencrypted", "SqsManaged", "KmsManaged", "Kms"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["sqs", "QueueEncryption"],
        variants: Self::VARIANT_NAMES,
    };
}

props! {
    /// Properties of a [`Queue`] (CDK `QueueProps`, the part this library supports).
    ///
    /// ```
    /// let p = ecs_core::sqs::QueueProps::default().fifo(true).content_based_deduplication(true);
    /// assert_eq!(p.fifo, Some(true));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct QueueProps {
        /// `QueueName`; a FIFO queue's ends in `.fifo`. CloudFormation generates one when absent.
        [into "queueName"]
        queue_name: String,
        /// How long a received message stays invisible to other consumers (0 to 12 hours).
        [into "visibilityTimeout", .default("30 seconds")]
        visibility_timeout: Duration,
        /// How long messages are kept (1 minute to 14 days).
        [into "retentionPeriod", .default("4 days")]
        retention_period: Duration,
        /// How long new messages stay invisible (0 to 15 minutes).
        [into "deliveryDelay", .default("0")]
        delivery_delay: Duration,
        /// How long a receive waits for messages (long polling, 0 to 20 seconds).
        [into "receiveMessageWaitTime", .default("0")]
        receive_message_wait_time: Duration,
        /// The largest message, in bytes (1,024 to 262,144).
        [opt "maxMessageSizeBytes", .default("262144")]
        max_message_size_bytes: u32,
        /// A FIFO queue: messages in order, each delivered once.
        [opt "fifo", .default("false")]
        fifo: bool,
        /// FIFO only: deduplicates messages by their body's hash.
        [opt "contentBasedDeduplication", .default("false")]
        content_based_deduplication: bool,
        /// How messages are encrypted at rest.
        [opt "encryption", .ty(Enum(&QueueEncryption::DEF)), .default("`SqsManaged` (CloudFormation's default)")]
        encryption: QueueEncryption,
        /// The key of `encryption: Kms`; default a new key under the queue.
        [opt "encryptionMasterKey", .ty(Ref(RefClass::Key))]
        encryption_master_key: Key,
        /// Where messages go after too many receives.
        [opt "deadLetterQueue", .ty(Object(KindId::DeadLetterQueue))]
        dead_letter_queue: DeadLetterQueue,
        /// Task definitions whose task role may receive and delete messages (CDK
        /// `queue.grantConsumeMessages(taskRole)`).
        [none "grantConsumeMessages", .ty(LateRefs(RefClass::TaskDefinition)), .method()]
        grant_consume_messages: (),
        /// Task definitions whose task role may send messages (CDK
        /// `queue.grantSendMessages(taskRole)`).
        [none "grantSendMessages", .ty(LateRefs(RefClass::TaskDefinition)), .method()]
        grant_send_messages: (),
    }
}

props! {
    /// A queue's dead-letter queue and how many receives send a message there (CDK
    /// `DeadLetterQueue`).
    ///
    /// ```
    /// let d = ecs_core::sqs::DeadLetterQueue::default().max_receive_count(3);
    /// assert_eq!(d.max_receive_count, Some(3));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct DeadLetterQueue {
        /// The queue failed messages go to (required).
        [opt "queue", .ty(Ref(RefClass::Queue)), .required()]
        queue: Queue,
        /// How many times a message is received before it goes there (required, 1 or more).
        [opt "maxReceiveCount", .required()]
        max_receive_count: u32,
    }
}

impl DeadLetterQueue {
    /// `queue` after `max_receive_count` receives.
    pub fn new(queue: Queue, max_receive_count: u32) -> DeadLetterQueue {
        DeadLetterQueue::default()
            .queue(queue)
            .max_receive_count(max_receive_count)
    }
}

/// An SQS queue construct (`<id>/Resource`, and `<id>/Key` for `encryption: Kms` without a
/// key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Queue {
    node: NodeId,
    resource: NodeId,
    key: Option<Key>,
}

/// `value`, in whole seconds, when within `[min, max]`; else the error naming the range.
fn seconds_in(
    id: &str,
    property: &str,
    value: Option<Duration>,
    min: u64,
    max: u64,
) -> Result<Option<u32>, Error> {
    let Some(d) = value else { return Ok(None) };
    let d = d.checked(&format!("queue `{id}`"), property)?;
    let s = d.to_seconds();
    if s < min || s > max {
        return Err(Error::new(format!(
            "queue `{id}` cannot have `{property}: {s} seconds`: use {min} to {max} seconds"
        )));
    }
    Ok(Some(s as u32))
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Queue {
    /// Creates queue `id` under `scope` (a stack or a construct).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props
    /// break one of the CDK's checks (ranges of times and sizes, FIFO names and
    /// deduplication, a key without `encryption: Kms`).
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: QueueProps,
    ) -> Result<Queue, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(props.encryption_master_key)?;
        if let Some(d) = &props.dead_letter_queue {
            app.check_each(d.queue)?;
        }
        let fifo = props.fifo.unwrap_or(false);
        if let Some(name) = &props.queue_name
            && fifo
            && !name.ends_with(".fifo")
        {
            return Err(Error::new(format!(
                "queue `{id}` is FIFO: its `queue_name` ends in `.fifo`, e.g. `\"{name}.fifo\"`"
            )));
        }
        if props.content_based_deduplication == Some(true) && !fifo {
            return Err(Error::new(format!(
                "queue `{id}` has `content_based_deduplication: true` without `fifo: true`: content-based deduplication is for FIFO queues"
            )));
        }
        if props.encryption_master_key.is_some()
            && props.encryption.is_some_and(|e| e != QueueEncryption::Kms)
        {
            return Err(Error::new(format!(
                "queue `{id}` has `encryption_master_key` with another `encryption`: a key needs `encryption: Kms`"
            )));
        }
        let visibility = seconds_in(
            id,
            "visibility_timeout",
            props.visibility_timeout,
            0,
            43_200,
        )?;
        let retention = seconds_in(
            id,
            "retention_period",
            props.retention_period,
            60,
            1_209_600,
        )?;
        let delay = seconds_in(id, "delivery_delay", props.delivery_delay, 0, 900)?;
        let wait = seconds_in(
            id,
            "receive_message_wait_time",
            props.receive_message_wait_time,
            0,
            20,
        )?;
        if let Some(size) = props.max_message_size_bytes
            && !(1024..=262_144).contains(&size)
        {
            return Err(Error::new(format!(
                "queue `{id}` cannot have `max_message_size_bytes: {size}`: use 1024 to 262144"
            )));
        }
        let dead_letters = match &props.dead_letter_queue {
            None => None,
            Some(DeadLetterQueue {
                queue: Some(queue),
                max_receive_count: Some(count),
            }) if *count >= 1 => Some((*queue, *count)),
            Some(d) => {
                let missing = if d.queue.is_none() {
                    "`queue`"
                } else {
                    "`max_receive_count` of 1 or more"
                };
                return Err(Error::new(format!(
                    "the dead-letter queue of queue `{id}` needs {missing}"
                )));
            }
        };
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let path = stack.path(node);
        let encryption = props
            .encryption
            .unwrap_or(if props.encryption_master_key.is_some() {
                QueueEncryption::Kms
            } else {
                QueueEncryption::SqsManaged
            });
        let (master_key, sse, key) = match encryption {
            QueueEncryption::Unencrypted => (None, Some(false), None),
            // CloudFormation's default: nothing to write unless asked for.
            QueueEncryption::SqsManaged => (None, props.encryption.map(|_| true), None),
            QueueEncryption::KmsManaged => (Some(Value::from("alias/aws/sqs")), None, None),
            QueueEncryption::Kms => {
                let key = match props.encryption_master_key {
                    Some(key) => key,
                    None => Key::new_in(
                        app,
                        node,
                        "Key",
                        KeyProps::default().description(format!("Created by {path}")),
                    )?,
                };
                (Some(key.key_arn()), None, Some(key))
            }
        };
        let mut resource = Resource::new("AWS::SQS::Queue")
            .prop_opt(
                "ContentBasedDeduplication",
                props.content_based_deduplication,
            )
            .prop_opt("DelaySeconds", delay)
            .prop_opt("FifoQueue", props.fifo)
            .prop_opt("KmsMasterKeyId", master_key)
            .prop_opt("MaximumMessageSize", props.max_message_size_bytes)
            .prop_opt("MessageRetentionPeriod", retention)
            .prop_opt("QueueName", props.queue_name)
            .prop_opt("ReceiveMessageWaitTimeSeconds", wait)
            .prop_opt("SqsManagedSseEnabled", sse)
            .prop_opt("VisibilityTimeout", visibility);
        if let Some((queue, count)) = dead_letters {
            resource.set(
                "RedrivePolicy",
                Value::map([
                    (
                        "deadLetterTargetArn",
                        Value::GetAtt(queue.resource, "Arn".into()),
                    ),
                    ("maxReceiveCount", Value::from(count)),
                ]),
            );
        }
        resource.removal_policy = Some("Delete");
        let resource = app
            .stack_mut(node.stack())
            .add_resource(node, "Resource", resource)?;
        Ok(Queue {
            node,
            resource,
            key,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [queue, "Arn"]}`.
    pub fn queue_arn(self, _app: &App) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }

    /// `{"Ref": queue}`: the URL.
    pub fn queue_url(self, _app: &App) -> Value {
        Value::Ref(self.resource)
    }

    /// `{"Fn::GetAtt": [queue, "QueueName"]}`.
    pub fn queue_name(self, _app: &App) -> Value {
        Value::GetAtt(self.resource, "QueueName".into())
    }

    /// Metric `metric_name` of the queue (CDK `queue.metric(name)`), averaged over 5 minutes.
    pub fn metric(self, metric_name: &str) -> crate::cloudwatch::Metric {
        crate::cloudwatch::Metric::new("AWS/SQS", metric_name).with_dimension(
            "QueueName",
            Value::GetAtt(self.resource, "QueueName".into()),
        )
    }

    /// The messages waiting, the maximum over 5 minutes (CDK
    /// `metricApproximateNumberOfMessagesVisible`): what a worker service scales on.
    pub fn metric_approximate_number_of_messages_visible(self) -> crate::cloudwatch::Metric {
        self.metric("ApproximateNumberOfMessagesVisible")
            .with_statistic("Maximum")
    }

    /// The age of the oldest message, the maximum over 5 minutes (CDK
    /// `metricApproximateAgeOfOldestMessage`).
    pub fn metric_approximate_age_of_oldest_message(self) -> crate::cloudwatch::Metric {
        self.metric("ApproximateAgeOfOldestMessage")
            .with_statistic("Maximum")
    }

    /// The messages sent, summed over 5 minutes (CDK `metricNumberOfMessagesSent`).
    pub fn metric_number_of_messages_sent(self) -> crate::cloudwatch::Metric {
        self.metric("NumberOfMessagesSent").with_statistic("Sum")
    }

    /// Lets `grantee` receive, change the visibility of and delete messages (CDK
    /// `grantConsumeMessages`), and decrypt them with the queue's key.
    ///
    /// # Errors
    ///
    /// When the queue or the grantee is of another app.
    pub fn grant_consume_messages(self, app: &mut App, grantee: impl Grantee) -> Result<(), Error> {
        self.grant(
            app,
            grantee,
            &[
                "sqs:ReceiveMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueUrl",
                "sqs:DeleteMessage",
                "sqs:GetQueueAttributes",
            ],
            &["kms:Decrypt"],
        )
    }

    /// Lets `grantee` send messages (CDK `grantSendMessages`), and encrypt them with the
    /// queue's key.
    ///
    /// # Errors
    ///
    /// When the queue or the grantee is of another app.
    pub fn grant_send_messages(self, app: &mut App, grantee: impl Grantee) -> Result<(), Error> {
        self.grant(
            app,
            grantee,
            &[
                "sqs:SendMessage",
                "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl",
            ],
            &[
                "kms:Decrypt",
                "kms:Encrypt",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
            ],
        )
    }

    fn grant(
        self,
        app: &mut App,
        grantee: impl Grantee,
        actions: &[&'static str],
        key_actions: &[&'static str],
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        let role = grantee.grantee_role(app);
        role.check_resource_grant(app, self.node.stack(), "the queue")?;
        role.grant(
            app,
            Statement::allow(actions.iter().copied())
                .on([Value::GetAtt(self.resource, "Arn".into())]),
        )?;
        if let Some(key) = self.key {
            role.grant(
                app,
                Statement::allow(key_actions.iter().copied()).on([key.key_arn()]),
            )?;
        }
        Ok(())
    }
}

handle!(Queue);
