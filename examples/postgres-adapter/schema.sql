-- crmkit PostgreSQL reference adapter: schema (migration 1).
--
-- One table per collection. Every table is keyed by (tenant_id, id); `data` holds the
-- whole validated entity as JSON (dates tagged, see codec.ts) and is what reads return;
-- the other columns copy the values that crmkit's queries filter and order on
-- (QUERY_SPECS in crmkit/repository), so every filter is a plain column comparison.
--
-- - Ids and filter values are `text COLLATE "C"`: equality is byte-exact and ORDER BY id
--   is Unicode code-point order, as the contract requires.
-- - No enum types: a filter on a value outside an enum must match nothing, not fail.
-- - Times are timestamptz (microseconds; crmkit writes milliseconds).
-- - Indexes: (tenant_id, <time>, id) serves keyset paging in time order and time-range
--   filters; (tenant_id, <reference>, <time>, id) serves "the rows of a customer /
--   pipeline / campaign, in time order" — the per-entity queries of the analytics.
-- - crm_transactions also keeps amount (numeric: exact decimal sums) and currency for the
--   purchase-summary pushdown, which groups by (customer_id, currency).
--
-- Idempotent: every statement is IF NOT EXISTS, so running it again is harmless.

CREATE TABLE IF NOT EXISTS crm_customers (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  account_id text COLLATE "C",
  owner_id text COLLATE "C",
  lifecycle_stage text COLLATE "C",
  acquisition_source text COLLATE "C",
  country text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_customers_by_created_at ON crm_customers (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_customers_by_account_id ON crm_customers (tenant_id, account_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_customers_by_owner_id ON crm_customers (tenant_id, owner_id, created_at, id);

CREATE TABLE IF NOT EXISTS crm_accounts (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  industry text COLLATE "C",
  country text COLLATE "C",
  owner_id text COLLATE "C",
  parent_account_id text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_accounts_by_created_at ON crm_accounts (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_accounts_by_owner_id ON crm_accounts (tenant_id, owner_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_accounts_by_parent_account_id ON crm_accounts (tenant_id, parent_account_id, created_at, id);

CREATE TABLE IF NOT EXISTS crm_leads (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  status text COLLATE "C",
  source text COLLATE "C",
  owner_id text COLLATE "C",
  campaign_id text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_leads_by_created_at ON crm_leads (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_leads_by_owner_id ON crm_leads (tenant_id, owner_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_leads_by_campaign_id ON crm_leads (tenant_id, campaign_id, created_at, id);

CREATE TABLE IF NOT EXISTS crm_pipelines (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_pipelines_by_created_at ON crm_pipelines (tenant_id, created_at, id);

CREATE TABLE IF NOT EXISTS crm_deals (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  closed_at timestamptz,
  pipeline_id text COLLATE "C",
  stage_id text COLLATE "C",
  status text COLLATE "C",
  customer_id text COLLATE "C",
  account_id text COLLATE "C",
  owner_id text COLLATE "C",
  source text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_deals_by_created_at ON crm_deals (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_deals_by_pipeline_id ON crm_deals (tenant_id, pipeline_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_deals_by_stage_id ON crm_deals (tenant_id, stage_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_deals_by_customer_id ON crm_deals (tenant_id, customer_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_deals_by_account_id ON crm_deals (tenant_id, account_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_deals_by_owner_id ON crm_deals (tenant_id, owner_id, created_at, id);

CREATE TABLE IF NOT EXISTS crm_interactions (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  customer_id text COLLATE "C",
  account_id text COLLATE "C",
  channel text COLLATE "C",
  department text COLLATE "C",
  direction text COLLATE "C",
  deal_id text COLLATE "C",
  ticket_id text COLLATE "C",
  campaign_id text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_interactions_by_occurred_at ON crm_interactions (tenant_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_interactions_by_customer_id ON crm_interactions (tenant_id, customer_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_interactions_by_account_id ON crm_interactions (tenant_id, account_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_interactions_by_deal_id ON crm_interactions (tenant_id, deal_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_interactions_by_ticket_id ON crm_interactions (tenant_id, ticket_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_interactions_by_campaign_id ON crm_interactions (tenant_id, campaign_id, occurred_at, id);

CREATE TABLE IF NOT EXISTS crm_tickets (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  opened_at timestamptz NOT NULL,
  customer_id text COLLATE "C",
  account_id text COLLATE "C",
  status text COLLATE "C",
  priority text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_tickets_by_opened_at ON crm_tickets (tenant_id, opened_at, id);
CREATE INDEX IF NOT EXISTS crm_tickets_by_customer_id ON crm_tickets (tenant_id, customer_id, opened_at, id);
CREATE INDEX IF NOT EXISTS crm_tickets_by_account_id ON crm_tickets (tenant_id, account_id, opened_at, id);

CREATE TABLE IF NOT EXISTS crm_transactions (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  customer_id text COLLATE "C",
  kind text COLLATE "C",
  subscription_id text COLLATE "C",
  amount numeric NOT NULL,
  currency text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_transactions_by_occurred_at ON crm_transactions (tenant_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_transactions_by_customer_id ON crm_transactions (tenant_id, customer_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS crm_transactions_by_subscription_id ON crm_transactions (tenant_id, subscription_id, occurred_at, id);

CREATE TABLE IF NOT EXISTS crm_subscriptions (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  customer_id text COLLATE "C",
  account_id text COLLATE "C",
  status text COLLATE "C",
  plan text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_subscriptions_by_started_at ON crm_subscriptions (tenant_id, started_at, id);
CREATE INDEX IF NOT EXISTS crm_subscriptions_by_customer_id ON crm_subscriptions (tenant_id, customer_id, started_at, id);
CREATE INDEX IF NOT EXISTS crm_subscriptions_by_account_id ON crm_subscriptions (tenant_id, account_id, started_at, id);

CREATE TABLE IF NOT EXISTS crm_survey_responses (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  responded_at timestamptz NOT NULL,
  customer_id text COLLATE "C",
  kind text COLLATE "C",
  survey_id text COLLATE "C",
  campaign_id text COLLATE "C",
  ticket_id text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_survey_responses_by_responded_at ON crm_survey_responses (tenant_id, responded_at, id);
CREATE INDEX IF NOT EXISTS crm_survey_responses_by_customer_id ON crm_survey_responses (tenant_id, customer_id, responded_at, id);
CREATE INDEX IF NOT EXISTS crm_survey_responses_by_survey_id ON crm_survey_responses (tenant_id, survey_id, responded_at, id);
CREATE INDEX IF NOT EXISTS crm_survey_responses_by_campaign_id ON crm_survey_responses (tenant_id, campaign_id, responded_at, id);
CREATE INDEX IF NOT EXISTS crm_survey_responses_by_ticket_id ON crm_survey_responses (tenant_id, ticket_id, responded_at, id);

CREATE TABLE IF NOT EXISTS crm_campaigns (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  status text COLLATE "C",
  channel text COLLATE "C",
  segment_id text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_campaigns_by_created_at ON crm_campaigns (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS crm_campaigns_by_segment_id ON crm_campaigns (tenant_id, segment_id, created_at, id);

CREATE TABLE IF NOT EXISTS crm_campaign_members (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  added_at timestamptz NOT NULL,
  campaign_id text COLLATE "C",
  customer_id text COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS crm_campaign_members_by_added_at ON crm_campaign_members (tenant_id, added_at, id);
CREATE INDEX IF NOT EXISTS crm_campaign_members_by_campaign_id ON crm_campaign_members (tenant_id, campaign_id, added_at, id);
CREATE INDEX IF NOT EXISTS crm_campaign_members_by_customer_id ON crm_campaign_members (tenant_id, customer_id, added_at, id);

-- Low-cardinality filters that reports use with a time range.
CREATE INDEX IF NOT EXISTS crm_deals_by_status ON crm_deals (tenant_id, status, created_at, id);
CREATE INDEX IF NOT EXISTS crm_deals_by_closed_at ON crm_deals (tenant_id, closed_at, id) WHERE closed_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS crm_tickets_by_status ON crm_tickets (tenant_id, status, opened_at, id);
CREATE INDEX IF NOT EXISTS crm_survey_responses_by_kind ON crm_survey_responses (tenant_id, kind, responded_at, id);
