//! Who is on the other end of a request. Behind a reverse proxy (the usual
//! production set-up) the peer is the proxy, and the audit trail would name it
//! for every request; the client is then in `X-Forwarded-For`. The header is
//! trusted only when the peer is one of the proxies the operator listed in
//! `PONTE_TRUSTED_PROXIES`: anyone else could write anything in it.

use std::net::IpAddr;

use ipnet::IpNet;

/// The client's address: the peer, or, when the peer is a trusted proxy, the
/// nearest address in `X-Forwarded-For` that is not itself a trusted proxy.
/// Each proxy appends the address it received the request from, so the list
/// is read from the right: entries left of the first untrusted one may have
/// been written by the client and say nothing reliable.
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| is_trusted_proxy(*ip, trusted);
    if !is_trusted(&peer) {
        return peer;
    }
    let mut nearest = peer;
    for entry in forwarded_for.iter().rev().flat_map(|h| h.rsplit(',')) {
        match parse_hop(entry) {
            Some(ip) if is_trusted(&ip) => nearest = ip,
            Some(ip) => return ip,
            // A hop we cannot read ends what we can vouch for.
            None => return nearest,
        }
    }
    nearest
}

/// Whether `ip` is one of the reverse proxies the operator listed.
pub fn is_trusted_proxy(ip: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&ip))
}

/// One `X-Forwarded-For` entry: an IPv4 or IPv6 address, possibly with a port
/// (`192.0.2.1:51000`, `[2001:db8::1]:443`) as some proxies write it.
fn parse_hop(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    if let Ok(ip) = entry.parse() {
        return Some(ip);
    }
    if let Some(rest) = entry.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    let (host, _port) = entry.rsplit_once(':')?;
    host.parse().ok()
}

/// `PONTE_TRUSTED_PROXIES`: addresses or networks separated by commas, such as
/// `127.0.0.1, 10.0.0.0/8`.
pub fn parse_trusted_proxies(text: &str) -> Result<Vec<IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<IpNet>()
                .or_else(|_| part.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    format!("{part:?} is neither an address nor a network such as 10.0.0.0/8")
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies(text: &str) -> Vec<IpNet> {
        parse_trusted_proxies(text).unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        assert_eq!(
            client_address(ip("127.0.0.1"), &["203.0.113.7"], &[]),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn an_untrusted_peer_cannot_choose_its_address() {
        let trusted = proxies("10.0.0.0/8");
        assert_eq!(
            client_address(ip("198.51.100.4"), &["203.0.113.7"], &trusted),
            ip("198.51.100.4")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_forwarded_address() {
        let trusted = proxies("127.0.0.1");
        assert_eq!(
            client_address(ip("127.0.0.1"), &["203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_forged_entry_left_of_the_real_client_is_not_believed() {
        let trusted = proxies("127.0.0.1, 10.0.0.0/8");
        // The client sent "1.2.3.4" itself; the load balancer 10.1.2.3 and then
        // the local proxy appended what they saw.
        assert_eq!(
            client_address(
                ip("127.0.0.1"),
                &["1.2.3.4, 203.0.113.7", "10.1.2.3"],
                &trusted
            ),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn when_every_hop_is_trusted_the_farthest_one_is_the_client() {
        let trusted = proxies("10.0.0.0/8, 127.0.0.1");
        assert_eq!(
            client_address(ip("127.0.0.1"), &["10.0.0.9, 10.0.0.5"], &trusted),
            ip("10.0.0.9")
        );
    }

    #[test]
    fn an_unreadable_hop_stops_at_the_last_trusted_one() {
        let trusted = proxies("127.0.0.1");
        assert_eq!(
            client_address(ip("127.0.0.1"), &["203.0.113.7, unknown"], &trusted),
            ip("127.0.0.1")
        );
        assert_eq!(
            client_address(ip("127.0.0.1"), &[], &trusted),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn hops_with_ports_and_ipv6_are_read() {
        let trusted = proxies("::1");
        assert_eq!(
            client_address(ip("::1"), &["[2001:db8::1]:443"], &trusted),
            ip("2001:db8::1")
        );
        assert_eq!(
            client_address(ip("::1"), &["192.0.2.1:51000"], &trusted),
            ip("192.0.2.1")
        );
        assert_eq!(
            client_address(ip("::1"), &[" 2001:db8::2 "], &trusted),
            ip("2001:db8::2")
        );
    }

    #[test]
    fn a_proxy_is_trusted_when_a_listed_network_holds_it() {
        let trusted = proxies("127.0.0.1, 10.0.0.0/8");
        assert!(is_trusted_proxy(ip("10.9.8.7"), &trusted));
        assert!(!is_trusted_proxy(ip("127.0.0.2"), &trusted));
        assert!(!is_trusted_proxy(ip("127.0.0.1"), &[]));
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        assert_eq!(
            proxies(" 127.0.0.1 , 10.0.0.0/8,::1"),
            vec![
                "127.0.0.1/32".parse::<IpNet>().unwrap(),
                "10.0.0.0/8".parse().unwrap(),
                "::1/128".parse().unwrap()
            ]
        );
        assert!(proxies("").is_empty());
        let err = parse_trusted_proxies("10.0.0.0/8, proxy.local").unwrap_err();
        assert!(err.contains("proxy.local"), "{err}");
    }
}
