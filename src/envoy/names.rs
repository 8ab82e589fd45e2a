//! Istio's naming conventions, as they appear in Envoy resources.

/// A cluster name split the Istio way: `direction|port|subset|fqdn`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterName<'a> {
    pub direction: &'a str,
    pub port: u32,
    pub subset: &'a str,
    pub fqdn: &'a str,
}

impl<'a> ClusterName<'a> {
    /// Names with more than three `|` parts are Istio service clusters; istioctl keeps only the
    /// first four parts. Anything else (PassthroughCluster, agent, ...) has no parts.
    pub fn parse(name: &'a str) -> Option<ClusterName<'a>> {
        let mut parts = name.split('|');
        let (direction, port, subset, fqdn) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        Some(ClusterName {
            direction,
            // istioctl's Atoi failure leaves 0.
            port: port.parse().unwrap_or(0),
            subset,
            fqdn,
        })
    }
}

/// Sorts items by their cluster names in istioctl's order: (fqdn, subset, port, direction), a
/// name without parts as (name, "", 0, ""). Stable; each name is split once, not per comparison.
pub fn sort_by_cluster_name<T>(items: Vec<T>, name: impl Fn(&T) -> &str) -> Vec<T> {
    let order = {
        // Each key beside its item's place, which breaks ties as a stable sort would: sorted
        // where they lie rather than looked up by place at every comparison (eds: 5.4 -> 3.8
        // ms for 15 700 assignments).
        let mut keyed: Vec<((&str, &str, u32, &str), usize)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| match ClusterName::parse(name(item)) {
                Some(n) => ((n.fqdn, n.subset, n.port, n.direction), i),
                None => ((name(item), "", 0, ""), i),
            })
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect::<Vec<usize>>()
    };
    // In place: a second vector of big items would be a second copy of them at once.
    let mut items = items;
    apply_permutation(&mut items, order);
    items
}

/// Reorders `items` so that position `i` holds the item that was at `order[i]`, in place.
pub fn apply_permutation<T>(items: &mut [T], mut order: Vec<usize>) {
    for i in 0..items.len() {
        let mut current = i;
        while order[current] != i {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

/// `/apis/networking.istio.io/<v>/namespaces/<ns>/<kind>/<name>` → `<name>.<ns>`; any other
/// string is `<unknown>`, as istioctl prints it.
pub fn istio_config_ref(path: &str, kind: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["", "apis", "networking.istio.io", _, "namespaces", ns, k, name] if *k == kind => {
            format!("{name}.{ns}")
        }
        _ => "<unknown>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn istio_cluster_names_split_into_four_parts() {
        let n = ClusterName::parse("outbound|80|v1|customers.default.svc.cluster.local").unwrap();
        assert_eq!(
            (n.direction, n.port, n.subset, n.fqdn),
            ("outbound", 80, "v1", "customers.default.svc.cluster.local")
        );
        let n = ClusterName::parse("inbound|9080||").unwrap();
        assert_eq!(
            (n.direction, n.port, n.subset, n.fqdn),
            ("inbound", 9080, "", "")
        );
        assert!(ClusterName::parse("PassthroughCluster").is_none());
        assert!(ClusterName::parse("a|b|c").is_none());
    }

    #[test]
    fn cluster_names_sort_by_fqdn_subset_port_direction() {
        let names = [
            "outbound|80|v1|b.svc",
            "inbound|80||b.svc",
            "PassthroughCluster",
            "outbound|443||a.svc",
            "outbound|80||b.svc",
            "agent",
        ];
        let sorted = sort_by_cluster_name(names.to_vec(), |n| n);
        // Byte order of the fqdn first: upper case before lower case, "agent" before "b.svc".
        assert_eq!(
            sorted,
            [
                "PassthroughCluster",
                "outbound|443||a.svc",
                "agent",
                "inbound|80||b.svc",
                "outbound|80||b.svc",
                "outbound|80|v1|b.svc",
            ]
        );
    }

    /// Items whose names sort the same keep their order, however many there are.
    #[test]
    fn cluster_names_that_sort_the_same_keep_their_order() {
        let names = ["outbound|80||b.svc", "b.svc", "inbound|80||a.svc"];
        let items: Vec<(&str, usize)> = (0..300).map(|i| (names[i * 7 % 3], i)).collect();
        let sorted = sort_by_cluster_name(items.clone(), |(n, _)| n);
        let mut expected = items;
        // a.svc; then b.svc without a port before b.svc port 80. `sort_by_key` is stable.
        let rank = ["inbound|80||a.svc", "b.svc", "outbound|80||b.svc"];
        expected.sort_by_key(|&(n, _)| rank.iter().position(|&m| m == n));
        assert_eq!(sorted, expected);
    }

    #[test]
    fn istio_config_paths_name_the_object() {
        let p = "/apis/networking.istio.io/v1alpha3/namespaces/default/destination-rule/customers";
        assert_eq!(istio_config_ref(p, "destination-rule"), "customers.default");
        assert_eq!(istio_config_ref(p, "virtual-service"), "<unknown>");
        assert_eq!(
            istio_config_ref("something else", "destination-rule"),
            "<unknown>"
        );
    }
}
