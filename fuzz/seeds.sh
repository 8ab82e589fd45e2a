#!/bin/sh
# Writes small seed inputs for the loader target into fuzz/corpus/loader/, cut from the real
# fixtures with jq: each dump section alone with a few of its resources, /clusters with a few
# clusters, and saved-with-curl and YAML-looking variants. Small seeds keep libFuzzer fast; the
# whole fixtures can be given as extra corpus directories too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures"
out="$here/corpus/loader"
mkdir -p "$out"
for scenario in web-frontend ingress-gateway; do
    dump="$fixtures/$scenario/config_dump.json"
    for section in Bootstrap Clusters Listeners Routes Secrets Endpoints Ecds; do
        jq -c --arg t "type.googleapis.com/envoy.admin.v3.${section}ConfigDump" '
            {configs: [.configs[] | select(."@type" == $t)
                | with_entries(if (.value | type) == "array" then .value |= .[0:2] else . end)]}
        ' "$dump" > "$out/$scenario-$section.json"
    done
    jq '{cluster_statuses: .cluster_statuses[0:3]}' "$fixtures/$scenario/clusters.json" \
        > "$out/$scenario-clusters.json"
done
printf 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n' > "$out/curl.txt"
cat "$out/web-frontend-Listeners.json" >> "$out/curl.txt"
printf 'HTTP/1.1 503 Service Unavailable\r\n\r\nno healthy upstream' > "$out/503.txt"
printf 'configs:\n- "@type": type.googleapis.com/envoy.admin.v3.ClustersConfigDump\n  static_clusters:\n  - cluster: {name: agent, type: STATIC}\n' > "$out/dump.yaml"
ls "$out" | wc -l
