/** Payments shown to staff where they work: on the deal page, in the quote builder and on Home. */
package com.commercehub.payment.ui;
