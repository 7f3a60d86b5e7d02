/** Ports through which the shell learns about the payment processor without depending on it. */
package com.commercehub.base.payments;
