-- Preselection (optional module, DOMAIN §5). The schema belongs to the module: uninstalling the feature keeps it,
-- reinstalling finds it as it was. Offers, job seekers and mises en relation are the core capabilities'; they are
-- referred to by id only (no foreign key across schemas, so core never depends on the module's tables).
--
-- No column may hold what DOMAIN §9 forbids: free texts are screened before they are written.

-- What the correspondent set on a preselected offer. Lists are stored one item per line (items hold no newline).
CREATE TABLE OFFER_PRESELECTION (
    OFFER_ID           VARCHAR(20)    NOT NULL PRIMARY KEY,
    PREREQUISITES      VARCHAR(4200)  NOT NULL,
    -- one "weight<TAB>name" per line
    CRITERIA           VARCHAR(1100)  NOT NULL,
    -- space-separated AssessmentTool names
    TOOLS              VARCHAR(100)   NOT NULL,
    CANDIDATES_WANTED  INTEGER,
    UPDATED_BY         VARCHAR(200)   NOT NULL,
    UPDATED_AT         TIMESTAMP      NOT NULL
);

-- A candidate proposed on a preselected offer; REFERRAL_ID is the contacts capability's mise en relation (or
-- convocation) it rests on. The employer's feedback is on the row (FEEDBACK_*); HIRED_AT and TRANSMITTED_AT feed the
-- indicators without reading core's tables.
CREATE TABLE CANDIDACY (
    ID                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    OFFER_ID           VARCHAR(20)    NOT NULL,
    REFERRAL_ID        VARCHAR(36)    NOT NULL,
    JOB_SEEKER_ID      VARCHAR(36)    NOT NULL,
    PARTNER_ID         VARCHAR(36)    NOT NULL,
    COUNSELLOR         VARCHAR(200)   NOT NULL,
    PRESELECTION_LEVEL VARCHAR(20)    NOT NULL,
    STATE              VARCHAR(20)    NOT NULL,
    AVAILABLE_FROM     DATE           NOT NULL,
    -- the prerequisites checked as met, one per line
    PREREQUISITES      VARCHAR(4200)  NOT NULL,
    SYNTHESIS          VARCHAR(4000),
    -- one "score<TAB>criterion" per line
    SCORES             VARCHAR(1100)  NOT NULL,
    WEIGHTED_SCORE     DOUBLE,
    NOTE               VARCHAR(1000),
    REVIEWED_BY        VARCHAR(200),
    REVIEW_NOTE        VARCHAR(1000),
    REVIEWED_AT        TIMESTAMP,
    TRANSMITTED_AT     TIMESTAMP,
    FEEDBACK_RECEIVED  BOOLEAN,
    FEEDBACK_HIRED     BOOLEAN,
    FEEDBACK_REASON    VARCHAR(40),
    FEEDBACK_COMMENT   VARCHAR(2000),
    FEEDBACK_BY        VARCHAR(200),
    FEEDBACK_AT        TIMESTAMP,
    HIRED_AT           TIMESTAMP,
    CREATED_AT         TIMESTAMP      NOT NULL,
    UPDATED_AT         TIMESTAMP      NOT NULL,
    CONSTRAINT CANDIDACY_REFERRAL UNIQUE (REFERRAL_ID)
);
CREATE INDEX CANDIDACY_OFFER ON CANDIDACY (OFFER_ID, CREATED_AT);
CREATE INDEX CANDIDACY_PARTNER ON CANDIDACY (PARTNER_ID, CREATED_AT);
CREATE INDEX CANDIDACY_CREATED ON CANDIDACY (CREATED_AT);

-- The results of assessment tools (évaluation), per candidacy.
CREATE TABLE ASSESSMENT (
    CANDIDACY_ID  VARCHAR(36)    NOT NULL REFERENCES CANDIDACY (ID),
    TOOL          VARCHAR(10)    NOT NULL,
    ASSESSED_ON   DATE           NOT NULL,
    FAVOURABLE    BOOLEAN        NOT NULL,
    COMMENTS      VARCHAR(1000),
    PRIMARY KEY (CANDIDACY_ID, TOOL)
);
