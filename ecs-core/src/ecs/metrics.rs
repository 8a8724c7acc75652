//! CloudWatch metrics of services and clusters (CDK `BaseService.metric*`, `Cluster.metric*`):
//! the `AWS/ECS` namespace, by cluster and service, averaged over five minutes.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::cloudwatch::{Alarm, AlarmProps};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
//! let metric = cluster.metric_memory_reservation(&app);
//! assert_eq!(metric.metric_name, "MemoryReservation");
//! Alarm::new(&mut app, s, "Full", AlarmProps::default().metric(metric).threshold(90).evaluation_periods(2))?;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cloudwatch::Metric;
use crate::construct::app::App;
use crate::ecs::cluster::Cluster;
use crate::ecs::service::Service;

const NAMESPACE: &str = "AWS/ECS";

impl Service {
    /// Metric `metric_name` of the service (CDK `service.metric`), by cluster and service.
    pub fn metric(self, app: &App, metric_name: &str) -> Metric {
        Metric::new(NAMESPACE, metric_name)
            .with_dimension("ClusterName", self.cluster(app).cluster_name(app))
            .with_dimension("ServiceName", self.service_name(app))
    }

    /// The service's average CPU utilization (CDK `metricCpuUtilization`).
    pub fn metric_cpu_utilization(self, app: &App) -> Metric {
        self.metric(app, "CPUUtilization")
    }

    /// The service's average memory utilization (CDK `metricMemoryUtilization`).
    pub fn metric_memory_utilization(self, app: &App) -> Metric {
        self.metric(app, "MemoryUtilization")
    }
}

impl Cluster {
    /// Metric `metric_name` of the cluster (CDK `cluster.metric`), by cluster.
    pub fn metric(self, app: &App, metric_name: &str) -> Metric {
        Metric::new(NAMESPACE, metric_name).with_dimension("ClusterName", self.cluster_name(app))
    }

    /// The share of the cluster's CPU the tasks reserve (CDK `metricCpuReservation`).
    pub fn metric_cpu_reservation(self, app: &App) -> Metric {
        self.metric(app, "CPUReservation")
    }

    /// The cluster's CPU utilization (CDK `metricCpuUtilization`).
    pub fn metric_cpu_utilization(self, app: &App) -> Metric {
        self.metric(app, "CPUUtilization")
    }

    /// The share of the cluster's memory the tasks reserve (CDK `metricMemoryReservation`).
    pub fn metric_memory_reservation(self, app: &App) -> Metric {
        self.metric(app, "MemoryReservation")
    }

    /// The cluster's memory utilization (CDK `metricMemoryUtilization`).
    pub fn metric_memory_utilization(self, app: &App) -> Metric {
        self.metric(app, "MemoryUtilization")
    }
}
