/**
 * The application shell: login, first-run setup, the main layout and navigation, the user admin
 * page, web security, and the error pages and handler.
 */
package com.commercehub.base.ui;
