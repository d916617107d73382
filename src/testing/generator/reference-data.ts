/**
 * Fixed tables the generator draws from: places, names, industries, plans, copy.
 * Coordinates are city centres (WGS 84); customers are scattered around them.
 * @internal
 */

export interface City {
  readonly country: string;
  readonly region: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly postalPrefix: string;
  /** Relative population weight. */
  readonly weight: number;
}

export const CITIES: readonly City[] = [
  { country: "US", region: "NY", city: "New York", latitude: 40.7128, longitude: -74.006, postalPrefix: "100", weight: 9 },
  { country: "US", region: "CA", city: "San Francisco", latitude: 37.7749, longitude: -122.4194, postalPrefix: "941", weight: 5 },
  { country: "US", region: "IL", city: "Chicago", latitude: 41.8781, longitude: -87.6298, postalPrefix: "606", weight: 5 },
  { country: "US", region: "TX", city: "Austin", latitude: 30.2672, longitude: -97.7431, postalPrefix: "787", weight: 4 },
  { country: "US", region: "WA", city: "Seattle", latitude: 47.6062, longitude: -122.3321, postalPrefix: "981", weight: 3 },
  { country: "GB", region: "England", city: "London", latitude: 51.5074, longitude: -0.1278, postalPrefix: "EC", weight: 7 },
  { country: "GB", region: "England", city: "Manchester", latitude: 53.4808, longitude: -2.2426, postalPrefix: "M", weight: 3 },
  { country: "GB", region: "Scotland", city: "Edinburgh", latitude: 55.9533, longitude: -3.1883, postalPrefix: "EH", weight: 2 },
  { country: "DE", region: "Berlin", city: "Berlin", latitude: 52.52, longitude: 13.405, postalPrefix: "10", weight: 5 },
  { country: "DE", region: "Bavaria", city: "Munich", latitude: 48.1351, longitude: 11.582, postalPrefix: "80", weight: 4 },
  { country: "DE", region: "Hamburg", city: "Hamburg", latitude: 53.5511, longitude: 9.9937, postalPrefix: "20", weight: 3 },
  { country: "FR", region: "Île-de-France", city: "Paris", latitude: 48.8566, longitude: 2.3522, postalPrefix: "75", weight: 5 },
  { country: "FR", region: "Auvergne-Rhône-Alpes", city: "Lyon", latitude: 45.764, longitude: 4.8357, postalPrefix: "69", weight: 2 },
  { country: "NL", region: "North Holland", city: "Amsterdam", latitude: 52.3676, longitude: 4.9041, postalPrefix: "10", weight: 3 },
  { country: "ES", region: "Madrid", city: "Madrid", latitude: 40.4168, longitude: -3.7038, postalPrefix: "28", weight: 3 },
  { country: "ES", region: "Catalonia", city: "Barcelona", latitude: 41.3874, longitude: 2.1686, postalPrefix: "08", weight: 3 },
  { country: "CA", region: "ON", city: "Toronto", latitude: 43.6532, longitude: -79.3832, postalPrefix: "M5", weight: 3 },
  { country: "AU", region: "NSW", city: "Sydney", latitude: -33.8688, longitude: 151.2093, postalPrefix: "20", weight: 2 },
];

/** Country calling codes and a plausible national number layout per country. */
export const PHONE_PREFIX: Readonly<Record<string, string>> = {
  US: "+1",
  CA: "+1",
  GB: "+44",
  DE: "+49",
  FR: "+33",
  NL: "+31",
  ES: "+34",
  AU: "+61",
};

/** Languages by country, stored as a custom attribute. */
export const LANGUAGE: Readonly<Record<string, string>> = { US: "en", CA: "en", GB: "en", AU: "en", DE: "de", FR: "fr", NL: "nl", ES: "es" };

const EN_FIRST = ["James", "Mary", "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas", "Mia", "Amelia", "Harper", "Elijah", "Grace", "Jack", "Chloe", "Daniel", "Aisha", "Wei", "Priya", "Mateo"];
const EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Lee", "Clark", "Lewis", "Walker", "Hall", "Young", "Patel", "Nguyen", "Kim", "O'Brien"];
const DE_FIRST = ["Lukas", "Anna", "Leon", "Mia", "Finn", "Emilia", "Jonas", "Hannah", "Paul", "Lea", "Felix", "Lena", "Maximilian", "Sophie", "Jürgen", "Katrin"];
const DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann"];
const FR_FIRST = ["Gabriel", "Louise", "Raphaël", "Jade", "Léo", "Ambre", "Louis", "Chloé", "Hugo", "Léa", "Arthur", "Manon", "Jules", "Inès", "Zoé", "Théo"];
const FR_LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garnier", "Rousseau"];
const NL_FIRST = ["Daan", "Emma", "Sem", "Julia", "Lucas", "Tess", "Levi", "Sophie", "Finn", "Zoë", "Milan", "Sara"];
const NL_LAST = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder"];
const ES_FIRST = ["Hugo", "Lucía", "Martín", "Sofía", "Pablo", "María", "Alejandro", "Paula", "Daniel", "Valeria", "Álvaro", "Carmen"];
const ES_LAST = ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz"];

/** First and last names by country. */
export const NAMES: Readonly<Record<string, { readonly first: readonly string[]; readonly last: readonly string[] }>> = {
  US: { first: EN_FIRST, last: EN_LAST },
  CA: { first: EN_FIRST, last: EN_LAST },
  GB: { first: EN_FIRST, last: EN_LAST },
  AU: { first: EN_FIRST, last: EN_LAST },
  DE: { first: DE_FIRST, last: DE_LAST },
  FR: { first: FR_FIRST, last: FR_LAST },
  NL: { first: NL_FIRST, last: NL_LAST },
  ES: { first: ES_FIRST, last: ES_LAST },
};

export const COMPANY_WORDS_A = ["Blue", "North", "Bright", "Silver", "Red", "Green", "Quantum", "Summit", "Harbor", "Pioneer", "Atlas", "Cedar", "Granite", "Lumen", "Nova", "Orbit", "Prairie", "Rapid", "Stone", "Vertex"];
export const COMPANY_WORDS_B = ["Labs", "Works", "Systems", "Logistics", "Foods", "Health", "Capital", "Media", "Analytics", "Robotics", "Energy", "Studios", "Networks", "Supply", "Partners", "Retail", "Learning", "Motors", "Bio", "Cloud"];
export const COMPANY_SUFFIX: Readonly<Record<string, string>> = { US: "Inc.", CA: "Inc.", GB: "Ltd", AU: "Pty Ltd", DE: "GmbH", FR: "SAS", NL: "B.V.", ES: "S.L." };

export const INDUSTRIES = ["software", "retail", "manufacturing", "healthcare", "financial_services", "education", "logistics", "media", "hospitality", "construction"] as const;
export const INDUSTRY_WEIGHTS = [18, 14, 12, 10, 10, 7, 9, 7, 7, 6];

export const JOB_TITLES = ["CEO", "CTO", "Head of Marketing", "Marketing Manager", "Operations Manager", "Purchasing Manager", "Office Manager", "Engineer", "Analyst", "Sales Director", "Customer Success Lead", "Founder"];

/** Acquisition sources, their share of new customers and lead-to-customer conversion rates. */
export const SOURCES = ["referral", "website", "organic_search", "paid_search", "event", "outbound", "partner"] as const;
export const SOURCE_WEIGHTS = [12, 20, 18, 15, 9, 14, 12];

/** The sales team: owners of accounts, customers, leads and deals; agents of support. */
export const SALES_REPS = ["usr-sales-01", "usr-sales-02", "usr-sales-03", "usr-sales-04", "usr-sales-05", "usr-sales-06"];
export const SUPPORT_AGENTS = ["usr-support-01", "usr-support-02", "usr-support-03", "usr-support-04"];
export const SUCCESS_MANAGERS = ["usr-success-01", "usr-success-02"];
export const MARKETERS = ["usr-marketing-01", "usr-marketing-02"];

export const TICKET_SUBJECTS: readonly { readonly subject: string; readonly category: string }[] = [
  { subject: "Cannot log in", category: "access" },
  { subject: "Password reset email not arriving", category: "access" },
  { subject: "Invoice amount looks wrong", category: "billing" },
  { subject: "Please update our billing address", category: "billing" },
  { subject: "Refund request", category: "billing" },
  { subject: "Order has not arrived", category: "delivery" },
  { subject: "Item arrived damaged", category: "delivery" },
  { subject: "Export to CSV fails", category: "bug" },
  { subject: "Dashboard is slow", category: "bug" },
  { subject: "How do I add a team member?", category: "how_to" },
  { subject: "Question about the API limits", category: "how_to" },
  { subject: "Feature request: dark mode", category: "feedback" },
];

export const LOST_REASONS = ["Price too high", "Chose a competitor", "No budget", "No decision", "Timing", "Missing feature"];

export const DEAL_PRODUCTS = ["Platform licence", "Annual plan", "Onboarding package", "Team expansion", "Enterprise rollout", "Integration project"];

export const PLANS = [
  { plan: "starter", seatPrice: 15 },
  { plan: "growth", seatPrice: 35 },
  { plan: "scale", seatPrice: 70 },
] as const;

export const NPS_COMMENTS = {
  promoter: ["Love the product, the team is fantastic.", "Support solved my problem in minutes.", "Recommended it to two colleagues already.", "Fast delivery and great quality."],
  passive: ["Does the job.", "Good overall, a bit pricey.", "Fine, but the app could be faster.", "OK experience."],
  detractor: ["Too many issues lately.", "Support took days to answer.", "Billing mistakes twice this year.", "Not worth the price any more."],
} as const;

export const CAMPAIGN_THEMES: Readonly<Record<string, readonly string[]>> = {
  email: ["Monthly newsletter", "Product update", "Win-back offer", "Loyalty rewards", "Seasonal sale", "Customer stories"],
  sms: ["Flash sale", "Order reminder", "Event reminder"],
  social: ["Brand awareness", "Customer spotlight", "Product teaser"],
  paid_ads: ["Search ads", "Retargeting", "Lookalike audiences"],
  event: ["Webinar", "Trade show", "User conference", "Roadshow"],
};

export const SEGMENTS = ["all-customers", "new-customers", "vip", "at-risk", "leads"] as const;
