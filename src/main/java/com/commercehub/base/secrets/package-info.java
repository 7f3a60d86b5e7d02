/**
 * Secrets at rest: AES-GCM encryption of stored secrets (API keys, webhook signing secrets) with a key
 * from the environment or an owner-only key file, and the masked form (last four characters) for display.
 */
package com.commercehub.base.secrets;
