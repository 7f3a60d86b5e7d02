/**
 * How the app meets the network: its public address ({@code PUBLIC_URL}) and which reverse proxies may tell it
 * the client's real address and scheme.
 */
package com.commercehub.base.web;
