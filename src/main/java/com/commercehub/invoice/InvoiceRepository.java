package com.commercehub.invoice;

import org.springframework.data.repository.ListCrudRepository;

interface InvoiceRepository extends ListCrudRepository<Invoice, Long> {
}
