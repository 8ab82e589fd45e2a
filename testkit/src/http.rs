//! The one HTTP/1.1 GET client of the test world, for Envoy's admin API and whatever stands in
//! front of it: a fresh connection per request with `Connection: close`, the body de-chunked.
//!
//! [`http_get`] returns the whole response for tests to look at; [`http_get_to`] streams the body
//! into a writer, for dumps too large to hold twice.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Connecting to a local listener either works at once or not at all.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A small admin answer (`/ready`, `/stats`) that has not come by then is not coming.
const SHORT_TIMEOUT: Duration = Duration::from_secs(10);
/// Envoy sends a config dump only once it has serialized all of it, which for a large mesh takes
/// a while; this bounds the wait for each read, not the whole transfer.
const STREAM_TIMEOUT: Duration = Duration::from_secs(300);

/// An HTTP/1.1 response: status code, headers (names lowercased) and body (de-chunked, decoded
/// as UTF-8 lossily).
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    /// Parses a complete response as read from a connection the server closed: status line,
    /// headers, and a body that is chunked, `Content-Length` long, or runs to the end.
    pub fn parse(raw: &[u8]) -> io::Result<HttpResponse> {
        let mut body = Vec::new();
        let head = read_response(&mut &raw[..], &mut body)?;
        Ok(HttpResponse {
            status: head.status,
            headers: head.headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }
}

/// `GET path`, the whole response in memory.
pub fn http_get(addr: SocketAddr, path: &str) -> io::Result<HttpResponse> {
    http_get_with_headers(addr, path, &[])
}

/// `GET path` with these request headers besides `Host` and `Connection`, the whole response in
/// memory.
pub fn http_get_with_headers(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
) -> io::Result<HttpResponse> {
    let mut body = Vec::new();
    let head = get(addr, path, headers, &mut body, SHORT_TIMEOUT)?;
    Ok(HttpResponse {
        status: head.status,
        headers: head.headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// `GET path` with the body streamed into `out` as it arrives; returns the status code.
pub fn http_get_to(addr: SocketAddr, path: &str, out: &mut dyn Write) -> io::Result<u16> {
    Ok(get(addr, path, &[], out, STREAM_TIMEOUT)?.status)
}

struct Head {
    status: u16,
    headers: Vec<(String, String)>,
}

fn get(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    out: &mut dyn Write,
    timeout: Duration,
) -> io::Result<Head> {
    let stream = TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(SHORT_TIMEOUT))?;
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    (&stream).write_all(request.as_bytes())?;
    read_response(&mut BufReader::with_capacity(1 << 20, stream), out)
}

fn invalid(what: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

/// Reads the status line and headers, and copies the body into `out`.
fn read_response(reader: &mut impl BufRead, out: &mut dyn Write) -> io::Result<Head> {
    let mut line = String::new();
    read_line(reader, &mut line)?;
    let status = line
        .strip_prefix("HTTP/1.")
        .and_then(|rest| rest.get(2..5))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid(format!("bad status line {:?}", line.trim_end())))?;
    let mut headers = Vec::new();
    loop {
        read_line(reader, &mut line)?;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let value = |wanted: &str| {
        headers
            .iter()
            .find(|(name, _)| name == wanted)
            .map(|(_, value)| value.as_str())
    };
    if value("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        copy_chunks(reader, out)?;
    } else if let Some(length) = value("content-length") {
        let length: u64 = length
            .parse()
            .map_err(|_| invalid(format!("bad content-length {length:?}")))?;
        copy_exactly(reader, length, out)?;
    } else {
        io::copy(reader, out)?;
    }
    Ok(Head { status, headers })
}

/// One line into `line` (replacing what it held); the end of the input before a line ends means
/// the response was cut off.
fn read_line(reader: &mut impl BufRead, line: &mut String) -> io::Result<()> {
    line.clear();
    reader.read_line(line)?;
    if !line.ends_with('\n') {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "response ends before its headers or a chunk do",
        ));
    }
    Ok(())
}

fn copy_exactly(reader: &mut impl BufRead, size: u64, out: &mut dyn Write) -> io::Result<()> {
    let copied = io::copy(&mut reader.take(size), out)?;
    if copied != size {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            format!("body cut off after {copied} of {size} bytes"),
        ));
    }
    Ok(())
}

fn copy_chunks(reader: &mut impl BufRead, out: &mut dyn Write) -> io::Result<()> {
    let mut line = String::new();
    loop {
        read_line(reader, &mut line)?;
        // Chunk extensions (";name=value") may follow the size.
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = u64::from_str_radix(size_text, 16)
            .map_err(|_| invalid(format!("bad chunk size {:?}", line.trim_end())))?;
        if size == 0 {
            // Trailers, if any, are not needed.
            return Ok(());
        }
        copy_exactly(reader, size, out)?;
        read_line(reader, &mut line)?;
        if !line.trim_end_matches(['\r', '\n']).is_empty() {
            return Err(invalid("no line end after a chunk".to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_chunked_response() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\ncontent-type: application/json\r\n\r\n\
                    5\r\n{\"a\":\r\n3;x=y\r\n 1}\r\n0\r\n\r\n";
        let response = HttpResponse::parse(raw).unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.body, "{\"a\": 1}");
        assert!(response
            .headers
            .contains(&("content-type".into(), "application/json".into())));
    }

    #[test]
    fn parses_a_response_that_runs_to_the_end() {
        let response =
            HttpResponse::parse(b"HTTP/1.1 503 Service Unavailable\r\n\r\nPRE_INITIALIZING\n")
                .unwrap();
        assert_eq!(response.status, 503);
        assert_eq!(response.body, "PRE_INITIALIZING\n");
    }

    #[test]
    fn reads_no_further_than_the_content_length() {
        let response =
            HttpResponse::parse(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nLIVEextra").unwrap();
        assert_eq!(response.body, "LIVE");
        assert!(HttpResponse::parse(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nLIVE").is_err());
    }

    #[test]
    fn rejects_truncated_chunks_and_bad_status_lines() {
        assert!(HttpResponse::parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort"
        )
        .is_err());
        assert!(HttpResponse::parse(b"SMTP ready\r\n\r\n").is_err());
        assert!(HttpResponse::parse(b"HTTP/1.1 200 OK\r\n").is_err());
    }
}
