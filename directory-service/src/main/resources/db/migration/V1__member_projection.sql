-- The member directory: a read model rebuilt from the onboarding topics (see docs/directory-service.md).
-- One row per application; status JOINING (approved, not yet effective) or MEMBER (listed).
create table member (
    application_id   varchar(36)   not null primary key,
    name             varchar(300)  not null,
    legal_name       varchar(300),
    -- normalized (NFD minus combining marks, lower case) so that search and sort ignore diacritics
    -- the same way on H2 and PostgreSQL
    name_key         varchar(300)  not null,
    search_text      varchar(700)  not null,
    country          varchar(2)    not null,
    city             varchar(200)  not null,
    website          varchar(500),
    organisation_type varchar(40)  not null,
    member_count     integer,
    description      varchar(10000),
    tier             varchar(40)   not null,
    effective_from   date          not null,
    status           varchar(10)   not null,
    applied_version  bigint        not null,
    correlation_id   varchar(200)
);

create index member_status_country on member (status, country);
create index member_status_tier on member (status, tier);
create index member_status_effective_from on member (status, effective_from);

-- Every event applied (or recognised as stale), keyed by its eventId: a redelivered event
-- finds its row here and changes nothing. Written in the same transaction as the member row.
create table processed_event (
    event_id            varchar(36)  not null primary key,
    topic               varchar(200) not null,
    application_id      varchar(36)  not null,
    application_version bigint       not null,
    outcome             varchar(10)  not null,
    processed_at        timestamp with time zone not null
);
