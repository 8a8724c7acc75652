//! Container images (CDK `ContainerImage`).

use crate::cfn::Value;

/// Where a container's image comes from.
///
/// ```
/// use ecs_core::image::ContainerImage;
/// let image = ContainerImage::from_registry("amazon/amazon-ecs-sample");
/// assert_eq!(image, ContainerImage::Registry { name: "amazon/amazon-ecs-sample".into() });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerImage {
    /// An image in a public registry, or Docker Hub, named as `docker pull` names it.
    Registry {
        /// The image name, e.g. `amazon/amazon-ecs-sample` or `nginx:1.27`.
        name: String,
    },
}

impl ContainerImage {
    /// An image from Docker Hub or another registry (CDK `ContainerImage.fromRegistry`).
    pub fn from_registry(name: impl Into<String>) -> ContainerImage {
        ContainerImage::Registry { name: name.into() }
    }

    /// The `Image` value of the container definition.
    pub(crate) fn render(&self) -> Value {
        match self {
            ContainerImage::Registry { name } => Value::from(name.as_str()),
        }
    }
}
