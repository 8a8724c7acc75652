//! ECR repositories (CDK `aws-ecr.Repository`): a repository of this stack, or one imported by
//! name, that containers pull images from.
//!
//! ```
//! use ecs_core::{App, ecr::{Repository, RepositoryProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let repo = Repository::new(&mut app, s, "Repo", RepositoryProps::default()).unwrap();
//! let shared = Repository::from_repository_name(&mut app, s, "Shared", "shared/base").unwrap();
//! assert!(matches!(repo.repository_arn(&app), ecs_core::cfn::Value::GetAtt(..)));
//! assert!(matches!(shared.repository_arn(&app), ecs_core::cfn::Value::Join(..)));
//! ```

use crate::cfn::{Pseudo, Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::{Role, Statement};

props! {
    /// Properties of a [`Repository`].
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct RepositoryProps {
        /// `RepositoryName`; CloudFormation generates one when absent.
        [into "repositoryName"]
        repository_name: String,
    }
}

#[derive(Debug, Clone)]
pub(crate) enum RepositoryData {
    /// A repository resource of the stack.
    Owned(NodeId),
    /// A repository of the same account and region, known by name.
    Imported(String),
}

/// An ECR repository construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repository {
    node: NodeId,
    index: usize,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Repository {
    /// Creates a repository with id `id` at the top of `stack`; it is kept when the stack is
    /// deleted (the CDK's default).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: RepositoryProps,
    ) -> Result<Repository, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let mut resource =
            Resource::new("AWS::ECR::Repository").prop_opt("RepositoryName", props.repository_name);
        resource.removal_policy = Some("Retain");
        let resource = st.add_resource(node, "Resource", resource)?;
        app.all_mut::<RepositoryData>()
            .push(RepositoryData::Owned(resource));
        Ok(Repository {
            node,
            index: app.all::<RepositoryData>().len() - 1,
        })
    }

    /// A repository of the stack's account and region, by name (CDK `fromRepositoryName`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn from_repository_name(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        name: &str,
    ) -> Result<Repository, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        app.all_mut::<RepositoryData>()
            .push(RepositoryData::Imported(name.to_string()));
        Ok(Repository {
            node,
            index: app.all::<RepositoryData>().len() - 1,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The repository's ARN.
    pub fn repository_arn(self, app: &App) -> Value {
        match &app.all::<RepositoryData>()[self.index] {
            RepositoryData::Owned(r) => Value::GetAtt(*r, "Arn".into()),
            RepositoryData::Imported(name) => {
                Value::arn("ecr", true, true, vec![format!("repository/{name}").into()])
            }
        }
    }

    /// The URI of the image tagged `tag` (a `sha256:` digest is written `@sha256:…`), as the
    /// CDK's `repositoryUriForTagOrDigest` writes it.
    pub fn repository_uri_for_tag_or_digest(self, app: &App, tag: Value) -> Value {
        let separator = match &tag {
            Value::Str(t) if t.starts_with("sha256:") => "@",
            _ => ":",
        };
        self.repository_uri_with(app, separator, tag)
    }

    /// The URI of the image of `digest` (`<uri>@<digest>`), even when the digest is a
    /// reference, as the CDK's `repositoryUriForDigest` writes it.
    ///
    /// ```
    /// use ecs_core::{App, ecr::Repository, cfn::Value};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let repo = Repository::from_repository_name(&mut app, s, "Repo", "web").unwrap();
    /// let uri = repo.repository_uri_for_digest(&app, Value::from("sha256:abc"));
    /// assert!(format!("{uri:?}").contains("/web"));
    /// ```
    pub fn repository_uri_for_digest(self, app: &App, digest: Value) -> Value {
        self.repository_uri_with(app, "@", digest)
    }

    fn repository_uri_with(self, app: &App, separator: &'static str, tag: Value) -> Value {
        let mut parts = match &app.all::<RepositoryData>()[self.index] {
            RepositoryData::Owned(r) => {
                // The account and region of an owned repository come from its ARN.
                let arn_part = |i| {
                    Value::Select(
                        i,
                        Box::new(Value::Split(
                            ":".into(),
                            Box::new(Value::GetAtt(*r, "Arn".into())),
                        )),
                    )
                };
                vec![
                    arn_part(4),
                    ".dkr.ecr.".into(),
                    arn_part(3),
                    ".".into(),
                    Pseudo::UrlSuffix.into(),
                    "/".into(),
                    Value::Ref(*r),
                ]
            }
            RepositoryData::Imported(name) => vec![
                Pseudo::AccountId.into(),
                ".dkr.ecr.".into(),
                Pseudo::Region.into(),
                ".".into(),
                Pseudo::UrlSuffix.into(),
                format!("/{name}").into(),
            ],
        };
        parts.push(separator.into());
        parts.push(tag);
        Value::join("", parts)
    }

    /// Lets `role` pull images (CDK `grantPull`): the layer actions on the repository and
    /// `ecr:GetAuthorizationToken`, which has no resource.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn grant_pull(self, app: &mut App, role: Role) -> Result<(), Error> {
        app.check_each([role])?;
        app.check_stack(self.node.stack)?;
        let arn = self.repository_arn(app);
        grant_pull_from(app, role, arn)
    }
}

/// The pull grant of any repository ARN.
pub(crate) fn grant_pull_from(app: &mut App, role: Role, arn: Value) -> Result<(), Error> {
    role.grant(
        app,
        Statement::allow([
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
        ])
        .on([arn]),
    )?;
    role.grant(
        app,
        Statement::allow(["ecr:GetAuthorizationToken"]).on_any(),
    )
}

props! {
    /// Properties of an [`ImportedRepository`].
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ImportedRepositoryProps {
        /// The name of the existing ECR repository in the stack's account and region.
        [into "repositoryName", .required()]
        repository_name: String,
    }
}

/// Constructor of repositories known by name, in the props style of the other kinds (what
/// `imported_repository` in `ecs_app!` calls).
///
/// ```
/// use ecs_core::{App, ecr::{ImportedRepository, ImportedRepositoryProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// ImportedRepository::new(&mut app, s, "Base", ImportedRepositoryProps::default().repository_name("shared/base")).unwrap();
/// ```
#[derive(Debug)]
pub struct ImportedRepository;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ImportedRepository {
    /// [`Repository::from_repository_name`] with props.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ImportedRepositoryProps,
    ) -> Result<Repository, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(name) = props.repository_name else {
            return Err(Error::new(format!(
                "imported repository `{id}` needs `repository_name`: add e.g. `repository_name: \"team/app\"`"
            )));
        };
        Repository::from_repository_name(app, scope, id, &name)
    }
}

handle!(Repository);

impl crate::construct::app::Data for RepositoryData {}
