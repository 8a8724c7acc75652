//! Machine images for EC2 capacity: the ECS-optimized Amazon Linux AMIs and Bottlerocket, each
//! resolved at deploy time through its public SSM parameter (CDK `amis.ts`).
//!
//! ```
//! use ecs_core::ec2::machine_image::{AmiHardwareType, EcsOptimizedImage};
//! let image = EcsOptimizedImage::amazon_linux2(AmiHardwareType::Arm);
//! assert_eq!(image.ssm_parameter(), "/aws/service/ecs/optimized-ami/amazon-linux-2/arm64/recommended/image_id");
//! ```

/// The hardware an ECS-optimized AMI is built for (CDK `AmiHardwareType`).
///
/// ```
/// assert_eq!(ecs_core::ec2::machine_image::AmiHardwareType::default(), ecs_core::ec2::machine_image::AmiHardwareType::Standard);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AmiHardwareType {
    /// x86-64 without accelerators.
    #[default]
    Standard,
    /// NVIDIA GPUs.
    Gpu,
    /// ARM64 (AWS Graviton).
    Arm,
    /// AWS Inferentia and Trainium (Neuron).
    Neuron,
}

impl AmiHardwareType {
    /// The variants a user may write, in the order messages list them.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Standard", "Gpu", "Arm", "Neuron"];
}

/// The Amazon Linux generation of an ECS-optimized AMI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmazonLinuxGeneration {
    /// Amazon Linux (end of life; standard hardware only).
    AmazonLinux,
    /// Amazon Linux 2.
    AmazonLinux2,
    /// Amazon Linux 2023.
    AmazonLinux2023,
}

/// How the ECS agent on an instance is configured: the user data a cluster writes for it
/// (CDK `MachineImageType`).
///
/// ```
/// assert_eq!(ecs_core::ec2::machine_image::MachineImageType::default(), ecs_core::ec2::machine_image::MachineImageType::AmazonLinux2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MachineImageType {
    /// A shell script appending to `/etc/ecs/ecs.config` (every ECS-optimized Amazon Linux).
    #[default]
    AmazonLinux2,
    /// Bottlerocket's TOML settings.
    Bottlerocket,
}

impl MachineImageType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["AmazonLinux2", "Bottlerocket"];
}

/// A Bottlerocket ECS variant (CDK `BottlerocketEcsVariant`).
///
/// ```
/// assert_eq!(ecs_core::ec2::machine_image::BottlerocketEcsVariant::AwsEcs2Nvidia.name(), "aws-ecs-2-nvidia");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BottlerocketEcsVariant {
    /// `aws-ecs-1`.
    #[default]
    AwsEcs1,
    /// `aws-ecs-1-nvidia`.
    AwsEcs1Nvidia,
    /// `aws-ecs-2`.
    AwsEcs2,
    /// `aws-ecs-2-nvidia`.
    AwsEcs2Nvidia,
}

impl BottlerocketEcsVariant {
    /// The variant's name in the SSM parameter path.
    pub const fn name(self) -> &'static str {
        match self {
            BottlerocketEcsVariant::AwsEcs1 => "aws-ecs-1",
            BottlerocketEcsVariant::AwsEcs1Nvidia => "aws-ecs-1-nvidia",
            BottlerocketEcsVariant::AwsEcs2 => "aws-ecs-2",
            BottlerocketEcsVariant::AwsEcs2Nvidia => "aws-ecs-2-nvidia",
        }
    }
}

/// A processor architecture (CDK `ec2.InstanceArchitecture`).
///
/// ```
/// use ecs_core::ec2::machine_image::InstanceArchitecture;
/// assert_eq!(InstanceArchitecture::of_instance_type("c6g.large"), InstanceArchitecture::Arm64);
/// assert_eq!(InstanceArchitecture::of_instance_type("c5.large"), InstanceArchitecture::X86_64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum InstanceArchitecture {
    /// `x86_64`.
    #[default]
    X86_64,
    /// `arm64`.
    Arm64,
}

impl InstanceArchitecture {
    /// The name in SSM parameter paths.
    pub const fn name(self) -> &'static str {
        match self {
            InstanceArchitecture::X86_64 => "x86_64",
            InstanceArchitecture::Arm64 => "arm64",
        }
    }

    /// The architecture of an instance type as the CDK reads it: family `a`, or a `g` among
    /// the capabilities after the generation (`c6g`, `m7gd`), is ARM64.
    pub fn of_instance_type(instance_type: &str) -> InstanceArchitecture {
        let class = instance_type.split('.').next().unwrap_or("");
        let family: String = class
            .chars()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        let capabilities: String = class[family.len()..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .into();
        if family == "a" || capabilities.contains('g') {
            InstanceArchitecture::Arm64
        } else {
            InstanceArchitecture::X86_64
        }
    }
}

/// A version of Windows Server with an ECS-optimized AMI (CDK `WindowsOptimizedVersion`).
///
/// ```
/// assert_eq!(ecs_core::ec2::machine_image::WindowsOptimizedVersion::Server2022.year(), "2022");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowsOptimizedVersion {
    /// Windows Server 2025.
    Server2025,
    /// Windows Server 2022.
    Server2022,
    /// Windows Server 2019.
    Server2019,
    /// Windows Server 2016.
    Server2016,
}

impl WindowsOptimizedVersion {
    /// The version's year, as the SSM parameter path names it.
    pub const fn year(self) -> &'static str {
        match self {
            WindowsOptimizedVersion::Server2025 => "2025",
            WindowsOptimizedVersion::Server2022 => "2022",
            WindowsOptimizedVersion::Server2019 => "2019",
            WindowsOptimizedVersion::Server2016 => "2016",
        }
    }
}

/// Where an image id comes from: resolved by CloudFormation at each deployment (the default),
/// or looked up once by the CDK CLI and kept in `cdk.context.json` (CDK `cachedInContext`), so
/// that instances are not replaced when a newer image is published.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ImageLookup {
    /// Whether the CLI looks the id up once (needs a stack with an account and a region).
    pub cached_in_context: bool,
    /// Told apart from other lookups of the same parameter (CDK `additionalCacheKey`).
    pub additional_cache_key: Option<String>,
}

/// A machine image an auto-scaling group boots (CDK `ec2.IMachineImage`, the kinds ECS uses).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MachineImage {
    /// An ECS-optimized Amazon Linux AMI.
    EcsOptimized {
        /// Which Amazon Linux.
        generation: AmazonLinuxGeneration,
        /// For which hardware.
        hardware: AmiHardwareType,
        /// How its id is resolved.
        lookup: ImageLookup,
    },
    /// A Bottlerocket ECS AMI.
    Bottlerocket {
        /// Which variant.
        variant: BottlerocketEcsVariant,
        /// For which processors.
        architecture: InstanceArchitecture,
        /// How its id is resolved.
        lookup: ImageLookup,
    },
    /// An ECS-optimized Windows Server AMI.
    Windows {
        /// Which Windows Server.
        version: WindowsOptimizedVersion,
        /// How its id is resolved.
        lookup: ImageLookup,
    },
}

/// Constructors of the ECS-optimized Amazon Linux images (CDK `EcsOptimizedImage`).
///
/// ```
/// use ecs_core::ec2::machine_image::{AmiHardwareType, EcsOptimizedImage};
/// assert_eq!(
///     EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Neuron).ssm_parameter(),
///     "/aws/service/ecs/optimized-ami/amazon-linux-2023/neuron/recommended/image_id",
/// );
/// ```
#[derive(Debug)]
pub struct EcsOptimizedImage;

impl EcsOptimizedImage {
    /// The ECS-optimized Amazon Linux AMI (standard hardware only).
    pub fn amazon_linux() -> MachineImage {
        MachineImage::EcsOptimized {
            generation: AmazonLinuxGeneration::AmazonLinux,
            hardware: AmiHardwareType::Standard,
            lookup: ImageLookup::default(),
        }
    }

    /// The ECS-optimized Amazon Linux 2 AMI for `hardware`.
    pub fn amazon_linux2(hardware: AmiHardwareType) -> MachineImage {
        MachineImage::EcsOptimized {
            generation: AmazonLinuxGeneration::AmazonLinux2,
            hardware,
            lookup: ImageLookup::default(),
        }
    }

    /// The ECS-optimized Amazon Linux 2023 AMI for `hardware`.
    pub fn amazon_linux2023(hardware: AmiHardwareType) -> MachineImage {
        MachineImage::EcsOptimized {
            generation: AmazonLinuxGeneration::AmazonLinux2023,
            hardware,
            lookup: ImageLookup::default(),
        }
    }

    /// The ECS-optimized Windows Server AMI of `version` (CDK `EcsOptimizedImage.windows`);
    /// its instances join the cluster through PowerShell user data.
    ///
    /// ```
    /// use ecs_core::ec2::machine_image::{EcsOptimizedImage, WindowsOptimizedVersion};
    /// assert_eq!(
    ///     EcsOptimizedImage::windows(WindowsOptimizedVersion::Server2022).ssm_parameter(),
    ///     "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-ECS_Optimized/image_id",
    /// );
    /// ```
    pub fn windows(version: WindowsOptimizedVersion) -> MachineImage {
        MachineImage::Windows {
            version,
            lookup: ImageLookup::default(),
        }
    }
}

/// Constructor of Bottlerocket images (CDK `new BottleRocketImage({variant, architecture})`).
///
/// ```
/// use ecs_core::ec2::machine_image::{BottleRocketImage, BottlerocketEcsVariant, InstanceArchitecture};
/// let image = BottleRocketImage::new(BottlerocketEcsVariant::AwsEcs2, InstanceArchitecture::Arm64);
/// assert_eq!(image.ssm_parameter(), "/aws/service/bottlerocket/aws-ecs-2/arm64/latest/image_id");
/// assert_eq!(BottleRocketImage::default_image().ssm_parameter(), "/aws/service/bottlerocket/aws-ecs-1/x86_64/latest/image_id");
/// ```
#[derive(Debug)]
pub struct BottleRocketImage;

// As in the CDK, the constructor yields a machine image.
#[allow(clippy::new_ret_no_self)]
impl BottleRocketImage {
    /// A Bottlerocket image of `variant` for `architecture`.
    pub fn new(
        variant: BottlerocketEcsVariant,
        architecture: InstanceArchitecture,
    ) -> MachineImage {
        MachineImage::Bottlerocket {
            variant,
            architecture,
            lookup: ImageLookup::default(),
        }
    }

    /// `aws-ecs-1` on x86-64, the CDK's defaults.
    pub fn default_image() -> MachineImage {
        BottleRocketImage::new(
            BottlerocketEcsVariant::AwsEcs1,
            InstanceArchitecture::X86_64,
        )
    }
}

impl MachineImage {
    /// The image with its id looked up once by the CDK CLI and kept in `cdk.context.json`
    /// (CDK `cachedInContext`), rather than resolved at each deployment.
    ///
    /// ```
    /// use ecs_core::ec2::machine_image::{AmiHardwareType, EcsOptimizedImage};
    /// let image = EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard).cached_in_context(true);
    /// assert!(image.lookup().cached_in_context);
    /// ```
    #[must_use]
    pub fn cached_in_context(mut self, cached: bool) -> MachineImage {
        self.lookup_mut().cached_in_context = cached;
        self
    }

    /// Tells this lookup apart from others of the same parameter (CDK `additionalCacheKey`).
    /// Only Bottlerocket images keep it: the CDK's `EcsOptimizedImage` constructors drop it.
    #[must_use]
    pub fn additional_cache_key(mut self, key: impl Into<String>) -> MachineImage {
        if matches!(self, MachineImage::Bottlerocket { .. }) {
            self.lookup_mut().additional_cache_key = Some(key.into());
        }
        self
    }

    /// How the image id is resolved.
    pub fn lookup(&self) -> &ImageLookup {
        match self {
            MachineImage::EcsOptimized { lookup, .. }
            | MachineImage::Bottlerocket { lookup, .. }
            | MachineImage::Windows { lookup, .. } => lookup,
        }
    }

    fn lookup_mut(&mut self) -> &mut ImageLookup {
        match self {
            MachineImage::EcsOptimized { lookup, .. }
            | MachineImage::Bottlerocket { lookup, .. }
            | MachineImage::Windows { lookup, .. } => lookup,
        }
    }

    /// Whether instances of the image run Windows.
    pub fn is_windows(&self) -> bool {
        matches!(self, MachineImage::Windows { .. })
    }

    /// The public SSM parameter holding the image id.
    pub fn ssm_parameter(&self) -> String {
        match self {
            MachineImage::Windows { version, .. } => format!(
                "/aws/service/ami-windows-latest/Windows_Server-{}-English-Full-ECS_Optimized/image_id",
                version.year()
            ),
            MachineImage::EcsOptimized {
                generation,
                hardware,
                ..
            } => {
                let generation_dir = match generation {
                    AmazonLinuxGeneration::AmazonLinux => "amazon-linux/",
                    AmazonLinuxGeneration::AmazonLinux2 => "amazon-linux-2/",
                    AmazonLinuxGeneration::AmazonLinux2023 => "amazon-linux-2023/",
                };
                let hardware_dir = match (hardware, generation) {
                    (AmiHardwareType::Standard, _) => "",
                    (AmiHardwareType::Gpu, _) => "gpu/",
                    (AmiHardwareType::Arm, _) => "arm64/",
                    (AmiHardwareType::Neuron, AmazonLinuxGeneration::AmazonLinux2023) => "neuron/",
                    (AmiHardwareType::Neuron, _) => "inf/",
                };
                format!(
                    "/aws/service/ecs/optimized-ami/{generation_dir}{hardware_dir}recommended/image_id"
                )
            }
            MachineImage::Bottlerocket {
                variant,
                architecture,
                ..
            } => format!(
                "/aws/service/bottlerocket/{}/{}/latest/image_id",
                variant.name(),
                architecture.name()
            ),
        }
    }

    /// The image type its user data is written for.
    pub fn image_type(&self) -> MachineImageType {
        match self {
            MachineImage::EcsOptimized { .. } | MachineImage::Windows { .. } => {
                MachineImageType::AmazonLinux2
            }
            MachineImage::Bottlerocket { .. } => MachineImageType::Bottlerocket,
        }
    }

    /// Amazon Linux (1) exists for standard hardware only (CDK "Amazon Linux does not support
    /// special hardware type").
    pub(crate) fn check(&self) -> Result<(), crate::Error> {
        match self {
            MachineImage::EcsOptimized {
                generation: AmazonLinuxGeneration::AmazonLinux,
                hardware,
                ..
            } if *hardware != AmiHardwareType::Standard => Err(crate::Error::new(
                "amazon linux has no ecs-optimized image for special hardware: use `EcsOptimizedImage::amazon_linux2(…)`",
            )),
            MachineImage::Bottlerocket { lookup, .. }
                if lookup.additional_cache_key.is_some() && !lookup.cached_in_context =>
            {
                Err(crate::Error::new(
                    "a bottlerocket image has `additional_cache_key` but is not `cached_in_context`: the key only tells cached lookups apart; add `.cached_in_context(true)` or remove the key",
                ))
            }
            _ => Ok(()),
        }
    }
}

impl MachineImageType {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ec2", "machine_image", "MachineImageType"],
        variants: Self::VARIANT_NAMES,
    };
}
