package com.commercehub.automation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps outbound webhooks from becoming a way to make the server call its own network (SSRF): http(s) only,
 * and every address the host resolves to must be public — not loopback, private (10/8, 172.16/12,
 * 192.168/16), link-local, unique-local (fc00::/7), carrier-grade NAT, multicast or unspecified — unless an
 * admin allows private addresses. Checked when an endpoint is saved, and on every delivery by the sender's
 * connection itself ({@link #resolve}): it connects only to the addresses checked here, so a name that answers
 * a public address to the check and a private one a moment later (DNS rebinding) gains nothing.
 */
@Component
class WebhookAddressGuard {

    /** Name resolution, replaceable in tests (a name only the test knows). */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final HostResolver resolver;

    @Autowired
    WebhookAddressGuard() {
        this(InetAddress::getAllByName);
    }

    WebhookAddressGuard(HostResolver resolver) {
        this.resolver = resolver;
    }

    /** Why an address is refused, as a message key. */
    static final class Refused extends Exception {
        private final String messageKey;

        Refused(String messageKey, String detail) {
            super(detail);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** The URL as a URI if it is one a webhook may have (http or https, a host, no user info); nothing resolved. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new Refused("webhooks.out.url.invalid", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new Refused("webhooks.out.url.invalid", url);
        }
        return uri;
    }

    /** {@link #parse} and {@link #resolve}: for an endpoint being saved. */
    URI check(String url, boolean allowPrivate) throws Refused {
        URI uri = parse(url);
        resolve(uri.getHost(), allowPrivate);
        return uri;
    }

    /** The host's addresses, every one of them public unless private ones are allowed. */
    InetAddress[] resolve(String host, boolean allowPrivate) throws Refused {
        // URI keeps the brackets of an IPv6 literal.
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new Refused("webhooks.out.url.unknown-host", host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused("webhooks.out.url.private", host + " → " + address.getHostAddress());
                }
            }
        }
        return addresses;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
    }
}
