-- Searches match "name contains" or "SKU starts with", which no B-tree can seek. This narrow index
-- holds every column such a search filters on, so counting and paging scan it instead of whole rows;
-- id comes before sku_key so that it still serves ORDER BY name, id without sorting.
CREATE INDEX ix_product_search ON product (archived, name, id, sku_key);
DROP INDEX ix_product_archived_name ON product;
