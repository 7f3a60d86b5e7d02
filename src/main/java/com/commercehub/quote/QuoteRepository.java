package com.commercehub.quote;

import org.springframework.data.repository.ListCrudRepository;

interface QuoteRepository extends ListCrudRepository<Quote, Long> {
}
