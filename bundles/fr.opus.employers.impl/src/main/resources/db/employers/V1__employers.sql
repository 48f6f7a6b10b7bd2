-- The employer entry shared by France Travail and partners. An employer exists as soon as an offer carries its SIRET
-- (OFFERS.OFFER.SIRET); a row here is stored on the first write to it (France Travail sets its name, NAF code and
-- address; anyone who may see it adds a contact or a note), seeded with the name and NAF code of its newest offer.
-- Contacts are people (their reads are audited); notes are free text screened for what DOMAIN §9 forbids before
-- they are stored. PARTNER_ID is the partner whose staff wrote a contact or note, NULL for France Travail: a
-- partner's people change only their own partner's.

CREATE TABLE EMPLOYER (
    SIRET        CHAR(14)      NOT NULL PRIMARY KEY,
    NAME         VARCHAR(200)  NOT NULL,
    NAF_CODE     VARCHAR(6),
    ADDRESS      VARCHAR(300),
    -- folded (lower case, no accents) name, for the search by name prefix
    SEARCH_NAME  VARCHAR(200)  NOT NULL,
    CREATED_AT   TIMESTAMP     NOT NULL,
    CREATED_BY   VARCHAR(80)   NOT NULL,
    UPDATED_AT   TIMESTAMP     NOT NULL,
    UPDATED_BY   VARCHAR(80)   NOT NULL
);
CREATE INDEX EMPLOYER_SEARCH ON EMPLOYER (SEARCH_NAME);

CREATE TABLE EMPLOYER_CONTACT (
    ID            VARCHAR(36)   NOT NULL PRIMARY KEY,
    SIRET         CHAR(14)      NOT NULL REFERENCES EMPLOYER (SIRET),
    NAME          VARCHAR(100)  NOT NULL,
    ROLE          VARCHAR(100),
    EMAIL         VARCHAR(254),
    PHONE         VARCHAR(20),
    PARTNER_ID    VARCHAR(36),
    ORGANISATION  VARCHAR(200)  NOT NULL,
    ADDED_BY      VARCHAR(80)   NOT NULL,
    CREATED_AT    TIMESTAMP     NOT NULL
);
CREATE INDEX EMPLOYER_CONTACT_SIRET ON EMPLOYER_CONTACT (SIRET, CREATED_AT);

CREATE TABLE EMPLOYER_NOTE (
    ID            VARCHAR(36)   NOT NULL PRIMARY KEY,
    SIRET         CHAR(14)      NOT NULL REFERENCES EMPLOYER (SIRET),
    TEXT          VARCHAR(2000) NOT NULL,
    PARTNER_ID    VARCHAR(36),
    ORGANISATION  VARCHAR(200)  NOT NULL,
    AUTHOR        VARCHAR(80)   NOT NULL,
    WRITTEN_AT    TIMESTAMP     NOT NULL,
    UPDATED_AT    TIMESTAMP     NOT NULL
);
CREATE INDEX EMPLOYER_NOTE_SIRET ON EMPLOYER_NOTE (SIRET, WRITTEN_AT);
