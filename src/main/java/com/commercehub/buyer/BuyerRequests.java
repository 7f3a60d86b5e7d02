package com.commercehub.buyer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.regex.Pattern;

/** Who is asking: a buyer, a signed-in staff member, or a link-preview bot. */
final class BuyerRequests {

    // Link previews in chat and mail apps and search crawlers fetch links before (or instead of) people.
    private static final Pattern BOTS = Pattern.compile(
            "bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|skypeuripreview|"
                    + "microsoft office|google-safety|proofpoint|mimecast|barracuda|"
                    + "curl|wget|python-requests|httpclient|okhttp|java/", Pattern.CASE_INSENSITIVE);

    private BuyerRequests() {
    }

    /** A person's first look: a GET (not HEAD) from a browser, not a bot, not a staff member. */
    static boolean countsAsView(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && !isBot(request.getHeader("User-Agent")) && !isStaff();
    }

    static boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find();
    }

    static boolean isStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The client's address as the servlet container sees it (behind a proxy, configure forwarded headers). */
    static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
