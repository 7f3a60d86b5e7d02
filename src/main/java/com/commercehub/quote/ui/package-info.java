/** The quote builder (with the review step before publishing), the quotes list, quotes on the deal page and on Home, and the quote settings. */
package com.commercehub.quote.ui;
