import { closestMatches } from './text';

/**
 * Public clouds the fleet file knows.
 *
 * @public
 */
export const CLOUD_PROVIDERS = [
  'azure',
  'aws',
  'gcp',
  'ibm',
  'oracle',
] as const;

/**
 * One of {@link CLOUD_PROVIDERS}.
 *
 * @public
 */
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/**
 * Coarse area a region is grouped under in pickers and on the fleet map.
 *
 * @public
 */
export type Geography =
  | 'North America'
  | 'South America'
  | 'Europe'
  | 'Middle East'
  | 'Africa'
  | 'Asia Pacific'
  | 'Oceania';

/**
 * A public region of one cloud provider.
 *
 * @public
 */
export interface RegionInfo {
  provider: CloudProvider;
  /** The provider's own region id, e.g. `westus`, `us-east-1`, `europe-west4`, `us-south`, `eu-frankfurt-1`. */
  id: string;
  /** Human name as the provider shows it, e.g. `West US`, `US East (N. Virginia)`. */
  displayName: string;
  geography: Geography;
  /** City / state and country, e.g. `California, United States`. */
  location: string;
  latitude: number;
  longitude: number;
}

/**
 * Names to show for each provider, plus `onprem` for environments that run
 * in a customer's own data centre.
 *
 * @public
 */
export const PROVIDER_DISPLAY_NAMES: Readonly<
  Record<CloudProvider | 'onprem', string>
> = Object.freeze({
  azure: 'Microsoft Azure',
  aws: 'Amazon Web Services',
  gcp: 'Google Cloud',
  ibm: 'IBM Cloud',
  oracle: 'Oracle Cloud Infrastructure',
  onprem: 'On-premises',
});

// Short aliases keep each region on one readable line in the tables below.
const NA = 'North America';
const SA = 'South America';
const EU = 'Europe';
const ME = 'Middle East';
const AF = 'Africa';
const AP = 'Asia Pacific';
const OC = 'Oceania';

type RegionRow = readonly [
  id: string,
  displayName: string,
  geography: Geography,
  location: string,
  latitude: number,
  longitude: number,
];

function catalogue(
  provider: CloudProvider,
  rows: readonly RegionRow[],
): readonly RegionInfo[] {
  return Object.freeze(
    rows.map(([id, displayName, geography, location, latitude, longitude]) =>
      Object.freeze({
        provider,
        id,
        displayName,
        geography,
        location,
        latitude,
        longitude,
      }),
    ),
  );
}

// Coordinates are approximate: the city the provider names for the region, or
// a representative point when it names only a state or country. They place
// markers on a world map, not buildings.

// Programmatic names as `az account list-locations` prints them. Regions that
// need an access request (e.g. germanynorth, jioindiawest) are listed because
// fleets that got access use them like any other region.
// prettier-ignore
const AZURE_REGIONS = catalogue('azure', [
  ['eastus',             'East US',              NA, 'Virginia, United States',          37.37,  -79.82],
  ['eastus2',            'East US 2',            NA, 'Virginia, United States',          36.67,  -78.39],
  ['centralus',          'Central US',           NA, 'Iowa, United States',              41.59,  -93.62],
  ['northcentralus',     'North Central US',     NA, 'Illinois, United States',          41.88,  -87.63],
  ['southcentralus',     'South Central US',     NA, 'Texas, United States',             29.42,  -98.49],
  ['westcentralus',      'West Central US',      NA, 'Wyoming, United States',           41.14, -104.82],
  ['westus',             'West US',              NA, 'California, United States',        37.78, -122.42],
  ['westus2',            'West US 2',            NA, 'Washington, United States',        47.23, -119.85],
  ['westus3',            'West US 3',            NA, 'Arizona, United States',           33.45, -112.07],
  ['canadacentral',      'Canada Central',       NA, 'Toronto, Canada',                  43.65,  -79.38],
  ['canadaeast',         'Canada East',          NA, 'Quebec City, Canada',              46.81,  -71.21],
  ['mexicocentral',      'Mexico Central',       NA, 'Querétaro, Mexico',                20.59, -100.39],
  ['brazilsouth',        'Brazil South',         SA, 'São Paulo, Brazil',               -23.55,  -46.63],
  ['brazilsoutheast',    'Brazil Southeast',     SA, 'Rio de Janeiro, Brazil',          -22.91,  -43.17],
  ['chilecentral',       'Chile Central',        SA, 'Santiago, Chile',                 -33.45,  -70.67],
  ['northeurope',        'North Europe',         EU, 'Dublin, Ireland',                  53.35,   -6.26],
  ['westeurope',         'West Europe',          EU, 'Amsterdam, Netherlands',           52.37,    4.90],
  ['uksouth',            'UK South',             EU, 'London, United Kingdom',           51.51,   -0.13],
  ['ukwest',             'UK West',              EU, 'Cardiff, United Kingdom',          51.48,   -3.18],
  ['francecentral',      'France Central',       EU, 'Paris, France',                    48.86,    2.35],
  ['francesouth',        'France South',         EU, 'Marseille, France',                43.30,    5.37],
  ['germanywestcentral', 'Germany West Central', EU, 'Frankfurt, Germany',               50.11,    8.68],
  ['germanynorth',       'Germany North',        EU, 'Berlin, Germany',                  52.52,   13.40],
  ['switzerlandnorth',   'Switzerland North',    EU, 'Zurich, Switzerland',              47.38,    8.54],
  ['switzerlandwest',    'Switzerland West',     EU, 'Geneva, Switzerland',              46.20,    6.14],
  ['swedencentral',      'Sweden Central',       EU, 'Gävle, Sweden',                    60.67,   17.14],
  ['norwayeast',         'Norway East',          EU, 'Oslo, Norway',                     59.91,   10.75],
  ['norwaywest',         'Norway West',          EU, 'Stavanger, Norway',                58.97,    5.73],
  ['denmarkeast',        'Denmark East',         EU, 'Copenhagen, Denmark',              55.68,   12.57],
  ['polandcentral',      'Poland Central',       EU, 'Warsaw, Poland',                   52.23,   21.01],
  ['austriaeast',        'Austria East',         EU, 'Vienna, Austria',                  48.21,   16.37],
  ['belgiumcentral',     'Belgium Central',      EU, 'Brussels, Belgium',                50.85,    4.35],
  ['italynorth',         'Italy North',          EU, 'Milan, Italy',                     45.46,    9.19],
  ['spaincentral',       'Spain Central',        EU, 'Madrid, Spain',                    40.42,   -3.70],
  ['uaenorth',           'UAE North',            ME, 'Dubai, United Arab Emirates',      25.20,   55.27],
  ['uaecentral',         'UAE Central',          ME, 'Abu Dhabi, United Arab Emirates',  24.45,   54.38],
  ['qatarcentral',       'Qatar Central',        ME, 'Doha, Qatar',                      25.29,   51.53],
  ['israelcentral',      'Israel Central',       ME, 'Tel Aviv, Israel',                 32.09,   34.78],
  ['southafricanorth',   'South Africa North',   AF, 'Johannesburg, South Africa',      -26.20,   28.05],
  ['southafricawest',    'South Africa West',    AF, 'Cape Town, South Africa',         -33.92,   18.42],
  ['centralindia',       'Central India',        AP, 'Pune, India',                      18.52,   73.86],
  ['southindia',         'South India',          AP, 'Chennai, India',                   13.08,   80.27],
  ['westindia',          'West India',           AP, 'Mumbai, India',                    19.08,   72.88],
  ['jioindiawest',       'Jio India West',       AP, 'Jamnagar, India',                  22.47,   70.06],
  ['jioindiacentral',    'Jio India Central',    AP, 'Nagpur, India',                    21.15,   79.09],
  ['eastasia',           'East Asia',            AP, 'Hong Kong',                        22.32,  114.17],
  ['southeastasia',      'Southeast Asia',       AP, 'Singapore',                         1.35,  103.82],
  ['japaneast',          'Japan East',           AP, 'Tokyo, Japan',                     35.68,  139.69],
  ['japanwest',          'Japan West',           AP, 'Osaka, Japan',                     34.69,  135.50],
  ['koreacentral',       'Korea Central',        AP, 'Seoul, South Korea',               37.57,  126.98],
  ['koreasouth',         'Korea South',          AP, 'Busan, South Korea',               35.18,  129.08],
  ['indonesiacentral',   'Indonesia Central',    AP, 'Jakarta, Indonesia',               -6.21,  106.85],
  ['malaysiawest',       'Malaysia West',        AP, 'Kuala Lumpur, Malaysia',            3.14,  101.69],
  ['australiaeast',      'Australia East',       OC, 'New South Wales, Australia',      -33.87,  151.21],
  ['australiasoutheast', 'Australia Southeast',  OC, 'Victoria, Australia',             -37.81,  144.96],
  ['australiacentral',   'Australia Central',    OC, 'Canberra, Australia',             -35.28,  149.13],
  ['australiacentral2',  'Australia Central 2',  OC, 'Canberra, Australia',             -35.28,  149.13],
  ['newzealandnorth',    'New Zealand North',    OC, 'Auckland, New Zealand',           -36.85,  174.76],
]);

// Commercial `aws` partition only: GovCloud, China and the European Sovereign
// Cloud are separate partitions with their own consoles and accounts.
// prettier-ignore
const AWS_REGIONS = catalogue('aws', [
  ['us-east-1',      'US East (N. Virginia)',      NA, 'Virginia, United States',    39.04,  -77.49],
  ['us-east-2',      'US East (Ohio)',             NA, 'Ohio, United States',        39.96,  -83.00],
  ['us-west-1',      'US West (N. California)',    NA, 'California, United States',  37.35, -121.96],
  ['us-west-2',      'US West (Oregon)',           NA, 'Oregon, United States',      45.84, -119.70],
  ['ca-central-1',   'Canada (Central)',           NA, 'Montréal, Canada',           45.50,  -73.57],
  ['ca-west-1',      'Canada West (Calgary)',      NA, 'Calgary, Canada',            51.05, -114.07],
  ['mx-central-1',   'Mexico (Central)',           NA, 'Querétaro, Mexico',          20.59, -100.39],
  ['sa-east-1',      'South America (São Paulo)',  SA, 'São Paulo, Brazil',         -23.55,  -46.63],
  ['eu-central-1',   'Europe (Frankfurt)',         EU, 'Frankfurt, Germany',         50.11,    8.68],
  ['eu-central-2',   'Europe (Zurich)',            EU, 'Zurich, Switzerland',        47.38,    8.54],
  ['eu-west-1',      'Europe (Ireland)',           EU, 'Dublin, Ireland',            53.35,   -6.26],
  ['eu-west-2',      'Europe (London)',            EU, 'London, United Kingdom',     51.51,   -0.13],
  ['eu-west-3',      'Europe (Paris)',             EU, 'Paris, France',              48.86,    2.35],
  ['eu-north-1',     'Europe (Stockholm)',         EU, 'Stockholm, Sweden',          59.33,   18.07],
  ['eu-south-1',     'Europe (Milan)',             EU, 'Milan, Italy',               45.46,    9.19],
  ['eu-south-2',     'Europe (Spain)',             EU, 'Aragón, Spain',              41.65,   -0.88],
  ['il-central-1',   'Israel (Tel Aviv)',          ME, 'Tel Aviv, Israel',           32.09,   34.78],
  ['me-south-1',     'Middle East (Bahrain)',      ME, 'Manama, Bahrain',            26.23,   50.59],
  ['me-central-1',   'Middle East (UAE)',          ME, 'United Arab Emirates',       24.45,   54.38],
  ['af-south-1',     'Africa (Cape Town)',         AF, 'Cape Town, South Africa',   -33.92,   18.42],
  ['ap-east-1',      'Asia Pacific (Hong Kong)',   AP, 'Hong Kong',                  22.32,  114.17],
  ['ap-east-2',      'Asia Pacific (Taipei)',      AP, 'Taipei, Taiwan',             25.03,  121.57],
  ['ap-south-1',     'Asia Pacific (Mumbai)',      AP, 'Mumbai, India',              19.08,   72.88],
  ['ap-south-2',     'Asia Pacific (Hyderabad)',   AP, 'Hyderabad, India',           17.39,   78.49],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)',       AP, 'Tokyo, Japan',               35.68,  139.69],
  ['ap-northeast-2', 'Asia Pacific (Seoul)',       AP, 'Seoul, South Korea',         37.57,  126.98],
  ['ap-northeast-3', 'Asia Pacific (Osaka)',       AP, 'Osaka, Japan',               34.69,  135.50],
  ['ap-southeast-1', 'Asia Pacific (Singapore)',   AP, 'Singapore',                   1.35,  103.82],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)',     AP, 'Jakarta, Indonesia',         -6.21,  106.85],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)',    AP, 'Kuala Lumpur, Malaysia',      3.14,  101.69],
  ['ap-southeast-7', 'Asia Pacific (Thailand)',    AP, 'Bangkok, Thailand',          13.76,  100.50],
  ['ap-southeast-2', 'Asia Pacific (Sydney)',      OC, 'Sydney, Australia',         -33.87,  151.21],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)',   OC, 'Melbourne, Australia',      -37.81,  144.96],
  ['ap-southeast-6', 'Asia Pacific (New Zealand)', OC, 'Auckland, New Zealand',     -36.85,  174.76],
]);

// The display name is the short location the Cloud console shows next to the
// region id, e.g. `us-central1 (Iowa)`.
// prettier-ignore
const GCP_REGIONS = catalogue('gcp', [
  ['us-central1',             'Iowa',              NA, 'Council Bluffs, Iowa, United States',           41.26,  -95.86],
  ['us-east1',                'South Carolina',    NA, 'Moncks Corner, South Carolina, United States',  33.20,  -80.01],
  ['us-east4',                'Northern Virginia', NA, 'Ashburn, Virginia, United States',              39.04,  -77.49],
  ['us-east5',                'Columbus',          NA, 'Columbus, Ohio, United States',                 39.96,  -83.00],
  ['us-south1',               'Dallas',            NA, 'Dallas, Texas, United States',                  32.78,  -96.80],
  ['us-west1',                'Oregon',            NA, 'The Dalles, Oregon, United States',             45.59, -121.18],
  ['us-west2',                'Los Angeles',       NA, 'Los Angeles, California, United States',        34.05, -118.24],
  ['us-west3',                'Salt Lake City',    NA, 'Salt Lake City, Utah, United States',           40.76, -111.89],
  ['us-west4',                'Las Vegas',         NA, 'Las Vegas, Nevada, United States',              36.17, -115.14],
  ['northamerica-northeast1', 'Montréal',          NA, 'Montréal, Québec, Canada',                      45.50,  -73.57],
  ['northamerica-northeast2', 'Toronto',           NA, 'Toronto, Ontario, Canada',                      43.65,  -79.38],
  ['northamerica-south1',     'Querétaro',         NA, 'Querétaro, Mexico',                             20.59, -100.39],
  ['southamerica-east1',      'São Paulo',         SA, 'Osasco, São Paulo, Brazil',                    -23.53,  -46.79],
  ['southamerica-west1',      'Santiago',          SA, 'Santiago, Chile',                              -33.45,  -70.67],
  ['europe-west1',            'Belgium',           EU, 'St. Ghislain, Belgium',                         50.47,    3.82],
  ['europe-west2',            'London',            EU, 'London, United Kingdom',                        51.51,   -0.13],
  ['europe-west3',            'Frankfurt',         EU, 'Frankfurt, Germany',                            50.11,    8.68],
  ['europe-west4',            'Netherlands',       EU, 'Eemshaven, Netherlands',                        53.44,    6.83],
  ['europe-west6',            'Zurich',            EU, 'Zurich, Switzerland',                           47.38,    8.54],
  ['europe-west8',            'Milan',             EU, 'Milan, Italy',                                  45.46,    9.19],
  ['europe-west9',            'Paris',             EU, 'Paris, France',                                 48.86,    2.35],
  ['europe-west10',           'Berlin',            EU, 'Berlin, Germany',                               52.52,   13.40],
  ['europe-west12',           'Turin',             EU, 'Turin, Italy',                                  45.07,    7.69],
  ['europe-north1',           'Finland',           EU, 'Hamina, Finland',                               60.57,   27.20],
  ['europe-north2',           'Stockholm',         EU, 'Stockholm, Sweden',                             59.33,   18.07],
  ['europe-central2',         'Warsaw',            EU, 'Warsaw, Poland',                                52.23,   21.01],
  ['europe-southwest1',       'Madrid',            EU, 'Madrid, Spain',                                 40.42,   -3.70],
  ['me-central1',             'Doha',              ME, 'Doha, Qatar',                                   25.29,   51.53],
  ['me-central2',             'Dammam',            ME, 'Dammam, Saudi Arabia',                          26.43,   50.10],
  ['me-west1',                'Tel Aviv',          ME, 'Tel Aviv, Israel',                              32.09,   34.78],
  ['africa-south1',           'Johannesburg',      AF, 'Johannesburg, South Africa',                   -26.20,   28.05],
  ['asia-east1',              'Taiwan',            AP, 'Changhua County, Taiwan',                       24.08,  120.54],
  ['asia-east2',              'Hong Kong',         AP, 'Hong Kong',                                     22.32,  114.17],
  ['asia-northeast1',         'Tokyo',             AP, 'Tokyo, Japan',                                  35.68,  139.69],
  ['asia-northeast2',         'Osaka',             AP, 'Osaka, Japan',                                  34.69,  135.50],
  ['asia-northeast3',         'Seoul',             AP, 'Seoul, South Korea',                            37.57,  126.98],
  ['asia-south1',             'Mumbai',            AP, 'Mumbai, India',                                 19.08,   72.88],
  ['asia-south2',             'Delhi',             AP, 'Delhi, India',                                  28.61,   77.21],
  ['asia-southeast1',         'Singapore',         AP, 'Jurong West, Singapore',                         1.34,  103.71],
  ['asia-southeast2',         'Jakarta',           AP, 'Jakarta, Indonesia',                            -6.21,  106.85],
  ['asia-southeast3',         'Bangkok',           AP, 'Bangkok, Thailand',                             13.76,  100.50],
  ['australia-southeast1',    'Sydney',            OC, 'Sydney, Australia',                            -33.87,  151.21],
  ['australia-southeast2',    'Melbourne',         OC, 'Melbourne, Australia',                         -37.81,  144.96],
]);

// VPC regions, which are also where IBM Cloud Kubernetes Service and Red Hat
// OpenShift on IBM Cloud create VPC clusters. The older classic-infrastructure
// names such as `uk-south` or `ap-north` are not VPC regions and are left out.
// prettier-ignore
const IBM_REGIONS = catalogue('ibm', [
  ['us-south', 'US South (Dallas)',       NA, 'Dallas, Texas, United States',  32.78, -96.80],
  ['us-east',  'US East (Washington DC)', NA, 'Washington DC, United States',  38.90, -77.04],
  ['ca-tor',   'Canada (Toronto)',        NA, 'Toronto, Canada',               43.65, -79.38],
  ['ca-mon',   'Canada (Montreal)',       NA, 'Montréal, Canada',              45.50, -73.57],
  ['br-sao',   'Brazil (São Paulo)',      SA, 'São Paulo, Brazil',            -23.55, -46.63],
  ['eu-gb',    'United Kingdom (London)', EU, 'London, United Kingdom',        51.51,  -0.13],
  ['eu-de',    'Germany (Frankfurt)',     EU, 'Frankfurt, Germany',            50.11,   8.68],
  ['eu-es',    'Spain (Madrid)',          EU, 'Madrid, Spain',                 40.42,  -3.70],
  ['in-che',   'India (Chennai)',         AP, 'Chennai, India',                13.08,  80.27],
  ['jp-tok',   'Japan (Tokyo)',           AP, 'Tokyo, Japan',                  35.68, 139.69],
  ['jp-osa',   'Japan (Osaka)',           AP, 'Osaka, Japan',                  34.69, 135.50],
  ['au-syd',   'Australia (Sydney)',      OC, 'Sydney, Australia',            -33.87, 151.21],
]);

// Commercial realm (OC1) only: government, sovereign and dedicated realms (for
// example Serbia Central, eu-jovanovac-1, in OC20) use other console domains.
// prettier-ignore
const ORACLE_REGIONS = catalogue('oracle', [
  ['us-ashburn-1',      'US East (Ashburn)',                   NA, 'Ashburn, Virginia, United States',     39.04,  -77.49],
  ['us-chicago-1',      'US Midwest (Chicago)',                NA, 'Chicago, Illinois, United States',     41.88,  -87.63],
  ['us-phoenix-1',      'US West (Phoenix)',                   NA, 'Phoenix, Arizona, United States',      33.45, -112.07],
  ['us-sanjose-1',      'US West (San Jose)',                  NA, 'San Jose, California, United States',  37.34, -121.89],
  ['ca-montreal-1',     'Canada Southeast (Montreal)',         NA, 'Montréal, Canada',                     45.50,  -73.57],
  ['ca-toronto-1',      'Canada Southeast (Toronto)',          NA, 'Toronto, Canada',                      43.65,  -79.38],
  ['mx-queretaro-1',    'Mexico Central (Queretaro)',          NA, 'Querétaro, Mexico',                    20.59, -100.39],
  ['mx-monterrey-1',    'Mexico Northeast (Monterrey)',        NA, 'Monterrey, Mexico',                    25.69, -100.32],
  ['sa-saopaulo-1',     'Brazil East (Sao Paulo)',             SA, 'São Paulo, Brazil',                   -23.55,  -46.63],
  ['sa-vinhedo-1',      'Brazil Southeast (Vinhedo)',          SA, 'Vinhedo, Brazil',                     -23.03,  -46.98],
  ['sa-santiago-1',     'Chile Central (Santiago)',            SA, 'Santiago, Chile',                     -33.45,  -70.67],
  ['sa-valparaiso-1',   'Chile West (Valparaiso)',             SA, 'Valparaíso, Chile',                   -33.05,  -71.62],
  ['sa-bogota-1',       'Colombia Central (Bogota)',           SA, 'Bogotá, Colombia',                      4.71,  -74.07],
  ['uk-london-1',       'UK South (London)',                   EU, 'London, United Kingdom',               51.51,   -0.13],
  ['uk-cardiff-1',      'UK West (Newport)',                   EU, 'Newport, United Kingdom',              51.59,   -3.00],
  ['eu-frankfurt-1',    'Germany Central (Frankfurt)',         EU, 'Frankfurt, Germany',                   50.11,    8.68],
  ['eu-amsterdam-1',    'Netherlands Northwest (Amsterdam)',   EU, 'Amsterdam, Netherlands',               52.37,    4.90],
  ['eu-paris-1',        'France Central (Paris)',              EU, 'Paris, France',                        48.86,    2.35],
  ['eu-marseille-1',    'France South (Marseille)',            EU, 'Marseille, France',                    43.30,    5.37],
  ['eu-milan-1',        'Italy Northwest (Milan)',             EU, 'Milan, Italy',                         45.46,    9.19],
  ['eu-turin-1',        'Italy North (Turin)',                 EU, 'Turin, Italy',                         45.07,    7.69],
  ['eu-madrid-1',       'Spain Central (Madrid)',              EU, 'Madrid, Spain',                        40.42,   -3.70],
  ['eu-madrid-3',       'Spain Central (Madrid 3)',            EU, 'Madrid, Spain',                        40.42,   -3.70],
  ['eu-stockholm-1',    'Sweden Central (Stockholm)',          EU, 'Stockholm, Sweden',                    59.33,   18.07],
  ['eu-zurich-1',       'Switzerland North (Zurich)',          EU, 'Zurich, Switzerland',                  47.38,    8.54],
  ['il-jerusalem-1',    'Israel Central (Jerusalem)',          ME, 'Jerusalem, Israel',                    31.77,   35.21],
  ['me-abudhabi-1',     'UAE Central (Abu Dhabi)',             ME, 'Abu Dhabi, United Arab Emirates',      24.45,   54.38],
  ['me-dubai-1',        'UAE East (Dubai)',                    ME, 'Dubai, United Arab Emirates',          25.20,   55.27],
  ['me-jeddah-1',       'Saudi Arabia West (Jeddah)',          ME, 'Jeddah, Saudi Arabia',                 21.49,   39.19],
  ['me-riyadh-1',       'Saudi Arabia Central (Riyadh)',       ME, 'Riyadh, Saudi Arabia',                 24.71,   46.68],
  ['af-johannesburg-1', 'South Africa Central (Johannesburg)', AF, 'Johannesburg, South Africa',          -26.20,   28.05],
  ['af-casablanca-1',   'Morocco West (Casablanca)',           AF, 'Casablanca, Morocco',                  33.57,   -7.59],
  ['ap-mumbai-1',       'India West (Mumbai)',                 AP, 'Mumbai, India',                        19.08,   72.88],
  ['ap-hyderabad-1',    'India South (Hyderabad)',             AP, 'Hyderabad, India',                     17.39,   78.49],
  ['ap-singapore-1',    'Singapore (Singapore)',               AP, 'Singapore',                             1.35,  103.82],
  ['ap-singapore-2',    'Singapore West (Singapore)',          AP, 'Singapore',                             1.33,  103.70],
  ['ap-batam-1',        'Indonesia North (Batam)',             AP, 'Batam, Indonesia',                      1.13,  104.05],
  ['ap-kulai-2',        'Malaysia West 2 (Kulai)',             AP, 'Kulai, Malaysia',                       1.66,  103.60],
  ['ap-tokyo-1',        'Japan East (Tokyo)',                  AP, 'Tokyo, Japan',                         35.68,  139.69],
  ['ap-osaka-1',        'Japan Central (Osaka)',               AP, 'Osaka, Japan',                         34.69,  135.50],
  ['ap-seoul-1',        'South Korea Central (Seoul)',         AP, 'Seoul, South Korea',                   37.57,  126.98],
  ['ap-chuncheon-1',    'South Korea North (Chuncheon)',       AP, 'Chuncheon, South Korea',               37.88,  127.73],
  ['ap-sydney-1',       'Australia East (Sydney)',             OC, 'Sydney, Australia',                   -33.87,  151.21],
  ['ap-melbourne-1',    'Australia Southeast (Melbourne)',     OC, 'Melbourne, Australia',                -37.81,  144.96],
]);

const REGIONS_BY_PROVIDER: Readonly<
  Record<CloudProvider, readonly RegionInfo[]>
> = Object.freeze({
  azure: AZURE_REGIONS,
  aws: AWS_REGIONS,
  gcp: GCP_REGIONS,
  ibm: IBM_REGIONS,
  oracle: ORACLE_REGIONS,
});

// Keyed by provider first so that lookups with an arbitrary provider string
// from a fleet file cannot collide with another provider's ids.
const REGION_INDEX: ReadonlyMap<
  string,
  ReadonlyMap<string, RegionInfo>
> = new Map(
  CLOUD_PROVIDERS.map(provider => [
    provider,
    new Map(REGIONS_BY_PROVIDER[provider].map(region => [region.id, region])),
  ]),
);

/**
 * Tells whether `value` is one of {@link CLOUD_PROVIDERS}.
 *
 * @public
 */
export function isCloudProvider(value: string): value is CloudProvider {
  return (CLOUD_PROVIDERS as readonly string[]).includes(value);
}

/**
 * All known regions of a provider, in catalogue order (grouped by geography).
 * The array and its entries are frozen.
 *
 * @public
 */
export function regionsOf(provider: CloudProvider): readonly RegionInfo[] {
  return REGIONS_BY_PROVIDER[provider];
}

/**
 * Looks up a region by provider and region id. Both are matched exactly, as
 * the providers' APIs spell them (lower case).
 *
 * @returns the region, or `undefined` for an unknown provider or region
 * @public
 */
export function findRegion(
  provider: string,
  id: string,
): RegionInfo | undefined {
  return REGION_INDEX.get(provider)?.get(id);
}

/**
 * Link to the provider's console for the Kubernetes clusters of that region.
 *
 * @remarks
 * The Azure portal and the Google Cloud console list clusters of all regions
 * on one page, so their links do not depend on the region.
 *
 * @public
 */
export function consoleUrl(provider: CloudProvider, regionId: string): string {
  const region = encodeURIComponent(regionId);
  switch (provider) {
    case 'aws':
      return `https://${region}.console.aws.amazon.com/eks/home?region=${region}#/clusters`;
    case 'azure':
      return 'https://portal.azure.com/#browse/Microsoft.ContainerService%2FmanagedClusters';
    case 'gcp':
      return 'https://console.cloud.google.com/kubernetes/list/overview';
    case 'ibm':
      return `https://cloud.ibm.com/kubernetes/clusters?region=${region}`;
    case 'oracle':
      return `https://cloud.oracle.com/containers/clusters?region=${region}`;
    default:
      return assertNever(provider);
  }
}

/**
 * Up to `limit` (default 3) known region ids of the provider closest to `id`
 * by edit distance, for "did you mean" messages.
 *
 * @remarks
 * The comparison ignores case, so `WestEurope` suggests `westeurope`. Ids too
 * far from `id` to be a plausible typo are left out, which means the result
 * can be empty. Ties keep catalogue order.
 *
 * @public
 */
export function suggestRegions(
  provider: CloudProvider,
  id: string,
  limit: number = 3,
): string[] {
  if (limit <= 0) {
    return [];
  }
  const wanted = id.trim();
  return closestMatches(
    wanted,
    regionsOf(provider).map(region => region.id),
    // Beyond this, a suggestion shares too little with the input to help.
    { limit, maxDistance: Math.max(3, Math.ceil(wanted.length / 2)) },
  );
}

/**
 * `"us-east-9" is not an aws region (did you mean "us-east-1", "us-east-2"?)`:
 * the one wording of an unknown region, wherever the suite checks one.
 */
export function unknownRegionMessage(
  provider: CloudProvider,
  region: string,
  what = `${/^[aeiou]/.test(provider) ? 'an' : 'a'} ${provider} region`,
): string {
  const hints = suggestRegions(provider, region, 3);
  const hint = hints.length
    ? ` (did you mean ${hints.map(h => `"${h}"`).join(', ')}?)`
    : '';
  return `"${region}" is not ${what}${hint}`;
}

function assertNever(value: never): never {
  throw new Error(`Unknown cloud provider: ${String(value)}`);
}
