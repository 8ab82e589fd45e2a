//! The connection to the Kubernetes API: which kubeconfig, context and namespace, and how the kube
//! crate's errors become one-line messages a user can act on.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};

use kube::client::AuthError;
use kube::config::{KubeConfigOptions, Kubeconfig, KubeconfigError};
use kube::{Client, Config};

use super::Progress;
use crate::config::{ClusterOptions, Impersonation};
use crate::error::Error;

/// An API client plus what error messages and defaults need to know about it.
pub struct Session {
    pub(crate) client: Client,
    /// `-n`, else the context's namespace, else `default`.
    pub(crate) default_namespace: String,
    cluster_url: String,
}

/// One API call, described the way RBAC and kubectl describe it, for error messages.
pub(crate) struct Call<'a> {
    pub verb: &'a str,
    /// `pods`, `deployments.apps`, `pods/portforward`.
    pub resource: &'a str,
    pub name: Option<&'a str>,
    pub namespace: &'a str,
}

impl Session {
    pub(crate) async fn connect(opts: &ClusterOptions, progress: &Progress) -> Result<Self, Error> {
        progress.set("loading the kubeconfig");
        let mut config = load_config(opts).await?;
        impersonate(&mut config, &opts.impersonate)?;
        let cluster_url = config
            .cluster_url
            .to_string()
            .trim_end_matches('/')
            .to_string();
        let default_namespace = opts
            .namespace
            .clone()
            .unwrap_or_else(|| config.default_namespace.clone());
        // Building the client runs an exec credential plugin, synchronously: off the runtime
        // thread, so a plugin that hangs still runs into the request timeout.
        progress.set(format!(
            "setting up credentials for the API server at {cluster_url}"
        ));
        let built = tokio::task::spawn_blocking(move || Client::try_from(config))
            .await
            .map_err(|e| Error::kube(format!("setting up the API client failed: {e}")))?;
        let client = built.map_err(|e| match e {
            kube::Error::Auth(e) => credential_error(&cluster_url, &e),
            other => Error::kube(format!(
                "cannot set up a client for the API server at {cluster_url}: {}",
                root_cause(&other)
            )),
        })?;
        Ok(Session {
            client,
            default_namespace,
            cluster_url,
        })
    }

    /// Turns a failed API call into the message a user needs: kubectl's wording for not-found,
    /// the permission for RBAC refusals, the server for connection and TLS failures.
    pub(crate) fn api_error(&self, err: kube::Error, call: &Call) -> Error {
        api_error(&self.cluster_url, err, call)
    }
}

/// kubectl's `--as`, `--as-group` and `--as-uid`, over what the kubeconfig says. Groups or a UID
/// without a user are refused, as kubectl refuses them.
fn impersonate(config: &mut Config, wanted: &Impersonation) -> Result<(), Error> {
    let auth = &mut config.auth_info;
    if let Some(user) = &wanted.user {
        auth.impersonate = Some(user.clone());
    }
    if !wanted.groups.is_empty() {
        auth.impersonate_groups = Some(wanted.groups.clone());
    }
    if let Some(uid) = &wanted.uid {
        auth.impersonate_uid = Some(uid.clone());
    }
    let asks_more = auth
        .impersonate_groups
        .as_ref()
        .is_some_and(|g| !g.is_empty())
        || auth.impersonate_uid.is_some();
    if auth.impersonate.is_none() && asks_more {
        return Err(Error::usage(
            "--as-group and --as-uid need a user to impersonate: add --as",
        ));
    }
    Ok(())
}

async fn load_config(opts: &ClusterOptions) -> Result<Config, Error> {
    let options = KubeConfigOptions {
        context: opts.context.clone(),
        cluster: None,
        user: None,
    };
    let (kubeconfig, source) = match &opts.kubeconfig {
        Some(path) => (Some(read_kubeconfig(path)?), path.display().to_string()),
        None => match Kubeconfig::from_env() {
            Ok(Some(merged)) => (Some(merged), "KUBECONFIG".to_string()),
            Ok(None) => match default_kubeconfig_path().filter(|p| p.exists()) {
                Some(path) => (Some(read_kubeconfig(&path)?), path.display().to_string()),
                None => (None, String::new()),
            },
            Err(e) => return Err(kubeconfig_error(e, "KUBECONFIG", opts)),
        },
    };
    match kubeconfig {
        Some(kubeconfig) => Config::from_custom_kubeconfig(kubeconfig, &options)
            .await
            .map_err(|e| kubeconfig_error(e, &source, opts)),
        None => {
            if let Some(context) = &opts.context {
                return Err(Error::kube(format!(
                    "context \"{context}\" does not exist: no kubeconfig found \
                     (set KUBECONFIG or --kubeconfig)"
                )));
            }
            Config::incluster().map_err(|_| {
                Error::kube(
                    "no kubeconfig found (KUBECONFIG, --kubeconfig, ~/.kube/config) \
                     and not running inside a cluster",
                )
            })
        }
    }
}

fn default_kubeconfig_path() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|home| Path::new(&home).join(".kube").join("config"))
}

fn read_kubeconfig(path: &Path) -> Result<Kubeconfig, Error> {
    Kubeconfig::read_from(path).map_err(|e| match e {
        KubeconfigError::ReadConfig(io, _) => {
            Error::kube(format!("cannot read kubeconfig {}: {io}", path.display()))
        }
        other => Error::kube(format!(
            "invalid kubeconfig {}: {}",
            path.display(),
            root_cause(&other)
        )),
    })
}

fn kubeconfig_error(err: KubeconfigError, source: &str, opts: &ClusterOptions) -> Error {
    match err {
        KubeconfigError::LoadContext(context) => {
            Error::kube(format!("context \"{context}\" does not exist in kubeconfig {source}"))
        }
        KubeconfigError::CurrentContextNotSet => Error::kube(format!(
            "kubeconfig {source} sets no current-context: pass --context"
        )),
        KubeconfigError::LoadClusterOfContext(cluster) => Error::kube(format!(
            "context \"{}\" refers to cluster \"{cluster}\", which kubeconfig {source} does not define",
            opts.context.as_deref().unwrap_or("(current)")
        )),
        KubeconfigError::ReadConfig(io, path) => {
            Error::kube(format!("cannot read kubeconfig {}: {io}", path.display()))
        }
        other => Error::kube(format!("invalid kubeconfig {source}: {}", root_cause(&other))),
    }
}

/// The innermost error's text: wrappers add words ("ServiceError: client error (Connect)") that
/// say nothing to a user.
fn root_cause(err: &(dyn StdError + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn chain_mentions_tls(err: &(dyn StdError + 'static)) -> bool {
    let mut cause = Some(err);
    while let Some(e) = cause {
        let text = e.to_string().to_ascii_lowercase();
        if [
            "certificate",
            "tls",
            "handshake",
            "unknownissuer",
            "bad signature",
        ]
        .iter()
        .any(|needle| text.contains(needle))
        {
            return true;
        }
        cause = e.source();
    }
    false
}

/// The verb and resource of an RBAC refusal: `... User "u" cannot get resource "pods/portforward" ...`.
fn denied_permission(message: &str) -> Option<(&str, &str)> {
    let rest = &message[message.find(" cannot ")? + " cannot ".len()..];
    let (verb, rest) = rest.split_once(' ')?;
    let resource = rest.strip_prefix("resource \"")?.split('"').next()?;
    Some((verb, resource))
}

fn credential_error(cluster_url: &str, err: &AuthError) -> Error {
    let detail = match err {
        // kube's own text carries the plugin's whole environment and a Debug dump of its output;
        // what helps is its exit status and what it said on stderr.
        AuthError::AuthExecRun { out, .. } => {
            let said = String::from_utf8_lossy(&out.stderr);
            let said = said
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty())
                .unwrap_or("");
            format!("the exec credential plugin failed ({}): {said}", out.status)
        }
        other => root_cause(other),
    };
    Error::kube(format!(
        "cannot get credentials for the API server at {cluster_url}: {detail}"
    ))
}

fn api_error(cluster_url: &str, err: kube::Error, call: &Call) -> Error {
    let ns = call.namespace;
    match err {
        kube::Error::Api(status) => {
            let server_says = status.message.trim();
            match status.code {
                404 => {
                    let message = if server_says.is_empty() {
                        format!(
                            "{} \"{}\" not found",
                            call.resource,
                            call.name.unwrap_or("")
                        )
                    } else {
                        server_says.to_string()
                    };
                    Error::kube(format!("{message} in namespace \"{ns}\""))
                }
                403 => {
                    // The server knows which verb it checked (a WebSocket port-forward is a GET,
                    // authorized as `get` before Kubernetes 1.35 and as `create` since).
                    let (verb, resource) =
                        denied_permission(server_says).unwrap_or((call.verb, call.resource));
                    let detail = if server_says.is_empty() {
                        "forbidden"
                    } else {
                        server_says
                    };
                    Error::kube(format!(
                        "cannot {verb} {resource} in namespace \"{ns}\": {detail}"
                    ))
                }
                401 => {
                    Error::kube(format!(
                    "the API server at {cluster_url} rejected the credentials (401 Unauthorized){}",
                    if server_says.is_empty() { String::new() } else { format!(": {server_says}") }
                ))
                }
                code => Error::kube(format!(
                    "the API server answered {code} to {} {} in namespace \"{ns}\": {}",
                    call.verb,
                    call.resource,
                    if server_says.is_empty() {
                        status.reason.as_str()
                    } else {
                        server_says
                    }
                )),
            }
        }
        kube::Error::Auth(e) => credential_error(cluster_url, &e),
        kube::Error::UpgradeConnection(e) => Error::kube(format!(
            "the API server at {cluster_url} did not open the port-forward stream: {e}"
        )),
        kube::Error::SerdeError(e) => Error::kube(format!(
            "unexpected answer from the API server to {} {}: {e}",
            call.verb, call.resource
        )),
        other @ (kube::Error::HyperError(_) | kube::Error::Service(_)) => {
            if chain_mentions_tls(&other) {
                Error::kube(format!(
                    "TLS handshake with the API server at {cluster_url} failed: {}",
                    root_cause(&other)
                ))
            } else {
                Error::kube(format!(
                    "cannot reach the API server at {cluster_url}: {}",
                    root_cause(&other)
                ))
            }
        }
        other => Error::kube(format!(
            "{} {} in namespace \"{ns}\" failed: {}",
            call.verb,
            call.resource,
            root_cause(&other)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Exit;
    use kube::core::Status;

    const URL: &str = "https://127.0.0.1:6443";

    fn status(code: u16, message: &str) -> kube::Error {
        let mut status = Status::failure(message, "Whatever");
        status.code = code;
        kube::Error::Api(Box::new(status))
    }

    fn call<'a>(verb: &'a str, resource: &'a str, name: &'a str) -> Call<'a> {
        Call {
            verb,
            resource,
            name: Some(name),
            namespace: "shop",
        }
    }

    #[test]
    fn not_found_keeps_kubectls_wording() {
        let err = api_error(
            URL,
            status(404, "pods \"web-1\" not found"),
            &call("get", "pods", "web-1"),
        );
        assert_eq!(err.code(), Exit::Kube);
        assert_eq!(
            err.message,
            "pods \"web-1\" not found in namespace \"shop\""
        );
        let bare = api_error(
            URL,
            status(404, ""),
            &call("get", "deployments.apps", "web"),
        );
        assert_eq!(
            bare.message,
            "deployments.apps \"web\" not found in namespace \"shop\""
        );
    }

    #[test]
    fn forbidden_names_the_permission() {
        let err = api_error(
            URL,
            status(403, "pods \"web-1\" is forbidden: User \"dev\" cannot create resource \"pods/portforward\""),
            &call("create", "pods/portforward", "web-1"),
        );
        assert!(
            err.message.starts_with(
                "cannot create pods/portforward in namespace \"shop\": pods \"web-1\" is forbidden"
            ),
            "{}",
            err.message
        );
        // The verb the server checked wins over the one we would have guessed.
        let err = api_error(
            URL,
            status(
                403,
                "pods \"web-1\" is forbidden: User \"dev\" cannot get resource \"pods/portforward\" \
                 in API group \"\" in the namespace \"shop\"",
            ),
            &call("create", "pods/portforward", "web-1"),
        );
        assert!(
            err.message
                .starts_with("cannot get pods/portforward in namespace \"shop\": pods"),
            "{}",
            err.message
        );
        let err = api_error(URL, status(403, ""), &call("list", "pods", "x"));
        assert_eq!(
            err.message,
            "cannot list pods in namespace \"shop\": forbidden"
        );
    }

    #[test]
    fn unauthorized_and_other_codes() {
        let err = api_error(URL, status(401, "Unauthorized"), &call("get", "pods", "x"));
        assert_eq!(
            err.message,
            "the API server at https://127.0.0.1:6443 rejected the credentials (401 Unauthorized): Unauthorized"
        );
        let err = api_error(URL, status(500, "etcd is sad"), &call("list", "pods", "x"));
        assert_eq!(
            err.message,
            "the API server answered 500 to list pods in namespace \"shop\": etcd is sad"
        );
    }

    #[test]
    fn root_cause_skips_wrappers() {
        let inner = std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "Connection refused (os error 111)",
        );
        let outer = kube::Error::ReadEvents(inner);
        assert_eq!(root_cause(&outer), "Connection refused (os error 111)");
    }
}
