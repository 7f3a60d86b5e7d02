/**
 * Business time: the date business rules see (quote expiry, due dates), which a payment sandbox may
 * move forward to demonstrate what happens later.
 */
package com.commercehub.base.time;
