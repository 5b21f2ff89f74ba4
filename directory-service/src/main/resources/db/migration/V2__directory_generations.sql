-- Generations of the directory (docs/directory-service.md, "Rebuild"). The public API reads
-- the LIVE generation only; a rebuild replays the topics into a BUILDING one and, once it is
-- complete, one transaction makes it LIVE and the old one RETIRED. Runs on H2 and PostgreSQL.
create table directory_generation (
    id              bigint       not null primary key,
    -- BUILDING, LIVE, RETIRED or FAILED
    state           varchar(10)  not null,
    -- the state again while it is LIVE or BUILDING, null otherwise: being unique, it allows at
    -- most one LIVE and one BUILDING generation, whichever instance tries to start a rebuild
    exclusive_state varchar(10),
    started_at      timestamp with time zone not null,
    -- a BUILDING generation's instance writes it while it replays: one without a recent
    -- heartbeat was abandoned (its instance died) and a new rebuild may take its place
    heartbeat_at    timestamp with time zone,
    finished_at     timestamp with time zone,
    started_by      varchar(200),
    failure         varchar(2000),
    -- no CHECK constraint on the states: H2 2.4 answered "Check constraint invalid" (23514) for
    -- one on a plain insert of a BUILDING row in GenerationsMigrationTests (a new connection per
    -- statement); the code writes the states, the unique constraint is what matters
    constraint directory_generation_one_each unique (exclusive_state)
);

-- Where a rebuild's replay stops (each partition's end offset when the generation was
-- created; the live listeners apply everything after it to the BUILDING generation as well)
-- and how far it has got.
create table directory_generation_offset (
    generation_id   bigint       not null,
    topic           varchar(249) not null,
    partition_no    integer      not null,
    end_offset      bigint       not null,
    replayed_offset bigint       not null,
    constraint directory_generation_offset_key primary key (generation_id, topic, partition_no)
);

-- What was there before is generation 1, live.
insert into directory_generation (id, state, exclusive_state, started_at, finished_at, started_by)
values (1, 'LIVE', 'LIVE', current_timestamp, current_timestamp, 'migration V2');

-- member and processed_event are keyed by generation as well. Rebuilt rather than altered:
-- H2 and PostgreSQL name and drop a primary key differently.
create table member_by_generation (
    generation_id    bigint        not null,
    application_id   varchar(36)   not null,
    name             varchar(300)  not null,
    legal_name       varchar(300),
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
    correlation_id   varchar(200),
    constraint member_key primary key (generation_id, application_id)
);

insert into member_by_generation (generation_id, application_id, name, legal_name, name_key, search_text, country,
    city, website, organisation_type, member_count, description, tier, effective_from, status, applied_version,
    correlation_id)
select 1, application_id, name, legal_name, name_key, search_text, country, city, website, organisation_type,
    member_count, description, tier, effective_from, status, applied_version, correlation_id
from member;

drop table member;
alter table member_by_generation rename to member;

create index member_generation_status_country on member (generation_id, status, country);
create index member_generation_status_tier on member (generation_id, status, tier);
create index member_generation_status_effective_from on member (generation_id, status, effective_from);

create table processed_event_by_generation (
    generation_id       bigint       not null,
    event_id            varchar(36)  not null,
    topic               varchar(200) not null,
    application_id      varchar(36)  not null,
    application_version bigint       not null,
    outcome             varchar(10)  not null,
    processed_at        timestamp with time zone not null,
    constraint processed_event_key primary key (generation_id, event_id)
);

insert into processed_event_by_generation (generation_id, event_id, topic, application_id, application_version,
    outcome, processed_at)
select 1, event_id, topic, application_id, application_version, outcome, processed_at
from processed_event;

drop table processed_event;
alter table processed_event_by_generation rename to processed_event;

-- the retention job deletes by age
create index processed_event_processed_at on processed_event (processed_at);
