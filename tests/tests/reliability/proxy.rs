//! A TCP proxy on 127.0.0.1 in front of one or more backends: the load
//! balancer in front of two Ponte instances (round-robin, one backend per
//! connection), or the network between Ponte and PostgreSQL, which can be
//! cut (every open connection closed, new ones closed at once) and mended.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct TcpProxy {
    pub addr: SocketAddr,
    cut: watch::Sender<bool>,
    connections: Arc<Vec<AtomicU64>>,
    task: JoinHandle<()>,
}

impl Drop for TcpProxy {
    fn drop(&mut self) {
        self.task.abort();
        // Open connections end with it.
        self.cut.send_replace(true);
    }
}

impl TcpProxy {
    pub async fn start(backends: Vec<SocketAddr>) -> TcpProxy {
        assert!(!backends.is_empty(), "a proxy needs a backend");
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the proxy");
        let addr = listener.local_addr().expect("the proxy's address");
        let (cut, _) = watch::channel(false);
        let connections: Arc<Vec<AtomicU64>> =
            Arc::new(backends.iter().map(|_| AtomicU64::new(0)).collect());
        let next = AtomicUsize::new(0);
        let task = {
            let cut = cut.clone();
            let connections = connections.clone();
            tokio::spawn(async move {
                while let Ok((inbound, _)) = listener.accept().await {
                    if *cut.borrow() {
                        // The network is down: the connection closes at once.
                        drop(inbound);
                        continue;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed) % backends.len();
                    connections[i].fetch_add(1, Ordering::Relaxed);
                    tokio::spawn(forward(inbound, backends[i], cut.subscribe()));
                }
            })
        };
        TcpProxy {
            addr,
            cut,
            connections,
            task,
        }
    }

    /// `http://` and the proxy's address: the base URL of what it fronts.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Closes every open connection and every new one until `mend`.
    pub fn cut(&self) {
        self.cut.send_replace(true);
    }

    pub fn mend(&self) {
        self.cut.send_replace(false);
    }

    /// Connections forwarded to each backend so far, in the order given.
    pub fn connections(&self) -> Vec<u64> {
        self.connections
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .collect()
    }
}

async fn forward(mut inbound: TcpStream, backend: SocketAddr, mut cut: watch::Receiver<bool>) {
    let Ok(mut outbound) = TcpStream::connect(backend).await else {
        return;
    };
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
        // Dropping both streams closes them: what a cable pulled out looks
        // like to both ends once their next read or write fails.
        _ = cut.wait_for(|cut| *cut) => {}
    }
}
