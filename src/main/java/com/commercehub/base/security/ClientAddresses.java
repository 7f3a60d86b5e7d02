package com.commercehub.base.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** The unit that per-address limits count: an IPv4 address, or the /64 network of an IPv6 address. */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /** One IPv6 client usually holds a whole /64, so counting single addresses would not limit it. */
    public static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            // A literal with a colon is never a host name: parsed, not looked up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            HexFormat hex = HexFormat.of();
            return hex.formatHex(bytes, 0, 2) + ":" + hex.formatHex(bytes, 2, 4) + ":" + hex.formatHex(bytes, 4, 6)
                    + ":" + hex.formatHex(bytes, 6, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
