//! The shape of a generated mesh: N services spread over namespaces and ports, some with a
//! DestinationRule (subsets), some with a VirtualService, some plain TCP, each with pods in a few
//! localities, some of them unhealthy. Everything is a pure function of N, so a mesh of the same
//! size is the same mesh on every machine.

use std::net::Ipv4Addr;

/// The sidecar whose view of the mesh is generated: the benchmark's client workload.
pub const CLIENT_NAMESPACE: &str = "default";
pub const CLIENT_NAME: &str = "bench-client";
pub const CLIENT_IP: Ipv4Addr = Ipv4Addr::new(10, 244, 255, 7);
/// The client's own ports, served through virtualInbound.
pub const CLIENT_INBOUND_PORTS: [u16; 2] = [8080, 9090];

/// Ports HTTP services use, most common first (the first ones are picked more often).
const HTTP_PORTS: [u16; 12] = [
    80, 8080, 9080, 3000, 8000, 5000, 7070, 8081, 9000, 8888, 4000, 6060,
];
/// Ports TCP services use: databases, caches, queues.
const TCP_PORTS: [u16; 6] = [5432, 3306, 6379, 9092, 27017, 11211];
/// Service names are `<word>-<index>`: realistic-looking and unique across namespaces, so that
/// Istio's short host names never collide in a route configuration.
const WORDS: [&str; 16] = [
    "reviews",
    "ratings",
    "checkout",
    "payments",
    "catalog",
    "search",
    "cart",
    "users",
    "orders",
    "inventory",
    "shipping",
    "auth",
    "notify",
    "billing",
    "pricing",
    "media",
];
const TEAMS: [&str; 8] = [
    "shop", "platform", "data", "identity", "media", "ops", "search", "edge",
];
const LOCALITIES: [(&str, &str); 4] = [
    ("us-east1", "us-east1-b"),
    ("us-east1", "us-east1-c"),
    ("us-west1", "us-west1-a"),
    ("europe-west4", "europe-west4-a"),
];
const VERSIONS: [&str; 3] = ["v1", "v2", "v3"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Http,
    Tcp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Healthy,
    Unhealthy,
    Draining,
}

#[derive(Debug, Clone)]
pub struct Pod {
    pub ip: Ipv4Addr,
    pub version: &'static str,
    pub region: &'static str,
    pub zone: &'static str,
    pub health: Health,
    /// Whether the pod has a sidecar (Istio's `tlsMode: istio` endpoint label).
    pub mtls: bool,
}

#[derive(Debug, Clone)]
pub struct Service {
    pub name: String,
    pub namespace: String,
    pub vip: Ipv4Addr,
    pub protocol: Protocol,
    pub ports: Vec<u16>,
    /// The DestinationRule's subsets (by version), if the service has one.
    pub subsets: Vec<&'static str>,
    pub destination_rule: Option<String>,
    pub virtual_service: Option<String>,
    pub pods: Vec<Pod>,
}

impl Service {
    pub fn host(&self) -> String {
        format!("{}.{}.svc.cluster.local", self.name, self.namespace)
    }

    /// The outbound cluster names of one port: the default one, then one per subset.
    pub fn cluster_names(&self, port: u16) -> Vec<String> {
        let host = self.host();
        std::iter::once(format!("outbound|{port}||{host}"))
            .chain(
                self.subsets
                    .iter()
                    .map(|s| format!("outbound|{port}|{s}|{host}")),
            )
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct Mesh {
    pub services: Vec<Service>,
}

/// splitmix64: a stable, well-mixed number per (service, purpose), so choices do not correlate.
fn mix(index: u64, salt: u64) -> u64 {
    let mut z = index
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xD1B5_4A32_D192_ED03))
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// True for `percent`% of indexes.
fn chance(index: u64, salt: u64, percent: u64) -> bool {
    mix(index, salt) % 100 < percent
}

/// A skewed pick: low indexes of `len` are chosen more often, as a few ports dominate real meshes.
fn skewed(index: u64, salt: u64, len: usize) -> usize {
    let r = mix(index, salt) % 1000;
    let a = (r * r / 1000) as usize; // quadratic skew towards 0
    a * len / 1000
}

impl Mesh {
    pub fn new(services: usize) -> Mesh {
        let namespaces = (services / 40).clamp(2, 250);
        let mut pod_index: u32 = 0;
        let services = (0..services)
            .map(|i| {
                let n = i as u64;
                let word = WORDS[(mix(n, 1) % WORDS.len() as u64) as usize];
                let name = format!("{word}-{i}");
                let ns_index = (mix(n, 2) % namespaces as u64) as usize;
                let namespace = format!("{}-{ns_index}", TEAMS[ns_index % TEAMS.len()]);
                let vip = Ipv4Addr::from(u32::from(Ipv4Addr::new(10, 96, 0, 10)) + i as u32);
                let protocol = if chance(n, 3, 15) {
                    Protocol::Tcp
                } else {
                    Protocol::Http
                };
                let ports = match protocol {
                    Protocol::Tcp => vec![TCP_PORTS[skewed(n, 4, TCP_PORTS.len())]],
                    Protocol::Http => {
                        let first = HTTP_PORTS[skewed(n, 4, HTTP_PORTS.len())];
                        let mut ports = vec![first];
                        if chance(n, 5, 30) {
                            let second = HTTP_PORTS[skewed(n, 6, HTTP_PORTS.len())];
                            if second != first {
                                ports.push(second);
                            }
                        }
                        ports
                    }
                };
                let has_dr = chance(n, 7, 25);
                let subsets: Vec<&'static str> = if has_dr {
                    VERSIONS[..2 + (mix(n, 8) % 2) as usize].to_vec()
                } else {
                    Vec::new()
                };
                let destination_rule = has_dr.then(|| name.clone());
                let virtual_service = (protocol == Protocol::Http && chance(n, 9, 30))
                    .then(|| format!("{name}-routes"));
                let replicas = 1 + (mix(n, 10) % 5) as usize;
                let pods = (0..replicas)
                    .map(|r| {
                        let p = pod_index as u64;
                        pod_index += 1;
                        let (region, zone) = LOCALITIES[skewed(p, 11, LOCALITIES.len())];
                        let health = match mix(p, 12) % 100 {
                            0..=7 => Health::Unhealthy,
                            8..=10 => Health::Draining,
                            _ => Health::Healthy,
                        };
                        Pod {
                            ip: Ipv4Addr::from(u32::from(Ipv4Addr::new(10, 244, 0, 2)) + p as u32),
                            version: if subsets.is_empty() {
                                "v1"
                            } else {
                                subsets[r % subsets.len()]
                            },
                            region,
                            zone,
                            health,
                            mtls: !chance(p, 13, 5),
                        }
                    })
                    .collect();
                Service {
                    name,
                    namespace,
                    vip,
                    protocol,
                    ports,
                    subsets,
                    destination_rule,
                    virtual_service,
                    pods,
                }
            })
            .collect();
        Mesh { services }
    }

    /// HTTP ports with at least one service, ascending: one `0.0.0.0_<port>` listener and one
    /// route configuration each.
    pub fn http_ports(&self) -> Vec<u16> {
        let mut ports: Vec<u16> = self
            .services
            .iter()
            .filter(|s| s.protocol == Protocol::Http)
            .flat_map(|s| s.ports.iter().copied())
            .collect();
        ports.sort_unstable();
        ports.dedup();
        ports
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_size_is_the_same_mesh() {
        let a = Mesh::new(200);
        let b = Mesh::new(200);
        assert_eq!(format!("{:?}", a.services), format!("{:?}", b.services));
    }

    #[test]
    fn every_feature_appears_in_a_mid_sized_mesh() {
        let mesh = Mesh::new(200);
        let s = &mesh.services;
        assert!(s.iter().any(|s| s.protocol == Protocol::Tcp));
        assert!(s.iter().any(|s| s.ports.len() == 2));
        assert!(s.iter().any(|s| s.subsets.len() == 3));
        assert!(s
            .iter()
            .any(|s| s.virtual_service.is_some() && !s.subsets.is_empty()));
        assert!(s
            .iter()
            .flat_map(|s| &s.pods)
            .any(|p| p.health == Health::Unhealthy));
        assert!(s.iter().flat_map(|s| &s.pods).any(|p| !p.mtls));
        let namespaces: std::collections::HashSet<_> = s.iter().map(|s| &s.namespace).collect();
        assert!(namespaces.len() >= 5, "{namespaces:?}");
        assert!(mesh.http_ports().len() >= 8);
        let vips: std::collections::HashSet<_> = s.iter().map(|s| s.vip).collect();
        assert_eq!(vips.len(), s.len(), "every service has its own VIP");
    }
}
