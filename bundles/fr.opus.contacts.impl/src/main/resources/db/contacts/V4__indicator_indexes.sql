-- Indexes for the indicators (IndicatorQueries), measured with bench/contacts.sh on 1,000,000 acts: both queries read
-- the acts of a period, for all partners or for one. With only REFERRAL_CREATED (CREATED_AT, PARTNER_ID), every act
-- of the period was fetched from the table, and a single partner's period was read through REFERRAL_PARTNER
-- (PARTNER_ID, UPDATED_AT), i.e. all of the partner's acts. These two indexes hold every column the queries read, so
-- Derby answers from the index alone: REFERRAL_PERIOD for all partners (a range of dates), REFERRAL_PARTNER_PERIOD
-- for one partner (its range of dates only). REFERRAL_PERIOD starts with REFERRAL_CREATED's columns and replaces it.

CREATE INDEX REFERRAL_PERIOD ON REFERRAL (CREATED_AT, PARTNER_ID, KIND, STATE, PRESENTATION_ID, OFFER_ID,
    OFFER_DIRECT, OFFER_PRESELECTED, UPDATED_AT);
CREATE INDEX REFERRAL_PARTNER_PERIOD ON REFERRAL (PARTNER_ID, CREATED_AT, KIND, STATE, PRESENTATION_ID, OFFER_ID,
    OFFER_DIRECT, OFFER_PRESELECTED, UPDATED_AT);
DROP INDEX REFERRAL_CREATED;
