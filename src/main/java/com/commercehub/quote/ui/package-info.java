/** The quote builder, the quotes list, quotes on the deal page, and the quote settings. */
package com.commercehub.quote.ui;
