/** The sandbox's admin page: its clock. */
package com.commercehub.sandbox.ui;
