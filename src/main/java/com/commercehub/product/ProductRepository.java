package com.commercehub.product;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface ProductRepository extends ListCrudRepository<Product, Long> {

    @Query("SELECT COUNT(*) FROM product WHERE sku_key = UPPER(:sku) AND (:exceptId IS NULL OR id <> :exceptId)")
    int countBySku(@Param("sku") String sku, @Param("exceptId") Long exceptId);
}
