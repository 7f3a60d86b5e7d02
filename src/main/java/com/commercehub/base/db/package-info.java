/**
 * The database connection: an embedded MariaDB server by default, an external one via DB_URL, and
 * clear start-up failures for both.
 */
package com.commercehub.base.db;
