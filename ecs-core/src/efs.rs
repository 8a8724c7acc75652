//! Amazon EFS file systems and access points (CDK `aws-efs.FileSystem`, `AccessPoint`), the
//! part EFS volumes of tasks need: the file system with a mount target in each private subnet,
//! its security group, access points, IAM grants and NFS connections.
//!
//! ```
//! use ecs_core::{App, ec2::Vpc, efs::{FileSystem, FileSystemProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let vpc = Vpc::new(&mut app, s, "Vpc", Default::default()).unwrap();
//! let fs = FileSystem::new(&mut app, s, "FileSystem", FileSystemProps::default().vpc(vpc)).unwrap();
//! assert!(matches!(fs.file_system_id(), ecs_core::cfn::Value::Ref(_)));
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::{Connectable, SecurityGroup, Vpc};
use crate::error::Error;
use crate::iam::{Grantee, PolicyDocument, Statement};

/// The NFS port.
const NFS_PORT: u32 = 2049;

props! {
    /// Properties of a [`FileSystem`].
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct FileSystemProps {
        /// The VPC whose private subnets get mount targets (required).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .required()]
        vpc: Vpc,
        /// The `Name` tag; default the construct path.
        [into "fileSystemName", .default("the construct path")]
        file_system_name: String,
        /// Which subnets get mount targets.
        [into "vpcSubnets", .ty(Object(KindId::SubnetSelection)), .default("one subnet per zone of the default selection")]
        vpc_subnets: crate::ec2::SubnetSelection,
        /// Task definitions whose task role may mount, read and write the file system (CDK
        /// `fileSystem.grantReadWrite(taskRole)`).
        [none "grantReadWrite", .ty(LateRefs(RefClass::TaskDefinition)), .method()]
        grant_read_write: (),
    }
}

/// An EFS file system construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSystem {
    node: NodeId,
    resource: NodeId,
    security_group: SecurityGroup,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl FileSystem {
    /// Creates an encrypted file system with id `id` at the top of `stack`, kept when the stack
    /// is deleted, reachable only through its mount targets (the recommended flags'
    /// `denyAnonymousAccess`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: FileSystemProps,
    ) -> Result<FileSystem, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        let Some(vpc) = props.vpc else {
            return Err(Error::new(format!(
                "file system `{id}` needs `vpc`: add `vpc: <name>`"
            )));
        };
        // The CDK's default: one subnet per zone of the default selection.
        let subnets: Vec<(String, Value)> = vpc
            .selected(
                app,
                &props
                    .vpc_subnets
                    .clone()
                    .unwrap_or_else(|| crate::ec2::SubnetSelection::default().one_per_az(true)),
            )?
            .into_iter()
            .map(|s| (s.id, s.subnet_id))
            .collect();
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let name = props.file_system_name.unwrap_or_else(|| st.path(node));
        st.add_tag(node, "Name", &name);
        let mut policy = PolicyDocument::default();
        let mut statement = Statement::allow([
            "elasticfilesystem:ClientRootAccess",
            "elasticfilesystem:ClientWrite",
        ])
        .when(
            "Bool",
            "elasticfilesystem:AccessedViaMountTarget",
            "true".into(),
        );
        statement.principal = Some(Value::map([("AWS", Value::from("*"))]));
        policy.add(statement);
        let mut resource = Resource::new("AWS::EFS::FileSystem")
            .prop("Encrypted", true)
            .prop("FileSystemPolicy", policy);
        resource.removal_policy = Some("Retain");
        let resource = st.add_resource(node, "Resource", resource)?;
        let security_group = SecurityGroup::new(
            app,
            node,
            "EfsSecurityGroup",
            crate::ec2::SecurityGroupProps::default().vpc(vpc),
        )?;
        let sg_id = security_group.group_id(app);
        let st = app.stack_mut(stack);
        for (subnet, subnet_id) in subnets {
            st.add_resource(
                node,
                &format!("EfsMountTarget-{subnet}"),
                Resource::new("AWS::EFS::MountTarget")
                    .prop("FileSystemId", Value::Ref(resource))
                    .prop("SecurityGroups", Value::List(vec![sg_id.clone()]))
                    .prop("SubnetId", subnet_id),
            )?;
        }
        Ok(FileSystem {
            node,
            resource,
            security_group,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": filesystem}`: the file system id.
    pub fn file_system_id(self) -> Value {
        Value::Ref(self.resource)
    }

    /// `{"Fn::GetAtt": [filesystem, "Arn"]}`.
    pub fn file_system_arn(self) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }

    /// Lets `grantee` (a role, or a task definition's task role) mount and write through a
    /// mount target (CDK `grantReadWrite`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn grant_read_write(self, app: &mut App, grantee: impl Grantee) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let role = grantee.grantee_role(app);
        role.check_resource_grant(app, self.node.stack(), "the file system")?;
        role.grant(
            app,
            Statement::allow([
                "elasticfilesystem:ClientWrite",
                "elasticfilesystem:ClientMount",
            ])
            .on([self.file_system_arn()])
            .when(
                "Bool",
                "elasticfilesystem:AccessedViaMountTarget",
                "true".into(),
            ),
        )
    }

    /// Opens NFS to `peer`: a service's tasks, a security group, an address range, …
    /// (CDK `connections.allowDefaultPortFrom(peer)`).
    ///
    /// # Errors
    ///
    /// When `peer` or the file system is of another app.
    pub fn allow_default_port_from(
        self,
        app: &mut App,
        peer: impl Connectable,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        self.connections(app)
            .allow_default_port_from(app, &peer, None)
    }
}

/// A file system is reached through its security group, on NFS by default.
impl Connectable for FileSystem {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.node)
    }
    fn security_groups(&self, _app: &App) -> Vec<SecurityGroup> {
        vec![self.security_group]
    }
    fn default_port(&self, _app: &App) -> Option<crate::ec2::Port> {
        Some(crate::ec2::Port::tcp(NFS_PORT))
    }
}

/// The POSIX owner of an access point's root directory when EFS creates it (CDK `Acl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acl {
    /// `OwnerUid`.
    pub owner_uid: String,
    /// `OwnerGid`.
    pub owner_gid: String,
    /// `Permissions`, octal, e.g. `750`.
    pub permissions: String,
}

impl Acl {
    /// An owner and permissions.
    pub fn new(
        owner_uid: impl Into<String>,
        owner_gid: impl Into<String>,
        permissions: impl Into<String>,
    ) -> Acl {
        Acl {
            owner_uid: owner_uid.into(),
            owner_gid: owner_gid.into(),
            permissions: permissions.into(),
        }
    }
}

/// The POSIX identity clients of an access point act as (CDK `PosixUser`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PosixUser {
    /// `Uid`.
    pub uid: String,
    /// `Gid`.
    pub gid: String,
}

impl PosixUser {
    /// A user and group.
    pub fn new(uid: impl Into<String>, gid: impl Into<String>) -> PosixUser {
        PosixUser {
            uid: uid.into(),
            gid: gid.into(),
        }
    }
}

props! {
    /// Properties of an [`AccessPoint`].
    ///
    /// ```
    /// use ecs_core::efs::{AccessPointProps, Acl, PosixUser};
    /// let p = AccessPointProps::default().path("/data").create_acl(Acl::new("1000", "1000", "750")).posix_user(PosixUser::new("1000", "1000"));
    /// assert_eq!(p.path.as_deref(), Some("/data"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AccessPointProps {
        /// The file system (required).
        [opt "fileSystem", .ty(Ref(RefClass::FileSystem)), .required()]
        file_system: FileSystem,
        /// `RootDirectory.Path`.
        [into "path"]
        path: String,
        /// `RootDirectory.CreationInfo`.
        [opt "createAcl"]
        create_acl: Acl,
        /// `PosixUser`.
        [opt "posixUser"]
        posix_user: PosixUser,
    }
}

/// An EFS access point construct, created in its file system's scope as the CDK's
/// `fileSystem.addAccessPoint(id)` creates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessPoint {
    node: NodeId,
    resource: NodeId,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl AccessPoint {
    /// Adds access point `id` to `props.file_system`; `stack` must be the file system's.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: AccessPointProps,
    ) -> Result<AccessPoint, Error> {
        let _ = scope.into();
        let Some(fs) = props.file_system else {
            return Err(Error::new(format!(
                "access point `{id}` needs `file_system`: add `file_system: <name>`"
            )));
        };
        let st = app.stack_mut(fs.node.stack());
        let node = st.add_node(fs.node, id)?;
        let path = st.path(node);
        st.add_tag(node, "Name", &path);
        let mut root = Vec::new();
        if let Some(acl) = &props.create_acl {
            root.push((
                "CreationInfo",
                Value::map([
                    ("OwnerGid", Value::from(acl.owner_gid.clone())),
                    ("OwnerUid", Value::from(acl.owner_uid.clone())),
                    ("Permissions", Value::from(acl.permissions.clone())),
                ]),
            ));
        }
        if let Some(p) = &props.path {
            root.push(("Path", Value::from(p.clone())));
        }
        let mut resource =
            Resource::new("AWS::EFS::AccessPoint").prop("FileSystemId", fs.file_system_id());
        if let Some(u) = &props.posix_user {
            resource.set(
                "PosixUser",
                Value::map([
                    ("Gid", Value::from(u.gid.clone())),
                    ("Uid", Value::from(u.uid.clone())),
                ]),
            );
        }
        if !root.is_empty() {
            resource.set("RootDirectory", Value::map(root));
        }
        let resource = st.add_resource(node, "Resource", resource)?;
        Ok(AccessPoint { node, resource })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": accesspoint}`: the access point id.
    pub fn access_point_id(self) -> Value {
        Value::Ref(self.resource)
    }
}

handle!(FileSystem, AccessPoint);
