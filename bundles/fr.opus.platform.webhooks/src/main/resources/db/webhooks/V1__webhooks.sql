-- Domain events and their webhooks. A capability inserts an EVENT row, and one PENDING DELIVERY row per matching
-- active SUBSCRIPTION, in the same transaction as the change the event tells about: the event exists if and only if
-- the change commits. The sender then POSTs each delivery, signed with its subscription's secret, and keeps the
-- receipt (status code, time, duration) or the last error on the DELIVERY row.
--
-- No column may hold what DOMAIN §9 forbids: events carry ids and states, never a person's name or contact.

CREATE TABLE EVENT (
    ID            VARCHAR(100)   NOT NULL PRIMARY KEY,
    EVENT_TYPE    VARCHAR(100)   NOT NULL,
    OCCURRED_AT   TIMESTAMP      NOT NULL,
    SUBJECT       VARCHAR(200)   NOT NULL,
    -- the partners concerned, comma-separated and sorted; empty for a ping to a France Travail-wide subscription
    PARTNER_IDS   VARCHAR(2000)  NOT NULL,
    -- the event's "data" member, as JSON
    PAYLOAD       VARCHAR(32000) NOT NULL,
    PUBLISHED_AT  TIMESTAMP      NOT NULL
);

-- PARTNER_ID NULL: a France Travail-wide subscription, which receives the events of every partner. SECRET is kept
-- as issued because signing needs it; it is shown to the subscriber once, at creation, and never read back out.
-- EVENT_TYPES: space-separated types or "prefix.*" patterns; empty means every type.
CREATE TABLE SUBSCRIPTION (
    ID           VARCHAR(36)    NOT NULL PRIMARY KEY,
    PARTNER_ID   VARCHAR(36),
    URL          VARCHAR(2000)  NOT NULL,
    SECRET       VARCHAR(100)   NOT NULL,
    EVENT_TYPES  VARCHAR(2100)  NOT NULL,
    DESCRIPTION  VARCHAR(200),
    CREATED_BY   VARCHAR(200)   NOT NULL,
    CREATED_AT   TIMESTAMP      NOT NULL,
    ACTIVE       BOOLEAN        NOT NULL,
    REVOKED_BY   VARCHAR(200),
    REVOKED_AT   TIMESTAMP
);
CREATE INDEX SUBSCRIPTION_PARTNER ON SUBSCRIPTION (PARTNER_ID, ACTIVE);

-- One row per event and subscription (DELIVERY_ONCE): publishing an event twice, or a retry, never makes a second
-- delivery. ID follows publication order; a subscription's deliveries are sent in that order.
CREATE TABLE DELIVERY (
    ID                BIGINT         NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    SUBSCRIPTION_ID   VARCHAR(36)    NOT NULL REFERENCES SUBSCRIPTION (ID),
    EVENT_ID          VARCHAR(100)   NOT NULL REFERENCES EVENT (ID),
    STATUS            VARCHAR(10)    NOT NULL,
    ATTEMPTS          INTEGER        NOT NULL DEFAULT 0,
    CREATED_AT        TIMESTAMP      NOT NULL,
    NEXT_ATTEMPT_AT   TIMESTAMP      NOT NULL,
    LAST_ATTEMPT_AT   TIMESTAMP,
    LAST_STATUS_CODE  INTEGER,
    LAST_ERROR        VARCHAR(1000),
    DELIVERED_AT      TIMESTAMP,
    DURATION_MS       BIGINT,
    CONSTRAINT DELIVERY_ONCE UNIQUE (SUBSCRIPTION_ID, EVENT_ID)
);
CREATE INDEX DELIVERY_QUEUE ON DELIVERY (STATUS, NEXT_ATTEMPT_AT);
CREATE INDEX DELIVERY_SUBSCRIPTION ON DELIVERY (SUBSCRIPTION_ID, STATUS, ID);
