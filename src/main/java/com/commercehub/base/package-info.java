/**
 * What every feature stands on: money, security (users, roles, first-run admin), i18n, the database
 * connection and the application shell.
 */
package com.commercehub.base;
