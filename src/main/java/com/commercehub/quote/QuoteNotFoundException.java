package com.commercehub.quote;

import com.commercehub.base.db.RecordNotFoundException;

/** No quote has this id. */
public class QuoteNotFoundException extends RecordNotFoundException {

    QuoteNotFoundException(long id) {
        super("quote", id);
    }
}
