# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_meshctl_global_optspecs
    string join \n n/namespace= context= kubeconfig= o/output= stats-file= proxy-admin-port= c/container= admin-url= certificate-authority= insecure-skip-tls-verify= v request-timeout= kubeclient-timeout= as= as-group= as-uid= i/istioNamespace= h/help V/version
end

function __fish_meshctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_meshctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_meshctl_using_subcommand
    set -l cmd (__fish_meshctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c meshctl -n "__fish_meshctl_needs_command" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_needs_command" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_needs_command" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_needs_command" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_needs_command" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_needs_command" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_needs_command" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "proxy-config" -d 'Inspect the Envoy configuration of a pod or a saved dump'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "pc" -d 'Inspect the Envoy configuration of a pod or a saved dump'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "all" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "a" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "bootstrap" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "b" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "cluster" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "clusters" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "c" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "listener" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "listeners" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "l" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "route" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "routes" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "r" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "endpoint" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "endpoints" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "ep" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "eds" -d 'Endpoints from the dump\'s EDS section, with locality'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "secret" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "secrets" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "s" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "ecds" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "ec" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "trace" -d 'Where a request goes in this Envoy, and why: listener, filter chain, route, cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "diff" -d 'What changed between two dumps or pods (or one pod over time), resource by resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "log" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "o" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "rootca-compare" -d 'Compare the root CA trust bundles of two pods'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "rc" -d 'Compare the root CA trust bundles of two pods'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l port -d 'Port (clusters, listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l address -d 'Address (listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l name -d 'Route config name' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l with-headers -d 'Put a `------ X INFO ------` heading before each block' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from all" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l port -d 'Port (clusters, listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l address -d 'Address (listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l name -d 'Route config name' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l with-headers -d 'Put a `------ X INFO ------` heading before each block' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from a" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from bootstrap" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from b" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l port -d 'Cluster names containing `|PORT|`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from cluster" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l port -d 'Cluster names containing `|PORT|`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from clusters" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l port -d 'Cluster names containing `|PORT|`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from c" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l port -d 'Listener port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l waypoint -d 'An ambient waypoint\'s view: per filter chain, the matcher paths that select it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listener" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l port -d 'Listener port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l waypoint -d 'An ambient waypoint\'s view: per filter chain, the matcher paths that select it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from listeners" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l port -d 'Listener port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l waypoint -d 'An ambient waypoint\'s view: per filter chain, the matcher paths that select it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from l" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from route" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from routes" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from r" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoint" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from endpoints" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ep" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from eds" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secret" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from secrets" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from s" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ecds" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from ec" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l to -d 'The connection\'s original destination, IP:PORT (default: the URL\'s host when it is an IP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s X -l method -d 'The request method (default GET; gRPC: POST)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s H -l header -d 'A request header, `Name: value` (repeatable)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l from -d 'The source address, IP[:PORT], for source matches' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l mtls -d 'Istio mutual TLS from a peer sidecar: a TLS connection offering Istio\'s ALPN (`istio-http/1.1`, `istio-h2` for gRPC, `istio-peer-exchange,istio` for TCP). With --inbound it is on when the port\'s chains expect it; --mtls=false turns it off' -r -f -a "true\t''
false\t''"
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l alpn -d 'ALPN the client offers on TLS (https://), comma separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l inbound -d 'Traffic arriving at this proxy from a peer: the inbound listener and its chains'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -l explain -d 'For every candidate passed over, say why it did not match (also `-v`)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from trace" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s f -l file -d 'A saved dump (`-` for standard input); give it twice to compare two files' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l view -d 'What to compare: clusters, listeners, routes, endpoints, eds, secrets, bootstrap or all' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l all-fields -d 'Also show lastUpdated, versionInfo, reorderings Envoy does not act on, and a bootstrap\'s per-pod identity' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l since -d 'Compare the pod with a dump saved earlier (A)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l watch -d 'Poll the pod and print each new set of changes as its configuration changes' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l interval -d 'Time between two polls of `--watch`, e.g. `5s`, `500ms`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l count -d 'With `--watch`: stop after this many change sets' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l port -d 'Port (clusters: `|PORT|` in the name; listeners)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l cluster -d 'Cluster name of the load assignments (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l level -d '`level` or `logger:level` items, comma separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s r -l reset -d 'Restore the levels the proxy was started with' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s l -l selector -d 'Label selector choosing every matching pod in the namespace (targets are ignored)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l level -d '`level` or `logger:level` items, comma separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s r -l reset -d 'Restore the levels the proxy was started with' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s l -l selector -d 'Label selector choosing every matching pod in the namespace (targets are ignored)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from o" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rootca-compare" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from rc" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "all" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "bootstrap" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "listener" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "route" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "endpoint" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "eds" -d 'Endpoints from the dump\'s EDS section, with locality'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "secret" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "ecds" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "trace" -d 'Where a request goes in this Envoy, and why: listener, filter chain, route, cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "diff" -d 'What changed between two dumps or pods (or one pod over time), resource by resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "log" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "rootca-compare" -d 'Compare the root CA trust bundles of two pods'
complete -c meshctl -n "__fish_meshctl_using_subcommand proxy-config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "all" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "a" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "bootstrap" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "b" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "cluster" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "clusters" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "c" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "listener" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "listeners" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "l" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "route" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "routes" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "r" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "endpoint" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "endpoints" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "ep" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "eds" -d 'Endpoints from the dump\'s EDS section, with locality'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "secret" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "secrets" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "s" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "ecds" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "ec" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "trace" -d 'Where a request goes in this Envoy, and why: listener, filter chain, route, cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "diff" -d 'What changed between two dumps or pods (or one pod over time), resource by resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "log" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "o" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "rootca-compare" -d 'Compare the root CA trust bundles of two pods'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "rc" -d 'Compare the root CA trust bundles of two pods'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and not __fish_seen_subcommand_from all a bootstrap b cluster clusters c listener listeners l route routes r endpoint endpoints ep eds secret secrets s ecds ec trace diff log o rootca-compare rc help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l port -d 'Port (clusters, listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l address -d 'Address (listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l name -d 'Route config name' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l with-headers -d 'Put a `------ X INFO ------` heading before each block' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from all" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l port -d 'Port (clusters, listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l address -d 'Address (listeners, endpoints)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l name -d 'Route config name' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l with-headers -d 'Put a `------ X INFO ------` heading before each block' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from a" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from bootstrap" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from b" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l port -d 'Cluster names containing `|PORT|`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from cluster" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l port -d 'Cluster names containing `|PORT|`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from clusters" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l port -d 'Cluster names containing `|PORT|`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from c" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l port -d 'Listener port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l waypoint -d 'An ambient waypoint\'s view: per filter chain, the matcher paths that select it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listener" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l port -d 'Listener port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l waypoint -d 'An ambient waypoint\'s view: per filter chain, the matcher paths that select it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from listeners" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l port -d 'Listener port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l waypoint -d 'An ambient waypoint\'s view: per filter chain, the matcher paths that select it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from l" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from route" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from routes" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l verbose -d 'One row per filter chain or route (`--verbose=false`: one per listener or route config)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from r" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoint" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from endpoints" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ep" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l address -d 'Endpoint address (an IP, or ip:port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l port -d 'Endpoint port' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l cluster -d 'Cluster name (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l status -d 'Health status, e.g. HEALTHY, UNHEALTHY' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from eds" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secret" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from secrets" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from s" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ecds" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s l -l selector -d 'Label selector: the view of every matching pod in the namespace (no target)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s A -l all-namespaces -d 'With --selector: the matching pods of every namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l all-pods -d 'The view of every pod of the workload target, not only the one kubectl would pick' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l max-concurrency -d 'Pods asked at once when several are (default 8)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l summary -d 'Group the pods whose view is the same and show how the others differ (implies --all-pods)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from ec" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s f -l file -d 'Read a saved dump instead of a pod (`-` for standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l to -d 'The connection\'s original destination, IP:PORT (default: the URL\'s host when it is an IP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s X -l method -d 'The request method (default GET; gRPC: POST)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s H -l header -d 'A request header, `Name: value` (repeatable)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l from -d 'The source address, IP[:PORT], for source matches' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l mtls -d 'Istio mutual TLS from a peer sidecar: a TLS connection offering Istio\'s ALPN (`istio-http/1.1`, `istio-h2` for gRPC, `istio-peer-exchange,istio` for TCP). With --inbound it is on when the port\'s chains expect it; --mtls=false turns it off' -r -f -a "true\t''
false\t''"
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l alpn -d 'ALPN the client offers on TLS (https://), comma separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l inbound -d 'Traffic arriving at this proxy from a peer: the inbound listener and its chains'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -l explain -d 'For every candidate passed over, say why it did not match (also `-v`)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from trace" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s f -l file -d 'A saved dump (`-` for standard input); give it twice to compare two files' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l view -d 'What to compare: clusters, listeners, routes, endpoints, eds, secrets, bootstrap or all' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l all-fields -d 'Also show lastUpdated, versionInfo, reorderings Envoy does not act on, and a bootstrap\'s per-pod identity' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l since -d 'Compare the pod with a dump saved earlier (A)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l watch -d 'Poll the pod and print each new set of changes as its configuration changes' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l interval -d 'Time between two polls of `--watch`, e.g. `5s`, `500ms`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l count -d 'With `--watch`: stop after this many change sets' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l fqdn -d 'Cluster names containing this FQDN' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l direction -d 'Cluster names containing this direction (inbound, outbound)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l subset -d 'Cluster names containing this subset' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l port -d 'Port (clusters: `|PORT|` in the name; listeners)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l address -d 'Listener address' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l type -d 'Listener type (HTTP, TCP, HTTP+TCP)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l name -d 'Route config name (exact)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l cluster -d 'Cluster name of the load assignments (exact, case-insensitive)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l level -d '`level` or `logger:level` items, comma separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s r -l reset -d 'Restore the levels the proxy was started with' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s l -l selector -d 'Label selector choosing every matching pod in the namespace (targets are ignored)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l level -d '`level` or `logger:level` items, comma separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s r -l reset -d 'Restore the levels the proxy was started with' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s l -l selector -d 'Label selector choosing every matching pod in the namespace (targets are ignored)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from o" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rootca-compare" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from rc" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "all" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "bootstrap" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "listener" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "route" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "endpoint" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "eds" -d 'Endpoints from the dump\'s EDS section, with locality'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "secret" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "ecds" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "trace" -d 'Where a request goes in this Envoy, and why: listener, filter chain, route, cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "diff" -d 'What changed between two dumps or pods (or one pod over time), resource by resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "log" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "rootca-compare" -d 'Compare the root CA trust bundles of two pods'
complete -c meshctl -n "__fish_meshctl_using_subcommand pc; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s n -l namespace -d 'Namespace of the target (default: the kubeconfig context\'s namespace, then `default`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l context -d 'Kubeconfig context to use' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l kubeconfig -d 'Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s o -l output -d 'Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l stats-file -d 'A saved `/stats` (text or `format=json`) for `-o wide`\'s counters of clusters and listeners, instead of asking the proxy' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l proxy-admin-port -d 'Envoy admin port inside the pod (default: found from the pod\'s proxy container)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s c -l container -d 'The container of the proxy, when a pod has several the admin port could be found in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l admin-url -d 'Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l certificate-authority -d 'PEM file of the CA that signs an `https://` --admin-url\'s certificate (default: the system\'s roots)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l insecure-skip-tls-verify -d 'Do not check an `https://` --admin-url\'s certificate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l request-timeout -d 'Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l kubeclient-timeout -d 'The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l as -d 'User to impersonate for the Kubernetes API' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l as-group -d 'Group to impersonate; repeat for several' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -l as-uid -d 'UID to impersonate' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s i -l istioNamespace -d 'Istio\'s namespace: accepted for istioctl\'s command lines, not needed by meshctl' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s v -d 'Say on stderr how the proxy\'s admin port was chosen (trace: also --explain)'
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from proxy-config completion help" -f -a "proxy-config" -d 'Inspect the Envoy configuration of a pod or a saved dump'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from proxy-config completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from proxy-config completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "all" -d 'Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "bootstrap" -d 'The bootstrap configuration'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "cluster" -d 'Clusters'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "listener" -d 'Listeners, one row per filter chain'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "route" -d 'Route configurations, one row per route'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "endpoint" -d 'Endpoints with health, from Envoy\'s /clusters (or a dump\'s EDS data)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "eds" -d 'Endpoints from the dump\'s EDS section, with locality'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "secret" -d 'SDS secrets and their certificates'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "ecds" -d 'Extension configs delivered over ECDS'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "trace" -d 'Where a request goes in this Envoy, and why: listener, filter chain, route, cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "diff" -d 'What changed between two dumps or pods (or one pod over time), resource by resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "log" -d 'Show or change Envoy\'s log levels (the only command that changes anything)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from proxy-config" -f -a "rootca-compare" -d 'Compare the root CA trust bundles of two pods'
