/** Payments shown to staff where they work: on the deal page and in the quote builder. */
package com.commercehub.payment.ui;
