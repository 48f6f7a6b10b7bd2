-- The SIRET of the employer's establishment, as France Travail's feed now gives it on the offer (an Opus-only field,
-- like the managing partner). Copied out of BODY into a column so that the employers capability lists an employer's
-- offers, in every status, with one index lookup (OfferCatalog.findBySiret); NULL when the feed does not give it.
-- The index costs the feed one more B-tree insert per new offer (see V2 on what an index costs the feed); unlike
-- COMMUNE's it is read on every employer page.
ALTER TABLE OFFER ADD COLUMN SIRET CHAR(14);
CREATE INDEX OFFER_SIRET ON OFFER (SIRET);
