-- Opus never reads offers by commune in SQL (search is the Lucene index's), and each feed event paid a random
-- B-tree insert into this index: the offers benchmark put the feed's Derby inserts at 30 % of its CPU. The COMMUNE
-- column stays for plain-SQL reporting; a report that needs the index creates it. OFFER_REGION_ROME stays: its
-- leading STATUS column also serves the count of offers per status read on start.
DROP INDEX OFFER_COMMUNE;
