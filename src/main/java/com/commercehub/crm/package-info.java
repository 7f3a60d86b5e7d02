/**
 * The CRM context quotes are built in: companies, contacts, and deals with their line items, picked
 * from the product library (keeping a reference) or typed in.
 */
package com.commercehub.crm;
