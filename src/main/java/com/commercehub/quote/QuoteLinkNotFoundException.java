package com.commercehub.quote;

import com.commercehub.base.db.RecordNotFoundException;

/** No version answers to this buyer link: it never existed, is malformed, or was switched off. */
public class QuoteLinkNotFoundException extends RecordNotFoundException {

    QuoteLinkNotFoundException() {
        super("buyer link", "(token not shown)");
    }
}
