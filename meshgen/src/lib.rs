//! Istio-shaped meshes of N services, served to a real Envoy over a real ADS stream, for
//! meshctl's benchmark: see `meshgen --help` and `bench/run`.

pub mod measure;
pub mod mesh;
pub mod xds;

use std::path::Path;
use std::time::{Duration, Instant};

use testkit::ads::{AdsServer, Expected};
use testkit::envoy::Envoy;

/// The version of what the generator produces: caches of older captures are regenerated.
pub const FORMAT: u32 = 1;

/// A mesh loaded into a running Envoy. Drop it to stop both: fields drop in declaration order,
/// so Envoy goes first and the server's stream is closed before the server stops.
pub struct LoadedMesh {
    pub envoy: Envoy,
    pub server: AdsServer,
    pub expected: Expected,
    pub services: usize,
    pub load_time: Duration,
}

/// Generates the mesh, starts the ADS server and Envoy, and waits until Envoy holds all of it.
pub fn load(services: usize, timeout: Duration) -> Result<LoadedMesh, String> {
    let started = Instant::now();
    let mesh = mesh::Mesh::new(services);
    let resources = xds::resources(&mesh, &xds::workload_certs()?);
    let expected = Expected {
        resources: resources
            .types
            .iter()
            .map(|t| (t.type_url.clone(), t.items.len()))
            .collect(),
        // The bootstrap's xds-grpc cluster is the one static cluster.
        active_clusters: resources.count(&xds::cluster_type_url()) as u64 + 1,
        active_listeners: resources.count(&xds::listener_type_url()) as u64,
    };
    let server =
        AdsServer::start(resources).map_err(|e| format!("starting the ADS server: {e}"))?;
    let mut envoy = Envoy::try_start_with_bootstrap(&xds::bootstrap(server.addr()), timeout)?;
    envoy.wait_for_ads(
        &server,
        &expected,
        timeout.saturating_sub(started.elapsed()),
    )?;
    Ok(LoadedMesh {
        envoy,
        server,
        expected,
        services,
        load_time: started.elapsed(),
    })
}

impl LoadedMesh {
    /// Saves `/config_dump?include_eds=true` and `/clusters?format=json` into `dir`, and a
    /// summary of the mesh in `dir/mesh.txt`. Returns the dump's size.
    pub fn capture(&self, dir: &Path) -> Result<u64, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        let dump = self.envoy.save(
            "/config_dump?include_eds=true",
            &dir.join("config_dump.json"),
        )?;
        let clusters = self
            .envoy
            .save("/clusters?format=json", &dir.join("clusters.json"))?;
        let mut summary = format!("format {FORMAT}\nservices {}\n", self.services);
        for (type_url, count) in &self.expected.resources {
            summary.push_str(&format!(
                "{} {count}\n",
                type_url.rsplit('.').next().unwrap_or(type_url)
            ));
        }
        summary.push_str(&format!(
            "config_dump.json {dump}\nclusters.json {clusters}\n"
        ));
        std::fs::write(dir.join("mesh.txt"), summary)
            .map_err(|e| format!("writing mesh.txt: {e}"))?;
        Ok(dump)
    }
}
