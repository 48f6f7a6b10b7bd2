-- Offers of Opus: the system of record behind the search index.
-- OFFER holds each offer's current state (the Offer JSON without status and version, which are columns);
-- FEED_EVENT remembers every event received, so that a replayed event id changes nothing.
-- CHANGE_SEQ orders changes: the search index records the last one it holds and catches up from there.

CREATE TABLE OFFER (
    ID             VARCHAR(20)    NOT NULL PRIMARY KEY,
    STATUS         VARCHAR(10)    NOT NULL,
    VERSION        BIGINT         NOT NULL,
    CHANGE_SEQ     BIGINT         NOT NULL,
    CHANGED_AT     TIMESTAMP      NOT NULL,
    CREATED_AT     TIMESTAMP,
    ROME_CODE      VARCHAR(5),
    COMMUNE        VARCHAR(5),
    DEPARTMENT     VARCHAR(3),
    REGION         VARCHAR(3),
    CONTRACT_TYPE  VARCHAR(3),
    TITLE          VARCHAR(300),
    BODY           VARCHAR(32672) NOT NULL
);

CREATE UNIQUE INDEX OFFER_CHANGE ON OFFER (CHANGE_SEQ);
CREATE INDEX OFFER_REGION_ROME ON OFFER (STATUS, REGION, ROME_CODE);
CREATE INDEX OFFER_COMMUNE ON OFFER (STATUS, COMMUNE);

CREATE TABLE FEED_EVENT (
    EVENT_ID     VARCHAR(64) NOT NULL PRIMARY KEY,
    OFFER_ID     VARCHAR(20) NOT NULL,
    EVENT_TYPE   VARCHAR(10) NOT NULL,
    VERSION      BIGINT      NOT NULL,
    OCCURRED_AT  TIMESTAMP   NOT NULL,
    RECEIVED_AT  TIMESTAMP   NOT NULL,
    RESULT       VARCHAR(10) NOT NULL
);

CREATE INDEX FEED_EVENT_OFFER ON FEED_EVENT (OFFER_ID);
