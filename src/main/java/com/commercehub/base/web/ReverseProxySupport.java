package com.commercehub.base.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Behind a TLS reverse proxy the app must learn the client's address (rate limits, audit, the sandbox's
 * same-machine check) and that the request came in over https — but only from the proxies it was told about:
 * a forwarded header from anybody else is ignored, so a client cannot pose as another address or as local.
 * With an https {@code PUBLIC_URL} the session cookie is always Secure.
 */
@Component
class ReverseProxySupport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String trustedProxies;
    private final PublicAddress publicAddress;

    ReverseProxySupport(@Value("${hub.proxy.trusted:}") String trustedProxies, PublicAddress publicAddress) {
        this.trustedProxies = trustedProxies;
        this.publicAddress = publicAddress;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String regex = TrustedProxies.toRegex(trustedProxies);
        if (!regex.equals(TrustedProxies.NOBODY)) {
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(regex);
            valve.setTrustedProxies(TrustedProxies.NOBODY);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setProtocolHeaderHttpsValue("https");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
        }
        if (publicAddress.isHttps()) {
            factory.getSettings().getSession().getCookie().setSecure(true);
        }
    }

    /** After Boot's own customizer, which puts the configured session settings on the factory. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
