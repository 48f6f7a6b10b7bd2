-- Notifications, presentations of candidates and the facts indicators need.
--
-- REFERRAL keeps who to tell about the act (the counsellor's name and address when they acted), the presentation it
-- came from, and two facts of its offer at the time of the act, so that indicators are computed inside this schema:
-- OFFER_PRESELECTED (the offer had preselection) and OFFER_DIRECT (nominative without preselection: its employer can
-- be contacted directly).

ALTER TABLE REFERRAL ADD COLUMN COUNSELLOR_NAME VARCHAR(201);
ALTER TABLE REFERRAL ADD COLUMN COUNSELLOR_EMAIL VARCHAR(254);
ALTER TABLE REFERRAL ADD COLUMN PRESENTATION_ID VARCHAR(36);
ALTER TABLE REFERRAL ADD COLUMN OFFER_PRESELECTED SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE REFERRAL ADD COLUMN OFFER_DIRECT SMALLINT NOT NULL DEFAULT 0;
CREATE INDEX REFERRAL_CREATED ON REFERRAL (CREATED_AT, PARTNER_ID);

-- Who asked not to receive the update mails: a job seeker (PARTY_ID = job seeker id), a counsellor (account id) or an
-- employer (its e-mail address, lower case). Mails the law or the act itself requires are sent regardless.
CREATE TABLE OPT_OUT (
    PARTY      VARCHAR(12)  NOT NULL,
    PARTY_ID   VARCHAR(254) NOT NULL,
    SET_AT     TIMESTAMP    NOT NULL,
    SET_BY     VARCHAR(80)  NOT NULL,
    PRIMARY KEY (PARTY, PARTY_ID)
);

-- A presentation of candidates to an offer's employer. REQUEST_KEY is the client's idempotency key: a repeated
-- request returns the first presentation. DOCUMENT is the PDF list exactly as it was attached.
CREATE TABLE PRESENTATION (
    ID               VARCHAR(36)   NOT NULL PRIMARY KEY,
    OFFER_ID         VARCHAR(20)   NOT NULL,
    PARTNER_ID       VARCHAR(36)   NOT NULL,
    COUNSELLOR_ID    VARCHAR(80)   NOT NULL,
    CREATED_AT       TIMESTAMP     NOT NULL,
    REQUEST_KEY      VARCHAR(100)  NOT NULL,
    RECIPIENT        VARCHAR(20)   NOT NULL,
    EMPLOYER_MAIL    VARCHAR(200),
    MESSAGE          VARCHAR(1000),
    DOCUMENT         BLOB(16M)     NOT NULL,
    CONSTRAINT PRESENTATION_REQUEST UNIQUE (PARTNER_ID, REQUEST_KEY)
);
CREATE INDEX PRESENTATION_OFFER ON PRESENTATION (OFFER_ID);

CREATE TABLE PRESENTATION_CANDIDATE (
    PRESENTATION_ID  VARCHAR(36)  NOT NULL REFERENCES PRESENTATION (ID),
    SEQ              INTEGER      NOT NULL,
    JOB_SEEKER_ID    VARCHAR(36)  NOT NULL REFERENCES JOB_SEEKER (ID),
    REFERRAL_ID      VARCHAR(36)  NOT NULL REFERENCES REFERRAL (ID),
    NOTICE_MAIL      VARCHAR(200),
    PRIMARY KEY (PRESENTATION_ID, SEQ)
);
