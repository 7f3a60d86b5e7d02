package com.commercehub.crm;

import org.springframework.data.repository.ListCrudRepository;

interface CompanyRepository extends ListCrudRepository<Company, Long> {
}
