/**
 * Checkout branding: one set of settings (logo, icon, colours, font, corners, contact details, checkout texts
 * in six languages, what Checkout collects, the default buyer language, what follows payment), versioned on
 * every save and restorable, with the logo images validated by content and re-encoded. It offers the read API
 * {@link com.commercehub.branding.BrandingService#current()} to the features that render buyer pages, PDFs,
 * e-mails and Checkout Sessions, the theme stylesheet of CSS custom properties and the {@code #brand}
 * expression object every Thymeleaf template of the web engine can use. Depends on {@code base} only.
 */
package com.commercehub.branding;
