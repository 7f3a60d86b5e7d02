/** Settings → Branding (ADMIN): the form, its live preview, save/revert and the version history. */
package com.commercehub.branding.ui;
