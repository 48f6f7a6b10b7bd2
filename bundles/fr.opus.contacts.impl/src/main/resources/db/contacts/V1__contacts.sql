-- Putting candidates in contact: the job seekers a partner acts for, and each act done for them on an offer with
-- its full history. No column may hold what DOMAIN §9 forbids (origin, opinions, union membership, health, sex life,
-- social or personal difficulties): a job seeker is known by name, France Travail identifier, contact and preferred
-- channel; free-text notes and comments are screened for obvious cases before they are stored.

CREATE TABLE JOB_SEEKER (
    ID              VARCHAR(36)   NOT NULL PRIMARY KEY,
    PARTNER_ID      VARCHAR(36)   NOT NULL,
    FIRST_NAME      VARCHAR(100)  NOT NULL,
    LAST_NAME       VARCHAR(100)  NOT NULL,
    FT_IDENTIFIER   VARCHAR(11),
    EMAIL           VARCHAR(254),
    PHONE           VARCHAR(20),
    POSTAL_ADDRESS  VARCHAR(300),
    CHANNEL         VARCHAR(10)   NOT NULL,
    NOTE            VARCHAR(1000),
    CREATED_AT      TIMESTAMP     NOT NULL,
    CREATED_BY      VARCHAR(80)   NOT NULL,
    UPDATED_AT      TIMESTAMP     NOT NULL,
    -- folded (lower case, no accents) "last first" for the counsellor's search
    SEARCH_NAME     VARCHAR(201)  NOT NULL,
    -- a registered job seeker is entered once per partner (several without an identifier may share a name)
    CONSTRAINT JOB_SEEKER_FT_ID UNIQUE (PARTNER_ID, FT_IDENTIFIER)
);
CREATE INDEX JOB_SEEKER_PARTNER ON JOB_SEEKER (PARTNER_ID, SEARCH_NAME);

-- OPEN_KEY is "offer/job seeker" while the referral is open, NULL once closed: at most one open act per job seeker
-- and offer, enforced by the database under concurrent requests.
CREATE TABLE REFERRAL (
    ID             VARCHAR(36)   NOT NULL PRIMARY KEY,
    KIND           VARCHAR(10)   NOT NULL,
    OFFER_ID       VARCHAR(20)   NOT NULL,
    JOB_SEEKER_ID  VARCHAR(36)   NOT NULL REFERENCES JOB_SEEKER (ID),
    PARTNER_ID     VARCHAR(36)   NOT NULL,
    COUNSELLOR_ID  VARCHAR(80)   NOT NULL,
    STATE          VARCHAR(15)   NOT NULL,
    REASON         VARCHAR(30),
    CREATED_AT     TIMESTAMP     NOT NULL,
    UPDATED_AT     TIMESTAMP     NOT NULL,
    OPEN_KEY       VARCHAR(60),
    CONSTRAINT REFERRAL_OPEN UNIQUE (OPEN_KEY)
);
CREATE INDEX REFERRAL_OFFER ON REFERRAL (OFFER_ID, STATE);
CREATE INDEX REFERRAL_PARTNER ON REFERRAL (PARTNER_ID, UPDATED_AT);

-- Append-only history of each referral.
CREATE TABLE REFERRAL_EVENT (
    REFERRAL_ID  VARCHAR(36)   NOT NULL REFERENCES REFERRAL (ID),
    SEQ          INTEGER       NOT NULL,
    OCCURRED_AT  TIMESTAMP     NOT NULL,
    ACTOR        VARCHAR(80)   NOT NULL,
    FROM_STATE   VARCHAR(15),
    TO_STATE     VARCHAR(15)   NOT NULL,
    REASON       VARCHAR(30),
    COMMENT      VARCHAR(1000),
    PRIMARY KEY (REFERRAL_ID, SEQ)
);
