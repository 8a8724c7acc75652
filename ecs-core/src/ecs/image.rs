//! Container images, the seven kinds of the CDK (`ContainerImage` and its factories): a
//! registry image (with credentials), an ECR repository image (by tag or digest, or with a tag
//! given as a template parameter), and three kinds of asset: a Dockerfile directory, a Docker
//! image asset, a tarball.
//!
//! Binding an image to a container may create the task's execution role and grant it the
//! right to pull, as the CDK's `ContainerImage.bind` does.
//!
//! ```
//! use ecs_core::ecs::image::ContainerImage;
//! let image = ContainerImage::from_registry("amazon/amazon-ecs-sample");
//! assert_eq!(image, ContainerImage::Registry { name: "amazon/amazon-ecs-sample".into(), credentials: None });
//! ```

use std::path::PathBuf;

use crate::cfn::{Element, Parameter, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ecr::Repository;
use crate::ecr_assets::{DockerImageAsset, DockerImageAssetProps};
use crate::ecs::task_definition::TaskDefinition;
use crate::error::Error;
use crate::secretsmanager::Secret;

/// Where a container's image comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerImage {
    /// An image in a public registry, or Docker Hub, named as `docker pull` names it.
    Registry {
        /// The image name, e.g. `amazon/amazon-ecs-sample` or `nginx:1.27`.
        name: String,
        /// A secret holding the registry's `username` and `password`.
        credentials: Option<Secret>,
    },
    /// An image of an ECR repository, by tag or `sha256:` digest.
    Ecr {
        /// The repository.
        repository: Repository,
        /// The tag (`latest` by default) or digest.
        tag: String,
    },
    /// An image of an ECR repository whose tag is a template parameter (CDK
    /// `TagParameterContainerImage`), so a pipeline can deploy a new tag without a new
    /// template.
    TagParameter {
        /// The repository.
        repository: Repository,
        /// Whether the parameter holds a digest (`<uri>@<digest>`) instead of a tag.
        is_image_digest: bool,
    },
    /// An image built from a directory holding a Dockerfile when the app is deployed.
    Asset {
        /// The build context.
        directory: PathBuf,
        /// `--build-arg`s.
        build_args: Vec<(String, String)>,
    },
    /// An image asset declared on its own.
    DockerImageAsset {
        /// The asset.
        asset: DockerImageAsset,
    },
    /// An image loaded from a `docker save` tarball when the app is deployed.
    Tarball {
        /// The tarball.
        file: PathBuf,
    },
}

/// Whether a registry image names an ECR repository, by the CDK's `ECR_IMAGE_REGEX`
/// (`^[a-zA-Z0-9][a-zA-Z0-9-_]*\.dkr\.ecr\.[a-zA-Z0-9][a-zA-Z0-9-_]*\.amazonaws.com(\.cn)?\/.*`):
/// pulling it needs permissions `from_registry` does not grant.
///
/// ```text
/// 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 → true; public.ecr.aws/nginx/nginx → false
/// ```
fn is_ecr_image(name: &str) -> bool {
    fn label(s: &str) -> bool {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    }
    let Some((account, rest)) = name.split_once(".dkr.ecr.") else {
        return false;
    };
    let Some(dot) = rest.find('.') else {
        return false;
    };
    let (region, host) = rest.split_at(dot);
    // `amazonaws.com` with the regex's unescaped `.`: any one character between.
    let host = host.as_bytes();
    let domain = host.len() >= 14 && &host[..10] == b".amazonaws" && &host[11..14] == b"com";
    let rest = if domain { &host[14..] } else { return false };
    let rest = rest.strip_prefix(b".cn").unwrap_or(rest);
    label(account) && label(region) && rest.first() == Some(&b'/')
}

/// What binding an image gives the container definition.
pub(crate) struct BoundImage {
    /// `Image`.
    pub(crate) image: Value,
    /// `RepositoryCredentials.CredentialsParameter`.
    pub(crate) credentials: Option<Value>,
    /// The logical ID of the tag parameter, for [`TagParameter`](ContainerImage::TagParameter).
    pub(crate) tag_parameter: Option<String>,
}

/// Options of [`ContainerImage::from_tag_parameter_with`] (CDK
/// `TagParameterContainerImageProps`).
///
/// ```
/// let p = ecs_core::ecs::image::TagParameterContainerImageProps::default().is_image_digest(true);
/// assert!(p.is_image_digest);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TagParameterContainerImageProps {
    /// Whether the parameter holds an image digest (`sha256:…`) rather than a tag; default
    /// false.
    pub is_image_digest: bool,
}

impl TagParameterContainerImageProps {
    /// Sets `is_image_digest`.
    pub fn is_image_digest(mut self, is_image_digest: bool) -> Self {
        self.is_image_digest = is_image_digest;
        self
    }
}

impl ContainerImage {
    /// An image from Docker Hub or another registry (CDK `ContainerImage.fromRegistry`).
    pub fn from_registry(name: impl Into<String>) -> ContainerImage {
        ContainerImage::Registry {
            name: name.into(),
            credentials: None,
        }
    }

    /// A private registry's image, pulled with the username and password in `credentials`
    /// (CDK `fromRegistry(name, { credentials })`).
    ///
    /// ```no_run
    /// # use ecs_core::{App, ecs::image::ContainerImage, secretsmanager::Secret};
    /// # let mut app = App::new(); let s = app.add_stack("S").unwrap();
    /// let secret = Secret::new(&mut app, s, "RegistryCredentials", Default::default()).unwrap();
    /// let image = ContainerImage::from_registry_with_credentials("registry.example.com/app:1.0", secret);
    /// ```
    pub fn from_registry_with_credentials(
        name: impl Into<String>,
        credentials: Secret,
    ) -> ContainerImage {
        ContainerImage::Registry {
            name: name.into(),
            credentials: Some(credentials),
        }
    }

    /// An image of a registry with the options of CDK `fromRegistry(name, props)`: its
    /// credentials, when given, as [`ContainerImage::from_registry_with_credentials`].
    ///
    /// ```
    /// use ecs_core::ecs::image::{ContainerImage, RepositoryImageProps};
    /// let image = ContainerImage::from_registry_with("nginx", RepositoryImageProps::default());
    /// assert_eq!(image, ContainerImage::from_registry("nginx"));
    /// ```
    pub fn from_registry_with(
        name: impl Into<String>,
        props: RepositoryImageProps,
    ) -> ContainerImage {
        ContainerImage::Registry {
            name: name.into(),
            credentials: props.credentials,
        }
    }

    /// The `latest` image of an ECR repository (CDK `fromEcrRepository(repo)`).
    pub fn from_ecr_repository(repository: Repository) -> ContainerImage {
        ContainerImage::from_ecr_repository_tag(repository, "latest")
    }

    /// An ECR repository's image by tag or `sha256:` digest (CDK `fromEcrRepository(repo, tag)`).
    pub fn from_ecr_repository_tag(
        repository: Repository,
        tag: impl Into<String>,
    ) -> ContainerImage {
        ContainerImage::Ecr {
            repository,
            tag: tag.into(),
        }
    }

    /// An ECR repository's image whose tag is a template parameter (CDK
    /// `new TagParameterContainerImage(repo)`).
    pub fn from_tag_parameter(repository: Repository) -> ContainerImage {
        ContainerImage::from_tag_parameter_with(
            repository,
            TagParameterContainerImageProps::default(),
        )
    }

    /// An ECR repository's image whose tag, or digest, is a template parameter (CDK
    /// `new TagParameterContainerImage(repo, props)`).
    ///
    /// ```
    /// use ecs_core::ecs::image::{ContainerImage, TagParameterContainerImageProps};
    /// use ecs_core::{App, ecr::Repository};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let repo = Repository::from_repository_name(&mut app, s, "Repo", "web").unwrap();
    /// let image = ContainerImage::from_tag_parameter_with(repo,
    ///     TagParameterContainerImageProps::default().is_image_digest(true));
    /// assert_ne!(image, ContainerImage::from_tag_parameter(repo));
    /// ```
    pub fn from_tag_parameter_with(
        repository: Repository,
        props: TagParameterContainerImageProps,
    ) -> ContainerImage {
        ContainerImage::TagParameter {
            repository,
            is_image_digest: props.is_image_digest,
        }
    }

    /// An image built from `directory` (CDK `ContainerImage.fromAsset`).
    pub fn from_asset(directory: impl Into<PathBuf>) -> ContainerImage {
        ContainerImage::Asset {
            directory: directory.into(),
            build_args: Vec::new(),
        }
    }

    /// An image built from `directory` with build arguments.
    pub fn from_asset_with_build_args<K: Into<String>, V: Into<String>>(
        directory: impl Into<PathBuf>,
        build_args: impl IntoIterator<Item = (K, V)>,
    ) -> ContainerImage {
        ContainerImage::Asset {
            directory: directory.into(),
            build_args: build_args
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The image of a [`DockerImageAsset`] (CDK `fromDockerImageAsset`).
    pub fn from_docker_image_asset(asset: DockerImageAsset) -> ContainerImage {
        ContainerImage::DockerImageAsset { asset }
    }

    /// An image loaded from a tarball (CDK `ContainerImage.fromTarball`).
    pub fn from_tarball(file: impl Into<PathBuf>) -> ContainerImage {
        ContainerImage::Tarball { file: file.into() }
    }

    /// Binds the image to container `container` of `task`: stages assets, creates the
    /// parameter of a tag-parameter image and grants the execution role what pulling needs.
    pub(crate) fn bind(
        &self,
        app: &mut App,
        task: TaskDefinition,
        container: NodeId,
    ) -> Result<BoundImage, Error> {
        let mut bound = BoundImage {
            image: Value::Null,
            credentials: None,
            tag_parameter: None,
        };
        match self {
            ContainerImage::Registry { name, credentials } => {
                bound.image = Value::from(name.clone());
                if is_ecr_image(name) {
                    app.stack_mut(container.stack()).warn(
                        container,
                        "@aws-cdk/aws-ecs:ecrImageRequiresPolicy",
                        "Proper policies need to be attached before pulling from ECR repository, or use 'fromEcrRepository'.",
                    );
                }
                if let Some(secret) = credentials {
                    let role = task.obtain_execution_role(app)?;
                    secret.grant_read(app, role)?;
                    bound.credentials = Some(secret.secret_arn());
                }
            }
            ContainerImage::Ecr { repository, tag } => {
                let role = task.obtain_execution_role(app)?;
                repository.grant_pull(app, role)?;
                bound.image = repository.repository_uri_for_tag_or_digest(app, tag.clone().into());
            }
            ContainerImage::TagParameter {
                repository,
                is_image_digest,
            } => {
                let st = app.stack_mut(container.stack());
                let parameter = st.add_element(
                    container,
                    "ImageTagParam",
                    Element::Parameter(Parameter {
                        kind: "String".into(),
                        default: None,
                        description: None,
                    }),
                )?;
                bound.tag_parameter = Some(st.logical_id(parameter));
                let role = task.obtain_execution_role(app)?;
                repository.grant_pull(app, role)?;
                bound.image = if *is_image_digest {
                    repository.repository_uri_for_digest(app, Value::Ref(parameter))
                } else {
                    repository.repository_uri_for_tag_or_digest(app, Value::Ref(parameter))
                };
            }
            ContainerImage::Asset {
                directory,
                build_args,
            } => {
                let props = DockerImageAssetProps::new(directory).build_args(build_args.clone());
                let asset = DockerImageAsset::new_in(app, container, "AssetImage", props)?;
                bound.image = asset_image(app, task, asset)?;
            }
            ContainerImage::DockerImageAsset { asset } => {
                bound.image = asset_image(app, task, *asset)?;
            }
            ContainerImage::Tarball { file } => {
                let asset = DockerImageAsset::from_tarball_in(app, container, "Tarball", file)?;
                bound.image = asset_image(app, task, asset)?;
            }
        }
        Ok(bound)
    }
}

/// The image URI of an asset, after granting the execution role pulls from the bootstrap
/// repository.
fn asset_image(
    app: &mut App,
    task: TaskDefinition,
    asset: DockerImageAsset,
) -> Result<Value, Error> {
    let role = task.obtain_execution_role(app)?;
    crate::ecr::grant_pull_from(
        app,
        role,
        crate::ecr_assets::container_assets_repository_arn(),
    )?;
    Ok(asset.image_uri(app))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ecr_registry_images_are_recognized_as_the_cdk_does() {
        assert!(super::is_ecr_image(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
        ));
        assert!(super::is_ecr_image(
            "1.dkr.ecr.cn-north-1.amazonaws.com.cn/app"
        ));
        assert!(!super::is_ecr_image("public.ecr.aws/nginx/nginx:1.27"));
        assert!(!super::is_ecr_image("amazon/amazon-ecs-sample"));
        assert!(!super::is_ecr_image("1.dkr.ecr.us-east-1.amazonaws.com"));
    }
}

/// Options of an image of a registry (CDK `RepositoryImageProps`).
///
/// ```
/// let p = ecs_core::ecs::image::RepositoryImageProps::default();
/// assert!(p.credentials.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RepositoryImageProps {
    /// The Secrets Manager secret holding the registry's user name and password.
    pub credentials: Option<Secret>,
}

impl RepositoryImageProps {
    /// Sets `credentials`.
    pub fn credentials(mut self, secret: Secret) -> Self {
        self.credentials = Some(secret);
        self
    }
}
