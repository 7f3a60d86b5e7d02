/**
 * Staff users, their roles and passwords, sign-in against the database, and the first-run creation
 * of the administrator (no default password ever exists).
 */
package com.commercehub.base.security;
