/**
 * What the buyer sees through a link, without logging in: the quote page (sign, download the PDF,
 * check out), rendered on the server from templates with no Vaadin session, and the same templates
 * as the quote PDF and the staff preview, so that page, PDF and preview cannot disagree. Security
 * headers and a per-address rate limit guard every buyer page. The checkout branding (from {@code branding})
 * reaches the pages as its theme stylesheet and {@code #brand}, the PDF as resolved properties, fonts and logo,
 * e-mails through {@code BrandedEmailLook}; {@code BrandingPreviewDocument} is the settings page's preview.
 */
package com.commercehub.buyer;
