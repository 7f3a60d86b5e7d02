package com.commercehub.product;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface TaxRateRepository extends ListCrudRepository<TaxRate, Long> {

    Optional<TaxRate> findByName(String name);
}
