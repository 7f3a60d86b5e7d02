package com.commercehub.crm;

import org.springframework.data.relational.core.mapping.Table;

/** A contact on a deal; a row of {@code deal_contact}. */
@Table("deal_contact")
record DealContactRef(Long contact) {
}
