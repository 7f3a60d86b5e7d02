package com.commercehub.base.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers are believed, given as IP addresses or IPv4 CIDR ranges.
 * Tomcat's {@code RemoteIpValve} takes a regular expression, so the list is turned into one that matches exactly
 * those addresses; with an empty list it matches nothing (Tomcat's own default would trust every private address,
 * so anybody on the local network could claim to be any client).
 */
final class TrustedProxies {

    /** Matches no address at all. */
    static final String NOBODY = "(?!)";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private TrustedProxies() {
    }

    /**
     * @param list comma-separated, e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1}
     * @return a regular expression for {@code RemoteIpValve.setInternalProxies}
     * @throws IllegalArgumentException naming the entry that is neither an address nor a range
     */
    static String toRegex(String list) {
        if (list == null || list.isBlank()) {
            return NOBODY;
        }
        List<String> alternatives = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                alternatives.add(entryRegex(entry));
            }
        }
        return alternatives.isEmpty() ? NOBODY : String.join("|", alternatives);
    }

    private static String entryRegex(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        var ipv4 = IPV4.matcher(address);
        if (ipv4.matches()) {
            int[] octets = new int[4];
            for (int i = 0; i < 4; i++) {
                octets[i] = Integer.parseInt(ipv4.group(i + 1));
                if (octets[i] > 255) {
                    throw invalid(entry);
                }
            }
            int prefix = slash < 0 ? 32 : prefix(entry, entry.substring(slash + 1), 32);
            return ipv4Range(octets, prefix);
        }
        if (slash < 0 && address.contains(":") && address.matches("[0-9A-Fa-f:.]+")) {
            // IPv6 addresses are taken exactly as the servlet container writes them (e.g. 0:0:0:0:0:0:0:1).
            return Pattern.quote(address.toLowerCase()) + "|" + Pattern.quote(address.toUpperCase());
        }
        throw invalid(entry);
    }

    /** A regex for every address whose first {@code prefix} bits equal those of {@code octets}. */
    private static String ipv4Range(int[] octets, int prefix) {
        StringBuilder regex = new StringBuilder();
        int bitsLeft = prefix;
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                regex.append("\\.");
            }
            if (bitsLeft >= 8) {
                regex.append(octets[i]);
            } else if (bitsLeft <= 0) {
                regex.append("\\d{1,3}");
            } else {
                int size = 1 << (8 - bitsLeft);
                int first = octets[i] & ~(size - 1);
                List<String> values = new ArrayList<>();
                for (int v = first; v < first + size; v++) {
                    values.add(Integer.toString(v));
                }
                regex.append("(?:").append(String.join("|", values)).append(')');
            }
            bitsLeft -= 8;
        }
        return regex.toString();
    }

    private static int prefix(String entry, String text, int max) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix < 0 || prefix > max) {
                throw invalid(entry);
            }
            return prefix;
        } catch (NumberFormatException e) {
            throw invalid(entry);
        }
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException(
                "TRUSTED_PROXIES: \"" + entry + "\" is neither an IP address nor an IPv4 range such as 10.0.0.0/8");
    }
}
