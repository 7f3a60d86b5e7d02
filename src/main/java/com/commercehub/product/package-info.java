/**
 * The product library: products with prices in any currency, one-time or recurring billing, tax
 * rates, search, CSV import and export, and an optional demo catalogue.
 */
package com.commercehub.product;
