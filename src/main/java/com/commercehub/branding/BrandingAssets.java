package com.commercehub.branding;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Duration;

/**
 * Serves the theme stylesheet and the logos. Both addresses name their content (a hash), so they are cached for a
 * year and immutable; a stylesheet address that is no longer current answers the current one, uncached. Under
 * {@code /buyer/}, which is public; a draft's stylesheet is under {@code /staff/} and needs a signed-in user.
 */
@Controller
class BrandingAssets {

    private static final MediaType CSS = new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final BrandingService branding;
    private final BrandingDrafts drafts;

    BrandingAssets(BrandingService branding, BrandingDrafts drafts) {
        this.branding = branding;
        this.drafts = drafts;
    }

    @GetMapping(BrandLook.THEME_PATH + "{hash}.css")
    ResponseEntity<String> theme(@PathVariable String hash) {
        BrandingSettings current = branding.current();
        boolean same = BrandTheme.hash(current).equals(hash);
        return ResponseEntity.ok().contentType(CSS).cacheControl(same ? FOREVER : CacheControl.noCache())
                .body(BrandTheme.css(current));
    }

    @GetMapping(BrandLook.IMAGE_PATH + "{sha256}.png")
    ResponseEntity<byte[]> image(@PathVariable String sha256) {
        return branding.image(sha256)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(FOREVER)
                        .header("X-Content-Type-Options", "nosniff").body(png))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping(BrandLook.DRAFT_PATH + "{id}/theme.css")
    ResponseEntity<String> draftTheme(@PathVariable String id) {
        return drafts.get(id).map(draft -> ResponseEntity.ok().contentType(CSS).cacheControl(CacheControl.noStore())
                        .body(BrandTheme.css(draft)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
