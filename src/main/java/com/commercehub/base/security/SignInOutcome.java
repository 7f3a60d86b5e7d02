package com.commercehub.base.security;

/** How one sign-in attempt ended, as the sign-in log shows it. */
public enum SignInOutcome {
    /** Signed in. */
    SUCCEEDED,
    /** Wrong e-mail or password. */
    FAILED,
    /** Right or wrong, the account may not sign in. */
    DISABLED,
    /** Refused unchecked: too many failures from this account or address. */
    LOCKED,
    /** The signed-in user changed their own password. */
    PASSWORD_CHANGED
}
