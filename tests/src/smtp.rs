//! A small SMTP server for tests: a real SMTP conversation with lettre over
//! loopback, recording what it receives. It can refuse chosen recipients
//! permanently (550), defer every recipient a few times first (450, as a
//! greylisting server does), come up on a port held for it to end an
//! "outage", be slow, by the app's clock, to accept each message, and stall:
//! say nothing at all for a while of real time.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ponte_server::clock::TestClock;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent after DATA (headers and body), dot-unstuffed.
    pub data: String,
}

impl Received {
    /// The message with quoted-printable soft line breaks joined and `=3D`
    /// decoded, so a long link can be searched as one string.
    pub fn text(&self) -> String {
        self.data.replace("=\n", "").replace("=3D", "=")
    }
}

#[derive(Default)]
struct State {
    received: Vec<Received>,
    refused: Vec<String>,
    /// How long, by this clock, the server takes to accept each message
    /// after its end.
    slow: Option<(TestClock, Duration)>,
    /// How many times each recipient's RCPT TO is deferred (450) before
    /// it is accepted, and how many times each has been so far.
    deferrals: usize,
    deferred: BTreeMap<String, usize>,
    /// Until then a new conversation hears nothing, not even the greeting.
    stalled_until: Option<tokio::time::Instant>,
}

/// The real time a slow server holds each message: longer than the test
/// workers' polling interval (50 ms), so another worker looks meanwhile.
const SLOW_PAUSE: Duration = Duration::from_millis(80);

/// The port of an SMTP server that is down: bound, so that nothing else can
/// take it meanwhile, and not listening, so that connections to it are
/// refused, until `SmtpServer::start_on_held` listens on it.
pub struct HeldPort {
    socket: TcpSocket,
    pub addr: SocketAddr,
}

impl HeldPort {
    pub fn new() -> HeldPort {
        // Without SO_REUSEADDR (tokio's listeners set it), so that no other
        // socket may bind the port while it is held.
        let socket = TcpSocket::new_v4().expect("a socket");
        socket
            .bind("127.0.0.1:0".parse().expect("address"))
            .expect("bind a port to hold");
        let addr = socket.local_addr().expect("local address");
        HeldPort { socket, addr }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }
}

impl Default for HeldPort {
    fn default() -> Self {
        HeldPort::new()
    }
}

pub struct SmtpServer {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the SMTP test server");
        SmtpServer::serve(listener)
    }

    /// The server that was down comes up on the port held for it.
    pub fn start_on_held(port: HeldPort) -> SmtpServer {
        let listener = port.socket.listen(128).expect("listen on the held port");
        SmtpServer::serve(listener)
    }

    fn serve(listener: TcpListener) -> SmtpServer {
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(converse(stream, shared.clone()));
            }
        });
        SmtpServer { addr, state, task }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// RCPT TO this address gets a permanent 550 from now on.
    pub fn refuse(&self, address: &str) {
        self.lock().refused.push(address.to_lowercase());
    }

    pub fn accept_everyone(&self) {
        self.lock().refused.clear();
    }

    /// From now on each recipient's RCPT TO gets a transient 450 the first
    /// `times` times it is offered, then a 250: a greylisting server.
    pub fn defer_each(&self, times: usize) {
        let mut state = self.lock();
        state.deferrals = times;
        state.deferred.clear();
    }

    /// How many 450s the server has answered so far.
    pub fn deferrals_answered(&self) -> usize {
        self.lock().deferred.values().sum()
    }

    /// For the next `duration` of real time the server is stalled, as one
    /// hung on a full disk or a stuck filter: it accepts connections but
    /// says nothing, and a conversation opened meanwhile hears its greeting
    /// only once the stall is over (if its client is still there). Returns
    /// when the stall ends.
    pub fn stall_for(&self, duration: Duration) -> tokio::time::Instant {
        let until = tokio::time::Instant::now() + duration;
        self.lock().stalled_until = Some(until);
        until
    }

    /// From now on each message is accepted (and counted) only `delay`
    /// after its end by `clock`, as a busy server would: the server moves the
    /// clock on by that much, and holds the message a moment of real time.
    pub fn slow_down(&self, clock: &TestClock, delay: Duration) {
        self.lock().slow = Some((clock.clone(), delay));
    }

    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    /// How many messages each recipient got.
    pub fn count_by_recipient(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for message in self.lock().received.iter() {
            for to in &message.to {
                *counts.entry(to.clone()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Waits until `count` messages arrived (or the time is up) and returns them all.
    pub async fn wait_for(&self, count: usize, within: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + within;
        while self.received().len() < count && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        self.received()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn address_in(line: &str) -> String {
    let start = line.find('<').map(|i| i + 1).unwrap_or(0);
    let end = line.rfind('>').unwrap_or(line.len());
    line[start..end.max(start)].trim().to_lowercase()
}

async fn converse(stream: TcpStream, state: Arc<Mutex<State>>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mut from = String::new();
    let mut to = Vec::new();
    let stalled_until = state.lock().ok().and_then(|s| s.stalled_until);
    if let Some(until) = stalled_until {
        tokio::time::sleep_until(until).await;
    }
    if write.write_all(b"220 ponte-test ESMTP\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end().to_string();
        let upper = command.to_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            "250-ponte-test\r\n250 8BITMIME\r\n".into()
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            "250 OK\r\n".into()
        } else if upper.starts_with("MAIL FROM") {
            from = address_in(&command);
            to.clear();
            "250 OK\r\n".into()
        } else if upper.starts_with("RCPT TO") {
            let address = address_in(&command);
            let (refused, deferred) = state
                .lock()
                .map(|mut s| {
                    let refused = s.refused.contains(&address);
                    let limit = s.deferrals;
                    let times = s.deferred.entry(address.clone()).or_insert(0);
                    let deferred = !refused && *times < limit;
                    if deferred {
                        *times += 1;
                    }
                    (refused, deferred)
                })
                .unwrap_or((false, false));
            if refused {
                "550 5.1.1 mailbox unavailable\r\n".into()
            } else if deferred {
                "450 4.2.0 greylisted, try again later\r\n".into()
            } else {
                to.push(address);
                "250 OK\r\n".into()
            }
        } else if upper == "DATA" {
            if write
                .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                .await
                .is_err()
            {
                return;
            }
            let mut data = String::new();
            loop {
                line.clear();
                match lines.read_line(&mut line).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let text = line.trim_end_matches(['\r', '\n']);
                if text == "." {
                    break;
                }
                data.push_str(text.strip_prefix('.').unwrap_or(text));
                data.push('\n');
            }
            let slow = state.lock().ok().and_then(|s| s.slow.clone());
            if let Some((clock, delay)) = slow {
                clock.advance(delay);
                tokio::time::sleep(SLOW_PAUSE).await;
            }
            if let Ok(mut s) = state.lock() {
                s.received.push(Received {
                    from: from.clone(),
                    to: std::mem::take(&mut to),
                    data,
                });
            }
            "250 OK queued\r\n".into()
        } else if upper.starts_with("RSET") {
            to.clear();
            "250 OK\r\n".into()
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 Bye\r\n").await;
            return;
        } else {
            "502 Command not implemented\r\n".into()
        };
        if write.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}
