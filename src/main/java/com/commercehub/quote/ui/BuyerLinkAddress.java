package com.commercehub.quote.ui;

import com.commercehub.base.web.PublicAddress;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a buyer link's path into the address to send: under PUBLIC_URL when it is set (behind a
 * proxy the browser's own address is not what buyers can reach), else under the address staff use.
 */
@Component
class BuyerLinkAddress {

    private final String publicUrl;

    BuyerLinkAddress(PublicAddress publicAddress) {
        this.publicUrl = publicAddress.url().orElse("");
    }

    String absolute(String path) {
        if (!publicUrl.isEmpty()) {
            return publicUrl + path;
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return path;
        }
        var http = request.getHttpServletRequest();
        boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                + http.getContextPath() + path;
    }
}
