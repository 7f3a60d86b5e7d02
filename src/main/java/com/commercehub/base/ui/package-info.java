/**
 * The application shell: login, first-run setup, the main layout and navigation, the user admin
 * page, web security, the error pages and handler, and the start page, which shows the sections features
 * contribute through {@link com.commercehub.base.ui.HomeSection}.
 */
package com.commercehub.base.ui;
