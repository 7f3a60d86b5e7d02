package com.commercehub.crm;

import org.springframework.data.repository.ListCrudRepository;

interface DealRepository extends ListCrudRepository<Deal, Long> {
}
