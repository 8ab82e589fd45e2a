//! A TCP relay in front of an Envoy admin API that watches the traffic: the bytes Envoy sends back
//! (what a port-forward carries to meshctl) and the request lines the client sent, so tests and
//! the benchmark can see which admin paths were asked for and what they cost.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub struct Relay {
    addr: SocketAddr,
    from_upstream: Arc<AtomicU64>,
    request_lines: Arc<Mutex<Vec<String>>>,
}

impl Relay {
    /// Listens on 127.0.0.1 (a free port) and relays every connection to `upstream`, each on
    /// threads of its own until either side closes.
    pub fn start(upstream: SocketAddr) -> std::io::Result<Relay> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let from_upstream = Arc::new(AtomicU64::new(0));
        let request_lines = Arc::new(Mutex::new(Vec::new()));
        let (counter, lines) = (from_upstream.clone(), request_lines.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(upstream) else {
                    continue;
                };
                let (Ok(client_reader), Ok(server_writer)) =
                    (client.try_clone(), server.try_clone())
                else {
                    continue;
                };
                let lines = lines.clone();
                std::thread::spawn(move || {
                    pipe(client_reader, server_writer, Watch::Requests(lines))
                });
                let counter = counter.clone();
                std::thread::spawn(move || pipe(server, client, Watch::Bytes(counter)));
            }
        });
        Ok(Relay {
            addr,
            from_upstream,
            request_lines,
        })
    }

    /// Where clients connect.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Bytes the upstream sent since the last call.
    pub fn take_bytes(&self) -> u64 {
        self.from_upstream.swap(0, Ordering::SeqCst)
    }

    /// Request lines (`GET /path HTTP/1.1`) clients sent since the last call, in order.
    pub fn take_request_lines(&self) -> Vec<String> {
        std::mem::take(&mut *self.request_lines.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

enum Watch {
    Bytes(Arc<AtomicU64>),
    /// Admin requests carry no body, so every header block starts with a request line.
    Requests(Arc<Mutex<Vec<String>>>),
}

fn pipe(mut from: TcpStream, mut to: TcpStream, watch: Watch) {
    let mut buf = vec![0u8; 256 * 1024];
    let mut headers = Vec::new();
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        // Counted before it is passed on: once the client is done, all it received is counted.
        match &watch {
            Watch::Bytes(counter) => {
                counter.fetch_add(n as u64, Ordering::SeqCst);
            }
            Watch::Requests(lines) => {
                headers.extend_from_slice(&buf[..n]);
                while let Some(end) = headers.windows(4).position(|w| w == b"\r\n\r\n") {
                    let block = String::from_utf8_lossy(&headers[..end]).into_owned();
                    let line = block.lines().next().unwrap_or_default().to_string();
                    lines.lock().unwrap_or_else(|p| p.into_inner()).push(line);
                    headers.drain(..end + 4);
                }
            }
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}
