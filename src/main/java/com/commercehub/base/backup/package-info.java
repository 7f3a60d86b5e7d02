/**
 * Backup and restore as commands of the app's jar ({@code backup <file>}, {@code restore <file>}): one archive with a
 * consistent dump of the database, the key that encrypts stored secrets and a manifest, run without the web
 * application or its schedulers.
 */
package com.commercehub.base.backup;
